//! Memory governance: an approximate count of the bytes a statement holds, against its
//! limit (`--max-memory`, [`crate::Limits::max_memory`]).
//!
//! Not an allocator hook: the places where a statement's memory grows with its input
//! charge an estimate of what they keep (`value_bytes`, `row_bytes`), and release it when
//! they let go. Operators that hold rows (sort, TopK, distinct, aggregation, eager
//! barriers, buffered expansions, the DFS of variable-length paths) keep their charge in
//! a [`Held`], released when the operator is dropped. Values that expressions build
//! (`+` on strings and lists, `range`, comprehensions, `reduce`, `collect`) are checked
//! before they are made ([`check_value`]): one value may not be larger than what is left
//! of the limit, nor than [`MAX_VALUE_BYTES`]. A statement over its limit fails with
//! `ArgumentError`/`MemoryLimitExceeded` and, like any failing statement, changes nothing.
//!
//! Like the cancellation check (`cancel.rs`), the tracker of the statement running on a
//! thread is thread-local, since expressions have no `ExecCtx`; under PROFILE each charge
//! is also put down to the operator running at the time, which gives its peak.

use std::cell::{Cell, RefCell};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use crate::error::{Error, ErrorCode, Result};
use crate::value::Value;

/// No single value (a string, a list, a map) may be larger than this, whatever the limit:
/// the journal's record limit (a larger value could never be stored), and about the
/// largest string of Neo4j's JVM.
pub const MAX_VALUE_BYTES: u64 = 1 << 30;

/// Values at least this large check the time limit and Ctrl-C when they are built, since
/// copying them takes long by itself (`reduce(s = 'x', i IN range(1, 40) | s + s)`).
const LARGE_VALUE_BYTES: u64 = 64 << 10;

/// The size of a value slot in a row or a list.
const SLOT_BYTES: u64 = 24;

#[derive(Debug, Default)]
struct Tracker {
    limit: u64,
    used: u64,
    /// Under PROFILE: held bytes and peak, by operator (pre-order index).
    per_operator: Vec<(u64, u64)>,
    /// The operator running now, for `per_operator`.
    current: usize,
    /// On a worker thread of a split scan: the bytes all the workers hold, counted
    /// against `limit` together ([`Budget`]).
    shared: Option<Arc<AtomicU64>>,
}

thread_local! {
    static TRACKER: RefCell<Option<Tracker>> = const { RefCell::new(None) };
    /// Whether a tracker is active: a cheap test before borrowing it.
    static ACTIVE: Cell<bool> = const { Cell::new(false) };
}

/// While this lives, charges on this thread count against the statement's limit.
pub struct Tracking(());

/// Starts counting the memory of the statement about to run on this thread; `operators`
/// is the number of operators to keep a peak for (PROFILE), or 0.
pub fn enter(limit: u64, operators: usize) -> Tracking {
    TRACKER.with(|t| {
        *t.borrow_mut() =
            Some(Tracker { limit, used: 0, per_operator: vec![(0, 0); operators], current: 0, shared: None })
    });
    ACTIVE.with(|a| a.set(true));
    Tracking(())
}

impl Tracking {
    /// Each operator's peak, in pre-order of the plan (PROFILE).
    pub fn peaks(&self) -> Vec<u64> {
        TRACKER
            .with(|t| t.borrow().as_ref().map(|t| t.per_operator.iter().map(|&(_, peak)| peak).collect()))
            .unwrap_or_default()
    }
}

impl Drop for Tracking {
    fn drop(&mut self) {
        ACTIVE.with(|a| a.set(false));
        TRACKER.with(|t| *t.borrow_mut() = None);
    }
}

/// What the worker threads of a split scan hold together: what was left of the statement's
/// limit when the scan was split, and the bytes they hold, counted across threads.
#[derive(Debug, Clone)]
pub struct Budget {
    limit: u64,
    used: Arc<AtomicU64>,
}

/// The budget of workers started now by the statement running on this thread: what is
/// left of its limit (all of `u64` when no statement is tracked).
pub fn budget() -> Budget {
    let left = TRACKER.with(|t| t.borrow().as_ref().map(|t| t.limit.saturating_sub(t.used)));
    Budget { limit: left.unwrap_or(u64::MAX), used: Arc::new(AtomicU64::new(0)) }
}

/// Starts counting a worker thread's memory against `budget`, shared with the other
/// workers: one over it fails as the statement would.
pub fn enter_worker(budget: &Budget) -> Tracking {
    let tracking = enter(budget.limit, 0);
    TRACKER.with(|t| {
        if let Some(t) = t.borrow_mut().as_mut() {
            t.shared = Some(budget.used.clone());
        }
    });
    tracking
}

