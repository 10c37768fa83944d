//! Ordering and trimming rows: DISTINCT, ORDER BY, SKIP, LIMIT.

use std::cmp::Ordering;

use crate::binder::bound::{Expr, Slot};
use crate::error::Result;
use crate::exec::expr::eval;
use crate::exec::memory::{self, Held};
use crate::exec::{ExecCtx, Operator, Row};
use crate::value::Value;

pub struct Distinct {
    input: Box<dyn Operator>,
    slots: Vec<Slot>,
    seen: foldhash::HashSet<Vec<Value>>,
    /// The current row's values, reused from row to row: copied into `seen` only when new.
    key: Vec<Value>,
    held: Held,
}

impl Distinct {
    pub fn new(input: Box<dyn Operator>, slots: Vec<Slot>) -> Distinct {
        Distinct { input, slots, seen: foldhash::HashSet::default(), key: Vec::new(), held: Held::default() }
    }
}

impl Operator for Distinct {
    fn next(&mut self, ctx: &mut ExecCtx<'_, '_>) -> Result<Option<Row>> {
        while let Some(row) = self.input.next(ctx)? {
            self.key.clear();
            self.key.extend(self.slots.iter().map(|&slot| row.get(slot).clone()));
            if self.seen.contains(self.key.as_slice()) {
                continue;
            }
            let bytes = self.key.iter().map(memory::value_bytes).sum::<u64>() + 40;
            self.seen.insert(self.key.clone());
            self.held.add(bytes)?;
            return Ok(Some(row));
        }
        Ok(None)
    }
}

/// A stable sort by the keys, in openCypher's total order (nulls last ascending).
pub struct Sort {
    input: Box<dyn Operator>,
    keys: Vec<(Expr, bool)>,
    output: Option<std::vec::IntoIter<Row>>,
    held: Held,
}

impl Sort {
    pub fn new(input: Box<dyn Operator>, keys: Vec<(Expr, bool)>) -> Sort {
        Sort { input, keys, output: None, held: Held::default() }
    }
}

impl Operator for Sort {
    fn next(&mut self, ctx: &mut ExecCtx<'_, '_>) -> Result<Option<Row>> {
        if self.output.is_none() {
            let mut keyed = Vec::new();
            while let Some(row) = self.input.next(ctx)? {
                let key = sort_key(&self.keys, &row, ctx)?;
                self.held.add(ranked_bytes(&key, &row))?;
                keyed.push((key, row));
            }
            let descending: Vec<bool> = self.keys.iter().map(|(_, d)| *d).collect();
            keyed.sort_by(|(a, _), (b, _)| compare_keys(a, b, &descending));
            self.output = Some(keyed.into_iter().map(|(_, row)| row).collect::<Vec<_>>().into_iter());
        }
        Ok(self.output.as_mut().and_then(Iterator::next))
    }
}

/// What a row waiting in a sort keeps: the row and its key.
fn ranked_bytes(key: &[Value], row: &Row) -> u64 {
    memory::row_bytes(row) + key.iter().map(memory::value_bytes).sum::<u64>()
}

fn sort_key(keys: &[(Expr, bool)], row: &Row, ctx: &ExecCtx<'_, '_>) -> Result<Vec<Value>> {
    keys.iter().map(|(e, _)| eval(e, row, ctx.graph())).collect()
}

/// ORDER BY's order of two rows' keys: openCypher's total order, each key ascending or
/// descending.
pub(super) fn compare_keys(a: &[Value], b: &[Value], descending: &[bool]) -> Ordering {
    a.iter()
        .zip(b)
        .zip(descending)
        .map(|((x, y), desc)| if *desc { y.order(x) } else { x.order(y) })
        .find(|o| o.is_ne())
        .unwrap_or(Ordering::Equal)
}

/// ORDER BY with LIMIT: the first `skip + limit` rows of the order, as the stable `Sort`
/// would give them. Rows are numbered as they arrive and ties broken by that number, so
/// the order is total; the buffer is cut back to the best `skip + limit` each time it
/// doubles (a selection, linear), so memory stays bounded by the limit, not the input.
/// It reads its whole input, as `Sort` does (updating clauses below must all run).
pub struct TopK {
    input: Box<dyn Operator>,
    keys: Vec<(Expr, bool)>,
    skip: Option<Count>,
    limit: Count,
    output: Option<std::vec::IntoIter<Row>>,
    held: Held,
}

/// A row waiting in `TopK`: its sort key, its arrival number, the row.
type Ranked = (Vec<Value>, u64, Row);

impl TopK {
    pub fn new(input: Box<dyn Operator>, keys: Vec<(Expr, bool)>, skip: Option<Expr>, limit: Expr) -> TopK {
        TopK {
            input,
            keys,
            skip: skip.map(Count::Pending),
            limit: Count::Pending(limit),
            output: None,
            held: Held::default(),
        }
    }

    fn best(&mut self, ctx: &mut ExecCtx<'_, '_>) -> Result<Vec<Row>> {
        let skip = match &mut self.skip {
            Some(count) => count.get(ctx, "SKIP")?,
            None => 0,
        };
        let k = skip.saturating_add(self.limit.get(ctx, "LIMIT")?);
        let descending: Vec<bool> = self.keys.iter().map(|(_, d)| *d).collect();
        let order = |a: &Ranked, b: &Ranked| compare_keys(&a.0, &b.0, &descending).then(a.1.cmp(&b.1));
        let mut buffer: Vec<Ranked> = Vec::new();
        let mut arrived = 0u64;
        // After a cut, the worst key kept: a later row whose key is no better (it arrived
        // later, so a tie ranks it after) cannot be among the best and is not kept.
        let mut worst: Option<Vec<Value>> = None;
        while let Some(row) = self.input.next(ctx)? {
            if k == 0 {
                continue;
            }
            let key = sort_key(&self.keys, &row, ctx)?;
            if worst.as_ref().is_some_and(|w| compare_keys(&key, w, &descending).is_ge()) {
                continue;
            }
            self.held.add(ranked_bytes(&key, &row))?;
            buffer.push((key, arrived, row));
            arrived += 1;
            if buffer.len() >= k.saturating_mul(2).max(64) {
                buffer.select_nth_unstable_by(k - 1, order);
                buffer.truncate(k);
                self.held.clear();
                for (key, _, row) in &buffer {
                    self.held.add(ranked_bytes(key, row))?;
                }
                // The selection leaves the k-th best last.
                worst = buffer.last().map(|r| r.0.clone());
            }
        }
        buffer.sort_unstable_by(order);
        buffer.truncate(k);
        Ok(buffer.into_iter().map(|(_, _, row)| row).collect())
    }
}

impl Operator for TopK {
    fn next(&mut self, ctx: &mut ExecCtx<'_, '_>) -> Result<Option<Row>> {
        if self.output.is_none() {
            self.output = Some(self.best(ctx)?.into_iter());
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
