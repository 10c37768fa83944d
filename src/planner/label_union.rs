//! `(n:A|B)` and `WHERE n:A OR n:B`: a node that must carry one of several labels is found
//! by scanning each of those labels (`UnionNodeByLabelsScan`), not every node. The
//! condition stays as the filter above the scan, which then always holds.

use crate::binder::bound::{Expr, ExprKind, LabelRef, Slot};
use crate::syntax::ast::BinaryOp;

/// The labels a node in `slot` passing `condition` carries at least one of: one per
/// alternative of a disjunction whose every alternative tests a label of that node.
pub(super) fn label_union(condition: &Expr, slot: Slot) -> Option<Vec<LabelRef>> {
    let mut labels = implied(condition, slot)?;
    let mut seen = Vec::new();
    labels.retain(|l| {
        let new = !seen.contains(&l.name);
        seen.push(l.name.clone());
        new
    });
    (labels.len() > 1).then_some(labels)
}

/// Labels such that a node passing `condition` has one of them.
fn implied(condition: &Expr, slot: Slot) -> Option<Vec<LabelRef>> {
    match &condition.kind {
        ExprKind::HasLabels(owner, labels) if matches!(owner.kind, ExprKind::Slot(s) if s == slot) => {
            labels.first().map(|l| vec![l.clone()])
        }
        ExprKind::Binary(BinaryOp::Or, a, b) => {
            let mut labels = implied(a, slot)?;
            labels.extend(implied(b, slot)?);
            Some(labels)
        }
        ExprKind::Binary(BinaryOp::And, a, b) => match (implied(a, slot), implied(b, slot)) {
            (Some(x), Some(y)) => Some(if x.len() <= y.len() { x } else { y }),
            (x, y) => x.or(y),
        },
        _ => None,
    }
}
