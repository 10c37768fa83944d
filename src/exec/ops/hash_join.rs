//! `NodeHashJoin`: the rows of the probe side joined with those of the build side that
//! bind the same nodes.
//!
//! The build side reads nothing bound before it (the planner sees to that, `join.rs`), so
//! it runs once, when the first probe row arrives, and its rows stay in a hash table by
//! their key values, charged to the statement's memory (`memory.rs`). A rewind (an inner
//! plan run again for the next row of an `Optional`) keeps the table.
//!
//! The build rows are kept flat (`BuildRows`): their values one after another in one
//! vector, each row linked to the next of the same key, and the table maps a key to the
//! first and last of its rows. A key of one or two values (a join on one or two nodes) is
//! held inline (`JoinKey`). So a build row costs no allocation of its own: with a vector
//! of keys, one of values and one of rows per key, a build side of 900,000 distinct
//! (p1, p2) pairs took 1.6 s (workload7's `bi18_recommendation_in_org`, BENCHMARKS.md).
//!
//! A join may be keyed on values too (`a.year = o.year` beside the node `p`,
//! `optimize/join_value_keys.rs`): each side's values are evaluated per row, and the
//! table's key holds a hash of their [`ValueKey`]s (the same for any two values Cypher's
//! `=` finds equal: `1` and `1.0`). Rows of one bucket may still differ (a hash collision,
//! two lists), so each build row keeps its values after its slots' and a probe row meets
//! it only when each pair is `=` (`Value::cypher_eq`); a null or NaN value meets nothing,
//! as `null = x` is never true. A join whose value keys were left in a filter above it
//! would make every (probe, build) row of the node keys first: workload10's
//! `two_whole_types_joined` made 5.6 M rows to keep 45 K.

use std::collections::hash_map::Entry;
use std::hash::{BuildHasher, Hash, Hasher};

use super::value_join::ValueKey;
use crate::binder::bound::{Expr, Slot};
use crate::error::Result;
use crate::exec::expr::eval;
use crate::exec::memory::{value_bytes, Held};
use crate::exec::{ExecCtx, Operator, Row};
use crate::value::Value;

pub struct HashJoin {
    probe: Box<dyn Operator>,
    /// The build side, until it has been run into `rows`.
    build: Option<Box<dyn Operator>>,
    keys: Vec<Slot>,
    build_slots: Vec<Slot>,
    /// The values each side is also keyed by: `(probe side, build side)` pairs.
    values: Vec<(Expr, Expr)>,
    rows: BuildRows,
    held: Held,
    /// The probe row being joined, and the next build row of its bucket not yet looked at.
    current: Option<(Row, usize)>,
    /// The values of the probe row being joined (kept from row to row: no allocation each).
    probe_values: Vec<Value>,
    /// Hashes a row's value keys into the table's key (fixed, so both sides agree).
    hasher: foldhash::fast::FixedState,
}

/// Which side of each value pair a row is evaluated by.
#[derive(Clone, Copy)]
enum Side {
    Probe,
    Build,
}

/// The key values of a row: inline for one or two, the usual joins on nodes.
#[derive(Debug, PartialEq, Eq, Hash)]
pub(super) enum JoinKey {
    One(Value),
    Two(Value, Value),
    Many(Vec<Value>),
}

impl JoinKey {
    /// `row`'s values in `keys`, or `None` when one is null (a null key meets nothing).
    pub(super) fn of(row: &Row, keys: &[Slot]) -> Option<JoinKey> {
        if keys.iter().any(|k| row.get(*k).is_null()) {
            return None;
        }
        Some(match keys {
            [k] => JoinKey::One(row.get(*k).clone()),
            [k1, k2] => JoinKey::Two(row.get(*k1).clone(), row.get(*k2).clone()),
            _ => JoinKey::Many(row.project(keys)),
        })
    }

    pub(super) fn bytes(&self) -> u64 {
        match self {
            JoinKey::One(v) => value_bytes(v),
            JoinKey::Two(v, w) => value_bytes(v) + value_bytes(w),
            JoinKey::Many(vs) => vs.iter().map(value_bytes).sum::<u64>() + 24,
        }
    }
}

/// No next build row.
const END: usize = usize::MAX;

/// A row's key in the table: its nodes, and the hash of its value keys (0 with none).
type TableKey = (JoinKey, u64);

/// The build side's rows, in build order, chained per key.
#[derive(Default)]
struct BuildRows {
    /// Per key, its first and last build row.
    table: foldhash::HashMap<TableKey, (usize, usize)>,
    /// Each build row's values of `build_slots` then of its value keys, one row after
    /// another.
    values: Vec<Value>,
    /// Per build row, the next build row of the same key (`END` for none).
    next: Vec<usize>,
}

impl BuildRows {
    /// Adds a row of `key` with `values`; returns the bytes it holds.
    fn push(&mut self, key: TableKey, values: impl Iterator<Item = Value>) -> u64 {
        let at = self.next.len();
        let before = self.values.len();
        self.values.extend(values);
        let mut bytes = self.values[before..].iter().map(value_bytes).sum::<u64>() + 8;
        self.next.push(END);
        match self.table.entry(key) {
            Entry::Vacant(vacant) => {
                bytes += vacant.key().0.bytes() + 24;
                vacant.insert((at, at));
            }
            Entry::Occupied(mut occupied) => {
                let (_, last) = occupied.get_mut();
                self.next[*last] = at;
                *last = at;
            }
        }
        bytes
    }

