//! The journal: an append-only file of committed statements beside a snapshot.
//!
//! Layout: 8 magic bytes `STEPPEJL` and a little-endian `u32` format version, then one
//! record per committed statement:
//!
//! ```text
//! version 2: u32 body length | u64 LSN | stamp | u32 CRC-32 of (length, LSN, stamp, body) | body
//! version 1: u32 body length | u64 LSN | u32 CRC-32 of (length, LSN, body) | body
//! ```
//!
//! The body is what the statement committed (`snapshot::encode_record_body`: new names
//! and changes). LSNs (log sequence numbers) count up by one from the snapshot's last.
//! A record is written and fsync'd before its statement returns. The [`Stamp`] (16 bytes
//! of database id, a `u64` generation) ties a record to the snapshot it follows: a
//! journal of another database, or from before or after its snapshot's checkpoint, is
//! told apart from this one's (`durable::replay`). Version 1 journals, without stamps,
//! are still read.
//!
//! Reading tells a crash from damage. A bad record that nothing valid follows is a
//! torn tail (the process died while appending, so its statement was never
//! acknowledged): it is dropped with a warning and every record before it kept. A bad
//! record with a valid one after it cannot come from a crash: it is an error naming
//! the file and the byte offset, never a silent loss.

use std::fs::File;
use std::io::{self, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use crate::error::{Error, ErrorCode, Result};

pub const JOURNAL_MAGIC: &[u8; 8] = b"STEPPEJL";
pub const JOURNAL_VERSION: u32 = 2;
/// Magic and version.
pub const FILE_HEADER_LEN: u64 = 12;
/// Body length, LSN, stamp, checksum.
const RECORD_HEADER_LEN: usize = 4 + 8 + STAMP_LEN + 4;
/// Version 1's record header: body length, LSN, checksum.
const RECORD_HEADER_LEN_V1: usize = 4 + 8 + 4;
const STAMP_LEN: usize = 16 + 8;

/// Which database, and which of its snapshots, a record was written after: the database's
/// random id and the snapshot's generation (a checkpoint starts the next).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Stamp {
    pub db_id: [u8; 16],
    pub generation: u64,
}

impl Stamp {
    fn to_bytes(self) -> [u8; STAMP_LEN] {
        let mut out = [0u8; STAMP_LEN];
        out[..16].copy_from_slice(&self.db_id);
        out[16..].copy_from_slice(&self.generation.to_le_bytes());
        out
    }

    fn from_bytes(bytes: &[u8]) -> Option<Stamp> {
        let db_id = bytes.get(..16)?.try_into().ok()?;
        let generation = u64::from_le_bytes(bytes.get(16..STAMP_LEN)?.try_into().ok()?);
        Some(Stamp { db_id, generation })
    }

    /// The database id as 32 hex digits, as errors name it.
    pub fn db_id_hex(&self) -> String {
        hex(&self.db_id)
    }
}

/// Bytes as lowercase hex digits.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
/// No statement's record is larger; a longer length field is damage, not data.
pub const MAX_RECORD_LEN: u32 = 1 << 30;

/// One record as read: its LSN, where it starts in the file, and its undecoded body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    pub lsn: u64,
    pub offset: u64,
    /// `None` in a version 1 journal.
    pub stamp: Option<Stamp>,
    pub body: Vec<u8>,
}

/// A bad record at the end of the journal, that no valid record follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TornTail {
    pub offset: u64,
    pub len: u64,
}

/// The readable content of a journal file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scan {
    /// The file's format version (0 for an empty file).
    pub version: u32,
    pub records: Vec<Record>,
    /// The length of the file up to the end of its last good record.
    pub valid_len: u64,
    pub torn_tail: Option<TornTail>,
}

/// The file header every journal starts with.
pub fn file_header() -> Vec<u8> {
    let mut out = Vec::with_capacity(FILE_HEADER_LEN as usize);
    out.extend_from_slice(JOURNAL_MAGIC);
    out.extend_from_slice(&JOURNAL_VERSION.to_le_bytes());
    out
}

/// One framed record, stamped.
pub fn encode_record(lsn: u64, stamp: Stamp, body: &[u8]) -> Result<Vec<u8>> {
    let len = u32::try_from(body.len()).ok().filter(|&len| len <= MAX_RECORD_LEN).ok_or_else(|| {
        Error::new(ErrorCode::FileWrite, "a statement's changes exceed the journal's 1 GiB record limit")
    })?;
    let stamp = stamp.to_bytes();
    let mut out = Vec::with_capacity(RECORD_HEADER_LEN + body.len());
    out.extend_from_slice(&len.to_le_bytes());
    out.extend_from_slice(&lsn.to_le_bytes());
    out.extend_from_slice(&stamp);
    out.extend_from_slice(&checksum(len, lsn, &stamp, body).to_le_bytes());
    out.extend_from_slice(body);
    Ok(out)
}

