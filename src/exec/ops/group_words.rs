//! Groups found by their keys packed into machine words, for `GroupFold` (the keys'
//! reads, `group_cells.rs`) and `Aggregate` (the keys' values): a number as its kind and
//! bits, a string by its number in a table of the strings seen, a node or relationship by
//! its id. The words find the group in one hash of a few integers instead of hashing and
//! comparing `Value`s through Cypher's equivalence.
//!
//! Packing is one-to-one (each kind its own tag, a float by its bits), so equal words mean
//! identical inputs and the group they found is the one the values would find. Equal values
//! may pack apart (`1` and `1.0`, `0.0` and `-0.0`): each finds its group by its values the
//! first time, the same group, then by its words. A kind not packed (a list, a map, a
//! temporal value) is grouped by its values, as without the table.
//!
//! The tags are shared with the packed DISTINCT sets (`aggregate_packed.rs`), which use the
//! kinds that pack to the same words exactly when equal.

use crate::store::Number;
use crate::value::Value;

/// The kinds of packed scalars; none is 0, the tag of no key.
pub(super) const NULL: u64 = 1;
pub(super) const FALSE: u64 = 2;
pub(super) const TRUE: u64 = 3;
pub(super) const INT: u64 = 4;
pub(super) const NODE: u64 = 5;
pub(super) const REL: u64 = 6;
/// A list, in a DISTINCT set only.
pub(super) const LIST: u64 = 7;
pub(super) const FLOAT: u64 = 8;
pub(super) const STRING: u64 = 9;
/// A string literal of a compiled key, by its number in the key (`group_program.rs` only).
pub(super) const TEXT: u64 = 10;
/// A relationship type's name, by the type's id (`group_program.rs` only).
pub(super) const REL_TYPE: u64 = 11;
/// A labels-only key's value, by the node's label set (`group_program.rs` only): several
/// sets may give one value, which then finds its group by the value.
pub(super) const LABEL_SET: u64 = 12;

/// Past this many entries a table stops growing (the inputs then find their groups by
/// their keys' values): keys that are nearly all distinct gain nothing from it.
const MAX_ENTRIES: usize = 1 << 20;

/// The table judges whether it pays over windows of this many inputs. A window where
/// fewer than half of the inputs found their group by their words, and whose misses were
/// more than half of the window before's, turns it off: the keys read values that are
/// nearly all distinct (`right(p.name, 1)` over distinct names), so packing and remembering
/// is work on top of evaluating the keys. Misses that halve from window to window are
/// reads running out of new combinations (`(m.year - p.year) / 10 * 10` over 1.5 million
/// memberships meets 4,375 pairs of years: 38% found in the first window, 74% in the
/// second, 99% by the sixth), so the table stays.
const WINDOW: u64 = 4096;

/// At most this many keys (or reads) are packed.
pub(super) const MAX_READS: usize = 4;

/// The packed keys of one input: their tags in the first word, a byte each, then each
/// one's payload. A fixed array, so that it hashes and compares inline.
type Words = [u64; MAX_READS + 1];

/// The groups found so far by their words, and the words of the input being grouped.
pub(super) struct WordGroups {
    words: Words,
    table: foldhash::HashMap<Words, usize>,
    /// The strings packed so far, each with its number.
    strings: Strings,
    /// Inputs looked up in the current window, and those found by their words.
    tried: u64,
    found: u64,
    /// The misses of the window before (`None` before the first ends).
    missed_before: Option<u64>,
    /// Set when a window showed the table does not pay: every input is then grouped by
    /// its keys' values.
    off: bool,
}

/// The strings packed so far, each with its number, and the bytes they keep that were not
/// counted yet.
#[derive(Default)]
pub(super) struct Strings {
    numbers: foldhash::HashMap<Box<str>, u64>,
    uncounted: u64,
}

