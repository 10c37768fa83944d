//! Stopping a running statement from outside: Ctrl-C in the shell, or a time limit.
//!
//! The caller hands [`ExecOptions`] to `Database::execute_with`; the operators that can
//! loop for long (scans, expansions, variable-length paths, shortest paths, UNWIND, the
//! write loops) call [`Cancel::tick`] once per row they consider. A tick is a counter
//! increment; only every [`CHECK_EVERY`] ticks does it look at the flag and the clock,
//! so the check costs nothing measurable. A stopped statement fails like any other, so
//! its `Txn` undoes whatever it wrote.
//!
//! Expressions have no `ExecCtx`, yet a pattern predicate or comprehension
//! (`WHERE (a)-[*]-(b)`) can search as long as a MATCH; `exec::pattern` ticks the check
//! of the statement running on its thread ([`tick_running`]) instead.

use std::cell::{Cell, RefCell};
use std::fmt;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::error::{Error, ErrorCode, Result};

/// How many ticks pass between two looks at the flag and the clock.
const CHECK_EVERY: u32 = 1024;

/// A flag another thread raises to stop the statement that is running (the shell's
/// Ctrl-C handler does). Clones share the flag.
#[derive(Debug, Clone, Default)]
pub struct Interrupt(Arc<AtomicBool>);

impl Interrupt {
    pub fn new() -> Interrupt {
        Interrupt::default()
    }

    /// Asks the running statement to stop; safe to call from any thread.
    pub fn raise(&self) {
        self.0.store(true, Ordering::Relaxed);
    }

    /// Lowers the flag, before the next statement starts.
    pub fn clear(&self) {
        self.0.store(false, Ordering::Relaxed);
    }

    pub fn is_raised(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }
}

/// How a statement may be stopped before it ends: by an [`Interrupt`], or when it has
/// run for longer than `timeout` (parsing and planning included).
#[derive(Debug, Clone, Default)]
pub struct ExecOptions {
    pub interrupt: Option<Interrupt>,
    pub timeout: Option<Duration>,
}

/// The check the operators make while a statement runs: [`ExecOptions`] with the moment
/// the statement started.
#[derive(Debug)]
pub struct Cancel {
    interrupt: Option<Interrupt>,
    /// When the time limit runs out, and the limit itself (for the message).
    deadline: Option<(Instant, Duration)>,
    ticks: Cell<u32>,
}

impl Cancel {
    /// A check for a statement that started at `started`.
    pub fn new(options: &ExecOptions, started: Instant) -> Cancel {
        Cancel {
            interrupt: options.interrupt.clone(),
            deadline: options.timeout.map(|limit| (started + limit, limit)),
            ticks: Cell::new(0),
        }
    }

    /// A check that never stops anything.
    pub fn never() -> Cancel {
        Cancel { interrupt: None, deadline: None, ticks: Cell::new(0) }
    }

    /// Counts one unit of work; every [`CHECK_EVERY`] units, fails if the statement has
    /// been interrupted or has run out of time.
    pub fn tick(&self) -> Result<()> {
        let n = self.ticks.get().wrapping_add(1);
        self.ticks.set(n);
        if n.is_multiple_of(CHECK_EVERY) {
            self.check()
        } else {
            Ok(())
        }
    }

    /// Fails now if the statement has been interrupted or has run out of time.
    pub fn check(&self) -> Result<()> {
        if self.interrupt.as_ref().is_some_and(Interrupt::is_raised) {
            return Err(Error::new(ErrorCode::QueryCancelled, "the statement was cancelled; it changed nothing"));
        }
        if let Some((deadline, limit)) = self.deadline {
            if Instant::now() >= deadline {
                return Err(Error::new(
                    ErrorCode::QueryTimedOut,
                    format!(
                        "the statement ran longer than its time limit of {} and was stopped; it changed nothing",
                        HumanDuration(limit)
                    ),
                )
                .with_hint("allow more time with --timeout, or ask for less (LIMIT, a narrower pattern)"));
            }
        }
        Ok(())
    }
}

impl Clone for Cancel {
    /// The same flag and deadline, with a count of its own.
    fn clone(&self) -> Cancel {
        Cancel { interrupt: self.interrupt.clone(), deadline: self.deadline, ticks: Cell::new(0) }
    }
}

thread_local! {
    /// The check of the statement executing on this thread, while it executes.
    static RUNNING: RefCell<Option<Cancel>> = const { RefCell::new(None) };
}

/// While this lives, [`tick_running`] on this thread ticks the statement's check.
pub struct Running(());

impl Cancel {
    /// Makes this the check of the statement running on this thread, until the returned
    /// guard is dropped.
    pub fn enter(&self) -> Running {
        RUNNING.with(|running| *running.borrow_mut() = Some(self.clone()));
        Running(())
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        RUNNING.with(|running| *running.borrow_mut() = None);
    }
}