/// A record as version 1 wrote it (tests of old journals).
pub fn encode_record_v1(lsn: u64, body: &[u8]) -> Vec<u8> {
    let len = body.len() as u32;
    let mut out = Vec::with_capacity(RECORD_HEADER_LEN_V1 + body.len());
    out.extend_from_slice(&len.to_le_bytes());
    out.extend_from_slice(&lsn.to_le_bytes());
    out.extend_from_slice(&checksum(len, lsn, &[], body).to_le_bytes());
    out.extend_from_slice(body);
    out
}

/// The file header of a version 1 journal (tests of old journals).
pub fn file_header_v1() -> Vec<u8> {
    let mut out = JOURNAL_MAGIC.to_vec();
    out.extend_from_slice(&1u32.to_le_bytes());
    out
}

fn checksum(len: u32, lsn: u64, stamp: &[u8], body: &[u8]) -> u32 {
    let mut hasher = crc32fast::Hasher::new();
    hasher.update(&len.to_le_bytes());
    hasher.update(&lsn.to_le_bytes());
    hasher.update(stamp);
    hasher.update(body);
    hasher.finalize()
}

fn corrupt(message: String) -> Error {
    Error::new(ErrorCode::CorruptJournal, message)
}

/// Reads the records of a journal held in `bytes`. An empty file, or a header cut short
/// by a crash while the file was created, reads as no records.
pub fn scan(bytes: &[u8]) -> Result<Scan> {
    let header = file_header();
    if bytes.len() < header.len() {
        return match header.starts_with(bytes) {
            true => Ok(Scan {
                version: 0,
                records: Vec::new(),
                valid_len: 0,
                torn_tail: (!bytes.is_empty()).then_some(TornTail { offset: 0, len: bytes.len() as u64 }),
            }),
            false => Err(corrupt("not a steppe journal (wrong magic bytes)".into())),
        };
    }
    if &bytes[..8] != JOURNAL_MAGIC {
        return Err(corrupt("not a steppe journal (wrong magic bytes)".into()));
    }
    let version = u32::from_le_bytes([bytes[8], bytes[9], bytes[10], bytes[11]]);
    if version == 0 || version > JOURNAL_VERSION {
        return Err(corrupt(format!(
            "journal format version {version} is not supported (this steppe reads versions 1 to {JOURNAL_VERSION})"
        )));
    }
    let stamped = version >= 2;
    let mut scan = Scan { records: Vec::new(), valid_len: FILE_HEADER_LEN, torn_tail: None, version };
    let mut at = header.len();
    while at < bytes.len() {
        let last_lsn = scan.records.last().map(|r| r.lsn);
        match read_record(bytes, at, last_lsn, stamped) {
            Some(record) => {
                at += record_header_len(stamped) + record.body.len();
                scan.valid_len = at as u64;
                scan.records.push(record);
            }
            None => {
                if let Some(next) = (at + 1..bytes.len()).find(|&o| read_record(bytes, o, last_lsn, stamped).is_some())
                {
                    return Err(corrupt(format!(
                        "damaged record at byte {at} (a valid record follows at byte {next}); \
                         records after the damage cannot be trusted to apply"
                    )));
                }
                scan.torn_tail = Some(TornTail { offset: at as u64, len: (bytes.len() - at) as u64 });
                break;
            }
        }
    }
    Ok(scan)
}

fn record_header_len(stamped: bool) -> usize {
    if stamped {
        RECORD_HEADER_LEN
    } else {
        RECORD_HEADER_LEN_V1
    }
}

/// The record starting at `at`, if it is whole, its checksum holds, and its LSN follows
/// `last_lsn`.
fn read_record(bytes: &[u8], at: usize, last_lsn: Option<u64>, stamped: bool) -> Option<Record> {
    let header_len = record_header_len(stamped);
    let header = bytes.get(at..at.checked_add(header_len)?)?;
    let len = u32::from_le_bytes(header[0..4].try_into().ok()?);
    let lsn = u64::from_le_bytes(header[4..12].try_into().ok()?);
    let stamp_bytes = &header[12..header_len - 4];
    let crc = u32::from_le_bytes(header[header_len - 4..].try_into().ok()?);
    if len > MAX_RECORD_LEN || last_lsn.is_some_and(|last| lsn <= last) {
        return None;
    }
    let start = at + header_len;
    let body = bytes.get(start..start.checked_add(len as usize)?)?;
    if checksum(len, lsn, stamp_bytes, body) != crc {
        return None;
    }
    let stamp = if stamped { Some(Stamp::from_bytes(stamp_bytes)?) } else { None };
    Some(Record { lsn, offset: at as u64, stamp, body: body.to_vec() })
}

