//! Matching one pattern part against the graph from a row, depth first: for pattern
//! predicates, pattern comprehensions and MERGE. Variables the row already binds are
//! fixed; the others are bound in the rows handed to the callback.

use std::collections::HashSet;

use super::expr::{eval, property};
use super::row::Row;
use super::step_filter::StepFilter;
use crate::binder::bound::{Expr, NodePattern, PatternPart, PropKeyRef, RelPattern};
use crate::error::Result;

use crate::planner::Step;
use crate::store::{Direction, Graph, NodeId, RelEntry, RelId, RelTypeId};
use crate::syntax::ast::RelDirection;
use crate::value::Value;

/// Whether `part` has at least one match extending `row`.
pub fn exists(part: &PatternPart, row: &Row, graph: &Graph) -> Result<bool> {
    if let Some(joined) = joined(part, row, graph) {
        return joined;
    }
    if let Some(by_degree) = super::bare_hop::exists_by_degree(part, row, graph) {
        return by_degree;
    }
    let mut found = false;
    match_rows(part, row, graph, true, &mut |_| {
        found = true;
        Ok(false)
    })?;
    Ok(found)
}

/// `(a)-[:T]-(b)` with both ends bound and nothing on the relationship but its types
/// (`NOT (p)-[:KNOWS]-(q)`): whether a relationship joins them, looked for among the
/// relationships of the end that has fewer, with the types resolved once. `None` for any
/// other pattern.
fn joined(part: &PatternPart, row: &Row, graph: &Graph) -> Option<Result<bool>> {
    let ([rel], [a, b]) = (&part.rels[..], &part.nodes[..]) else { return None };
    let plain = rel.length.is_none() && rel.quantified.is_none() && rel.properties.is_empty() && rel.filter.is_none();
    if !plain || part.path.is_some() || !a.bound || !b.bound {
        return None;
    }
    let (Value::Node(a_id), Value::Node(b_id)) = (row.get(a.slot), row.get(b.slot)) else { return Some(Ok(false)) };
    let (a_id, b_id) = (*a_id, *b_id);
    let types: Vec<_> = rel.types.iter().filter_map(|t| t.resolve(graph.catalog())).collect();
    if !rel.types.is_empty() && types.is_empty() {
        return Some(Ok(false));
    }
    let types = (!rel.types.is_empty()).then_some(&types[..]);
    let ends_fit = || -> Result<bool> {
        Ok(node_fits(a, a_id, row, graph)?
            && node_fits(b, b_id, row, graph)?
            && passes(a.filter.as_ref(), row, graph)?
            && passes(b.filter.as_ref(), row, graph)?)
    };
    Some(ends_fit().map(|fit| {
        let from_a = direction(rel.direction);
        let from_b = direction(rel.direction.reversed());
        let (node, other, dir) =
            if graph.degree_of_types(a_id, from_a, types) <= graph.degree_of_types(b_id, from_b, types) {
                (a_id, b_id, from_a)
            } else {
                (b_id, a_id, from_b)
            };
        fit && graph.rels_of_types(node, dir, types).any(|e| (if e.start == node { e.end } else { e.start }) == other)
    }))
}

/// Calls `f` with each row extending `row` by a match of `part`, until it returns false.
pub fn for_each_match(
    part: &PatternPart,
    row: &Row,
    graph: &Graph,
    f: &mut dyn FnMut(Row) -> Result<bool>,
) -> Result<()> {
    match_rows(part, row, graph, false, f)
}

