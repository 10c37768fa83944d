//! A graph kept in files: a snapshot, the journal of statements since, and a lock.
//!
//! Files, for a database at `PATH`:
//! - `PATH`: the snapshot (`snapshot/`), holding every journal record up to its LSN;
//! - `PATH.journal`: the records committed since (`journal.rs`);
//! - `PATH.lock`: the writer's lock and pid (`lock.rs`).
//!
//! Opening loads the snapshot and replays the journal records after its LSN. A write
//! statement's record is appended and fsync'd inside its commit (`Txn::commit_with`),
//! so when the statement returns it is on disk, and when the append fails the
//! statement is undone in memory too. A checkpoint writes a new snapshot atomically,
//! then empties the journal; a crash between the two leaves records the snapshot
//! already holds, which the next open skips by their LSN.
//!
//! Identity: a snapshot carries its database's random id and its generation (one more
//! at each checkpoint), and every journal record the same pair (`journal::Stamp`), so a
//! journal of another database, or one that does not follow this snapshot, is refused
//! by name instead of replayed (`check_stamps`), and a journal that a writer kept but
//! someone deleted is reported. A writer that opens a snapshot without an id (older
//! formats, anonymous bytes) or a version 1 journal writes a checkpoint first.
//! A writer also removes the temporary files that a writer killed mid-checkpoint left.

use std::fs::{self, File};
use std::path::{Path, PathBuf};

use super::journal::{self, JournalWriter, Record, Scan};
use super::lock::{self, DbLock};
use super::snapshot::{self, Identity, SnapshotMeta};
use super::txn::{self, Committed};
use super::{Change, Graph};
use crate::error::{Error, ErrorCode, Result};

/// How a database file is opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DurableOptions {
    /// Read the snapshot and journal without taking the lock; refuse every write.
    pub read_only: bool,
    /// Create an empty database when the file does not exist.
    pub create: bool,
    /// Checkpoint once the journal grows past this many bytes.
    pub checkpoint_bytes: u64,
}

/// The journal size that triggers a checkpoint unless told otherwise.
pub const DEFAULT_CHECKPOINT_BYTES: u64 = 64 << 20;

impl Default for DurableOptions {
    fn default() -> DurableOptions {
        DurableOptions { read_only: false, create: false, checkpoint_bytes: DEFAULT_CHECKPOINT_BYTES }
    }
}

/// The journal file beside a database file.
pub fn journal_path(db: &Path) -> PathBuf {
    let mut name = db.as_os_str().to_owned();
    name.push(".journal");
    PathBuf::from(name)
}

/// The durable side of an open database.
#[derive(Debug)]
pub struct Durable {
    path: PathBuf,
    /// `None` when opened read-only.
    journal: Option<JournalWriter>,
    _lock: Option<DbLock>,
    /// The database's id and the generation of the snapshot the journal follows.
    identity: Identity,
    /// The LSN of the last record the graph holds.
    last_lsn: u64,
    checkpoint_bytes: u64,
    /// Things the user should hear about that did not stop anything (a dropped torn record,
    /// a failed automatic checkpoint); the CLI prints them.
    warnings: Vec<String>,
}

/// Opens the database at `path`: the graph as of its last committed statement.
pub fn open(path: &Path, options: &DurableOptions) -> Result<(Graph, Durable)> {
    if options.read_only {
        return open_read_only(path, options);
    }
    let lock = lock::acquire(path)?;
    let mut warnings = Vec::new();
    let orphans = crate::safe_file::remove_orphaned_temp_files(path);
    if !orphans.is_empty() {
        warnings.push(format!(
            "removed {} temporary file(s) that a writer killed while writing {} had left",
            orphans.len(),
            path.display()
        ));
    }
    let journal_path = journal_path(path);
    if !path.exists() {
        create(path, &journal_path, options)?;
    }
    let (mut graph, meta) = snapshot::load_with_meta(path)?;
    refuse_missing_journal(&meta, path, &journal_path)?;
    let mut file = crate::safe_file::open_no_follow(&journal_path)
        .map_err(|e| Error::new(ErrorCode::FileWrite, e.to_string()).in_file(journal_path.display().to_string()))?;
    let scan = read_journal(&mut file, &journal_path)?;
    if let Some(torn) = scan.torn_tail {
        warnings.push(format!(
            "{}: dropped an incomplete record at byte {} ({} bytes): a statement interrupted by a crash, \
             never acknowledged; every record before it is kept",
            journal_path.display(),
            torn.offset,
            torn.len
        ));
    }
    check_stamps(&scan, &meta, &journal_path)?;
    let last_lsn = replay(&mut graph, &scan, meta.last_lsn, &journal_path)?;
    let stale = !scan.records.is_empty() && scan.records.iter().all(|r| r.lsn <= meta.last_lsn);
    // Cut a torn tail off (appends must follow the last good record), and forget records
    // a snapshot already holds (a crash came between a checkpoint's two steps).
    let mut valid_len = if stale { 0 } else { scan.valid_len };
    let identity = match meta.identity {
        Some(identity) if !identity.is_anonymous() && scan.version != 1 => identity,
        // No id yet, or records without stamps: a checkpoint gives the database both.
        older => {
            let identity = older.filter(|i| !i.is_anonymous()).map_or(Identity::fresh(true), |i| i.next_generation());
            snapshot::save_as(&graph, path, last_lsn, &identity)?;
            valid_len = 0;
            identity
        }
    };
    if scan.torn_tail.is_some() || valid_len < scan.valid_len {
        journal::JournalFile::truncate(&mut file, valid_len)
            .map_err(|e| Error::from(e).in_file(journal_path.display().to_string()))?;
    }
    let writer = JournalWriter::new(Box::new(file), &journal_path, valid_len, last_lsn + 1, identity.stamp())?;
    let durable = Durable {
        path: path.to_path_buf(),
        journal: Some(writer),
        _lock: Some(lock),
        identity,
        last_lsn,
        checkpoint_bytes: options.checkpoint_bytes,
        warnings,
    };
    Ok((graph, durable))
}

