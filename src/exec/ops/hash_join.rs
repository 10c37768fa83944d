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
//!
//! While the keys are nodes and integers, the table is keyed by them packed into words
//! (`join_table.rs`): no `Value` hashed or compared per row, and no `=` check (workload10's
//! `two_whole_types_joined` probes 2 M rows into 1.5 M build rows).

use std::collections::VecDeque;
use std::hash::{BuildHasher, Hash, Hasher};

use super::join_table::{self, BuildRows, Packed, Words, END, MAX_WORDS};
use super::value_join::ValueKey;
use crate::binder::bound::{Expr, Slot};
use crate::error::{Error, Result};
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
    /// Probe rows read ahead, in probe order (words table only).
    ahead: VecDeque<Ahead>,
    /// How many probe rows the next read ahead takes: 1 after a rewind, doubled up to
    /// `BLOCK` each time, so that an EXISTS that stops at its first row (a `SemiApply`
    /// over the join) does not read a whole block of the probe side per outer row.
    block: usize,
}

/// A probe row read ahead: its first build row found, or to be probed alone (a key the
/// words cannot hold), or the error reading or keying it raised (raised in its turn, so
/// rows before it are still joined, as a `Limit` above may need no more).
enum Ahead {
    Found(Row, usize),
    Alone(Row),
    Failed(Error),
}