/// `for_each_match`, the matches in any order when `any_order` (only whether one exists
/// matters): a hop into a bound node is then looked up from the end with fewer
/// relationships (`pattern_hop.rs`).
fn match_rows(
    part: &PatternPart,
    row: &Row,
    graph: &Graph,
    any_order: bool,
    f: &mut dyn FnMut(Row) -> Result<bool>,
) -> Result<()> {
    let first = &part.nodes[0];
    let candidates: Vec<NodeId> = match bound_node(first, row) {
        Some(Some(id)) => vec![id],
        Some(None) => return Ok(()),
        None => match first.labels.first() {
            Some(label) => match label.resolve(graph.catalog()) {
                Some(l) => graph.nodes_with_label_vec(l),
                None => return Ok(()),
            },
            None => graph.node_ids().collect(),
        },
    };
    let mut used = Vec::new();
    for node in candidates {
        super::cancel::tick_running()?;
        if !node_fits(first, node, row, graph)? {
            continue;
        }
        let mut next = row.clone();
        next.set(first.slot, Value::Node(node));
        if !passes(first.filter.as_ref(), &next, graph)? {
            continue;
        }
        if !step(part, 0, next, (&mut used, any_order), graph, f)? {
            break;
        }
    }
    Ok(())
}

/// `Some(id)` for a node the row binds (`Some(None)` if bound to null); `None` if free.
fn bound_node(node: &NodePattern, row: &Row) -> Option<Option<NodeId>> {
    if !node.bound {
        return None;
    }
    Some(match row.get(node.slot) {
        Value::Node(id) => Some(*id),
        _ => None,
    })
}

pub(super) fn node_fits(pattern: &NodePattern, node: NodeId, row: &Row, graph: &Graph) -> Result<bool> {
    if !graph.contains_node(node) {
        return Ok(false);
    }
    for label in &pattern.labels {
        if !label.resolve(graph.catalog()).is_some_and(|l| graph.node_has_label(node, l)) {
            return Ok(false);
        }
    }
    has_properties(&Value::Node(node), &pattern.properties, row, graph)
}

pub(super) fn rel_fits(pattern: &RelPattern, rel: &RelEntry, row: &Row, graph: &Graph) -> Result<bool> {
    if !pattern.types.is_empty() && !pattern.types.iter().any(|t| t.resolve(graph.catalog()) == Some(rel.ty)) {
        return Ok(false);
    }
    has_properties(&Value::Relationship(rel.id), &pattern.properties, row, graph)
}

/// Whether an element's own condition (label expression, inline WHERE) holds on `row`,
/// which binds the element.
pub(super) fn passes(filter: Option<&Expr>, row: &Row, graph: &Graph) -> Result<bool> {
    Ok(match filter {
        Some(f) => super::expr::is_true(&eval(f, row, graph)?),
        None => true,
    })
}

/// Whether `entity` has every property of a pattern, each equal to its expression on `row`.
fn has_properties(entity: &Value, properties: &[(PropKeyRef, Expr)], row: &Row, graph: &Graph) -> Result<bool> {
    for (key, expected) in properties {
        let actual = property(entity, key, graph, expected.span)?;
        if actual.cypher_eq(&eval(expected, row, graph)?) != Some(true) {
            return Ok(false);
        }
    }
    Ok(true)
}

/// The store's direction for a pattern's arrow.
pub fn direction(arrow: RelDirection) -> Direction {
    match arrow {
        RelDirection::Right => Direction::Outgoing,
        RelDirection::Left => Direction::Incoming,
        RelDirection::Both => Direction::Both,
    }
}

fn step(
    part: &PatternPart,
    i: usize,
    row: Row,
    (used, any_order): (&mut Vec<crate::store::RelId>, bool),
    graph: &Graph,
    f: &mut dyn FnMut(Row) -> Result<bool>,
) -> Result<bool> {
    if i == part.rels.len() {
        let mut row = row;
        if let Some(path) = part.path {
            let nodes: Vec<_> = part.nodes.iter().map(|n| n.slot).collect();
            let rels: Vec<_> = part.rels.iter().map(|r| r.slot).collect();
            let value = crate::exec::ops::build_path(&row, &nodes, &rels, graph);
            row.set(path, value.map_or(Value::Null, |p| Value::Path(std::sync::Arc::new(p))));
        }
        return f(row);
    }
    if part.rels[i].length.is_some() {
        return var_step(part, i, row, (used, any_order), graph, f);
    }
    let rel = &part.rels[i];
    let (from, to) = (&part.nodes[i], &part.nodes[i + 1]);
    let Value::Node(from_id) = *row.get(from.slot) else {
        return Ok(true);
    };
    let target_bound = bound_node(to, &row);
    let entries = super::pattern_hop::hop_entries(rel, from_id, target_bound.flatten(), any_order, graph);
    for entry in entries {
        super::cancel::tick_running()?;
        if used.contains(&entry.id) || !rel_fits(rel, &entry, &row, graph)? {
            continue;
        }
        let other = if entry.start == from_id { entry.end } else { entry.start };
        match target_bound {
            Some(Some(id)) if id != other => continue,
            Some(None) => continue,
            _ => {}
        }
        if !node_fits(to, other, &row, graph)? {
            continue;
        }
        let mut next = row.clone();
        next.set(rel.slot, Value::Relationship(entry.id));
        next.set(to.slot, Value::Node(other));
        if !passes(rel.filter.as_ref(), &next, graph)? || !passes(to.filter.as_ref(), &next, graph)? {
            continue;
        }
        used.push(entry.id);
        let go_on = step(part, i + 1, next, (used, any_order), graph, f)?;
        used.pop();
        if !go_on {
            return Ok(false);
        }
    }
    Ok(true)
}

