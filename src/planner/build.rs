//! `plan_<clause>`: each clause becomes operators stacked on the plan so far.

use std::collections::HashSet;

use super::{LogicalOp, PathSpec, Step};
use crate::binder::bound::{self, Clause, Expr, ExprKind, NodePattern, PatternPart, RelPattern, Slot, Type};
use crate::error::{Error, ErrorCode, Result};
use crate::span::Span;
use crate::syntax::ast::{BinaryOp, RelDirection, UnaryOp};

/// The most operators one query part may stack: operators pull through their inputs
/// recursively, so the plan's depth must stay bounded.
pub const MAX_PLAN_DEPTH: usize = 1_000;

pub fn plan_single_query(query: &bound::SingleQuery) -> Result<LogicalOp> {
    let op = Planner::default().plan_clauses(LogicalOp::Start, &query.clauses)?;
    Ok(LogicalOp::ProduceResults { input: Box::new(op), slots: query.output.clone() })
}

/// What the plan so far has bound.
#[derive(Default)]
struct Planner {
    bound: HashSet<Slot>,
    /// The relationship slots the current MATCH has bound so far, and whether each holds
    /// a list (a variable-length relationship): a MATCH never uses one relationship twice.
    match_rels: Vec<(Slot, bool)>,
}

fn boxed(op: LogicalOp) -> Box<LogicalOp> {
    Box::new(op)
}

impl Planner {
    fn plan_clause(&mut self, input: LogicalOp, clause: &Clause) -> Result<LogicalOp> {
        Ok(match clause {
            Clause::Match(m) => self.plan_match(input, m)?,
            Clause::Unwind { expr, slot } => {
                self.bound.insert(*slot);
                LogicalOp::Unwind { input: boxed(input), expr: expr.clone(), slot: *slot }
            }
            Clause::Project(p) => self.plan_projection(input, p)?,
            Clause::Create(pattern) => {
                self.bind_pattern_slots(pattern.parts.iter());
                LogicalOp::Create { input: boxed(input), pattern: pattern.clone() }
            }
            Clause::Merge(m) => {
                self.bind_pattern_slots(std::iter::once(&m.part));
                LogicalOp::Merge { input: boxed(input), merge: Box::new(m.clone()) }
            }
            Clause::Set(items) => LogicalOp::SetProperties { input: boxed(input), items: items.clone() },
            Clause::Remove(items) => LogicalOp::Remove { input: boxed(input), items: items.clone() },
            Clause::Delete { detach, exprs } => {
                LogicalOp::Delete { input: boxed(input), detach: *detach, exprs: exprs.clone() }
            }
            Clause::Call(call) => {
                self.bound.extend(call.yields.iter().flatten());
                let op = LogicalOp::ProcedureCall { input: boxed(input), call: call.clone() };
                match &call.filter {
                    Some(predicate) => LogicalOp::Filter { input: boxed(op), predicate: predicate.clone() },
                    None => op,
                }
            }
        })
    }

