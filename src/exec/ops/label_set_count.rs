//! `LabelSetCount`: a count grouped by keys that read a node only through its labels, from
//! the nodes counted per label set (`Graph::count_nodes_by_label_set`): the keys are
//! evaluated once per label set, on its first node, and sets whose keys are equal
//! (`head(labels(n))` of `[A, B]` and `[A]`) are one group, so no row is made per node.
//! Groups come in order of their first node, as `Aggregate` gives them over a scan.

use crate::binder::bound::{Expr, LabelRef, Slot};
use crate::error::Result;
use crate::exec::expr::eval;
use crate::exec::{ExecCtx, Operator, Row};
use crate::value::Value;

pub struct LabelSetCount {
    input: Box<dyn Operator>,
    node: Slot,
    label: Option<LabelRef>,
    keys: Vec<(Slot, Expr)>,
    count_slots: Vec<Slot>,
    pending: std::vec::IntoIter<Row>,
}

impl LabelSetCount {
    pub fn new(
        input: Box<dyn Operator>,
        (node, label): (Slot, Option<LabelRef>),
        keys: Vec<(Slot, Expr)>,
        count_slots: Vec<Slot>,
    ) -> LabelSetCount {
        LabelSetCount { input, node, label, keys, count_slots, pending: Vec::new().into_iter() }
    }

    /// The groups' rows for one input row.
    fn rows(&self, row: &Row, ctx: &mut ExecCtx<'_, '_>) -> Result<Vec<Row>> {
        ctx.cancel.check()?;
        let graph = ctx.graph();
        let label = match &self.label {
            Some(label) => match label.resolve(graph.catalog()) {
                Some(id) => Some(id),
                None => return Ok(Vec::new()),
            },
            None => None,
        };
        let mut groups: Vec<(Vec<Value>, u64)> = Vec::new();
        let mut index: foldhash::HashMap<Vec<Value>, usize> = foldhash::HashMap::default();
        let mut on_node = row.clone();
        for set in graph.count_nodes_by_label_set(label) {
            on_node.set(self.node, Value::Node(set.first));
            let key = self.keys.iter().map(|(_, e)| eval(e, &on_node, graph)).collect::<Result<Vec<Value>>>()?;
            match index.get(&key) {
                Some(&at) => groups[at].1 += set.count,
                None => {
                    index.insert(key.clone(), groups.len());
                    groups.push((key, set.count));
                }
            }
        }
        Ok(groups
            .into_iter()
            .map(|(key, count)| {
                let mut out = Row::new(ctx.width);
                for ((slot, _), value) in self.keys.iter().zip(key) {
                    out.set(*slot, value);
                }
                for slot in &self.count_slots {
                    out.set(*slot, Value::Int(count as i64));
                }
                out
            })
            .collect())
    }
}

impl Operator for LabelSetCount {
    fn next(&mut self, ctx: &mut ExecCtx<'_, '_>) -> Result<Option<Row>> {
        loop {
            if let Some(row) = self.pending.next() {
                return Ok(Some(row));
            }
            let Some(row) = self.input.next(ctx)? else { return Ok(None) };
            self.pending = self.rows(&row, ctx)?.into_iter();
        }
    }
}
