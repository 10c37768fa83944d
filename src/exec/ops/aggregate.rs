//! Grouping and aggregate functions. Grouping keys are the non-aggregate items; rows
//! with equivalent keys (null equals null here) form one group, in order of first
//! appearance.

use super::aggregate_fold::{Fold, Moments};
#[path = "aggregate_merge.rs"]
mod merge;
use super::aggregate_keys::KeyEvaluation;
use super::aggregate_packed::{narrow, pack, pack_node, unpack, widen, Packed};
use super::aggregate_reduce::finish_reduce;
pub(super) use super::aggregate_reduce::Reducer;
use super::collect_ends::CollectEnds;
use super::group_index::PackedGroups;
use super::group_words::{WordGroups, MAX_READS};
use crate::binder::bound::{AggregateCall, AggregateFunction, Expr, ExprKind, Slot};
use crate::error::{Error, ErrorCode, ErrorKind, Result};
use crate::exec::expr::eval;
use crate::exec::memory::{self, Held};
use crate::exec::{Batch, Column, ExecCtx, Operator, Row};
use crate::planner::CollectEnd;
use crate::store::{Graph, NodeId};
use crate::value::Value;
pub(super) use merge::mergeable;

pub struct Aggregate {
    input: Box<dyn Operator>,
    keys: Vec<(Slot, Expr)>,
    aggregates: Vec<AggregateCall>,
    key_evaluation: KeyEvaluation,
    output: Option<std::vec::IntoIter<Row>>,
    held: Held,
    /// `LogicalOp::AggregateEach`: (the slot holding each row's list, the slot each of its
    /// elements is put into for the aggregates).
    each: Option<(Slot, Slot)>,
    /// The groups by their keys' values packed into words (`group_words.rs`), for one to
    /// [`MAX_READS`] keys: a row finds its group by a hash of a few integers.
    words: Option<WordGroups>,
    /// `LogicalOp::OrderedAggregate`: the collects that keep one end of a sort order.
    ends: Option<CollectEnds>,
    /// Per aggregate, the step of a folded `reduce` (`aggregate_reduce.rs`).
    reducers: Vec<Option<Reducer>>,
}

impl Aggregate {
    pub fn new(input: Box<dyn Operator>, keys: Vec<(Slot, Expr)>, aggregates: Vec<AggregateCall>) -> Aggregate {
        let key_evaluation = KeyEvaluation::new(&keys);
        let words = (1..=MAX_READS).contains(&keys.len()).then(WordGroups::default);
        let reducers = Reducer::for_calls(&aggregates);
        Aggregate {
            input,
            keys,
            aggregates,
            key_evaluation,
            output: None,
            held: Held::default(),
            each: None,
            words,
            ends: None,
            reducers,
        }
    }

    /// Each input row's group found once, then every element of its list in `list` folded
    /// into it (put in `each` for the aggregates to read).
    pub fn folding_each(self, list: Slot, each: Slot) -> Aggregate {
        Aggregate { each: Some((list, each)), ..self }
    }

    /// The collects of `ends` keep, per group, only their end of the order `order`
    /// (`collect_ends.rs`).
    pub fn keeping_ends(self, order: Vec<(Expr, bool)>, ends: &[CollectEnd]) -> Aggregate {
        let ends = CollectEnds::new(order, ends, &self.aggregates);
        Aggregate { ends: Some(ends), ..self }
    }

    /// Whether the aggregation can run over ranges of its input's scan, each on a thread of
    /// its own, its groups merged in range order (`split_fold.rs`).
    pub(super) fn splits(&self) -> bool {
        self.each.is_none()
            && self.ends.is_none()
            && self.reducers.iter().all(Option::is_none)
            && self.aggregates.iter().all(mergeable)
    }

    /// Aggregates every input row and gives the groups, not rows.
    pub(super) fn into_groups(mut self, ctx: &mut ExecCtx<'_, '_>) -> Result<Groups> {
        self.fold(ctx)
    }

    fn consume(&mut self, ctx: &mut ExecCtx<'_, '_>) -> Result<Vec<Row>> {
        let groups = self.fold(ctx)?;
        self.finish(groups, ctx)
    }

