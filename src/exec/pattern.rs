//! Matching one pattern part against the graph from a row, depth first: for pattern
//! predicates, pattern comprehensions and MERGE. Variables the row already binds are
//! fixed; the others are bound in the rows handed to the callback.

use super::expr::{eval, property};
use super::row::Row;
use crate::binder::bound::{NodePattern, PatternPart, RelPattern};
use crate::error::Result;
use crate::store::{Direction, Graph, NodeId, RelEntry};
use crate::syntax::ast::RelDirection;
use crate::value::{PathValue, Value};

/// Whether `part` has at least one match extending `row`.
pub fn exists(part: &PatternPart, row: &Row, graph: &Graph) -> Result<bool> {
    let mut found = false;
    for_each_match(part, row, graph, &mut |_| {
        found = true;
        Ok(false)
    })?;
    Ok(found)
}

/// Calls `f` with each row extending `row` by a match of `part`, until it returns false.
pub fn for_each_match(
    part: &PatternPart,
    row: &Row,
    graph: &Graph,
    f: &mut dyn FnMut(Row) -> Result<bool>,
) -> Result<()> {
    let first = &part.nodes[0];
    let candidates: Vec<NodeId> = match bound_node(first, row) {
        Some(Some(id)) => vec![id],
        Some(None) => return Ok(()),
        None => match first.labels.first() {
            Some(label) => match label.id {
                Some(l) => graph.nodes_with_label(l).collect(),
                None => return Ok(()),
            },
            None => graph.node_ids().collect(),
        },
    };
    let mut used = Vec::new();
    for node in candidates {
        if !node_fits(first, node, row, graph)? {
            continue;
        }
        let mut next = row.clone();
        next.set(first.slot, Value::Node(node));
        if !step(part, 0, next, &mut used, graph, f)? {
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

fn node_fits(pattern: &NodePattern, node: NodeId, row: &Row, graph: &Graph) -> Result<bool> {
    if !graph.contains_node(node) {
        return Ok(false);
    }
    for label in &pattern.labels {
        if !label.id.is_some_and(|l| graph.node_has_label(node, l)) {
            return Ok(false);
        }
    }
    for (key, expected) in &pattern.properties {
        let actual = property(&Value::Node(node), key, graph, pattern.span)?;
        if actual.cypher_eq(&eval(expected, row, graph)?) != Some(true) {
            return Ok(false);
        }
    }
    Ok(true)
}

fn rel_fits(pattern: &RelPattern, rel: &RelEntry, row: &Row, graph: &Graph) -> Result<bool> {
    if !pattern.types.is_empty() && !pattern.types.iter().any(|t| t.id == Some(rel.ty)) {
        return Ok(false);
    }
    for (key, expected) in &pattern.properties {
        let actual = property(&Value::Relationship(rel.id), key, graph, pattern.span)?;
        if actual.cypher_eq(&eval(expected, row, graph)?) != Some(true) {
            return Ok(false);
        }
    }
    Ok(true)
}

fn step(
    part: &PatternPart,
    i: usize,
    row: Row,
    used: &mut Vec<crate::store::RelId>,
    graph: &Graph,
    f: &mut dyn FnMut(Row) -> Result<bool>,
) -> Result<bool> {
    if i == part.rels.len() {
        let mut row = row;
        if let Some(path) = part.path {
            let nodes = part.nodes.iter().filter_map(|n| match row.get(n.slot) {
                Value::Node(id) => Some(*id),
                _ => None,
            });
            let rels = part.rels.iter().filter_map(|r| match row.get(r.slot) {
                Value::Relationship(id) => Some(*id),
                _ => None,
            });
            let value = PathValue { nodes: nodes.collect(), rels: rels.collect() };
            row.set(path, Value::Path(std::sync::Arc::new(value)));
        }
        return f(row);
    }
    let rel = &part.rels[i];
    let (from, to) = (&part.nodes[i], &part.nodes[i + 1]);
    let Value::Node(from_id) = *row.get(from.slot) else {
        return Ok(true);
    };
    let direction = match rel.direction {
        RelDirection::Right => Direction::Outgoing,
        RelDirection::Left => Direction::Incoming,
        RelDirection::Both => Direction::Both,
    };
    let target_bound = bound_node(to, &row);
    let entries: Vec<RelEntry> = graph.rels_of(from_id, direction).collect();
    for entry in entries {
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
        used.push(entry.id);
        let go_on = step(part, i + 1, next, used, graph, f)?;
        used.pop();
        if !go_on {
            return Ok(false);
        }
    }
    Ok(true)
}
