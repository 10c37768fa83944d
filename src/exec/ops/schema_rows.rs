//! The rows of the schema procedures: `db.constraints()` (SHOW CONSTRAINTS) and
//! `db.schema.nodeTypeProperties()` / `db.schema.relTypeProperties()`, which describe
//! the declared types on a typed graph and the properties found on an open one.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use crate::store::{
    constraint_create_statement as create_statement, type_constraint_text, Constraint, ConstraintKind, ConstraintScope,
    Graph, PropertyType,
};
use crate::value::Value;

/// One row per constraint, sorted by name, in SHOW CONSTRAINTS' columns; `types` keeps
/// only those whose `type` is listed.
pub fn constraint_rows(graph: &Graph, types: Option<&[Value]>) -> Vec<Vec<Value>> {
    let mut constraints: Vec<(usize, &Constraint)> = graph.schema().constraints().iter().enumerate().collect();
    constraints.sort_by(|a, b| a.1.name.cmp(&b.1.name));
    constraints
        .into_iter()
        .filter(|(_, c)| {
            types.is_none_or(|ts| ts.iter().any(|t| matches!(t, Value::String(s) if **s == *c.type_name())))
        })
        .map(|(i, c)| constraint_row(graph, i, c))
        .collect()
}

fn constraint_row(graph: &Graph, i: usize, c: &Constraint) -> Vec<Value> {
    let catalog = graph.catalog();
    let (entity, target) = match c.scope {
        ConstraintScope::Node(l) => ("NODE", catalog.label_name(l).clone()),
        ConstraintScope::Rel(t) => ("RELATIONSHIP", catalog.rel_type_name(t).clone()),
    };
    let keys: Vec<Value> = c.keys.iter().map(|k| Value::String(catalog.prop_key_name(*k).clone())).collect();
    let indexed = matches!(c.kind, ConstraintKind::Unique | ConstraintKind::Key);
    let property_type = match &c.kind {
        ConstraintKind::Type(types) => Value::string(type_constraint_text(types)),
        _ => Value::Null,
    };
    let options = match indexed {
        true => {
            let mut map = BTreeMap::new();
            map.insert(Arc::from("indexConfig"), Value::map(BTreeMap::new()));
            map.insert(Arc::from("indexProvider"), Value::string("range-1.0"));
            Value::map(map)
        }
        false => Value::Null,
    };
    vec![
        Value::Int(i as i64 + 1),
        Value::String(c.name.clone()),
        Value::string(c.type_name()),
        Value::string(entity),
        Value::list(vec![Value::String(target)]),
        Value::list(keys),
        if indexed { Value::String(c.name.clone()) } else { Value::Null },
        property_type,
        options,
        Value::string(create_statement(graph, c)),
    ]
}

/// Neo4j's names of property value types in the schema procedures (Java's).
fn value_type_name(value: &Value) -> String {
    match value {
        Value::String(_) => "String".into(),
        Value::Int(_) => "Long".into(),
        Value::Float(_) => "Double".into(),
        Value::Bool(_) => "Boolean".into(),
        Value::List(items) => {
            let item = items.first().map_or("String".to_string(), value_type_name);
            format!("{item}Array")
        }
        other => declared_value_type(other.type_name()),
    }
}

fn declared_value_type(cypher_name: &str) -> String {
    match cypher_name {
        "DATE" => "Date",
        "LOCAL TIME" => "LocalTime",
        "ZONED TIME" | "TIME" => "Time",
        "LOCAL DATETIME" => "LocalDateTime",
        "ZONED DATETIME" | "DATETIME" => "DateTime",
        "DURATION" => "Duration",
        "MAP" => "Map",
        _ => "Any",
    }
    .to_string()
}

fn property_type_name(ty: &PropertyType) -> String {
    match ty {
        PropertyType::String => "String".into(),
        PropertyType::Int => "Long".into(),
        PropertyType::Float => "Double".into(),
        PropertyType::Bool => "Boolean".into(),
        PropertyType::Date => "Date".into(),
        PropertyType::LocalTime => "LocalTime".into(),
        PropertyType::Time => "Time".into(),
        PropertyType::LocalDateTime => "LocalDateTime".into(),
        PropertyType::DateTime => "DateTime".into(),
        PropertyType::Duration => "Duration".into(),
        PropertyType::Map => "Map".into(),
        PropertyType::Any => "Any".into(),
        PropertyType::List(item) => format!("{}Array", property_type_name(item)),
    }
}