/// A snapshot whose writer kept a journal cannot be opened without it: the statements
/// since the last checkpoint would be lost without a word.
fn refuse_missing_journal(meta: &SnapshotMeta, path: &Path, journal_path: &Path) -> Result<()> {
    if meta.identity.is_some_and(|i| i.journal_kept) && !journal_path.exists() {
        return Err(Error::new(
            ErrorCode::CorruptJournal,
            format!(
                "the journal {} is missing: {} was written by a writer that keeps one, so statements committed \
                 since its last checkpoint may be lost",
                journal_path.display(),
                path.display()
            ),
        )
        .with_hint(format!(
            "restore the journal; or, to open the database as its snapshot holds it, create an empty one: touch {}",
            journal_path.display()
        )));
    }
    Ok(())
}

/// Refuses journal records that do not follow this snapshot: another database's, or a
/// generation after the snapshot's (the snapshot was replaced by an older copy). Records
/// of an earlier generation are what a checkpoint's crash leaves; the snapshot holds
/// them already, so any such record beyond its LSN is damage.
pub fn check_stamps(scan: &Scan, meta: &SnapshotMeta, path: &Path) -> Result<()> {
    let snapshot = meta.identity.filter(|i| !i.is_anonymous());
    for record in &scan.records {
        let problem = match (record.stamp, snapshot) {
            (None, None) => None,
            (None, Some(_)) => (record.lsn > meta.last_lsn)
                .then(|| "it has no database id (an older steppe wrote it) but follows a snapshot that has one".into()),
            (Some(stamp), None) => Some(format!(
                "it belongs to database {} (generation {}), but the snapshot has no database id: \
                 the snapshot is older than its journal",
                stamp.db_id_hex(),
                stamp.generation
            )),
            (Some(stamp), Some(id)) => stamp_problem(stamp, &id, record.lsn > meta.last_lsn),
        };
        if let Some(problem) = problem {
            return Err(Error::new(
                ErrorCode::CorruptJournal,
                format!("record at byte {} (LSN {}) cannot be replayed: {problem}", record.offset, record.lsn),
            )
            .in_file(path.display().to_string()));
        }
    }
    Ok(())
}

fn stamp_problem(stamp: journal::Stamp, id: &Identity, after_snapshot: bool) -> Option<String> {
    let found = format!("database {} generation {}", stamp.db_id_hex(), stamp.generation);
    let expected = format!("database {} generation {}", journal::hex(&id.db_id), id.generation);
    if stamp.db_id != id.db_id {
        return Some(format!("it belongs to another database ({found}; the snapshot is {expected})"));
    }
    if stamp.generation > id.generation {
        return Some(format!(
            "it follows a later snapshot than this one ({found}; the snapshot is {expected}): \
             the snapshot was replaced by an older copy"
        ));
    }
    (stamp.generation < id.generation && after_snapshot)
        .then(|| format!("it was written before this snapshot ({found}; the snapshot is {expected})"))
}

/// The write lock of the database at `path`, for replacing it whole.
pub fn lock_for_replacing(path: &Path) -> Result<DbLock> {
    lock::acquire(path)
}