    /// Every input row in its group.
    fn fold(&mut self, ctx: &mut ExecCtx<'_, '_>) -> Result<Groups> {
        let mut groups = Groups::default();
        // Batches only from an input that makes them: for any other, a batch would be a
        // row wrapped and unwrapped again.
        if self.input.gives_batches() {
            while let Some(batch) = self.input.next_batch(ctx)? {
                if self.keys.is_empty() && self.each.is_none() && !batch.columns().is_empty() && self.by_columns(&batch)
                {
                    let states = groups.of(&[], &self.aggregates);
                    let mut bytes = 0;
                    for (call, state) in self.aggregates.iter().zip(states) {
                        bytes += state.update_batch(call, &batch);
                    }
                    groups.held.add(bytes)?;
                    continue;
                }
                for mut row in batch.into_rows() {
                    self.add(&mut groups, &mut row, ctx.graph())?;
                }
            }
        } else {
            while let Some(mut row) = self.input.next(ctx)? {
                self.add(&mut groups, &mut row, ctx.graph())?;
            }
        }
        Ok(groups)
    }

    /// The groups made rows.
    fn finish(&mut self, groups: Groups, ctx: &ExecCtx<'_, '_>) -> Result<Vec<Row>> {
        let (mut rows, held) = groups.into_rows(&self.keys, &self.aggregates, ctx)?;
        if let Some(ends) = &mut self.ends {
            // One row per group, in the groups' order.
            for (group, row) in rows.iter_mut().enumerate() {
                for (i, call) in self.aggregates.iter().enumerate() {
                    if ends.takes(i) {
                        row.set(call.slot, ends.finish(group, i));
                    }
                }
            }
        }
        // The groups' memory stays counted while their rows wait to be handed on.
        self.held = held;
        Ok(rows)
    }
}

impl Aggregate {
    /// Adds `row` to its group.
    fn add(&mut self, groups: &mut Groups, row: &mut Row, graph: &crate::store::Graph) -> Result<()> {
        let mut key = std::mem::take(&mut groups.key);
        key.clear();
        for (i, (_, e)) in self.keys.iter().enumerate() {
            self.key_evaluation.push(i, e, row, graph, &mut key)?;
        }
        let n_groups = groups.len();
        // A new group keeps its key, its states and a slot in the table.
        let key_bytes = key.iter().map(memory::value_bytes).sum::<u64>() + 64 * (self.aggregates.len() as u64 + 1);
        let (group, mut bytes) = match self.words.as_mut().filter(|w| !w.is_off()) {
            Some(words) => group_by_words(words, groups, &key, &self.aggregates),
            None => (groups.group_of(&key, &self.aggregates), 0),
        };
        let states = groups.states_of(group, self.aggregates.len());
        match (self.each, &mut self.ends) {
            (None, None) => {
                for ((call, state), reducer) in self.aggregates.iter().zip(states).zip(&mut self.reducers) {
                    bytes += match reducer {
                        Some(reducer) => state.update_reduce(call, reducer, row, graph)?,
                        None => state.update(call, row, graph)?,
                    };
                }
            }
            (None, Some(ends)) => {
                ends.read_keys(row, graph)?;
                for (i, (call, state)) in self.aggregates.iter().zip(states).enumerate() {
                    bytes += match ends.takes(i) {
                        true => ends.offer(group, i, call, row, graph)?,
                        false => state.update(call, row, graph)?,
                    };
                }
            }
            (Some((list, each)), _) => {
                let Value::List(items) = row.get(list).clone() else {
                    return Err(crate::error::Error::internal("AggregateEach over a row without its list"));
                };
                for item in items.iter() {
                    row.set(each, item.clone());
                    for (call, state) in self.aggregates.iter().zip(states.iter_mut()) {
                        bytes += match &call.arg {
                            // The element itself, without evaluating the argument again.
                            Some(Expr { kind: ExprKind::Slot(slot), .. }) if *slot == each => state.add(call, item),
                            _ => state.update(call, row, graph)?,
                        };
                    }
                }
            }
        }
        if groups.len() > n_groups {
            bytes += key_bytes;
        }
        groups.key = key;
        groups.held.add(bytes)
    }

