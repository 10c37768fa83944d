//! Following relationships from a bound node.

use crate::binder::bound::{RelTypeRef, Slot};
use crate::error::Result;
use crate::exec::{ExecCtx, Operator, Row};
use crate::store::{Direction, RelEntry};
use crate::syntax::ast::RelDirection;
use crate::value::Value;

/// The slots an expansion reads and writes.
#[derive(Debug, Clone, Copy)]
pub struct ExpandSlots {
    pub from: Slot,
    pub rel: Slot,
    pub to: Slot,
    /// `to` is bound already: only relationships reaching it fit.
    pub into: bool,
    /// `rel` is bound already: only that relationship fits.
    pub rel_bound: bool,
}

pub struct Expand {
    input: Box<dyn Operator>,
    from: Slot,
    rel: Slot,
    to: Slot,
    direction: Direction,
    types: Vec<RelTypeRef>,
    into: bool,
    rel_bound: bool,
    current: Option<Row>,
    pending: std::vec::IntoIter<RelEntry>,
}

impl Expand {
    pub fn new(
        input: Box<dyn Operator>,
        slots: ExpandSlots,
        direction: RelDirection,
        types: Vec<RelTypeRef>,
    ) -> Expand {
        let ExpandSlots { from, rel, to, into, rel_bound } = slots;
        let direction = crate::exec::pattern::direction(direction);
        Expand {
            input,
            from,
            rel,
            to,
            direction,
            types,
            into,
            rel_bound,
            current: None,
            pending: Vec::new().into_iter(),
        }
    }

    /// The type ids to follow (`None` for any type), resolved now: the statement may have
    /// created a type since it was bound.
    fn wanted(&self, catalog: &crate::store::Catalog) -> Option<Vec<crate::store::RelTypeId>> {
        (!self.types.is_empty()).then(|| self.types.iter().filter_map(|t| t.resolve(catalog)).collect())
    }
}

impl Operator for Expand {
    fn next(&mut self, ctx: &mut ExecCtx<'_, '_>) -> Result<Option<Row>> {
        loop {
            if let Some(row) = &self.current {
                let Value::Node(from) = *row.get(self.from) else {
                    self.current = None;
                    continue;
                };
                for entry in self.pending.by_ref() {
                    ctx.cancel.tick()?;
                    let other = if entry.start == from { entry.end } else { entry.start };
                    if self.into && *row.get(self.to) != Value::Node(other) {
                        continue;
                    }
                    if self.rel_bound && *row.get(self.rel) != Value::Relationship(entry.id) {
                        continue;
                    }
                    let mut out = row.clone();
                    out.set(self.rel, Value::Relationship(entry.id));
                    out.set(self.to, Value::Node(other));
                    return Ok(Some(out));
                }
            }
            let Some(row) = self.input.next(ctx)? else {
                return Ok(None);
            };
            let graph = ctx.graph();
            let wanted = self.wanted(graph.catalog());
            let entries: Vec<RelEntry> = match *row.get(self.from) {
                Value::Node(from) => graph
                    .rels_of(from, self.direction)
                    .filter(|e| wanted.as_ref().is_none_or(|types| types.contains(&e.ty)))
                    .collect(),
                _ => Vec::new(),
            };
            self.pending = entries.into_iter();
            self.current = Some(row);
        }
    }
}
