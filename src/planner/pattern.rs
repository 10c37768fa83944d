//! `plan_match`: a MATCH pattern becomes a start operator and expansions, with each
//! condition of its WHERE placed right after the operator that binds the last variable
//! it reads (filter pushdown), and key conditions answered by the key index.

use super::build::{boxed, check_depth, split_where, too_deep, with_filter, Planner, MAX_PLAN_DEPTH};
use super::index_seek::{index_seek, rel_index_seek, IndexSeekPlan, RelSeekPlan};
use super::predicates::{binary, conjunction, fixed_before, slot_expr, Conjunct, KeyCondition, KeySeek};
use std::collections::HashSet;

use super::start::{Order, Side};
use super::{ElementFilter, Hop, LogicalOp, PathSpec, Step};
use crate::binder::bound::{self, Expr, ExprKind, LabelRef, NodePattern, PatternPart, RelPattern, Slot, Type};
use crate::error::{Error, ErrorCode, Result};
use crate::span::Span;
use crate::syntax::ast::{BinaryOp, RelDirection, UnaryOp};

/// How the start node of a pattern part is found.
pub(super) enum Access {
    /// An earlier operator bound it.
    Bound,
    /// The key index, with the inline property at this index of the pattern's properties.
    InlineKey(LabelRef, usize),
    /// The key index, answering the WHERE condition at this index of the pending ones.
    KeyCondition(usize, KeyCondition),
    /// A range index on one of its labels, finding candidates for conditions that stay.
    IndexSeek(IndexSeekPlan),
    /// The label index, with this label (the one with the fewest nodes).
    Label(LabelRef),
    /// The label index of each of these labels, the node carrying one of them (`(n:A|B)`).
    LabelUnion(Vec<LabelRef>),
    AllNodes,
}

