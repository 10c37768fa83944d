//! The `collect`s of an `OrderedAggregate` read only at one end: per group, the first
//! (or last) few values in the order of the sort the plan no longer runs
//! (`planner/optimize/fold_ordered_collects.rs`).
//!
//! Each row's sort keys are evaluated once; a value is kept with its keys in a short list
//! ordered as the stable sort would order the rows: by the keys, then by arrival. So a new
//! value goes after every kept value whose keys are not greater than its own, and the
//! list is cut back to its length at the end it keeps. Nulls are skipped, as `collect`
//! skips them.

use std::cmp::Ordering;

use super::sort::compare_keys;
use crate::binder::bound::{AggregateCall, Expr};
use crate::error::Result;
use crate::exec::expr::eval;
use crate::exec::memory;
use crate::exec::Row;
use crate::planner::CollectEnd;
use crate::store::Graph;
use crate::value::Value;

pub(super) struct CollectEnds {
    order: Vec<(Expr, bool)>,
    descending: Vec<bool>,
    /// For each aggregate of the aggregation, the end its collect keeps, if it is one.
    ends: Vec<Option<CollectEnd>>,
    /// How many aggregates keep an end: each group has that many lists in `kept`.
    n_kept: usize,
    /// Each aggregate's place among those that keep an end.
    places: Vec<usize>,
    /// For each aggregate, the sort key its argument is, if one is: its value is then
    /// taken from the row's keys instead of being evaluated again (`head(collect(a.id))`
    /// by `a.year DESC, a.id`).
    key_args: Vec<Option<usize>>,
    /// Per group, per collect keeping an end, its values with their sort keys, in order.
    kept: Vec<Vec<(Vec<Value>, Value)>>,
    /// The current row's sort keys, reused from row to row.
    row_keys: Vec<Value>,
}

impl CollectEnds {
    pub(super) fn new(order: Vec<(Expr, bool)>, ends: &[CollectEnd], aggregates: &[AggregateCall]) -> CollectEnds {
        let ends: Vec<Option<CollectEnd>> =
            aggregates.iter().map(|call| ends.iter().find(|end| end.slot == call.slot).copied()).collect();
        let mut n_kept = 0;
        let places = ends
            .iter()
            .map(|end| {
                let place = n_kept;
                n_kept += usize::from(end.is_some());
                place
            })
            .collect();
        let descending = order.iter().map(|(_, d)| *d).collect();
        let key_args = aggregates
            .iter()
            .map(|call| call.arg.as_ref().and_then(|arg| order.iter().position(|(key, _)| key.same_as(arg))))
            .collect();
        CollectEnds { order, descending, ends, n_kept, places, key_args, kept: Vec::new(), row_keys: Vec::new() }
    }

    /// Whether aggregate number `i` keeps an end (and so takes its rows here).
    pub(super) fn takes(&self, i: usize) -> bool {
        self.ends.get(i).is_some_and(Option::is_some)
    }

    /// Evaluates `row`'s sort keys, for the values [`CollectEnds::offer`] takes from it.
    /// Every row's keys are evaluated, as the sort evaluated them, so that a key that
    /// fails fails here too.
    pub(super) fn read_keys(&mut self, row: &Row, graph: &Graph) -> Result<()> {
        self.row_keys.clear();
        for (e, _) in &self.order {
            self.row_keys.push(eval(e, row, graph)?);
        }
        Ok(())
    }

    /// Offers the value of aggregate `i` (a collect keeping an end) in `row` to `group`,
    /// after [`CollectEnds::read_keys`]; returns the bytes it keeps more.
    pub(super) fn offer(
        &mut self,
        group: usize,
        i: usize,
        call: &AggregateCall,
        row: &Row,
        graph: &Graph,
    ) -> Result<u64> {
        let Some(end) = self.ends.get(i).copied().flatten() else {
            return Ok(0);
        };
        let value = match (&call.arg, self.key_args[i]) {
            (_, Some(key)) => self.row_keys[key].clone(),
            (Some(arg), None) => eval(arg, row, graph)?,
            (None, None) => Value::Null,
        };
        if value.is_null() {
            return Ok(0);
        }
        let at = group * self.n_kept + self.places[i];
        if self.kept.len() <= at {
            self.kept.resize_with((group + 1) * self.n_kept, Vec::new);
        }
        let list = &mut self.kept[at];
        let keys = &self.row_keys;
        let descending = &self.descending;
        // Equal keys keep arrival order: a new value goes after every equal one.
        let place = list.partition_point(|(kept, _)| compare_keys(kept, keys, descending) != Ordering::Greater);
        let full = list.len() >= end.keep;
        if full && (end.from_end && place == 0 || !end.from_end && place == list.len()) {
            return Ok(0);
        }
        let bytes = memory::value_bytes(&value) + keys.iter().map(memory::value_bytes).sum::<u64>();
        list.insert(place, (keys.clone(), value));
        if list.len() > end.keep {
            if end.from_end {
                list.remove(0);
            } else {
                list.pop();
            }
        }
        Ok(bytes)
    }

    /// The list of aggregate `i` in `group`: its kept values, in sort order.
    pub(super) fn finish(&mut self, group: usize, i: usize) -> Value {
        let at = group * self.n_kept + self.places.get(i).copied().unwrap_or(0);
        match self.kept.get_mut(at) {
            Some(list) => Value::list(std::mem::take(list).into_iter().map(|(_, v)| v).collect()),
            None => Value::list(Vec::new()),
        }
    }
}
