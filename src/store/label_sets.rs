//! The distinct label sets of a graph's nodes, each stored once.
//!
//! A node's record names its label set by number instead of owning a boxed slice: real
//! graphs have a handful of distinct sets for millions of nodes, and a 4-byte number
//! keeps the record at 8 bytes, so petgraph's node array for a million nodes (16 MB)
//! stays in the last-level cache while a load links ten million relationships into it.

use std::collections::HashMap;

use super::LabelId;

/// A label set's number in [`LabelSets`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) struct LabelSetId(u32);

impl LabelSetId {
    /// The empty set, present in every [`LabelSets`].
    pub const EMPTY: LabelSetId = LabelSetId(0);

    /// The set's number, an index into per-set arrays.
    pub fn number(self) -> usize {
        self.0 as usize
    }
}

#[derive(Debug, Clone)]
pub(super) struct LabelSets {
    sets: Vec<Box<[LabelId]>>,
    ids: HashMap<Box<[LabelId]>, LabelSetId>,
}

impl Default for LabelSets {
    fn default() -> LabelSets {
        let empty: Box<[LabelId]> = Box::new([]);
        LabelSets { sets: vec![empty.clone()], ids: HashMap::from([(empty, LabelSetId::EMPTY)]) }
    }
}

impl LabelSets {
    /// The number of `labels` (in this order), adding it when new.
    pub fn intern(&mut self, labels: &[LabelId]) -> LabelSetId {
        if let Some(&id) = self.ids.get(labels) {
            return id;
        }
        let id = LabelSetId(self.sets.len() as u32);
        self.sets.push(labels.into());
        self.ids.insert(labels.into(), id);
        id
    }

    pub fn get(&self, id: LabelSetId) -> &[LabelId] {
        self.sets.get(id.0 as usize).map_or(&[], |s| s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_sets_share_a_number_and_read_back_in_their_order() {
        let mut sets = LabelSets::default();
        let ab = sets.intern(&[LabelId(1), LabelId(0)]);
        assert_eq!(sets.intern(&[LabelId(1), LabelId(0)]), ab);
        assert_ne!(sets.intern(&[LabelId(0), LabelId(1)]), ab);
        assert_eq!(sets.get(ab), &[LabelId(1), LabelId(0)]);
        assert_eq!(sets.intern(&[]), LabelSetId::EMPTY);
        assert_eq!(sets.get(LabelSetId::EMPTY), &[] as &[LabelId]);
    }
}