impl Planner<'_> {
    /// A MATCH in the naive plan: a `MatchPattern` holding the pattern and the WHERE
    /// conditions its operators may place (the `plan_patterns` pass plans it), then a
    /// filter of those that wait for the whole match (they hold a pattern or a subquery,
    /// lifted here, or call `rand()`), then a semi-apply per `[NOT] EXISTS { … }`.
    pub(super) fn plan_match(&mut self, input: LogicalOp, m: &bound::MatchClause) -> Result<LogicalOp> {
        let (filter, post) = split_post_filter(m.filter.as_ref(), &m.pattern);
        let filter = with_element_filters(filter, &m.pattern);
        let (plain, subqueries) = split_where(filter.as_ref());
        if !m.optional {
            let op = self.plan_match_pattern(input, &m.pattern, plain)?;
            let op = self.plan_semi_applies(op, &subqueries)?;
            return self.plan_post_filter(op, post);
        }
        let inner = self.plan_match_pattern(LogicalOp::Argument, &m.pattern, plain)?;
        let inner = self.plan_semi_applies(inner, &subqueries)?;
        let inner = self.plan_post_filter(inner, post)?;
        Ok(LogicalOp::Optional { input: boxed(input), inner: boxed(inner), new_slots: m.new_slots.clone() })
    }

    /// The conditions that filter the paths GQL selectors picked, after the whole match
    /// (a filter never moves below a selection).
    fn plan_post_filter(&mut self, op: LogicalOp, post: Vec<Expr>) -> Result<LogicalOp> {
        let post = conjunction(post);
        let (mut plain, subqueries) = split_where(post.as_ref());
        let op = self.lift_subqueries(op, plain.iter_mut())?;
        let op = add_filter(op, plain);
        self.plan_semi_applies(op, &subqueries)
    }

    fn plan_match_pattern(
        &mut self,
        input: LogicalOp,
        pattern: &bound::Pattern,
        plain: Vec<Expr>,
    ) -> Result<LogicalOp> {
        let mut before: Vec<Slot> = self.bound.iter().copied().collect();
        before.sort();
        let plain = crate::planner::predicates::guard_constant_conjuncts(plain);
        let (predicates, mut rest): (Vec<Expr>, Vec<Expr>) =
            plain.into_iter().partition(|e| Conjunct::new(e.clone()).placeable());
        let op = LogicalOp::MatchPattern {
            input: boxed(input),
            pattern: Box::new(pattern.clone()),
            predicates,
            bound: before,
        };
        for part in &pattern.parts {
            self.bound.extend(part.nodes.iter().map(|n| n.slot));
            self.bound.extend(part.rels.iter().map(|r| r.slot));
            self.bound.extend(part.path);
        }
        let op = self.lift_subqueries(op, rest.iter_mut())?;
        Ok(add_filter(op, rest))
    }

    /// The operators of a `MatchPattern`: each part from its start, chosen with its
    /// expansions by cost (`start.rs`); each condition in `predicates` after the part
    /// that makes it checkable (the `push_filters` pass moves it down to the operator
    /// that binds the last variable it reads), key conditions answered by seeks.
    pub(super) fn plan_pattern(
        &mut self,
        mut op: LogicalOp,
        pattern: &bound::Pattern,
        predicates: Vec<Expr>,
    ) -> Result<LogicalOp> {
        self.match_rels.clear();
        for part in &pattern.parts {
            part.nodes.iter().for_each(|n| self.known.add_node(n));
            part.rels.iter().for_each(|r| self.known.add_rel(r));
        }
        let mut pending: Vec<Conjunct> = predicates.into_iter().map(Conjunct::new).collect();
        op = self.place_ready(op, &mut pending);
        for part in self.order_parts(&pattern.parts) {
            op = check_depth(self.plan_part(op, part, &mut pending)?)?;
        }
        // Every condition is checkable once the whole pattern is bound.
        Ok(add_filter(op, pending.into_iter().map(|c| c.expr).collect()))
    }

    /// Adds, as one filter, the pending conditions whose variables are now all bound.
    pub(super) fn place_ready(&self, op: LogicalOp, pending: &mut Vec<Conjunct>) -> LogicalOp {
        let (ready, waiting): (Vec<_>, Vec<_>) =
            std::mem::take(pending).into_iter().partition(|c| c.ready(&self.bound));
        *pending = waiting;
        add_filter(op, ready.into_iter().map(|c| c.expr).collect())
    }

    /// Starts at the node where the part is cheapest to match from, then expands both ways.
    fn plan_part(&mut self, input: LogicalOp, part: &PatternPart, pending: &mut Vec<Conjunct>) -> Result<LogicalOp> {
        if let Some(all) = part.shortest {
            return self.plan_shortest_path(input, part, all, None, pending);
        }
        if let Some(searched) = super::shortest_repeat::searched_repeat(part, &|s| self.bound.contains(&s)) {
            return self.plan_searched_repeat(input, searched, pending);
        }
        // Each relationship is at least one operator: refuse an over-long chain before
        // the order search, whose tables grow with the square of its length.
        if part.rels.len() > MAX_PLAN_DEPTH {
            return Err(too_deep());
        }
        // A part sharing nodes with what is bound may be cheaper planned on its own, once,
        // and joined by hash on them (`part_join.rs`).
        if let Some(order) = self.choose_part_join(&input, part, pending) {
            return self.plan_part_join(input, part, order, pending);
        }
        let before: Vec<Slot> = self.bound.iter().copied().collect();
        let Order { start, steps } = self.choose_order(part, pending);
        // A relationship whose conditions make it the cheapest start is found by a scan
        // of its type, in the order its columns are stored (`rel_scan.rs`), unless a hash
        // join of the part's halves is cheaper still.
        let seek = self.rel_start(part, pending, start).is_some();
        let scan = (!seek).then(|| self.choose_rel_scan(part, pending)).flatten();
        let runs = super::cardinality::plan_rows_from(&input, self.argument_rows, self.stats);
        let join = (!seek).then(|| self.choose_costed_join(part, pending, runs)).flatten();
        match (scan, join) {
            (Some(scan), join) if join.as_ref().is_none_or(|(_, cost)| scan.cost <= *cost) => {
                return self.plan_rel_scan_part(input, part, &scan, pending);
            }
            (_, Some((binding, _))) => {
                let op = self.plan_join_binding(input, part, &binding, pending)?;
                return Ok(self.with_path(op, part, pending));
            }
            _ => {}
        }
        // A relationship found through its type's range index binds its two ends; the
        // part then grows right, then left, from them.
        let (mut op, steps, left, right) = match self.rel_start(part, pending, start) {
            Some(seek) => {
                let i = seek.index;
                let mut steps = vec![Side::Right; part.rels.len() - i - 1];
                steps.extend(vec![Side::Left; i]);
                (self.plan_rel_start(input, part, seek), steps, i, i + 1)
            }
            None => (self.plan_start(input, &part.nodes[start], pending), steps, start, start),
        };
        op = self.plan_steps(op, part, &steps, (left, right))?;
        op = self.with_path(op, part, pending);
        // The part's conditions are checked before SHORTEST selects among its matches.
        op = self.place_ready(op, pending);
        if let Some(selector) = part.selector {
            // Per input row and pair of ends, the matches kept by length.
            let mut keys = before;
            keys.sort();
            keys.extend(part.nodes.first().map(|n| n.slot));
            keys.extend(part.nodes.last().map(|n| n.slot));
            let rels = part.rels.iter().map(|r| (r.slot, r.length.is_some())).collect();
            op = LogicalOp::SelectShortest { input: boxed(op), keys, rels, k: selector.k, groups: selector.groups };
        }
        Ok(op)
    }

    /// The expansions `steps` of `part` over `op`, which bound its nodes `left..=right`.
    pub(super) fn plan_steps(
        &mut self,
        mut op: LogicalOp,
        part: &PatternPart,
        steps: &[Side],
        (mut left, mut right): (usize, usize),
    ) -> Result<LogicalOp> {
        for side in steps {
            op = match side {
                Side::Right => {
                    let (rel, from, to) = (&part.rels[right], &part.nodes[right], &part.nodes[right + 1]);
                    right += 1;
                    self.plan_expand(op, rel, from, to, rel.direction, false)?
                }
                Side::Left => {
                    let (rel, from, to) = (&part.rels[left - 1], &part.nodes[left], &part.nodes[left - 1]);
                    left -= 1;
                    self.plan_expand(op, rel, from, to, rel.direction.reversed(), true)?
                }
            };
        }
        Ok(op)
    }

    /// The part's path value, when it names one, built once its slots are bound.
    pub(super) fn with_path(&mut self, op: LogicalOp, part: &PatternPart, pending: &mut Vec<Conjunct>) -> LogicalOp {
        let Some(path) = part.path else { return op };
        self.bound.insert(path);
        let op = LogicalOp::BuildPath {
            input: boxed(op),
            slot: path,
            nodes: part.nodes.iter().map(|n| n.slot).collect(),
            rels: part.rels.iter().map(|r| r.slot).collect(),
        };
        self.place_ready(op, pending)
    }

    /// How `node` would be found if the part started there: bound already, a key
    /// seek (inline, or from a WHERE condition), the label with the fewest nodes, or all.
    pub(super) fn access(&self, node: &NodePattern, pending: &[Conjunct]) -> Access {
        if self.bound.contains(&node.slot) {
            return Access::Bound;
        }
        if let Some((label, index)) = &node.key {
            return Access::InlineKey(label.clone(), *index);
        }
        if let Some((label, index)) = self.indexed_inline_key(node) {
            return Access::InlineKey(label, index);
        }
        let condition = pending
            .iter()
            .enumerate()
            .find_map(|(i, c)| KeyCondition::of(c, node, &self.bound, self.stats).map(|k| (i, k)));
        if let Some((i, condition)) = condition {
            return Access::KeyCondition(i, condition);
        }
        if let Some(seek) = index_seek(node, pending, &self.bound, self.stats) {
            return Access::IndexSeek(seek);
        }
        if let Some(label) = node.labels.iter().min_by_key(|l| l.id.map_or(0, |id| self.stats.label_count(id))) {
            return Access::Label(label.clone());
        }
        match pending.iter().find_map(|c| super::label_union::label_union(&c.expr, node.slot)) {
            Some(labels) => Access::LabelUnion(labels),
            None => Access::AllNodes,
        }
    }

    /// A relationship to start the part at, through its type's range index, when that is
    /// guessed to find fewer rows than the best node start (a label or all-nodes scan).
    fn rel_start(&self, part: &PatternPart, pending: &[Conjunct], start: usize) -> Option<RelSeekPlan> {
        let node = &part.nodes[start];
        let node_rows = match self.access(node, pending) {
            Access::Label(label) => label.id.map_or(0, |id| self.stats.label_count(id)) as f64,
            Access::LabelUnion(labels) => self.label_union_rows(&labels),
            Access::AllNodes => self.stats.node_count() as f64,
            _ => return None,
        };
        let seek = rel_index_seek(&part.rels, &part.nodes, pending, &self.bound, self.stats)?;
        let rows = match (seek.ty.id, seek.key.id) {
            (Some(ty), Some(key)) => self.estimator().seek_rows(super::estimate::SeekOwner::Type(ty), key, &seek.seek),
            _ => 0.0,
        };
        (rows < node_rows).then_some(seek)
    }

    /// The seek of relationship `seek.index`, binding it and both its ends, with the ends'
    /// labels and inline properties and the relationship's checked after it.
    fn plan_rel_start(&mut self, input: LogicalOp, part: &PatternPart, seek: RelSeekPlan) -> LogicalOp {
        let i = seek.index;
        let (rel, a, b) = (&part.rels[i], &part.nodes[i], &part.nodes[i + 1]);
        let (start, end) = match rel.direction {
            RelDirection::Left => (b.slot, a.slot),
            _ => (a.slot, b.slot),
        };
        let mut predicates = self.uniqueness(rel.slot, rel.span);
        predicates.extend(property_predicates(rel.slot, Type::Relationship, &rel.properties, None, rel.span));
        predicates.extend(node_predicate(a, None));
        predicates.extend(node_predicate(b, None));
        self.match_rels.push((rel.slot, false));
        self.bound.extend([rel.slot, a.slot, b.slot]);
        let RelSeekPlan { ty, key, seek, .. } = seek;
        let op = LogicalOp::RelIndexSeek { input: boxed(input), rel: rel.slot, start, end, ty, key, seek };
        with_filter(op, conjunction(predicates))
    }

    /// A label of `node` whose key (declared, or an import's id column, which the key
    /// index holds alike) the pattern gives inline, from values bound before it.
    fn indexed_inline_key(&self, node: &NodePattern) -> Option<(LabelRef, usize)> {
        node.labels.iter().find_map(|label| {
            let label_id = label.id?;
            let index = node.properties.iter().position(|(key, value)| {
                key.id.is_some_and(|k| self.stats.is_key(label_id, k)) && fixed_before(value, &self.bound)
            })?;
            Some((label.clone(), index))
        })
    }

    pub(super) fn plan_start(
        &mut self,
        input: LogicalOp,
        node: &NodePattern,
        pending: &mut Vec<Conjunct>,
    ) -> LogicalOp {
        let slot = node.slot;
        let (op, found_label, skip_prop) = match self.access(node, pending) {
            Access::Bound => return with_filter(input, node_predicate(node, None)),
            Access::InlineKey(label, index) => {
                let (key, value) = &node.properties[index];
                let (key, value) = (key.clone(), value.clone());
                let op = LogicalOp::NodeByKey { input: boxed(input), slot, label: label.clone(), key, value };
                (op, Some(label), Some(index))
            }
            Access::KeyCondition(i, KeyCondition { label, key, seek }) => {
                // The seek answers the condition exactly: it is not checked again.
                pending.remove(i);
                let input = boxed(input);
                let op = match seek {
                    KeySeek::One(value) => LogicalOp::NodeByKey { input, slot, label: label.clone(), key, value },
                    KeySeek::Many(values) => LogicalOp::NodeByKeys { input, slot, label: label.clone(), key, values },
                };
                (op, Some(label), None)
            }
            Access::IndexSeek(IndexSeekPlan { label, key, seek }) => {
                let op = LogicalOp::NodeIndexSeek { input: boxed(input), slot, label: label.clone(), key, seek };
                (op, Some(label), None)
            }
            Access::Label(label) => {
                (LogicalOp::NodeScan { input: boxed(input), slot, label: Some(label.clone()) }, Some(label), None)
            }
            Access::LabelUnion(labels) => {
                (LogicalOp::UnionNodeByLabelsScan { input: boxed(input), slot, labels }, None, None)
            }
            Access::AllNodes => (LogicalOp::NodeScan { input: boxed(input), slot, label: None }, None, None),
        };
        self.bound.insert(slot);
        let remaining = NodePattern {
            labels: node.labels.iter().filter(|l| Some(*l) != found_label.as_ref()).cloned().collect(),
            ..node.clone()
        };
        with_filter(op, node_predicate(&remaining, skip_prop))
    }

    pub(super) fn plan_expand(
        &mut self,
        input: LogicalOp,
        rel: &RelPattern,
        from: &NodePattern,
        to: &NodePattern,
        direction: RelDirection,
        backwards: bool,
    ) -> Result<LogicalOp> {
        if let Some(quantified) = &rel.quantified {
            return self.plan_repeat(input, (rel, quantified), from, to, backwards);
        }
        let rel_bound = self.bound.contains(&rel.slot);
        if rel_bound && rel.length.is_some() {
            return Err(Error::at(
                ErrorCode::UnsupportedFeature,
                rel.span,
                "a variable-length relationship bound to a list of relationships: not supported yet",
            ));
        }
        let into = self.bound.contains(&to.slot);
        self.bound.insert(rel.slot);
        self.bound.insert(to.slot);
        let step =
            Step { direction, types: rel.types.clone(), properties: rel.properties.clone(), filters: Vec::new() };
        let mut predicates = Vec::new();
        let op = match rel.length {
            Some((min, max)) => {
                let exclude = self.match_rels.iter().map(|(s, _)| *s).collect();
                self.match_rels.push((rel.slot, true));
                LogicalOp::VarExpand {
                    input: boxed(input),
                    path: PathSpec { from: from.slot, rel: rel.slot, to: to.slot, step, min, max, reversed: backwards },
                    into,
                    exclude,
                }
            }
            None => {
                predicates.extend(property_predicates(rel.slot, Type::Relationship, &rel.properties, None, rel.span));
                predicates.extend(self.uniqueness(rel.slot, rel.span));
                self.match_rels.push((rel.slot, false));
                let types = step.types;
                let (from, rel, to) = (from.slot, rel.slot, to.slot);
                LogicalOp::Expand { input: boxed(input), hop: Hop { from, rel, to, direction, types, into, rel_bound } }
            }
        };
        // A bound far node is checked too: this occurrence of it may add labels or
        // properties (`MATCH (a)-->(b), (c)-->(b {v: 0})`); a label the schema guarantees
        // at the far end is not (`end_labels.rs`).
        predicates.extend(node_predicate(&self.without_guaranteed_labels(rel, to, direction), None));
        check_depth(with_filter(op, conjunction(predicates)))
    }

    /// A new single relationship differs from every relationship this MATCH bound before,
    /// except those of other types only (never the same relationship: no check needed).
    pub(super) fn uniqueness(&self, rel: Slot, span: Span) -> Vec<Expr> {
        let this = || slot_expr(rel, Type::Relationship, span);
        self.match_rels
            .iter()
            .filter(|(other, _)| !self.disjoint_types(rel, *other))
            .map(|(other, is_list)| match is_list {
                false => binary(BinaryOp::Ne, this(), slot_expr(*other, Type::Relationship, span)),
                true => {
                    let inside = binary(BinaryOp::In, this(), slot_expr(*other, Type::List, span));
                    Expr { kind: ExprKind::Unary(UnaryOp::Not, Box::new(inside)), ty: Type::Bool, span }
                }
            })
            .collect()
    }

    /// Whether the two relationship variables are known to have types of which none is
    /// the other's (both typed by known type names): they are never one relationship.
    fn disjoint_types(&self, a: Slot, b: Slot) -> bool {
        let (Some(a), Some(b)) = (self.known.rels.get(&a), self.known.rels.get(&b)) else { return false };
        !a.is_empty() && !b.is_empty() && a.iter().all(|t| !b.contains(t))
    }

    /// shortestPath((a)-[*]-(b)): both ends found first (key seeks where they can be),
    /// then a breadth-first search from both ends for each pair; or, when an end would be
    /// found by a scan with many candidates, the other end first and one search from it
    /// that reaches every node the scanned end could be, which is then checked
    /// (`single_source`, when cheaper: see `one_search_is_cheaper`). `step_filter` is a
    /// condition on each relationship besides those of the WHERE (`shortest_repeat.rs`).
    pub(super) fn plan_shortest_path(
        &mut self,
        input: LogicalOp,
        part: &PatternPart,
        all: bool,
        step_filter: Option<ElementFilter>,
        pending: &mut Vec<Conjunct>,
    ) -> Result<LogicalOp> {
        let (mut from, mut to, rel) = (&part.nodes[0], &part.nodes[1], &part.rels[0]);
        let scanned = |planner: &Self, node: &NodePattern| {
            matches!(planner.access(node, pending), Access::Label(_) | Access::LabelUnion(_) | Access::AllNodes)
        };
        let (scan_from, scan_to) = (scanned(self, from), scanned(self, to));
        // The search starts at the end with fewer candidates when both are scanned.
        let reversed = match (scan_from, scan_to) {
            (true, true) => self.candidates(from, pending) > self.candidates(to, pending),
            (from_only, _) => from_only,
        };
        let mut direction = rel.direction;
        if reversed {
            (from, to, direction) = (to, from, direction.reversed());
        }
        let single_source = from.slot != to.slot
            && (scan_from || scan_to)
            && self.one_search_is_cheaper(from, (rel, direction), self.candidates(to, pending));
        if reversed && !single_source {
            (from, to, direction) = (to, from, direction.reversed());
        }
        let mut op = self.plan_start(input, from, pending);
        if !single_source {
            op = self.plan_start(op, to, pending);
        }
        self.bound.insert(rel.slot);
        let step =
            Step { direction, types: rel.types.clone(), properties: rel.properties.clone(), filters: Vec::new() };
        let (min, max) = rel.length.unwrap_or((1, Some(1)));
        let lists = [Some(rel.slot), part.path];
        let before: HashSet<Slot> = self.bound.iter().filter(|s| **s != rel.slot).copied().collect();
        let filters = step_filter
            .into_iter()
            .chain(pending.iter().filter_map(|c| element_filter(&c.expr, &lists, &|s| before.contains(&s))))
            .collect();
        let reversed = reversed && single_source;
        let mut op = LogicalOp::ShortestPath {
            input: boxed(op),
            path: PathSpec { from: from.slot, rel: rel.slot, to: to.slot, step, min, max, reversed },
            all,
            filters,
            single_source,
            end_filter: None,
            stop_after: None,
        };
        if single_source {
            // The far end's labels and properties, checked on each node the search reached.
            self.bound.insert(to.slot);
            op = with_filter(op, node_predicate(to, None));
        }
        if let Some(path) = part.path {
            self.bound.insert(path);
            op = LogicalOp::BuildPath {
                input: boxed(op),
                slot: path,
                nodes: vec![part.nodes[0].slot, part.nodes[1].slot],
                rels: vec![rel.slot],
            };
        }
        Ok(self.place_ready(op, pending))
    }

    /// The nodes `node` is guessed to match: its labels and properties, and the conditions
    /// of `pending` that read only it and what is bound.
    fn candidates(&self, node: &NodePattern, pending: &[Conjunct]) -> f64 {
        if self.bound.contains(&node.slot) {
            return 1.0;
        }
        let est = self.estimator();
        let mut bound = self.bound.clone();
        bound.insert(node.slot);
        let conditions: Vec<&Expr> =
            pending.iter().filter(|c| !c.ready(&self.bound) && c.ready(&bound)).map(|c| &c.expr).collect();
        est.node_rows(node) * super::estimate::conjoin(est.selectivities(&conditions))
    }

    /// Whether one search from `source`, reaching every node within the path's length,
    /// is guessed to cost less than a search from both ends for each of `far` candidates:
    /// a search that meets in the middle visits about the square root of what one that
    /// goes all the way does, from each of its two ends.
    fn one_search_is_cheaper(
        &self,
        source: &NodePattern,
        (rel, direction): (&RelPattern, RelDirection),
        far: f64,
    ) -> bool {
        let est = self.estimator();
        let labels: Vec<_> = source.labels.iter().filter_map(|l| l.id).collect();
        let types: Vec<_> = rel.types.iter().filter_map(|t| t.id).collect();
        let step = est.fanout(&labels, &types, direction, &[]);
        let max = rel.length.map_or(Some(1), |(_, max)| max);
        let reach = est.var_length_paths(step, 1.0, 1, max).min(self.stats.node_count() as f64).max(1.0);
        reach < (2.0 * far * reach.sqrt())
    }
}

