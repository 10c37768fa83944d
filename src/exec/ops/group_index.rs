//! `Groups`' table while every key packs into words that are equal exactly when the keys
//! are (a null, a boolean, an integer, a node or a relationship: `WITH c, p, count(*)`,
//! `o.id`): a group is found by one hash of a few integers, its key kept once in a flat
//! array, with no `Vec<Value>` per group and no hashing or comparing of `Value`s.
//! A float (`1 = 1.0`, `0.0 = -0.0`), a string or any other kind turns it into the table
//! by values (`into_values`), which goes on from there.

use super::group_words::{FALSE, INT, MAX_READS, NODE, NULL, REL, TRUE};
use crate::value::Value;

/// The packed keys of one input: their tags in the first word, a byte each, then each
/// one's payload.
type Words = [u64; MAX_READS + 1];

#[derive(Default)]
pub(super) struct PackedGroups {
    table: foldhash::HashMap<Words, usize>,
    /// Every group's key values, group after group (`width` each), in group order.
    keys: Vec<Value>,
    width: usize,
    /// The last input's words and group: inputs often come grouped.
    last: Option<(Words, usize)>,
}

impl PackedGroups {
    /// The number of groups.
    pub(super) fn len(&self) -> usize {
        self.table.len()
    }

    /// The group of `key` and whether it is new (its key kept); `None` when `key` does not
    /// pack (nothing changed then).
    pub(super) fn group_of(&mut self, key: &[Value]) -> Option<(usize, bool)> {
        let words = pack(key)?;
        if let Some((last, group)) = self.last {
            if last == words {
                return Some((group, false));
            }
        }
        let n = self.table.len();
        let (group, new) = match self.table.entry(words) {
            std::collections::hash_map::Entry::Occupied(entry) => (*entry.get(), false),
            std::collections::hash_map::Entry::Vacant(entry) => (*entry.insert(n), true),
        };
        if new {
            self.width = key.len();
            self.keys.extend_from_slice(key);
        }
        self.last = Some((words, group));
        Some((group, new))
    }

    /// The groups' keys by their values, each with its group.
    pub(super) fn into_values(self) -> foldhash::HashMap<Vec<Value>, usize> {
        self.into_keys().enumerate().map(|(group, key)| (key, group)).collect()
    }

    /// The groups' keys in group order.
    pub(super) fn into_keys(self) -> impl Iterator<Item = Vec<Value>> {
        let (width, n) = (self.width, self.table.len());
        let mut values = self.keys.into_iter();
        (0..n).map(move |_| values.by_ref().take(width).collect())
    }
}

/// `key` packed, when every value is of a kind whose words are equal exactly when the
/// values are equal as grouping keys.
fn pack(key: &[Value]) -> Option<Words> {
    if key.len() > MAX_READS {
        return None;
    }
    let mut words = [0; MAX_READS + 1];
    for (i, value) in key.iter().enumerate() {
        let (tag, payload) = match value {
            Value::Null => (NULL, 0),
            Value::Bool(false) => (FALSE, 0),
            Value::Bool(true) => (TRUE, 0),
            Value::Int(n) => (INT, *n as u64),
            Value::Node(id) => (NODE, u64::from(id.0)),
            Value::Relationship(id) => (REL, u64::from(id.0)),
            _ => return None,
        };
        words[0] |= tag << (8 * i);
        words[i + 1] = payload;
    }
    Some(words)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::NodeId;

    #[test]
    fn keys_find_their_groups_in_order_and_come_back_whole() {
        let mut groups = PackedGroups::default();
        let keys = [
            vec![Value::Node(NodeId(3)), Value::Int(1)],
            vec![Value::Node(NodeId(3)), Value::Null],
            vec![Value::Node(NodeId(3)), Value::Int(1)],
            vec![Value::Int(3), Value::Int(1)],
            vec![Value::Node(NodeId(3)), Value::Null],
        ];
        let found: Vec<Option<(usize, bool)>> = keys.iter().map(|k| groups.group_of(k)).collect();
        assert_eq!(found, [Some((0, true)), Some((1, true)), Some((0, false)), Some((2, true)), Some((1, false))]);
        let back: Vec<Vec<Value>> = groups.into_keys().collect();
        assert_eq!(back, [keys[0].clone(), keys[1].clone(), keys[3].clone()]);
    }

    #[test]
    fn floats_and_strings_do_not_pack() {
        let mut groups = PackedGroups::default();
        assert_eq!(groups.group_of(&[Value::Float(1.0)]), None);
        assert_eq!(groups.group_of(&[Value::Int(1), Value::string("a")]), None);
        assert_eq!(groups.len(), 0);
    }

    #[test]
    fn the_table_by_values_finds_the_same_groups() {
        let mut groups = PackedGroups::default();
        groups.group_of(&[Value::Int(7)]);
        groups.group_of(&[Value::Bool(true)]);
        let values = groups.into_values();
        assert_eq!(values.get(&vec![Value::Float(7.0)]), Some(&0));
        assert_eq!(values.get(&vec![Value::Bool(true)]), Some(&1));
    }
}
