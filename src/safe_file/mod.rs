//! Files written safely beside the file they replace: snapshots, exports, lock files.
//!
//! A leaf module that the store and the command line both use. What it guards against:
//! - a planted symlink: a temporary file is created with `O_EXCL` (`create_new`), which
//!   never follows a symlink, under a name no one can predict (the pid and 64 random
//!   bits), in the target's own directory so that the rename is atomic; the lock file,
//!   which lives on, is opened with `O_NOFOLLOW`;
//! - a torn file: the temporary file is fsync'd before the rename, and the directory after;
//! - lost permissions: a file that replaces another takes the old one's mode (a
//!   `chmod 600` database stays 600); a new one gets the umask's;
//! - leftovers: a writer killed between create and rename leaves a temporary file, which
//!   [`remove_orphaned_temp_files`] deletes once its process is gone.

use std::ffi::OsString;
use std::fs::{self, File, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

/// Writes a new file at `path` through `write`, atomically: readers see the old file or
/// the whole new one, never a part. On any error the temporary file is removed and
/// `path` is untouched.
pub fn write_atomically<E: From<io::Error>>(
    path: &Path,
    write: impl FnOnce(&mut BufWriter<File>) -> Result<(), E>,
) -> Result<(), E> {
    let dir = directory_of(path);
    let (file, tmp) = create_temp_beside(path)?;
    let outcome = (|| {
        let mut writer = BufWriter::new(file);
        write(&mut writer)?;
        let file = writer.into_inner().map_err(|e| e.into_error())?;
        keep_permissions_of(path, &file)?;
        file.sync_all()?;
        fs::rename(&tmp, path)?;
        // The rename itself must reach the disk too.
        if let Ok(d) = File::open(&dir) {
            let _ = d.sync_all();
        }
        Ok(())
    })();
    if outcome.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    outcome
}

/// Opens (creating when missing) a file that must not be a symlink: the database's lock.
pub fn open_no_follow(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    no_follow(&mut options);
    options.open(path)
}

/// Deletes the temporary files that writers of `path` left when they died (a kill between
/// create and rename); the files of a process still running are left alone. Returns the
/// files removed. Meant for a writer that holds the database's lock.
pub fn remove_orphaned_temp_files(path: &Path) -> Vec<PathBuf> {
    let prefix = temp_prefix(path);
    let Ok(entries) = fs::read_dir(directory_of(path)) else {
        return Vec::new();
    };
    let mut removed = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) = name.to_str().and_then(|n| n.strip_prefix(prefix.as_str())).and_then(owner_pid) else {
            continue;
        };
        if process_alive(pid) {
            continue;
        }
        // `remove_file` removes a symlink itself, never what it points to.
        if fs::remove_file(entry.path()).is_ok() {
            removed.push(entry.path());
        }
    }
    removed
}

/// `N` bytes from the operating system's random source. They name temporary files and
/// identify databases; should the source fail, the time and the process id stand in
/// (names stay unique, only less unpredictable).
pub fn random_bytes<const N: usize>() -> [u8; N] {
    let mut bytes = [0u8; N];
    if getrandom::fill(&mut bytes).is_err() {
        let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos());
        let seed = nanos ^ (u128::from(std::process::id()) << 64);
        for (i, b) in bytes.iter_mut().enumerate() {
            *b = (seed >> ((i % 16) * 8)) as u8 ^ (i as u8).wrapping_mul(151);
        }
    }
    bytes
}

/// Creates a new temporary file in `path`'s directory, named after it, the pid and 64
/// random bits. `create_new` is `O_CREAT | O_EXCL`: it fails on any existing name,
/// a symlink included, so it never writes through one.
fn create_temp_beside(path: &Path) -> io::Result<(File, PathBuf)> {
    let dir = directory_of(path);
    let prefix = temp_prefix(path);
    loop {
        let random = u64::from_le_bytes(random_bytes::<8>());
        let tmp = dir.join(format!("{prefix}{}-{random:016x}", std::process::id()));
        let mut options = OpenOptions::new();
        options.write(true).create_new(true);
        private_mode(&mut options, path.exists());
        match options.open(&tmp) {
            Ok(file) => return Ok((file, tmp)),
            // 64 random bits collide only with a planted file: draw again.
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
}

/// `.NAME.tmp-`: every temporary file of `path` starts with it.
fn temp_prefix(path: &Path) -> String {
    let name = path.file_name().map_or_else(|| OsString::from("file"), |n| n.to_os_string());
    format!(".{}.tmp-", name.to_string_lossy())
}

fn directory_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// The pid in `PID-RANDOM`, the rest of a temporary file's name.
fn owner_pid(rest: &str) -> Option<u32> {
    let (pid, random) = rest.split_once('-')?;
    (random.len() == 16 && random.bytes().all(|b| b.is_ascii_hexdigit())).then_some(())?;
    pid.parse().ok()
}

#[cfg(target_os = "linux")]
fn process_alive(pid: u32) -> bool {
    pid == std::process::id() || Path::new(&format!("/proc/{pid}")).exists()
}

/// Without /proc, a file's owner cannot be told alive or dead: only this process's own
/// files count as alive, and the caller holds the lock, so no other writer runs.
#[cfg(not(target_os = "linux"))]
fn process_alive(pid: u32) -> bool {
    pid == std::process::id()
}

/// The file replacing an existing one takes its mode; a new file gets the umask's.
fn keep_permissions_of(path: &Path, file: &File) -> io::Result<()> {
    match fs::metadata(path) {
        Ok(old) => file.set_permissions(old.permissions()),
        Err(_) => Ok(()),
    }
}

/// A temporary file that will replace an existing one starts private (0600), so that it
/// is never more readable than the file it replaces while it is being written.
#[cfg(unix)]
fn private_mode(options: &mut OpenOptions, replaces: bool) {
    use std::os::unix::fs::OpenOptionsExt;
    if replaces {
        options.mode(0o600);
    }
}

#[cfg(not(unix))]
fn private_mode(_: &mut OpenOptions, _: bool) {}

#[cfg(unix)]
fn no_follow(options: &mut OpenOptions) {
    use std::os::unix::fs::OpenOptionsExt;
    options.custom_flags(libc::O_NOFOLLOW);
}

#[cfg(not(unix))]
fn no_follow(_: &mut OpenOptions) {}

/// Writes all of `bytes` to a new file at `path`, atomically (see [`write_atomically`]).
pub fn write_bytes_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_atomically(path, |w| w.write_all(bytes))
}

#[cfg(test)]
mod tests;
