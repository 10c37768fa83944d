//! `GroupFold`'s groups found by what their keys read (`planner::fold_reads`), packed into
//! machine words: a number as its kind and bits, a string by its number in a table of the
//! strings seen (looked up by the bytes read in place, no `Value` made), a node or
//! relationship by its id. The words find the group in one hash of a few integers,
//! without evaluating the keys or hashing `Value`s: `(m.year - p.year) / 10 * 10` by the
//! two years, `p.id, p.name` by `p`.
//!
//! The keys are functions of those reads, so equal words mean equal key values: a group
//! found by its words is the one the keys' values would find. The first input with new
//! words finds its group by evaluating the keys (`Aggregate`'s groups by `Value`, so `1`
//! and `1.0` still meet there), and its error, if any, is the row path's.
//! A read of a kind not packed (a list, a map, a temporal value) is grouped by its keys'
//! values, as without the cache. The words, their table and its trial are `group_words.rs`'s,
//! shared with `Aggregate`.

use super::group_words::{number_words, value_words, WordGroups, MAX_READS, NODE, NULL, REL, STRING};
use crate::binder::bound::{PropKeyRef, Slot};
use crate::exec::ops::fold_value::Working;
use crate::exec::predicate::Entity;
use crate::planner::FoldRead;
use crate::store::{Graph, NodeId};
use crate::value::Value;

pub(super) struct CellGroups {
    reads: Vec<FoldRead>,
    groups: WordGroups,
    /// Per read of a node's property, the node it was last read of and its words: the
    /// inputs of an expansion come node by node, so a read of the expanded node
    /// (`c.name` beside `a.year` over `(c)<-[]-(a)`) is packed once per node, not looked up
    /// in the strings table again for each relationship.
    last_node: Vec<Option<(NodeId, [u64; 2])>>,
}

impl CellGroups {
    /// The cache for `reads`; `None` for more than [`MAX_READS`].
    pub(super) fn new(reads: Vec<FoldRead>) -> Option<CellGroups> {
        let last_node = vec![None; reads.len()];
        (reads.len() <= MAX_READS).then(|| CellGroups { reads, groups: WordGroups::default(), last_node })
    }

    /// The group of the input `working` holds, if its words are known; false in the
    /// second place when a read is of a kind not packed (it is then grouped by its keys).
    pub(super) fn find(&mut self, working: &Working, graph: &Graph) -> (Option<usize>, bool) {
        if self.groups.is_off() {
            return (None, false);
        }
        if !self.pack(working, graph) {
            self.groups.unpacked();
            return (None, false);
        }
        (self.groups.find(), true)
    }

    /// Whether the trial turned the cache off (the reads nearly all distinct).
    pub(super) fn is_off(&self) -> bool {
        self.groups.is_off()
    }

    /// Forgets the groups remembered, for a new table of groups.
    pub(super) fn forget_groups(&mut self) {
        self.groups.forget_groups();
    }

    /// Keeps `group` as that of the words last packed; returns the bytes kept more.
    pub(super) fn remember(&mut self, group: usize) -> u64 {
        self.groups.remember(group)
    }

    /// Packs the reads of the input `working` holds; false when one is of a kind not packed.
    fn pack(&mut self, working: &Working, graph: &Graph) -> bool {
        self.groups.clear();
        for (i, read) in self.reads.iter().enumerate() {
            let packed = match read {
                FoldRead::Entity(slot) => match working.bound_entity(*slot) {
                    Some(Entity::Node(id)) => Some([NODE, u64::from(id.0)]),
                    Some(Entity::Rel(id)) => Some([REL, u64::from(id.0)]),
                    None => None,
                },
                FoldRead::Property(slot, key) => {
                    match (working.bound_entity(*slot), self.last_node.get(i).copied().flatten()) {
                        (Some(Entity::Node(id)), Some((last, words))) if id == last => Some(words),
                        (Some(Entity::Node(id)), _) => {
                            let words = property_words(working, (*slot, key), graph, &mut self.groups);
                            if let Some(last) = self.last_node.get_mut(i) {
                                *last = words.map(|words| (id, words));
                            }
                            words
                        }
                        _ => property_words(working, (*slot, key), graph, &mut self.groups),
                    }
                }
            };
            let Some(words) = packed else { return false };
            self.groups.put(i, words);
        }
        true
    }
}

/// The words of `slot.key` for a bound entity: a number off its column, a string in place,
/// else its value when it is of a packed kind.
fn property_words(
    working: &Working,
    (slot, key): (Slot, &PropKeyRef),
    graph: &Graph,
    groups: &mut WordGroups,
) -> Option<[u64; 2]> {
    let entity = working.bound_entity(slot)?;
    let Some(key) = key.resolve(graph.catalog()) else { return Some([NULL, 0]) };
    let number = match entity {
        Entity::Node(id) => graph.node_number(id, key),
        Entity::Rel(id) => graph.rel_number(id, key),
    };
    if let Some(number) = number {
        return Some(number_words(number));
    }
    if let Entity::Node(id) = entity {
        if let Some(text) = graph.node_str(id, key) {
            return Some([STRING, groups.strings().number(text)?]);
        }
    }
    let value = match entity {
        Entity::Node(id) => graph.node_property(id, key),
        Entity::Rel(id) => graph.rel_property(id, key),
    };
    value_words(&value.unwrap_or(Value::Null), groups.strings())
}
