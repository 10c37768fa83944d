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
    match file.try_lock() {
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

fn read_pid(file: &mut File) -> Option<u32> {
    let mut text = String::new();
    file.seek(SeekFrom::Start(0)).ok()?;
    file.read_to_string(&mut text).ok()?;
    text.trim().parse().ok()
}
