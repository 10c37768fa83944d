//! The build rows of a `HashJoin`, in build order, chained per key, and the table that
//! finds a key's first row.
//!
//! Two tables. While every build row's node keys are nodes and its value keys integers
//! (`a.year = o.year` on a typed graph, and on a schemaless one whose years are all
//! integers), a key is packed into machine words ([`Words`]: node ids, integers as they
//! are), so neither side builds, hashes or compares a `Value` for it, and rows of one
//! words key are `=` to each other with no check. The first build row that does not fit
//! (a float, a string, a list key) turns the table into the general one, rebuilt from the
//! rows so far: its keys are the nodes as values and the hash of the values' `ValueKey`s,
//! and each candidate is checked with Cypher's `=` by the join.
//!
//! A probe value against the words table: an integer looks up itself; a float equal to
//! exactly one integer (integral, below 2^53) looks up that integer; another float, and
//! any other kind, equals no integer (`1.5 = 1`, `'1' = 1` and `[1] = 1` are false), so it
//! meets nothing; a float from 2^53 on may equal several integers, so the probe turns the
//! table into the general one first.

use std::collections::hash_map::Entry;
use std::hash::Hash;

use super::hash_join::JoinKey;
use crate::exec::memory::value_bytes;
use crate::store::NodeId;
use crate::value::Value;

/// No next build row.
pub(super) const END: usize = usize::MAX;

/// The most words a packed key holds (node keys and value keys together).
pub(super) const MAX_WORDS: usize = 3;

/// A key packed into words: node ids, then integers, then zeros.
pub(super) type Words = [u64; MAX_WORDS];

/// A row's key in the general table: its nodes, and the hash of its value keys (0 with
/// none).
pub(super) type TableKey = (JoinKey, u64);

/// What a row's keys are as words.
pub(super) enum Packed {
    /// The row's key.
    Words(Words),
    /// A null key, or (probe side) a value no integer equals: the row meets nothing.
    Meets,
    /// A key the words cannot hold: the general table must take it.
    Unfit,
}

/// The first and last build row of each key.
enum Table {
    Words(foldhash::HashMap<Words, (usize, usize)>),
    General(foldhash::HashMap<TableKey, (usize, usize)>),
}

/// The build side's rows, in build order, chained per key.
pub(super) struct BuildRows {
    table: Table,
    /// Per build row, its words key, kept while the table is the words one (to rebuild
    /// the general one from).
    words: Vec<Words>,
    /// Each build row's values of `build_slots` then of its value keys, one row after
    /// another.
    pub(super) values: Vec<Value>,
    /// Per build row, the next build row of the same key (`END` for none).
    pub(super) next: Vec<usize>,
}

impl Default for BuildRows {
    fn default() -> BuildRows {
        BuildRows {
            table: Table::Words(foldhash::HashMap::default()),
            words: Vec::new(),
            values: Vec::new(),
            next: Vec::new(),
        }
    }
}

impl BuildRows {
    /// Whether keys are words (each row of a key `=` to the others, no check needed).
    pub(super) fn is_words(&self) -> bool {
        matches!(self.table, Table::Words(_))
    }

    pub(super) fn is_empty(&self) -> bool {
        self.next.is_empty()
    }

    /// Adds a row of words key `key` with `values`; returns the bytes it holds. The row is
    /// found by its key once `index_words` has run.
    pub(super) fn push_words(&mut self, key: Words, values: impl Iterator<Item = Value>) -> u64 {
        let (_, bytes) = self.add_values(values);
        self.words.push(key);
        bytes + size_of::<Words>() as u64
    }

    /// Chains the words rows per key, in build order, into a table sized for them at once
    /// (no table grown and rehashed row by row, and the inserts' cache misses overlap in
    /// one loop); returns the bytes the table holds.
    pub(super) fn index_words(&mut self) -> u64 {
        let Table::Words(table) = &mut self.table else { return 0 };
        if !table.is_empty() || self.words.is_empty() {
            return 0;
        }
        let mut indexed = foldhash::HashMap::with_capacity_and_hasher(self.words.len(), Default::default());
        for (at, key) in self.words.iter().enumerate() {
            link(&mut indexed, &mut self.next, *key, at);
        }
        let bytes = indexed.capacity() as u64 * 41;
        *table = indexed;
        bytes
    }

    /// Adds a row of general key `key` with `values`; returns the bytes it holds.
    pub(super) fn push_general(&mut self, key: TableKey, values: impl Iterator<Item = Value>) -> u64 {
        let (at, bytes) = self.add_values(values);
        let key_bytes = key.0.bytes() + 24;
        let Table::General(table) = &mut self.table else { return bytes };
        let new_key = link(table, &mut self.next, key, at);
        bytes + if new_key { key_bytes } else { 0 }
    }

    /// The first build row of words key `key`, or `END` (also when the table is the
    /// general one).
    pub(super) fn first_words(&self, key: &Words) -> usize {
        match &self.table {
            Table::Words(table) => table.get(key).map_or(END, |(first, _)| *first),
            Table::General(_) => END,
        }
    }

