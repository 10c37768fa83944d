//! `NodeIndexSeek`: for each input row, the nodes a range index finds. The seek's values
//! are computed from the row; a value the index cannot order by (a list, a map) makes it
//! hand out every node of the label instead, so that the filter above answers (or raises
//! the error) exactly as it would after a label scan.

use std::ops::Bound;

use crate::binder::bound::{Expr, LabelRef, PropKeyRef, RelTypeRef, Slot};
use crate::error::Result;
use crate::exec::expr::eval;
use crate::exec::{ExecCtx, Operator, Row};
use crate::planner::SeekExpr;
use crate::store::range_index::IndexSeek;
use crate::store::{Graph, NodeId, RelEntry};
use crate::value::Value;

pub struct NodeIndexSeek {
    input: Box<dyn Operator>,
    slot: Slot,
    label: LabelRef,
    key: PropKeyRef,
    seek: SeekExpr,
    current: Option<Row>,
    found: std::vec::IntoIter<NodeId>,
}

impl NodeIndexSeek {
    pub fn new(
        input: Box<dyn Operator>,
        slot: Slot,
        label: LabelRef,
        key: PropKeyRef,
        seek: SeekExpr,
    ) -> NodeIndexSeek {
        NodeIndexSeek { input, slot, label, key, seek, current: None, found: Vec::new().into_iter() }
    }

    fn nodes(&self, row: &Row, graph: &Graph) -> Result<Vec<NodeId>> {
        let (Some(label), Some(key)) = (self.label.resolve(graph.catalog()), self.key.resolve(graph.catalog())) else {
            return Ok(Vec::new());
        };
        Ok(match seek_values(&self.seek, row, graph)? {
            Some(seek) => graph.seek_nodes(label, key, &seek),
            None => graph.nodes_with_label_vec(label),
        })
    }
}

impl Operator for NodeIndexSeek {
    fn next(&mut self, ctx: &mut ExecCtx<'_, '_>) -> Result<Option<Row>> {
        loop {
            if let (Some(row), Some(node)) = (&self.current, self.found.next()) {
                ctx.cancel.tick()?;
                let mut out = row.clone();
                out.set(self.slot, Value::Node(node));
                return Ok(Some(out));
            }
            let Some(row) = self.input.next(ctx)? else { return Ok(None) };
            self.found = self.nodes(&row, ctx.graph())?.into_iter();
            self.current = Some(row);
        }
    }

    fn rewind(&mut self) -> bool {
        self.current = None;
        self.found = Vec::new().into_iter();
        self.input.rewind()
    }
}

/// The seek with the row's values; `None` when a value is of a kind the index does not
/// order as the comparison would (the caller then scans).
fn seek_values(seek: &SeekExpr, row: &Row, graph: &Graph) -> Result<Option<IndexSeek>> {
    let orderable = |v: &Value| !matches!(v, Value::List(_) | Value::Map(_) | Value::Path(_));
    Ok(match seek {
        SeekExpr::Equal(e) => {
            let v = eval(e, row, graph)?;
            orderable(&v).then_some(IndexSeek::Equal(v))
        }
        SeekExpr::AnyOf(e) => match eval(e, row, graph)? {
            Value::Null => Some(IndexSeek::AnyOf(Vec::new())),
            Value::List(items) if items.iter().all(orderable) => Some(IndexSeek::AnyOf(items.to_vec())),
            _ => None,
        },
        SeekExpr::Range { lower, upper } => {
            let lower = bound(lower.as_ref(), row, graph)?;
            let upper = bound(upper.as_ref(), row, graph)?;
            let values: Vec<&Value> = [&lower, &upper]
                .into_iter()
                .filter_map(|b| match b {
                    Bound::Included(v) | Bound::Excluded(v) => Some(v),
                    Bound::Unbounded => None,
                })
                .collect();
            let all_orderable = values.iter().all(|v| orderable(v));
            // A null bound compares as null: nothing passes.
            if values.iter().any(|v| v.is_null()) {
                return Ok(Some(IndexSeek::AnyOf(Vec::new())));
            }
            all_orderable.then_some(IndexSeek::Range { lower, upper })
        }
        SeekExpr::Prefix(e) => match eval(e, row, graph)? {
            Value::String(s) => Some(IndexSeek::Prefix(s.to_string())),
            Value::Null => Some(IndexSeek::AnyOf(Vec::new())),
            _ => None,
        },
    })
}

fn bound(side: Option<&(Expr, bool)>, row: &Row, graph: &Graph) -> Result<Bound<Value>> {
    Ok(match side {
        None => Bound::Unbounded,
        Some((e, true)) => Bound::Included(eval(e, row, graph)?),
        Some((e, false)) => Bound::Excluded(eval(e, row, graph)?),
    })
}

/// `RelIndexSeek`: for each input row, the relationships of one type a range index finds,
/// each with its start and end node.
pub struct RelIndexSeek {
    input: Box<dyn Operator>,
    slots: [Slot; 3],
    ty: RelTypeRef,
    key: PropKeyRef,
    seek: SeekExpr,
    current: Option<Row>,
    found: std::vec::IntoIter<RelEntry>,
}

impl RelIndexSeek {
    /// `slots`: the relationship, its start node and its end node.
    pub fn new(
        input: Box<dyn Operator>,
        slots: [Slot; 3],
        ty: RelTypeRef,
        key: PropKeyRef,
        seek: SeekExpr,
    ) -> RelIndexSeek {
        RelIndexSeek { input, slots, ty, key, seek, current: None, found: Vec::new().into_iter() }
    }

    fn rels(&self, row: &Row, graph: &Graph) -> Result<Vec<RelEntry>> {
        let (Some(ty), Some(key)) = (self.ty.resolve(graph.catalog()), self.key.resolve(graph.catalog())) else {
            return Ok(Vec::new());
        };
        let ids = match seek_values(&self.seek, row, graph)? {
            Some(seek) => graph.seek_rels(ty, key, &seek),
            None => graph.rel_ids().filter(|&r| graph.rel_type_of(r) == Some(ty)).collect(),
        };
        Ok(ids.into_iter().filter_map(|r| graph.rel(r)).collect())
    }
}

impl Operator for RelIndexSeek {
    fn next(&mut self, ctx: &mut ExecCtx<'_, '_>) -> Result<Option<Row>> {
        loop {
            if let (Some(row), Some(entry)) = (&self.current, self.found.next()) {
                ctx.cancel.tick()?;
                let mut out = row.clone();
                let [rel, start, end] = self.slots;
                out.set(rel, Value::Relationship(entry.id));
                out.set(start, Value::Node(entry.start));
                out.set(end, Value::Node(entry.end));
                return Ok(Some(out));
            }
            let Some(row) = self.input.next(ctx)? else { return Ok(None) };
            self.found = self.rels(&row, ctx.graph())?.into_iter();
            self.current = Some(row);
        }
    }
}
