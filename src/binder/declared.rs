//! What a typed schema says a variable's entity may hold: the labels a node variable is
//! known to carry (every label its patterns gave it) or the types a relationship
//! variable may have. A property read that none of them declares is an error before the
//! query runs (`MATCH (c:Country) RETURN c.age`), raised only when certain: a variable
//! with no known label or type, or one that came through an expression, is not checked.

use super::bound::{self, ExprKind, Slot};
use super::Binder;
use crate::error::{Error, ErrorCode, Result};
use crate::store::{LabelId, PropKeyId, RelTypeId};
use crate::syntax::ast;

/// What the patterns so far say of the entity in a slot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Known {
    /// A node carrying all of these labels (and maybe others).
    Labels(Vec<LabelId>),
    /// A relationship of one of these types.
    Types(Vec<RelTypeId>),
}

impl Binder<'_> {
    /// Notes the labels a node pattern gives the node in `slot`.
    pub(super) fn note_labels(&mut self, slot: Slot, labels: &[bound::LabelRef]) {
        let ids: Option<Vec<LabelId>> = labels.iter().map(|l| l.id).collect();
        let Some(ids) = ids.filter(|ids| self.typed() && !ids.is_empty()) else {
            return;
        };
        match self.known.iter_mut().find(|(s, _)| *s == slot) {
            Some((_, Known::Labels(had))) => {
                for label in ids {
                    if !had.contains(&label) {
                        had.push(label);
                    }
                }
            }
            Some(_) => {}
            None => self.known.push((slot, Known::Labels(ids))),
        }
    }

    /// Notes the types a relationship pattern (not a variable-length one) allows for the
    /// relationship in `slot` when it is first bound.
    pub(super) fn note_types(&mut self, slot: Slot, types: &[bound::RelTypeRef]) {
        let ids: Option<Vec<RelTypeId>> = types.iter().map(|t| t.id).collect();
        let Some(ids) = ids.filter(|ids| self.typed() && !ids.is_empty()) else {
            return;
        };
        if !self.known.iter().any(|(s, _)| *s == slot) {
            self.known.push((slot, Known::Types(ids)));
        }
    }

    /// A variable projected as it is (`WITH c`, `WITH c AS d`) is the same entity.
    pub(super) fn carry_known(&mut self, from: Slot, to: Slot) {
        if let Some((_, known)) = self.known.iter().find(|(s, _)| *s == from) {
            let known = known.clone();
            self.known.push((to, known));
        }
    }

    /// `owner.key` where the owner is a variable whose labels or types all lack `key`.
    pub(super) fn check_declared_key(
        &self,
        owner: &bound::Expr,
        key: &ast::Ident,
        id: Option<PropKeyId>,
    ) -> Result<()> {
        let (ExprKind::Slot(slot), Some(id)) = (&owner.kind, id) else {
            return Ok(());
        };
        let Some((_, known)) = self.known.iter().find(|(s, _)| s == slot) else {
            return Ok(());
        };
        let (schema, catalog) = (self.view.schema, self.view.catalog);
        let (declared, names): (Vec<PropKeyId>, Vec<&str>) = match known {
            Known::Labels(labels) => (
                labels
                    .iter()
                    .filter_map(|l| schema.node_type(*l))
                    .flat_map(|t| t.properties.iter().map(|p| p.key))
                    .collect(),
                labels.iter().map(|l| &**catalog.label_name(*l)).collect(),
            ),
            Known::Types(types) => (
                types
                    .iter()
                    .filter_map(|t| schema.rel_type(*t))
                    .flat_map(|t| t.properties.iter().map(|p| p.key))
                    .collect(),
                types.iter().map(|t| &**catalog.rel_type_name(*t)).collect(),
            ),
        };
        if declared.contains(&id) {
            return Ok(());
        }
        let what = match names.as_slice() {
            [one] => format!("`{one}` declares"),
            many => {
                format!("none of {} declares", many.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", "))
            }
        };
        let err = Error::at(ErrorCode::UnknownPropertyKey, key.span, format!("{what} no property `{}`", key.name));
        let keys: Vec<&str> = declared.iter().map(|k| &**catalog.prop_key_name(*k)).collect();
        Err(match crate::suggest::did_you_mean(&key.name, keys.iter().copied()) {
            Some(hint) => err.with_hint(hint),
            None if keys.is_empty() => err.with_hint("it declares no properties"),
            None => err.with_hint(format!("it declares {}", keys.join(", "))),
        })
    }
}
