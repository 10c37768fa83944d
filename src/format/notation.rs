//! Values in Cypher notation, as tables and CSV show them:
//! `(:Country {name: 'Russia'})`, `[:MEMBER_OF {since: 1992}]`, `(a)-[:R]->(b)`.

use std::fmt::Write as _;

use crate::result::Entities;
use crate::store::{NodeId, RelId};
use crate::syntax::quote_name;
use crate::value::Value;

/// `value` in Cypher notation; top-level strings are shown without quotes when `bare`.
pub fn cypher_notation(value: &Value, entities: &Entities, bare: bool) -> String {
    // Temporal values show as their ISO 8601 text, as Neo4j's shell shows them.
    if let Some(text) = value.temporal_text() {
        return text;
    }
    match value {
        Value::String(s) if bare => s.to_string(),
        Value::Node(id) => node(*id, entities),
        Value::Relationship(id) => rel(*id, entities),
        Value::Path(path) => {
            let mut out = node(path.nodes.first().copied().unwrap_or(NodeId(0)), entities);
            for (i, r) in path.rels.iter().enumerate() {
                let next = path.nodes.get(i + 1).copied().unwrap_or(NodeId(0));
                let forward = entities.rels.get(r).is_none_or(|d| d.end == next);
                let (left, right) = if forward { ("-", "->") } else { ("<-", "-") };
                let _ = write!(out, "{left}{}{right}{}", rel(*r, entities), node(next, entities));
            }
            out
        }
        Value::List(items) => {
            let inner: Vec<String> = items.iter().map(|v| cypher_notation(v, entities, false)).collect();
            format!("[{}]", inner.join(", "))
        }
        Value::Map(map) => {
            let inner: Vec<String> = map
                .iter()
                .map(|(k, v)| format!("{}: {}", quote_name(k), cypher_notation(v, entities, false)))
                .collect();
            format!("{{{}}}", inner.join(", "))
        }
        other => other.to_string(),
    }
}

/// ` {key: value, …}`, or nothing for no properties; `lead` is the space before it.
fn properties(
    props: &std::collections::BTreeMap<std::sync::Arc<str>, Value>,
    entities: &Entities,
    lead: bool,
) -> String {
    if props.is_empty() {
        return String::new();
    }
    let inner: Vec<String> =
        props.iter().map(|(k, v)| format!("{}: {}", quote_name(k), cypher_notation(v, entities, false))).collect();
    format!("{}{{{}}}", if lead { " " } else { "" }, inner.join(", "))
}

fn node(id: NodeId, entities: &Entities) -> String {
    match entities.nodes.get(&id) {
        Some(data) => {
            let labels: String = data.labels.iter().map(|l| format!(":{}", quote_name(l))).collect();
            format!("({labels}{})", properties(&data.properties, entities, !labels.is_empty()))
        }
        None => format!("({id})"),
    }
}

fn rel(id: RelId, entities: &Entities) -> String {
    match entities.rels.get(&id) {
        Some(data) => format!("[:{}{}]", quote_name(&data.rel_type), properties(&data.properties, entities, true)),
        None => format!("[{id}]"),
    }
}