/// Makes `index` the operator that later charges are put down to; returns the previous
/// one, to restore when it returns (PROFILE only).
pub fn set_operator(index: usize) -> usize {
    TRACKER.with(|t| match t.borrow_mut().as_mut() {
        Some(t) => std::mem::replace(&mut t.current, index),
        None => 0,
    })
}

fn active() -> bool {
    ACTIVE.with(Cell::get)
}

/// Counts `bytes` more held by the statement; fails if that passes its limit (the bytes
/// are then not counted).
pub fn charge(bytes: u64) -> Result<()> {
    if !active() || bytes == 0 {
        return Ok(());
    }
    TRACKER.with(|t| {
        let mut t = t.borrow_mut();
        let Some(t) = t.as_mut() else { return Ok(()) };
        let used = t.used.saturating_add(bytes);
        if used > t.limit {
            return Err(over_limit(t.limit));
        }
        if let Some(shared) = &t.shared {
            let all = shared.fetch_add(bytes, Ordering::Relaxed).saturating_add(bytes);
            if all > t.limit {
                shared.fetch_sub(bytes, Ordering::Relaxed);
                return Err(over_limit(t.limit));
            }
        }
        t.used = used;
        let current = t.current;
        if let Some((held, peak)) = t.per_operator.get_mut(current) {
            *held += bytes;
            *peak = (*peak).max(*held);
        }
        Ok(())
    })
}

/// Counts `bytes` no longer held.
pub fn release(bytes: u64) {
    if !active() || bytes == 0 {
        return;
    }
    TRACKER.with(|t| {
        if let Some(t) = t.borrow_mut().as_mut() {
            if let Some(shared) = &t.shared {
                shared.fetch_sub(bytes.min(t.used), Ordering::Relaxed);
            }
            t.used = t.used.saturating_sub(bytes);
            let current = t.current;
            if let Some((held, _)) = t.per_operator.get_mut(current) {
                *held = held.saturating_sub(bytes);
            }
        }
    });
}

/// Before building a value of `bytes`: fails if it would not fit in what is left of the
/// limit, or is larger than [`MAX_VALUE_BYTES`]. A large value also checks Ctrl-C and
/// the time limit, since copying it takes long.
pub fn check_value(bytes: u64) -> Result<()> {
    if bytes >= LARGE_VALUE_BYTES {
        super::cancel::check_running()?;
    }
    if bytes > MAX_VALUE_BYTES {
        return Err(Error::new(
            ErrorCode::MemoryLimitExceeded,
            format!(
                "the statement builds a value of {}, more than the {} one value may hold; it changed nothing",
                HumanBytes(bytes),
                HumanBytes(MAX_VALUE_BYTES)
            ),
        )
        .with_hint("build smaller strings and lists"));
    }
    if !active() {
        return Ok(());
    }
    TRACKER.with(|t| match t.borrow().as_ref() {
        Some(t) if t.used.saturating_add(bytes) > t.limit => Err(over_limit(t.limit)),
        _ => Ok(()),
    })
}

fn over_limit(limit: u64) -> Error {
    Error::new(
        ErrorCode::MemoryLimitExceeded,
        format!(
            "the statement needs more than {}, the max-memory limit, and was stopped; it changed nothing",
            HumanBytes(limit)
        ),
    )
    .with_hint("ask for less (LIMIT, aggregation, a bounded pattern), or raise the limit: --max-memory SIZE")
}

/// Memory a statement holds on to, released when this is dropped (an operator's buffer).
#[derive(Debug, Default)]
pub struct Held(u64);

impl Held {
    /// Counts `bytes` more; fails past the statement's limit.
    pub fn add(&mut self, bytes: u64) -> Result<()> {
        charge(bytes)?;
        self.0 += bytes;
        Ok(())
    }

    /// Counts a row more.
    pub fn add_row(&mut self, row: &super::Row) -> Result<()> {
        self.add(row_bytes(row))
    }

    /// Lets go of `bytes` of what is held.
    pub fn remove(&mut self, bytes: u64) {
        let bytes = bytes.min(self.0);
        release(bytes);
        self.0 -= bytes;
    }

    /// Lets go of everything held (a buffer emptied).
    pub fn clear(&mut self) {
        release(self.0);
        self.0 = 0;
    }

    pub fn bytes(&self) -> u64 {
        self.0
    }
}

impl Drop for Held {
    fn drop(&mut self) {
        self.clear();
    }
}

/// Before building a string of `len` bytes.
pub fn check_string(len: usize) -> Result<()> {
    check_value(len as u64)
}