    /// The first build row of `key`, or `END`.
    fn first(&self, key: &TableKey) -> usize {
        self.table.get(key).map_or(END, |(first, _)| *first)
    }
}

impl HashJoin {
    pub fn new(
        probe: Box<dyn Operator>,
        build: Box<dyn Operator>,
        keys: Vec<Slot>,
        build_slots: Vec<Slot>,
        values: Vec<(Expr, Expr)>,
    ) -> HashJoin {
        HashJoin {
            probe,
            build: Some(build),
            keys,
            build_slots,
            values,
            rows: BuildRows::default(),
            held: Held::default(),
            current: None,
            probe_values: Vec::new(),
            hasher: foldhash::fast::FixedState::default(),
        }
    }

    /// Runs the build side to its end into the table; a row with a null key meets nothing.
    fn fill(&mut self, ctx: &mut ExecCtx<'_, '_>) -> Result<()> {
        let Some(mut build) = self.build.take() else { return Ok(()) };
        let mut values = Vec::with_capacity(self.values.len());
        while let Some(row) = build.next(ctx)? {
            ctx.cancel.tick()?;
            let Some(key) = JoinKey::of(&row, &self.keys) else { continue };
            let Some(hash) = self.values_of(&row, Side::Build, ctx, &mut values)? else { continue };
            let slots = self.build_slots.iter().map(|s| row.get(*s).clone());
            let bytes = self.rows.push((key, hash), slots.chain(values.drain(..)));
            self.held.add(bytes)?;
        }
        Ok(())
    }

    /// `row`'s values of `side` into `values` and the hash of their keys, or `None` when
    /// one is null or NaN (it equals nothing).
    fn values_of(&self, row: &Row, side: Side, ctx: &ExecCtx<'_, '_>, values: &mut Vec<Value>) -> Result<Option<u64>> {
        values.clear();
        if self.values.is_empty() {
            return Ok(Some(0));
        }
        let mut hasher = self.hasher.build_hasher();
        for (probe, build) in &self.values {
            let value = eval(if matches!(side, Side::Probe) { probe } else { build }, row, ctx.graph())?;
            let Some(key) = ValueKey::of(&value) else { return Ok(None) };
            key.hash(&mut hasher);
            values.push(value);
        }
        Ok(Some(hasher.finish()))
    }

    /// The values each build row holds: its slots', then its value keys'.
    fn width(&self) -> usize {
        self.build_slots.len() + self.values.len()
    }

    /// Whether build row `at` holds values `=` to the probe row's `values`.
    fn meets(&self, at: usize, values: &[Value]) -> bool {
        let from = at * self.width() + self.build_slots.len();
        let held = self.rows.values.get(from..from + values.len()).unwrap_or_default();
        held.len() == values.len() && values.iter().zip(held).all(|(v, w)| v.cypher_eq(w) == Some(true))
    }

    /// The probe row joined with build row `at`.
    fn joined(&self, row: &Row, at: usize) -> Row {
        let width = self.width();
        let mut out = row.clone();
        let values = self.rows.values.get(at * width..at * width + self.build_slots.len()).unwrap_or_default();
        for (slot, value) in self.build_slots.iter().zip(values) {
            out.set(*slot, value.clone());
        }
        out
    }

    /// The next build row from `at` on (along its chain) that meets `values`, or `END`.
    fn next_meeting(&self, mut at: usize, values: &[Value]) -> usize {
        while at != END && !self.meets(at, values) {
            at = self.rows.next.get(at).copied().unwrap_or(END);
        }
        at
    }

    /// `row` with its first build row (its values in `probe_values`), or `None` when it
    /// meets none: a null key, or nothing built (its values are then not evaluated, as a
    /// filter over no joined rows would not evaluate them).
    fn probing(&mut self, row: Row, ctx: &ExecCtx<'_, '_>) -> Result<Option<(Row, usize)>> {
        let Some(key) = JoinKey::of(&row, &self.keys) else { return Ok(None) };
        if self.rows.table.is_empty() {
            return Ok(None);
        }
        let mut values = std::mem::take(&mut self.probe_values);
        let hash = self.values_of(&row, Side::Probe, ctx, &mut values);
        self.probe_values = values;
        let Some(hash) = hash? else { return Ok(None) };
        let first = self.rows.first(&(key, hash));
        Ok(Some((row, first)))
    }
}

impl Operator for HashJoin {
    fn next(&mut self, ctx: &mut ExecCtx<'_, '_>) -> Result<Option<Row>> {
        self.fill(ctx)?;
        loop {
            if let Some((row, at)) = &self.current {
                let at = self.next_meeting(*at, &self.probe_values);
                if at != END {
                    let out = self.joined(row, at);
                    if let Some((_, next)) = &mut self.current {
                        *next = self.rows.next.get(at).copied().unwrap_or(END);
                    }
                    return Ok(Some(out));
                }
            }
            let Some(row) = self.probe.next(ctx)? else {
                self.current = None;
                return Ok(None);
            };
            self.current = self.probing(row, ctx)?;
        }
    }

    fn rewind(&mut self) -> bool {
        self.current = None;
        self.probe.rewind()
    }
}
