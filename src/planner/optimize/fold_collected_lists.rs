//! Pass `fold_collected_lists`: a `collect(x)` whose list is read only through folds
//! of it is not built; each fold becomes an aggregate of its own, computed as the rows
//! arrive:
//! - `size(list)` is `count(x)` (both skip nulls; DISTINCT stays DISTINCT);
//! - `size([y IN list WHERE c])` is `count(CASE WHEN x IS NULL THEN NULL WHEN c[y := x]
//!   THEN x END)`;
//! - `reduce(acc = init, y IN list | step)` is `AggregateFunction::Reduce`: the step
//!   folded into the group's accumulator value by value, in arrival order
//!   (`exec/ops/aggregate_reduce.rs`);
//! - `any`/`all`/`none(y IN list WHERE c)` is the greatest or least of each value's
//!   verdict, coded as an integer, read back as the quantifier's three-valued answer
//!   (`quantified_folds.rs`); their condition may also read the group's keys
//!   (`any(y IN years WHERE y = p.year)` after `WITH p, collect(o.year) AS years`), which
//!   every row of the group holds.
//!
//! The list may be read under other names: a WITH passing it on (`ys`), or a filtering
//! comprehension projected as a list of its own (`WITH d, [y IN ys WHERE y >= $year] AS
//! recent WHERE size(recent) > 0`), whose reads then fold with its condition.
//! workload9 reduce_max_per_group built 18,000 lists at S to take each one's greatest year
//! and its length; workload10 list_comprehension_whole_label built them to count the
//! recent years in each.
//!
//! Why the answers stay:
//! - each fold sees the values the list would have held, in its order (nulls skipped, as
//!   `collect` skips them; a filter's condition never sees a null, since the list held
//!   none), so it gives the value the read gave;
//! - a fold's conditions and step read only the element and the accumulator, and `init`
//!   reads nothing, so they can be evaluated where the rows are aggregated;
//! - every read of the list, under any of its names, is such a fold, and no name of it
//!   leaves the query's scope unread (a list returned, kept by DISTINCT, or read any other
//!   way keeps the collect);
//! - the fold is computed for every group, while the read was evaluated only for the rows
//!   that reached it: when a filter, SKIP, LIMIT or top-k stands between, the fold's
//!   conditions and step must be ones that cannot fail (comparisons, `IS NULL`, boolean
//!   operators, `CASE` over those), so no group the query dropped raises an error.
//!
//! Each fold's value goes to a slot the query already has: the projected item that is the
//! fold (`units` of `size(ys) AS units`), or the name of the list it is the only fold of
//! (`recent`, its projection then copying itself), or the collect's own slot; a
//! quantifier's, else, to the slot of its own element variable, which nothing else reads
//! once the quantifier is gone. The scope boundaries between the aggregation and that
//! projection (or the last read) keep the slot.

use std::collections::{HashMap, HashSet};

use super::never_fails::{is_comparison, never_fails};
use super::quantified_folds::{self, Quantified};
use super::Ctx;
use crate::binder::bound::{AggregateCall, AggregateFunction, Expr, ExprKind, Function, Slot, Type};
use crate::error::Result;
use crate::planner::group_fold::varies;
use crate::planner::predicates::free_slots;
use crate::planner::LogicalOp;
use crate::value::Value;

pub fn fold_collected_lists(plan: LogicalOp, _: &Ctx<'_>) -> Result<LogicalOp> {
    // One collect at a time, each found on the plan the last one left: a folding rewrites
    // reads that another aggregation's arguments may hold. Each removes its collect.
    let mut plan = plan;
    loop {
        let mut foldings = Vec::new();
        find(&plan, &mut Vec::new(), &mut Vec::new(), &mut foldings);
        let Some((path, folding)) = foldings.into_iter().next() else { return Ok(plan) };
        if !apply(&mut plan, &path, &folding) {
            return Ok(plan);
        }
    }
}

/// A list the collect's values are read through: the collect's slot, a copy of it, or a
/// filtering comprehension over one of those.
#[derive(Clone)]
struct List {
    /// The comprehensions' conditions on the way, each with its element's slot.
    filters: Vec<(Slot, Expr)>,
    /// How far above the aggregation the projection that names it stands (0: the
    /// aggregation itself).
    depth: usize,
}

