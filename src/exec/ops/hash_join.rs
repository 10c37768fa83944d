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

use std::collections::hash_map::Entry;

use crate::binder::bound::Slot;
use crate::error::Result;
use crate::exec::memory::{value_bytes, Held};
use crate::exec::{ExecCtx, Operator, Row};
use crate::value::Value;

pub struct HashJoin {
    probe: Box<dyn Operator>,
    /// The build side, until it has been run into `rows`.
    build: Option<Box<dyn Operator>>,
    keys: Vec<Slot>,
    build_slots: Vec<Slot>,
    rows: BuildRows,
    held: Held,
    /// The probe row being joined, and the next build row it meets not yet given.
    current: Option<(Row, usize)>,
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

/// The build side's rows, in build order, chained per key.
#[derive(Default)]
struct BuildRows {
    /// Per key, its first and last build row.
    table: foldhash::HashMap<JoinKey, (usize, usize)>,
    /// Each build row's values of `build_slots`, one row after another.
    values: Vec<Value>,
    /// Per build row, the next build row of the same key (`END` for none).
    next: Vec<usize>,
}

impl BuildRows {
    /// Adds a row of `key` with `values`; returns the bytes it holds.
    fn push(&mut self, key: JoinKey, values: impl Iterator<Item = Value>) -> u64 {
        let at = self.next.len();
        let before = self.values.len();
        self.values.extend(values);
        let mut bytes = self.values[before..].iter().map(value_bytes).sum::<u64>() + 8;
        self.next.push(END);
        match self.table.entry(key) {
            Entry::Vacant(vacant) => {
                bytes += vacant.key().bytes() + 16;
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
    fn first(&self, key: &JoinKey) -> usize {
        self.table.get(key).map_or(END, |(first, _)| *first)
    }
}

impl HashJoin {
    pub fn new(
        probe: Box<dyn Operator>,
        build: Box<dyn Operator>,
        keys: Vec<Slot>,
        build_slots: Vec<Slot>,
    ) -> HashJoin {
        HashJoin {
            probe,
            build: Some(build),
            keys,
            build_slots,
            rows: BuildRows::default(),
            held: Held::default(),
            current: None,
        }
    }

    /// Runs the build side to its end into the table; a row with a null key meets nothing.
    fn fill(&mut self, ctx: &mut ExecCtx<'_, '_>) -> Result<()> {
        let Some(mut build) = self.build.take() else { return Ok(()) };
        while let Some(row) = build.next(ctx)? {
            ctx.cancel.tick()?;
            let Some(key) = JoinKey::of(&row, &self.keys) else { continue };
            let bytes = self.rows.push(key, self.build_slots.iter().map(|s| row.get(*s).clone()));
            self.held.add(bytes)?;
        }
        Ok(())
    }

    /// The probe row joined with build row `at`.
    fn joined(&self, row: &Row, at: usize) -> Row {
        let width = self.build_slots.len();
        let mut out = row.clone();
        let values = self.rows.values.get(at * width..(at + 1) * width).unwrap_or_default();
        for (slot, value) in self.build_slots.iter().zip(values) {
            out.set(*slot, value.clone());
        }
        out
    }
}

impl Operator for HashJoin {
    fn next(&mut self, ctx: &mut ExecCtx<'_, '_>) -> Result<Option<Row>> {
        self.fill(ctx)?;
        loop {
            if let Some((row, at)) = &self.current {
                if *at != END {
                    let at = *at;
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
            self.current = JoinKey::of(&row, &self.keys).map(|key| {
                let first = self.rows.first(&key);
                (row, first)
            });
        }
    }

    fn rewind(&mut self) -> bool {
        self.current = None;
        self.probe.rewind()
    }
}
