//! Label and relationship type expressions (`:A|B`, `:A&!B`, `:%`, `:$(e)`) bound into
//! ordinary boolean expressions, and what the planner needs from them: the labels every
//! match must carry (for a label scan) and, for relationships, the set of types.

use super::bound::{self, Expr, ExprKind, Function, LabelRef, NameRef, RelTypeRef, Type};
use super::Binder;
use crate::error::{Error, ErrorCode, Result};
use crate::syntax::ast::{self, BinaryOp, LabelExpr, UnaryOp};

/// A type name no relationship can have: a type expression that admits no type binds
/// to it, since an empty list of types means any type.
const NO_TYPE: &str = "\u{0}no type";

impl Binder<'_> {
    /// `owner:expr` as a boolean expression of `HasLabels` tests (on a relationship, a
    /// name tests its type).
    pub(super) fn bind_label_test(&mut self, owner: Expr, test: &LabelExpr) -> Result<Expr> {
        let span = owner.span;
        let boolean = |kind| Expr { kind, ty: Type::Bool, span };
        Ok(match test {
            LabelExpr::Name(name) => {
                let label = self.label_ref_for(&owner, name)?;
                boolean(ExprKind::HasLabels(Box::new(owner), vec![label]))
            }
            LabelExpr::Any(_) => boolean(ExprKind::Call(Function::HasAnyLabel, vec![owner])),
            LabelExpr::Not(inner) => {
                let inner = self.bind_label_test(owner, inner)?;
                boolean(ExprKind::Unary(UnaryOp::Not, Box::new(inner)))
            }
            LabelExpr::And(items) | LabelExpr::Or(items) => {
                let op = if matches!(test, LabelExpr::And(_)) { BinaryOp::And } else { BinaryOp::Or };
                let mut parts = items.iter().map(|item| self.bind_label_test(owner.clone(), item));
                let first = parts.next().ok_or_else(|| Error::internal("an empty label expression"))??;
                let mut acc = first;
                for next in parts {
                    acc = boolean(ExprKind::Binary(op, Box::new(acc), Box::new(next?)));
                }
                acc
            }
            LabelExpr::Dynamic { expr, any, .. } => {
                let labels = self.bind_expr(expr)?;
                boolean(ExprKind::Call(Function::HasDynamicLabels(*any), vec![owner, labels]))
            }
        })
    }

    /// A label name tested on `owner`: checked against the schema as a label, or as a
    /// relationship type when the owner is a relationship.
    fn label_ref_for(&self, owner: &Expr, name: &ast::Ident) -> Result<LabelRef> {
        if owner.ty == Type::Relationship {
            self.rel_type_ref(name)?;
            return Ok(NameRef { name: name.name.as_str().into(), id: None });
        }
        self.label_ref(name)
    }

    /// The labels every node matching `test` carries: a label scan may start from any of them.
    pub(super) fn required_labels(&self, test: &LabelExpr) -> Result<Vec<LabelRef>> {
        let names = required_names(test);
        names.iter().map(|n| self.label_ref(n)).collect()
    }

    /// Checks every name of a node label expression against the schema.
    pub(super) fn check_label_names(&self, test: &LabelExpr) -> Result<()> {
        match test {
            LabelExpr::Name(n) => self.label_ref(n).map(|_| ()),
            LabelExpr::Not(inner) => self.check_label_names(inner),
            LabelExpr::And(items) | LabelExpr::Or(items) => items.iter().try_for_each(|i| self.check_label_names(i)),
            LabelExpr::Any(_) | LabelExpr::Dynamic { .. } => Ok(()),
        }
    }

    /// A relationship type expression as the list of types it admits among those the
    /// graph knows (a relationship has exactly one type): `[:!A]` is every other type.
    pub(super) fn bind_type_expr(&self, test: &LabelExpr) -> Result<Vec<RelTypeRef>> {
        check_type_names(self, test)?;
        let known: Vec<std::sync::Arc<str>> = if self.typed() {
            self.view.schema.rel_types().map(|t| self.view.catalog.rel_type_name(t.rel_type).clone()).collect()
        } else {
            self.view.catalog.rel_types.names().to_vec()
        };
        let mut admitted = Vec::new();
        for name in known {
            if admits(test, &name)? {
                admitted.push(NameRef { id: self.view.catalog.rel_type(&name), name });
            }
        }
        if admitted.is_empty() {
            admitted.push(NameRef { name: NO_TYPE.into(), id: None });
        }
        Ok(admitted)
    }
}

fn check_type_names(binder: &Binder<'_>, test: &LabelExpr) -> Result<()> {
    match test {
        LabelExpr::Name(n) => binder.rel_type_ref(n).map(|_| ()),
        LabelExpr::Not(inner) => check_type_names(binder, inner),
        LabelExpr::And(items) | LabelExpr::Or(items) => items.iter().try_for_each(|i| check_type_names(binder, i)),
        LabelExpr::Any(_) => Ok(()),
        LabelExpr::Dynamic { span, .. } => Err(Error::at(
            ErrorCode::UnsupportedFeature,
            *span,
            "a dynamic relationship type in a pattern to match is not supported yet; use WHERE type(r) = …",
        )),
    }
}

/// Whether a relationship of type `name` satisfies `test`.
fn admits(test: &LabelExpr, name: &str) -> Result<bool> {
    Ok(match test {
        LabelExpr::Name(n) => n.name == name,
        LabelExpr::Any(_) => true,
        LabelExpr::Not(inner) => !admits(inner, name)?,
        LabelExpr::And(items) => {
            let mut all = true;
            for item in items {
                all &= admits(item, name)?;
            }
            all
        }
        LabelExpr::Or(items) => {
            let mut any = false;
            for item in items {
                any |= admits(item, name)?;
            }
            any
        }
        LabelExpr::Dynamic { .. } => false,
    })
}

/// The names every match of `test` carries: all those of a conjunction, those common to
/// every alternative, none under a negation.
fn required_names(test: &LabelExpr) -> Vec<ast::Ident> {
    match test {
        LabelExpr::Name(n) => vec![n.clone()],
        LabelExpr::And(items) => {
            let mut out: Vec<ast::Ident> = Vec::new();
            for name in items.iter().flat_map(required_names) {
                if !out.iter().any(|o| o.name == name.name) {
                    out.push(name);
                }
            }
            out
        }
        LabelExpr::Or(items) => {
            let mut sets = items.iter().map(required_names);
            let first = sets.next().unwrap_or_default();
            sets.fold(first, |acc, set| acc.into_iter().filter(|a| set.iter().any(|s| s.name == a.name)).collect())
        }
        LabelExpr::Not(_) | LabelExpr::Any(_) | LabelExpr::Dynamic { .. } => Vec::new(),
    }
}

/// The conjunction of the given conditions, if any.
pub(super) fn conjoin(conditions: Vec<Expr>) -> Option<Expr> {
    conditions.into_iter().reduce(|acc, next| {
        let span = acc.span.cover(next.span);
        Expr { kind: ExprKind::Binary(BinaryOp::And, Box::new(acc), Box::new(next)), ty: Type::Bool, span }
    })
}

/// The slot of a pattern element as an expression.
pub(super) fn slot_expr(slot: bound::Slot, ty: Type, span: crate::span::Span) -> Expr {
    Expr { kind: ExprKind::Slot(slot), ty, span }
}
