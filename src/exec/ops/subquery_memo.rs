//! The answers of a subquery kept per distinct value of the outer slots its inner plan
//! reads (`LogicalOp::SemiApply`/`SubqueryValue` `memo`, `optimize/memo_subqueries.rs`),
//! so that an outer row repeating them is answered by a lookup instead of a run.
//!
//! A kept answer holds only while the graph is as it was when it was found: any write
//! of the statement since (`Txn::write_count`) empties the memo. Only keys whose values
//! are equal exactly when they are equivalent are kept (no float, no list or map that
//! might hold one: `1` and `1.0` are one key to a hash table but not to every
//! expression); a row with another key runs the subquery. The memo holds at most
//! `MAX_ANSWERS` answers, counted against the statement's memory, and gives up (runs
//! every row) when the first `TRIAL` rows repeat too few keys to pay for the lookups.

use crate::binder::bound::Slot;
use crate::error::Result;
use std::sync::Arc;

use crate::exec::memory::Held;
use crate::exec::{ExecCtx, Row};
use crate::store::{NodeId, RelId};
use crate::value::Value;

/// The most answers kept: past it, new keys run the subquery without being kept.
const MAX_ANSWERS: usize = 1 << 20;
/// The rows after which a memo that found fewer than one repeat in `MIN_HIT_SHARE` stops.
/// A repeat saves a run of the inner plan (a microsecond or more) for a lookup (tens of
/// nanoseconds), so one row in 64 repeating pays; keys drawn at random from many repeat
/// rarely at first and more as the memo fills, hence a long trial.
const TRIAL: u64 = 16_384;
const MIN_HIT_SHARE: u64 = 64;

pub struct SubqueryMemo<V> {
    keys: Vec<Slot>,
    answers: foldhash::HashMap<Box<[Cell]>, V>,
    /// The key of the row last looked up, kept by `keep`.
    probe: Vec<Cell>,
    /// `Txn::write_count` when the kept answers were found.
    writes: u64,
    lookups: u64,
    hits: u64,
    stopped: bool,
    held: Held,
}

impl<V: Clone> SubqueryMemo<V> {
    pub fn new(keys: Vec<Slot>) -> SubqueryMemo<V> {
        SubqueryMemo {
            keys,
            answers: foldhash::HashMap::default(),
            probe: Vec::new(),
            writes: 0,
            lookups: 0,
            hits: 0,
            stopped: false,
            held: Held::default(),
        }
    }

    /// The answer kept for `row`'s keys, or `None` (run the subquery, then `keep` its
    /// answer); a key that cannot be kept leaves the probe empty, so `keep` does nothing.
    pub fn lookup(&mut self, row: &Row, ctx: &ExecCtx<'_, '_>) -> Option<V> {
        self.probe.clear();
        if self.stopped {
            return None;
        }
        let writes = ctx.write_count();
        if writes != self.writes {
            self.forget();
            self.writes = writes;
        }
        for slot in &self.keys {
            let Some(cell) = Cell::of(row.get(*slot)) else {
                self.probe.clear();
                return None;
            };
            self.probe.push(cell);
        }
        self.lookups += 1;
        let found = self.answers.get(self.probe.as_slice()).cloned();
        if found.is_some() {
            self.hits += 1;
            self.probe.clear();
        }
        self.stop_if_unpaid();
        found
    }

    /// Keeps `answer` for the key of the row last looked up (when it had none kept).
    pub fn keep(&mut self, answer: &V, bytes: u64) -> Result<()> {
        let unkept = self.probe.is_empty() && !self.keys.is_empty();
        if unkept || self.stopped || self.answers.len() >= MAX_ANSWERS {
            return Ok(());
        }
        let key: Box<[Cell]> = std::mem::take(&mut self.probe).into_boxed_slice();
        self.held.add(key.iter().map(Cell::bytes).sum::<u64>() + bytes + ENTRY_BYTES)?;
        self.answers.insert(key, answer.clone());
        Ok(())
    }

    fn stop_if_unpaid(&mut self) {
        if self.lookups == TRIAL && self.hits * MIN_HIT_SHARE < self.lookups {
            self.stopped = true;
            self.forget();
        }
    }

    fn forget(&mut self) {
        self.answers = foldhash::HashMap::default();
        self.held.clear();
    }
}

/// The table's own bytes per answer, besides the key's values and the answer.
const ENTRY_BYTES: u64 = 48;

/// One value of a key, of a kind whose equivalent values are all equal in every
/// expression (no float: `1 = 1.0`, `NaN`; nothing that may hold one), compared and
/// hashed as plain data (`Value`'s own equivalence orders, which showed in profiles).
#[derive(Clone, PartialEq, Eq, Hash)]
enum Cell {
    Null,
    Bool(bool),
    Int(i64),
    String(Arc<str>),
    Node(NodeId),
    Relationship(RelId),
}

impl Cell {
    fn of(value: &Value) -> Option<Cell> {
        Some(match value {
            Value::Null => Cell::Null,
            Value::Bool(b) => Cell::Bool(*b),
            Value::Int(i) => Cell::Int(*i),
            Value::String(s) => Cell::String(s.clone()),
            Value::Node(id) => Cell::Node(*id),
            Value::Relationship(id) => Cell::Relationship(*id),
            _ => return None,
        })
    }

    fn bytes(&self) -> u64 {
        let own = std::mem::size_of::<Cell>() as u64;
        match self {
            Cell::String(s) => own + s.len() as u64,
            _ => own,
        }
    }
}
