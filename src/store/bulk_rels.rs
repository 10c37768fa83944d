//! The bulk-build entry point for relationships: an import hands the store each
//! relationships file's rows already parsed and in the order they are to be numbered
//! (by start node), one at a time, with no property map per row. Each row is checked
//! against the schema before it is taken, so the first failure is the one a row by row
//! load in that order would have met first.
//!
//! A relationship appended so gets no record: the load keeps only its two ends, in a
//! list per type ([`PendingRels`], 8 bytes a relationship), and its properties go to
//! its type's table at the next row. At [`GraphBuilder::finish`] each type's list
//! becomes its outgoing arrays in one pass (`TypeLayout::of_appended`: the ends become
//! the far nodes, the starts are counted into offsets), numbered in (type, start node,
//! append) order as every bulk load is, and the incoming arrays are built from them as a
//! snapshot load builds them. Where the load is not all the graph's relationships (it
//! added to a graph that had some, or a range index on relationships files them by id),
//! the lists become records first and the store's general rebuild runs instead.

use super::adjacency::{Adjacency, TypeLayout};
use super::{constraints, Graph, GraphBuilder, NodeId, PropKeyId, RelEntry, RelId, RelTypeId};
use crate::error::{Error, Result};
use crate::value::Value;

/// Relationships a bulk load appended that have no id yet: each type's, in the order
/// they came.
#[derive(Debug, Default)]
pub(super) struct PendingRels {
    by_type: Vec<PendingType>,
}

#[derive(Debug, Default)]
struct PendingType {
    starts: Vec<u32>,
    ends: Vec<u32>,
    /// The table row of the type's first pending relationship; the others' rows follow it.
    first_row: u32,
}

impl PendingRels {
    pub(super) fn is_empty(&self) -> bool {
        self.by_type.iter().all(|p| p.starts.is_empty())
    }

    fn of_type(&mut self, ty: RelTypeId) -> &mut PendingType {
        let i = ty.0 as usize;
        if self.by_type.len() <= i {
            self.by_type.resize_with(i + 1, PendingType::default);
        }
        &mut self.by_type[i]
    }
}