/// `all/none(x IN relationships(p) WHERE f)` (or `nodes(p)`, or the relationship list
/// itself) whose `f` reads only `x` and what was bound before the path: a condition on
/// each element the search can check as it goes. `NOT any(…)` is `none(…)`. The
/// conjunct stays a filter after the search too, where it then always holds.
pub(super) fn element_filter(
    expr: &Expr,
    lists: &[Option<Slot>; 2],
    bound: &dyn Fn(Slot) -> bool,
) -> Option<ElementFilter> {
    use crate::binder::bound::Function;
    use crate::syntax::ast::QuantifierKind;
    let (expr, flip) = match &expr.kind {
        ExprKind::Unary(UnaryOp::Not, inner) => (&**inner, true),
        _ => (expr, false),
    };
    let ExprKind::Quantifier { kind, slot, list, filter: Some(filter) } = &expr.kind else { return None };
    let negated = match (kind, flip) {
        (QuantifierKind::All, false) => false,
        (QuantifierKind::None, false) | (QuantifierKind::Any, true) => true,
        _ => return None,
    };
    let is_path = |e: &Expr| matches!(e.kind, ExprKind::Slot(s) if lists[1] == Some(s));
    let nodes = match &list.kind {
        ExprKind::Slot(s) if lists[0] == Some(*s) => false,
        ExprKind::Call(Function::Relationships, args) if args.len() == 1 && is_path(&args[0]) => false,
        ExprKind::Call(Function::Nodes, args) if args.len() == 1 && is_path(&args[0]) => true,
        _ => return None,
    };
    let reads = super::predicates::free_slots(filter)?;
    if !reads.iter().all(|s| s == slot || bound(*s)) {
        return None;
    }
    Some(ElementFilter { nodes, slot: *slot, predicate: (**filter).clone(), negated })
}