    /// Whether every aggregate can take `batch` a column at a time
    /// ([`State::update_batch`]): `count(*)`, or `count` or `sum` of a slot that holds
    /// integers in the batch (what a counting expansion gives).
    fn by_columns(&self, batch: &Batch) -> bool {
        self.aggregates.iter().all(|call| match (call.function, &call.arg) {
            (AggregateFunction::CountStar, _) => true,
            (AggregateFunction::Count | AggregateFunction::Sum, Some(arg))
                if !call.distinct && call.extra.is_none() =>
            {
                matches!(arg.kind, ExprKind::Slot(slot) if matches!(batch.column(slot), Some(Column::Ints(_))))
            }
            _ => false,
        })
    }
}

/// The group of `key` found by its packed words when they are known, else by its values
/// (and its words remembered); with the bytes the words table keeps more.
fn group_by_words(
    words: &mut WordGroups,
    groups: &mut Groups,
    key: &[Value],
    aggregates: &[AggregateCall],
) -> (usize, u64) {
    if !words.pack_values(key) {
        words.unpacked();
        return (groups.group_of(key, aggregates), 0);
    }
    if let Some(group) = words.find() {
        return (group, 0);
    }
    let group = groups.group_of(key, aggregates);
    (group, words.remember(group))
}

impl Operator for Aggregate {
    fn next(&mut self, ctx: &mut ExecCtx<'_, '_>) -> Result<Option<Row>> {
        if self.output.is_none() {
            self.output = Some(self.consume(ctx)?.into_iter());
        }
        Ok(self.output.as_mut().and_then(Iterator::next))
    }
}

/// The groups seen so far: each key maps to its group's number, in order of first
/// appearance; a group's states are consecutive entries of `states`, one per aggregate.
pub(super) struct Groups {
    /// The groups while every key packs (`group_index.rs`); `None` once one did not, the
    /// groups then in `index`.
    packed: Option<PackedGroups>,
    index: foldhash::HashMap<Vec<Value>, usize>,
    states: Vec<State>,
    /// The key of the current row, evaluated into a buffer reused from row to row: it
    /// moves into the table only when its group is new.
    key: Vec<Value>,
    /// The memory the groups keep: keys, states, collected values.
    held: Held,
    /// The last row's group and its key: rows often come grouped (all the rows expanded
    /// from one node), and then the next row's group is found without hashing.
    last: Option<(Vec<Value>, usize)>,
}

impl Default for Groups {
    fn default() -> Self {
        Groups {
            packed: Some(PackedGroups::default()),
            index: foldhash::HashMap::default(),
            states: Vec::new(),
            key: Vec::new(),
            held: Held::default(),
            last: None,
        }
    }
}

impl Groups {
    /// The states of the group of `key`, made when it is new (its key copied).
    fn of(&mut self, key: &[Value], aggregates: &[AggregateCall]) -> &mut [State] {
        let group = self.group_of(key, aggregates);
        self.states_of(group, aggregates.len())
    }

    /// The states of group number `group`, `n` aggregates each.
    pub(super) fn states_of(&mut self, group: usize, n: usize) -> &mut [State] {
        &mut self.states[group * n..(group + 1) * n]
    }

    /// How many groups there are.
    pub(super) fn len(&self) -> usize {
        match &self.packed {
            Some(packed) => packed.len(),
            None => self.index.len(),
        }
    }

    /// Counts `bytes` more kept by the groups; fails past the statement's memory limit.
    pub(super) fn hold(&mut self, bytes: u64) -> Result<()> {
        self.held.add(bytes)
    }

    /// The number of the group of `key`, made when it is new (its key copied).
    pub(super) fn group_of(&mut self, key: &[Value], aggregates: &[AggregateCall]) -> usize {
        if let Some(packed) = &mut self.packed {
            match packed.group_of(key) {
                Some((group, new)) => {
                    if new {
                        self.states.extend(aggregates.iter().map(State::new));
                    }
                    return group;
                }
                // A key that does not pack: the groups go on by their values.
                None => self.index = self.packed.take().map(PackedGroups::into_values).unwrap_or_default(),
            }
        }
        match &self.last {
            // Equal as the table's keys are equal, so the group is the one the table holds.
            Some((last, group)) if last == key => *group,
            _ => {
                let group = match self.index.get(key) {
                    Some(&group) => group,
                    None => {
                        let group = self.index.len();
                        self.index.insert(key.to_vec(), group);
                        self.states.extend(aggregates.iter().map(State::new));
                        group
                    }
                };
                match &mut self.last {
                    Some((last, at)) => {
                        last.clear();
                        last.extend_from_slice(key);
                        *at = group;
                    }
                    None => self.last = Some((key.to_vec(), group)),
                }
                group
            }
        }
    }

