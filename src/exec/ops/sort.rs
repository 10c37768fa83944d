//! Ordering and trimming rows: DISTINCT, ORDER BY, SKIP, LIMIT.

use std::collections::HashSet;

use crate::binder::bound::{Expr, Slot};
use crate::error::Result;
use crate::exec::expr::eval;
use crate::exec::{ExecCtx, Operator, Row};
use crate::value::Value;

pub struct Distinct {
    input: Box<dyn Operator>,
    slots: Vec<Slot>,
    seen: HashSet<Vec<Value>>,
}

impl Distinct {
    pub fn new(input: Box<dyn Operator>, slots: Vec<Slot>) -> Distinct {
        Distinct { input, slots, seen: HashSet::new() }
    }
}

impl Operator for Distinct {
    fn next(&mut self, ctx: &mut ExecCtx<'_, '_>) -> Result<Option<Row>> {
        while let Some(row) = self.input.next(ctx)? {
            if self.seen.insert(row.project(&self.slots)) {
                return Ok(Some(row));
            }
        }
        Ok(None)
    }
}

/// A stable sort by the keys, in openCypher's total order (nulls last ascending).
pub struct Sort {
    input: Box<dyn Operator>,
    keys: Vec<(Expr, bool)>,
    output: Option<std::vec::IntoIter<Row>>,
}

impl Sort {
    pub fn new(input: Box<dyn Operator>, keys: Vec<(Expr, bool)>) -> Sort {
        Sort { input, keys, output: None }
    }
}

impl Operator for Sort {
    fn next(&mut self, ctx: &mut ExecCtx<'_, '_>) -> Result<Option<Row>> {
        if self.output.is_none() {
            let mut keyed = Vec::new();
            while let Some(row) = self.input.next(ctx)? {
                let key = self.keys.iter().map(|(e, _)| eval(e, &row, ctx.graph())).collect::<Result<Vec<_>>>()?;
                keyed.push((key, row));
            }
            let descending: Vec<bool> = self.keys.iter().map(|(_, d)| *d).collect();
            keyed.sort_by(|(a, _), (b, _)| {
                a.iter()
                    .zip(b)
                    .zip(&descending)
                    .map(|((x, y), desc)| if *desc { y.order(x) } else { x.order(y) })
                    .find(|o| o.is_ne())
                    .unwrap_or(std::cmp::Ordering::Equal)
            });
            self.output = Some(keyed.into_iter().map(|(_, row)| row).collect::<Vec<_>>().into_iter());
        }
        Ok(self.output.as_mut().and_then(Iterator::next))
    }
}

/// The count of SKIP or LIMIT: a constant expression, evaluated when first needed.
enum Count {
    Pending(Expr),
    Known(usize),
}

impl Count {
    fn get(&mut self, ctx: &ExecCtx<'_, '_>, what: &str) -> Result<usize> {
        if let Count::Pending(expr) = self {
            let value = eval(expr, &Row::default(), ctx.graph())?;
            *self = Count::Known(crate::binder::check_count(&value, expr.span, what)?);
        }
        Ok(match self {
            Count::Known(n) => *n,
            Count::Pending(_) => 0,
        })
    }
}

pub struct Skip {
    input: Box<dyn Operator>,
    count: Count,
    skipped: bool,
}

impl Skip {
    pub fn new(input: Box<dyn Operator>, count: Expr) -> Skip {
        Skip { input, count: Count::Pending(count), skipped: false }
    }
}

impl Operator for Skip {
    fn next(&mut self, ctx: &mut ExecCtx<'_, '_>) -> Result<Option<Row>> {
        if !self.skipped {
            self.skipped = true;
            for _ in 0..self.count.get(ctx, "SKIP")? {
                if self.input.next(ctx)?.is_none() {
                    return Ok(None);
                }
            }
        }
        self.input.next(ctx)
    }
}

/// Stops producing once it has produced `count` rows. Below an updating clause it still
/// pulls its input to the end: LIMIT trims the result, never the side effects.
pub struct Limit {
    input: Box<dyn Operator>,
    count: Count,
    produced: usize,
    drain: bool,
}

impl Limit {
    pub fn new(input: Box<dyn Operator>, count: Expr, drain: bool) -> Limit {
        Limit { input, count: Count::Pending(count), produced: 0, drain }
    }
}

impl Operator for Limit {
    fn next(&mut self, ctx: &mut ExecCtx<'_, '_>) -> Result<Option<Row>> {
        if self.produced >= self.count.get(ctx, "LIMIT")? {
            if std::mem::take(&mut self.drain) {
                while self.input.next(ctx)?.is_some() {}
            }
            return Ok(None);
        }
        self.produced += 1;
        self.input.next(ctx)
    }
}
