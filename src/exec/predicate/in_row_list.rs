//! `v.key IN list` where the list is a variable of the row (`WITH collect(p.id) AS ids
//! MATCH (a)-…-(d) WHERE d.id IN ids`): the same list value comes with every row, and
//! interpreted, each candidate scanned it from the start (workload8's
//! bi11_friend_triangles_in_country: 1.9 million rows against 1,043 ids took 12 s at S).
//!
//! Compiled, the list is sorted once the second time the same list value (the same
//! shared allocation) is met, and a stored integer or string is then looked up in it, as
//! for a constant list (`in_list.rs`). A list met once, a value of another kind, or a list
//! with other items goes through the interpreter's own `IN`, so the answers and the
//! errors are the interpreter's.

use std::sync::{Arc, Mutex};

use super::in_list::SortedItems;
use super::{Bindings, Property, Verdict};
use crate::binder::bound::{Expr, ExprKind, Slot};
use crate::error::Result;
use crate::exec::expr;
use crate::store::Graph;
use crate::syntax::ast::BinaryOp;
use crate::value::Value;

/// The last list value met (its shared allocation), and its items sorted once it was met
/// twice.
type Seen = Option<(Arc<Vec<Value>>, Option<Arc<SortedItems>>)>;

#[derive(Debug)]
pub(super) struct InRowList {
    pub(super) property: Property,
    list: Slot,
    seen: Mutex<Seen>,
}

impl Clone for InRowList {
    fn clone(&self) -> InRowList {
        InRowList { property: self.property.clone(), list: self.list, seen: Mutex::new(None) }
    }
}

impl InRowList {
    /// `Some` when `conjunct` is `variable.key IN other`, `other` a variable of the row.
    pub(super) fn of(conjunct: &Expr) -> Option<InRowList> {
        let ExprKind::Binary(BinaryOp::In, lhs, rhs) = &conjunct.kind else { return None };
        let property = Property::of(lhs)?;
        let ExprKind::Slot(list) = rhs.kind else { return None };
        (list != property.slot).then(|| InRowList { property, list, seen: Mutex::new(None) })
    }

    pub(super) fn eval<B: Bindings>(&self, row: &B, graph: &Graph) -> Result<Verdict> {
        let list = row.value(self.list);
        if let Value::List(items) = &*list {
            if let Some(sorted) = self.sorted(items) {
                if let Some(found) = sorted.find(&self.property, row, graph) {
                    return Ok(Verdict::of_bool(found));
                }
            }
        }
        let value = self.property.read(row, graph)?;
        Ok(Verdict::of(&expr::in_list(value, list.into_owned(), self.property.span)?))
    }

    /// The items of `items` sorted, when this list was met before (the same allocation)
    /// and its items are all integers or all strings.
    fn sorted(&self, items: &Arc<Vec<Value>>) -> Option<Arc<SortedItems>> {
        let mut seen = self.seen.lock().ok()?;
        match &mut *seen {
            Some((last, sorted)) if Arc::ptr_eq(last, items) => {
                if sorted.is_none() {
                    *sorted = Some(Arc::new(SortedItems::of(items)));
                }
                sorted.clone()
            }
            _ => {
                *seen = Some((Arc::clone(items), None));
                None
            }
        }
    }
}