/// One fold of the collect: the aggregate that replaces it (its slot still to be chosen).
#[derive(Clone)]
struct Fold {
    call: AggregateCall,
    /// Whether its conditions and step cannot fail.
    safe: bool,
    /// A quantifier's: how its answer is read from the aggregate's value, and the slot of
    /// its element variable, free to hold that value.
    quantified: Option<Quantified>,
}

/// Where a fold is read: the operator's depth above the aggregation, the list slot it
/// reads, and the projected slot when the read is the whole of a projection's item.
struct Read {
    fold: usize,
    depth: usize,
    list: Slot,
    item: Option<Slot>,
}

/// What one collect becomes.
struct Folding {
    collect: Slot,
    x: Expr,
    distinct: bool,
    span: crate::span::Span,
    /// Every name of the list (the collect's slot at depth 0).
    lists: HashMap<Slot, List>,
    /// The keys a quantifier's condition may read, each with what gives it on the rows.
    keys: HashMap<Slot, Expr>,
    /// Each fold's aggregate, its slot the fold's home, and the depth of the projection
    /// that names the home (0: the aggregation itself).
    calls: Vec<(AggregateCall, usize)>,
    /// How high the analysis went (the operators above it are left alone).
    top: usize,
}

/// Walks down the plan keeping the operators above; at each aggregation, each collect
/// whose list is read only through folds gives a [`Folding`] with the path to it.
fn find<'a>(
    op: &'a LogicalOp,
    chain: &mut Vec<&'a LogicalOp>,
    path: &mut Vec<usize>,
    out: &mut Vec<(Vec<usize>, Folding)>,
) {
    if let LogicalOp::Aggregate { aggregates, keys, .. } = op {
        let key_slots: HashSet<Slot> = keys.iter().map(|(s, _)| *s).collect();
        for call in aggregates.iter().filter(|c| c.function == AggregateFunction::Collect && c.extra.is_none()) {
            if let Some(folding) = analyze(call, (&key_slots, quantified_folds::readable_keys(keys)), chain) {
                out.push((path.clone(), folding));
            }
        }
    }
    chain.push(op);
    for (i, child) in op.children().into_iter().enumerate() {
        path.push(i);
        find(child, chain, path, out);
        path.pop();
    }
    chain.pop();
}

/// The folding of `call`'s list, read by the operators of `chain` (nearest last), when
/// every read is a fold and each fold finds a home.
fn analyze(
    call: &AggregateCall,
    (key_slots, keys): (&HashSet<Slot>, HashMap<Slot, Expr>),
    chain: &[&LogicalOp],
) -> Option<Folding> {
    let x = call.arg.as_ref()?;
    if free_slots(x).is_none() || varies(x) {
        return None;
    }
    let mut walk = Walk::new(x, call, keys.clone());
    walk.lists.insert(call.slot, List { filters: Vec::new(), depth: 0 });
    walk.live.insert(call.slot);
    let mut top = 0;
    for (i, op) in chain.iter().rev().enumerate() {
        top = i + 1;
        if !walk.step(op, i + 1)? || walk.live.is_empty() {
            break;
        }
    }
    if walk.folds.is_empty() {
        return None;
    }
    let homes = walk.homes(key_slots)?;
    let calls = walk
        .folds
        .iter()
        .zip(homes)
        .map(|(fold, (home, depth))| (AggregateCall { slot: home, ..fold.call.clone() }, depth));
    let calls = calls.collect();
    Some(Folding {
        collect: call.slot,
        x: x.clone(),
        distinct: call.distinct,
        span: call.span,
        lists: walk.lists,
        keys,
        calls,
        top,
    })
}

/// The state of the walk up from the aggregation.
struct Walk<'a> {
    x: &'a Expr,
    distinct: bool,
    span: crate::span::Span,
    lists: HashMap<Slot, List>,
    /// The list slots still in scope.
    live: HashSet<Slot>,
    /// The aggregation's keys a quantifier's condition may read (see `find`), while they
    /// still hold the group's key, each with what gives it on the rows aggregated.
    keys: HashMap<Slot, Expr>,
    folds: Vec<Fold>,
    reads: Vec<Read>,
    /// Slots read as lists by a projection naming another list (a copy or comprehension).
    named_from: HashSet<Slot>,
    /// The depth of the first operator above that drops rows.
    first_drop: Option<usize>,
}