/// How many probe rows are read ahead: enough for the lookups of the table's cache misses
/// to overlap (workload10's `two_whole_types_joined` probes 2 M rows into 1.5 M keys).
const BLOCK: usize = 128;

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

    /// The key of nodes `nodes` (as `of` makes it from a row's slots).
    pub(super) fn of_values(mut nodes: Vec<Value>) -> JoinKey {
        match nodes.len() {
            1 => JoinKey::One(nodes.remove(0)),
            2 => {
                let second = nodes.remove(1);
                JoinKey::Two(nodes.remove(0), second)
            }
            _ => JoinKey::Many(nodes),
        }
    }

    pub(super) fn bytes(&self) -> u64 {
        match self {
            JoinKey::One(v) => value_bytes(v),
            JoinKey::Two(v, w) => value_bytes(v) + value_bytes(w),
            JoinKey::Many(vs) => vs.iter().map(value_bytes).sum::<u64>() + 24,
        }
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
            ahead: VecDeque::new(),
            block: 1,
        }
    }

    /// Runs the build side to its end into the table; a row with a null key meets nothing.
    fn fill(&mut self, ctx: &mut ExecCtx<'_, '_>) -> Result<()> {
        let Some(mut build) = self.build.take() else { return Ok(()) };
        let mut values = Vec::with_capacity(self.values.len());
        while let Some(row) = build.next(ctx)? {
            ctx.cancel.tick()?;
            if self.rows.is_words() {
                match self.pack(&row, Side::Build, ctx, &mut values)? {
                    Packed::Words(key) => {
                        let slots = self.build_slots.iter().map(|s| row.get(*s).clone());
                        let bytes = self.rows.push_words(key, slots.chain(values.drain(..)));
                        self.held.add(bytes)?;
                        continue;
                    }
                    Packed::Meets => continue,
                    Packed::Unfit => self.make_general(),
                }
            }
            let Some(key) = JoinKey::of(&row, &self.keys) else { continue };
            let Some(hash) = self.values_of(&row, Side::Build, ctx, &mut values)? else { continue };
            let slots = self.build_slots.iter().map(|s| row.get(*s).clone());
            let bytes = self.rows.push_general((key, hash), slots.chain(values.drain(..)));
            self.held.add(bytes)?;
        }
        let bytes = self.rows.index_words();
        self.held.add(bytes)
    }

    /// `row`'s keys packed into words (its values of `side` into `values`), evaluated in
    /// the order, and stopping where, the general path's `values_of` would.
    fn pack(&self, row: &Row, side: Side, ctx: &ExecCtx<'_, '_>, values: &mut Vec<Value>) -> Result<Packed> {
        values.clear();
        let mut words: Words = [0; MAX_WORDS];
        if self.keys.len() + self.values.len() > MAX_WORDS {
            return Ok(Packed::Unfit);
        }
        for (word, slot) in words.iter_mut().zip(&self.keys) {
            match join_table::node_word(row.get(*slot)) {
                Ok(w) => *word = w,
                Err(packed) => return Ok(packed),
            }
        }
        let mut meets = true;
        for (word, (probe, build)) in words[self.keys.len()..].iter_mut().zip(&self.values) {
            let value = eval(if matches!(side, Side::Probe) { probe } else { build }, row, ctx.graph())?;
            if ValueKey::of(&value).is_none() {
                return Ok(Packed::Meets);
            }
            let packed = match side {
                Side::Probe => join_table::probe_word(&value),
                Side::Build => join_table::build_word(&value),
            };
            match packed {
                Ok(w) => *word = w,
                // A probe value no integer equals: the values after it are still
                // evaluated, as the general path would (an error among them is raised).
                Err(Packed::Meets) => meets = false,
                Err(other) => return Ok(other),
            }
            values.push(value);
        }
        Ok(if meets { Packed::Words(words) } else { Packed::Meets })
    }

    /// Turns the words table into the general one (a build or probe key the words cannot
    /// hold).
    fn make_general(&mut self) {
        let (n_keys, width, from) = (self.keys.len(), self.width(), self.build_slots.len());
        let n_values = self.values.len();
        let hashes: Vec<Option<u64>> = (0..self.rows.next.len())
            .map(|at| {
                let held = self.rows.values.get(at * width + from..at * width + from + n_values).unwrap_or_default();
                self.hash_of(held)
            })
            .collect();
        self.rows.make_general(|words, at| {
            let nodes = words[..n_keys].iter().map(|w| join_table::word_node(*w));
            (JoinKey::of_values(nodes.collect()), hashes.get(at).copied().flatten().unwrap_or(0))
        });
    }

    /// The hash of `values`' `ValueKey`s, or `None` when one is null or NaN.
    fn hash_of(&self, values: &[Value]) -> Option<u64> {
        if values.is_empty() {
            return Some(0);
        }
        let mut hasher = self.hasher.build_hasher();
        for value in values {
            ValueKey::of(value)?.hash(&mut hasher);
        }
        Some(hasher.finish())
    }

    /// `row`'s values of `side` into `values` and the hash of their keys, or `None` when
    /// one is null or NaN (it equals nothing).
    fn values_of(&self, row: &Row, side: Side, ctx: &ExecCtx<'_, '_>, values: &mut Vec<Value>) -> Result<Option<u64>> {
        values.clear();
        for (probe, build) in &self.values {
            let value = eval(if matches!(side, Side::Probe) { probe } else { build }, row, ctx.graph())?;
            if ValueKey::of(&value).is_none() {
                return Ok(None);
            }
            values.push(value);
        }
        Ok(self.hash_of(values))
    }

    /// The values each build row holds: its slots', then its value keys'.
    fn width(&self) -> usize {
        self.build_slots.len() + self.values.len()
    }

    /// Whether build row `at` holds values `=` to the probe row's `values` (rows of a
    /// words key always do).
    fn meets(&self, at: usize, values: &[Value]) -> bool {
        if self.rows.is_words() {
            return true;
        }
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
        if self.keys.iter().any(|k| row.get(*k).is_null()) || self.rows.is_empty() {
            return Ok(None);
        }
        let mut values = std::mem::take(&mut self.probe_values);
        let first = self.first_of(&row, ctx, &mut values);
        self.probe_values = values;
        Ok(first?.map(|first| (row, first)))
    }

    /// The first build row `row` may meet (its values into `values`), or `None` when it
    /// meets none.
    fn first_of(&mut self, row: &Row, ctx: &ExecCtx<'_, '_>, values: &mut Vec<Value>) -> Result<Option<usize>> {
        if self.rows.is_words() {
            match self.pack(row, Side::Probe, ctx, values)? {
                Packed::Words(key) => return Ok(Some(self.rows.first_words(&key))),
                Packed::Meets => return Ok(None),
                Packed::Unfit => self.make_general(),
            }
        }
        let Some(key) = JoinKey::of(row, &self.keys) else { return Ok(None) };
        let Some(hash) = self.values_of(row, Side::Probe, ctx, values)? else { return Ok(None) };
        Ok(Some(self.rows.first_general(&(key, hash))))
    }

    /// Reads up to `block` probe rows (growing to `BLOCK`) and finds their first build rows in one loop, so
    /// that the table's cache misses overlap; false when the probe side has no more rows.
    fn read_ahead(&mut self, ctx: &mut ExecCtx<'_, '_>) -> bool {
        let block = self.block;
        self.block = (block * 2).min(BLOCK);
        let mut keyed: Vec<(Row, Words)> = Vec::with_capacity(block);
        let mut after: Vec<Ahead> = Vec::new();
        let mut values = std::mem::take(&mut self.probe_values);
        let mut n_read = 0;
        while n_read < block {
            let row = match self.probe.next(ctx) {
                Ok(Some(row)) => row,
                Ok(None) => break,
                Err(err) => {
                    after.push(Ahead::Failed(err));
                    break;
                }
            };
            n_read += 1;
            if !after.is_empty() {
                after.push(Ahead::Alone(row));
                continue;
            }
            if self.keys.iter().any(|k| row.get(*k).is_null()) {
                continue;
            }
            match self.pack(&row, Side::Probe, ctx, &mut values) {
                Ok(Packed::Words(key)) => keyed.push((row, key)),
                Ok(Packed::Meets) => {}
                Ok(Packed::Unfit) => after.push(Ahead::Alone(row)),
                Err(err) => {
                    after.push(Ahead::Failed(err));
                    break;
                }
            }
        }
        self.probe_values = values;
        let firsts: Vec<usize> = keyed.iter().map(|(_, key)| self.rows.first_words(key)).collect();
        self.touch(&firsts);
        for ((row, _), first) in keyed.into_iter().zip(firsts) {
            if first != END {
                self.ahead.push_back(Ahead::Found(row, first));
            }
        }
        self.ahead.extend(after);
        n_read > 0 || !self.ahead.is_empty()
    }

    /// Reads the first build rows' links and values' kinds in one loop, so that their cache
    /// misses overlap too before the rows are joined one by one.
    fn touch(&self, firsts: &[usize]) {
        let width = self.width();
        let mut seen = 0usize;
        for first in firsts.iter().filter(|first| **first != END) {
            // Wrapping: a link may be `END` (usize::MAX); only the reads matter, not the sum.
            seen ^= self.rows.next.get(*first).copied().unwrap_or(0);
            seen = seen.wrapping_add(usize::from(matches!(self.rows.values.get(first * width), Some(Value::Null))));
        }
        std::hint::black_box(seen);
    }

    /// The next probe row with its first build row, `Some(None)` for one that meets
    /// none, `None` at the probe side's end.
    fn next_probed(&mut self, ctx: &mut ExecCtx<'_, '_>) -> Result<Option<Option<(Row, usize)>>> {
        loop {
            match self.ahead.pop_front() {
                Some(Ahead::Found(row, first)) => return Ok(Some(Some((row, first)))),
                Some(Ahead::Alone(row)) => return self.probing(row, ctx).map(Some),
                Some(Ahead::Failed(err)) => return Err(err),
                None if self.rows.is_words() && !self.rows.is_empty() => {
                    if !self.read_ahead(ctx) {
                        return Ok(None);
                    }
                }
                None => {
                    let Some(row) = self.probe.next(ctx)? else { return Ok(None) };
                    return self.probing(row, ctx).map(Some);
                }
            }
        }
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
            let Some(probed) = self.next_probed(ctx)? else {
                self.current = None;
                return Ok(None);
            };
            self.current = probed;
        }
    }

    fn rewind(&mut self) -> bool {
        self.current = None;
        self.ahead.clear();
        self.block = 1;
        self.probe.rewind()
    }
}
