//! Computing new slots: projection, UNWIND, paths, and the WITH scope boundary.

use std::sync::Arc;

use crate::binder::bound::{Expr, Slot};
use crate::error::Result;
use crate::exec::expr::{eval, list_items};
use crate::exec::{ExecCtx, Operator, Row};
use crate::store::{Graph, RelId};
use crate::value::{PathValue, Value};

pub struct Project {
    input: Box<dyn Operator>,
    items: Vec<(Slot, Expr)>,
    /// The items' values for the current row, in a buffer reused from row to row.
    values: Vec<Value>,
}

impl Project {
    pub fn new(input: Box<dyn Operator>, items: Vec<(Slot, Expr)>) -> Project {
        Project { input, items, values: Vec::new() }
    }
}

impl Operator for Project {
    fn next(&mut self, ctx: &mut ExecCtx<'_, '_>) -> Result<Option<Row>> {
        let Some(mut row) = self.input.next(ctx)? else {
            return Ok(None);
        };
        // Items see the row as it came in, not each other's results.
        self.values.clear();
        for (_, e) in &self.items {
            self.values.push(eval(e, &row, ctx.graph())?);
        }
        for ((slot, _), value) in self.items.iter().zip(self.values.drain(..)) {
            row.set(*slot, value);
        }
        Ok(Some(row))
    }

    fn rewind(&mut self) -> bool {
        self.input.rewind()
    }
}

pub struct Retain {
    input: Box<dyn Operator>,
    slots: Vec<Slot>,
}

impl Retain {
    pub fn new(input: Box<dyn Operator>, slots: Vec<Slot>) -> Retain {
        Retain { input, slots }
    }
}

impl Operator for Retain {
    fn next(&mut self, ctx: &mut ExecCtx<'_, '_>) -> Result<Option<Row>> {
        let Some(mut row) = self.input.next(ctx)? else {
            return Ok(None);
        };
        row.retain(&self.slots);
        Ok(Some(row))
    }

    fn rewind(&mut self) -> bool {
        self.input.rewind()
    }
}

pub struct Unwind {
    input: Box<dyn Operator>,
    expr: Expr,
    slot: Slot,
    current: Option<Row>,
    items: std::vec::IntoIter<Value>,
}

impl Unwind {
    pub fn new(input: Box<dyn Operator>, expr: Expr, slot: Slot) -> Unwind {
        Unwind { input, expr, slot, current: None, items: Vec::new().into_iter() }
    }
}

impl Operator for Unwind {
    fn next(&mut self, ctx: &mut ExecCtx<'_, '_>) -> Result<Option<Row>> {
        loop {
            if let (Some(row), Some(item)) = (&self.current, self.items.next()) {
                ctx.cancel.tick()?;
                let mut out = row.clone();
                out.set(self.slot, item);
                return Ok(Some(out));
            }
            let Some(row) = self.input.next(ctx)? else {
                return Ok(None);
            };
            let items = match eval(&self.expr, &row, ctx.graph())? {
                value @ (Value::List(_) | Value::Null) => list_items(value, self.expr.span)?,
                // UNWIND of a single value yields that value once.
                other => vec![other],
            };
            self.items = items.into_iter();
            self.current = Some(row);
        }
    }
}

pub struct BuildPath {
    input: Box<dyn Operator>,
    slot: Slot,
    nodes: Vec<Slot>,
    rels: Vec<Slot>,
}

impl BuildPath {
    pub fn new(input: Box<dyn Operator>, slot: Slot, nodes: Vec<Slot>, rels: Vec<Slot>) -> BuildPath {
        BuildPath { input, slot, nodes, rels }
    }
}

impl Operator for BuildPath {
    fn next(&mut self, ctx: &mut ExecCtx<'_, '_>) -> Result<Option<Row>> {
        let Some(mut row) = self.input.next(ctx)? else { return Ok(None) };
        let path = build_path(&row, &self.nodes, &self.rels, ctx.graph());
        row.set(self.slot, path.map_or(Value::Null, |p| Value::Path(Arc::new(p))));
        Ok(Some(row))
    }
}

/// The path through the nodes in `nodes` and the relationships in `rels` (each slot a
/// relationship or, for a variable-length step, a list of them). The nodes inside a
/// variable-length step are found by walking its relationships. `None` if any is null.
pub fn build_path(row: &Row, nodes: &[Slot], rels: &[Slot], graph: &Graph) -> Option<PathValue> {
    let Value::Node(mut current) = *row.get(*nodes.first()?) else { return None };
    let mut path = PathValue { nodes: vec![current], rels: Vec::new() };
    for slot in rels {
        let steps: Vec<RelId> = match row.get(*slot) {
            Value::Relationship(id) => vec![*id],
            Value::List(items) => items
                .iter()
                .map(|v| match v {
                    Value::Relationship(id) => Some(*id),
                    _ => None,
                })
                .collect::<Option<_>>()?,
            _ => return None,
        };
        for rel in steps {
            let entry = graph.rel(rel)?;
            current = if entry.start == current { entry.end } else { entry.start };
            path.rels.push(rel);
            path.nodes.push(current);
        }
    }
    Some(path)
}

/// A query part's output: its columns moved to positions 0, 1, … (for UNION).
pub struct Produce {
    input: Box<dyn Operator>,
    slots: Vec<Slot>,
}

impl Produce {
    pub fn new(input: Box<dyn Operator>, slots: Vec<Slot>) -> Produce {
        Produce { input, slots }
    }
}

impl Operator for Produce {
    fn next(&mut self, ctx: &mut ExecCtx<'_, '_>) -> Result<Option<Row>> {
        Ok(self.input.next(ctx)?.map(|row| row.produce(&self.slots)))
    }
}
