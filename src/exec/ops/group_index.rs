//! `Groups`' table while every key packs into words that are equal exactly when the keys
//! are (a null, a boolean, an integer, a node or a relationship: `WITH c, p, count(*)`,
//! `o.id`): a group is found by one hash of a few integers, its key kept once in a flat
//! array, with no `Vec<Value>` per group and no hashing or comparing of `Value`s.
//! A float (`1 = 1.0`, `0.0 = -0.0`), a string or any other kind turns it into the table
//! by values (`into_values`), which goes on from there.
//!
//! A key of one node (`WITH p, collect(…)`) is found without hashing once there are many
//! groups: an array by node id, from the least node of the first groups on, holds its
//! group (`ByNode`), as long as the ids stay within a few times the number of groups (so that a few groups of far-apart nodes, or the
//! small tables a `GroupFold` makes run by run, never fill a large array); the first
//! groups, and a node past that reach, go into the hashed table, where its later inputs
//! find it. Grouping half a million
//! people met through 1.5 million memberships in no order of theirs hashed and compared a
//! 40-byte key per input (workload11 any_over_collected_whole_label).

use super::group_words::{FALSE, INT, MAX_READS, NODE, NULL, REL, TRUE};
use crate::store::NodeId;
use crate::value::Value;

/// The packed keys of one input: their tags in the first word, a byte each, then each
/// one's payload.
type Words = [u64; MAX_READS + 1];

#[derive(Default)]
pub(super) struct PackedGroups {
    table: foldhash::HashMap<Words, usize>,
    /// The groups of keys of one node, by node id (see the module comment).
    by_node: ByNode,
    /// Every group's key values, group after group (`width` each), in group order.
    keys: Vec<Value>,
    width: usize,
    /// The number of groups, in the table and in `by_node`.
    n_groups: usize,
    /// Whether a node's group went into the table (its id past the array's reach then).
    nodes_in_table: bool,
    /// The last input's words and group: inputs often come grouped.
    last: Option<(Words, usize)>,
}

impl PackedGroups {
    /// The number of groups.
    pub(super) fn len(&self) -> usize {
        self.n_groups
    }

    /// The group of `key` and whether it is new (its key kept); `None` when `key` does not
    /// pack (nothing changed then).
    pub(super) fn group_of(&mut self, key: &[Value]) -> Option<(usize, bool)> {
        if let [Value::Node(id)] = key {
            if let Some(group) = self.by_node.get(*id) {
                return Some((group, false));
            }
        }
        let words = pack(key)?;
        if let Some((last, group)) = self.last {
            if last == words {
                return Some((group, false));
            }
        }
        let n = self.n_groups;
        let group = match key {
            [Value::Node(id)] => self.node_group(*id, words, n),
            _ => self.table_group(words, n),
        };
        let new = group.is_none();
        if new {
            self.n_groups += 1;
            self.width = key.len();
            self.keys.extend_from_slice(key);
        }
        let group = group.unwrap_or(n);
        self.last = Some((words, group));
        Some((group, new))
    }

    /// The group of a key of node `id` (packed as `words`) not in `by_node`; `None` when
    /// it is new, and then made group `n`, in `by_node` if the array may reach it.
    fn node_group(&mut self, id: NodeId, words: Words, n: usize) -> Option<usize> {
        if self.nodes_in_table {
            // It may have gone to the table before the array reached it.
            if let Some(&group) = self.table.get(&words) {
                return Some(group);
            }
        }
        if !self.by_node.started() && n >= ByNode::MIN_GROUPS {
            // The array starts at the least node of the groups so far: a label's nodes may
            // lie anywhere in the id space (organizations after half a million people).
            let least = self.keys.iter().filter_map(|k| if let Value::Node(id) = k { Some(id.0) } else { None }).min();
            self.by_node.start_at(least.unwrap_or(id.0).min(id.0));
        }
        if self.nodes_in_table && self.by_node.started() && n.is_power_of_two() {
            self.move_nodes_to_array(n);
        }
        if self.by_node.insert(id, n, n) {
            return None;
        }
        self.nodes_in_table = true;
        self.table_group(words, n)
    }

    /// Moves the groups of one-node keys that the array now reaches (with `n_groups` made)
    /// out of the table, so that their inputs are found without hashing: nodes met in no
    /// order went to the table while the array's reach was short. Done as the groups
    /// double, so each group moves at most once and the sweeps cost a pass per doubling.
    fn move_nodes_to_array(&mut self, n_groups: usize) {
        let by_node = &mut self.by_node;
        self.table.retain(|words, group| {
            let one_node = words[0] == NODE && words[2..].iter().all(|w| *w == 0);
            let Ok(id) = u32::try_from(words[1]) else { return true };
            !(one_node && by_node.insert(NodeId(id), *group, n_groups))
        });
        self.nodes_in_table = self.table.keys().any(|words| words[0] == NODE);
    }

    /// The group of `words` in the table; `None` when it is new, and then made group `n`.
    fn table_group(&mut self, words: Words, n: usize) -> Option<usize> {
        match self.table.entry(words) {
            std::collections::hash_map::Entry::Occupied(entry) => Some(*entry.get()),
            std::collections::hash_map::Entry::Vacant(entry) => {
                entry.insert(n);
                None
            }
        }
    }

    /// The groups' keys by their values, each with its group.
    pub(super) fn into_values(self) -> foldhash::HashMap<Vec<Value>, usize> {
        self.into_keys().enumerate().map(|(group, key)| (key, group)).collect()
    }

