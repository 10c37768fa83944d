//! Counting per label set: `MATCH (n) RETURN labels(n) AS l, count(*)` groups by keys that
//! read the node only through its labels (`labels(n)`, `head(labels(n))`,
//! `size(labels(n))`, `n:Person`), so every node of one label set falls in the same
//! group. `LabelSetCount` counts the nodes per label set in one pass over the node
//! records and evaluates the keys once per set (on the set's first node), instead of a
//! row per node through the aggregation.
//!
//! The shape: an `Aggregate` right over a scan of one label or of all nodes from the
//! start, every key reading the node only through its labels (and no random or clock
//! function, whose value may differ per row), every aggregate `count(*)` or `count(n)`.

use super::build::boxed;
use super::predicates::free_slots;
use super::LogicalOp;
use crate::binder::bound::{AggregateCall, AggregateFunction, Expr, ExprKind, Function, Slot, Type};
use crate::value::Value;

/// The `LabelSetCount` answering `keys` and `aggregates` over `input`, when the shape
/// allows one.
pub(super) fn count_by_label_set(
    input: &LogicalOp,
    keys: &[(Slot, Expr)],
    aggregates: &[AggregateCall],
) -> Option<LogicalOp> {
    let LogicalOp::NodeScan { input: start, slot: node, label } = input else { return None };
    let counts_only = aggregates.iter().all(|a| counts_nodes(a, *node));
    let by_labels = !keys.is_empty() && keys.iter().all(|(_, e)| reads_only_labels(e, *node));
    (**start == LogicalOp::Start && counts_only && by_labels).then(|| LogicalOp::LabelSetCount {
        input: boxed(LogicalOp::Start),
        node: *node,
        label: label.clone(),
        keys: keys.to_vec(),
        count_slots: aggregates.iter().map(|a| a.slot).collect(),
    })
}

/// `count(*)` or `count(n)` (never null in a scan), not DISTINCT.
pub(super) fn counts_nodes(call: &AggregateCall, node: Slot) -> bool {
    match call.function {
        AggregateFunction::CountStar => true,
        AggregateFunction::Count => !call.distinct && call.arg.as_ref().is_some_and(|a| a.kind == ExprKind::Slot(node)),
        _ => false,
    }
}

/// Whether `e` reads `node` only through its labels and reads no other slot, and gives
/// the same value each time for the same labels.
pub fn reads_only_labels(e: &Expr, node: Slot) -> bool {
    let mut varies = false;
    e.visit(&mut |e| {
        if let ExprKind::Call(Function::Rand | Function::RandomUuid | Function::Timestamp, _) = e.kind {
            varies = true;
        }
    });
    let mut without_labels = e.clone();
    without_labels.rewrite(&mut |e| labels_read(e, node).then(|| placeholder(e)));
    !varies && free_slots(&without_labels).is_some_and(|slots| slots.is_empty())
}

/// The one node whose labels `e` reads, when it reads no other slot: a key that can be
/// computed once per label set of that node.
pub fn labels_only_node(e: &Expr) -> Option<Slot> {
    let mut nodes: Vec<Slot> = Vec::new();
    e.visit(&mut |e| match &e.kind {
        ExprKind::Call(Function::Labels, args) if args.len() == 1 => {
            if let ExprKind::Slot(s) = args[0].kind {
                nodes.push(s);
            }
        }
        ExprKind::HasLabels(owner, _) => {
            if let ExprKind::Slot(s) = owner.kind {
                nodes.push(s);
            }
        }
        _ => {}
    });
    nodes.dedup();
    match nodes[..] {
        [node] if reads_only_labels(e, node) => Some(node),
        _ => None,
    }
}

/// `labels(node)` or `node:L…`.
fn labels_read(e: &Expr, node: Slot) -> bool {
    let of_node = |a: &Expr| a.kind == ExprKind::Slot(node);
    match &e.kind {
        ExprKind::Call(Function::Labels, args) => matches!(&args[..], [a] if of_node(a)),
        ExprKind::HasLabels(owner, _) => of_node(owner),
        _ => false,
    }
}

/// A literal standing in for a read of the labels (only to see what else is read).
fn placeholder(e: &Expr) -> Expr {
    Expr { kind: ExprKind::Literal(Value::Null), ty: Type::Any, span: e.span }
}
