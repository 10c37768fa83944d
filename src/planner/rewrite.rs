//! Counting without materialising rows: an aggregation that only counts the rows of the
//! last hop of a pattern is answered from the store's counts, or by a count per input row.
//!
//! - `MATCH ()-[r:T]->() RETURN type(r), count(*)` (with or without the type, the
//!   grouping, or `count(r)`) reads the number of relationships per type
//!   (`RelCountFromStore`), as Neo4j's count store does.
//! - `MATCH (p:Person)-[r]-() RETURN p.id, count(r)`, where the far node is anonymous
//!   and unconstrained, reads each p's degree (`NodeDegree`) instead of expanding, and the
//!   count becomes the sum of the degrees (Neo4j's GetDegree rewrite). When the grouping
//!   keys tell each p apart (p itself, or its declared key) no grouping is left at all:
//!   each row's count is its degree.
//! - With conditions on the hop (a label or properties of the far node, properties of the
//!   relationship, WHERE conditions, the relationship differing from the pattern's others,
//!   a bound far node), `ExpandCount` tests each relationship of p in place, as the fused
//!   filter of an expansion does, and counts those that pass instead of making their rows:
//!   `MATCH (p:Person)-[m:MEMBER_OF]->(o:Organization) WHERE m.year >= $y RETURN count(*)`.
//!
//! All of them need `count(*)` (or `count(v)` of a variable the hop's rows always hold),
//! and grouping keys that read neither the relationship nor the far node the hop binds.
//! Aggregates that ignore repeats (DISTINCT ones, `min`, `max`) of values bound before
//! the hop need only the rows that have one relationship or more: the hop is counted in
//! place the same way, and the aggregates stay as they are (a semi-join).

use super::build::boxed;
use super::count_flip::ScannedHop;
use super::predicates::{free_slots, slot_expr};
use super::stats::Statistics;
use super::weighted::{self, Matching};
use super::{Hop, LogicalOp};
use crate::binder::bound::{AggregateCall, AggregateFunction, Expr, ExprKind, Function, LabelRef, Slot, Type};
use crate::syntax::ast::RelDirection;

/// The aggregation of `keys` and `aggregates` over `input`, counted from the store or
/// per row where the shape allows.
pub fn aggregate(
    input: LogicalOp,
    keys: Vec<(Slot, Expr)>,
    aggregates: Vec<AggregateCall>,
    stats: &dyn Statistics,
) -> LogicalOp {
    let last = match LastHop::take(input) {
        Ok(last) => last,
        Err(input) => return LogicalOp::Aggregate { input, keys, aggregates },
    };
    if only_existence_matters(&last, &keys, &aggregates) {
        // However many relationships an input row has, its values count once: the hop
        // only has to drop the rows with none, which counting them in place does without
        // making a row per relationship.
        let (counts, _) = last.into_counts(&aggregates);
        return LogicalOp::Aggregate { input: boxed(counts), keys, aggregates };
    }
    if !aggregates.iter().all(|a| counts_rows(a, &last)) {
        return weighted_by_counts(last, keys, aggregates);
    }
    if last.is_bare() && counts_every_rel(&last.below, last.hop.from, last.hop.direction) {
        if let Some(type_slots) = type_keys(&keys, last.hop.rel) {
            let count_slots = aggregates.iter().map(|a| a.slot).collect();
            return LogicalOp::RelCountFromStore {
                input: below_start(),
                types: last.hop.types,
                type_slots,
                count_slots,
            };
        }
    }
    let last = if keys.iter().all(|(_, e)| last.not_read_by(e)) {
        last
    } else {
        // Grouped by the far node: counted from it instead, if that is cheaper.
        match last.counted_from_far_end(&keys, stats) {
            Ok(flipped) => flipped,
            Err(last) => return LogicalOp::Aggregate { input: boxed(last.into_op()), keys, aggregates },
        }
    };
    let groups_are_rows = identifies_each_row(&last.below, last.hop.from, &keys, stats);
    let (counts, slot) = last.into_counts(&aggregates);
    if groups_are_rows {
        // Each row is its own group: its count is the number counted for it, with no grouping.
        let counts_out = aggregates.iter().map(|a| (a.slot, slot_expr(slot, Type::Int, a.span)));
        return LogicalOp::Project { input: boxed(counts), items: keys.into_iter().chain(counts_out).collect() };
    }
    let sums = aggregates.into_iter().map(|a| sum_of(a, slot)).collect();
    LogicalOp::Aggregate { input: boxed(counts), keys, aggregates: sums }
}

