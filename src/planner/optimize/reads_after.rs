//! What `plan_patterns` tells the pattern planner about the operators after a MATCH: the
//! slots whose properties they read once for each of the MATCH's rows (an aggregation's
//! keys, a projection, a filter, a sort), so that the start and direction
//! of the expansions count the scattered reads of relationship properties that go against
//! their stored order (`start.rs`, `read_cost`):
//! `MATCH (p:Person)-[m:MEMBER_OF]->(:Organization) RETURN (m.year - p.year) / 10, count(*)`
//! reads `m.year` for every membership, in order from the people, scattered from the
//! organizations. Past an operator that keeps only some of the rows (a LIMIT, a
//! DISTINCT, an OPTIONAL MATCH…) nothing is counted: the reads no longer follow each row.

use std::collections::HashSet;

use crate::binder::bound::{Expr, ExprKind, Slot};
use crate::planner::LogicalOp;

/// The slots whose properties are read for each row of `op`'s input, when `read_after`
/// are those read for each row `op` gives.
pub fn read_below(op: &LogicalOp, read_after: &HashSet<Slot>) -> HashSet<Slot> {
    let mut reads = match op {
        // Its keys are read for each input row; what follows reads groups.
        LogicalOp::Aggregate { .. } => HashSet::new(),
        LogicalOp::Project { .. }
        | LogicalOp::Filter { .. }
        | LogicalOp::Sort { .. }
        | LogicalOp::Retain { .. }
        | LogicalOp::ProduceResults { .. } => read_after.clone(),
        _ => return HashSet::new(),
    };
    match op {
        // Only the keys: an aggregate of a relationship's property grouped by one end is
        // read in stored order from either end (`GroupFold … in stored order`,
        // `planner/stored_rel_fold.rs`), where a key reading it is read per relationship.
        LogicalOp::Aggregate { keys, .. } => keys.iter().for_each(|(_, e)| property_owners(e, &mut reads)),
        LogicalOp::Project { items, .. } => {
            for (slot, e) in items {
                property_owners(e, &mut reads);
                // `WITH *` or `WITH m` carries a variable into a new slot: its reads above
                // are reads of the variable below.
                if let ExprKind::Slot(below) = e.kind {
                    if read_after.contains(slot) {
                        reads.insert(below);
                    }
                }
            }
        }
        LogicalOp::Filter { predicate, .. } => property_owners(predicate, &mut reads),
        LogicalOp::Sort { keys, .. } => keys.iter().for_each(|(e, _)| property_owners(e, &mut reads)),
        _ => {}
    }
    reads
}

/// Adds to `owners` each slot whose property `e` reads (`m.year` adds `m`).
fn property_owners(e: &Expr, owners: &mut HashSet<Slot>) {
    e.visit(&mut |e| {
        if let ExprKind::Property(owner, _) = &e.kind {
            if let ExprKind::Slot(slot) = owner.kind {
                owners.insert(slot);
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::binder::bound::{NameRef, Type};
    use crate::span::Span;
    use crate::value::Value;

    fn year_of(slot: u32) -> Expr {
        let owner = Expr { kind: ExprKind::Slot(Slot(slot)), ty: Type::Any, span: Span::default() };
        let key = NameRef { name: "year".into(), id: None };
        Expr { kind: ExprKind::Property(Box::new(owner), key), ty: Type::Any, span: Span::default() }
    }

    #[test]
    fn an_aggregation_reads_its_keys_for_each_row_below_it() {
        let aggregate = LogicalOp::Aggregate {
            input: Box::new(LogicalOp::Start),
            keys: vec![(Slot(9), year_of(2))],
            aggregates: vec![],
        };
        let above: HashSet<Slot> = [Slot(7)].into_iter().collect();
        assert_eq!(read_below(&aggregate, &above), [Slot(2)].into_iter().collect());
    }

    #[test]
    fn a_projection_adds_its_reads_and_a_limit_stops_them() {
        let project = LogicalOp::Project { input: Box::new(LogicalOp::Start), items: vec![(Slot(9), year_of(3))] };
        let above: HashSet<Slot> = [Slot(2)].into_iter().collect();
        assert_eq!(read_below(&project, &above), [Slot(2), Slot(3)].into_iter().collect());
        let count = Expr { kind: ExprKind::Literal(Value::Int(1)), ty: Type::Any, span: Span::default() };
        let limit = LogicalOp::Limit { input: Box::new(LogicalOp::Start), count };
        assert!(read_below(&limit, &above).is_empty());
    }
}
