//! How many nodes hold a property, from the column's presence bits alone:
//! `MATCH (n) WHERE n.weight IS NULL RETURN count(*)` is the nodes minus those holding a
//! weight, with no node read.
//!
//! A column's presence bits name only live nodes: deleting a node takes its row out
//! (`PropertyTable::take_row`), so the bits of every node's column need no check against
//! the node records; a label's bitset holds only live nodes too, so the nodes of a label
//! holding the property are the two sets' common members, counted a word at a time.

use super::{Graph, LabelId, PropKeyId};

impl Graph {
    /// The live nodes (of `label`, or every node when `None`) that hold a value for `key`.
    pub fn count_nodes_holding(&self, label: Option<LabelId>, key: PropKeyId) -> u64 {
        let Some((present, _)) = self.node_props.column_cells(key) else { return 0 };
        let held = match label {
            Some(label) => self.label_index.members(label).map_or(0, |nodes| nodes.count_common(present)),
            None => present.len(),
        };
        held as u64
    }
}

#[cfg(test)]
mod tests {
    use crate::store::{Graph, NodeId, PropKeyId};
    use crate::value::Value;

    fn holding_by_reading(graph: &Graph, nodes: &[NodeId], key: PropKeyId) -> u64 {
        nodes.iter().filter(|&&n| graph.contains_node(n) && graph.node_property(n, key).is_some()).count() as u64
    }

    #[test]
    fn the_presence_count_is_the_count_of_nodes_read_one_by_one() {
        let (mut graph, key, nodes) =
            crate::store::column_fold::tests::graph_of(&[Some(Value::Int(1)), None, Some(Value::Float(0.5)), None]);
        assert_eq!(graph.count_nodes_holding(None, key), holding_by_reading(&graph, &nodes, key));
        // A deleted node's value is gone from the column.
        let mut txn = crate::store::Txn::new(&mut graph);
        assert!(txn.delete_node(nodes[0], true).is_ok());
        assert!(txn.commit().is_ok());
        // With a label: the label's members holding it.
        let label = graph.catalog().label("N");
        assert!(label.is_some());
        assert_eq!(graph.count_nodes_holding(label, key), 1);
        assert_eq!(graph.count_nodes_holding(None, key), holding_by_reading(&graph, &nodes, key));
    }
}