    /// Each group in order of first appearance given to `take` with its key's values and
    /// its aggregates' values, instead of a row (`group_levels.rs`); then the memory the
    /// groups kept.
    pub(super) fn for_each_group(
        self,
        aggregates: &[AggregateCall],
        ctx: &ExecCtx<'_, '_>,
        mut take: impl FnMut(&[Value], &[Value]) -> Result<()>,
    ) -> Result<Held> {
        let Groups { packed, index, states, held, .. } = self;
        let mut states = states.into_iter();
        let mut finals = Vec::with_capacity(aggregates.len());
        let row = Row::default();
        for key in keys_in_order(packed, index) {
            finals.clear();
            for (call, state) in aggregates.iter().zip(states.by_ref().take(aggregates.len())) {
                finals.push(state.finish(call, &row, ctx)?);
            }
            take(&key, &finals)?;
        }
        Ok(held)
    }

    /// One row per group, in order of first appearance, with its keys in their slots and
    /// each aggregate's value in its own; with no grouping keys and no group, one row of
    /// the aggregates over nothing (`count(*)` = 0). The memory the groups kept comes back
    /// with them, to stay counted while the rows wait to be handed on.
    pub(super) fn into_rows(
        self,
        key_items: &[(Slot, Expr)],
        aggregates: &[AggregateCall],
        ctx: &ExecCtx<'_, '_>,
    ) -> Result<(Vec<Row>, Held)> {
        let Groups { packed, index, mut states, held, .. } = self;
        let n = aggregates.len();
        let mut keys = keys_in_order(packed, index);
        if keys.is_empty() && key_items.is_empty() {
            keys.push(Vec::new());
            states.extend(aggregates.iter().map(State::new));
        }
        let mut rows = Vec::with_capacity(keys.len());
        let mut states = states.into_iter();
        for key in keys {
            let mut row = Row::new(ctx.width);
            for ((slot, expr), value) in key_items.iter().zip(key) {
                // A bare variable key keeps its own slot too, for items that read it
                // after the aggregation (`RETURN n, n.x + count(*)`).
                if let ExprKind::Slot(original) = expr.kind {
                    row.set(original, value.clone());
                }
                row.set(*slot, value);
            }
            for (call, state) in aggregates.iter().zip(states.by_ref().take(n)) {
                row.set(call.slot, state.finish(call, &row, ctx)?);
            }
            rows.push(row);
        }
        Ok((rows, held))
    }
}

/// The groups' keys in group order, from the packed table or the one by values.
fn keys_in_order(packed: Option<PackedGroups>, index: foldhash::HashMap<Vec<Value>, usize>) -> Vec<Vec<Value>> {
    match packed {
        Some(packed) => packed.into_keys().collect(),
        None => {
            let mut keys: Vec<(Vec<Value>, usize)> = index.into_iter().collect();
            keys.sort_unstable_by_key(|(_, group)| *group);
            keys.into_iter().map(|(key, _)| key).collect()
        }
    }
}

/// The running state of one aggregate in one group.
pub(super) struct State {
    count: i64,
    values: Vec<Value>,
    /// The values seen, for DISTINCT only (most aggregates need no set per group).
    seen: Option<Seen>,
    percentile: Option<Value>,
    /// For `sum`, `avg`, `min`, `max`: the running fold kept instead of the values.
    fold: Option<Fold>,
    /// For a folded `reduce` (`aggregate_reduce.rs`): the accumulator once a value was
    /// folded in; the values given without the step wait in `values`.
    reduced: Option<Value>,
}