/// A new, empty database at `path`. A journal without its snapshot is refused: it may
/// hold someone's statements, and replaying them onto nothing would lose their base.
fn create(path: &Path, journal_path: &Path, options: &DurableOptions) -> Result<()> {
    if !options.create {
        return Err(Error::new(ErrorCode::FileNotFound, "no such database file").in_file(path.display().to_string()));
    }
    if let Ok(bytes) = fs::read(journal_path) {
        if scan_named(&bytes, journal_path)?.records.iter().any(|r| r.lsn > 0) {
            return Err(Error::new(
                ErrorCode::CorruptJournal,
                format!(
                    "{} holds statements but its snapshot {} is missing; restore the snapshot or move the journal away",
                    journal_path.display(),
                    path.display()
                ),
            ));
        }
    }
    // The journal first: a snapshot that says its writer keeps a journal must never be
    // on disk without one.
    crate::safe_file::open_no_follow(journal_path)
        .and_then(|f| f.set_len(0))
        .map_err(|e| Error::new(ErrorCode::FileWrite, e.to_string()).in_file(journal_path.display().to_string()))?;
    snapshot::save_as(&Graph::new(), path, 0, &Identity::fresh(true))
}

/// How often a read-only open starts again when a checkpoint by the writer changed the
/// files between reading the snapshot and reading the journal.
const READ_ONLY_ATTEMPTS: usize = 5;

fn open_read_only(path: &Path, options: &DurableOptions) -> Result<(Graph, Durable)> {
    let journal_path = journal_path(path);
    let mut attempt = 0;
    loop {
        attempt += 1;
        let (mut graph, meta) = snapshot::load_with_meta(path)?;
        let scan = match fs::read(&journal_path) {
            Ok(bytes) => scan_named(&bytes, &journal_path),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                refuse_missing_journal(&meta, path, &journal_path).map(|()| Scan::default())
            }
            Err(e) => Err(Error::from(e).in_file(journal_path.display().to_string())),
        };
        let replayed = scan.and_then(|scan| {
            check_stamps(&scan, &meta, &journal_path)?;
            let last = replay(&mut graph, &scan, meta.last_lsn, &journal_path)?;
            Ok((scan, last))
        });
        match replayed {
            Ok((scan, last_lsn)) => {
                let warnings = scan
                    .torn_tail
                    .map(|torn| {
                        format!(
                            "{}: ignored an incomplete record at byte {} (a crash, or a writer still appending it)",
                            journal_path.display(),
                            torn.offset
                        )
                    })
                    .into_iter()
                    .collect();
                let durable = Durable {
                    path: path.to_path_buf(),
                    journal: None,
                    _lock: None,
                    identity: meta.identity.unwrap_or(Identity::ANONYMOUS),
                    last_lsn,
                    checkpoint_bytes: options.checkpoint_bytes,
                    warnings,
                };
                return Ok((graph, durable));
            }
            // The writer may have checkpointed in between: read both files again.
            Err(e) if e.code == ErrorCode::CorruptJournal && attempt < READ_ONLY_ATTEMPTS => continue,
            Err(e) => return Err(e),
        }
    }
}

fn read_journal(file: &mut File, path: &Path) -> Result<Scan> {
    let mut bytes = Vec::new();
    std::io::Read::read_to_end(file, &mut bytes).map_err(|e| Error::from(e).in_file(path.display().to_string()))?;
    scan_named(&bytes, path)
}

fn scan_named(bytes: &[u8], path: &Path) -> Result<Scan> {
    journal::scan(bytes).map_err(|e| e.in_file(path.display().to_string()))
}

/// Applies the records after `snapshot_lsn` to `graph`, in order; returns the last LSN the
/// graph then holds. A gap in the LSNs, or a record that does not fit the graph, is an
/// error naming the record's byte offset.
pub fn replay(graph: &mut Graph, scan: &Scan, snapshot_lsn: u64, path: &Path) -> Result<u64> {
    let mut last = snapshot_lsn;
    for record in scan.records.iter().filter(|r| r.lsn > snapshot_lsn) {
        let at = |message: String| {
            Error::new(
                ErrorCode::CorruptJournal,
                format!("record at byte {} (LSN {}): {message}", record.offset, record.lsn),
            )
            .in_file(path.display().to_string())
        };
        if record.lsn != last + 1 {
            return Err(at(format!(
                "LSN {} was expected after the snapshot's {snapshot_lsn}: records are missing",
                last + 1
            )));
        }
        apply_record(graph, record).map_err(|e| at(e.message))?;
        last = record.lsn;
    }
    if last > snapshot_lsn {
        graph.validate().map_err(|e| {
            Error::new(ErrorCode::CorruptJournal, format!("the replayed journal breaks the schema: {}", e.message))
                .in_file(path.display().to_string())
        })?;
    }
    Ok(last)
}