/// Before building a list of `len` values (their own heap data counted where it is made).
pub fn check_list(len: usize) -> Result<()> {
    check_value((len as u64).saturating_mul(SLOT_BYTES) + 16)
}

/// How deeply lists and maps may nest in one value: dropping, printing, comparing and
/// hashing a value recurse through it.
pub const MAX_VALUE_DEPTH: usize = 1_000;

/// Fails if `value` nests lists and maps more than [`MAX_VALUE_DEPTH`] deep. Only `reduce`
/// can nest a value deeper with each step (`reduce(l = [], i IN … | [l])`), so it checks
/// its accumulator after each one. Each list or map shared in several places is visited
/// once, so the walk costs at most the value's distinct containers.
pub fn check_depth(value: &Value) -> Result<()> {
    let mut seen = std::collections::HashSet::new();
    // Depth first without recursion: the value may be deep already.
    let mut stack: Vec<(&Value, usize)> = vec![(value, 1)];
    while let Some((value, depth)) = stack.pop() {
        let children: Box<dyn Iterator<Item = &Value>> = match value {
            Value::List(items) if seen.insert(std::sync::Arc::as_ptr(items) as usize) => Box::new(items.iter()),
            Value::Map(entries) if seen.insert(std::sync::Arc::as_ptr(entries) as usize) => Box::new(entries.values()),
            _ => continue,
        };
        if depth > MAX_VALUE_DEPTH {
            return Err(Error::new(
                ErrorCode::LimitExceeded,
                format!("a value nests lists and maps more than {MAX_VALUE_DEPTH} deep"),
            )
            .with_hint("build flatter values"));
        }
        stack.extend(children.filter(|c| matches!(c, Value::List(_) | Value::Map(_))).map(|c| (c, depth + 1)));
    }
    Ok(())
}

/// An estimate of the bytes a value keeps: its slot, and what it owns on the heap.
/// A list, map or path shared with another value (an `Arc` held more than once: the same
/// list in every row) is not counted again, so a buffer of rows sharing one list does not
/// count it once per row. Strings always count: a row's string is most often shared only
/// with the row it came from (`collect(s)`), which is about to let it go.
pub fn value_bytes(value: &Value) -> u64 {
    SLOT_BYTES + heap_bytes(value)
}

fn heap_bytes(value: &Value) -> u64 {
    match value {
        Value::String(s) => s.len() as u64 + 16,
        Value::List(items) if std::sync::Arc::strong_count(items) == 1 => {
            16 + items.iter().map(value_bytes).sum::<u64>()
        }
        Value::Map(entries) if std::sync::Arc::strong_count(entries) == 1 => {
            16 + entries.iter().map(|(k, v)| k.len() as u64 + 16 + value_bytes(v)).sum::<u64>()
        }
        Value::Path(path) if std::sync::Arc::strong_count(path) == 1 => {
            16 + (path.nodes.len() + path.rels.len()) as u64 * 8
        }
        _ => 0,
    }
}

/// An estimate of the bytes a row keeps.
pub fn row_bytes(row: &super::Row) -> u64 {
    32 + row.values().iter().map(value_bytes).sum::<u64>()
}

pub use crate::limits::HumanBytes;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn charges_past_the_limit_fail_and_releases_make_room() {
        let tracking = enter(1000, 2);
        let mut held = Held::default();
        held.add(600).unwrap();
        assert_eq!(charge(500).map_err(|e| e.code), Err(ErrorCode::MemoryLimitExceeded));
        assert!(check_value(500).is_err());
        assert!(check_value(300).is_ok());
        held.clear();
        charge(500).unwrap();
        release(500);
        assert_eq!(tracking.peaks(), vec![600, 0]);
        drop(tracking);
        // No statement running: nothing is counted.
        charge(u64::MAX).unwrap();
    }

    #[test]
    fn one_value_is_bounded_even_without_a_statement() {
        assert!(check_value(MAX_VALUE_BYTES + 1).is_err());
        assert!(check_value(MAX_VALUE_BYTES).is_ok());
    }

    #[test]
    fn shared_data_is_counted_once() {
        let list = Value::list((0..100).map(Value::Int).collect());
        let alone = value_bytes(&list);
        assert!(alone > 100 * SLOT_BYTES);
        let copy = list.clone();
        assert_eq!(value_bytes(&copy), SLOT_BYTES);
        assert_eq!(HumanBytes(512 << 20).to_string(), "512 MiB");
        assert_eq!(HumanBytes(1536 << 20).to_string(), "1.5 GiB");
    }
}
