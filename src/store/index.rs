//! Indexes the store keeps in step with every write: which nodes carry each label
//! (a bitset over node ids), and the unique key of each node type (a hash table of node
//! ids, found by key value).

use std::hash::BuildHasher;

use hashbrown::hash_table::{Entry, HashTable};

use super::{LabelId, NodeId, PropKeyId, PropertyTable};
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

    /// Heap bytes held.
    pub fn heap_bytes(&self) -> usize {
        self.words.capacity() * 8
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

    /// Sets `out` (a bit per element, `len` of them) to whether `start + i` is a member:
    /// a run of the set copied a word at a time, for loops over consecutive ids.
    pub fn copy_bits(&self, start: u32, len: usize, out: &mut [u64]) {
        let word = |i: usize| self.words.get(i).copied().unwrap_or(0);
        let (first, shift) = (start as usize / 64, start % 64);
        for (k, slot) in out.iter_mut().enumerate().take(len.div_ceil(64)) {
            let low = word(first + k) >> shift;
            let high = if shift == 0 { 0 } else { word(first + k + 1) << (64 - shift) };
            *slot = low | high;
        }
        if !len.is_multiple_of(64) {
            if let Some(last) = out.get_mut(len / 64) {
                *last &= (1u64 << (len % 64)) - 1;
            }
        }
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

    /// Where to cut the members into `parts` ranges of about as many each: the first
    /// member of each range but the first, in order, each at a word's start (so a range
    /// is whole words of the set). Fewer cuts when the set has fewer words than parts.
    pub fn cuts(&self, parts: usize) -> Vec<u32> {
        let mut cuts = Vec::new();
        let mut seen = 0;
        for (wi, word) in self.words.iter().enumerate() {
            let due = (cuts.len() + 1) * self.len / parts.max(1);
            if cuts.len() + 1 < parts && seen >= due && seen > 0 {
                cuts.push(u32::try_from(wi * 64).unwrap_or(u32::MAX));
            }
            seen += word.count_ones() as usize;
        }
        cuts
    }

    /// Appends the members from `from` on to `out`, in order, up to `limit` of them or a
    /// little more (whole words are taken, 64 ids at most past the limit): for scans
    /// that take a chunk at a time. Returns where the next chunk starts.
    pub fn append_from<T>(&self, from: u32, limit: usize, out: &mut Vec<T>, item: impl Fn(u32) -> T) -> u32 {
        let start = out.len();
        let mut wi = from as usize / 64;
        // The first word without the members before `from`.
        let mut mask = u64::MAX.checked_shl(from % 64).unwrap_or(0);
        while let Some(&word) = self.words.get(wi) {
            if out.len() - start >= limit {
                break;
            }
            let mut w = word & mask;
            while w != 0 {
                out.push(item(wi as u32 * 64 + w.trailing_zeros()));
                w &= w - 1;
            }
            (wi, mask) = (wi + 1, u64::MAX);
        }
        u32::try_from(wi * 64).unwrap_or(u32::MAX)
    }

    /// How many members the set shares with `other`: a word at a time.
    pub fn count_common(&self, other: &BitSet) -> usize {
        self.words.iter().zip(&other.words).map(|(a, b)| (a & b).count_ones() as usize).sum()
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

    /// Where to cut `label`'s nodes into `parts` ranges of ids of about as many nodes each
    /// ([`BitSet::cuts`]).
    pub fn cuts(&self, label: LabelId, parts: usize) -> Vec<u32> {
        self.by_label.get(label.0 as usize).map_or_else(Vec::new, |set| set.cuts(parts))
    }

    /// The nodes of `label` from `from` on, about `limit` of them, appended to `out`
    /// (see [`BitSet::append_from`]); where the next chunk starts.
    pub fn append_nodes_from(&self, label: LabelId, from: u32, limit: usize, out: &mut Vec<NodeId>) -> u32 {
        match self.by_label.get(label.0 as usize) {
            Some(set) => set.append_from(from, limit, out, NodeId),
            None => u32::MAX,
        }
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

    /// The live nodes carrying `label`, as a set (`None` when no node ever carried it).
    pub fn members(&self, label: LabelId) -> Option<&BitSet> {
        self.by_label.get(label.0 as usize)
    }

    /// Heap bytes held.
    pub fn heap_bytes(&self) -> usize {
        self.by_label.iter().map(BitSet::heap_bytes).sum()
    }
}

/// (label, key property) → the node holding each key value, for every node type that
/// declares a key.
///
/// A table holds bare node ids, each filed under the hash of the node's key value; a
/// probe compares against the value in the node property table instead of a copy kept
/// here. That is 5 bytes a bucket (the id and hashbrown's control byte) instead of about
/// 33 for a `Value` beside the id: at a million keys, 10 MB instead of 70.
///
/// The price is an order of writes: an id must stay filed under the value its column
/// holds. A caller changing or clearing a node's key value first writes the column, then
/// takes the node out under the old value (`remove` finds it by that value's hash and
/// the id, reading no column) and puts it back in (`insert` reads the new value from the
/// column). Growing a table rehashes its ids from their columns.
#[derive(Debug, Clone, Default)]
pub struct KeyIndex {
    /// One seed for every table, so that a value hashes alike for as long as the index
    /// lives. foldhash rather than the standard SipHash: a load inserts a million keys,
    /// and hashing was a fifth of placing a node.
    hasher: foldhash::fast::RandomState,
    by_type: foldhash::HashMap<(LabelId, PropKeyId), HashTable<NodeId>>,
}

impl KeyIndex {
    pub fn declare(&mut self, label: LabelId, key: PropKeyId) {
        self.by_type.entry((label, key)).or_default();
    }

    pub fn drop_key(&mut self, label: LabelId, key: PropKeyId) {
        self.by_type.remove(&(label, key));
    }

    /// Makes room for `n` more nodes of type `label`, to spare a load the rehashing.
    pub fn reserve(&mut self, label: LabelId, n: usize, props: &PropertyTable) {
        let hasher = &self.hasher;
        for (&(l, key), table) in self.by_type.iter_mut() {
            if l == label {
                table.reserve(n, |&id| rehash(hasher, props, key, id));
            }
        }
    }

    pub fn is_indexed(&self, label: LabelId, key: PropKeyId) -> bool {
        self.by_type.contains_key(&(label, key))
    }

    /// The node filed under `value`, its key value being read from `props`.
    pub fn get(&self, label: LabelId, key: PropKeyId, value: &Value, props: &PropertyTable) -> Option<NodeId> {
        let table = self.by_type.get(&(label, key))?;
        table.find(self.hasher.hash_one(value), |&id| props.holds_value(id.0, key, value)).copied()
    }

    /// Files `node` under the value `props` holds for it, if any; returns the node that
    /// already holds that value, if another does (and then leaves `node` out).
    pub fn insert(&mut self, label: LabelId, key: PropKeyId, node: NodeId, props: &PropertyTable) -> Option<NodeId> {
        let table = self.by_type.get_mut(&(label, key))?;
        let value = props.get(node.0, key)?;
        let hasher = &self.hasher;
        let same = |&id: &NodeId| props.holds_value(id.0, key, &value);
        match table.entry(hasher.hash_one(&value), same, |&id| rehash(hasher, props, key, id)) {
            Entry::Occupied(held) if *held.get() != node => Some(*held.get()),
            Entry::Occupied(_) => None,
            Entry::Vacant(free) => {
                free.insert(node);
                None
            }
        }
    }

    /// Takes `node` out from under `value`, the key value it was filed under. Reads no
    /// column, so the column may hold another value (or none) by now.
    pub fn remove(&mut self, label: LabelId, key: PropKeyId, value: &Value, node: NodeId) {
        if let Some(table) = self.by_type.get_mut(&(label, key)) {
            if let Ok(entry) = table.find_entry(self.hasher.hash_one(value), |&id| id == node) {
                entry.remove();
            }
        }
    }

    pub fn keys(&self) -> impl Iterator<Item = (LabelId, PropKeyId)> + '_ {
        self.by_type.keys().copied()
    }

    /// Heap bytes held, about: a table's buckets are an id and a control byte each.
    pub fn heap_bytes(&self) -> usize {
        let buckets = |n: usize| if n == 0 { 0 } else { (n * 8 / 7).next_power_of_two() };
        self.by_type.values().map(|t| buckets(t.capacity()) * (std::mem::size_of::<NodeId>() + 1)).sum()
    }
}

/// The hash a filed node's id is kept under when its table grows.
fn rehash(hasher: &foldhash::fast::RandomState, props: &PropertyTable, key: PropKeyId, id: NodeId) -> u64 {
    // A filed node always holds a value; without one it has nothing to be found by, and
    // any hash will do.
    props.get(id.0, key).map_or(0, |value| hasher.hash_one(&value))
}

#[cfg(test)]
mod tests {

    #[test]
    fn cuts_split_the_members_into_ranges_of_about_as_many() {
        let mut set = BitSet::default();
        (0..1000).filter(|i| i % 3 != 0).for_each(|i| {
            set.insert(i);
        });
        let cuts = set.cuts(2);
        assert_eq!(cuts.len(), 1);
        let below = (0..cuts[0]).filter(|&i| set.contains(i)).count();
        assert!(below.abs_diff(set.len() - below) <= 64, "{below} of {}", set.len());
        assert!(cuts[0] % 64 == 0);
        // A set of one word cannot be cut; an empty one neither.
        let mut small = BitSet::default();
        small.insert(3);
        assert!(small.cuts(2).is_empty());
        assert!(BitSet::default().cuts(4).is_empty());
        let four = set.cuts(4);
        assert!(four.windows(2).all(|w| w[0] < w[1]) && four.len() == 3, "{four:?}");
    }

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

    const LABEL: LabelId = LabelId(0);
    const KEY: PropKeyId = PropKeyId(0);

    /// A key index over one (label, key) and the column it reads.
    #[derive(Default)]
    struct Keyed {
        index: KeyIndex,
        props: PropertyTable,
    }

    impl Keyed {
        fn new() -> Keyed {
            let mut keyed = Keyed::default();
            keyed.index.declare(LABEL, KEY);
            keyed
        }

        /// Sets a node's key value in the order `Graph::set_node_property_raw` does:
        /// the column first, then out under the old value and in under the new.
        fn set(&mut self, node: u32, value: Option<Value>) -> Option<NodeId> {
            let old = self.props.set(node, KEY, value);
            if let Some(old) = &old {
                self.index.remove(LABEL, KEY, old, NodeId(node));
            }
            self.index.insert(LABEL, KEY, NodeId(node), &self.props)
        }

        fn get(&self, value: Value) -> Option<NodeId> {
            self.index.get(LABEL, KEY, &value, &self.props)
        }
    }

    #[test]
    fn a_key_is_found_until_it_is_removed() {
        let mut keyed = Keyed::new();
        assert_eq!(keyed.set(1, Some(Value::string("a"))), None);
        assert_eq!(keyed.set(2, Some(Value::string("b"))), None);
        assert_eq!(keyed.get(Value::string("a")), Some(NodeId(1)));
        assert_eq!(keyed.get(Value::string("b")), Some(NodeId(2)));
        assert_eq!(keyed.get(Value::string("c")), None);
        // Filing a node again under the value it holds changes nothing.
        assert_eq!(keyed.index.insert(LABEL, KEY, NodeId(1), &keyed.props), None);
        assert_eq!(keyed.set(1, None), None);
        assert_eq!(keyed.get(Value::string("a")), None);
        assert_eq!(keyed.get(Value::string("b")), Some(NodeId(2)));
        // A node with no value is not filed, and removing what is not filed is harmless.
        assert_eq!(keyed.index.insert(LABEL, KEY, NodeId(3), &keyed.props), None);
        keyed.index.remove(LABEL, KEY, &Value::string("b"), NodeId(3));
        assert_eq!(keyed.get(Value::string("b")), Some(NodeId(2)));
        // An undeclared key indexes nothing.
        let other = PropKeyId(1);
        assert!(!keyed.index.is_indexed(LABEL, other));
        assert_eq!(keyed.index.insert(LABEL, other, NodeId(2), &keyed.props), None);
        keyed.index.drop_key(LABEL, KEY);
        assert_eq!(keyed.get(Value::string("b")), None);
    }

    #[test]
    fn a_value_another_node_holds_is_reported_and_left_to_it() {
        let mut keyed = Keyed::new();
        assert_eq!(keyed.set(1, Some(Value::Int(7))), None);
        assert_eq!(keyed.set(2, Some(Value::Int(7))), Some(NodeId(1)));
        assert_eq!(keyed.get(Value::Int(7)), Some(NodeId(1)));
        // Undoing the second node's write leaves the first filed.
        assert_eq!(keyed.set(2, None), None);
        assert_eq!(keyed.get(Value::Int(7)), Some(NodeId(1)));
        assert_eq!(keyed.set(2, Some(Value::Int(8))), None);
        assert_eq!(keyed.get(Value::Int(8)), Some(NodeId(2)));
    }

    #[test]
    fn a_changed_key_is_found_by_its_new_value_only() {
        let mut keyed = Keyed::new();
        keyed.set(1, Some(Value::string("Russia")));
        keyed.set(2, Some(Value::string("Belarus")));
        assert_eq!(keyed.set(1, Some(Value::string("Russian Federation"))), None);
        assert_eq!(keyed.get(Value::string("Russia")), None);
        assert_eq!(keyed.get(Value::string("Russian Federation")), Some(NodeId(1)));
        // The freed value may be taken by another node, and a type change is a change too.
        assert_eq!(keyed.set(2, Some(Value::string("Russia"))), None);
        assert_eq!(keyed.get(Value::string("Russia")), Some(NodeId(2)));
        assert_eq!(keyed.set(2, Some(Value::Int(3))), None);
        assert_eq!(keyed.get(Value::string("Russia")), None);
        assert_eq!(keyed.get(Value::Int(3)), Some(NodeId(2)));
    }

    #[test]
    fn many_keys_are_all_found_through_the_tables_growth() {
        let mut ints = Keyed::new();
        let mut strings = Keyed::new();
        let n = 10_000u32;
        for i in 0..n {
            assert_eq!(ints.set(i, Some(Value::Int(i64::from(i) * 7919))), None);
            assert_eq!(strings.set(i, Some(Value::string(format!("node-{i}")))), None);
        }
        for i in 0..n {
            assert_eq!(ints.get(Value::Int(i64::from(i) * 7919)), Some(NodeId(i)));
            assert_eq!(strings.get(Value::string(format!("node-{i}"))), Some(NodeId(i)));
        }
        assert_eq!(ints.get(Value::Int(1)), None);
        assert_eq!(strings.get(Value::string(format!("node-{n}"))), None);
        // Every other node changes its key; the rest keep theirs.
        for i in (0..n).step_by(2) {
            assert_eq!(ints.set(i, Some(Value::Int(-i64::from(i) - 1))), None);
        }
        for i in 0..n {
            let (old, new) = (Value::Int(i64::from(i) * 7919), Value::Int(-i64::from(i) - 1));
            let (held, freed) = if i % 2 == 0 { (new, old) } else { (old, new) };
            assert_eq!(ints.get(held), Some(NodeId(i)));
            assert_eq!(ints.get(freed), None, "node {i}");
        }
    }

    #[test]
    fn values_equal_as_values_are_one_key() {
        // The index compares as `Value`'s `Eq` does: 1 and 1.0 are one key, NaN is itself.
        assert_eq!(Value::Int(1), Value::Float(1.0));
        let mut keyed = Keyed::new();
        assert_eq!(keyed.set(1, Some(Value::Int(1))), None);
        assert_eq!(keyed.get(Value::Float(1.0)), Some(NodeId(1)));
        assert_eq!(keyed.set(2, Some(Value::Float(1.0))), Some(NodeId(1)));
        assert_eq!(keyed.set(2, Some(Value::Float(1.5))), None);
        assert_eq!(keyed.get(Value::Int(1)), Some(NodeId(1)));
        assert_eq!(keyed.get(Value::Float(1.5)), Some(NodeId(2)));
        assert_eq!(keyed.set(3, Some(Value::Float(f64::NAN))), None);
        assert_eq!(keyed.get(Value::Float(f64::NAN)), Some(NodeId(3)));
        assert_eq!(keyed.set(4, Some(Value::Float(0.0))), None);
        assert_eq!(keyed.get(Value::Float(-0.0)), Some(NodeId(4)));
        assert_eq!(keyed.get(Value::Int(0)), Some(NodeId(4)));
        // A string is not a number.
        assert_eq!(keyed.get(Value::string("1")), None);
        // The node filed under 1 is taken out under 1.0, which hashes alike.
        keyed.index.remove(LABEL, KEY, &Value::Float(1.0), NodeId(1));
        assert_eq!(keyed.get(Value::Int(1)), None);
    }

    #[test]
    fn a_reserved_table_rehashes_what_it_holds() {
        let mut keyed = Keyed::new();
        for i in 0..100 {
            keyed.set(i, Some(Value::string(format!("k{i}"))));
        }
        keyed.index.reserve(LABEL, 100_000, &keyed.props);
        for i in 0..100 {
            assert_eq!(keyed.get(Value::string(format!("k{i}"))), Some(NodeId(i)));
        }
        let copy = keyed.index.clone();
        assert_eq!(copy.get(LABEL, KEY, &Value::string("k5"), &keyed.props), Some(NodeId(5)));
    }
}
