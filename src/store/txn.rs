//! Transactions: every write goes through a [`Txn`], which records each change so a
//! failing statement can be undone exactly, and a committed one can be journaled.
//!
//! A `Txn` that is dropped without [`Txn::commit`] rolls back, so an early `?` return in
//! the executor can never leave half a statement behind.

use super::property_constraints::{self, Constraint};
use super::range_index::IndexDef;
use super::{
    constraints, Graph, LabelId, NodeId, NodeType, PropKeyId, PropertyMap, RelEntry, RelId, RelType, RelTypeId,
};
use crate::error::{Error, ErrorCode, Result};

mod savepoint;
use crate::span::Span;
use crate::value::Value;
pub use savepoint::{PartHook, Savepoint};

/// One change to the graph, with what it replaced: undone in reverse on rollback,
/// replayed in order by a redo (journal).
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    CreateNode { id: NodeId, labels: Vec<LabelId>, props: Vec<(PropKeyId, Value)> },
    DeleteNode { id: NodeId, labels: Vec<LabelId>, props: Vec<(PropKeyId, Value)> },
    SetNodeProperty { id: NodeId, key: PropKeyId, old: Option<Value>, new: Option<Value> },
    SetLabels { id: NodeId, old: Vec<LabelId>, new: Vec<LabelId> },
    CreateRel { entry: RelEntry, props: Vec<(PropKeyId, Value)> },
    DeleteRel { entry: RelEntry, props: Vec<(PropKeyId, Value)> },
    SetRelProperty { id: RelId, key: PropKeyId, old: Option<Value>, new: Option<Value> },
    DefineNodeType(NodeType),
    DefineRelType(RelType),
    CreateConstraint(Constraint),
    DropConstraint(Constraint),
    CreateIndex(IndexDef),
    DropIndex(IndexDef),
}

/// The side effects of a statement, as `stats` in the JSON output.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Stats {
    pub nodes_created: u64,
    pub nodes_deleted: u64,
    pub relationships_created: u64,
    pub relationships_deleted: u64,
    pub properties_set: u64,
    pub labels_added: u64,
    pub labels_removed: u64,
    pub types_defined: u64,
    pub constraints_added: u64,
    pub constraints_removed: u64,
}

impl Stats {
    pub fn contains_updates(&self) -> bool {
        *self != Stats::default()
    }
}

/// An entity to check against the schema at commit, with the text that wrote it.
#[derive(Debug, Clone, Copy)]
enum Touched {
    Node(NodeId, Option<Span>),
    Rel(RelId, Option<Span>),
}

/// What a statement is about to commit, as a journal records it: the names it interned
/// (with the ids they start at) and its changes.
#[derive(Debug, Clone, Copy)]
pub struct Committed<'a> {
    /// How many labels, relationship types and property keys the catalog held before the
    /// statement: its new names take the ids from there on.
    pub name_bases: [usize; 3],
    /// The labels, relationship types and property keys the statement interned.
    pub new_names: [&'a [std::sync::Arc<str>]; 3],
    pub changes: &'a [Change],
}

impl Committed<'_> {
    /// A statement that changed nothing, not even the catalog, needs no journal record.
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty() && self.new_names.iter().all(|names| names.is_empty())
    }
}

/// What an explicit transaction (BEGIN … COMMIT) has done between its statements: its
/// undo log, and the catalog's size at BEGIN. It holds no borrow of the graph, so a
/// `Database` (or, later, a server session) keeps it while no statement runs;
/// [`Txn::resume`] takes it up for the next statement, [`Txn::suspend`] sets it down.
/// Dropping it does nothing: [`Txn::resume`] then [`Txn::rollback`] undoes it.
#[derive(Debug, Clone, Default)]
pub struct TxnLog {
    changes: Vec<Change>,
    catalog_lens: [usize; 3],
}

impl TxnLog {
    /// A transaction beginning on `graph` as it is now.
    pub fn begin(graph: &Graph) -> TxnLog {
        TxnLog { changes: Vec::new(), catalog_lens: graph.catalog().lens() }
    }