/// One match of a variable-length step: its relationships, its end node and, for a
/// quantified path pattern, the row with its group variables set.
type VarMatch = (Vec<RelId>, NodeId, Option<Row>);

/// Step `i` of `part` when it is a variable-length relationship.
fn var_step(
    part: &PatternPart,
    i: usize,
    row: Row,
    (used, any_order): (&mut Vec<RelId>, bool),
    graph: &Graph,
    f: &mut dyn FnMut(Row) -> Result<bool>,
) -> Result<bool> {
    let rel = &part.rels[i];
    let (from, to) = (&part.nodes[i], &part.nodes[i + 1]);
    let Value::Node(from_id) = *row.get(from.slot) else { return Ok(true) };
    let (min, max) = rel.length.unwrap_or((1, Some(1)));
    let target_bound = bound_node(to, &row);
    let exclude: HashSet<RelId> = used.iter().copied().collect();
    let mut found: Vec<VarMatch> = Vec::new();
    let mut held = super::memory::Held::default();
    // Pattern predicates run inside expressions, which do not see the statement's limits
    // on path lengths; their memory counts all the same.
    if let Some(pattern) = &rel.quantified {
        found = quantified_matches(rel, pattern, (from, to), &row, &exclude, graph)?;
    } else {
        let rel_step = Step {
            direction: rel.direction,
            types: rel.types.clone(),
            properties: rel.properties.clone(),
            filters: Vec::new(),
        };
        paths(graph, from_id, &rel_step, &row, (min, max, None), &exclude, &mut |rels, end| {
            held.add(rels.len() as u64 * 8 + 48)?;
            found.push((rels.to_vec(), end, None));
            Ok(true)
        })?;
    }
    for (rels, end, groups) in found {
        match target_bound {
            Some(Some(id)) if id != end => continue,
            Some(None) => continue,
            _ => {}
        }
        if !node_fits(to, end, &row, graph)? {
            continue;
        }
        // A quantified path's match comes as a row with its group lists set.
        let mut next = groups.unwrap_or_else(|| row.clone());
        next.set(rel.slot, Value::list(rels.iter().map(|r| Value::Relationship(*r)).collect()));
        next.set(to.slot, Value::Node(end));
        if !passes(to.filter.as_ref(), &next, graph)? {
            continue;
        }
        let before = used.len();
        used.extend(&rels);
        let go_on = step(part, i + 1, next, (used, any_order), graph, f)?;
        used.truncate(before);
        if !go_on {
            return Ok(false);
        }
    }
    Ok(true)
}