impl<'a> Walk<'a> {
    fn new(x: &'a Expr, call: &AggregateCall, keys: HashMap<Slot, Expr>) -> Walk<'a> {
        Walk {
            x,
            distinct: call.distinct,
            span: call.span,
            lists: HashMap::new(),
            live: HashSet::new(),
            keys,
            folds: Vec::new(),
            reads: Vec::new(),
            named_from: HashSet::new(),
            first_drop: None,
        }
    }

    /// Takes the reads of `op`, `depth` above the aggregation: `None` when one is not a
    /// fold; `Some(false)` when the lists go out of scope with it.
    fn step(&mut self, op: &LogicalOp, depth: usize) -> Option<bool> {
        match op {
            LogicalOp::Retain { slots, .. } => {
                self.live.retain(|s| slots.contains(s));
                self.keys.retain(|s, _| slots.contains(s));
                Some(true)
            }
            LogicalOp::Project { items, .. } => {
                // A key given another value no longer holds the group's key.
                self.keys.retain(|s, _| items.iter().all(|(slot, e)| slot != s || e.kind == ExprKind::Slot(*s)));
                let mut named = Vec::new();
                for (slot, e) in items {
                    match self.names_list(e) {
                        Some((from, list)) => {
                            self.named_from.insert(from);
                            named.push((*slot, List { depth, ..list }));
                        }
                        None => self.read(e, depth, Some(*slot))?,
                    }
                }
                for (slot, list) in named {
                    self.live.insert(slot);
                    self.lists.insert(slot, list);
                }
                Some(true)
            }
            LogicalOp::Filter { predicate, .. } => {
                self.read(predicate, depth, None)?;
                self.drops(depth);
                Some(true)
            }
            LogicalOp::Sort { keys, .. } => {
                keys.iter().try_for_each(|(e, _)| self.read(e, depth, None))?;
                Some(true)
            }
            LogicalOp::TopK { keys, skip, limit, .. } => {
                keys.iter().map(|(e, _)| e).chain(skip).chain([limit]).try_for_each(|e| self.read(e, depth, None))?;
                self.drops(depth);
                Some(true)
            }
            LogicalOp::Skip { count, .. } | LogicalOp::Limit { count, .. } => {
                self.read(count, depth, None)?;
                self.drops(depth);
                Some(true)
            }
            LogicalOp::Aggregate { keys, aggregates, .. } => {
                let args = aggregates.iter().flat_map(|a| a.arg.iter().chain(&a.extra));
                keys.iter().map(|(_, e)| e).chain(args).try_for_each(|e| self.read(e, depth, None))?;
                Some(false)
            }
            LogicalOp::ProduceResults { slots, .. } | LogicalOp::Distinct { slots, .. } => {
                slots.iter().all(|s| !self.live.contains(s)).then_some(false)
            }
            _ => None,
        }
    }

    fn drops(&mut self, depth: usize) {
        self.first_drop.get_or_insert(depth);
    }

    /// When `e` is a copy of a live list or a filtering comprehension over one (the whole
    /// of a projected item): the list read and the new one.
    fn names_list(&self, e: &Expr) -> Option<(Slot, List)> {
        match &e.kind {
            ExprKind::Slot(from) if self.live.contains(from) => Some((*from, self.lists[from].clone())),
            ExprKind::ListComprehension { slot, list, filter: Some(c), map: None } => {
                let ExprKind::Slot(from) = list.kind else { return None };
                let mut named = self.lists.get(&from).filter(|_| self.live.contains(&from))?.clone();
                named.filters.push((*slot, element_condition(c, *slot)?.clone()));
                Some((from, named))
            }
            _ => None,
        }
    }

    /// Takes the folds in `e` (the whole item `item` of a projection, if so); `None` when
    /// `e` reads a live list otherwise.
    fn read(&mut self, e: &Expr, depth: usize, item: Option<Slot>) -> Option<()> {
        if let (Some(item), Some((list, fold))) = (item, self.fold_of(e)) {
            self.take(fold, Read { fold: 0, depth, list, item: Some(item) });
            return Some(());
        }
        let mut rest = e.clone();
        let mut found = Vec::new();
        rest.rewrite(&mut |sub| {
            let fold = self.fold_of(sub)?;
            found.push(fold);
            Some(Expr { kind: ExprKind::Literal(Value::Null), ty: Type::Any, span: sub.span })
        });
        let reads = free_slots(&rest)?;
        if reads.iter().any(|s| self.live.contains(s)) {
            return None;
        }
        for (list, fold) in found {
            self.take(fold, Read { fold: 0, depth, list, item: None });
        }
        Some(())
    }

    /// Records a read of `fold`, the same fold read before counting as one.
    fn take(&mut self, fold: Fold, read: Read) {
        let at = self.folds.iter().position(|f| f.call.same_as(&fold.call));
        let index = at.unwrap_or_else(|| {
            self.folds.push(fold);
            self.folds.len() - 1
        });
        self.reads.push(Read { fold: index, ..read });
    }

    /// The fold `e` is over a live list, and the list slot it reads.
    fn fold_of(&self, e: &Expr) -> Option<(Slot, Fold)> {
        match &e.kind {
            ExprKind::Call(Function::Size, args) if args.len() == 1 => {
                let (list, filters) = self.view(&self.unmapped(&args[0])?)?;
                let safe = filters.iter().all(|(_, c)| never_fails(c));
                // Only whether a value passes counts, unless DISTINCT tells values apart.
                let one = Expr { kind: ExprKind::Literal(Value::Int(1)), ty: Type::Int, span: e.span };
                let passing = if self.distinct { self.x.clone() } else { one };
                let arg = filtered(self.x, &filters, passing);
                let call = self.call(AggregateFunction::Count, self.distinct, arg, None);
                Some((list, Fold { call, safe, quantified: None }))
            }
            ExprKind::Reduce { accumulator, init, slot, list, expr } if !self.distinct => {
                let (from, filters) = self.view(list)?;
                let init_ok = free_slots(init).is_some_and(|s| s.is_empty()) && never_fails(init) && !varies(init);
                let step_ok = free_slots(expr).is_some_and(|s| s.iter().all(|s| s == accumulator || s == slot));
                if !init_ok || !step_ok || varies(expr) {
                    return None;
                }
                let safe = never_fails(expr) && filters.iter().all(|(_, c)| never_fails(c));
                let empty = Expr { kind: ExprKind::Literal(Value::list(Vec::new())), ty: Type::List, span: e.span };
                let extra = Expr {
                    kind: ExprKind::Reduce {
                        accumulator: *accumulator,
                        init: init.clone(),
                        slot: *slot,
                        list: Box::new(empty),
                        expr: expr.clone(),
                    },
                    ..e.clone()
                };
                let arg = filtered(self.x, &filters, self.x.clone());
                let call = self.call(AggregateFunction::Reduce, false, arg, Some(extra));
                Some((from, Fold { call, safe, quantified: None }))
            }
            ExprKind::Quantifier { kind, slot, list, filter: Some(condition) } => {
                let quantified = Quantified::of(*kind, *slot)?;
                let (from, filters) = self.view(list)?;
                let verdict = self.verdict(condition, *slot)?;
                let safe = never_fails(&verdict) && filters.iter().all(|(_, c)| never_fails(c));
                let code = quantified_folds::verdict_code(&verdict, self.x);
                let arg = match filters.is_empty() {
                    true => code,
                    false => filtered(self.x, &filters, code),
                };
                let call = self.call(quantified.function(), false, arg, None);
                Some((from, Fold { call, safe, quantified: Some(quantified) }))
            }
            _ => None,
        }
    }

    /// A quantifier's `condition` on its element `element` as each row aggregated gives it:
    /// the element read as the collected value, each key as what gives it on the rows;
    /// `None` when it reads anything else or calls something random.
    fn verdict(&self, condition: &Expr, element: Slot) -> Option<Expr> {
        let reads = free_slots(condition)?;
        if varies(condition) || !reads.iter().all(|s| *s == element || self.keys.contains_key(s)) {
            return None;
        }
        let mut verdict = condition.clone();
        verdict.rewrite(&mut |e| match e.kind {
            ExprKind::Slot(s) if s == element => Some(self.x.clone()),
            ExprKind::Slot(s) => self.keys.get(&s).cloned(),
            _ => None,
        });
        Some(verdict)
    }

    /// `e` without the map of its comprehension when only its size is read and the map
    /// cannot fail (`[y IN ys WHERE y < 1950 | y]`, `[m IN members WHERE … | m.id]` over
    /// nodes): the map changes no element's count.
    fn unmapped(&self, e: &Expr) -> Option<Expr> {
        let ExprKind::ListComprehension { slot, list, filter, map: Some(map) } = &e.kind else {
            return Some(e.clone());
        };
        let entity = matches!(self.x.ty, Type::Node | Type::Relationship);
        let reads_element = |e: &Expr| e.kind == ExprKind::Slot(*slot);
        let harmless = match &map.kind {
            ExprKind::Property(owner, _) => reads_element(owner) && entity,
            _ => never_fails(map),
        };
        let kind = ExprKind::ListComprehension { slot: *slot, list: list.clone(), filter: filter.clone(), map: None };
        harmless.then(|| Expr { kind, ..e.clone() })
    }

    /// The live list `e` reads, through filtering comprehensions written in place, with
    /// every condition on the way.
    fn view(&self, e: &Expr) -> Option<(Slot, Vec<(Slot, Expr)>)> {
        match &e.kind {
            ExprKind::Slot(slot) if self.live.contains(slot) => Some((*slot, self.lists[slot].filters.clone())),
            ExprKind::ListComprehension { slot, list, filter, map: None } => {
                let (from, mut filters) = self.view(list)?;
                if let Some(c) = filter {
                    filters.push((*slot, element_condition(c, *slot)?.clone()));
                }
                Some((from, filters))
            }
            _ => None,
        }
    }

    fn call(&self, function: AggregateFunction, distinct: bool, arg: Expr, extra: Option<Expr>) -> AggregateCall {
        AggregateCall { function, distinct, arg: Some(arg), extra, slot: Slot(0), span: self.span }
    }

    /// Each fold's home slot (see the module comment) and the depth that names it, when
    /// every fold has one and the folds whose conditions could fail are all read before
    /// any row is dropped.
    fn homes(&self, key_slots: &HashSet<Slot>) -> Option<Vec<(Slot, usize)>> {
        let mut homes = Vec::new();
        for (i, fold) in self.folds.iter().enumerate() {
            let reads: Vec<&Read> = self.reads.iter().filter(|r| r.fold == i).collect();
            let latest = reads.iter().map(|r| r.depth.max(self.lists[&r.list].depth)).max()?;
            if !fold.safe && self.first_drop.is_some_and(|drop| drop < latest) {
                return None;
            }
            let home = match (&reads[..], &fold.quantified) {
                ([Read { item: Some(item), depth, .. }], _) => (*item, *depth),
                // Kept up to the last read.
                (_, Some(quantified)) => (quantified.element(), latest),
                _ => {
                    let list = reads[0].list;
                    // A quantifier's fold is homed in its element's slot, never in the list's.
                    let homed_apart = |r: &Read| self.folds[r.fold].quantified.is_some();
                    let only_reads = self.reads.iter().all(|r| r.list != list || r.fold == i || homed_apart(r));
                    let same_list = reads.iter().all(|r| r.list == list);
                    if !same_list || !only_reads || self.named_from.contains(&list) {
                        return None;
                    }
                    (list, self.lists[&list].depth)
                }
            };
            if key_slots.contains(&home.0) || homes.iter().any(|(h, _)| *h == home.0) {
                return None;
            }
            homes.push(home);
        }
        Some(homes)
    }
}

/// `c` when it reads nothing but the element `slot` (and calls nothing random).
fn element_condition(c: &Expr, slot: Slot) -> Option<&Expr> {
    let reads = free_slots(c)?;
    (reads.iter().all(|s| *s == slot) && !varies(c)).then_some(c)
}

/// `x` when it has no filter; else `passing` where `x` passes every condition of
/// `filters` (each on its element, here `x`), and null elsewhere: what the aggregate reads
/// for a filtered list. A null `x` is tested by none (the list held no null), unless every
/// condition is null on a null element anyway (`y >= 2000`).
fn filtered(x: &Expr, filters: &[(Slot, Expr)], passing: Expr) -> Expr {
    if filters.is_empty() {
        return x.clone();
    }
    let mut value = passing;
    for (slot, condition) in filters.iter().rev() {
        let mut test = condition.clone();
        test.rewrite(&mut |e| (e.kind == ExprKind::Slot(*slot)).then(|| x.clone()));
        value = case(vec![(test, value)], x);
    }
    // The first condition is tested first: null on a null element, it decides alone.
    if filters.first().is_some_and(|(slot, c)| null_rejecting(c, *slot)) {
        return value;
    }
    let is_null =
        Expr { kind: ExprKind::IsNull { expr: Box::new(x.clone()), negated: false }, ty: Type::Bool, span: x.span };
    let null = Expr { kind: ExprKind::Literal(Value::Null), ty: Type::Any, span: x.span };
    match value.kind {
        ExprKind::Case { whens, .. } => {
            let mut all = vec![(is_null, null)];
            all.extend(whens);
            case(all, x)
        }
        _ => value,
    }
}

/// Whether `c` is null, without failing, on a null element `slot`: a comparison of the
/// element itself with something that cannot fail (`y >= 2000`).
fn null_rejecting(c: &Expr, slot: Slot) -> bool {
    let is_element = |e: &Expr| e.kind == ExprKind::Slot(slot);
    match &c.kind {
        ExprKind::Binary(op, a, b) if is_comparison(*op) => {
            is_element(a) && never_fails(b) || is_element(b) && never_fails(a)
        }
        _ => false,
    }
}

fn case(whens: Vec<(Expr, Expr)>, x: &Expr) -> Expr {
    Expr { kind: ExprKind::Case { subject: None, whens, otherwise: None }, ty: x.ty, span: x.span }
}

/// Rewrites the operators on `path` (root first, the aggregation last) as `folding` says;
/// false when the aggregation is not there (nothing is then changed below the path).
fn apply(plan: &mut LogicalOp, path: &[usize], folding: &Folding) -> bool {
    let walk = Walk {
        x: &folding.x,
        distinct: folding.distinct,
        span: folding.span,
        lists: folding.lists.clone(),
        live: folding.lists.keys().copied().collect(),
        keys: folding.keys.clone(),
        folds: Vec::new(),
        reads: Vec::new(),
        named_from: HashSet::new(),
        first_drop: None,
    };
    let mut op = plan;
    for (j, &child) in path.iter().enumerate() {
        let depth = path.len() - j;
        if depth <= folding.top {
            rewrite_reads(op, depth, folding, &walk);
        }
        let Some(next) = op.children_mut().into_iter().nth(child) else { return false };
        op = next;
    }
    let LogicalOp::Aggregate { aggregates, .. } = op else { return false };
    let Some(at) = aggregates.iter().position(|c| c.slot == folding.collect) else { return false };
    let calls = folding.calls.iter().map(|(call, _)| call.clone());
    aggregates.splice(at..=at, calls);
    true
}

/// `op`, `depth` above the aggregation: each fold read becomes its home slot, each name of
/// the list is dropped (or copies its home), and each scope boundary below a home's
/// projection keeps the home.
fn rewrite_reads(op: &mut LogicalOp, depth: usize, folding: &Folding, walk: &Walk<'_>) {
    let reread = |e: &mut Expr| {
        e.rewrite(&mut |sub| {
            let (_, fold) = walk.fold_of(sub)?;
            let (call, _) = folding.calls.iter().find(|(call, _)| call.same_as(&fold.call))?;
            let value = Expr { kind: ExprKind::Slot(call.slot), ty: Type::Any, span: sub.span };
            Some(match fold.quantified {
                Some(quantified) => quantified.answer(value),
                None => value,
            })
        })
    };
    match op {
        LogicalOp::Project { items, .. } => {
            items.retain(|(slot, _)| {
                !folding.lists.contains_key(slot) || folding.calls.iter().any(|(c, _)| c.slot == *slot)
            });
            for (slot, e) in items.iter_mut() {
                match folding.lists.contains_key(slot) {
                    true => *e = Expr { kind: ExprKind::Slot(*slot), ty: Type::Any, span: e.span },
                    false => reread(e),
                }
            }
        }
        LogicalOp::Filter { predicate, .. } => reread(predicate),
        LogicalOp::Sort { keys, .. } => keys.iter_mut().for_each(|(e, _)| reread(e)),
        LogicalOp::TopK { keys, skip, limit, .. } => {
            keys.iter_mut().map(|(e, _)| e).chain(skip.iter_mut()).chain([limit]).for_each(reread)
        }
        LogicalOp::Skip { count, .. } | LogicalOp::Limit { count, .. } => reread(count),
        LogicalOp::Aggregate { keys, aggregates, .. } => {
            let args = aggregates.iter_mut().flat_map(|a| a.arg.iter_mut().chain(a.extra.iter_mut()));
            keys.iter_mut().map(|(_, e)| e).chain(args).for_each(reread)
        }
        LogicalOp::Retain { slots, .. } => {
            for (call, home_depth) in &folding.calls {
                if *home_depth > depth && !slots.contains(&call.slot) {
                    slots.push(call.slot);
                }
            }
        }
        _ => {}
    }
}
