//! Ordering and trimming rows: DISTINCT, ORDER BY, SKIP, LIMIT.

use std::cmp::Ordering;

use crate::binder::bound::{Expr, Slot};
use crate::error::Result;
use crate::exec::expr::eval;
use crate::exec::memory::{self, Held};
use crate::exec::{ExecCtx, Operator, Row};
use crate::value::Value;

use super::sort_keys::SortKeys;

pub struct Distinct {
    input: Box<dyn Operator>,
    slots: Vec<Slot>,
    seen: foldhash::HashSet<Vec<Value>>,
    /// The current row's values, reused from row to row: copied into `seen` only when new.
    key: Vec<Value>,
    held: Held,
    /// One of `slots` the input's rows come clustered by (`planner::clustered_slots`), and
    /// its value in the current run: a row of a later run differs from every row seen in
    /// that slot, so the rows seen are forgotten at the end of each run.
    runs: Option<(Slot, Option<Value>)>,
}

impl Distinct {
    pub fn new(input: Box<dyn Operator>, slots: Vec<Slot>) -> Distinct {
        let (seen, key, held) = (foldhash::HashSet::default(), Vec::new(), Held::default());
        Distinct { input, slots, seen, key, held, runs: None }
    }

    /// Forgets the rows seen at the end of each run of a slot among `clustered`.
    pub fn forgetting_runs_of(self, clustered: &[Slot]) -> Distinct {
        let runs = self.slots.iter().find(|s| clustered.contains(s)).map(|&slot| (slot, None));
        Distinct { runs, ..self }
    }

    /// Follows the run of the clustered slot to `row`; forgets the rows seen when it ends.
    fn follow_run(&mut self, row: &Row) {
        let Some((slot, current)) = &mut self.runs else { return };
        let value = row.get(*slot);
        if current.as_ref() == Some(value) {
            return;
        }
        *current = Some(value.clone());
        self.seen.clear();
        self.held.clear();
    }
}

impl Operator for Distinct {
    fn next(&mut self, ctx: &mut ExecCtx<'_, '_>) -> Result<Option<Row>> {
        while let Some(row) = self.input.next(ctx)? {
            self.follow_run(&row);
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
            let mut rows = Vec::new();
            let mut keys = SortKeys::new(self.keys.iter().map(|(_, d)| *d).collect());
            while let Some(row) = self.input.next(ctx)? {
                let key_bytes = push_keys(&self.keys, &row, &mut keys, ctx)?;
                self.held.add(memory::row_bytes(&row) + key_bytes)?;
                rows.push(row);
            }
            // Ties keep their arrival order: the sort is stable.
            let mut order: Vec<usize> = (0..rows.len()).collect();
            order.sort_unstable_by(|&a, &b| keys.compare(a, b).then(a.cmp(&b)));
            self.output = Some(take_in_order(rows, &order).into_iter());
        }
        Ok(self.output.as_mut().and_then(Iterator::next))
    }
}

/// Appends `row`'s sort keys to `keys`; gives the bytes they hold.
fn push_keys(exprs: &[(Expr, bool)], row: &Row, keys: &mut SortKeys, ctx: &ExecCtx<'_, '_>) -> Result<u64> {
    let mut bytes = 0;
    for (at, (e, _)) in exprs.iter().enumerate() {
        let value = eval(e, row, ctx.graph())?;
        bytes += memory::value_bytes(&value);
        keys.push(at, value);
    }
    Ok(bytes)
}

/// The rows at `order`, in that order.
fn take_in_order(mut rows: Vec<Row>, order: &[usize]) -> Vec<Row> {
    order.iter().filter_map(|&i| rows.get_mut(i).map(std::mem::take)).collect()
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
///
/// The keys are held a column per key (`sort_keys.rs`: numbers compared as numbers), the
/// rows in arrival order, so a row's place in the buffer is its arrival number. With a
/// SKIP, the first `skip` rows come out in no particular order: the `Skip` right above
/// (the `use_top_k` pass puts a `TopK` with a SKIP only there) drops exactly those, so
/// only the last `limit` are sorted.
pub struct TopK {
    input: Box<dyn Operator>,
    keys: Vec<(Expr, bool)>,
    skip: Option<Count>,
    limit: Count,
    output: Option<std::vec::IntoIter<Row>>,
    held: Held,
}

/// The rows a `TopK` holds, in arrival order, with their keys.
struct Buffer {
    rows: Vec<Row>,
    keys: SortKeys,
}

impl Buffer {
    /// The order of rows `a` and `b`: by their keys, then by arrival.
    fn compare(&self, a: usize, b: usize) -> Ordering {
        self.keys.compare(a, b).then(a.cmp(&b))
    }

    /// Cuts the buffer back to its best `k` (k ≥ 1), kept in arrival order; gives the
    /// place of the k-th best, the worst kept.
    fn cut(&mut self, k: usize) -> usize {
        let mut order: Vec<usize> = (0..self.rows.len()).collect();
        order.select_nth_unstable_by(k - 1, |&a, &b| self.compare(a, b));
        let mut keep = vec![false; self.rows.len()];
        order[..k].iter().for_each(|&i| keep[i] = true);
        let worst = order[k - 1];
        let worst_place = keep[..worst].iter().filter(|&&kept| kept).count();
        let mut at = keep.iter();
        self.rows.retain(|_| at.next().copied().unwrap_or(true));
        self.keys.retain(&keep);
        worst_place
    }

    /// The best `k` rows: the first `skip` of them in no particular order, the rest
    /// sorted.
    fn into_best(self, skip: usize, k: usize) -> Vec<Row> {
        let mut order: Vec<usize> = (0..self.rows.len()).collect();
        let compare = |a: &usize, b: &usize| self.compare(*a, *b);
        if k < order.len() {
            order.select_nth_unstable_by(k, compare);
            order.truncate(k);
        }
        if skip >= order.len() {
            // The `Skip` above drops them all.
        } else if skip > 0 {
            order.select_nth_unstable_by(skip, compare);
            order[skip..].sort_unstable_by(compare);
        } else {
            order.sort_unstable_by(compare);
        }
        take_in_order(self.rows, &order)
    }
}

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
        let mut buffer = Buffer { rows: Vec::new(), keys: SortKeys::new(self.keys.iter().map(|(_, d)| *d).collect()) };
        // After a cut, the place of the worst row kept: a later row whose key is no
        // better (it arrived later, so a tie ranks it after) cannot be among the best.
        let mut worst: Option<usize> = None;
        while let Some(row) = self.input.next(ctx)? {
            if k == 0 {
                continue;
            }
            let key_bytes = push_keys(&self.keys, &row, &mut buffer.keys, ctx)?;
            let at = buffer.rows.len();
            if worst.is_some_and(|w| buffer.keys.compare(at, w).is_ge()) {
                buffer.keys.pop();
                continue;
            }
            self.held.add(memory::row_bytes(&row) + key_bytes)?;
            buffer.rows.push(row);
            if buffer.rows.len() >= k.saturating_mul(2).max(64) {
                let before = buffer.rows.len() as u64;
                worst = Some(buffer.cut(k));
                // What the rows cut held, as a share of the whole.
                let held = self.held.bytes();
                self.held.clear();
                self.held.add(held / before.max(1) * buffer.rows.len() as u64)?;
            }
        }
        Ok(buffer.into_best(skip, k))
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