    fn bind_pattern_slots<'p>(&mut self, parts: impl Iterator<Item = &'p PatternPart>) {
        for part in parts {
            self.bound.extend(part.nodes.iter().map(|n| n.slot));
            self.bound.extend(part.rels.iter().map(|r| r.slot));
            self.bound.extend(part.path);
        }
    }

    fn plan_match(&mut self, input: LogicalOp, m: &bound::MatchClause) -> Result<LogicalOp> {
        if !m.optional {
            let op = self.plan_pattern(input, &m.pattern)?;
            return self.plan_filter(op, m.filter.as_ref());
        }
        let inner = self.plan_pattern(LogicalOp::Argument, &m.pattern)?;
        let inner = self.plan_filter(inner, m.filter.as_ref())?;
        Ok(LogicalOp::Optional { input: boxed(input), inner: boxed(inner), new_slots: m.new_slots.clone() })
    }

    fn plan_pattern(&mut self, mut op: LogicalOp, pattern: &bound::Pattern) -> Result<LogicalOp> {
        self.match_rels.clear();
        for part in &pattern.parts {
            op = check_depth(self.plan_part(op, part)?)?;
        }
        Ok(op)
    }

    /// Starts at the most selective node of the part, then expands both ways.
    fn plan_part(&mut self, input: LogicalOp, part: &PatternPart) -> Result<LogicalOp> {
        if let Some(all) = part.shortest {
            return self.plan_shortest_path(input, part, all);
        }
        let start = self.choose_start(part);
        let mut op = self.plan_start(input, &part.nodes[start]);
        for i in start..part.rels.len() {
            op =
                self.plan_expand(op, &part.rels[i], &part.nodes[i], &part.nodes[i + 1], part.rels[i].direction, false)?;
        }
        for i in (0..start).rev() {
            let reversed = match part.rels[i].direction {
                RelDirection::Right => RelDirection::Left,
                RelDirection::Left => RelDirection::Right,
                RelDirection::Both => RelDirection::Both,
            };
            op = self.plan_expand(op, &part.rels[i], &part.nodes[i + 1], &part.nodes[i], reversed, true)?;
        }
        if let Some(path) = part.path {
            self.bound.insert(path);
            op = LogicalOp::BuildPath {
                input: boxed(op),
                slot: path,
                nodes: part.nodes.iter().map(|n| n.slot).collect(),
                rels: part.rels.iter().map(|r| r.slot).collect(),
            };
        }
        Ok(op)
    }

    /// Bound already, then a key lookup, then a labelled node, then the first node.
    fn choose_start(&self, part: &PatternPart) -> usize {
        let nodes = &part.nodes;
        let rank = |n: &NodePattern| {
            if self.bound.contains(&n.slot) {
                0
            } else if n.key.is_some() {
                1
            } else if !n.labels.is_empty() {
                2
            } else {
                3
            }
        };
        (0..nodes.len()).min_by_key(|&i| (rank(&nodes[i]), i)).unwrap_or(0)
    }

    fn plan_start(&mut self, input: LogicalOp, node: &NodePattern) -> LogicalOp {
        if self.bound.contains(&node.slot) {
            return with_filter(input, node_predicate(node, None));
        }
        self.bound.insert(node.slot);
        let (op, skip_label, skip_prop) = match &node.key {
            Some((label, index)) => {
                let (key, value) = &node.properties[*index];
                let op = LogicalOp::NodeByKey {
                    input: boxed(input),
                    slot: node.slot,
                    label: label.clone(),
                    key: key.clone(),
                    value: value.clone(),
                };
                (op, Some(label.clone()), Some(*index))
            }
            None => {
                let label = node.labels.first().cloned();
                let op = LogicalOp::NodeScan { input: boxed(input), slot: node.slot, label: label.clone() };
                (op, label, None)
            }
        };
        let remaining = NodePattern {
            labels: node.labels.iter().filter(|l| Some(*l) != skip_label.as_ref()).cloned().collect(),
            ..node.clone()
        };
        with_filter(op, node_predicate(&remaining, skip_prop))
    }

    fn plan_expand(
        &mut self,
        input: LogicalOp,
        rel: &RelPattern,
        from: &NodePattern,
        to: &NodePattern,
        direction: RelDirection,
        backwards: bool,
    ) -> Result<LogicalOp> {
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
        let step = Step { direction, types: rel.types.clone(), properties: rel.properties.clone() };
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
                LogicalOp::Expand { input: boxed(input), from, rel, to, direction, types, into, rel_bound }
            }
        };
        if !into {
            predicates.extend(node_predicate(to, None));
        }
        check_depth(with_filter(op, conjunction(predicates)))
    }

    /// A new single relationship differs from every relationship this MATCH bound before.
    fn uniqueness(&self, rel: Slot, span: Span) -> Vec<Expr> {
        let this = || slot_expr(rel, Type::Relationship, span);
        self.match_rels
            .iter()
            .map(|(other, is_list)| match is_list {
                false => binary(BinaryOp::Ne, this(), slot_expr(*other, Type::Relationship, span)),
                true => {
                    let inside = binary(BinaryOp::In, this(), slot_expr(*other, Type::List, span));
                    Expr { kind: ExprKind::Unary(UnaryOp::Not, Box::new(inside)), ty: Type::Bool, span }
                }
            })
            .collect()
    }

    /// shortestPath((a)-[*]-(b)): both ends found first, then a breadth-first search.
    fn plan_shortest_path(&mut self, input: LogicalOp, part: &PatternPart, all: bool) -> Result<LogicalOp> {
        let (from, to, rel) = (&part.nodes[0], &part.nodes[1], &part.rels[0]);
        let op = self.plan_start(input, from);
        let op = self.plan_start(op, to);
        self.bound.insert(rel.slot);
        let step = Step { direction: rel.direction, types: rel.types.clone(), properties: rel.properties.clone() };
        let (min, max) = rel.length.unwrap_or((1, Some(1)));
        let mut op = LogicalOp::ShortestPath {
            input: boxed(op),
            path: PathSpec { from: from.slot, rel: rel.slot, to: to.slot, step, min, max, reversed: false },
            all,
        };
        if let Some(path) = part.path {
            self.bound.insert(path);
            op = LogicalOp::BuildPath {
                input: boxed(op),
                slot: path,
                nodes: vec![from.slot, to.slot],
                rels: vec![rel.slot],
            };
        }
        Ok(op)
    }

    /// A WHERE condition: its `[NOT] EXISTS { … }` conjuncts become semi-applies over
    /// the subquery's plan, after a `Filter` of the other conjuncts.
    fn plan_filter(&mut self, input: LogicalOp, predicate: Option<&Expr>) -> Result<LogicalOp> {
        let Some(predicate) = predicate else { return Ok(input) };
        let mut plain = Vec::new();
        let mut subqueries = Vec::new();
        for conjunct in conjuncts(predicate) {
            match &conjunct.kind {
                ExprKind::ExistsSubquery(subquery) => subqueries.push((subquery, false)),
                ExprKind::Unary(UnaryOp::Not, inner) => match &inner.kind {
                    ExprKind::ExistsSubquery(subquery) => subqueries.push((subquery, true)),
                    _ => plain.push(conjunct.clone()),
                },
                _ => plain.push(conjunct.clone()),
            }
        }
        let mut op = with_filter(input, conjunction(plain));
        for (subquery, negated) in subqueries {
            let inner = self.plan_subquery(subquery)?;
            op = LogicalOp::SemiApply { input: boxed(op), inner: boxed(inner), negated };
        }
        Ok(op)
    }

    /// The clauses of an `EXISTS { … }` over the row handed down; the variables they bind
    /// stay inside.
    fn plan_subquery(&mut self, subquery: &bound::Subquery) -> Result<LogicalOp> {
        let bound = self.bound.clone();
        let match_rels = std::mem::take(&mut self.match_rels);
        let planned = self.plan_clauses(LogicalOp::Argument, &subquery.clauses);
        self.bound = bound;
        self.match_rels = match_rels;
        planned
    }

    fn plan_clauses(&mut self, mut op: LogicalOp, clauses: &[Clause]) -> Result<LogicalOp> {
        for clause in clauses {
            op = check_depth(self.plan_clause(op, clause)?)?;
        }
        Ok(op)
    }

    fn plan_projection(&mut self, input: LogicalOp, p: &bound::Projection) -> Result<LogicalOp> {
        let mut op = if p.aggregates.is_empty() {
            LogicalOp::Project { input: boxed(input), items: p.items.clone() }
        } else {
            let agg_slots: Vec<Slot> = p.aggregates.iter().map(|a| a.slot).collect();
            let (after, keys): (Vec<_>, Vec<_>) = p.items.iter().cloned().partition(|(_, e)| references(e, &agg_slots));
            let op = LogicalOp::Aggregate { input: boxed(input), keys, aggregates: p.aggregates.clone() };
            if after.is_empty() {
                op
            } else {
                LogicalOp::Project { input: boxed(op), items: after }
            }
        };
        if p.distinct {
            op = LogicalOp::Distinct { input: boxed(op), slots: p.kept.clone() };
        }
        if !p.order_by.is_empty() {
            op = LogicalOp::Sort { input: boxed(op), keys: p.order_by.clone() };
        }
        if let Some(skip) = &p.skip {
            op = LogicalOp::Skip { input: boxed(op), count: skip.clone() };
        }
        if let Some(limit) = &p.limit {
            op = LogicalOp::Limit { input: boxed(op), count: limit.clone() };
        }
        // WITH … WHERE may read variables from before the projection: filter, then retain.
        op = self.plan_filter(op, p.filter.as_ref())?;
        self.bound = p.kept.iter().copied().collect();
        Ok(LogicalOp::Retain { input: boxed(op), slots: p.kept.clone() })
    }
}

