//! Nodes counted per label set, in one pass over the node records: what a grouping by a
//! function of a node's labels (`labels(n)`, `head(labels(n))`, `n:Person`) needs over a
//! whole label, without a row per node. Each distinct label set is stored once
//! (`label_sets.rs`) and a node's record names its set by number, so the count is a loop
//! over 8-byte records with a small array of counts.

use super::{Graph, LabelId, NodeId, SlotState};

/// In [`Graph::label_set_numbers`], a slot with no live node.
pub const NO_LABEL_SET: u8 = u8::MAX;

/// The live nodes sharing one label set: the first of them in id order, and how many.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LabelSetCount {
    pub first: NodeId,
    pub count: u64,
}

impl Graph {
    /// The number of a live node's label set: nodes with equal numbers carry the same
    /// labels in the same order (a number never changes its labels), so anything computed
    /// from the labels alone can be kept per number. `None` for a node not live.
    pub fn node_label_set(&self, id: NodeId) -> Option<usize> {
        self.node_record(id).map(|r| r.labels.number())
    }

    /// [`Graph::node_label_set`] of every node id below [`Graph::node_id_bound`], one
    /// byte each (`NO_LABEL_SET` for a slot with no live node): a table a reader of
    /// millions of random nodes' label sets keeps in cache, where the 8-byte records are
    /// not. `None` when a set's number does not fit.
    pub fn label_set_numbers(&self) -> Option<Vec<u8>> {
        let number = |r: &super::NodeRecord| match r.state {
            SlotState::Live => u8::try_from(r.labels.number()).ok().filter(|&n| n != NO_LABEL_SET),
            _ => Some(NO_LABEL_SET),
        };
        self.nodes.iter().map(number).collect()
    }

    /// The live nodes (those carrying `label`, when given) counted per label set, the sets
    /// in the order of their first node.
    pub fn count_nodes_by_label_set(&self, label: Option<LabelId>) -> Vec<LabelSetCount> {
        // Per set number: where its entry is in `counts`, or that it is not met yet, or
        // that it lacks `label`.
        const UNSEEN: usize = usize::MAX;
        const LACKS: usize = usize::MAX - 1;
        let mut entry_of: Vec<usize> = Vec::new();
        let mut counts: Vec<LabelSetCount> = Vec::new();
        for (i, record) in self.nodes.iter().enumerate() {
            if record.state != SlotState::Live {
                continue;
            }
            let set = record.labels.number();
            if entry_of.len() <= set {
                entry_of.resize(set + 1, UNSEEN);
            }
            match entry_of[set] {
                LACKS => {}
                UNSEEN if label.is_some_and(|l| !self.label_sets.get(record.labels).contains(&l)) => {
                    entry_of[set] = LACKS;
                }
                UNSEEN => {
                    entry_of[set] = counts.len();
                    counts.push(LabelSetCount { first: NodeId(i as u32), count: 1 });
                }
                at => {
                    if let Some(entry) = counts.get_mut(at) {
                        entry.count += 1;
                    }
                }
            }
        }
        counts
    }
}