/// The MATCH's WHERE split into what may be checked while matching and what must wait
/// until GQL selectors have picked their paths: a condition that reads a selective part's
/// variables other than its two ends (or whose variables are not tracked) filters the
/// picked paths, as in Neo4j, where it is a post-filter. A condition on the ends alone
/// removes whole groups of paths, so checking it early picks the same ones.
fn split_post_filter(filter: Option<&Expr>, pattern: &bound::Pattern) -> (Option<Expr>, Vec<Expr>) {
    let interior: HashSet<Slot> = pattern.parts.iter().filter(|p| p.selective).flat_map(interior_slots).collect();
    if interior.is_empty() {
        return (filter.cloned(), Vec::new());
    }
    let (mut early, mut post) = (Vec::new(), Vec::new());
    for conjunct in filter.map(super::predicates::conjuncts).unwrap_or_default() {
        let reads = super::predicates::free_slots(conjunct);
        if reads.is_none_or(|reads| reads.iter().any(|s| interior.contains(s))) {
            post.push(conjunct.clone());
        } else {
            early.push(conjunct.clone());
        }
    }
    (conjunction(early), post)
}

/// The variables of a part other than its two end nodes: inner nodes, relationships (and
/// their lists), group variables, the path.
fn interior_slots(part: &PatternPart) -> Vec<Slot> {
    let inner_nodes = part.nodes.iter().skip(1).take(part.nodes.len().saturating_sub(2));
    let mut out: Vec<Slot> = inner_nodes.map(|n| n.slot).collect();
    out.extend(part.rels.iter().map(|r| r.slot));
    let groups = part.rels.iter().filter_map(|r| r.quantified.as_ref()).flat_map(|q| q.groups.iter().map(|(_, g)| *g));
    out.extend(groups);
    out.extend(part.path);
    out
}