impl State {
    fn new(call: &AggregateCall) -> State {
        let seen = call.distinct.then(|| Seen::Nodes(foldhash::HashSet::default(), None));
        State { count: 0, values: Vec::new(), seen, percentile: None, fold: None, reduced: None }
    }

    /// Folds a row's value into a folded `reduce`'s accumulator (nulls skipped, as
    /// `collect` skips them); returns the bytes it keeps more.
    pub(super) fn reduce(
        &mut self,
        call: &AggregateCall,
        reducer: &mut Reducer,
        value: Value,
        graph: &Graph,
    ) -> Result<u64> {
        if value.is_null() {
            return Ok(0);
        }
        if !self.values.is_empty() {
            // Values already wait for the step: this one goes after them.
            return Ok(self.add(call, &value));
        }
        self.count += 1;
        let acc = match self.reduced.take() {
            Some(acc) => acc,
            None => super::aggregate_reduce::initial(call, graph)?,
        };
        let before = memory::value_bytes(&acc);
        let next = reducer.step(acc, value, graph)?;
        let bytes = memory::value_bytes(&next).saturating_sub(before);
        self.reduced = Some(next);
        Ok(bytes)
    }

    /// [`State::update`] for a folded `reduce`: the argument evaluated on `row`, then
    /// folded in.
    fn update_reduce(&mut self, call: &AggregateCall, reducer: &mut Reducer, row: &Row, graph: &Graph) -> Result<u64> {
        let value = match &call.arg {
            Some(arg) => eval(arg, row, graph)?,
            None => Value::Null,
        };
        self.reduce(call, reducer, value, graph)
    }

    /// Keeps a non-null value an aggregate other than `count` reads: in its fold when it
    /// has one, else collected. Returns the bytes it keeps more.
    fn keep(&mut self, function: AggregateFunction, value: Value) -> u64 {
        if self.fold.is_none() && self.values.is_empty() {
            self.fold = Fold::start(function, &value);
        }
        match &mut self.fold {
            Some(fold) => fold.add(value),
            None => {
                let bytes = memory::value_bytes(&value);
                self.values.push(value);
                bytes
            }
        }
    }

    /// What [`State::update`] does for each row of `batch`, for the aggregates that
    /// [`Aggregate::by_columns`] admits: none of their values is null.
    /// Returns the bytes it keeps more.
    fn update_batch(&mut self, call: &AggregateCall, batch: &Batch) -> u64 {
        let column = match &call.arg {
            Some(Expr { kind: ExprKind::Slot(slot), .. }) => batch.column(*slot),
            _ => None,
        };
        self.count += batch.len() as i64;
        if let (AggregateFunction::Sum, Some(Column::Ints(values))) = (call.function, column) {
            return values.iter().map(|&v| self.keep(call.function, Value::Int(v))).sum();
        }
        0
    }

    /// Adds a row's value; returns the bytes it keeps more (a collected value, a value
    /// seen by DISTINCT).
    fn update(&mut self, call: &AggregateCall, row: &Row, graph: &crate::store::Graph) -> Result<u64> {
        if call.function == AggregateFunction::CountStar {
            self.count += 1;
            return Ok(0);
        }
        let value = match &call.arg {
            Some(arg) => eval(arg, row, graph)?,
            None => Value::Null,
        };
        // A folded reduce's `extra` is its step, read when the group finishes.
        if let (Some(extra), None, false) = (&call.extra, &self.percentile, call.function == AggregateFunction::Reduce)
        {
            self.percentile = Some(eval(extra, row, graph)?);
        }
        Ok(self.add(call, &value))
    }

    /// Sets a percentile's fraction from `fraction` unless a first input already set it.
    pub(super) fn take_percentile_once(&mut self, fraction: impl FnOnce() -> Result<Value>) -> Result<()> {
        if self.percentile.is_none() {
            self.percentile = Some(fraction()?);
        }
        Ok(())
    }

    /// Counts one row for `count(*)`.
    pub(super) fn count_row(&mut self) {
        self.count += 1;
    }

    /// Counts `n` more rows for `count(*)`, or `n` more non-null values for a `count`
    /// that is not DISTINCT (folded elsewhere, `stored_rel_fold.rs`).
    pub(super) fn count_many(&mut self, n: u64) {
        self.count += i64::try_from(n).unwrap_or(i64::MAX);
    }

