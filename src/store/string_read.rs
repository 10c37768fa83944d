//! Strings read in place: a node's string property borrowed from its column's packed text,
//! for loops that compare many of them (a compiled `toLower(n.name) STARTS WITH 'x'`)
//! without building a `Value` each.

use super::{Graph, NodeId, PropKeyId};

impl Graph {
    /// The node's `key` when its column packs strings and the node holds one; `None`
    /// otherwise (no value, or a column of other or mixed values: read a `Value` then).
    pub fn node_str(&self, id: NodeId, key: PropKeyId) -> Option<&str> {
        self.node_props.str_at(id.0, key)
    }
}
