//! A stored-order fold's relationships gathered by the part of the records they fold
//! into, then folded part by part (a radix partition, as hash aggregations do past the
//! cache).
//!
//! The relationships come in the type's stored order and their input nodes in no order,
//! so folding each as it is read touches a random record: once the records outgrow the
//! cache (80,000 organisations' records are 2.5 MB) that is a cache miss per
//! relationship. Here each relationship's record and numbers are appended to the buffer
//! of its part (a run of records small enough to stay in the cache), written in order;
//! when the buffers are full, each part's relationships are folded in turn, so a part's
//! records are read from memory about once per flush, not once per relationship.
//!
//! Only for folds whose result does not depend on the order of their relationships
//! (counts and extremes): the parts change that order.

use crate::store::Number;

/// Records per part are chosen so that a part's records take about this many bytes.
const PART_BYTES: usize = 128 << 10;

/// Records smaller than this in all are folded as read: they stay in the cache.
pub(super) const MIN_PARTITIONED_BYTES: usize = 1 << 20;

/// At most this many parts (each a buffer written at once).
const MAX_PARTS: usize = 64;

/// Relationships buffered, at least, before the parts are folded: several per cache line
/// of the records, so that a line read from memory folds several of them.
const MIN_FLUSH: usize = 1 << 16;

/// At most this many relationships buffered (what the buffers hold is charged to the
/// statement).
const MAX_FLUSH: usize = 1 << 20;

/// One part's buffered relationships: their records and, per aggregate that reads one,
/// their numbers (in the same order).
#[derive(Default)]
pub(super) struct Part {
    pub(super) records: Vec<u32>,
    pub(super) numbers: Vec<Vec<Option<Number>>>,
}

pub(super) struct Partitions {
    /// A record's part is its index shifted right by this.
    shift: u32,
    parts: Vec<Part>,
    /// Per aggregate, whether its numbers are kept.
    reads_numbers: Vec<bool>,
    buffered: usize,
    flush_at: usize,
}

impl Partitions {
    /// Parts for `n_records` records of `record_bytes` each, keeping numbers for the
    /// aggregates `reads_numbers` marks; `None` when the records fit in the cache.
    pub(super) fn new(n_records: usize, record_bytes: usize, reads_numbers: Vec<bool>) -> Option<Partitions> {
        let bytes = n_records.saturating_mul(record_bytes);
        if bytes < MIN_PARTITIONED_BYTES || n_records == 0 {
            return None;
        }
        let wanted = bytes.div_ceil(PART_BYTES).clamp(2, MAX_PARTS);
        let per_part = n_records.div_ceil(wanted).next_power_of_two();
        let shift = per_part.trailing_zeros();
        let n_parts = n_records.div_ceil(per_part);
        let lines = bytes.div_ceil(64);
        let n_numbers = reads_numbers.len();
        let parts = (0..n_parts).map(|_| Part { records: Vec::new(), numbers: vec![Vec::new(); n_numbers] }).collect();
        let flush_at = (4 * lines).clamp(MIN_FLUSH, MAX_FLUSH);
        Some(Partitions { shift, parts, reads_numbers, buffered: 0, flush_at })
    }

    /// The most bytes the buffers hold.
    pub(super) fn bytes(&self) -> u64 {
        let per_rel = 4 + 16 * self.reads_numbers.iter().filter(|r| **r).count();
        (self.flush_at * per_rel) as u64
    }

    /// Buffers the relationship at `i` of a chunk (its numbers, per aggregate, in
    /// `numbers`) for `record`; true when the buffers are full and should be folded.
    #[inline]
    pub(super) fn push(&mut self, record: usize, i: usize, numbers: &[Vec<Option<Number>>]) -> bool {
        let Some(part) = self.parts.get_mut(record >> self.shift) else { return false };
        part.records.push(record as u32);
        for ((out, column), reads) in part.numbers.iter_mut().zip(numbers).zip(&self.reads_numbers) {
            if *reads {
                out.push(column.get(i).copied().flatten());
            }
        }
        self.buffered += 1;
        self.buffered >= self.flush_at
    }

    /// Hands each buffered relationship, part by part, to `fold` (its record, its index in
    /// the part, and the part's numbers per aggregate), and empties the buffers.
    pub(super) fn flush(&mut self, mut fold: impl FnMut(usize, usize, &[Vec<Option<Number>>])) {
        for part in &mut self.parts {
            for (j, &record) in part.records.iter().enumerate() {
                fold(record as usize, j, &part.numbers);
            }
            part.records.clear();
            part.numbers.iter_mut().for_each(Vec::clear);
        }
        self.buffered = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_records_are_not_partitioned() {
        assert!(Partitions::new(1000, 32, vec![true]).is_none());
        assert!(Partitions::new(0, 32, vec![true]).is_none());
    }

    #[test]
    fn every_buffered_relationship_is_folded_once_with_its_numbers_by_part() {
        let n_records = 100_000;
        let mut parts = Partitions::new(n_records, 32, vec![false, true]).unwrap();
        assert!(parts.parts.len() > 1 && parts.parts.len() <= MAX_PARTS);
        let numbers = vec![Vec::new(), (0..n_records as i64).map(|x| Some(Number::Int(x))).collect::<Vec<_>>()];
        // Records in a scattered order, each relationship's number its record.
        let order: Vec<usize> = (0..n_records).map(|i| i * 7919 % n_records).collect();
        for &record in &order {
            parts.push(record, record, &numbers);
        }
        let mut seen = vec![0_u32; n_records];
        let mut last_part = 0;
        parts.flush(|record, j, numbers| {
            assert_eq!(numbers[1][j], Some(Number::Int(record as i64)));
            assert!(numbers[0].is_empty());
            // Parts come in order, so records rise part by part.
            assert!(record >> parts_shift(n_records) >= last_part);
            last_part = record >> parts_shift(n_records);
            seen[record] += 1;
        });
        assert!(seen.iter().all(|&n| n == 1));
        // Emptied: a second flush folds nothing.
        parts.flush(|_, _, _| panic!("folded twice"));
    }

    fn parts_shift(n_records: usize) -> u32 {
        Partitions::new(n_records, 32, vec![false, true]).map_or(0, |p| p.shift)
    }

    #[test]
    fn the_buffers_ask_to_be_folded_when_full() {
        let mut parts = Partitions::new(100_000, 32, vec![true]).unwrap();
        let numbers = vec![vec![Some(Number::Int(1))]];
        let full = (0..parts.flush_at).filter(|_| parts.push(5, 0, &numbers)).count();
        assert_eq!(full, 1);
    }
}