impl Default for WordGroups {
    fn default() -> Self {
        WordGroups {
            words: [0; MAX_READS + 1],
            table: foldhash::HashMap::default(),
            strings: Strings::default(),
            tried: 0,
            found: 0,
            missed_before: None,
            off: false,
        }
    }
}

impl WordGroups {
    /// Whether the trial turned the table off.
    pub(super) fn is_off(&self) -> bool {
        self.off
    }

    /// Starts packing an input: no key yet.
    pub(super) fn clear(&mut self) {
        self.words = [0; MAX_READS + 1];
    }

    /// Puts key `i`'s packed `[tag, payload]`.
    pub(super) fn put(&mut self, i: usize, [tag, payload]: [u64; 2]) {
        if i < MAX_READS {
            self.words[0] |= tag << (8 * i);
            self.words[i + 1] = payload;
        }
    }

    /// The strings table, to pack a string key.
    pub(super) fn strings(&mut self) -> &mut Strings {
        &mut self.strings
    }

    /// Packs `values` (at most [`MAX_READS`]); false when one is of a kind not packed.
    pub(super) fn pack_values(&mut self, values: &[Value]) -> bool {
        if values.len() > MAX_READS {
            return false;
        }
        self.clear();
        for (i, value) in values.iter().enumerate() {
            let Some(words) = value_words(value, &mut self.strings) else { return false };
            self.put(i, words);
        }
        true
    }

    /// The group of the words packed last, if known.
    pub(super) fn find(&mut self) -> Option<usize> {
        let group = self.table.get(&self.words).copied();
        self.judge(group.is_some());
        group
    }

    /// Counts an input whose keys did not pack (a list among them) as not found, so that
    /// keys that never pack turn the table off too.
    pub(super) fn unpacked(&mut self) {
        self.judge(false);
    }

    /// Counts a lookup, and at the end of a window turns the table off when it does not pay.
    fn judge(&mut self, found: bool) {
        self.tried += 1;
        self.found += u64::from(found);
        if self.tried < WINDOW {
            return;
        }
        let missed = self.tried - self.found;
        let few_found = self.found * 2 < self.tried;
        // The first window is judged with the second: it has no misses to compare with.
        let not_running_out = self.missed_before.is_some_and(|before| missed * 2 > before);
        if few_found && not_running_out {
            self.off = true;
            self.table = foldhash::HashMap::default();
            self.strings = Strings::default();
        }
        self.missed_before = Some(missed);
        (self.tried, self.found) = (0, 0);
    }

    /// Forgets the groups remembered (the strings keep their numbers), for a new table of
    /// groups.
    pub(super) fn forget_groups(&mut self) {
        self.table.clear();
    }

    /// Keeps `group` as that of the words packed last; returns the bytes kept more.
    pub(super) fn remember(&mut self, group: usize) -> u64 {
        if self.off || self.table.len() >= MAX_ENTRIES {
            return 0;
        }
        self.table.insert(self.words, group);
        std::mem::size_of::<Words>() as u64 + 16 + std::mem::take(&mut self.strings.uncounted)
    }
}

/// `value` as `[tag, payload]`, when it is of a kind that packs (a string given its number
/// in `strings`; `None` once that table is full).
pub(super) fn value_words(value: &Value, strings: &mut Strings) -> Option<[u64; 2]> {
    Some(match value {
        Value::Null => [NULL, 0],
        Value::Bool(b) => [if *b { TRUE } else { FALSE }, 0],
        Value::Int(i) => number_words(Number::Int(*i)),
        Value::Float(f) => number_words(Number::Float(*f)),
        Value::String(s) => [STRING, strings.number(s)?],
        Value::Node(id) => [NODE, u64::from(id.0)],
        Value::Relationship(id) => [REL, u64::from(id.0)],
        _ => return None,
    })
}