    /// How many changes the transaction holds so far.
    pub fn len(&self) -> usize {
        self.changes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }

    /// Whether it declared a node or relationship type or made or dropped an index (schema writes).
    pub fn has_schema_writes(&self) -> bool {
        self.changes.iter().any(|c| {
            matches!(
                c,
                Change::DefineNodeType(_) | Change::DefineRelType(_) | Change::CreateIndex(_) | Change::DropIndex(_)
            )
        })
    }

    /// Whether it changed data (not the schema).
    pub fn has_data_writes(&self) -> bool {
        self.changes.iter().any(|c| {
            !matches!(
                c,
                Change::DefineNodeType(_) | Change::DefineRelType(_) | Change::CreateIndex(_) | Change::DropIndex(_)
            )
        })
    }
}

/// A write transaction over one statement (or one statement of an explicit transaction).
pub struct Txn<'g> {
    graph: &'g mut Graph,
    changes: Vec<Change>,
    touched: Vec<Touched>,
    stats: Stats,
    origin: Option<Span>,
    finished: bool,
    /// The catalog's size when the transaction began: names interned since are undone.
    catalog_lens: [usize; 3],
    /// Where a part of the statement is committed (`CALL { … } IN TRANSACTIONS` batches):
    /// the journal of a durable database (`savepoint.rs`).
    part_hook: Option<PartHook<'g>>,
    /// Taken up from an explicit transaction's log: no part of it may commit on its own.
    explicit: bool,
    /// Where this statement's changes begin in `changes` (after an explicit transaction's
    /// earlier statements): the stale-provenance check reads only this statement's.
    statement_start: usize,
    /// How many changes (and undos of part of them) the statement has made: unlike
    /// `changes`, never goes back, so that a cache of what the graph held can tell it is stale.
    writes: u64,
}