/// Counts beside aggregates that ignore repeats or count earlier values
/// (`count(DISTINCT a), count(*)`): the hop counted in place, rows with no match dropped,
/// each aggregate weighted by the count (`weighted.rs`); else the aggregation as it was.
fn weighted_by_counts(last: LastHop, keys: Vec<(Slot, Expr)>, aggregates: Vec<AggregateCall>) -> LogicalOp {
    let new = last.new_slots();
    let fits =
        !last.hop.rel_bound && keys.iter().all(|(_, e)| last.not_read_by(e)) && weighted::decomposes(&aggregates, &new);
    let summed = fits.then(|| weighted::weighted(&aggregates, &new, last.count_slot(&aggregates), Matching::Plain));
    match summed.flatten() {
        Some(summed) => {
            let (counts, _) = last.into_counts(&aggregates);
            LogicalOp::Aggregate { input: boxed(counts), keys, aggregates: summed }
        }
        None => LogicalOp::Aggregate { input: boxed(last.into_op()), keys, aggregates },
    }
}

/// The last hop of a pattern: an expansion, with the conditions of the `Filter` fused
/// into it, if any.
struct LastHop {
    below: Box<LogicalOp>,
    hop: Hop,
    predicate: Option<Expr>,
}

impl LastHop {
    /// `op` taken apart when it is an expansion (under a filter or not), else given back
    /// (boxed, as an aggregate's input).
    fn take(op: LogicalOp) -> Result<LastHop, Box<LogicalOp>> {
        let (expand, predicate) = match op {
            LogicalOp::Filter { input, predicate } if matches!(*input, LogicalOp::Expand { .. }) => {
                (*input, Some(predicate))
            }
            op @ LogicalOp::Expand { .. } => (op, None),
            other => return Err(boxed(other)),
        };
        match expand {
            LogicalOp::Expand { input: below, hop } => Ok(LastHop { below, hop, predicate }),
            other => Err(boxed(other)),
        }
    }

    /// The same hop walked from its far node (`count_flip.rs`), when the keys read only
    /// that node and it is a scan's hop; else itself.
    fn counted_from_far_end(self, keys: &[(Slot, Expr)], stats: &dyn Statistics) -> Result<LastHop, LastHop> {
        let to = self.hop.to;
        let keyed_by_far = keys.iter().all(|(_, e)| free_slots(e).is_some_and(|r| r.iter().all(|s| *s == to)));
        let Some(scanned) =
            keyed_by_far.then(|| ScannedHop::of(&self.below, &self.hop, self.predicate.as_ref())).flatten()
        else {
            return Err(self);
        };
        match scanned.flipped(stats) {
            Some((below, hop, predicate)) => Ok(LastHop { below: boxed(below), hop, predicate }),
            None => Err(self),
        }
    }

    /// The plan it was taken from.
    fn into_op(self) -> LogicalOp {
        let expand = LogicalOp::Expand { input: self.below, hop: self.hop };
        match self.predicate {
            Some(predicate) => LogicalOp::Filter { input: boxed(expand), predicate },
            None => expand,
        }
    }

    /// Nothing but the direction and the types limits the relationships it follows, and
    /// it binds both the relationship and the far node.
    fn is_bare(&self) -> bool {
        self.predicate.is_none() && !self.hop.into && !self.hop.rel_bound
    }

    /// Whether `expr` reads neither of the variables this hop binds (those bound before
    /// it may be read: they are the same on every row the hop makes from one input row).
    fn not_read_by(&self, expr: &Expr) -> bool {
        let new = self.new_slots();
        free_slots(expr).is_some_and(|reads| new.iter().all(|s| !reads.contains(s)))
    }

    /// The variables this hop binds: its relationship and far node unless bound before.
    fn new_slots(&self) -> Vec<Slot> {
        let hop = &self.hop;
        [(!hop.rel_bound).then_some(hop.rel), (!hop.into).then_some(hop.to)].into_iter().flatten().collect()
    }

    /// The slot `into_counts` puts the count in.
    fn count_slot(&self, aggregates: &[AggregateCall]) -> Slot {
        match self.is_bare() {
            true => self.hop.rel,
            false => aggregates.first().map_or(self.hop.rel, |a| a.slot),
        }
    }

    /// The operator that counts the hop's rows per input row, and the slot the count goes
    /// to: a bare hop reads the degree of `from` (into `rel`'s slot, which nothing else
    /// reads); any other counts the relationships that pass its conditions, tested in place
    /// (into the first aggregate's slot, which the grouping keys cannot read, since `rel`
    /// may be a bound variable they read).
    fn into_counts(self, aggregates: &[AggregateCall]) -> (LogicalOp, Slot) {
        if self.is_bare() {
            let LastHop { below, hop: Hop { from, rel, direction, types, .. }, .. } = self;
            return (LogicalOp::NodeDegree { input: below, node: from, slot: rel, direction, types }, rel);
        }
        let slot = self.count_slot(aggregates);
        let LastHop { below: input, hop, predicate } = self;
        (LogicalOp::ExpandCount { input, hop, predicate, slot }, slot)
    }
}