pub(super) fn number_words(number: Number) -> [u64; 2] {
    match number {
        Number::Int(i) => [INT, i as u64],
        // By its bits: `0.0` and `-0.0`, and each NaN, pack apart (and meet by their values).
        Number::Float(f) => [FLOAT, f.to_bits()],
    }
}

impl Strings {
    /// The number of `text` among the strings seen, given it when it is new; `None` once
    /// the table is full (the input is then grouped by its keys' values).
    pub(super) fn number(&mut self, text: &str) -> Option<u64> {
        if let Some(&n) = self.numbers.get(text) {
            return Some(n);
        }
        if self.numbers.len() >= MAX_ENTRIES {
            return None;
        }
        let n = self.numbers.len() as u64;
        self.numbers.insert(text.into(), n);
        self.uncounted += text.len() as u64 + 32;
        Some(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::NodeId;

    fn packed(values: &[Value], groups: &mut WordGroups) -> Option<Words> {
        groups.pack_values(values).then_some(groups.words)
    }

    #[test]
    fn each_kind_packs_apart() {
        let mut groups = WordGroups::default();
        let values = [
            Value::Null,
            Value::Bool(false),
            Value::Int(1),
            Value::Float(1.0),
            Value::String("1".into()),
            Value::Node(NodeId(1)),
            Value::Float(-0.0),
            Value::Float(0.0),
        ];
        let words: Vec<Option<Words>> = values.iter().map(|v| packed(std::slice::from_ref(v), &mut groups)).collect();
        for (i, a) in words.iter().enumerate() {
            assert!(a.is_some());
            for b in &words[i + 1..] {
                assert_ne!(a, b);
            }
        }
    }

    #[test]
    fn equal_inputs_find_the_group_remembered() {
        let mut groups = WordGroups::default();
        let key = [Value::String("a".into()), Value::Int(3)];
        assert!(groups.pack_values(&key));
        assert_eq!(groups.find(), None);
        groups.remember(7);
        assert!(groups.pack_values(&[Value::String("a".into()), Value::Int(3)]));
        assert_eq!(groups.find(), Some(7));
        assert!(groups.pack_values(&[Value::String("b".into()), Value::Int(3)]));
        assert_eq!(groups.find(), None);
    }

    #[test]
    fn lists_and_long_keys_do_not_pack() {
        let mut groups = WordGroups::default();
        assert!(!groups.pack_values(&[Value::list(vec![Value::Int(1)])]));
        assert!(!groups.pack_values(&vec![Value::Int(1); MAX_READS + 1]));
    }

    /// Looks up the integer `key(i)` of each input `i` of `range`, remembering the new ones.
    fn feed(groups: &mut WordGroups, range: std::ops::Range<u64>, key: impl Fn(u64) -> i64) {
        for i in range {
            if groups.is_off() {
                return;
            }
            assert!(groups.pack_values(&[Value::Int(key(i))]));
            if groups.find().is_none() {
                groups.remember(0);
            }
        }
    }

    #[test]
    fn distinct_keys_turn_the_table_off_after_two_windows() {
        let mut groups = WordGroups::default();
        feed(&mut groups, 0..WINDOW, |i| i as i64);
        assert!(!groups.is_off());
        feed(&mut groups, WINDOW..2 * WINDOW, |i| i as i64);
        assert!(groups.is_off());
    }

    #[test]
    fn keys_running_out_of_new_values_keep_the_table() {
        // 3,000 distinct values drawn in turn: most of the first window is new, little after.
        let mut groups = WordGroups::default();
        feed(&mut groups, 0..8 * WINDOW, |i| ((i * 7919) % 3000) as i64);
        assert!(!groups.is_off());
    }

    #[test]
    fn keys_that_never_pack_turn_the_table_off() {
        let mut groups = WordGroups::default();
        for _ in 0..2 * WINDOW {
            assert!(!groups.pack_values(&[Value::list(vec![Value::Int(1)])]));
            groups.unpacked();
        }
        assert!(groups.is_off());
    }
}