impl<'g> Txn<'g> {
    pub fn new(graph: &'g mut Graph) -> Txn<'g> {
        let catalog_lens = graph.catalog().lens();
        Txn {
            catalog_lens,
            graph,
            changes: Vec::new(),
            touched: Vec::new(),
            stats: Stats::default(),
            origin: None,
            finished: false,
            part_hook: None,
            explicit: false,
            statement_start: 0,
            writes: 0,
        }
    }

    pub fn graph(&self) -> &Graph {
        self.graph
    }

    /// How many changes the statement has made so far (for checks that nothing changed
    /// while a reader was reading).
    pub fn change_count(&self) -> usize {
        self.changes.len()
    }

    /// A number that grows with every change the statement makes to the graph (and every
    /// undo of part of them): equal at two moments only if nothing changed in between.
    pub fn write_count(&self) -> u64 {
        self.writes
    }

    /// Logs `change`, made to the graph.
    fn record(&mut self, change: Change) {
        self.writes += 1;
        self.changes.push(change);
    }

    pub fn stats(&self) -> Stats {
        self.stats
    }

    /// Names the text responsible for the writes that follow, for error positions.
    pub fn set_origin(&mut self, span: Span) {
        self.origin = Some(span);
    }

    fn fail(&self, code: ErrorCode, message: String) -> Error {
        let err = Error::new(code, message);
        match self.origin {
            Some(span) => err.with_span(span),
            None => err,
        }
    }

    /// Takes up an explicit transaction's log for its next statement: its changes so far
    /// are undone too if this statement fails (or is dropped unfinished), and its catalog
    /// base is the one of BEGIN. The statement's stats count from zero.
    pub fn resume(graph: &'g mut Graph, log: TxnLog) -> Txn<'g> {
        let log_len = log.changes.len();
        Txn {
            catalog_lens: log.catalog_lens,
            graph,
            changes: log.changes,
            touched: Vec::new(),
            stats: Stats::default(),
            origin: None,
            finished: false,
            part_hook: None,
            explicit: true,
            statement_start: log_len,
            writes: 0,
        }
    }

    /// Ends a statement of an explicit transaction without committing it: the entities it
    /// touched are checked against the schema, `hook` sees what the transaction holds so
    /// far (a read-only database refuses changes there), and the log is handed back for
    /// the next statement. On error everything since BEGIN is undone.
    pub fn suspend_with(mut self, hook: impl FnOnce(&Committed<'_>) -> Result<()>) -> Result<(Stats, TxnLog)> {
        self.check_touched()?;
        hook(&self.committed())?;
        self.finished = true;
        // No compaction until the transaction ends: a rollback must find every
        // relationship it created or deleted where the statements left it.
        let log = TxnLog { changes: std::mem::take(&mut self.changes), catalog_lens: self.catalog_lens };
        Ok((self.stats, log))
    }

    /// The id of a label, interned if the graph is open; in a typed graph, an error
    /// unless the schema declares it.
    pub fn label(&mut self, name: &str) -> Result<LabelId> {
        constraints::resolve_label(self.graph, name).map_err(|e| e.or_span_opt(self.origin))?;
        Ok(self.graph.catalog_mut().intern_label(name))
    }

    pub fn rel_type(&mut self, name: &str) -> Result<RelTypeId> {
        constraints::resolve_rel_type(self.graph, name).map_err(|e| e.or_span_opt(self.origin))?;
        Ok(self.graph.catalog_mut().intern_rel_type(name))
    }

    /// A label named in a type definition: interned without the schema check, since
    /// the definition is what declares it.
    pub fn label_for_definition(&mut self, name: &str) -> LabelId {
        self.graph.catalog_mut().intern_label(name)
    }

    pub fn rel_type_for_definition(&mut self, name: &str) -> RelTypeId {
        self.graph.catalog_mut().intern_rel_type(name)
    }

    pub fn prop_key(&mut self, name: &str) -> PropKeyId {
        self.graph.catalog_mut().intern_prop_key(name)
    }

    pub fn create_node(&mut self, labels: Vec<LabelId>, props: Vec<(PropKeyId, Value)>) -> Result<NodeId> {
        let mut labels = labels;
        labels.sort();
        labels.dedup();
        let props = PropertyMap::from_entries(props);
        let props = constraints::coerce_node_props(self.graph, &labels, props);
        constraints::check_keys_free(self.graph, None, &labels, &props).map_err(|e| e.or_span_opt(self.origin))?;
        let entries: Vec<(PropKeyId, Value)> = props.iter().map(|(k, v)| (k, v.clone())).collect();
        let id = self.graph.insert_node(labels.clone(), props);
        self.stats.nodes_created += 1;
        self.stats.properties_set += entries.len() as u64;
        self.stats.labels_added += labels.len() as u64;
        self.record(Change::CreateNode { id, labels, props: entries });
        self.touched.push(Touched::Node(id, self.origin));
        Ok(id)
    }

    pub fn create_rel(
        &mut self,
        ty: RelTypeId,
        start: NodeId,
        end: NodeId,
        props: Vec<(PropKeyId, Value)>,
    ) -> Result<RelId> {
        for node in [start, end] {
            if !self.graph.contains_node(node) {
                return Err(self.fail(ErrorCode::DeletedEntityAccess, format!("node {node} has been deleted")));
            }
        }
        let props = constraints::coerce_rel_props(self.graph, ty, PropertyMap::from_entries(props)).into_entries();
        let n_props = props.len() as u64;
        let id = self.graph.insert_rel(ty, start, end, props.clone());
        self.stats.relationships_created += 1;
        self.stats.properties_set += n_props;
        self.record(Change::CreateRel { entry: RelEntry { id, ty, start, end }, props });
        self.touched.push(Touched::Rel(id, self.origin));
        Ok(id)
    }

    /// Sets a node property; `null` removes it.
    pub fn set_node_property(&mut self, id: NodeId, key: PropKeyId, value: Value) -> Result<()> {
        if !self.graph.contains_node(id) {
            return Err(self.fail(ErrorCode::DeletedEntityAccess, format!("node {id} has been deleted")));
        }
        let labels = self.graph.node_labels(id).to_vec();
        let value = constraints::coerce_node_value(self.graph, &labels, key, value);
        let new = Some(value).filter(|v| !v.is_null());
        if let Some(v) = &new {
            let probe = PropertyMap::from_entries(vec![(key, v.clone())]);
            constraints::check_keys_free(self.graph, Some(id), &labels, &probe)
                .map_err(|e| e.or_span_opt(self.origin))?;
        }
        let old = self.graph.set_node_property_raw(id, key, new.clone());
        // Setting null where there was no value changes nothing, and Neo4j does not count it.
        if old.is_some() || new.is_some() {
            self.stats.properties_set += 1;
        }
        self.record(Change::SetNodeProperty { id, key, old, new });
        self.touched.push(Touched::Node(id, self.origin));
        Ok(())
    }

    pub fn set_rel_property(&mut self, id: RelId, key: PropKeyId, value: Value) -> Result<()> {
        let Some(entry) = self.graph.rel(id) else {
            return Err(self.fail(ErrorCode::DeletedEntityAccess, format!("relationship {id} has been deleted")));
        };
        let value = match self.graph.schema().rel_property(entry.ty, key) {
            Some(def) => def.ty.coerce(value),
            None => value,
        };
        let new = Some(value).filter(|v| !v.is_null());
        let old = self.graph.set_rel_property_raw(id, key, new.clone());
        if old.is_some() || new.is_some() {
            self.stats.properties_set += 1;
        }
        self.record(Change::SetRelProperty { id, key, old, new });
        self.touched.push(Touched::Rel(id, self.origin));
        Ok(())
    }

    /// Adds and removes labels of a node.
    pub fn set_labels(&mut self, id: NodeId, add: &[LabelId], remove: &[LabelId]) -> Result<()> {
        if !self.graph.contains_node(id) {
            return Err(self.fail(ErrorCode::DeletedEntityAccess, format!("node {id} has been deleted")));
        }
        let old = self.graph.node_labels(id).to_vec();
        let mut new: Vec<LabelId> = old.iter().copied().filter(|l| !remove.contains(l)).collect();
        new.extend(add.iter().copied().filter(|l| !old.contains(l)));
        new.sort();
        new.dedup();
        if new == old {
            return Ok(());
        }
        let props = PropertyMap::from_entries(self.graph.node_properties(id));
        constraints::check_keys_free(self.graph, Some(id), &new, &props).map_err(|e| e.or_span_opt(self.origin))?;
        self.stats.labels_added += new.iter().filter(|l| !old.contains(l)).count() as u64;
        self.stats.labels_removed += old.iter().filter(|l| !new.contains(l)).count() as u64;
        self.graph.set_node_labels_raw(id, new.clone());
        // A node's relationships may no longer fit their endpoint rules.
        let rels: Vec<RelId> = self.graph.rels_of(id, super::Direction::Both).map(|r| r.id).collect();
        self.touched.extend(rels.into_iter().map(|r| Touched::Rel(r, self.origin)));
        self.touched.push(Touched::Node(id, self.origin));
        self.record(Change::SetLabels { id, old, new });
        Ok(())
    }

    pub fn delete_rel(&mut self, id: RelId) -> Result<()> {
        // Deleting what is already gone is a no-op, as in Cypher.
        if let Some((entry, props)) = self.graph.retire_rel(id) {
            self.stats.relationships_deleted += 1;
            self.record(Change::DeleteRel { entry, props });
        }
        Ok(())
    }

    /// Deletes a node; with `detach`, its relationships first. Without it, a node that
    /// still has relationships is an error.
    pub fn delete_node(&mut self, id: NodeId, detach: bool) -> Result<()> {
        if !self.graph.contains_node(id) {
            return Ok(());
        }
        let rels: Vec<RelId> = self.graph.rels_of(id, super::Direction::Both).map(|r| r.id).collect();
        if !rels.is_empty() && !detach {
            return Err(self.fail(
                ErrorCode::DeleteConnectedNode,
                format!("cannot delete node {id}: it still has {} relationship(s); use DETACH DELETE", rels.len()),
            ));
        }
        for rel in rels {
            self.delete_rel(rel)?;
        }
        if let Some((labels, props)) = self.graph.retire_node(id) {
            self.stats.nodes_deleted += 1;
            self.record(Change::DeleteNode { id, labels, props: props.into_entries() });
        }
        Ok(())
    }

    pub fn define_node_type(&mut self, ty: NodeType) -> Result<()> {
        constraints::check_new_node_type(self.graph, &ty).map_err(|e| e.or_span_opt(self.origin))?;
        self.graph.declare_node_type(ty.clone());
        self.stats.types_defined += 1;
        self.record(Change::DefineNodeType(ty));
        Ok(())
    }

    /// Adds an index (`CREATE INDEX`), filled from the entities there are.
    pub fn create_index(&mut self, def: IndexDef) -> Result<()> {
        self.graph.add_index(def.clone()).map_err(|e| e.or_span_opt(self.origin))?;
        self.record(Change::CreateIndex(def));
        Ok(())
    }

    /// Drops the index called `name` (`DROP INDEX`); whether there was one.
    pub fn drop_index(&mut self, name: &str) -> bool {
        match self.graph.remove_index(name) {
            Some(def) => {
                self.record(Change::DropIndex(def));
                true
            }
            None => false,
        }
    }

    pub fn define_rel_type(&mut self, ty: RelType) -> Result<()> {
        constraints::check_new_rel_type(self.graph, &ty).map_err(|e| e.or_span_opt(self.origin))?;
        self.graph.schema.insert_rel_type(ty.clone());
        self.stats.types_defined += 1;
        self.record(Change::DefineRelType(ty));
        Ok(())
    }

    /// Adds a Neo4j property constraint after checking it against the schema and the
    /// data already in the graph.
    /// An unnamed constraint (empty name) gets Neo4j's generated one; with
    /// `if_not_exists`, one already there of the name or rule makes this do nothing.
    pub fn create_constraint(&mut self, mut c: Constraint, if_not_exists: bool) -> Result<()> {
        if c.name.is_empty() {
            c.name = property_constraints::default_name(self.graph, &c).into();
        }
        let fresh =
            property_constraints::check_new(self.graph, &c, if_not_exists).map_err(|e| e.or_span_opt(self.origin))?;
        if !fresh {
            return Ok(());
        }
        property_constraints::verify_new(self.graph, &c).map_err(|e| e.or_span_opt(self.origin))?;
        self.graph.schema.insert_constraint(c.clone());
        self.stats.constraints_added += 1;
        self.record(Change::CreateConstraint(c));
        Ok(())
    }

    /// Drops the constraint called `name`; `false` when there is none.
    pub fn drop_constraint(&mut self, name: &str) -> bool {
        match self.graph.schema.remove_constraint(name) {
            Some(c) => {
                self.stats.constraints_removed += 1;
                self.record(Change::DropConstraint(c));
                true
            }
            None => false,
        }
    }

    /// Checks every entity the statement touched against the schema, then makes the
    /// changes permanent. On error, everything is undone.
    pub fn commit(self) -> Result<(Stats, Vec<Change>)> {
        self.commit_with(|_| Ok(()))
    }

    /// Like [`Txn::commit`], but hands what the statement did to `hook` once the schema
    /// checks pass and before the changes become permanent: the journal writes it to
    /// disk there. If the hook fails (a full disk), everything is undone, so the graph in
    /// memory never holds a statement the journal does not.
    pub fn commit_with(mut self, hook: impl FnOnce(&Committed<'_>) -> Result<()>) -> Result<(Stats, Vec<Change>)> {
        self.check_touched()?;
        // On error `self` is dropped unfinished, which undoes everything.
        hook(&self.committed())?;
        self.finished = true;
        self.graph.maintain();
        Ok((self.stats, std::mem::take(&mut self.changes)))
    }

    /// Checks every entity written since the last check against the schema and the
    /// property constraints.
    fn check_touched(&mut self) -> Result<()> {
        let touched = std::mem::take(&mut self.touched);
        for &touched in &touched {
            let checked = match touched {
                Touched::Node(id, span) => constraints::check_node(self.graph, id).map_err(|e| e.or_span_opt(span)),
                Touched::Rel(id, span) => constraints::check_rel(self.graph, id).map_err(|e| e.or_span_opt(span)),
            };
            checked?;
        }
        let statement = self.changes.get(self.statement_start..).unwrap_or_default();
        let origin = touched.iter().find_map(|t| match *t {
            Touched::Node(_, span) | Touched::Rel(_, span) => span,
        });
        super::stale_provenance::check(self.graph, statement).map_err(|e| e.or_span_opt(origin))?;
        self.check_property_constraints(&touched)
    }

    /// Everything since the transaction began, as the journal records it.
    fn committed(&self) -> Committed<'_> {
        let catalog = self.graph.catalog();
        let bases = self.catalog_lens;
        Committed {
            name_bases: bases,
            new_names: [
                catalog.labels.names().get(bases[0]..).unwrap_or(&[]),
                catalog.rel_types.names().get(bases[1]..).unwrap_or(&[]),
                catalog.prop_keys.names().get(bases[2]..).unwrap_or(&[]),
            ],
            changes: &self.changes,
        }
    }

    /// Neo4j's property constraints over what the statement touched, at the span of the
    /// first write.
    fn check_property_constraints(&self, touched: &[Touched]) -> Result<()> {
        if self.graph.schema().constraints().is_empty() {
            return Ok(());
        }
        let mut nodes = Vec::new();
        let mut rels = Vec::new();
        let mut span = None;
        for t in touched {
            match *t {
                Touched::Node(id, s) => {
                    nodes.push(id);
                    span = span.or(s);
                }
                Touched::Rel(id, s) => {
                    rels.push(id);
                    span = span.or(s);
                }
            }
        }
        nodes.sort_unstable();
        nodes.dedup();
        rels.sort_unstable();
        rels.dedup();
        property_constraints::check_touched(self.graph, &nodes, &rels).map_err(|e| e.or_span_opt(span))
    }

    /// Undoes every change, newest first.
    pub fn rollback(mut self) {
        self.undo_all();
    }

    fn undo_all(&mut self) {
        self.finished = true;
        while let Some(change) = self.changes.pop() {
            undo(self.graph, change);
        }
        self.graph.catalog_mut().truncate(self.catalog_lens);
    }
}

impl Drop for Txn<'_> {
    fn drop(&mut self) {
        if !self.finished {
            self.undo_all();
        }
    }
}

fn undo(graph: &mut Graph, change: Change) {
    match change {
        Change::CreateNode { id, .. } => graph.unmake_node(id),
        Change::DeleteNode { id, labels, props } => {
            // The slot was retired by this statement, so taking it back cannot fail.
            let _ = graph.place_node(id, labels, PropertyMap::from_entries(props));
        }
        Change::SetNodeProperty { id, key, old, .. } => {
            graph.set_node_property_raw(id, key, old);
        }
        Change::SetLabels { id, old, .. } => {
            graph.set_node_labels_raw(id, old);
        }
        Change::CreateRel { entry, .. } => graph.unmake_rel(entry.id),
        Change::DeleteRel { entry, props } => {
            let _ = graph.place_rel(entry.id, entry, props);
        }
        Change::SetRelProperty { id, key, old, .. } => {
            graph.set_rel_property_raw(id, key, old);
        }
        Change::DefineNodeType(ty) => graph.undeclare_node_type(ty.label),
        Change::DefineRelType(ty) => graph.schema.remove_rel_type(ty.rel_type),
        Change::CreateConstraint(c) => {
            graph.schema.remove_constraint(&c.name);
        }
        Change::DropConstraint(c) => graph.schema.insert_constraint(c),
        Change::CreateIndex(def) => {
            graph.remove_index(&def.name);
        }
        Change::DropIndex(def) => {
            // It held before it was dropped, and the statement changed nothing since.
            let _ = graph.add_index(def);
        }
    }
}

/// Applies committed changes again, placing entities at their recorded ids: the redo
/// of a journal. Each change must find the graph as the original statement left it
/// (a node to update exists, an id to place is free); otherwise it is an error naming
/// what did not match, and the caller discards the graph.
pub(crate) fn redo(graph: &mut Graph, changes: Vec<Change>) -> Result<()> {
    for change in changes {
        redo_one(graph, change)?;
    }
    Ok(())
}

fn mismatch(message: String) -> Error {
    Error::new(ErrorCode::CorruptJournal, message)
}

fn live_node(graph: &Graph, id: NodeId) -> Result<()> {
    match graph.contains_node(id) {
        true => Ok(()),
        false => Err(mismatch(format!("node {id} does not exist"))),
    }
}

fn live_rel(graph: &Graph, id: RelId) -> Result<()> {
    match graph.contains_rel(id) {
        true => Ok(()),
        false => Err(mismatch(format!("relationship {id} does not exist"))),
    }
}

fn redo_one(graph: &mut Graph, change: Change) -> Result<()> {
    match change {
        Change::CreateNode { id, labels, props } => graph.place_node(id, labels, PropertyMap::from_entries(props))?,
        Change::DeleteNode { id, .. } => {
            live_node(graph, id)?;
            if graph.degree(id, super::Direction::Both) > 0 {
                return Err(mismatch(format!("node {id} still has relationships")));
            }
            graph.retire_node(id);
        }
        Change::SetNodeProperty { id, key, new, .. } => {
            live_node(graph, id)?;
            graph.set_node_property_raw(id, key, new);
        }
        Change::SetLabels { id, new, .. } => {
            live_node(graph, id)?;
            graph.set_node_labels_raw(id, new);
        }
        Change::CreateRel { entry, props } => graph.place_rel(entry.id, entry, props)?,
        Change::DeleteRel { entry, .. } => {
            live_rel(graph, entry.id)?;
            graph.retire_rel(entry.id);
        }
        Change::SetRelProperty { id, key, new, .. } => {
            live_rel(graph, id)?;
            graph.set_rel_property_raw(id, key, new);
        }
        Change::DefineNodeType(ty) => {
            if graph.schema().node_type(ty.label).is_some() {
                return Err(mismatch(format!("node type {} is already defined", ty.label)));
            }
            graph.declare_node_type(ty)
        }
        Change::DefineRelType(ty) => {
            if graph.schema().rel_type(ty.rel_type).is_some() {
                return Err(mismatch(format!("relationship type {} is already defined", ty.rel_type)));
            }
            graph.schema.insert_rel_type(ty)
        }
        Change::CreateConstraint(c) => {
            if graph.schema().constraint(&c.name).is_some() {
                return Err(mismatch(format!("constraint {} already exists", c.name)));
            }
            graph.schema.insert_constraint(c)
        }
        Change::DropConstraint(c) => {
            if graph.schema.remove_constraint(&c.name).is_none() {
                return Err(mismatch(format!("constraint {} does not exist", c.name)));
            }
        }
        Change::CreateIndex(def) => graph.add_index(def).map_err(|e| mismatch(e.message))?,
        Change::DropIndex(def) => {
            if graph.remove_index(&def.name).is_none() {
                return Err(mismatch(format!("index `{}` does not exist", def.name)));
            }
        }
    }
    Ok(())
}

impl Error {
    /// Sets the span if there is one to set and the error has none yet.
    pub(crate) fn or_span_opt(self, span: Option<Span>) -> Error {
        match span {
            Some(span) => self.or_span(span),
            None => self,
        }
    }
}