/// What was found of one property over a group of entities.
#[derive(Default)]
struct Seen {
    types: BTreeSet<String>,
    count: usize,
}

/// A group of entities (a label set or a type): how many, and their properties.
#[derive(Default)]
struct Group {
    entities: usize,
    properties: BTreeMap<Arc<str>, Seen>,
}

impl Group {
    fn add(&mut self, props: Vec<(Arc<str>, Value)>) {
        self.entities += 1;
        for (key, value) in props {
            let seen = self.properties.entry(key).or_default();
            seen.types.insert(value_type_name(&value));
            seen.count += 1;
        }
    }

    /// A row per property (or one with nulls for entities without any), after `head`.
    fn rows(self, head: &[Value]) -> Vec<Vec<Value>> {
        if self.properties.is_empty() {
            let mut row = head.to_vec();
            row.extend([Value::Null, Value::Null, Value::Bool(false)]);
            return vec![row];
        }
        let entities = self.entities;
        self.properties
            .into_iter()
            .map(|(key, seen)| {
                let mut row = head.to_vec();
                row.push(Value::String(key));
                row.push(Value::list(seen.types.into_iter().map(Value::string).collect()));
                row.push(Value::Bool(seen.count == entities));
                row
            })
            .collect()
    }
}

fn node_type_head(labels: &[Arc<str>]) -> Vec<Value> {
    let name: String = labels.iter().map(|l| format!(":{}", backticked(l))).collect();
    vec![Value::string(name), Value::list(labels.iter().map(|l| Value::String(l.clone())).collect())]
}

/// Neo4j writes every name in these columns in backticks.
fn backticked(name: &str) -> String {
    format!("`{}`", name.replace('`', "``"))
}

/// `db.schema.nodeTypeProperties()`: the declared node types on a typed graph, else a
/// row per property of each set of labels found on nodes.
pub fn node_type_properties(graph: &Graph) -> Vec<Vec<Value>> {
    let catalog = graph.catalog();
    let schema = graph.schema();
    if schema.is_typed() {
        return schema
            .node_types()
            .flat_map(|t| {
                let head = node_type_head(&[catalog.label_name(t.label).clone()]);
                declared_rows(graph, &head, &t.properties)
            })
            .collect();
    }
    let mut groups: BTreeMap<Vec<Arc<str>>, Group> = BTreeMap::new();
    for id in graph.node_ids() {
        let mut labels: Vec<Arc<str>> = graph.node_labels(id).iter().map(|l| catalog.label_name(*l).clone()).collect();
        labels.sort();
        let props = graph.node_properties(id).into_iter().map(|(k, v)| (catalog.prop_key_name(k).clone(), v)).collect();
        groups.entry(labels).or_default().add(props);
    }
    groups.into_iter().flat_map(|(labels, group)| group.rows(&node_type_head(&labels))).collect()
}

/// `db.schema.relTypeProperties()`: as [`node_type_properties`], per relationship type.
pub fn rel_type_properties(graph: &Graph) -> Vec<Vec<Value>> {
    let catalog = graph.catalog();
    let schema = graph.schema();
    let head = |name: &str| vec![Value::string(format!(":{}", backticked(name)))];
    if schema.is_typed() {
        return schema
            .rel_types()
            .flat_map(|t| declared_rows(graph, &head(catalog.rel_type_name(t.rel_type)), &t.properties))
            .collect();
    }
    let mut groups: BTreeMap<Arc<str>, Group> = BTreeMap::new();
    for id in graph.rel_ids() {
        let Some(entry) = graph.rel(id) else { continue };
        let props = graph.rel_properties(id).into_iter().map(|(k, v)| (catalog.prop_key_name(k).clone(), v)).collect();
        groups.entry(catalog.rel_type_name(entry.ty).clone()).or_default().add(props);
    }
    groups.into_iter().flat_map(|(name, group)| group.rows(&head(&name))).collect()
}