/// Refuses a plan deeper than [`MAX_PLAN_DEPTH`], checked as it grows so that no deeper
/// tree is ever built.
fn check_depth(op: LogicalOp) -> Result<LogicalOp> {
    if op.depth() <= MAX_PLAN_DEPTH {
        return Ok(op);
    }
    Err(Error::new(
        ErrorCode::NestingTooDeep,
        format!("the query needs more than {MAX_PLAN_DEPTH} operators in a row; split it into several statements"),
    ))
}

fn with_filter(op: LogicalOp, predicate: Option<Expr>) -> LogicalOp {
    match predicate {
        Some(predicate) => LogicalOp::Filter { input: boxed(op), predicate },
        None => op,
    }
}

fn slot_expr(slot: Slot, ty: Type, span: Span) -> Expr {
    Expr { kind: ExprKind::Slot(slot), ty, span }
}

fn binary(op: BinaryOp, lhs: Expr, rhs: Expr) -> Expr {
    let span = lhs.span.cover(rhs.span);
    Expr { kind: ExprKind::Binary(op, Box::new(lhs), Box::new(rhs)), ty: Type::Bool, span }
}

/// The parts of `a AND b AND …`.
fn conjuncts(predicate: &Expr) -> Vec<&Expr> {
    match &predicate.kind {
        ExprKind::Binary(BinaryOp::And, a, b) => {
            let mut parts = conjuncts(a);
            parts.extend(conjuncts(b));
            parts
        }
        _ => vec![predicate],
    }
}

fn conjunction(predicates: Vec<Expr>) -> Option<Expr> {
    predicates.into_iter().reduce(|a, b| binary(BinaryOp::And, a, b))
}

/// The labels and inline properties of a node pattern as one predicate.
fn node_predicate(node: &NodePattern, skip_prop: Option<usize>) -> Option<Expr> {
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

fn property_predicates(
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

/// Whether `expr` reads any of `slots`.
fn references(expr: &Expr, slots: &[Slot]) -> bool {
    let mut found = false;
    expr.visit(&mut |e| {
        if let ExprKind::Slot(s) = &e.kind {
            found |= slots.contains(s);
        }
    });
    found
}