/// The file a journal writes to. A trait so that tests can put a failing disk behind it.
pub trait JournalFile: Send + std::fmt::Debug {
    /// Appends all of `bytes` at the end.
    fn append(&mut self, bytes: &[u8]) -> io::Result<()>;
    /// Makes what was appended durable (fsync).
    fn sync(&mut self) -> io::Result<()>;
    /// Cuts the file to `len` bytes and makes that durable; later appends follow it.
    fn truncate(&mut self, len: u64) -> io::Result<()>;
}

impl JournalFile for File {
    fn append(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.seek(SeekFrom::End(0))?;
        self.write_all(bytes)
    }

    fn sync(&mut self) -> io::Result<()> {
        self.sync_data()
    }

    fn truncate(&mut self, len: u64) -> io::Result<()> {
        self.set_len(len)?;
        self.seek(SeekFrom::Start(len))?;
        self.sync_all()
    }
}

/// Appends records to a journal file.
#[derive(Debug)]
pub struct JournalWriter {
    file: Box<dyn JournalFile>,
    path: PathBuf,
    /// The file's length up to the end of its last durable record.
    len: u64,
    next_lsn: u64,
    /// What every record is stamped with: the database and its snapshot's generation.
    stamp: Stamp,
    /// Why the journal refuses to write: an append failed and could not be cut back, so
    /// the file's end is unknown. Only reopening the database recovers.
    broken: Option<String>,
}

impl JournalWriter {
    /// A writer on `file`, whose valid content ends at `len`, handing out LSNs from
    /// `next_lsn` and stamping records with `stamp`. A header is written first if the
    /// file has none.
    pub fn new(
        file: Box<dyn JournalFile>,
        path: &Path,
        len: u64,
        next_lsn: u64,
        stamp: Stamp,
    ) -> Result<JournalWriter> {
        let mut writer = JournalWriter { file, path: path.to_path_buf(), len, next_lsn, stamp, broken: None };
        if len < FILE_HEADER_LEN {
            writer.rewrite_header()?;
        }
        Ok(writer)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// How many bytes the journal holds, header included.
    pub fn len(&self) -> u64 {
        self.len
    }

    /// Whether the journal holds no record.
    pub fn is_empty(&self) -> bool {
        self.len <= FILE_HEADER_LEN
    }

    /// The LSN the next record will get.
    pub fn next_lsn(&self) -> u64 {
        self.next_lsn
    }

    /// What records are stamped with.
    pub fn stamp(&self) -> Stamp {
        self.stamp
    }

    fn io_error(&self, what: &str, e: &io::Error) -> Error {
        Error::new(ErrorCode::FileWrite, format!("cannot {what} the journal: {e}"))
            .in_file(self.path.display().to_string())
    }

    /// Appends one record and fsyncs it; returns its LSN. On failure the file is cut back
    /// to its last record, so a failed statement leaves no trace and later ones can
    /// still be written (once the disk has room again).
    pub fn append(&mut self, body: &[u8]) -> Result<u64> {
        if let Some(why) = &self.broken {
            return Err(Error::new(
                ErrorCode::FileWrite,
                format!("the journal cannot be written since an earlier failure ({why}); reopen the database"),
            )
            .in_file(self.path.display().to_string()));
        }
        let lsn = self.next_lsn;
        let record = encode_record(lsn, self.stamp, body)?;
        let written = self.file.append(&record).and_then(|()| self.file.sync());
        if let Err(e) = written {
            let err = self.io_error("append to", &e);
            if let Err(cut) = self.file.truncate(self.len) {
                self.broken = Some(format!("{e}; then cutting the partial record failed: {cut}"));
            }
            return Err(err);
        }
        self.len += record.len() as u64;
        self.next_lsn += 1;
        Ok(lsn)
    }

    /// Empties the journal once a snapshot holds everything in it (a checkpoint); later
    /// records follow that snapshot, so they carry its `stamp`.
    pub fn reset(&mut self, stamp: Stamp) -> Result<()> {
        self.stamp = stamp;
        self.rewrite_header()
    }

    fn rewrite_header(&mut self) -> Result<()> {
        let header = file_header();
        let done = self.file.truncate(0).and_then(|()| self.file.append(&header)).and_then(|()| self.file.sync());
        match done {
            Ok(()) => {
                self.len = FILE_HEADER_LEN;
                self.broken = None;
                Ok(())
            }
            Err(e) => {
                self.broken = Some(e.to_string());
                Err(self.io_error("reset", &e))
            }
        }
    }
}

#[cfg(test)]
pub(crate) mod tests;