/// The MATCH's WHERE joined with the conditions inside its pattern (label expressions,
/// `(n WHERE …)`, `-[r WHERE …]->`): each is then placed where its variables are bound.
fn with_element_filters(filter: Option<Expr>, pattern: &bound::Pattern) -> Option<Expr> {
    let inner = pattern.parts.iter().flat_map(|part| {
        let nodes = part.nodes.iter().filter_map(|n| n.filter.clone());
        let rels = part.rels.iter().filter_map(|r| r.filter.clone());
        nodes.chain(rels).chain(part.filter.clone())
    });
    conjunction(inner.chain(filter).collect())
}

/// `op` with `predicates` checked after it: joined to the filter `op` already is, if any,
/// so that one operator checks every condition that becomes checkable at this point.
fn add_filter(op: LogicalOp, predicates: Vec<Expr>) -> LogicalOp {
    let Some(extra) = conjunction(predicates) else { return op };
    match op {
        LogicalOp::Filter { input, predicate } => {
            LogicalOp::Filter { input, predicate: binary(BinaryOp::And, predicate, extra) }
        }
        other => LogicalOp::Filter { input: boxed(other), predicate: extra },
    }
}

/// The labels and inline properties of a node pattern as one predicate.
pub(super) fn node_predicate(node: &NodePattern, skip_prop: Option<usize>) -> Option<Expr> {
    let mut predicates = Vec::new();
    if !node.labels.is_empty() {
        let owner = slot_expr(node.slot, Type::Node, node.span);
        predicates.push(Expr {
            kind: ExprKind::HasLabels(Box::new(owner), node.labels.clone()),
            ty: Type::Bool,
            span: node.span,
        });
    }
    predicates.extend(property_predicates(node.slot, Type::Node, &node.properties, skip_prop, node.span));
    conjunction(predicates)
}

pub(super) fn property_predicates(
    slot: Slot,
    ty: Type,
    props: &[(bound::PropKeyRef, Expr)],
    skip: Option<usize>,
    span: Span,
) -> Vec<Expr> {
    props
        .iter()
        .enumerate()
        .filter(|(i, _)| Some(*i) != skip)
        .map(|(_, (key, value))| {
            let owner = slot_expr(slot, ty, span);
            let property = Expr { kind: ExprKind::Property(Box::new(owner), key.clone()), ty: Type::Any, span };
            binary(BinaryOp::Eq, property, value.clone())
        })
        .collect()
}
