//! Pass `push_filters` (predicate pushdown): each condition of a filter moves below the
//! pattern operators that do not bind what it reads, so that it is checked right after
//! the operator that binds the last variable it reads. It stops at any other operator
//! (a projection, an aggregate, a limit, an optional match, a write): those change which
//! rows there are or what their variables hold. A condition whose variables are not
//! known (it holds a pattern, or calls `rand()`) stays where it is.

use super::{map_children, Ctx};
use crate::binder::bound::{Expr, Slot};
use crate::error::Result;
use crate::planner::build::{boxed, with_filter};
use crate::planner::predicates::{binary, conjunction, conjuncts, Conjunct};
use crate::planner::LogicalOp;
use crate::syntax::ast::BinaryOp;

pub fn push_filters(plan: LogicalOp, _: &Ctx<'_>) -> Result<LogicalOp> {
    push(plan)
}

fn push(op: LogicalOp) -> Result<LogicalOp> {
    let op = match op {
        LogicalOp::Filter { input, predicate } => sink(*input, predicate),
        other => other,
    };
    map_children(op, &mut push)
}

/// `predicate` checked over `input`, each of its conditions as far down as it may go.
fn sink(input: LogicalOp, predicate: Expr) -> LogicalOp {
    sink_below(input, predicate, &binds)
}

/// [`sink`] across every operator for which `binds_of` tells the slots it sets on each
/// row it passes on (keeping the others as they came); it stops at those it says `None` of.
pub(super) fn sink_below(
    input: LogicalOp,
    predicate: Expr,
    binds_of: &dyn Fn(&LogicalOp) -> Option<Vec<Slot>>,
) -> LogicalOp {
    // A filter over a filter is one filter, the lower one's conditions first.
    let (input, predicate) = match input {
        LogicalOp::Filter { input: below, predicate: first } => (*below, binary(BinaryOp::And, first, predicate)),
        other => (other, predicate),
    };
    let Some(binds) = binds_of(&input) else { return filtered(input, predicate) };
    let (down, stay): (Vec<Expr>, Vec<Expr>) =
        conjuncts(&predicate).into_iter().cloned().partition(|c| Conjunct::new(c.clone()).reads_none_of(&binds));
    let Some(down) = conjunction(down) else { return filtered(input, predicate) };
    let input = with_input(input, |below| sink_below(below, down, binds_of));
    with_filter(input, conjunction(stay))
}

fn filtered(input: LogicalOp, predicate: Expr) -> LogicalOp {
    LogicalOp::Filter { input: boxed(input), predicate }
}

/// The slots a pattern operator sets on each row it passes on (it keeps the others as
/// they came), or `None` for any other operator: a filter never moves below it.
pub(super) fn binds(op: &LogicalOp) -> Option<Vec<Slot>> {
    Some(match op {
        LogicalOp::NodeScan { slot, .. }
        | LogicalOp::NodeByKey { slot, .. }
        | LogicalOp::NodeByKeys { slot, .. }
        | LogicalOp::NodeIndexSeek { slot, .. }
        | LogicalOp::BuildPath { slot, .. } => vec![*slot],
        LogicalOp::RelIndexSeek { rel, start, end, .. } => vec![*rel, *start, *end],
        LogicalOp::RelTypeScan { scan, .. } => vec![scan.rel, scan.start, scan.end],
        // Into a bound far node (closing a cycle), or along a bound relationship, the
        // expansion binds only what was not bound before: conditions on the two ends move
        // below it, to the operator that bound them.
        LogicalOp::Expand { hop, .. } => {
            let rel = (!hop.rel_bound).then_some(hop.rel);
            let to = (!hop.into).then_some(hop.to);
            rel.into_iter().chain(to).collect()
        }
        LogicalOp::VarExpand { path, .. } => vec![path.rel, path.to],
        // Between two bound ends, the search binds only the relationships.
        LogicalOp::ShortestPath { path, single_source: false, .. } => vec![path.rel],
        LogicalOp::ShortestPath { path, .. } => vec![path.rel, path.to],
        LogicalOp::Repeat { spec, .. } => {
            let inner = &spec.pattern;
            let mut slots = vec![spec.rel, spec.to];
            slots.extend(inner.groups.iter().flat_map(|(single, group)| [*single, *group]));
            slots.extend(inner.nodes.iter().map(|n| n.slot).chain(inner.rels.iter().map(|r| r.slot)));
            slots
        }
        _ => return None,
    })
}

/// `op` with its (only) input replaced by `f` of it.
fn with_input(mut op: LogicalOp, f: impl FnOnce(LogicalOp) -> LogicalOp) -> LogicalOp {
    if let Some(input) = op.children_mut().into_iter().next() {
        let taken = std::mem::replace(input, LogicalOp::Start);
        *input = f(taken);
    }
    op
}
