//! `UnionNodeByLabelsScan`: the nodes carrying any of several labels, each once, in id
//! order, read from the label index of each (`(n:A|B)` without scanning every node).

use crate::binder::bound::{LabelRef, Slot};
use crate::error::Result;
use crate::exec::{ExecCtx, Operator, Row};
use crate::store::NodeId;
use crate::value::Value;

pub struct UnionNodeByLabelsScan {
    input: Box<dyn Operator>,
    slot: Slot,
    labels: Vec<LabelRef>,
    current: Option<Row>,
    nodes: std::vec::IntoIter<NodeId>,
}

impl UnionNodeByLabelsScan {
    pub fn new(input: Box<dyn Operator>, slot: Slot, labels: Vec<LabelRef>) -> UnionNodeByLabelsScan {
        UnionNodeByLabelsScan { input, slot, labels, current: None, nodes: Vec::new().into_iter() }
    }

    /// The candidates, fixed when an input row arrives (a name first met in this statement
    /// is resolved now, as `NodeScan` does).
    fn candidates(&self, ctx: &ExecCtx<'_, '_>) -> Vec<NodeId> {
        let graph = ctx.graph();
        let mut nodes: Vec<NodeId> = self
            .labels
            .iter()
            .filter_map(|l| l.resolve(graph.catalog()))
            .flat_map(|l| graph.nodes_with_label_vec(l))
            .collect();
        nodes.sort_unstable();
        nodes.dedup();
        nodes
    }
}

impl Operator for UnionNodeByLabelsScan {
    fn next(&mut self, ctx: &mut ExecCtx<'_, '_>) -> Result<Option<Row>> {
        loop {
            if let (Some(row), Some(node)) = (&self.current, self.nodes.next()) {
                ctx.cancel.tick()?;
                let mut next = row.clone();
                next.set(self.slot, Value::Node(node));
                return Ok(Some(next));
            }
            let Some(row) = self.input.next(ctx)? else { return Ok(None) };
            self.nodes = self.candidates(ctx).into_iter();
            self.current = Some(row);
        }
    }

    fn rewind(&mut self) -> bool {
        self.current = None;
        self.nodes = Vec::new().into_iter();
        self.input.rewind()
    }
}
