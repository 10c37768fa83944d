use super::*;

const STAMP: Stamp = Stamp { db_id: [7; 16], generation: 3 };

fn journal_of(bodies: &[&[u8]]) -> Vec<u8> {
    let mut bytes = file_header();
    for (i, body) in bodies.iter().enumerate() {
        bytes.extend(encode_record(i as u64 + 1, STAMP, body).unwrap_or_default());
    }
    bytes
}

#[test]
fn records_carry_their_stamp() {
    let scan = scan(&journal_of(&[b"one", b"two"])).unwrap_or_default();
    assert_eq!(scan.version, JOURNAL_VERSION);
    assert!(scan.records.iter().all(|r| r.stamp == Some(STAMP)));
}

#[test]
fn a_version_1_journal_still_reads_without_stamps() {
    let mut bytes = file_header_v1();
    bytes.extend(encode_record_v1(1, b"one"));
    bytes.extend(encode_record_v1(2, b"two"));
    let scan = scan(&bytes).unwrap_or_default();
    assert_eq!(scan.version, 1);
    assert_eq!(scan.records.iter().map(|r| (r.lsn, r.stamp)).collect::<Vec<_>>(), vec![(1, None), (2, None)]);
    assert_eq!(scan.records[1].body, b"two");
}

#[test]
fn a_changed_stamp_fails_the_checksum() {
    let mut bytes = journal_of(&[b"one"]);
    // The stamp's first byte, after the record's length and LSN.
    bytes[FILE_HEADER_LEN as usize + 12] ^= 1;
    let scan = scan(&bytes).unwrap_or_default();
    assert!(scan.records.is_empty() && scan.torn_tail.is_some());
}

#[test]
fn records_read_back_in_order() {
    let bytes = journal_of(&[b"one", b"", b"three"]);
    let scan = scan(&bytes).unwrap_or_default();
    let lsns: Vec<u64> = scan.records.iter().map(|r| r.lsn).collect();
    assert_eq!(lsns, vec![1, 2, 3]);
    assert_eq!(scan.records[2].body, b"three");
    assert_eq!(scan.valid_len, bytes.len() as u64);
    assert_eq!(scan.torn_tail, None);
}

#[test]
fn a_torn_tail_is_dropped_and_the_rest_kept() {
    let whole = journal_of(&[b"one", b"two", b"three"]);
    let last_start = journal_of(&[b"one", b"two"]).len();
    for cut in last_start + 1..whole.len() {
        let scan = scan(&whole[..cut]).unwrap_or_default();
        assert_eq!(scan.records.len(), 2, "cut at {cut}");
        assert_eq!(scan.torn_tail, Some(TornTail { offset: last_start as u64, len: (cut - last_start) as u64 }));
        assert_eq!(scan.valid_len, last_start as u64);
    }
    // Zeros where a crash left the file longer than its data.
    let mut zeros = whole.clone();
    zeros.extend([0u8; 100]);
    let scan = scan(&zeros).unwrap_or_default();
    assert_eq!(scan.records.len(), 3);
    assert!(scan.torn_tail.is_some());
}

#[test]
fn damage_in_the_middle_is_an_error_with_the_offset() {
    let mut bytes = journal_of(&[b"one", b"two", b"three"]);
    let second = journal_of(&[b"one"]).len();
    bytes[second + RECORD_HEADER_LEN] ^= 0x01;
    let err = scan(&bytes).err().map(|e| (e.code, e.message));
    let Some((code, message)) = err else { panic!("damage was not noticed") };
    assert_eq!(code, ErrorCode::CorruptJournal);
    assert!(message.contains(&format!("byte {second}")), "{message}");
    // A damaged length field is found too.
    let mut bytes = journal_of(&[b"one", b"two", b"three"]);
    bytes[second + 3] = 0x7f;
    assert_eq!(scan(&bytes).err().map(|e| e.code), Some(ErrorCode::CorruptJournal));
}

#[test]
fn headers_are_checked() {
    assert_eq!(scan(b"").map(|s| s.records.len()).ok(), Some(0));
    assert!(scan(b"STEPP").is_ok_and(|s| s.torn_tail.is_some()));
    assert_eq!(scan(b"PK\x03\x04 zip").err().map(|e| e.code), Some(ErrorCode::CorruptJournal));
    let mut newer = file_header();
    newer[8] = 9;
    assert_eq!(scan(&newer).err().map(|e| e.code), Some(ErrorCode::CorruptJournal));
}

/// A file that fails once it holds `room` bytes, like a full disk.
#[derive(Debug, Default)]
pub(crate) struct FullDisk {
    pub bytes: Vec<u8>,
    pub room: usize,
    pub failing_truncate: bool,
}

impl JournalFile for FullDisk {
    fn append(&mut self, bytes: &[u8]) -> io::Result<()> {
        let fits = self.room.saturating_sub(self.bytes.len()).min(bytes.len());
        self.bytes.extend_from_slice(&bytes[..fits]);
        match fits == bytes.len() {
            true => Ok(()),
            false => Err(io::Error::new(io::ErrorKind::StorageFull, "no space left on device")),
        }
    }

    fn sync(&mut self) -> io::Result<()> {
        Ok(())
    }

    fn truncate(&mut self, len: u64) -> io::Result<()> {
        if self.failing_truncate {
            return Err(io::Error::other("the disk went away"));
        }
        self.bytes.truncate(len as usize);
        Ok(())
    }
}

#[test]
fn a_failed_append_is_cut_back_and_later_appends_work() {
    // A record of 10 bytes fits (52 with its header), one of 40 more does not, one of 1 does.
    let disk = FullDisk { room: 110, ..FullDisk::default() };
    let path = Path::new("test.journal");
    let mut writer = JournalWriter::new(Box::new(disk), path, 0, 1, STAMP).unwrap_or_else(|e| panic!("{}", e.message));
    assert_eq!(writer.append(b"0123456789").ok(), Some(1));
    let err = writer.append(&[7u8; 40]).err().map(|e| e.code);
    assert_eq!(err, Some(ErrorCode::FileWrite));
    assert_eq!(writer.next_lsn(), 2, "a failed record takes no LSN");
    assert_eq!(writer.append(b"x").ok(), Some(2));
    assert_eq!(writer.len(), FILE_HEADER_LEN + 2 * RECORD_HEADER_LEN as u64 + 11);
}

#[test]
fn a_journal_that_cannot_be_cut_back_refuses_writes() {
    let disk = FullDisk { room: 40, failing_truncate: false, ..FullDisk::default() };
    let mut writer =
        JournalWriter::new(Box::new(disk), Path::new("j"), 0, 1, STAMP).unwrap_or_else(|e| panic!("{}", e.message));
    let broken = FullDisk { bytes: file_header(), room: 20, failing_truncate: true };
    writer.file = Box::new(broken);
    assert!(writer.append(&[1u8; 30]).is_err());
    let again = writer.append(b"").err().map(|e| e.message).unwrap_or_default();
    assert!(again.contains("reopen"), "{again}");
}
