//! Ranking by columns: `MATCH (p:Person) [WHERE …p…] RETURN p.id AS id, p.weight AS w
//! ORDER BY w DESC, id LIMIT 10` reads the sort keys off the store's columns for every
//! node and makes rows only for the nodes that can rank (`NodeColumnTop`), instead of a
//! row per node through the projection into the top-k buffer.
//!
//! The shape: a `TopK` over projections over a scan of one node variable (a label's
//! nodes or all nodes, from the start, perhaps under a filter on the node), where the
//! first sort keys are properties or the id of that node (directly, or through the
//! projections' aliases). `NodeColumnTop` goes right above the scan: it keeps the nodes
//! at least as good as the `SKIP + LIMIT`-th by those keys, ties at the boundary all
//! kept, in scan order, so the `TopK` above orders them exactly as it would have ordered
//! every row. The projections must be values that cannot fail (literals, copies,
//! properties, ids), since they are now computed for fewer rows: an error a dropped row
//! would have raised must not be lost.

use super::build::boxed;
use super::estimate::literal;
use super::LogicalOp;
use crate::binder::bound::{Expr, ExprKind, Function, PropKeyRef, Slot};
use crate::value::Value;

/// What a sort key of `NodeColumnTop` reads off the node.
#[derive(Debug, Clone, PartialEq)]
pub enum ColumnKey {
    /// One of its properties (null when missing).
    Property(PropKeyRef),
    /// Its id (`id(n)`).
    Id,
    /// Arithmetic of its properties and number literals (`o.weight * (o.year - 1900)`),
    /// written over the scanned node's slot: only ever the first key, since it is
    /// computed for every node (so an error it raises is raised as by the row path).
    Arithmetic(Expr),
}

/// The projections between a `TopK` and the operator under them (nearest first), and
/// that operator: both column tops rank what is under the projections.
pub(super) fn under_projections(input: &LogicalOp) -> (Vec<&[(Slot, Expr)]>, &LogicalOp) {
    let mut projections: Vec<&[(Slot, Expr)]> = Vec::new();
    let mut below = input;
    while let LogicalOp::Project { input, items } = below {
        projections.push(items);
        below = input;
    }
    (projections, below)
}

/// `op` (a `TopK`) with `NodeColumnTop` put above its scan when the shape allows; else
/// `op` unchanged.
pub(super) fn rank_by_columns(op: LogicalOp) -> LogicalOp {
    let LogicalOp::TopK { input, keys, skip, limit } = op else { return op };
    let (projections, below) = under_projections(&input);
    let ranked = scanned_node(below).and_then(|node| {
        let safe = projections.iter().all(|items| items.iter().all(|(_, e)| cannot_fail(e)));
        let mut column_keys: Vec<(ColumnKey, bool)> = keys
            .iter()
            .map_while(|(e, descending)| column_key(e, &projections, node).map(|k| (k, *descending)))
            .collect();
        // Only the first key is read for every node; a later one is read for the nodes
        // left, so an expression that can fail may not be one.
        if let Some(at) = column_keys.iter().skip(1).position(|(k, _)| matches!(k, ColumnKey::Arithmetic(_))) {
            column_keys.truncate(at + 1);
        }
        (safe && !column_keys.is_empty()).then_some((node, column_keys))
    });
    let Some((node, column_keys)) = ranked else { return LogicalOp::TopK { input, keys, skip, limit } };
    // When the node's columns decide the whole order (the `TopK` breaks the remaining ties
    // by arrival, which is scan order), the ranking can drop the first SKIP itself, and
    // rows are made only for the LIMIT after them (a page deep into a label).
    let drops_skip = skip.is_some()
        && column_keys.len() == keys.len()
        && column_keys.iter().all(|(k, _)| !matches!(k, ColumnKey::Arithmetic(_)));
    let ranking = Ranking { node, keys: column_keys, skip: skip.clone(), limit: limit.clone(), drops_skip };
    let input = boxed(insert_above_scan(*input, ranking));
    LogicalOp::TopK { input, keys, skip: if drops_skip { None } else { skip }, limit }
}

/// What `NodeColumnTop` is given.
struct Ranking {
    node: Slot,
    keys: Vec<(ColumnKey, bool)>,
    skip: Option<Expr>,
    limit: Expr,
    drops_skip: bool,
}

/// The node a scan from the start binds, perhaps under a filter (which reads nothing
/// else: nothing else is bound there).
pub(super) fn scanned_node(op: &LogicalOp) -> Option<Slot> {
    match op {
        LogicalOp::Filter { input, .. } => scanned_node(input),
        LogicalOp::NodeScan { input, slot, .. } | LogicalOp::FilteredScan { input, slot, .. }
            if **input == LogicalOp::Start =>
        {
            Some(*slot)
        }
        _ => None,
    }
}

/// A projected value whose computation cannot fail: a literal, a copy of a slot, a
/// property of a slot holding an entity, or an id.
pub(super) fn cannot_fail(e: &Expr) -> bool {
    use crate::binder::bound::Type;
    match &e.kind {
        _ if super::predicates::plain_value(e) => true,
        ExprKind::Call(Function::Id, args) => {
            matches!(&args[..], [a] if matches!(a.kind, ExprKind::Slot(_)) && matches!(a.ty, Type::Node | Type::Relationship))
        }
        _ => false,
    }
}

