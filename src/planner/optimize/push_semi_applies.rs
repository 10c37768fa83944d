//! Pass `push_semi_applies`: a `[NOT] EXISTS { … }` of a MATCH's WHERE is planned after
//! the whole pattern, so it runs once per matched row; when it reads only what an earlier
//! operator of the pattern bound, it moves below the expansions that bind nothing it
//! reads, to the point where the fewest rows are estimated to reach it.
//!
//! In `MATCH (o)<-[:MENTIONS]-(a)-[:MENTIONS]->(p) WHERE NOT EXISTS { (a)-->(:Country) }`
//! the subquery reads only `a`: run after the expansion to `p` it is run once per person
//! of each article (a hub article's relationships read again for each of its people);
//! below it, once per article. A semi-apply only keeps or drops the row it is given, and
//! reads only what it mentions, so it commutes with an expansion that binds none of it.
//!
//! The operators crossed are pattern operators with one input (scans, seeks, expansions:
//! `push_filters::binds`) and filters; the inner plan's slots are collected from a small
//! set of operators (those an `EXISTS { MATCH … WHERE … }` plans into), and any other
//! operator in it leaves the semi-apply where it is.

use std::collections::HashSet;

use super::push_filters::binds;
use super::{map_children, Ctx};
use crate::binder::bound::{Expr, Slot};
use crate::error::Result;
use crate::planner::build::boxed;
use crate::planner::cardinality::plan_rows;
use crate::planner::count_flip::ScannedHop;
use crate::planner::predicates::free_slots;
use crate::planner::stats::Statistics;
use crate::planner::LogicalOp;

pub fn push_semi_applies(plan: LogicalOp, ctx: &Ctx<'_>) -> Result<LogicalOp> {
    push(plan, ctx.stats)
}

fn push(op: LogicalOp, stats: &dyn Statistics) -> Result<LogicalOp> {
    let op = map_children(op, &mut |child| push(child, stats))?;
    let LogicalOp::SemiApply { input, inner, negated, memo: None } = op else { return Ok(op) };
    let Some(mentioned) = mentioned_slots(&inner) else {
        return Ok(LogicalOp::SemiApply { input, inner, negated, memo: None });
    };
    let input = toward_read_node(*input, &mentioned, stats);
    Ok(sink(input, *inner, negated, &mentioned, stats))
}

/// `input` walked from the far node of its one hop when the semi-apply reads that node
/// (and not the hop's start or relationship) and the far node's label holds fewer nodes
/// than the hop's estimated rows (`count_flip.rs`): the semi-apply can then go right
/// after the far node's scan, run once per node instead of once per relationship, and
/// only the nodes it keeps are expanded.
///
/// `MATCH (o:Organization)-[:SENT]->(d:Deployment) WHERE NOT (o)<-[:MENTIONS]-(:Article)`
/// planned from the 18,000 deployments made 300,000 rows, each running the subquery;
/// from the 80,000 organisations it runs 80,000 times and expands the 3,245 kept. The
/// start is chosen before the subquery is placed, so its cost could not count it.
pub(super) fn toward_read_node(input: LogicalOp, mentioned: &HashSet<Slot>, stats: &dyn Statistics) -> LogicalOp {
    let (expand, predicate) = match &input {
        LogicalOp::Filter { input: below, predicate } => (&**below, Some(predicate)),
        other => (other, None),
    };
    let LogicalOp::Expand { input: below, hop } = expand else { return input };
    let reads_far_only = mentioned.contains(&hop.to) && !mentioned.contains(&hop.from) && !mentioned.contains(&hop.rel);
    let flipped = ScannedHop::of(below, hop, predicate).filter(|_| reads_far_only).and_then(|h| h.flipped(stats));
    let Some((below, reversed, on_hop)) = flipped else { return input };
    let expand = LogicalOp::Expand { input: boxed(below), hop: reversed };
    match on_hop {
        Some(predicate) => LogicalOp::Filter { input: boxed(expand), predicate },
        None => expand,
    }
}

