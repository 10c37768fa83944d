//! What a `GroupFold`'s grouping keys read of the entities the fold binds, so that the
//! executor can find an input's group by those reads alone (packed into machine words,
//! `exec/ops/group_cells.rs`) instead of evaluating every key and hashing `Value`s:
//! `(m.year - p.year) / 10 * 10` reads `m.year` and `p.year`; `p.id, p.name` read `p`.

use super::group_fold::varies;
use super::predicates::free_slots;
use crate::binder::bound::{Expr, ExprKind, PropKeyRef, Slot, Type};
use crate::value::Value;

/// One read a grouping key depends on.
#[derive(Debug, Clone, PartialEq)]
pub enum FoldRead {
    /// `slot.key`: the value of one property.
    Property(Slot, PropKeyRef),
    /// The entity in `slot` itself (its id): a key that reads it whole, or reads more than
    /// one of its properties (one id is fewer words than two values, and no string).
    Entity(Slot),
}

/// The reads that decide the values of `keys`, each over a slot among `bound`; `None` when
/// a key reads anything else (a slot of the input row, a pattern) or may give another
/// value for the same reads (`rand()`).
pub fn fold_reads(keys: &[&Expr], bound: &[Slot]) -> Option<Vec<FoldRead>> {
    let mut properties: Vec<(Slot, PropKeyRef)> = Vec::new();
    let mut whole: Vec<Slot> = Vec::new();
    for key in keys {
        if varies(key) {
            return None;
        }
        key.visit(&mut |e| {
            if let ExprKind::Property(owner, k) = &e.kind {
                if let ExprKind::Slot(slot) = owner.kind {
                    if bound.contains(&slot) && !properties.iter().any(|(s, p)| *s == slot && p.name == k.name) {
                        properties.push((slot, k.clone()));
                    }
                }
            }
        });
        let mut rest = (*key).clone();
        rest.rewrite(&mut |e| reads_bound_property(e, bound).then(|| placeholder(e)));
        for slot in free_slots(&rest)? {
            if !bound.contains(&slot) {
                return None;
            }
            if !whole.contains(&slot) {
                whole.push(slot);
            }
        }
    }
    // A slot read whole, or through two properties or more, is read as the entity.
    for (slot, _) in &properties {
        if properties.iter().filter(|(s, _)| s == slot).count() > 1 && !whole.contains(slot) {
            whole.push(*slot);
        }
    }
    let mut reads: Vec<FoldRead> = properties
        .into_iter()
        .filter(|(slot, _)| !whole.contains(slot))
        .map(|(slot, key)| FoldRead::Property(slot, key))
        .collect();
    reads.extend(whole.into_iter().map(FoldRead::Entity));
    (!reads.is_empty()).then_some(reads)
}

fn reads_bound_property(e: &Expr, bound: &[Slot]) -> bool {
    matches!(&e.kind, ExprKind::Property(owner, _) if matches!(owner.kind, ExprKind::Slot(s) if bound.contains(&s)))
}

/// A literal standing in for a property read (only to see what else is read).
fn placeholder(e: &Expr) -> Expr {
    Expr { kind: ExprKind::Literal(Value::Null), ty: Type::Any, span: e.span }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::binder::bound::NameRef;
    use crate::span::Span;
    use crate::syntax::ast::BinaryOp;

    fn slot(n: u32) -> Expr {
        Expr { kind: ExprKind::Slot(Slot(n)), ty: Type::Any, span: Span::default() }
    }

    fn prop(n: u32, key: &str) -> Expr {
        let key = NameRef { name: key.into(), id: None };
        Expr { kind: ExprKind::Property(Box::new(slot(n)), key), ty: Type::Any, span: Span::default() }
    }

    fn minus(a: Expr, b: Expr) -> Expr {
        Expr { kind: ExprKind::Binary(BinaryOp::Sub, Box::new(a), Box::new(b)), ty: Type::Any, span: Span::default() }
    }

    #[test]
    fn one_property_per_slot_is_read_as_its_value() {
        let key = minus(prop(1, "year"), prop(2, "year"));
        let reads = fold_reads(&[&key], &[Slot(1), Slot(2)]).unwrap_or_default();
        assert_eq!(reads.len(), 2);
        assert!(reads.iter().all(|r| matches!(r, FoldRead::Property(_, k) if &*k.name == "year")));
    }

    #[test]
    fn two_properties_of_one_node_are_read_as_the_node() {
        let (id, name) = (prop(3, "id"), prop(3, "name"));
        assert_eq!(fold_reads(&[&id, &name], &[Slot(3)]), Some(vec![FoldRead::Entity(Slot(3))]));
    }

    #[test]
    fn a_slot_the_fold_does_not_bind_is_refused() {
        let key = minus(prop(1, "year"), slot(4));
        assert_eq!(fold_reads(&[&key], &[Slot(1)]), None);
    }
}