/// The column key `e` (read above `projections`, the topmost first) is of `node`.
pub(super) fn column_key(e: &Expr, projections: &[&[(Slot, Expr)]], node: Slot) -> Option<ColumnKey> {
    match &e.kind {
        ExprKind::Slot(s) => {
            let (items, rest) = projections.split_first()?;
            match items.iter().find(|(slot, _)| slot == s) {
                Some((_, defined)) => column_key(defined, rest, node),
                None => column_key(e, rest, node),
            }
        }
        ExprKind::Property(owner, key) if is_node(owner, projections, node) => Some(ColumnKey::Property(key.clone())),
        ExprKind::Call(Function::Id, args) => match &args[..] {
            [a] if is_node(a, projections, node) => Some(ColumnKey::Id),
            _ => None,
        },
        _ => node_arithmetic(e, projections, node).map(ColumnKey::Arithmetic),
    }
}

/// `e` (read above `projections`) as arithmetic of the scanned `node`'s properties and
/// number literals, rewritten to read the node's own slot; `None` for anything else.
fn node_arithmetic(e: &Expr, projections: &[&[(Slot, Expr)]], node: Slot) -> Option<Expr> {
    use crate::syntax::ast::{BinaryOp, UnaryOp};
    let kind = match &e.kind {
        ExprKind::Literal(Value::Int(_) | Value::Float(_)) => e.kind.clone(),
        ExprKind::Property(owner, key) if is_node(owner, projections, node) => {
            let owner = Expr { kind: ExprKind::Slot(node), ty: owner.ty, span: owner.span };
            ExprKind::Property(Box::new(owner), key.clone())
        }
        ExprKind::Unary(UnaryOp::Neg, inner) => {
            ExprKind::Unary(UnaryOp::Neg, Box::new(node_arithmetic(inner, projections, node)?))
        }
        ExprKind::Binary(
            op @ (BinaryOp::Add | BinaryOp::Sub | BinaryOp::Mul | BinaryOp::Div | BinaryOp::Mod),
            l,
            r,
        ) => {
            let l = node_arithmetic(l, projections, node)?;
            ExprKind::Binary(*op, Box::new(l), Box::new(node_arithmetic(r, projections, node)?))
        }
        ExprKind::Slot(s) => {
            let (items, rest) = projections.split_first()?;
            return match items.iter().find(|(slot, _)| slot == s) {
                Some((_, defined)) => node_arithmetic(defined, rest, node),
                None => node_arithmetic(e, rest, node),
            };
        }
        _ => return None,
    };
    Some(Expr { kind, ty: e.ty, span: e.span })
}

/// Whether `e` (read above `projections`) is the scanned `node` itself.
fn is_node(e: &Expr, projections: &[&[(Slot, Expr)]], node: Slot) -> bool {
    let ExprKind::Slot(s) = e.kind else { return false };
    match projections.split_first() {
        None => s == node,
        Some((items, rest)) => match items.iter().find(|(slot, _)| *slot == s) {
            Some((_, defined)) => is_node(defined, rest, node),
            None => is_node(e, rest, node),
        },
    }
}

/// `op` (projections over the scan) with `NodeColumnTop` between the projections and the
/// scan (or the filter over it).
fn insert_above_scan(op: LogicalOp, ranking: Ranking) -> LogicalOp {
    match op {
        LogicalOp::Project { input, items } => {
            LogicalOp::Project { input: boxed(insert_above_scan(*input, ranking)), items }
        }
        scan => {
            let Ranking { node, keys, skip, limit, drops_skip } = ranking;
            LogicalOp::NodeColumnTop { input: boxed(scan), node, keys, skip, limit, drops_skip }
        }
    }
}

/// EXPLAIN's line: `NodeColumnTop p by p.weight DESC, p.id keep 10` (the kept count as
/// `SKIP + LIMIT` when they are not literals yet), or `… keep 20 after 30000` when it
/// drops the first SKIP itself.
pub(super) fn describe(
    node: Slot,
    keys: &[(ColumnKey, bool)],
    (skip, limit, drops_skip): (Option<&Expr>, &Expr, bool),
    name: &dyn Fn(Slot) -> String,
) -> String {
    let node_name = name(node);
    let keys: Vec<String> = keys
        .iter()
        .map(|(key, descending)| {
            let read = match key {
                ColumnKey::Property(k) => format!("{node_name}.{}", k.name),
                ColumnKey::Id => format!("id({node_name})"),
                ColumnKey::Arithmetic(e) => super::expr_text(e, name),
            };
            if *descending {
                format!("{read} DESC")
            } else {
                read
            }
        })
        .collect();
    let keep = match (drops_skip, kept_rows(skip, limit), kept_rows(None, limit), skip.and_then(count)) {
        (true, _, Some(limit), Some(skip)) => format!("{limit} after {skip}"),
        (true, ..) => "LIMIT after SKIP".to_string(),
        (false, Some(n), ..) => n.to_string(),
        (false, None, ..) => "SKIP + LIMIT".to_string(),
    };
    format!("NodeColumnTop {node_name} by {} keep {keep}", keys.join(", "))
}

/// A literal count (a parameter is one by now).
fn count(e: &Expr) -> Option<u64> {
    match literal(e) {
        Some(Value::Int(n)) if *n >= 0 => Some(*n as u64),
        _ => None,
    }
}

/// `SKIP + LIMIT` when both are literal integers (a parameter is one by now).
pub(super) fn kept_rows(skip: Option<&Expr>, limit: &Expr) -> Option<u64> {
    let skip = match skip {
        Some(s) => count(s)?,
        None => 0,
    };
    count(limit)?.checked_add(skip)
}
