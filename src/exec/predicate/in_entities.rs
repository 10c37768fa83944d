//! `n IN list` where the input row fixes `list` and every item is a node, a relationship
//! or null (`WITH collect(o) AS orgs MATCH (p)-[:MEMBER_OF]->(o) WHERE o IN orgs`): made,
//! for each input row, a test of the candidate's id against a hash set of the items'
//! (`row_constants.rs`).
//!
//! Interpreted, each candidate copied its row and compared itself with every item (8,000
//! organisations against 3,000 collected ones took 190 ms at S in workload9's
//! in_collected_nodes, Kuzu 19 ms). The answer is the interpreter's `IN`: true when an
//! item is the candidate, else null when an item is null, else false; a candidate slot
//! holding no node or relationship goes through the interpreter.

use std::collections::HashSet;
use std::sync::Arc;

use super::{eval, Bindings, Entity, Verdict};
use crate::binder::bound::{Expr, Slot};
use crate::error::Result;
use crate::store::Graph;
use crate::value::Value;

#[derive(Debug, Clone)]
pub(super) struct InEntities {
    pub(super) slot: Slot,
    entities: HashSet<Entity>,
    /// Some item is null: a candidate among none of the others gives null.
    has_null: bool,
    /// `slot IN list`, for a candidate slot that holds no entity.
    source: Expr,
    /// The list it was built from, to know the same one when the next row brings it.
    items: Arc<Vec<Value>>,
}

impl InEntities {
    /// `Some` when every item is a node, a relationship or null.
    pub(super) fn of_items(slot: Slot, items: Arc<Vec<Value>>, source: &Expr) -> Option<InEntities> {
        let mut entities = HashSet::with_capacity(items.len());
        let mut has_null = false;
        for item in items.iter() {
            match item {
                Value::Null => has_null = true,
                other => {
                    entities.insert(Entity::of(other)?);
                }
            }
        }
        Some(InEntities { slot, entities, has_null, source: source.clone(), items })
    }

    /// Whether it was built from this very list (the same row value, not an equal one).
    pub(super) fn is_of(&self, items: &Arc<Vec<Value>>) -> bool {
        Arc::ptr_eq(&self.items, items)
    }

    pub(super) fn eval<B: Bindings>(&self, row: &B, graph: &Graph) -> Result<Verdict> {
        let Some(entity) = row.entity(self.slot) else {
            return Ok(Verdict::of(&eval(&self.source, &row.to_row(), graph)?));
        };
        Ok(match (self.entities.contains(&entity), self.has_null) {
            (true, _) => Verdict::True,
            (false, true) => Verdict::Null,
            (false, false) => Verdict::False,
        })
    }
}
