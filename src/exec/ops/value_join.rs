//! `ValueHashJoin`: the rows of the probe side joined with those of the build side whose
//! key value equals the probe row's (`MATCH (a:X), (b:Y) WHERE a.k = b.k`, or a
//! scan under an UNWIND whose rows name the node by a computed value).
//!
//! The build side reads nothing bound before it (the planner sees to that,
//! `optimize/join_on_values.rs`), so it runs once, when the first probe row arrives, and
//! its rows stay in a hash table by a [`ValueKey`] of their key value. Two values that are
//! equal in Cypher always get the same `ValueKey`, but two with the same `ValueKey` may
//! differ (integers beyond 2^53, lists), so each pair of a bucket is checked with Cypher's
//! `=` (`Value::cypher_eq`). A null key meets nothing, as `null = x` is never true. The build rows keep their scan order per key, so each
//! probe row meets its matches in the order a nested loop gives them.
//! A rewind (an inner plan run again for the next row of an `Optional`) keeps the table.

use crate::binder::bound::{Expr, Slot};
use crate::error::Result;
use crate::exec::expr::eval;
use crate::exec::memory::{value_bytes, Held};
use crate::exec::{ExecCtx, Operator, Row};
use crate::value::Value;

pub struct ValueHashJoin {
    probe: Box<dyn Operator>,
    /// The build side, until it has been run into `table`.
    build: Option<Box<dyn Operator>>,
    probe_key: Expr,
    build_key: Expr,
    build_slots: Vec<Slot>,
    /// Per join key, the build rows' key values and values of `build_slots`.
    table: foldhash::HashMap<ValueKey, Vec<(Value, Vec<Value>)>>,
    held: Held,
    /// The probe row being joined, its key value and bucket, and the next build row of it.
    current: Option<(Row, Value, ValueKey, usize)>,
}

impl ValueHashJoin {
    pub fn new(
        probe: Box<dyn Operator>,
        build: Box<dyn Operator>,
        keys: (Expr, Expr),
        build_slots: Vec<Slot>,
    ) -> ValueHashJoin {
        let (probe_key, build_key) = keys;
        ValueHashJoin {
            probe,
            build: Some(build),
            probe_key,
            build_key,
            build_slots,
            table: foldhash::HashMap::default(),
            held: Held::default(),
            current: None,
        }
    }

    /// Runs the build side to its end into the table.
    fn fill(&mut self, ctx: &mut ExecCtx<'_, '_>) -> Result<()> {
        let Some(mut build) = self.build.take() else { return Ok(()) };
        while let Some(row) = build.next(ctx)? {
            ctx.cancel.tick()?;
            let value = eval(&self.build_key, &row, ctx.graph())?;
            let Some(key) = ValueKey::of(&value) else { continue };
            let values = row.project(&self.build_slots);
            self.held.add(values.iter().map(value_bytes).sum::<u64>() + value_bytes(&value) + 64)?;
            self.table.entry(key).or_default().push((value, values));
        }
        Ok(())
    }

    /// The next probe row that may meet a build row, with its key; `None` at the end.
    fn next_probe(&mut self, ctx: &mut ExecCtx<'_, '_>) -> Result<Option<(Row, Value, ValueKey)>> {
        while let Some(row) = self.probe.next(ctx)? {
            if self.build.is_some() {
                self.fill(ctx)?;
            }
            // With nothing built, no row can meet one: the key is not evaluated, as a
            // nested loop over no candidates would not evaluate it.
            if self.table.is_empty() {
                continue;
            }
            let value = eval(&self.probe_key, &row, ctx.graph())?;
            if let Some(key) = ValueKey::of(&value) {
                return Ok(Some((row, value, key)));
            }
        }
        Ok(None)
    }
}

impl Operator for ValueHashJoin {
    fn next(&mut self, ctx: &mut ExecCtx<'_, '_>) -> Result<Option<Row>> {
        loop {
            if let Some((row, value, key, at)) = &mut self.current {
                let bucket = self.table.get(key).map_or(&[][..], Vec::as_slice);
                while let Some((build_value, values)) = bucket.get(*at) {
                    *at += 1;
                    if value.cypher_eq(build_value) != Some(true) {
                        continue;
                    }
                    let mut out = row.clone();
                    for (slot, build) in self.build_slots.iter().zip(values) {
                        out.set(*slot, build.clone());
                    }
                    return Ok(Some(out));
                }
            }
            self.current = self.next_probe(ctx)?.map(|(row, value, key)| (row, value, key, 0));
            if self.current.is_none() {
                return Ok(None);
            }
        }
    }

    fn rewind(&mut self) -> bool {
        self.current = None;
        self.probe.rewind()
    }
}

/// What a key value is hashed by: the same for any two values Cypher's `=` finds equal.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(super) enum ValueKey {
    Bool(bool),
    /// Integers and floats by their value as a float (`1 = 1.0`), -0.0 as 0.0.
    Number(u64),
    String(std::sync::Arc<str>),
    Node(crate::store::NodeId),
    Relationship(crate::store::RelId),
    /// Every other kind in one bucket, left to the equality above the join.
    Other,
}

impl ValueKey {
    /// `None` for a value no value equals: null, NaN.
    pub(super) fn of(value: &Value) -> Option<ValueKey> {
        let number = |f: f64| (!f.is_nan()).then(|| ValueKey::Number(if f == 0.0 { 0 } else { f.to_bits() }));
        match value {
            Value::Null => None,
            Value::Bool(b) => Some(ValueKey::Bool(*b)),
            Value::Int(i) => number(*i as f64),
            Value::Float(f) => number(*f),
            Value::String(s) => Some(ValueKey::String(s.clone())),
            Value::Node(id) => Some(ValueKey::Node(*id)),
            Value::Relationship(id) => Some(ValueKey::Relationship(*id)),
            _ => Some(ValueKey::Other),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_numbers_share_a_key() {
        assert_eq!(ValueKey::of(&Value::Int(3)), ValueKey::of(&Value::Float(3.0)));
        assert_eq!(ValueKey::of(&Value::Float(-0.0)), ValueKey::of(&Value::Int(0)));
        assert_ne!(ValueKey::of(&Value::Int(3)), ValueKey::of(&Value::Float(3.5)));
    }

    #[test]
    fn null_and_nan_meet_nothing() {
        assert_eq!(ValueKey::of(&Value::Null), None);
        assert_eq!(ValueKey::of(&Value::Float(f64::NAN)), None);
    }

    #[test]
    fn other_kinds_share_one_bucket() {
        let list = Value::list(vec![Value::Int(1)]);
        assert_eq!(ValueKey::of(&list), Some(ValueKey::Other));
        assert_ne!(ValueKey::of(&Value::string("1")), ValueKey::of(&Value::Int(1)));
    }
}