/// Applies one record: its new names, then its changes.
pub fn apply_record(graph: &mut Graph, record: &Record) -> Result<()> {
    let body = snapshot::decode_record_body(&record.body)?;
    let lens = graph.catalog().lens();
    if lens != body.name_bases {
        return Err(Error::new(
            ErrorCode::CorruptJournal,
            format!("the record expects {:?} names, the graph has {lens:?}", body.name_bases),
        ));
    }
    check_id_growth(graph, &body.changes)?;
    let catalog = graph.catalog_mut();
    let namespaces = [&mut catalog.labels, &mut catalog.rel_types, &mut catalog.prop_keys];
    for ((interner, names), base) in namespaces.into_iter().zip(&body.new_names).zip(body.name_bases) {
        for (i, name) in names.iter().enumerate() {
            if interner.intern(name) as usize != base + i {
                return Err(Error::new(ErrorCode::CorruptJournal, format!("name `{name}` is recorded twice")));
            }
        }
    }
    txn::redo(graph, body.changes)
}

/// A statement creating k nodes gets ids below the id bound plus k (freed slots are
/// reused first, in the order a fresh graph takes them); a record asking for more is
/// damaged, and must not make the graph allocate up to an arbitrary id.
fn check_id_growth(graph: &Graph, changes: &[Change]) -> Result<()> {
    let n_nodes = changes.iter().filter(|c| matches!(c, Change::CreateNode { .. })).count() as u64;
    let n_rels = changes.iter().filter(|c| matches!(c, Change::CreateRel { .. })).count() as u64;
    let node_limit = u64::from(graph.node_id_bound()) + n_nodes;
    let rel_limit = u64::from(graph.rel_id_bound()) + n_rels;
    for change in changes {
        let beyond = match change {
            Change::CreateNode { id, .. } => u64::from(id.0) >= node_limit,
            Change::CreateRel { entry, .. } => u64::from(entry.id.0) >= rel_limit,
            _ => false,
        };
        if beyond {
            return Err(Error::new(ErrorCode::CorruptJournal, "an id beyond what the statement could have created"));
        }
    }
    Ok(())
}

impl Durable {
    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn is_read_only(&self) -> bool {
        self.journal.is_none()
    }

    /// The LSN of the last statement the graph holds.
    pub fn last_lsn(&self) -> u64 {
        self.last_lsn
    }

    /// The commit hook: writes what a statement committed to the journal, durably.
    pub fn record(&mut self, committed: &Committed<'_>) -> Result<()> {
        if committed.is_empty() {
            return Ok(());
        }
        let Some(journal) = &mut self.journal else {
            return Err(Error::new(
                ErrorCode::ReadOnlyDatabase,
                format!("{} is open read-only: this statement would change it", self.path.display()),
            ));
        };
        let body = snapshot::encode_record_body(committed)?;
        self.last_lsn = journal.append(&body)?;
        Ok(())
    }

    /// After a statement: a checkpoint if the journal has grown past its limit. A failed
    /// checkpoint loses nothing (the journal still holds every statement), so it is a
    /// warning, not an error.
    pub fn after_statement(&mut self, graph: &Graph) {
        let due = self.journal.as_ref().is_some_and(|j| j.len() > self.checkpoint_bytes);
        if due {
            if let Err(e) = self.checkpoint(graph) {
                self.warnings.push(format!("automatic checkpoint failed (nothing is lost): {}", e.message));
            }
        }
    }

    /// Writes the graph as a new snapshot holding every record so far, then empties the
    /// journal. Read-only: nothing to do.
    pub fn checkpoint(&mut self, graph: &Graph) -> Result<()> {
        match &self.journal {
            Some(journal) if !journal.is_empty() => self.rewrite_snapshot(graph),
            _ => Ok(()),
        }
    }

    /// Writes the snapshot even when the journal is empty: the graph changed outside
    /// statements (a bulk load), so nothing on disk holds it yet.
    pub fn rewrite_snapshot(&mut self, graph: &Graph) -> Result<()> {
        let Some(journal) = &mut self.journal else {
            return Ok(());
        };
        let next = self.identity.next_generation();
        snapshot::save_as(graph, &self.path, self.last_lsn, &next)?;
        self.identity = next;
        journal.reset(next.stamp())
    }

    /// The database's id and the generation of its current snapshot.
    pub fn identity(&self) -> &Identity {
        &self.identity
    }

    /// Warnings gathered since the last call.
    pub fn take_warnings(&mut self) -> Vec<String> {
        std::mem::take(&mut self.warnings)
    }

    /// Puts another file behind the journal (tests: a disk that fails).
    #[cfg(test)]
    pub(crate) fn replace_journal_file(&mut self, file: Box<dyn journal::JournalFile>) -> Result<()> {
        let Some(old) = &self.journal else {
            return Ok(());
        };
        let (path, len, next, stamp) = (old.path().to_path_buf(), old.len(), old.next_lsn(), old.stamp());
        self.journal = Some(JournalWriter::new(file, &path, len, next, stamp)?);
        Ok(())
    }
}