    /// The first build row of general key `key`, or `END` (also when the table is the
    /// words one).
    pub(super) fn first_general(&self, key: &TableKey) -> usize {
        match &self.table {
            Table::General(table) => table.get(key).map_or(END, |(first, _)| *first),
            Table::Words(_) => END,
        }
    }

    /// Turns the words table into the general one, each row keyed by `key_of(its words,
    /// its values)`, the rows chained again in build order.
    pub(super) fn make_general(&mut self, key_of: impl Fn(&Words, usize) -> TableKey) {
        if !self.is_words() {
            return;
        }
        let mut table = foldhash::HashMap::default();
        self.next.fill(END);
        for (at, words) in std::mem::take(&mut self.words).iter().enumerate() {
            link(&mut table, &mut self.next, key_of(words, at), at);
        }
        self.table = Table::General(table);
    }

    /// Appends a row's values; returns its index and the bytes its values and link hold.
    fn add_values(&mut self, values: impl Iterator<Item = Value>) -> (usize, u64) {
        let before = self.values.len();
        self.values.extend(values);
        let bytes = self.values[before..].iter().map(value_bytes).sum::<u64>() + 8;
        self.next.push(END);
        (self.next.len() - 1, bytes)
    }
}

/// Chains row `at` to the end of `key`'s rows; whether `key` is new.
fn link<K: Hash + Eq>(table: &mut foldhash::HashMap<K, (usize, usize)>, next: &mut [usize], key: K, at: usize) -> bool {
    match table.entry(key) {
        Entry::Vacant(vacant) => {
            vacant.insert((at, at));
            true
        }
        Entry::Occupied(mut occupied) => {
            let (_, last) = occupied.get_mut();
            if let Some(link) = next.get_mut(*last) {
                *link = at;
            }
            *last = at;
            false
        }
    }
}

/// A node key's word, or why it has none.
pub(super) fn node_word(value: &Value) -> Result<u64, Packed> {
    match value {
        Value::Node(id) => Ok(u64::from(id.0)),
        Value::Null => Err(Packed::Meets),
        _ => Err(Packed::Unfit),
    }
}

/// The node a node key's word stands for.
pub(super) fn word_node(word: u64) -> Value {
    Value::Node(NodeId(word as u32))
}

/// A build row's value key as a word: integers only.
pub(super) fn build_word(value: &Value) -> Result<u64, Packed> {
    match value {
        Value::Int(i) => Ok(*i as u64),
        Value::Null => Err(Packed::Meets),
        _ => Err(Packed::Unfit),
    }
}

/// A probe row's value key as a word of the integer it equals, against a table of
/// integers (see the module's comment).
pub(super) fn probe_word(value: &Value) -> Result<u64, Packed> {
    /// 2^53: from here on an `f64` may equal several integers.
    const EXACT: f64 = 9_007_199_254_740_992.0;
    match value {
        Value::Int(i) => Ok(*i as u64),
        Value::Float(f) if f.fract() == 0.0 && f.abs() < EXACT => Ok(*f as i64 as u64),
        Value::Float(f) if f.is_finite() && f.fract() == 0.0 => Err(Packed::Unfit),
        _ => Err(Packed::Meets),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(res: Result<u64, Packed>) -> Option<u64> {
        res.ok()
    }

    #[test]
    fn probe_floats_find_the_integer_they_equal() {
        assert_eq!(word(probe_word(&Value::Float(2.0))), word(build_word(&Value::Int(2))));
        assert_eq!(word(probe_word(&Value::Float(-0.0))), word(build_word(&Value::Int(0))));
        assert_eq!(word(probe_word(&Value::Float(-7.0))), word(build_word(&Value::Int(-7))));
    }

    #[test]
    fn probe_values_no_integer_equals_meet_nothing() {
        for value in
            [Value::Float(2.5), Value::Float(f64::NAN), Value::Float(f64::INFINITY), Value::string("2"), Value::Null]
        {
            assert!(matches!(probe_word(&value), Err(Packed::Meets)), "{value:?}");
        }
    }

    #[test]
    fn large_floats_and_non_integer_builds_need_the_general_table() {
        assert!(matches!(probe_word(&Value::Float(9_007_199_254_740_992.0)), Err(Packed::Unfit)));
        assert!(matches!(build_word(&Value::Float(2.0)), Err(Packed::Unfit)));
        assert!(matches!(build_word(&Value::string("x")), Err(Packed::Unfit)));
        assert!(matches!(node_word(&Value::Int(1)), Err(Packed::Unfit)));
    }

    #[test]
    fn make_general_keeps_each_keys_rows_in_build_order() {
        let mut rows = BuildRows::default();
        for (at, key) in [[1, 5, 0], [2, 5, 0], [1, 5, 0]].into_iter().enumerate() {
            rows.push_words(key, std::iter::once(Value::Int(at as i64)));
        }
        assert!(rows.index_words() > 0);
        assert_eq!((rows.first_words(&[2, 5, 0]), rows.next.clone()), (1, vec![2, END, END]));
        rows.make_general(|words, _| (JoinKey::One(word_node(words[0])), words[1]));
        assert!(!rows.is_words());
        let first = rows.first_general(&(JoinKey::One(word_node(1)), 5));
        assert_eq!((first, rows.next.clone()), (0, vec![2, END, END]));
    }
}