/// Ticks the check of the statement running on this thread, if one is.
pub fn tick_running() -> Result<()> {
    RUNNING.with(|running| running.borrow().as_ref().map_or(Ok(()), Cancel::tick))
}

/// Checks the statement running on this thread now (not only every [`CHECK_EVERY`]
/// ticks): before or after work that is long by itself, such as building a large string.
pub fn check_running() -> Result<()> {
    RUNNING.with(|running| running.borrow().as_ref().map_or(Ok(()), Cancel::check))
}

/// A duration as a person writes it: `5s`, `500ms`, `1.5s`, `2m`.
pub struct HumanDuration(pub Duration);

impl fmt::Display for HumanDuration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let ms = self.0.as_millis();
        if ms == 0 {
            write!(f, "{}µs", self.0.as_micros())
        } else if ms.is_multiple_of(60_000) {
            write!(f, "{}m", ms / 60_000)
        } else if ms.is_multiple_of(1000) {
            write!(f, "{}s", ms / 1000)
        } else if ms < 1000 {
            write!(f, "{ms}ms")
        } else {
            write!(f, "{}s", self.0.as_secs_f64())
        }
    }
}

/// Reads a duration as `--timeout` takes it: a number and a unit (`ms`, `s`, `m`, `h`),
/// e.g. `500ms`, `5s`, `1.5s`, `2m`; a bare number is seconds.
pub fn parse_duration(text: &str) -> std::result::Result<Duration, String> {
    let text = text.trim();
    let split = text.find(|c: char| !(c.is_ascii_digit() || c == '.')).unwrap_or(text.len());
    let (number, unit) = text.split_at(split);
    let value: f64 = number.parse().map_err(|_| format!("`{text}` is not a duration (try 5s or 500ms)"))?;
    let seconds = match unit.trim() {
        "ms" => value / 1000.0,
        "" | "s" => value,
        "m" | "min" => value * 60.0,
        "h" => value * 3600.0,
        other => return Err(format!("unknown unit `{other}` in `{text}`: use ms, s, m or h")),
    };
    if !seconds.is_finite() || seconds <= 0.0 {
        return Err(format!("`{text}`: a time limit must be more than zero"));
    }
    Duration::try_from_secs_f64(seconds).map_err(|_| format!("`{text}` is too long a time limit"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorKind;

    #[test]
    fn an_interrupt_is_seen_within_one_check_period() {
        let interrupt = Interrupt::new();
        let cancel = Cancel::new(&ExecOptions { interrupt: Some(interrupt.clone()), timeout: None }, Instant::now());
        for _ in 0..2 * CHECK_EVERY {
            assert!(cancel.tick().is_ok());
        }
        interrupt.raise();
        let stopped = (0..CHECK_EVERY).map(|_| cancel.tick()).find_map(|r| r.err());
        assert_eq!(stopped.map(|e| (e.code, e.kind())), Some((ErrorCode::QueryCancelled, ErrorKind::ArgumentError)));
        interrupt.clear();
        assert!(cancel.check().is_ok());
    }

    #[test]
    fn a_spent_time_limit_stops_and_names_the_limit() {
        let limit = Duration::from_millis(250);
        let started = Instant::now() - Duration::from_secs(1);
        let err = Cancel::new(&ExecOptions { interrupt: None, timeout: Some(limit) }, started).check().err();
        assert_eq!(err.as_ref().map(|e| e.code), Some(ErrorCode::QueryTimedOut));
        assert!(err.is_some_and(|e| e.message.contains("250ms") && e.kind() == ErrorKind::ArgumentError));
        assert!(Cancel::never().check().is_ok());
    }

    #[test]
    fn durations_read_as_people_write_them() {
        assert_eq!(parse_duration("500ms"), Ok(Duration::from_millis(500)));
        assert_eq!(parse_duration("5s"), Ok(Duration::from_secs(5)));
        assert_eq!(parse_duration("5"), Ok(Duration::from_secs(5)));
        assert_eq!(parse_duration("1.5s"), Ok(Duration::from_millis(1500)));
        assert_eq!(parse_duration("2m"), Ok(Duration::from_secs(120)));
        assert!(parse_duration("0s").is_err());
        assert!(parse_duration("soon").is_err());
        assert!(parse_duration("5 parsecs").is_err());
        assert_eq!(HumanDuration(Duration::from_millis(1500)).to_string(), "1.5s");
        assert_eq!(HumanDuration(Duration::from_secs(5)).to_string(), "5s");
        assert_eq!(HumanDuration(Duration::from_millis(20)).to_string(), "20ms");
    }
}
