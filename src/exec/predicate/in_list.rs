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

use super::columns::{Candidates, Ids};
use super::{constant, Bindings, Entity, Property, Verdict};
use crate::binder::bound::{Expr, ExprKind};
use crate::error::Result;
use crate::exec::expr;
use crate::store::{Graph, NodeId, Number, RelTypeId};
use crate::syntax::ast::BinaryOp;
use crate::value::Value;

#[derive(Debug, Clone)]
pub(super) struct InList {
    pub(super) property: Property,
    /// The list, built once.
    list: Value,
    /// The items sorted, when every one is an integer.
    ints: Option<Vec<i64>>,
    /// The same integers as a set for the column test: a few compared in turn, or a
    /// bitset over their range.
    int_set: Option<IntSet>,
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
        let int_set = ints.as_deref().map(IntSet::of);
        InList { property, list: Value::List(items), ints, int_set, strings }
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

    /// Keeps the candidates (indices in `alive`) whose number is one of the list's
    /// integers, the numbers read from the column a chunk at a time (`p.year IN [1950,
    /// 1960, 1970]` over 600 000 people was a look-up and a call per person). False, with
    /// nothing done, unless every item is an integer and the column holds numbers alone:
    /// then each candidate is tested in turn, as before.
    pub(super) fn retain_by_column(
        &self,
        candidates: &Candidates,
        rel_type: Option<RelTypeId>,
        graph: &Graph,
        alive: &mut Vec<u32>,
    ) -> bool {
        let Some(set) = &self.int_set else { return false };
        // A key the catalog does not know is held by no entity: null is in no list.
        let Some(key) = self.property.key.resolve(graph.catalog()) else {
            alive.clear();
            return true;
        };
        let mut numbers = Vec::new();
        match (candidates.column(self.property.slot), rel_type) {
            (Some(Ids::Nodes(ids)), _) => {
                let nodes: Vec<NodeId> = alive.iter().map(|&i| ids[i as usize]).collect();
                if !graph.node_numbers(key, &nodes, &mut numbers) {
                    return false;
                }
                let mut kept = numbers.iter().map(|n| set.holds(*n));
                alive.retain(|_| kept.next().unwrap_or(false));
            }
            (Some(Ids::Scanned(chunk)), Some(ty)) => {
                if !graph.chunk_numbers(ty, key, chunk, &mut numbers) {
                    return false;
                }
                alive.retain(|&i| numbers.get(i as usize).is_some_and(|n| set.holds(*n)));
            }
            _ => return false,
        }
        true
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

/// Integers to test numbers against: up to `FEW` compared in turn, else a bitset over
/// their range when it is short, else a binary search.
#[derive(Debug, Clone)]
enum IntSet {
    Few(Vec<i64>),
    Range { min: i64, bits: Vec<u64> },
    Sorted(Vec<i64>),
}

const FEW: usize = 8;
/// The widest range a bitset covers: 8 KiB of bits.
const RANGE_BITS: i64 = 1 << 16;

impl IntSet {
    /// `ints` sorted.
    fn of(ints: &[i64]) -> IntSet {
        let (Some(&min), Some(&max)) = (ints.first(), ints.last()) else { return IntSet::Few(Vec::new()) };
        if ints.len() <= FEW {
            return IntSet::Few(ints.to_vec());
        }
        match max.checked_sub(min) {
            Some(span) if span < RANGE_BITS => {
                let mut bits = vec![0u64; (span as usize) / 64 + 1];
                for &i in ints {
                    let at = (i - min) as usize;
                    bits[at / 64] |= 1 << (at % 64);
                }
                IntSet::Range { min, bits }
            }
            _ => IntSet::Sorted(ints.to_vec()),
        }
    }

    fn contains(&self, v: i64) -> bool {
        match self {
            IntSet::Few(ints) => ints.contains(&v),
            IntSet::Range { min, bits } => v
                .checked_sub(*min)
                .and_then(|at| usize::try_from(at).ok())
                .is_some_and(|at| bits.get(at / 64).is_some_and(|word| word & (1 << (at % 64)) != 0)),
            IntSet::Sorted(ints) => ints.binary_search(&v).is_ok(),
        }
    }

    /// Whether a stored number equals one of the integers (a float equals an integer of
    /// the same value, as openCypher's `=` has it; `None`, no value, equals nothing).
    fn holds(&self, n: Option<Number>) -> bool {
        match n {
            Some(Number::Int(v)) => self.contains(v),
            Some(Number::Float(f)) => f.fract() == 0.0 && f.abs() < 9.0e18 && self.contains(f as i64),
            None => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_int_set_holds_its_integers_and_equal_floats_alone() {
        let few = [1950, 1960, 1970];
        let many: Vec<i64> = (0..40).map(|i| 1900 + 3 * i).collect();
        let wide: Vec<i64> = (0..20).map(|i| i * 1_000_000 - 5).collect();
        for ints in [&few[..], &many[..], &wide[..]] {
            let set = IntSet::of(ints);
            for v in -10..3000 {
                assert_eq!(set.contains(v), ints.contains(&v), "{v}");
            }
            for &v in ints {
                assert!(set.holds(Some(Number::Int(v))) && set.holds(Some(Number::Float(v as f64))));
                assert!(!set.holds(Some(Number::Float(v as f64 + 0.5))) && !set.holds(None));
            }
            assert!(!set.contains(i64::MIN) && !set.contains(i64::MAX));
        }
        assert!(matches!(IntSet::of(&many), IntSet::Range { .. }) && matches!(IntSet::of(&wide), IntSet::Sorted(_)));
    }
}