/// Whether the aggregation reads nothing the hop binds and every aggregate ignores how
/// often a value comes (a DISTINCT one, `min`, `max`): `count(DISTINCT a)` over
/// `(a)-[:MENTIONS]->(:Organization)` asks only whether `a` has such a relationship.
fn only_existence_matters(last: &LastHop, keys: &[(Slot, Expr)], aggregates: &[AggregateCall]) -> bool {
    let ignores_repeats = |a: &AggregateCall| {
        let kind = a.distinct || matches!(a.function, AggregateFunction::Min | AggregateFunction::Max);
        kind && a.arg.iter().chain(a.extra.iter()).all(|e| last.not_read_by(e))
    };
    !aggregates.is_empty()
        && !last.hop.rel_bound
        && aggregates.iter().all(ignores_repeats)
        && keys.iter().all(|(_, e)| last.not_read_by(e))
}

/// `count(*)`, or `count(v)` of a variable the hop's rows always hold (its start node,
/// relationship or far node: an expansion makes no row where one would be null).
fn counts_rows(call: &AggregateCall, last: &LastHop) -> bool {
    match call.function {
        AggregateFunction::CountStar => true,
        AggregateFunction::Count => {
            !call.distinct
                && call.arg.as_ref().is_some_and(|a| {
                    [last.hop.from, last.hop.rel, last.hop.to].iter().any(|s| a.kind == ExprKind::Slot(*s))
                })
        }
        _ => false,
    }
}

/// Whether the expansion below visits every relationship once: from every node of the
/// graph (an unlabelled scan at the start of the query), in one direction.
fn counts_every_rel(below: &LogicalOp, from: Slot, direction: RelDirection) -> bool {
    let scans_all = matches!(
        below,
        LogicalOp::NodeScan { input, slot, label: None } if *slot == from && **input == LogicalOp::Start
    );
    scans_all && direction != RelDirection::Both
}

/// The slots of the keys when every key is `type(rel)`.
fn type_keys(keys: &[(Slot, Expr)], rel: Slot) -> Option<Vec<Slot>> {
    keys.iter()
        .map(|(slot, e)| match &e.kind {
            ExprKind::Call(Function::Type, args) if matches!(&args[..], [a] if a.kind == ExprKind::Slot(rel)) => {
                Some(*slot)
            }
            _ => None,
        })
        .collect()
}

fn below_start() -> Box<LogicalOp> {
    boxed(LogicalOp::Start)
}

/// Whether the grouping `keys` put every row of `below` in a group of its own: `below`
/// gives each node once in `node` (a scan or a key seek from the start, maybe filtered),
/// the keys read nothing else, and one of them is the node or a declared key of the label
/// it was found by (a key is required and unique).
pub(super) fn identifies_each_row(
    below: &LogicalOp,
    node: Slot,
    keys: &[(Slot, Expr)],
    stats: &dyn Statistics,
) -> bool {
    let Some(label) = distinct_nodes(below, node) else { return false };
    let reads_only_node = keys.iter().all(|(_, e)| free_slots(e).is_some_and(|reads| reads.iter().all(|s| *s == node)));
    let identifies = keys.iter().any(|(_, e)| match &e.kind {
        ExprKind::Slot(s) => *s == node,
        ExprKind::Property(owner, key) => {
            owner.kind == ExprKind::Slot(node)
                && label.and_then(|l| l.id).zip(key.id).is_some_and(|(l, k)| stats.is_key(l, k))
        }
        _ => false,
    });
    reads_only_node && identifies
}

/// `Some(label it was found by)` when every row of `op` holds a different node in
/// `slot`: one scan or key seek of it from the start, under filters only.
fn distinct_nodes(op: &LogicalOp, slot: Slot) -> Option<Option<&LabelRef>> {
    match op {
        LogicalOp::Filter { input, .. } => distinct_nodes(input, slot),
        LogicalOp::NodeScan { input, slot: s, label } if *s == slot && **input == LogicalOp::Start => {
            Some(label.as_ref())
        }
        LogicalOp::NodeByKey { input, slot: s, label, .. } | LogicalOp::NodeByKeys { input, slot: s, label, .. }
            if *s == slot && **input == LogicalOp::Start =>
        {
            Some(Some(label))
        }
        _ => None,
    }
}

/// A count turned into the sum of the degrees in `degree`.
pub(super) fn sum_of(call: AggregateCall, degree: Slot) -> AggregateCall {
    let arg = slot_expr(degree, Type::Int, call.span);
    AggregateCall { function: AggregateFunction::Sum, distinct: false, arg: Some(arg), extra: None, ..call }
}