fn declared_rows(graph: &Graph, head: &[Value], properties: &[crate::store::PropertyDef]) -> Vec<Vec<Value>> {
    if properties.is_empty() {
        let mut row = head.to_vec();
        row.extend([Value::Null, Value::Null, Value::Bool(false)]);
        return vec![row];
    }
    properties
        .iter()
        .map(|p| {
            let mut row = head.to_vec();
            row.push(Value::String(graph.catalog().prop_key_name(p.key).clone()));
            row.push(Value::list(vec![Value::string(property_type_name(&p.ty))]));
            row.push(Value::Bool(p.required));
            row
        })
        .collect()
}

/// `db.schema.visualization()`: one row with a node per label and a relationship per
/// (start label, type, end label) that occurs, from the declared types on a typed graph
/// and from the data on an open one. steppe's values cannot hold Neo4j's virtual nodes,
/// so each is a map: a node `{name, indexes, constraints}` with the properties Neo4j
/// gives its virtual node, a relationship `{type, start, end}` naming its labels.
pub fn visualization(graph: &Graph) -> Vec<Vec<Value>> {
    let catalog = graph.catalog();
    let schema = graph.schema();
    let mut labels: BTreeSet<Arc<str>> = BTreeSet::new();
    let mut triples: BTreeSet<(Arc<str>, Arc<str>, Arc<str>)> = BTreeSet::new();
    if schema.is_typed() {
        labels.extend(schema.node_types().map(|t| catalog.label_name(t.label).clone()));
        for t in schema.rel_types() {
            let ty = catalog.rel_type_name(t.rel_type).clone();
            for (from, to) in &t.endpoints {
                for a in endpoint_names(graph, from) {
                    for b in endpoint_names(graph, to) {
                        triples.insert((a.clone(), ty.clone(), b));
                    }
                }
            }
        }
    } else {
        for id in graph.node_ids() {
            labels.extend(graph.node_labels(id).iter().map(|l| catalog.label_name(*l).clone()));
        }
        for id in graph.rel_ids() {
            let Some(entry) = graph.rel(id) else { continue };
            let ty = catalog.rel_type_name(entry.ty);
            for a in graph.node_labels(entry.start) {
                for b in graph.node_labels(entry.end) {
                    triples.insert((catalog.label_name(*a).clone(), ty.clone(), catalog.label_name(*b).clone()));
                }
            }
        }
    }
    let nodes = labels.iter().map(|l| label_node(graph, l)).collect();
    let rels = triples
        .into_iter()
        .map(|(a, t, b)| {
            let entries = [("type", t), ("start", a), ("end", b)];
            Value::map(entries.into_iter().map(|(k, v)| (Arc::from(k), Value::String(v))).collect())
        })
        .collect();
    vec![vec![Value::list(nodes), Value::list(rels)]]
}

fn endpoint_names(graph: &Graph, side: &crate::store::EndpointLabels) -> Vec<Arc<str>> {
    let catalog = graph.catalog();
    match side {
        crate::store::EndpointLabels::Any => {
            graph.schema().node_types().map(|t| catalog.label_name(t.label).clone()).collect()
        }
        crate::store::EndpointLabels::OneOf(ls) => ls.iter().map(|l| catalog.label_name(*l).clone()).collect(),
    }
}

fn label_node(graph: &Graph, label: &Arc<str>) -> Value {
    let catalog = graph.catalog();
    let on_label = |c: &&Constraint| matches!(c.scope, ConstraintScope::Node(l) if **catalog.label_name(l) == **label);
    let constraints: Vec<Value> = graph
        .schema()
        .constraints()
        .iter()
        .filter(on_label)
        .map(|c| Value::string(create_statement(graph, c)))
        .collect();
    let mut map = BTreeMap::new();
    map.insert(Arc::from("name"), Value::String(label.clone()));
    map.insert(Arc::from("indexes"), Value::list(Vec::new()));
    map.insert(Arc::from("constraints"), Value::list(constraints));
    Value::map(map)
}
