//! What the graph's structures hold on the heap, by structure: for the benches'
//! breakdown of bytes per relationship, and for tests of the layout's size.

use super::Graph;

/// Heap bytes by structure, in a fixed order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HeapBreakdown {
    pub parts: Vec<(&'static str, usize)>,
}

impl HeapBreakdown {
    pub fn total(&self) -> usize {
        self.parts.iter().map(|(_, bytes)| bytes).sum()
    }
}

impl Graph {
    /// The heap bytes of each of the graph's structures. Counted from capacities, so
    /// allocator overhead and slack are not in it; the names, schema and statistics
    /// (small) are left out.
    pub fn heap_breakdown(&self) -> HeapBreakdown {
        let [out, inc, locator, delta] = self.adjacency.heap_bytes();
        let rel_props: usize = self.rel_tables.iter().map(|t| t.heap_bytes()).sum();
        let parts = vec![
            ("relationship records written since the arrays' build", self.rel_records.capacity() * 16),
            ("outgoing arrays (offsets, far nodes, listed ids)", out),
            ("incoming arrays (offsets, far nodes, ids)", inc),
            ("relationship locator (id stretches, listed positions)", locator),
            ("adjacency delta and tombstones", delta),
            ("relationship property columns", rel_props),
            ("node records", self.nodes.capacity() * std::mem::size_of::<super::NodeRecord>()),
            ("node property columns", self.node_props.heap_bytes()),
            ("label index", self.label_index.heap_bytes()),
            ("key index", self.key_index.heap_bytes()),
        ];
        HeapBreakdown { parts }
    }
}
