//! `v.key IN [constant, …]`: a conjunct compiled so that a scan or an expansion tests each
//! candidate without a row (`p.year IN [1901, 1907, …]`).
//!
//! Interpreted, every candidate cost a copy of its row and the list built again from its
//! items (60,000 people against 21 years took 670 ms at S, Kuzu 11 ms). Compiled, the list
//! is built once; when every item is an integer, a stored integer is looked up among them
//! sorted; when every item is a string, a node's string is compared in place, read from
//! its column without building a `Value` (ten organisation names against 80,000
//! organisations took 9 ms at M). Any other value (a float, a null, a property the entity
//! lacks, a column of mixed values) goes through the interpreter's own `IN`, so the
//! answers and the errors are the interpreter's.

use std::sync::Arc;

use super::{constant, Bindings, Entity, Property, Verdict};
use crate::binder::bound::{Expr, ExprKind};
use crate::error::Result;
use crate::exec::expr;
use crate::store::{Graph, Number};
use crate::syntax::ast::BinaryOp;
use crate::value::Value;

#[derive(Debug, Clone)]
pub(super) struct InList {
    pub(super) property: Property,
    /// The list, built once.
    list: Value,
    /// The items sorted, when every one is an integer.
    ints: Option<Vec<i64>>,
    /// The items sorted, when every one is a string.
    strings: Option<Vec<Box<str>>>,
}

impl InList {
    /// `Some` when `conjunct` is `variable.key IN list` and the list is constant: a literal
    /// or parameter list, a list expression of constants, or a call of constants that
    /// gives a list (`range($year - 4, $year)`).
    pub(super) fn of(conjunct: &Expr) -> Option<InList> {
        let ExprKind::Binary(BinaryOp::In, lhs, rhs) = &conjunct.kind else { return None };
        let property = Property::of(lhs)?;
        let items: Vec<Value> = match &rhs.kind {
            ExprKind::Literal(Value::List(items)) => items.to_vec(),
            ExprKind::List(items) => items.iter().map(constant).collect::<Option<_>>()?,
            // `range($y - 4, $y)` and other calls of constants, computed once.
            _ => match constant(rhs)? {
                Value::List(items) => items.to_vec(),
                _ => return None,
            },
        };
        Some(InList::with_items(property, Arc::new(items)))
    }

    /// `property IN items`, for a list the input row fixed too (`row_constants.rs`).
    pub(super) fn with_items(property: Property, items: Arc<Vec<Value>>) -> InList {
        let ints = items
            .iter()
            .map(|v| match v {
                Value::Int(i) => Some(*i),
                _ => None,
            })
            .collect::<Option<Vec<i64>>>()
            .map(|mut ints| {
                ints.sort_unstable();
                ints
            });
        let strings = sorted_strings(&items);
        InList { property, list: Value::List(items), ints, strings }
    }

    /// Whether it was built from this very list (the same row value, not an equal one).
    pub(super) fn is_of(&self, items: &Arc<Vec<Value>>) -> bool {
        matches!(&self.list, Value::List(list) if Arc::ptr_eq(list, items))
    }

    pub(super) fn eval<B: Bindings>(&self, row: &B, graph: &Graph) -> Result<Verdict> {
        if let (Some(ints), Some(Number::Int(v))) = (&self.ints, self.stored_number(row, graph)) {
            return Ok(Verdict::of_bool(ints.binary_search(&v).is_ok()));
        }
        if let (Some(strings), Some(text)) = (&self.strings, self.stored_str(row, graph)) {
            return Ok(Verdict::of_bool(strings.binary_search_by(|item| (**item).cmp(text)).is_ok()));
        }
        let value = self.property.read(row, graph)?;
        Ok(Verdict::of(&expr::in_list(value, self.list.clone(), self.property.span)?))
    }

    /// The node's string read in place, when its column packs strings and it holds one.
    fn stored_str<'g, B: Bindings>(&self, row: &B, graph: &'g Graph) -> Option<&'g str> {
        let key = self.property.key.resolve(graph.catalog())?;
        match row.entity(self.property.slot)? {
            Entity::Node(node) => graph.node_str(node, key),
            Entity::Rel(_) => None,
        }
    }

    fn stored_number<B: Bindings>(&self, row: &B, graph: &Graph) -> Option<Number> {
        let key = self.property.key.resolve(graph.catalog())?;
        match row.entity(self.property.slot)? {
            Entity::Node(node) => graph.node_number(node, key),
            Entity::Rel(rel) => graph.rel_number(rel, key),
        }
    }
}

/// The items sorted, when every one is a string: a string equals only a string, byte for byte.
fn sorted_strings(items: &[Value]) -> Option<Vec<Box<str>>> {
    let mut strings = items
        .iter()
        .map(|v| match v {
            Value::String(s) => Some(Box::from(&**s)),
            _ => None,
        })
        .collect::<Option<Vec<Box<str>>>>()?;
    strings.sort_unstable();
    Some(strings)
}