/// The semi-apply of `inner` over `input`, placed below the operators at the top of
/// `input` it may cross, where the fewest rows are estimated (the highest of equals).
fn sink(
    input: LogicalOp,
    inner: LogicalOp,
    negated: bool,
    mentioned: &HashSet<Slot>,
    stats: &dyn Statistics,
) -> LogicalOp {
    let place = |rest| LogicalOp::SemiApply { input: boxed(rest), inner: boxed(inner), negated, memo: None };
    place_where_fewest(input, stats, &|op| crossable(op, mentioned), place)
}

/// `place` of an input, put below the operators at the top of `input` that `crossable`
/// lets it cross, where the fewest rows are estimated (the highest of equals); those
/// crossed above it again.
pub(super) fn place_where_fewest(
    input: LogicalOp,
    stats: &dyn Statistics,
    crossable: &dyn Fn(&LogicalOp) -> bool,
    place: impl FnOnce(LogicalOp) -> LogicalOp,
) -> LogicalOp {
    let mut peeled: Vec<LogicalOp> = Vec::new();
    let mut rest = input;
    let mut best = (plan_rows(&rest, stats), 0);
    while crossable(&rest) {
        let Some(below) = rest.children_mut().into_iter().next().map(|c| std::mem::replace(c, LogicalOp::Start)) else {
            break;
        };
        peeled.push(rest);
        rest = below;
        let rows = plan_rows(&rest, stats);
        if rows < best.0 {
            best = (rows, peeled.len());
        }
    }
    // Put back the operators crossed below the chosen point.
    while peeled.len() > best.1 {
        let Some(op) = peeled.pop() else { break };
        rest = reattach(op, rest);
    }
    let mut op = place(rest);
    while let Some(above) = peeled.pop() {
        op = reattach(above, op);
    }
    op
}

/// Whether a semi-apply reading `mentioned` may go below `op`: a filter, or a pattern
/// operator with one input that binds none of them.
fn crossable(op: &LogicalOp, mentioned: &HashSet<Slot>) -> bool {
    if op.children().len() != 1 {
        return false;
    }
    match op {
        LogicalOp::Filter { .. } => true,
        _ => binds(op).is_some_and(|slots| slots.iter().all(|s| !mentioned.contains(s))),
    }
}

/// `op` with `input` as its only input again.
fn reattach(mut op: LogicalOp, input: LogicalOp) -> LogicalOp {
    if let Some(child) = op.children_mut().into_iter().next() {
        *child = input;
    }
    op
}

/// Every slot the operators of `plan` name, or `None` when it holds an operator this
/// pass does not read (then nothing moves).
pub(super) fn mentioned_slots(plan: &LogicalOp) -> Option<HashSet<Slot>> {
    let mut slots = HashSet::new();
    collect(plan, &mut slots)?;
    Some(slots)
}

fn collect(op: &LogicalOp, slots: &mut HashSet<Slot>) -> Option<()> {
    let read = |e: &Expr, slots: &mut HashSet<Slot>| free_slots(e).map(|s| slots.extend(s));
    match op {
        LogicalOp::Argument | LogicalOp::Start => {}
        LogicalOp::Expand { hop, .. } => slots.extend([hop.from, hop.rel, hop.to]),
        LogicalOp::FilteredExpand { hop, predicate, .. } => {
            slots.extend([hop.from, hop.rel, hop.to]);
            read(predicate, slots)?;
        }
        LogicalOp::Filter { predicate, .. } => read(predicate, slots)?,
        LogicalOp::NodeScan { slot, .. } => {
            slots.insert(*slot);
        }
        LogicalOp::FilteredScan { slot, predicate, .. } => {
            slots.insert(*slot);
            read(predicate, slots)?;
        }
        LogicalOp::NodeByKey { slot, value, .. } => {
            slots.insert(*slot);
            read(value, slots)?;
        }
        LogicalOp::Limit { count, .. } => read(count, slots)?,
        LogicalOp::HashJoin { keys, build_slots, .. } => slots.extend(keys.iter().chain(build_slots)),
        _ => return None,
    }
    op.children().into_iter().try_for_each(|child| collect(child, slots))
}
