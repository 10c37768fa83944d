//! `db.conflicts()`: each disputed fact with its claims side by side.
//!
//! A claim names the fact it bears on in its `fact` property (a relationship, or a
//! `Statement` node); the procedure groups the claims by fact, so a user finds the
//! disagreements without knowing which relationship types hold them. Each row gives the
//! fact, then, claim by claim in the same order, what it says, who claims it, its sources
//! and its rank, and the claims themselves (relationships or nodes) for further querying.

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::store::{Graph, NodeId, RelId};
use crate::value::Value;

/// The properties that say where a claim comes from, not what it says.
const PROVENANCE: &[&str] = &["sources", "quotes", "claimants", "rank", "reason", "inferred", "rule", "fact"];

struct Claim {
    entity: Value,
    says: String,
    claimants: Value,
    sources: Value,
    rank: Value,
}

/// One row per fact with at least two claims, by fact.
pub fn conflicts(graph: &Graph) -> Vec<Vec<Value>> {
    let Some(fact_key) = graph.catalog().prop_key("fact") else {
        return Vec::new();
    };
    let mut facts: BTreeMap<Arc<str>, Vec<Claim>> = BTreeMap::new();
    for rel in graph.rel_ids() {
        if let Some(Value::String(fact)) = graph.rel_property(rel, fact_key) {
            facts.entry(fact).or_default().push(rel_claim(graph, rel));
        }
    }
    for node in graph.node_ids() {
        if let Some(Value::String(fact)) = graph.node_property(node, fact_key) {
            facts.entry(fact).or_default().push(node_claim(graph, node));
        }
    }
    facts
        .into_iter()
        .filter(|(_, claims)| claims.len() > 1)
        .map(|(fact, claims)| {
            let column = |f: &dyn Fn(&Claim) -> Value| Value::list(claims.iter().map(f).collect());
            vec![
                Value::String(fact),
                column(&|c| Value::string(c.says.clone())),
                column(&|c| c.claimants.clone()),
                column(&|c| c.sources.clone()),
                column(&|c| c.rank.clone()),
                column(&|c| c.entity.clone()),
            ]
        })
        .collect()
}

fn prop(graph: &Graph, props: &[(crate::store::PropKeyId, Value)], name: &str) -> Value {
    let key = graph.catalog().prop_key(name);
    props.iter().find(|(k, _)| Some(*k) == key).map_or(Value::Null, |(_, v)| v.clone())
}

fn node_name(graph: &Graph, node: NodeId) -> String {
    let props = graph.node_properties(node);
    match prop(graph, &props, "name") {
        Value::String(name) => name.to_string(),
        _ => format!("node {}", node.0),
    }
}

/// What a relationship claims, in words: `Russian media -REPORTED_STRENGTH {troops: 3000,
/// scope: 'Russian contingent only'}-> CSTO Collective Peacekeeping Forces in Kazakhstan`.
fn rel_claim(graph: &Graph, rel: RelId) -> Claim {
    let props = graph.rel_properties(rel);
    let catalog = graph.catalog();
    let what: Vec<String> = props
        .iter()
        .filter(|(k, _)| !PROVENANCE.contains(&&**catalog.prop_key_name(*k)))
        .map(|(k, v)| format!("{}: {v}", catalog.prop_key_name(*k)))
        .collect();
    let says = match graph.rel(rel) {
        Some(r) => format!(
            "{} -{} {{{}}}-> {}",
            node_name(graph, r.start),
            catalog.rel_type_name(r.ty),
            what.join(", "),
            node_name(graph, r.end)
        ),
        None => String::new(),
    };
    Claim {
        entity: Value::Relationship(rel),
        says,
        claimants: prop(graph, &props, "claimants"),
        sources: prop(graph, &props, "sources"),
        rank: prop(graph, &props, "rank"),
    }
}

/// A statement as a claim: its words, claimed by whoever SAID it.
fn node_claim(graph: &Graph, node: NodeId) -> Claim {
    let props = graph.node_properties(node);
    let said = graph.catalog().rel_type("SAID");
    let speakers: Vec<Value> = graph
        .rels_of(node, crate::store::Direction::Incoming)
        .filter(|r| Some(r.ty) == said)
        .map(|r| Value::string(node_name(graph, r.start)))
        .collect();
    let rank = match prop(graph, &props, "rank") {
        Value::Null => Value::string("normal"),
        rank => rank,
    };
    Claim {
        entity: Value::Node(node),
        says: prop(graph, &props, "text").as_str().unwrap_or_default().to_string(),
        claimants: Value::list(speakers),
        sources: prop(graph, &props, "sources"),
        rank,
    }
}