impl GraphBuilder<'_> {
    /// The type named `name` when it is interned already; an error if a typed graph does
    /// not declare it. Reads only, so that parsing threads can ask.
    pub fn known_rel_type(&self, name: &str) -> Result<Option<RelTypeId>> {
        let graph = self.graph();
        constraints::resolve_rel_type(graph, name)?;
        Ok(graph.catalog().rel_type(name))
    }

    /// Appends a relationship between two live nodes with `props` (a later entry for the
    /// same key wins; the vector is left empty), coerced to the declared types as
    /// [`GraphBuilder::add_rel`] does and checked against the schema first. Its id is
    /// given at [`GraphBuilder::finish`]; until then the graph's reads do not see it.
    pub fn append_rel(
        &mut self,
        ty: RelTypeId,
        start: NodeId,
        end: NodeId,
        props: &mut Vec<(PropKeyId, Value)>,
    ) -> Result<()> {
        if !self.graph.contains_node(start) || !self.graph.contains_node(end) {
            return Err(Error::internal(format!("relationship between {start} and {end}: no such node")));
        }
        later_entries_win(props);
        let graph = &*self.graph;
        if graph.schema.is_typed() {
            for (key, value) in props.iter_mut() {
                if let Some(def) = graph.schema.rel_property(ty, *key).filter(|d| d.ty.admits(value)) {
                    *value = def.ty.coerce(std::mem::replace(value, Value::Null));
                }
            }
            let entry = RelEntry { id: RelId(u32::MAX), ty, start, end };
            if !passes(graph, entry, props) {
                constraints::check_rel_parts(graph, entry, props)?;
            }
        }
        self.stats.properties_set += props.len() as u64;
        self.stats.relationships_created += 1;
        let row = self.graph.ensure_rel_table(ty).push_row_from(props.drain(..));
        let pending = self.pending.of_type(ty);
        if pending.starts.is_empty() {
            pending.first_row = row;
        }
        pending.starts.push(start.0);
        pending.ends.push(end.0);
        Ok(())
    }

    /// Gives the pending relationships records (the general path: ids after every
    /// other, in type order), as a load that mixes them with others needs.
    pub(super) fn record_pending(&mut self) {
        let pending = std::mem::take(&mut self.pending);
        for (ty, p) in pending.by_type.into_iter().enumerate() {
            for (k, (&start, &end)) in p.starts.iter().zip(&p.ends).enumerate() {
                let row = p.first_row + k as u32;
                let id = self.graph.insert_rel_at_row(RelTypeId(ty as u32), row, NodeId(start), NodeId(end));
                if id.0 < self.rel_bound {
                    self.reused_rels.push(id);
                }
            }
        }
    }

    /// Forgets the pending relationships and clears their property rows (an undone load).
    pub(super) fn discard_pending(&mut self) {
        let pending = std::mem::take(&mut self.pending);
        for (ty, p) in pending.by_type.into_iter().enumerate() {
            let Some(table) = self.graph.rel_tables.get_mut(ty) else { continue };
            for k in 0..p.starts.len() as u32 {
                table.take_row(p.first_row + k);
            }
        }
    }

    /// Places the pending relationships straight into the adjacency's arrays when they
    /// are all the relationships the graph has (a fresh import); whether it did. Each
    /// type's ids are consecutive, in (type, start node, append) order.
    pub(super) fn place_pending_in_arrays(&mut self) -> bool {
        let graph = &*self.graph;
        let alone = graph.rel_id_bound() == 0
            && !self.placed_rels
            && self.reused_rels.is_empty()
            && !graph.rels_range_indexed()
            && self.pending.by_type.iter().enumerate().all(|(ty, p)| {
                let rows = graph.rel_tables.get(ty).map_or(0, |t| t.n_rows());
                p.starts.is_empty() || (p.first_row == 0 && rows as usize == p.starts.len())
            });
        if !alone || self.pending.is_empty() {
            return false;
        }
        let pending = std::mem::take(&mut self.pending);
        let n_types = graph.catalog.rel_types.len().max(graph.rel_tables.len()).max(pending.by_type.len());
        let node_bound = graph.nodes.len();
        let mut layouts = Vec::with_capacity(n_types);
        let mut n_by_type = vec![0u32; n_types];
        let mut next_id = 0u32;
        for (ty, p) in pending.by_type.into_iter().enumerate() {
            let n = p.starts.len() as u32;
            let (layout, order) = TypeLayout::of_appended(p.starts, p.ends, next_id);
            if let (Some(order), Some(table)) = (order, self.graph.rel_tables.get_mut(ty)) {
                table.permute_rows(&order);
            }
            layouts.push(layout);
            n_by_type[ty] = n;
            next_id += n;
        }
        layouts.resize_with(n_types, TypeLayout::default);
        match Adjacency::from_appended(node_bound, layouts) {
            Ok(adjacency) => self.graph.set_adjacency(adjacency, &n_by_type),
            // Not expected (every end was checked live as it came): records instead.
            Err(layouts) => self.record_layouts(&layouts),
        }
        true
    }

    /// Records the relationships of `layouts` (each position's row its position), for
    /// the general rebuild to place.
    fn record_layouts(&mut self, layouts: &[TypeLayout]) {
        for (ty, layout) in layouts.iter().enumerate() {
            for (pos, start, end) in layout.positions() {
                self.graph.insert_rel_at_row(RelTypeId(ty as u32), pos, NodeId(start), NodeId(end));
            }
        }
        self.graph.rebuild_adjacency();
    }
}

/// Drops all but the last entry of each key, and null values.
fn later_entries_win(props: &mut Vec<(PropKeyId, Value)>) {
    let mut i = 0;
    while i < props.len() {
        let key = props[i].0;
        if props[i].1.is_null() || props[i + 1..].iter().any(|(k, _)| *k == key) {
            props.remove(i);
        } else {
            i += 1;
        }
    }
}

/// Whether `rel` with `props` plainly fits its declared type: the type declared, its
/// ends' labels allowed, every property declared and of the declared type, every
/// required one there, no `sources` rule. A sufficient condition for
/// `constraints::check_rel_parts` to pass, without the list it builds; where it does
/// not hold, that check decides and words the error.
fn passes(graph: &Graph, rel: RelEntry, props: &[(PropKeyId, Value)]) -> bool {
    let Some(ty) = graph.schema.rel_type(rel.ty) else { return false };
    if !ty.admits_endpoints(graph.node_labels(rel.start), graph.node_labels(rel.end)) {
        return false;
    }
    let catalog = graph.catalog();
    for (key, value) in props {
        match ty.properties.iter().find(|d| d.key == *key) {
            Some(def) if def.ty.admits(value) => {}
            _ => return false,
        }
    }
    ty.properties.iter().all(|def| {
        &**catalog.prop_key_name(def.key) != "sources" && (!def.required || props.iter().any(|(k, _)| *k == def.key))
    })
}
