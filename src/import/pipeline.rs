//! A file's chunks parsed on every core while the calling thread adds them to the graph
//! in file order.
//!
//! Parsing a chunk needs only what is fixed while the file is read (the columns, the id
//! maps, the schema's names), so any thread may parse any chunk; adding rows to the
//! graph needs the builder, so only the calling thread adds, chunk after chunk in file
//! order. The calling thread parses too whenever the next chunk in order is not ready,
//! so on two cores one thread parses while the other adds and parses: adding overlaps
//! parsing instead of following it, and a file's rows are never all held at once.
//!
//! Each thread cuts the next chunk off the file under a lock (no thread spins on a
//! channel; spinning showed as a sixth of the import's time on a busy machine) and
//! waits on a condition variable when it is too far ahead of the adding thread, which
//! bounds the parsed chunks in memory. A chunk stops at its first bad row; its good
//! rows are added before its error is returned, so the first error in file order is
//! the one a reader going record by record would meet first, at the same line and field.

use std::collections::BTreeMap;
use std::sync::{Condvar, Mutex, MutexGuard};

use super::chunks::Chunk;
use super::csv::FileLoad;
use super::ImportProgress;
use crate::error::{Error, Result};

/// A chunk's parsed rows, and the error that stopped it, if any.
pub(super) struct Parsed<T> {
    pub index: usize,
    pub rows: T,
    pub error: Option<Error>,
}

/// How many parsed chunks may wait for the adding thread, per parsing thread.
const AHEAD_PER_THREAD: usize = 3;

/// How many threads parse: one per core the machine offers.
fn parse_threads() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// What the threads share.
struct State<'l, 's, T> {
    load: &'l mut FileLoad<'s>,
    /// Chunks read before the threads started, last first.
    queued: Vec<Chunk>,
    /// The file is read to its end (or could not be read further).
    exhausted: bool,
    /// An error was met: parse nothing more.
    stopped: bool,
    /// Chunks being parsed.
    in_flight: usize,
    /// Parsed chunks waiting for the adding thread, by index.
    ready: BTreeMap<usize, Parsed<T>>,
}

impl<T: Default> State<'_, '_, T> {
    /// The next chunk to parse, counted in flight; a chunk that could not be read becomes
    /// a parsed chunk holding only the error.
    fn take(&mut self) -> Option<Chunk> {
        if self.stopped || self.exhausted {
            return None;
        }
        if let Some(chunk) = self.queued.pop() {
            self.in_flight += 1;
            return Some(chunk);
        }
        let index = self.load.chunks_read();
        match self.load.next_chunk() {
            Ok(Some(chunk)) => {
                self.in_flight += 1;
                Some(chunk)
            }
            Ok(None) => {
                self.exhausted = true;
                None
            }
            Err(error) => {
                self.exhausted = true;
                self.ready.insert(index, Parsed { index, rows: T::default(), error: Some(error) });
                None
            }
        }
    }
}

/// Parses the file's chunks (`first` is the rest of the one holding the header) with
/// `parse` on every core and hands each to `add` on this thread, in file order; then
/// returns the first chunk's error in file order, if any. `add` is given a chunk's
/// rows even when the chunk also holds an error (they come before it in the file).
pub(super) fn parse_and_add<T: Send + Default>(
    load: &mut FileLoad<'_>,
    first: Chunk,
    parse: &(dyn Fn(Chunk) -> Parsed<T> + Sync),
    add: &mut dyn FnMut(T) -> Result<()>,
    progress: &mut dyn ImportProgress,
) -> Result<()> {
    let Some(second) = load.next_chunk()? else {
        // One chunk: no threads.
        return add_parsed(parse(first), add);
    };
    let threads = parse_threads();
    let first_index = first.index;
    let state = Mutex::new(State {
        load,
        queued: vec![second, first],
        exhausted: false,
        stopped: false,
        in_flight: 0,
        ready: BTreeMap::new(),
    });
    let changed = Condvar::new();
    let limit = AHEAD_PER_THREAD * threads;
    let mut outcome = Ok(());
    std::thread::scope(|scope| {
        for _ in 1..threads {
            scope.spawn(|| parse_ahead(&state, &changed, parse, limit));
        }
        outcome = add_in_order(&state, &changed, parse, add, first_index, limit, progress);
        if let Ok(mut state) = state.lock() {
            state.stopped = true;
        }
        changed.notify_all();
    });
    outcome
}

/// A parsing thread: takes chunks and parses them while the adding thread is at most
/// `limit` chunks behind.
fn parse_ahead<T: Send + Default>(
    state: &Mutex<State<'_, '_, T>>,
    changed: &Condvar,
    parse: &(dyn Fn(Chunk) -> Parsed<T> + Sync),
    limit: usize,
) {
    loop {
        let chunk = {
            let Ok(mut guard) = state.lock() else { return };
            while !guard.stopped && guard.ready.len() >= limit {
                guard = match changed.wait(guard) {
                    Ok(guard) => guard,
                    Err(_) => return,
                };
            }
            let chunk = guard.take();
            if chunk.is_none() {
                // The adding thread may be waiting for the end of the file.
                changed.notify_all();
            }
            chunk
        };
        let Some(chunk) = chunk else { return };
        let parsed = parse(chunk);
        let Ok(mut guard) = state.lock() else { return };
        guard.in_flight -= 1;
        guard.ready.insert(parsed.index, parsed);
        drop(guard);
        changed.notify_all();
    }
}

/// The adding thread: adds the chunks in file order, parsing one itself whenever the
/// next is not ready and the others are not too far ahead.
fn add_in_order<T: Send + Default>(
    state: &Mutex<State<'_, '_, T>>,
    changed: &Condvar,
    parse: &(dyn Fn(Chunk) -> Parsed<T> + Sync),
    add: &mut dyn FnMut(T) -> Result<()>,
    mut next: usize,
    limit: usize,
    progress: &mut dyn ImportProgress,
) -> Result<()> {
    let poisoned = || Error::internal("a parsing thread failed");
    loop {
        let mut guard: MutexGuard<'_, State<'_, '_, T>> = state.lock().map_err(|_| poisoned())?;
        if let Some(parsed) = guard.ready.remove(&next) {
            let done = guard.load.done();
            drop(guard);
            changed.notify_all();
            next += 1;
            add_parsed(parsed, add)?;
            progress.advance(done);
            continue;
        }
        if guard.exhausted && guard.in_flight == 0 {
            return match guard.ready.is_empty() {
                true => Ok(()),
                false => Err(Error::internal("a chunk of the file went missing")),
            };
        }
        if guard.ready.len() < limit {
            if let Some(chunk) = guard.take() {
                drop(guard);
                let parsed = parse(chunk);
                let mut guard = state.lock().map_err(|_| poisoned())?;
                guard.in_flight -= 1;
                guard.ready.insert(parsed.index, parsed);
                continue;
            }
            if guard.exhausted && guard.in_flight == 0 {
                continue;
            }
        }
        drop(changed.wait(guard).map_err(|_| poisoned())?);
    }
}

/// Adds a chunk's rows, then returns its error.
fn add_parsed<T>(parsed: Parsed<T>, add: &mut dyn FnMut(T) -> Result<()>) -> Result<()> {
    add(parsed.rows)?;
    match parsed.error {
        Some(error) => Err(error),
        None => Ok(()),
    }
}
