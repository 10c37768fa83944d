//! The evidence for each row of a result (`:why`, `steppe query --evidence`): the
//! relationships and the sourced properties of the entities the row was made from, each
//! with its sources and quotes, as text or as JSON.
//!
//! Read from the result alone (`QueryResult::evidence` and the entities' properties),
//! never from the graph.

use std::collections::BTreeMap;
use std::io::{self, Write};
use std::sync::Arc;

use super::json::{string, write_value_json};
use super::notation::cypher_notation;
use crate::provenance::{is_companion, Companion};
use crate::result::{Entities, QueryResult};
use crate::value::Value;

/// The properties that say where a relationship's claim comes from, shown apart from
/// what it says.
const PROVENANCE: &[&str] = &["sources", "quotes", "claimants", "rank", "reason", "inferred", "rule", "fact"];

/// One fact behind a row.
struct Fact {
    /// `(a)-[:T {…}]->(b)`, `(a).key = value` or `(a)`.
    what: String,
    /// What the fact is, for JSON: `relationship`, `property` or `node`.
    kind: &'static str,
    entity: Value,
    key: Option<Arc<str>>,
    sources: Vec<Value>,
    quotes: Vec<Value>,
    /// rank, reason, claimants, rule: where they say more than "normal, the articles".
    notes: Vec<(String, Value)>,
}

/// Text: each row's facts, indented under `row N:`, each source with its quote.
pub fn write_text(result: &QueryResult, out: &mut dyn Write) -> io::Result<()> {
    let Some(evidence) = &result.evidence else {
        return writeln!(out, "no evidence was recorded for this result");
    };
    for (i, row) in evidence.iter().enumerate() {
        writeln!(out, "row {}:", i + 1)?;
        let facts = facts(row, &result.entities);
        if facts.is_empty() {
            writeln!(out, "  (its entities carry no sources)")?;
        }
        for fact in facts {
            writeln!(out, "  {}", fact.what)?;
            for (name, value) in &fact.notes {
                writeln!(out, "    {name}: {}", cypher_notation(value, &result.entities, true))?;
            }
            for (source, quote) in fact.sources.iter().zip(fact.quotes.iter().map(Some).chain(std::iter::repeat(None)))
            {
                let quote = quote.map(|q| format!(": \"{}\"", q.as_str().unwrap_or_default())).unwrap_or_default();
                writeln!(out, "    {}{quote}", source.as_str().unwrap_or_default())?;
            }
        }
    }
    Ok(())
}

/// JSON: one array of facts per row, in row order.
pub fn json(result: &QueryResult) -> Option<String> {
    let evidence = result.evidence.as_ref()?;
    let rows: Vec<String> = evidence
        .iter()
        .map(|row| {
            let facts: Vec<String> =
                facts(row, &result.entities).iter().map(|f| fact_json(f, &result.entities)).collect();
            format!("[{}]", facts.join(", "))
        })
        .collect();
    Some(format!("[{}]", rows.join(", ")))
}

fn fact_json(fact: &Fact, entities: &Entities) -> String {
    let list = |items: &[Value]| write_value_json(&Value::list(items.to_vec()), entities);
    let id = match fact.entity {
        Value::Node(id) => id.0 as u64,
        Value::Relationship(id) => id.0 as u64,
        _ => 0,
    };
    let mut doc = format!("{{\"kind\": {}, \"fact\": {}, \"id\": {id}", string(fact.kind), string(&fact.what));
    if let Some(key) = &fact.key {
        doc.push_str(&format!(", \"key\": {}", string(key)));
    }
    doc.push_str(&format!(", \"sources\": {}, \"quotes\": {}", list(&fact.sources), list(&fact.quotes)));
    for (name, value) in &fact.notes {
        doc.push_str(&format!(", {}: {}", string(name), write_value_json(value, entities)));
    }
    doc.push('}');
    doc
}

fn facts(row: &[Value], entities: &Entities) -> Vec<Fact> {
    let mut facts = Vec::new();
    for entity in row {
        match entity {
            Value::Relationship(id) => facts.extend(rel_fact(entity, entities, *id)),
            Value::Node(id) => facts.extend(node_facts(entity, entities, *id)),
            _ => {}
        }
    }
    facts
}

fn list(properties: &BTreeMap<Arc<str>, Value>, key: &str) -> Vec<Value> {
    match properties.get(key) {
        Some(Value::List(items)) => items.to_vec(),
        _ => Vec::new(),
    }
}

fn node_name(entities: &Entities, id: crate::store::NodeId) -> String {
    let Some(node) = entities.nodes.get(&id) else {
        return format!("#{}", id.0);
    };
    let name = node.properties.get("name").or_else(|| node.properties.get("id"));
    match name.and_then(Value::as_str) {
        Some(name) => name.to_string(),
        None => format!("#{}", id.0),
    }
}

fn rel_fact(entity: &Value, entities: &Entities, id: crate::store::RelId) -> Option<Fact> {
    let rel = entities.rels.get(&id)?;
    let says: Vec<String> = rel
        .properties
        .iter()
        .filter(|(k, _)| !PROVENANCE.contains(&&***k))
        .map(|(k, v)| format!("{k}: {}", cypher_notation(v, entities, false)))
        .collect();
    // No empty braces for a relationship that says nothing beyond its provenance.
    let says = if says.is_empty() { String::new() } else { format!(" {{{}}}", says.join(", ")) };
    let what =
        format!("({})-[:{}{says}]->({})", node_name(entities, rel.start), rel.rel_type, node_name(entities, rel.end));
    let sources = list(&rel.properties, "sources");
    let mut notes = Vec::new();
    for key in ["rank", "reason", "claimants", "rule"] {
        let Some(value) = rel.properties.get(key) else { continue };
        let plain = match key {
            "rank" => value.as_str() == Some("normal"),
            "claimants" => list(&rel.properties, "claimants") == sources,
            _ => false,
        };
        if !plain {
            notes.push((key.to_string(), value.clone()));
        }
    }
    let quotes = list(&rel.properties, "quotes");
    Some(Fact { what, kind: "relationship", entity: entity.clone(), key: None, sources, quotes, notes })
}

/// A node's own sources (a statement's), then each property that carries its own.
fn node_facts(entity: &Value, entities: &Entities, id: crate::store::NodeId) -> Vec<Fact> {
    let Some(node) = entities.nodes.get(&id) else {
        return Vec::new();
    };
    let name = node_name(entities, id);
    let mut facts = Vec::new();
    let own = list(&node.properties, "sources");
    if !own.is_empty() {
        facts.push(Fact {
            what: format!("({name})"),
            kind: "node",
            entity: entity.clone(),
            key: None,
            sources: own,
            quotes: list(&node.properties, "quotes"),
            notes: Vec::new(),
        });
    }
    for (key, value) in node.properties.iter().filter(|(k, _)| !is_companion(k)) {
        let sources = list(&node.properties, &Companion::Sources.of(key));
        if sources.is_empty() {
            continue;
        }
        let notes = node.properties.get(Companion::Rule.of(key).as_str()).map(|r| ("rule".to_string(), r.clone()));
        facts.push(Fact {
            what: format!("({name}).{key} = {}", cypher_notation(value, entities, false)),
            kind: "property",
            entity: entity.clone(),
            key: Some(key.clone()),
            sources,
            quotes: list(&node.properties, &Companion::Quotes.of(key)),
            notes: notes.into_iter().collect(),
        });
    }
    facts
}
