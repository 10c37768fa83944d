//! Indexes the store keeps in step with every write: which nodes carry each label
//! (a bitset over node ids), and the unique key of each node type (a hash map from
//! key value to node).

use std::collections::hash_map::Entry;

use super::{LabelId, NodeId, PropKeyId};
use crate::value::Value;

/// A growable set of small integers.
#[derive(Debug, Clone, Default)]
pub struct BitSet {
    words: Vec<u64>,
    len: usize,
}

impl BitSet {
    pub fn insert(&mut self, i: u32) -> bool {
        let (word, bit) = (i as usize / 64, i % 64);
        if self.words.len() <= word {
            self.words.resize(word + 1, 0);
        }
        let was = self.words[word] & (1 << bit) != 0;
        self.words[word] |= 1 << bit;
        if !was {
            self.len += 1;
        }
        !was
    }

    pub fn remove(&mut self, i: u32) -> bool {
        let (word, bit) = (i as usize / 64, i % 64);
        match self.words.get_mut(word) {
            Some(w) if *w & (1 << bit) != 0 => {
                *w &= !(1 << bit);
                self.len -= 1;
                true
            }
            _ => false,
        }
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The set whose members are the set bits of `words` (bit `i % 64` of word `i / 64`).
    pub fn from_words(words: Vec<u64>) -> BitSet {
        let len = words.iter().map(|w| w.count_ones() as usize).sum();
        BitSet { words, len }
    }

    #[inline]
    pub fn contains(&self, i: u32) -> bool {
        self.words.get(i as usize / 64).is_some_and(|w| w & (1 << (i % 64)) != 0)
    }

    /// Appends the members to `out`, in order: a loop over the words, for callers that
    /// take them all at once.
    pub fn append_to<T>(&self, out: &mut Vec<T>, item: impl Fn(u32) -> T) {
        out.reserve(self.len);
        for (wi, &word) in self.words.iter().enumerate() {
            let mut w = word;
            while w != 0 {
                out.push(item(wi as u32 * 64 + w.trailing_zeros()));
                w &= w - 1;
            }
        }
    }

    pub fn iter(&self) -> impl Iterator<Item = u32> + '_ {
        self.words.iter().enumerate().flat_map(|(wi, &word)| {
            let mut w = word;
            std::iter::from_fn(move || {
                if w == 0 {
                    return None;
                }
                let bit = w.trailing_zeros();
                w &= w - 1;
                Some(wi as u32 * 64 + bit)
            })
        })
    }
}

/// Label → the live nodes carrying it.
#[derive(Debug, Clone, Default)]
pub struct LabelIndex {
    by_label: Vec<BitSet>,
}

impl LabelIndex {
    pub fn insert(&mut self, label: LabelId, node: NodeId) {
        let i = label.0 as usize;
        if self.by_label.len() <= i {
            self.by_label.resize_with(i + 1, BitSet::default);
        }
        self.by_label[i].insert(node.0);
    }

    pub fn remove(&mut self, label: LabelId, node: NodeId) {
        if let Some(set) = self.by_label.get_mut(label.0 as usize) {
            set.remove(node.0);
        }
    }

    /// The nodes of `label`, in id order, as a vector.
    pub fn node_vec(&self, label: LabelId) -> Vec<NodeId> {
        let mut nodes = Vec::new();
        if let Some(set) = self.by_label.get(label.0 as usize) {
            set.append_to(&mut nodes, NodeId);
        }
        nodes
    }

    pub fn nodes(&self, label: LabelId) -> impl Iterator<Item = NodeId> + '_ {
        self.by_label.get(label.0 as usize).into_iter().flat_map(|s| s.iter().map(NodeId))
    }

    #[inline]
    pub fn contains(&self, label: LabelId, node: NodeId) -> bool {
        self.by_label.get(label.0 as usize).is_some_and(|set| set.contains(node.0))
    }

    pub fn count(&self, label: LabelId) -> usize {
        self.by_label.get(label.0 as usize).map_or(0, BitSet::len)
    }
}

/// (label, key property) → key value → node, for every node type that declares a key.
#[derive(Debug, Clone, Default)]
pub struct KeyIndex {
    /// foldhash rather than the standard SipHash: a load inserts a million keys, and
    /// hashing was a fifth of placing a node.
    by_type: foldhash::HashMap<(LabelId, PropKeyId), foldhash::HashMap<Value, NodeId>>,
}

impl KeyIndex {
    pub fn declare(&mut self, label: LabelId, key: PropKeyId) {
        self.by_type.entry((label, key)).or_default();
    }

    pub fn drop_key(&mut self, label: LabelId, key: PropKeyId) {
        self.by_type.remove(&(label, key));
    }

    /// Makes room for `n` more nodes of type `label`, to spare a load the rehashing.
    pub fn reserve(&mut self, label: LabelId, n: usize) {
        for ((l, _), map) in self.by_type.iter_mut() {
            if *l == label {
                map.reserve(n);
            }
        }
    }

    pub fn is_indexed(&self, label: LabelId, key: PropKeyId) -> bool {
        self.by_type.contains_key(&(label, key))
    }

    pub fn get(&self, label: LabelId, key: PropKeyId, value: &Value) -> Option<NodeId> {
        self.by_type.get(&(label, key))?.get(value).copied()
    }

    /// Records `node` under `value`; returns the node that already holds it, if another does.
    pub fn insert(&mut self, label: LabelId, key: PropKeyId, value: Value, node: NodeId) -> Option<NodeId> {
        match self.by_type.get_mut(&(label, key))?.entry(value) {
            Entry::Occupied(held) if *held.get() != node => Some(*held.get()),
            Entry::Occupied(_) => None,
            Entry::Vacant(free) => {
                free.insert(node);
                None
            }
        }
    }

    pub fn remove(&mut self, label: LabelId, key: PropKeyId, value: &Value, node: NodeId) {
        if let Some(map) = self.by_type.get_mut(&(label, key)) {
            if map.get(value) == Some(&node) {
                map.remove(value);
            }
        }
    }

    pub fn keys(&self) -> impl Iterator<Item = (LabelId, PropKeyId)> + '_ {
        self.by_type.keys().copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bitset_tracks_membership_and_len() {
        let mut set = BitSet::default();
        assert!(set.insert(3));
        assert!(set.insert(130));
        assert!(!set.insert(3));
        assert_eq!(set.iter().collect::<Vec<_>>(), vec![3, 130]);
        assert!(set.remove(3));
        assert!(!set.remove(3));
        assert_eq!(set.len(), 1);
    }
}
