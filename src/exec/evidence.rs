//! What a result row was made from: the nodes and relationships bound in the row's slots
//! when it was produced (a path's nodes and relationships too), for `:why` and
//! `--evidence`. Only collected when asked for (`ExecOptions::evidence`).
//!
//! The slots hold what the query kept in scope: everything a MATCH bound up to the RETURN,
//! or what a WITH carried across; an aggregate's rows keep their grouping keys only.

use crate::value::Value;

/// The entities in `row`'s slots, each once, in slot order.
pub fn entities_of(row: &super::Row) -> Vec<Value> {
    let mut found = Vec::new();
    for value in row.values() {
        collect(value, &mut found);
    }
    found
}

fn collect(value: &Value, found: &mut Vec<Value>) {
    let mut add = |v: Value| {
        if !found.contains(&v) {
            found.push(v);
        }
    };
    match value {
        Value::Node(_) | Value::Relationship(_) => add(value.clone()),
        Value::Path(path) => {
            path.nodes.iter().for_each(|n| add(Value::Node(*n)));
            path.rels.iter().for_each(|r| add(Value::Relationship(*r)));
        }
        Value::List(items) => items.iter().for_each(|v| collect(v, found)),
        Value::Map(map) => map.values().for_each(|v| collect(v, found)),
        _ => {}
    }
}