    /// Adds the moments of a `stDev`'s integers folded elsewhere (`stored_rel_fold.rs`);
    /// false, with nothing added, when the state cannot take them (a DISTINCT one, another
    /// function, a float or an overflow already met).
    pub(super) fn add_moments(&mut self, call: &AggregateCall, moments: Moments) -> bool {
        if moments.n == 0 {
            return true;
        }
        if self.seen.is_some() || !matches!(call.function, AggregateFunction::StDev | AggregateFunction::StDevP) {
            return false;
        }
        if self.fold.is_none() && self.values.is_empty() {
            self.fold = Fold::start(call.function, &Value::Int(0));
        }
        let taken = self.fold.as_mut().is_some_and(|fold| fold.add_moments(moments));
        if taken {
            self.count += i64::try_from(moments.n).unwrap_or(i64::MAX);
        }
        taken
    }

    /// Adds one string of `min`/`max`'s argument read in place (`aggregate_fold.rs`,
    /// `Fold::offer_str`); false, with nothing added, when the state cannot take it so (a
    /// DISTINCT one, another function, a best of another kind): add its `Value` then.
    pub(super) fn add_str(&mut self, call: &AggregateCall, text: &str) -> bool {
        if self.seen.is_some() || !matches!(call.function, AggregateFunction::Min | AggregateFunction::Max) {
            return false;
        }
        if self.fold.is_none() && self.values.is_empty() {
            self.fold = Fold::start(call.function, &Value::Null);
        }
        let taken = self.fold.as_mut().is_some_and(|fold| fold.offer_str(text));
        self.count += i64::from(taken);
        taken
    }

    /// Adds one value of a `count(DISTINCT …)` given packed (`aggregate_packed.rs`), made
    /// no `Value` while the values seen are packed; returns the bytes it keeps more.
    pub(super) fn add_packed(&mut self, words: Packed) -> u64 {
        let new = match &mut self.seen {
            Some(seen) => seen.insert_packed(words),
            None => return 0,
        };
        self.count += i64::from(new);
        if new {
            40
        } else {
            0
        }
    }

    /// Adds one value of a DISTINCT aggregate whose argument's values come in runs that
    /// never come back (`group_runs.rs`), `run` the number of the value's run: the value is
    /// new to the group exactly when the group took none in this run, so no set of the
    /// values is kept. Returns the bytes it keeps more.
    pub(super) fn add_in_run(&mut self, call: &AggregateCall, value: &Value, run: u64) -> u64 {
        if value.is_null() {
            return 0;
        }
        match &mut self.seen {
            Some(Seen::Runs(last)) if *last == run => return 0,
            Some(Seen::Runs(last)) => *last = run,
            Some(Seen::Nodes(ids, None)) if ids.is_empty() => self.seen = Some(Seen::Runs(run)),
            // A state that kept its values in a set goes on so.
            _ => return self.add(call, value),
        }
        self.count += 1;
        match call.function {
            AggregateFunction::Count => 0,
            function => self.keep(function, value.clone()),
        }
    }

    /// Adds one value of the aggregate's argument; returns the bytes it keeps more.
    pub(super) fn add(&mut self, call: &AggregateCall, value: &Value) -> u64 {
        // Aggregates skip nulls.
        if value.is_null() || self.seen.as_mut().is_some_and(|seen| !seen.insert(value)) {
            return 0;
        }
        self.count += 1;
        let mut bytes = 0;
        if self.seen.is_some() {
            bytes += memory::value_bytes(value);
        }
        if call.function != AggregateFunction::Count {
            bytes += self.keep(call.function, value.clone());
        }
        bytes
    }

