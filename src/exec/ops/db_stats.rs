//! `CALL db.stats()`: the planner's statistics, one row per figure set: counts per label
//! and per relationship type (exact), relationships per (start label, type, end label),
//! degrees per (label, type, direction) and figures per property (sampled estimates).
//! Columns: `kind`, `name`, `count`, `details` (a map).

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::store::{DegreeStats, Direction, Graph, LabelId, PropertyStats};
use crate::value::Value;

pub fn rows(graph: &Graph) -> Vec<Vec<Value>> {
    let catalog = graph.catalog();
    let stats = graph.statistics();
    let mut rows = Vec::new();
    let label_name = |l: Option<LabelId>| match l {
        Some(l) => format!(":{}", catalog.label_name(l)),
        None => String::new(),
    };
    for (i, name) in catalog.labels.names().iter().enumerate() {
        let count = graph.label_count(LabelId(i as u32));
        if count > 0 {
            rows.push(row("label", name.to_string(), count as f64, BTreeMap::new()));
        }
    }
    for (i, name) in catalog.rel_types.names().iter().enumerate() {
        let count = graph.rel_type_count(crate::store::RelTypeId(i as u32));
        if count > 0 {
            rows.push(row("relationshipType", name.to_string(), count as f64, BTreeMap::new()));
        }
    }
    for (ty, rels) in &stats.rels {
        let ty_name = catalog.rel_type_name(*ty);
        for ((start, end), count) in &rels.endpoints {
            let name = format!("({})-[:{ty_name}]->({})", label_name(*start), label_name(*end));
            rows.push(row("endpoints", name, *count, BTreeMap::new()));
        }
        for (key, prop) in &rels.properties {
            let name = format!("[:{ty_name}].{}", catalog.prop_key_name(*key));
            rows.push(row("property", name, rels.sampled as f64, property_details(prop)));
        }
    }
    for (label, nodes) in &stats.nodes {
        for ((ty, direction), degree) in &nodes.degrees {
            let ty = ty.map_or(String::new(), |t| format!(":{}", catalog.rel_type_name(t)));
            let name = match direction {
                Direction::Incoming => format!("({})<-[{ty}]-()", label_name(*label)),
                _ => format!("({})-[{ty}]->()", label_name(*label)),
            };
            rows.push(row("degree", name, nodes.sampled as f64, degree_details(degree)));
        }
        for (key, prop) in &nodes.properties {
            let name = format!("({}).{}", label_name(*label), catalog.prop_key_name(*key));
            rows.push(row("property", name, nodes.sampled as f64, property_details(prop)));
        }
    }
    rows
}

fn row(kind: &str, name: String, count: f64, details: BTreeMap<Arc<str>, Value>) -> Vec<Value> {
    vec![Value::string(kind), Value::string(name), Value::Int(count.round() as i64), Value::map(details)]
}

fn degree_details(d: &DegreeStats) -> BTreeMap<Arc<str>, Value> {
    let mut m = BTreeMap::new();
    m.insert("mean".into(), Value::Float((d.mean * 1000.0).round() / 1000.0));
    m.insert("p50".into(), Value::Int(d.p50 as i64));
    m.insert("p90".into(), Value::Int(d.p90 as i64));
    m.insert("p99".into(), Value::Int(d.p99 as i64));
    m.insert("max".into(), Value::Int(d.max as i64));
    m
}

fn property_details(p: &PropertyStats) -> BTreeMap<Arc<str>, Value> {
    let mut m = BTreeMap::new();
    m.insert("distinct".into(), Value::Int(p.distinct.round() as i64));
    m.insert("nullFraction".into(), Value::Float((p.null_fraction * 1000.0).round() / 1000.0));
    m.insert("min".into(), p.min.clone().unwrap_or(Value::Null));
    m.insert("max".into(), p.max.clone().unwrap_or(Value::Null));
    m.insert("histogram".into(), Value::list(p.bounds.clone()));
    m
}