    /// The groups' keys in group order.
    pub(super) fn into_keys(self) -> impl Iterator<Item = Vec<Value>> {
        let (width, n) = (self.width, self.n_groups);
        let mut values = self.keys.into_iter();
        (0..n).map(move |_| values.by_ref().take(width).collect())
    }
}

/// The groups of one-node keys by node id: entry `id - base` holds the group plus one (0:
/// none).
#[derive(Default)]
struct ByNode {
    groups: Vec<u32>,
    /// The least id the array holds (`None`: not started, nothing in it).
    base: Option<u32>,
}

impl ByNode {
    /// The array stays within this many entries per group, and is used from this many
    /// groups on.
    const PER_GROUP: usize = 4;
    const MIN_GROUPS: usize = 4096;

    fn get(&self, id: NodeId) -> Option<usize> {
        let i = id.0.checked_sub(self.base?)?;
        match self.groups.get(i as usize) {
            Some(&g) if g > 0 => Some(g as usize - 1),
            _ => None,
        }
    }

    fn started(&self) -> bool {
        self.base.is_some()
    }

    /// Starts the array at node `base`: ids below it stay out of it.
    fn start_at(&mut self, base: u32) {
        self.base = Some(base);
    }

    /// Puts `group` for node `id` when the array may reach it with `n_groups` groups made;
    /// false (nothing changed) when it may not (or is not started).
    fn insert(&mut self, id: NodeId, group: usize, n_groups: usize) -> bool {
        let Some(i) = self.base.and_then(|base| id.0.checked_sub(base)) else { return false };
        let i = i as usize;
        if n_groups < Self::MIN_GROUPS {
            return false;
        }
        let bound = (n_groups + 1).saturating_mul(Self::PER_GROUP);
        let Ok(entry) = u32::try_from(group + 1) else { return false };
        if i >= bound {
            return false;
        }
        if i >= self.groups.len() {
            // Grown to the bound at once when near it, so that it is copied few times.
            let len = (i + 1).max(self.groups.len() * 2).min(bound);
            self.groups.resize(len, 0);
        }
        self.groups[i] = entry;
        true
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
    fn node_keys_near_and_far_find_their_groups_in_either_place() {
        let mut groups = PackedGroups::default();
        // A far node goes to the table before the array may reach it, and is found there
        // once the array has grown past it.
        let far = 7 * ByNode::MIN_GROUPS as u32;
        let mut ids: Vec<u32> = vec![far, 7, far + 1, 7, 3];
        ids.extend(0..(5 * ByNode::MIN_GROUPS as u32));
        ids.extend([far + 5, far, far + 1, 7]);
        let mut expected = std::collections::HashMap::new();
        for id in ids {
            let n = groups.len();
            let (group, new) = groups.group_of(&[Value::Node(NodeId(id))]).unwrap_or_default();
            let want = *expected.entry(id).or_insert(n);
            assert_eq!((group, new), (want, want == n), "node {id}");
        }
        assert_eq!(groups.len(), expected.len());
        let keys: Vec<Vec<Value>> = groups.into_keys().collect();
        for (id, group) in expected {
            assert_eq!(keys[group], [Value::Node(NodeId(id))]);
        }
    }

    #[test]
    fn nodes_far_into_the_id_space_are_found_in_the_array_from_the_least() {
        // A label's nodes after many others (organizations after the people), met in no
        // order: the array starts at the least of them, not at id 0.
        let base = 600_000_u32;
        let n = 5 * ByNode::MIN_GROUPS as u32;
        let ids: Vec<u32> = (0..n).map(|i| base + (i * 7919) % n).chain((0..n).map(|i| base + i)).collect();
        let mut groups = PackedGroups::default();
        let mut expected = std::collections::HashMap::new();
        for id in ids {
            let before = groups.len();
            let (group, new) = groups.group_of(&[Value::Node(NodeId(id))]).unwrap_or_default();
            let want = *expected.entry(id).or_insert(before);
            assert_eq!((group, new), (want, want == before), "node {id}");
        }
        assert_eq!(groups.len(), n as usize);
        assert!(!groups.by_node.groups.is_empty() && groups.by_node.groups.len() <= 4 * n as usize);
        assert_eq!(groups.by_node.get(NodeId(base - 1)), None);
        // Those that went to the table while the array's reach was short moved into it.
        assert!(!groups.nodes_in_table && groups.table.is_empty(), "{} in the table", groups.table.len());
    }

    #[test]
    fn few_groups_of_far_nodes_make_no_array() {
        let mut groups = PackedGroups::default();
        for id in [9_000_000, 12, 9_000_000, 40_000] {
            groups.group_of(&[Value::Node(NodeId(id))]);
        }
        assert_eq!(groups.len(), 3);
        assert!(groups.by_node.groups.is_empty());
    }

    #[test]
    fn node_keys_beside_other_keys_of_one_value() {
        let mut groups = PackedGroups::default();
        let keys = [Value::Node(NodeId(2)), Value::Null, Value::Int(2), Value::Node(NodeId(2)), Value::Null];
        let found: Vec<Option<(usize, bool)>> = keys.iter().map(|k| groups.group_of(std::slice::from_ref(k))).collect();
        assert_eq!(found, [Some((0, true)), Some((1, true)), Some((2, true)), Some((0, false)), Some((1, false))]);
        assert_eq!(groups.into_values().len(), 3);
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
