//! One writer per database: an exclusive advisory lock on `PATH.lock`.
//!
//! The lock is the operating system's (`flock` on Unix, `LockFileEx` on Windows, through
//! `File::try_lock`), so it goes away with its process: a writer that crashed never
//! leaves a stale lock behind. The file holds the holder's pid, for the error a second
//! writer gets. The file itself is never deleted: deleting it while another process
//! has it open would let two writers lock two different files.

use std::fs::File;
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::error::{Error, ErrorCode, Result};

/// The lock file beside a database file.
pub fn lock_path(db: &Path) -> PathBuf {
    let mut name = db.as_os_str().to_owned();
    name.push(".lock");
    PathBuf::from(name)
}

/// An exclusive lock on a database, held until dropped.
#[derive(Debug)]
pub struct DbLock {
    // Kept open: closing the file releases the lock.
    _file: File,
}

/// Takes the write lock of the database at `db`, or says which process holds it.
pub fn acquire(db: &Path) -> Result<DbLock> {
    let path = lock_path(db);
    let named = |e: Error| e.in_file(path.display().to_string());
    let mut file = crate::safe_file::open_no_follow(&path).map_err(|e| {
        named(Error::new(
            ErrorCode::FileWrite,
            format!("cannot create the lock file: {e} (to read a database you cannot write, use --read-only)"),
        ))
    })?;
    match try_lock_patiently(&mut file) {
        Ok(()) => {}
        Err(std::fs::TryLockError::WouldBlock) => {
            let holder = read_pid(&mut file).map_or("another process".to_string(), |pid| format!("process {pid}"));
            return Err(Error::new(
                ErrorCode::DatabaseLocked,
                format!(
                    "{} is open for writing by {holder}; only one writer at a time \
                     (use --read-only to read it beside that writer)",
                    db.display()
                ),
            ));
        }
        Err(std::fs::TryLockError::Error(e)) => {
            return Err(named(Error::new(ErrorCode::FileWrite, format!("cannot lock the database: {e}"))));
        }
    }
    // The pid is only a courtesy for the error above; failing to write it is harmless.
    let pid = std::process::id().to_string();
    let _ = file.set_len(0).and_then(|()| file.seek(SeekFrom::Start(0))).and_then(|_| file.write_all(pid.as_bytes()));
    Ok(DbLock { _file: file })
}

/// How long to wait for a lock that this very process seems to hold: see
/// [`try_lock_patiently`].
const OWN_LOCK_WAIT: Duration = Duration::from_millis(250);

/// Takes the lock, waiting briefly when the holder recorded in the file is this process.
/// The lock belongs to an open file description, and a child process being spawned by
/// another thread holds a copy of every descriptor from its fork until its exec: a
/// database this process just closed can look locked for that moment. A real second
/// writer in this process still fails, a quarter of a second later.
fn try_lock_patiently(file: &mut File) -> std::result::Result<(), std::fs::TryLockError> {
    let started = Instant::now();
    loop {
        match file.try_lock() {
            Err(std::fs::TryLockError::WouldBlock)
                if read_pid(file) == Some(std::process::id()) && started.elapsed() < OWN_LOCK_WAIT =>
            {
                std::thread::sleep(Duration::from_millis(5));
            }
            other => return other,
        }
    }
}

fn read_pid(file: &mut File) -> Option<u32> {
    let mut text = String::new();
    file.seek(SeekFrom::Start(0)).ok()?;
    file.read_to_string(&mut text).ok()?;
    text.trim().parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lock_this_process_releases_a_moment_later_is_taken() {
        // As when a child being spawned by another thread held a copy of the descriptor
        // of a database just closed here.
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let db = dir.path().join("g.steppe");
        let first = acquire(&db).unwrap_or_else(|e| panic!("{}", e.message));
        let releaser = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(40));
            drop(first);
        });
        let second = acquire(&db);
        releaser.join().unwrap_or_else(|_| panic!("the releasing thread panicked"));
        assert!(second.is_ok(), "{:?}", second.err().map(|e| e.message));
    }

    #[test]
    fn a_lock_this_process_keeps_is_refused_with_its_pid() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let db = dir.path().join("g.steppe");
        let _held = acquire(&db).unwrap_or_else(|e| panic!("{}", e.message));
        let refused = acquire(&db).err().map(|e| (e.code, e.message));
        let Some((code, message)) = refused else { panic!("two locks on one database") };
        assert_eq!(code, ErrorCode::DatabaseLocked);
        assert!(message.contains(&std::process::id().to_string()), "{message}");
    }
}