/// The matches of the quantified path pattern `pattern` (the step `rel`) from the row's
/// node `from`: for each, its relationships, its end node and the row with its groups set.
fn quantified_matches(
    rel: &RelPattern,
    pattern: &crate::binder::bound::QuantifiedPattern,
    (from, to): (&NodePattern, &NodePattern),
    row: &Row,
    exclude: &HashSet<RelId>,
    graph: &Graph,
) -> Result<Vec<VarMatch>> {
    let (min, max) = rel.length.unwrap_or((1, None));
    let spec = crate::planner::RepeatSpec {
        from: from.slot,
        rel: rel.slot,
        to: to.slot,
        pattern: pattern.clone(),
        min,
        max,
        reversed: false,
    };
    let matcher = super::ops::RepeatMatcher::new(spec);
    let search = super::ops::Search { target: None, exclude, limit: None };
    let mut held = super::memory::Held::default();
    let rows = matcher.matches(row, &search, graph, &mut super::cancel::tick_running, &mut held)?;
    let mut out = Vec::with_capacity(rows.len());
    for found in rows {
        let Value::Node(end) = *found.get(to.slot) else { continue };
        let rels = match found.get(rel.slot) {
            Value::List(items) => items
                .iter()
                .filter_map(|v| match v {
                    Value::Relationship(id) => Some(*id),
                    _ => None,
                })
                .collect(),
            _ => Vec::new(),
        };
        out.push((rels, end, Some(found)));
    }
    Ok(out)
}

/// The relationships one step of a path may take from `node`, with the node each leads
/// to: right direction, one of the types, and the step's properties and conditions
/// (evaluated on `row`).
pub fn step_candidates(graph: &Graph, node: NodeId, step: &Step, row: &Row) -> Result<Vec<(RelId, NodeId)>> {
    let mut filter = StepFilter::new(&step.filters, row);
    step_candidates_where(graph, node, step, row, &mut filter)
}

/// [`step_candidates`] with the step's conditions already compiled into `filter`, for a
/// search that takes many steps from one row.
pub(super) fn step_candidates_where(
    graph: &Graph,
    node: NodeId,
    step: &Step,
    row: &Row,
    filter: &mut StepFilter,
) -> Result<Vec<(RelId, NodeId)>> {
    let mut out = Vec::new();
    step_candidates_into(graph, node, step, row, filter, &mut out)?;
    Ok(out)
}

/// [`step_candidates_where`] into `out` (cleared first), so that a search that takes a
/// step from each of many nodes reuses one buffer.
pub(super) fn step_candidates_into(
    graph: &Graph,
    node: NodeId,
    step: &Step,
    row: &Row,
    filter: &mut StepFilter,
    out: &mut Vec<(RelId, NodeId)>,
) -> Result<()> {
    out.clear();
    let direction = direction(step.direction);
    // The step's types resolved once, in id order (the order of the relationships of any
    // type), so that only their runs of the adjacency are read.
    let types: Option<Vec<RelTypeId>> = (!step.types.is_empty()).then(|| {
        let mut ids: Vec<RelTypeId> = step.types.iter().filter_map(|t| t.resolve(graph.catalog())).collect();
        ids.sort_unstable_by_key(|t| t.0);
        ids.dedup();
        ids
    });
    for entry in graph.rels_of_types(node, direction, types.as_deref()) {
        if has_properties(&Value::Relationship(entry.id), &step.properties, row, graph)?
            && filter.allows(entry.id, graph)?
        {
            out.push((entry.id, if entry.start == node { entry.end } else { entry.start }));
        }
    }
    Ok(())
}

/// Every path of `min..=max` relationships from `start`, each relationship at most once
/// and none in `exclude`, depth first without recursion (paths can be long). `emit`
/// gets the relationships and the end node, and returns false to stop. A path that
/// could grow past `limit` relationships is a `LimitExceeded` error. The search is
/// [`super::path_search::PathSearch`], which `VarExpand` resumes one path at a time.
pub fn paths(
    graph: &Graph,
    start: NodeId,
    step: &Step,
    row: &Row,
    lengths: (u64, Option<u64>, Option<u64>),
    exclude: &HashSet<RelId>,
    emit: &mut dyn FnMut(&[RelId], NodeId) -> Result<bool>,
) -> Result<()> {
    let mut search = super::path_search::PathSearch::new(start, step, row, lengths, exclude.clone());
    while let Some(end) = search.next(graph, step, row)? {
        if !emit(search.path(), end)? {
            break;
        }
    }
    Ok(())
}