    fn finish(self, call: &AggregateCall, _row: &Row, ctx: &ExecCtx<'_, '_>) -> Result<Value> {
        use AggregateFunction as A;
        let span = call.span;
        if let (Some(fold), false) = (self.fold, matches!(call.function, A::CountStar | A::Count)) {
            return fold.finish(call.function, span);
        }
        Ok(match call.function {
            A::Reduce => finish_reduce(call, self.reduced, self.values, ctx.graph())?,
            A::CountStar | A::Count => Value::Int(self.count),
            A::Collect => Value::list(self.values),
            A::Min => self.values.into_iter().min_by(|a, b| a.order(b)).unwrap_or(Value::Null),
            A::Max => self.values.into_iter().max_by(|a, b| a.order(b)).unwrap_or(Value::Null),
            A::Sum | A::Avg if crate::exec::temporal::all_durations(&self.values) => {
                crate::exec::temporal::sum_durations(&self.values, call.function == A::Avg, span)?
            }
            A::Sum => sum(&self.values, span)?,
            A::Avg => match numbers(&self.values, span)? {
                xs if xs.is_empty() => Value::Null,
                xs => Value::Float(xs.iter().sum::<f64>() / xs.len() as f64),
            },
            A::StDev | A::StDevP => Value::Float(super::aggregate_fold::two_passes(
                &numbers(&self.values, span)?,
                call.function == A::StDev,
            )),
            A::PercentileCont | A::PercentileDisc => percentile(call, self.values, self.percentile, span)?,
        })
    }
}

/// The values a DISTINCT aggregate has seen in one group: while every value is a node
/// (`count(DISTINCT p)`), their ids, which hash and compare as 4 bytes instead of a
/// `Value`; while every value packs into four words (integers, nodes, short lists of them:
/// `count(DISTINCT [a.id, o.id])`, `aggregate_packed.rs`) of one first word and narrows to
/// one (`aggregate_packed::narrow`), that word (a set of hundreds of thousands of pairs stays
/// a quarter the size, and its inserts miss the cache less); while every value packs, those
/// words; all as values once another kind arrives.
enum Seen {
    /// The nodes' ids, and the last one inserted: the rows of an expansion come node by
    /// node, so a node is mostly seen again right after itself, found without hashing.
    Nodes(foldhash::HashSet<NodeId>, Option<NodeId>),
    /// The first word every value packed to, and each value narrowed to one word.
    Narrow(u64, foldhash::HashSet<u64>),
    Packed(foldhash::HashSet<Packed>),
    Values(foldhash::HashSet<Value>),
    /// The number of the last run a value was taken in, for values that come in runs
    /// (`State::add_in_run`, the only way such a state takes values).
    Runs(u64),
}

impl Seen {
    /// Whether `value` was not seen before (it is now).
    fn insert(&mut self, value: &Value) -> bool {
        match (&mut *self, value) {
            (Seen::Nodes(_, Some(last)), Value::Node(id)) if last == id => false,
            (Seen::Nodes(ids, last), Value::Node(id)) => {
                *last = Some(*id);
                ids.insert(*id)
            }
            (Seen::Values(values), value) => values.insert(value.clone()),
            (_, value) => match pack(value) {
                // Two values are the same node exactly when their ids are equal, and pack alike.
                Some(words) => self.insert_packed(words),
                None => self.insert_value(value),
            },
        }
    }

    /// Whether the value `words` packs was not seen before (it is now).
    fn insert_packed(&mut self, words: Packed) -> bool {
        match self {
            Seen::Narrow(first, set) => {
                if let (true, Some(word)) = (*first == words[0], narrow(&words)) {
                    return set.insert(word);
                }
                // A value of another first word, or one that does not narrow: all made wide.
                let first = *first;
                let mut wide: foldhash::HashSet<Packed> = set.drain().map(|word| widen(first, word)).collect();
                let new = wide.insert(words);
                *self = Seen::Packed(wide);
                new
            }
            Seen::Packed(set) => set.insert(words),
            Seen::Values(values) => values.insert(unpack(&words)),
            // Never given a value but in its runs: it counts the value as new, as its run is.
            Seen::Runs(_) => true,
            Seen::Nodes(ids, _) if ids.is_empty() => {
                *self = match narrow(&words) {
                    Some(word) => Seen::Narrow(words[0], std::iter::once(word).collect()),
                    None => Seen::Packed(std::iter::once(words).collect()),
                };
                true
            }
            Seen::Nodes(ids, _) => {
                let mut set: foldhash::HashSet<Packed> = ids.drain().map(pack_node).collect();
                let new = set.insert(words);
                *self = Seen::Packed(set);
                new
            }
        }
    }

