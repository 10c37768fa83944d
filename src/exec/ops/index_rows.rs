//! The rows of `db.indexes()`: Neo4j 5's SHOW INDEXES columns, one row per index the
//! store keeps. Like Neo4j, it lists the token lookups first (steppe's label bitsets and
//! per-type adjacency), then the keys (declared in a schema, or an import's id column)
//! as RANGE indexes owned by their key, then the range indexes CREATE INDEX made.

use crate::store::range_index::{IndexDef, IndexKind, IndexTarget};
use crate::store::Graph;
use crate::value::Value;

/// One row per index, with its number as the id.
pub(super) fn index_rows(graph: &Graph) -> Vec<Vec<Value>> {
    let mut rows = vec![lookup_row(1, "index_343aff4e", "NODE"), lookup_row(2, "index_f7700477", "RELATIONSHIP")];
    let declared = graph.schema().node_types().filter_map(|t| {
        let key = t.key?;
        let target = IndexTarget::Node(t.label);
        let name = graph.default_index_name(IndexKind::Key, target, &[key]);
        Some(IndexDef { name: name.into(), kind: IndexKind::Key, target, keys: vec![key] })
    });
    let declared: Vec<IndexDef> = declared.collect();
    for def in declared.iter().chain(graph.index_defs()) {
        let id = rows.len() as i64 + 1;
        rows.push(index_row(graph, id, def));
    }
    rows
}

fn lookup_row(id: i64, name: &str, entity: &str) -> Vec<Value> {
    vec![
        Value::Int(id),
        Value::string(name),
        Value::string("ONLINE"),
        Value::Float(100.0),
        Value::string("LOOKUP"),
        Value::string(entity),
        Value::Null,
        Value::Null,
        Value::string("token-lookup-1.0"),
        Value::Null,
        Value::Null,
        Value::Null,
    ]
}

fn index_row(graph: &Graph, id: i64, def: &IndexDef) -> Vec<Value> {
    let catalog = graph.catalog();
    let (entity, target) = match def.target {
        IndexTarget::Node(label) => ("NODE", catalog.label_name(label).clone()),
        IndexTarget::Rel(ty) => ("RELATIONSHIP", catalog.rel_type_name(ty).clone()),
    };
    let keys = def.keys.iter().map(|k| Value::String(catalog.prop_key_name(*k).clone())).collect::<Vec<_>>();
    let owner = match def.kind {
        IndexKind::Key => Value::String(def.name.clone()),
        IndexKind::Range => Value::Null,
    };
    vec![
        Value::Int(id),
        Value::String(def.name.clone()),
        Value::string("ONLINE"),
        Value::Float(100.0),
        Value::string("RANGE"),
        Value::string(entity),
        Value::List(vec![Value::String(target)].into()),
        Value::List(keys.into()),
        Value::string("range-1.0"),
        owner,
        Value::Null,
        Value::Null,
    ]
}
