//! The bulk-build entry point for relationships: an import hands the store each
//! relationships file's rows already parsed and in the order they are to get ids (by
//! start node), one at a time, with no property map per row; the schema checks run
//! after, over the new relationships in id order, so the first failure is the one a
//! row-by-row load would have met first.

use super::{constraints, Graph, GraphBuilder, NodeId, PropKeyId, RelEntry, RelId, RelTypeId};
use crate::error::{Error, Result};
use crate::value::Value;

impl GraphBuilder<'_> {
    /// The type named `name` when it is interned already; an error if a typed graph does
    /// not declare it. Reads only, so that parsing threads can ask.
    pub fn known_rel_type(&self, name: &str) -> Result<Option<RelTypeId>> {
        let graph = self.graph();
        constraints::resolve_rel_type(graph, name)?;
        Ok(graph.catalog().rel_type(name))
    }

    /// Appends a relationship between two live nodes with `props` (a later cell for the
    /// same key wins), coerced to the declared types as [`GraphBuilder::add_rel`] does,
    /// but not checked: call [`GraphBuilder::check_new_rels`] once all are in.
    pub fn append_rel(
        &mut self,
        ty: RelTypeId,
        start: NodeId,
        end: NodeId,
        props: impl Iterator<Item = (PropKeyId, Value)>,
    ) -> Result<RelId> {
        if !self.graph.contains_node(start) || !self.graph.contains_node(end) {
            return Err(Error::internal(format!("relationship between {start} and {end}: no such node")));
        }
        let id = self.graph.insert_rel(ty, start, end, Vec::new());
        if id.0 < self.rel_bound {
            self.reused_rels.push(id);
        }
        self.stats.relationships_created += 1;
        let typed = self.graph.schema.is_typed();
        for (key, mut value) in props {
            if typed {
                if let Some(def) = self.graph.schema.rel_property(ty, key).filter(|d| d.ty.admits(&value)) {
                    value = def.ty.coerce(value);
                }
            }
            if self.graph.set_rel_property_raw(id, key, Some(value)).is_none() {
                self.stats.properties_set += 1;
            }
        }
        Ok(id)
    }

    /// Checks relationships `ids` (appended by [`GraphBuilder::append_rel`]) against the
    /// schema in order; the first that fails, with its error.
    pub fn check_new_rels(&self, ids: impl Iterator<Item = RelId>) -> std::result::Result<(), (RelId, Error)> {
        let graph = &*self.graph;
        if !graph.schema.is_typed() {
            return Ok(());
        }
        let mut keys_by_type: Vec<Option<Vec<PropKeyId>>> = Vec::new();
        for id in ids {
            let Some(rel) = graph.rel(id) else { continue };
            let slot = rel.ty.0 as usize;
            if keys_by_type.len() <= slot {
                keys_by_type.resize(slot + 1, None);
            }
            let keys = keys_by_type[slot].get_or_insert_with(|| {
                graph
                    .rel_table(rel.ty)
                    .map(|t| t.columns().into_iter().map(|(k, _, _)| k).collect())
                    .unwrap_or_default()
            });
            if !passes(graph, rel, keys) {
                constraints::check_rel(graph, id).map_err(|e| (id, e))?;
            }
        }
        Ok(())
    }
}

/// Whether `rel` plainly fits its declared type: the type declared, its ends' labels
/// allowed, every property it holds (among the columns `keys`) declared and of the
/// declared type, every required one there, no `sources` rule. A sufficient condition
/// for `constraints::check_rel` to pass, without the property list it builds; where it
/// does not hold, `check_rel` decides and words the error.
fn passes(graph: &Graph, rel: RelEntry, keys: &[PropKeyId]) -> bool {
    let Some(ty) = graph.schema.rel_type(rel.ty) else { return false };
    if !ty.admits_endpoints(graph.node_labels(rel.start), graph.node_labels(rel.end)) {
        return false;
    }
    let catalog = graph.catalog();
    for &key in keys {
        let Some(value) = graph.rel_property(rel.id, key) else { continue };
        match ty.properties.iter().find(|d| d.key == key) {
            Some(def) if def.ty.admits(&value) => {}
            _ => return false,
        }
    }
    ty.properties.iter().all(|def| {
        &**catalog.prop_key_name(def.key) != "sources"
            && (!def.required || graph.rel_property(rel.id, def.key).is_some())
    })
}