    /// Inserts `value` as a `Value`, the values seen so far made `Value`s first (each
    /// node id or packed value becomes its value, equal to the one seen).
    fn insert_value(&mut self, value: &Value) -> bool {
        let mut values: foldhash::HashSet<Value> = match std::mem::replace(self, Seen::Values(Default::default())) {
            Seen::Values(values) => values,
            Seen::Nodes(ids, _) => ids.into_iter().map(Value::Node).collect(),
            Seen::Narrow(first, set) => set.into_iter().map(|word| unpack(&widen(first, word))).collect(),
            Seen::Packed(set) => set.into_iter().map(|words| unpack(&words)).collect(),
            Seen::Runs(_) => foldhash::HashSet::default(),
        };
        let new = values.insert(value.clone());
        *self = Seen::Values(values);
        new
    }
}

/// The value of the aggregate `call` over `values` (nulls already left out), as the
/// row-by-row aggregation gives it: for column loops that fall back to reading values.
pub(super) fn aggregate_values(call: &AggregateCall, values: Vec<Value>, ctx: &ExecCtx<'_, '_>) -> Result<Value> {
    let state = State { count: values.len() as i64, values, seen: None, percentile: None, fold: None, reduced: None };
    state.finish(call, &Row::default(), ctx)
}

/// The value of a DISTINCT aggregate `call` over `values`, each taken as the row-by-row
/// aggregation takes a row's value (repeats and nulls left out by its own test).
pub(super) fn aggregate_distinct_values(
    call: &AggregateCall,
    values: impl Iterator<Item = Value>,
    ctx: &ExecCtx<'_, '_>,
) -> Result<Value> {
    let mut state = State::new(call);
    for value in values {
        state.add(call, &value);
    }
    state.finish(call, &Row::default(), ctx)
}

fn numbers(values: &[Value], span: crate::span::Span) -> Result<Vec<f64>> {
    values
        .iter()
        .map(|v| match v {
            Value::Int(i) => Ok(*i as f64),
            Value::Float(f) => Ok(*f),
            other => Err(Error::at(
                ErrorCode::InvalidArgumentType,
                span,
                format!("cannot aggregate a {} as a number", other.type_name()),
            )
            .as_kind(ErrorKind::TypeError)),
        })
        .collect()
}

fn sum(values: &[Value], span: crate::span::Span) -> Result<Value> {
    if values.iter().all(|v| matches!(v, Value::Int(_))) {
        let mut total: i64 = 0;
        for v in values {
            if let Value::Int(i) = v {
                total = total
                    .checked_add(*i)
                    .ok_or_else(|| Error::at(ErrorCode::IntegerOverflow, span, "integer overflow in sum()"))?;
            }
        }
        return Ok(Value::Int(total));
    }
    Ok(Value::Float(numbers(values, span)?.iter().sum()))
}

fn percentile(call: &AggregateCall, values: Vec<Value>, p: Option<Value>, span: crate::span::Span) -> Result<Value> {
    let p = match p {
        Some(Value::Int(i)) => i as f64,
        Some(Value::Float(f)) => f,
        _ => return Ok(Value::Null),
    };
    if !(0.0..=1.0).contains(&p) {
        return Err(Error::at(ErrorCode::NumberOutOfRange, span, format!("percentile {p} is not between 0 and 1")));
    }
    let mut xs = numbers(&values, span)?;
    if xs.is_empty() {
        return Ok(Value::Null);
    }
    xs.sort_by(|a, b| a.total_cmp(b));
    if call.function == AggregateFunction::PercentileDisc {
        let index = ((p * xs.len() as f64).ceil() as usize).saturating_sub(1).min(xs.len() - 1);
        let chosen = xs[index];
        // Integers stay integers when every input was one.
        return Ok(if values.iter().all(|v| matches!(v, Value::Int(_))) {
            Value::Int(chosen as i64)
        } else {
            Value::Float(chosen)
        });
    }
    let position = p * (xs.len() - 1) as f64;
    let (low, high) = (position.floor() as usize, position.ceil() as usize);
    Ok(Value::Float(xs[low] + (xs[high] - xs[low]) * (position - low as f64)))
}
