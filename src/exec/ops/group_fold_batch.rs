//! `GroupFold` over a node scan, a batch of scanned nodes at a time: the grouping key's
//! property and each argument's property are read for the whole batch down their columns
//! (`Graph::node_numbers`), and a key that is an integer finds its group in a small
//! table indexed by the integer (4,096 values around the first one seen), without hashing
//! (`MATCH (a:Article) RETURN a.year / 10 * 10, count(*), avg(a.weight)`).
//! A key that reads only the scanned node's labels (`head(labels(n))`) is grouped the
//! same way by the node's label set number, a small integer per node, which finds the
//! group the node-by-node path would find once per set (workload13 year_span_per_label:
//! `MATCH (n) RETURN head(labels(n)), min(n.year), max(n.year), count(*)`); literal keys
//! (`RETURN 'old' AS kind, count(*)`) find their one group at the first node.
//!
//! The nodes are folded in the batch's order, each into the group the node-by-node path
//! would find for it, with the same values, so the answers are that path's. A batch whose
//! columns are not all numbers of one kind is left to that path.

use super::{Arg, GroupFold, Grouping, Walk};
use crate::binder::bound::Slot;
use crate::error::Result;
use crate::exec::ops::aggregate::Groups;
use crate::exec::ops::fold_value::{FoldValue, Working};
use crate::exec::predicate::Entity;
use crate::store::{Graph, NodeId, Number, PropKeyId};
use crate::value::Value;

/// The integer keys a batch fold indexes directly, around the first one seen.
const DIRECT_KEYS: i64 = 4096;

/// What the batch fold keeps from batch to batch.
#[derive(Default)]
pub(super) struct BatchFold {
    /// Groups of integer key values `base + i` at `i` (`u32::MAX`: none yet).
    direct: Vec<u32>,
    base: Option<i64>,
    key_numbers: Vec<Option<Number>>,
    /// Per aggregate, its argument's numbers for the batch.
    arg_numbers: Vec<Vec<Option<Number>>>,
    groups_of: Vec<usize>,
}

impl GroupFold {
    /// Folds the scanned `nodes` (bound to `node`) a batch at a time; false, with nothing
    /// folded, when the keys or arguments are not what the batch fold reads.
    pub(super) fn fold_batch(
        &mut self,
        groups: &mut Groups,
        working: &mut Working,
        (node, nodes): (Slot, &[NodeId]),
        graph: &Graph,
    ) -> Result<bool> {
        let Walk::Scan { .. } = self.walk else { return Ok(false) };
        let Some(key) = batch_key(&self.grouping, node, graph) else { return Ok(false) };
        let mut batch = std::mem::take(&mut self.batch);
        let read = self.read_batch(&mut batch, key, (node, nodes), graph);
        let folded = match read {
            true => self.fold_read_batch(&mut batch, groups, working, (node, nodes), graph).map(|()| true),
            false => Ok(false),
        };
        self.batch = batch;
        folded
    }

    /// Reads the key's and the arguments' numbers for `nodes`; false when a column is not
    /// numbers of one kind, or an argument is not a property of `node`.
    fn read_batch(
        &self,
        batch: &mut BatchFold,
        key: BatchKey,
        (node, nodes): (Slot, &[NodeId]),
        graph: &Graph,
    ) -> bool {
        // A percentile's fraction is taken from a group's first input, on the row path.
        if self.aggregates.iter().any(|call| call.extra.is_some()) {
            return false;
        }
        let key_read = match key {
            BatchKey::Property(key) => numbers_of(key, nodes, &mut batch.key_numbers, graph),
            BatchKey::LabelSet => {
                label_sets_of(nodes, &mut batch.key_numbers, graph);
                true
            }
            BatchKey::Constant => {
                batch.key_numbers.clear();
                batch.key_numbers.resize(nodes.len(), Some(Number::Int(0)));
                true
            }
        };
        if !key_read {
            return false;
        }
        batch.arg_numbers.resize_with(self.args.len(), Vec::new);
        for (arg, out) in self.args.iter().zip(&mut batch.arg_numbers) {
            match arg {
                Arg::Rows => out.clear(),
                Arg::Value(FoldValue::Property { slot, key, .. }) if *slot == node => {
                    if !numbers_of(key.resolve(graph.catalog()), nodes, out, graph) {
                        return false;
                    }
                }
                Arg::Value(_) => return false,
            }
        }
        true
    }

