//! `NodePresenceCount`: how many nodes of a label (or of all) hold, or lack, a property,
//! read off the column's presence bits (`Graph::count_nodes_holding`) instead of testing
//! each node: `MATCH (n) WHERE n.weight IS NULL RETURN count(*)`.

use crate::binder::bound::{LabelRef, PropKeyRef, Slot};
use crate::error::Result;
use crate::exec::{ExecCtx, Operator, Row};
use crate::value::Value;

pub struct NodePresenceCount {
    input: Box<dyn Operator>,
    label: Option<LabelRef>,
    key: PropKeyRef,
    /// Count the nodes holding the property (`IS NOT NULL`), else those lacking it.
    holding: bool,
    count_slots: Vec<Slot>,
}

impl NodePresenceCount {
    pub fn new(
        input: Box<dyn Operator>,
        (label, key, holding): (Option<LabelRef>, PropKeyRef, bool),
        count_slots: Vec<Slot>,
    ) -> NodePresenceCount {
        NodePresenceCount { input, label, key, holding, count_slots }
    }

    /// The count, now. A label or key the catalog does not know is on no node.
    fn count(&self, ctx: &ExecCtx<'_, '_>) -> u64 {
        let graph = ctx.graph();
        let catalog = graph.catalog();
        let (nodes, label) = match &self.label {
            Some(label) => match label.resolve(catalog) {
                Some(id) => (graph.label_count(id) as u64, Some(id)),
                None => return 0,
            },
            None => (graph.node_count() as u64, None),
        };
        let held = self.key.resolve(catalog).map_or(0, |key| graph.count_nodes_holding(label, key));
        if self.holding {
            held
        } else {
            nodes.saturating_sub(held)
        }
    }
}

impl Operator for NodePresenceCount {
    fn next(&mut self, ctx: &mut ExecCtx<'_, '_>) -> Result<Option<Row>> {
        if self.input.next(ctx)?.is_none() {
            return Ok(None);
        }
        let count = Value::Int(i64::try_from(self.count(ctx)).unwrap_or(i64::MAX));
        let mut out = Row::new(ctx.width);
        for slot in &self.count_slots {
            out.set(*slot, count.clone());
        }
        Ok(Some(out))
    }
}