    /// Folds the batch whose numbers `batch` holds: each node's group, then its values.
    fn fold_read_batch(
        &mut self,
        batch: &mut BatchFold,
        groups: &mut Groups,
        working: &mut Working,
        (node, nodes): (Slot, &[NodeId]),
        graph: &Graph,
    ) -> Result<()> {
        batch.groups_of.clear();
        for (i, &id) in nodes.iter().enumerate() {
            let number = batch.key_numbers.get(i).copied().flatten();
            let group = match batch.direct_group(number) {
                Some(group) => group,
                None => {
                    working.bind(node, Entity::Node(id));
                    let group = self.group(groups, working, graph)?;
                    batch.remember(number, group);
                    group
                }
            };
            batch.groups_of.push(group);
        }
        let n = self.aggregates.len();
        let mut bytes = 0;
        for (i, &group) in batch.groups_of.iter().enumerate() {
            let states = groups.states_of(group, n);
            for (a, (call, state)) in self.aggregates.iter().zip(states).enumerate() {
                match &self.args[a] {
                    Arg::Rows => state.count_row(),
                    Arg::Value(_) => {
                        let value = match batch.arg_numbers[a].get(i).copied().flatten() {
                            Some(Number::Int(x)) => Value::Int(x),
                            Some(Number::Float(x)) => Value::Float(x),
                            None => Value::Null,
                        };
                        bytes += state.add(call, &value);
                    }
                }
            }
        }
        if bytes > 0 {
            groups.hold(bytes)?;
        }
        Ok(())
    }
}

impl BatchFold {
    /// The group of an integer key value the table holds.
    fn direct_group(&self, number: Option<Number>) -> Option<usize> {
        let (Some(Number::Int(x)), Some(base)) = (number, self.base) else { return None };
        let at = usize::try_from(x.checked_sub(base)?).ok()?;
        self.direct.get(at).filter(|&&g| g != u32::MAX).map(|&g| g as usize)
    }

    /// Keeps `group` as that of the integer key value `number`, when the table covers it.
    fn remember(&mut self, number: Option<Number>, group: usize) {
        let Some(Number::Int(x)) = number else { return };
        // Centred on the first value seen, so that keys on either side of it fit.
        let base = *self.base.get_or_insert(x.saturating_sub(DIRECT_KEYS / 2));
        let Some(at) = x.checked_sub(base).filter(|d| (0..DIRECT_KEYS).contains(d)) else { return };
        let at = at as usize;
        if self.direct.len() <= at {
            self.direct.resize(at + 1, u32::MAX);
        }
        self.direct[at] = u32::try_from(group).unwrap_or(u32::MAX);
    }
}

/// What the batch fold finds a node's group by.
#[derive(Clone, Copy)]
enum BatchKey {
    /// The number of this property of the scanned node (`None`: a key no node holds).
    Property(Option<PropKeyId>),
    /// The scanned node's label set number.
    LabelSet,
    /// Nothing: the keys are literals, one group for every node.
    Constant,
}

/// What the groups of `grouping` are found by over a batch of nodes scanned into `node`:
/// one property of the node, or its label set (directly, or as the grouping the key's
/// program falls back on, which finds the same groups); `None` for any other grouping.
fn batch_key(grouping: &Grouping, node: Slot, graph: &Graph) -> Option<BatchKey> {
    match grouping {
        Grouping::ByProperty { slot, key, .. } if *slot == node => {
            Some(BatchKey::Property(key.resolve(graph.catalog())))
        }
        Grouping::ByLabelSet { node: of, .. } if *of == node => Some(BatchKey::LabelSet),
        Grouping::Constant { .. } => Some(BatchKey::Constant),
        Grouping::ByProgram { then, .. } if matches!(**then, Grouping::ByLabelSet { .. }) => {
            batch_key(then, node, graph)
        }
        _ => None,
    }
}

/// The label set number of each of `nodes` into `out`, as an integer (`None` for a node
/// not live, which the node-by-node path then groups).
fn label_sets_of(nodes: &[NodeId], out: &mut Vec<Option<Number>>, graph: &Graph) {
    out.clear();
    out.extend(
        nodes.iter().map(|&id| graph.node_label_set(id).and_then(|set| i64::try_from(set).ok()).map(Number::Int)),
    );
}

/// `key`'s numbers over `nodes` into `out` (all nulls for a key no node holds).
fn numbers_of(key: Option<PropKeyId>, nodes: &[NodeId], out: &mut Vec<Option<Number>>, graph: &Graph) -> bool {
    match key {
        Some(key) => graph.node_numbers(key, nodes, out),
        None => {
            out.clear();
            out.resize(nodes.len(), None);
            true
        }
    }
}
