//! Schema enforcement: what a typed graph accepts. Each check returns a `SchemaError`
//! naming the entity and the rule; an open graph (no declared type) passes them all.

use super::{
    EndpointLabels, Graph, LabelId, NodeId, NodeType, PropKeyId, PropertyDef, PropertyMap, RelEntry, RelId, RelType,
    RelTypeId,
};
use crate::error::{Error, ErrorCode, Result};
use crate::provenance;
use crate::suggest::did_you_mean;
use crate::value::Value;

fn schema_error(code: ErrorCode, message: String) -> Error {
    Error::new(code, message)
}

/// In a typed graph, a label must be declared.
pub fn resolve_label(graph: &Graph, name: &str) -> Result<()> {
    let schema = graph.schema();
    if !schema.is_typed() {
        return Ok(());
    }
    let known = graph.catalog().label(name).is_some_and(|l| schema.node_type(l).is_some());
    if known {
        return Ok(());
    }
    let names: Vec<&str> = schema.node_types().map(|t| &**graph.catalog().label_name(t.label)).collect();
    let err =
        schema_error(ErrorCode::UnknownLabel, format!("unknown label `{name}`: the schema declares no such node type"));
    Err(match did_you_mean(name, names) {
        Some(hint) => err.with_hint(hint),
        None => err,
    })
}

pub fn resolve_rel_type(graph: &Graph, name: &str) -> Result<()> {
    let schema = graph.schema();
    if !schema.is_typed() {
        return Ok(());
    }
    let known = graph.catalog().rel_type(name).is_some_and(|t| schema.rel_type(t).is_some());
    if known {
        return Ok(());
    }
    let names: Vec<&str> = schema.rel_types().map(|t| &**graph.catalog().rel_type_name(t.rel_type)).collect();
    let err = schema_error(
        ErrorCode::UnknownRelationshipType,
        format!("unknown relationship type `{name}`: the schema declares no such type"),
    );
    Err(match did_you_mean(name, names) {
        Some(hint) => err.with_hint(hint),
        None => err,
    })
}

/// Stores integers given for FLOAT properties as floats.
pub fn coerce_node_props(graph: &Graph, labels: &[LabelId], props: PropertyMap) -> PropertyMap {
    if !graph.schema().is_typed() {
        return props;
    }
    let entries = props.into_entries().into_iter().map(|(k, v)| (k, coerce_node_value(graph, labels, k, v))).collect();
    PropertyMap::from_entries(entries)
}

pub fn coerce_node_value(graph: &Graph, labels: &[LabelId], key: PropKeyId, value: Value) -> Value {
    match graph.schema().node_property(labels, key) {
        Some(def) if def.ty.admits(&value) => def.ty.coerce(value),
        _ => value,
    }
}

pub fn coerce_rel_props(graph: &Graph, ty: RelTypeId, props: PropertyMap) -> PropertyMap {
    let entries = props
        .into_entries()
        .into_iter()
        .map(|(k, v)| match graph.schema().rel_property(ty, k) {
            Some(def) if def.ty.admits(&v) => (k, def.ty.coerce(v)),
            _ => (k, v),
        })
        .collect();
    PropertyMap::from_entries(entries)
}

/// No other node of the same type may hold the same key value.
pub fn check_keys_free(graph: &Graph, node: Option<NodeId>, labels: &[LabelId], props: &PropertyMap) -> Result<()> {
    // The keys the key index holds: declared ones and those of imports alike.
    for (label, key) in graph.declared_keys(labels) {
        let Some(value) = props.get(key) else {
            continue;
        };
        if let Some(holder) = graph.node_by_key(label, key, value) {
            if Some(holder) != node {
                let catalog = graph.catalog();
                return Err(schema_error(
                    ErrorCode::DuplicateKey,
                    format!(
                        "duplicate key: a `{}` node with {} = {value} already exists (node {holder})",
                        catalog.label_name(label),
                        catalog.prop_key_name(key)
                    ),
                ));
            }
        }
    }
    Ok(())
}

/// How a node is named in messages: `(:Country {name: 'Russia'})`, or by id.
pub fn describe_node(graph: &Graph, id: NodeId) -> String {
    let catalog = graph.catalog();
    let labels: String = graph.node_labels(id).iter().map(|l| format!(":{}", catalog.label_name(*l))).collect();
    let key = graph
        .node_labels(id)
        .iter()
        .filter_map(|l| graph.schema().node_type(*l)?.key)
        .find_map(|k| graph.node_property(id, k).map(|v| format!(" {{{}: {v}}}", catalog.prop_key_name(k))));
    match key {
        Some(key) => format!("({labels}{key})"),
        None => format!("({labels}) with id {id}"),
    }
}

/// How the checked entity is named in a message; built only when a check fails, since
/// naming it costs more than checking it.
type What<'a> = &'a dyn Fn() -> String;

fn check_value(graph: &Graph, what: What<'_>, def: &PropertyDef, value: &Value) -> Result<()> {
    if def.ty.admits(value) {
        return Ok(());
    }
    Err(schema_error(
        ErrorCode::PropertyTypeMismatch,
        format!(
            "{}: property `{}` is declared {} but was given {} {value}",
            what(),
            graph.catalog().prop_key_name(def.key),
            def.ty,
            value.type_name()
        ),
    ))
}

fn unknown_property(graph: &Graph, what: What<'_>, key: PropKeyId, declared: &[&PropertyDef]) -> Error {
    let catalog = graph.catalog();
    let name = catalog.prop_key_name(key);
    let err =
        schema_error(ErrorCode::UnknownPropertyKey, format!("{}: its type declares no property `{name}`", what()));
    let names: Vec<&str> = declared.iter().map(|d| &**catalog.prop_key_name(d.key)).collect();
    match did_you_mean(name, names) {
        Some(hint) => err.with_hint(hint),
        None => err,
    }
}

/// A live node fits every type it carries: declared labels, declared and well-typed
/// properties, required ones present.
pub fn check_node(graph: &Graph, id: NodeId) -> Result<()> {
    let schema = graph.schema();
    if !schema.is_typed() || !graph.contains_node(id) {
        return Ok(());
    }
    let what = || format!("node {}", describe_node(graph, id));
    let labels = graph.node_labels(id);
    if labels.is_empty() {
        return Err(schema_error(ErrorCode::UnknownLabel, format!("{} has no label; a typed graph needs one", what())));
    }
    let mut declared: Vec<&PropertyDef> = Vec::new();
    for &label in labels {
        let Some(ty) = schema.node_type(label) else {
            return Err(schema_error(
                ErrorCode::UnknownLabel,
                format!("{}: label `{}` is not declared", what(), graph.catalog().label_name(label)),
            ));
        };
        declared.extend(&ty.properties);
    }
    for (key, value) in graph.node_properties(id) {
        match declared.iter().find(|d| d.key == key) {
            Some(def) => check_value(graph, &what, def, &value)?,
            None if is_companion_of_declared(graph, key, &declared, &value) => {}
            None => return Err(unknown_property(graph, &what, key, &declared)),
        }
    }
    for def in declared.iter().filter(|d| d.required) {
        if graph.node_property(id, def.key).is_none() {
            return Err(missing(graph, &what, def.key));
        }
    }
    check_sourced_properties(graph, id, &what, &declared)
}

/// An undeclared property that is the sources or quotes of a declared one, as a list of
/// strings: allowed on any typed node (see `crate::provenance`).
fn is_companion_of_declared(graph: &Graph, key: PropKeyId, declared: &[&PropertyDef], value: &Value) -> bool {
    let catalog = graph.catalog();
    let Some(subject) = provenance::subject_of(catalog.prop_key_name(key)) else {
        return false;
    };
    let strings = match value {
        Value::List(items) => items.iter().all(|v| matches!(v, Value::String(_))),
        Value::String(_) => catalog.prop_key_name(key).ends_with(provenance::RULE_SUFFIX),
        _ => false,
    };
    strings && declared.iter().any(|d| &**catalog.prop_key_name(d.key) == subject)
}

/// A type that declares `k__sources` requires a source for every `k` its nodes hold.
fn check_sourced_properties(graph: &Graph, id: NodeId, what: What<'_>, declared: &[&PropertyDef]) -> Result<()> {
    let catalog = graph.catalog();
    for def in declared {
        let name = catalog.prop_key_name(def.key);
        let Some(subject) = name.strip_suffix(provenance::SOURCES_SUFFIX) else {
            continue;
        };
        let Some(subject_key) = catalog.prop_key(subject) else {
            continue;
        };
        if graph.node_property(id, subject_key).is_some() && !is_nonempty_list(graph.node_property(id, def.key)) {
            return Err(unsourced(what, &format!("property `{subject}`"), name));
        }
    }
    Ok(())
}

fn is_nonempty_list(value: Option<Value>) -> bool {
    matches!(value, Some(Value::List(items)) if !items.is_empty())
}

fn unsourced(what: What<'_>, fact: &str, companion: &str) -> Error {
    Error::new(
        ErrorCode::UnsourcedFact,
        format!(
            "{}: its {fact} needs a source (its type declares `{companion}`), and `{companion}` is empty or missing",
            what()
        ),
    )
}

fn missing(graph: &Graph, what: What<'_>, key: PropKeyId) -> Error {
    schema_error(
        ErrorCode::MissingRequiredProperty,
        format!("{} lacks the required property `{}`", what(), graph.catalog().prop_key_name(key)),
    )
}

/// A live relationship fits its type: declared, endpoints allowed, properties declared
/// and well-typed, required ones present.
pub fn check_rel(graph: &Graph, id: RelId) -> Result<()> {
    let Some(entry) = graph.rel(id) else {
        return Ok(());
    };
    if !graph.schema().is_typed() {
        return Ok(());
    }
    check_rel_parts(graph, entry, &graph.rel_properties(id))
}

/// [`check_rel`] for a relationship given by its parts (`props` without repeated keys),
/// which need not be in the graph yet: a bulk load checks a row before placing it.
pub fn check_rel_parts(graph: &Graph, entry: RelEntry, props: &[(PropKeyId, Value)]) -> Result<()> {
    let schema = graph.schema();
    if !schema.is_typed() {
        return Ok(());
    }
    let catalog = graph.catalog();
    let type_name = catalog.rel_type_name(entry.ty);
    let what = || {
        format!(
            "relationship {}-[:{type_name}]->{}",
            describe_node(graph, entry.start),
            describe_node(graph, entry.end)
        )
    };
    let Some(ty) = schema.rel_type(entry.ty) else {
        return Err(schema_error(
            ErrorCode::UnknownRelationshipType,
            format!("{}: type `{type_name}` is not declared", what()),
        ));
    };
    if !ty.admits_endpoints(graph.node_labels(entry.start), graph.node_labels(entry.end)) {
        return Err(schema_error(
            ErrorCode::InvalidEndpoints,
            format!(
                "{}: `{type_name}` does not connect these labels (it allows {})",
                what(),
                describe_endpoints(graph, ty)
            ),
        ));
    }
    let declared: Vec<&PropertyDef> = ty.properties.iter().collect();
    let property = |key: PropKeyId| props.iter().find(|(k, _)| *k == key).map(|(_, v)| v.clone());
    for (key, value) in props {
        match declared.iter().find(|d| d.key == *key) {
            Some(def) => check_value(graph, &what, def, value)?,
            None => return Err(unknown_property(graph, &what, *key, &declared)),
        }
    }
    for def in declared.iter().filter(|d| d.required) {
        if property(def.key).is_none() {
            return Err(missing(graph, &what, def.key));
        }
    }
    // A type that declares `sources` requires every relationship of it to name one.
    if let Some(def) = declared.iter().find(|d| &**catalog.prop_key_name(d.key) == "sources") {
        if !is_nonempty_list(property(def.key)) {
            return Err(unsourced(&what, "claim", "sources"));
        }
    }
    Ok(())
}

pub fn describe_endpoints(graph: &Graph, ty: &RelType) -> String {
    let catalog = graph.catalog();
    let side = |s: &EndpointLabels| match s {
        EndpointLabels::Any => "ANY".to_string(),
        EndpointLabels::OneOf(ls) => {
            ls.iter().map(|l| catalog.label_name(*l).to_string()).collect::<Vec<_>>().join("|")
        }
    };
    ty.endpoints.iter().map(|(a, b)| format!("{} -> {}", side(a), side(b))).collect::<Vec<_>>().join(", ")
}

/// A new type must be new, and an open graph that already holds data cannot become
/// typed (its data would fit no declaration).
fn check_can_declare(graph: &Graph) -> Result<()> {
    if !graph.schema().is_typed() && (graph.node_count() > 0 || graph.rel_count() > 0) {
        return Err(schema_error(
            ErrorCode::InvalidSchemaDefinition,
            format!(
                "cannot declare a type in a graph that already holds {} untyped node(s): declare the schema first, then load the data",
                graph.node_count()
            ),
        ));
    }
    Ok(())
}

pub fn check_new_node_type(graph: &Graph, ty: &NodeType) -> Result<()> {
    check_can_declare(graph)?;
    if graph.schema().node_type(ty.label).is_some() {
        return Err(schema_error(
            ErrorCode::TypeAlreadyDefined,
            format!("node type `{}` is already defined", graph.catalog().label_name(ty.label)),
        ));
    }
    check_unique_properties(graph, &ty.properties)
}

pub fn check_new_rel_type(graph: &Graph, ty: &RelType) -> Result<()> {
    check_can_declare(graph)?;
    let catalog = graph.catalog();
    if graph.schema().rel_type(ty.rel_type).is_some() {
        return Err(schema_error(
            ErrorCode::TypeAlreadyDefined,
            format!("relationship type `{}` is already defined", catalog.rel_type_name(ty.rel_type)),
        ));
    }
    for (from, to) in &ty.endpoints {
        for side in [from, to] {
            if let EndpointLabels::OneOf(labels) = side {
                for label in labels {
                    if graph.schema().node_type(*label).is_none() {
                        let names: Vec<&str> =
                            graph.schema().node_types().map(|t| &**catalog.label_name(t.label)).collect();
                        let name = catalog.label_name(*label);
                        let err = schema_error(
                            ErrorCode::UnknownLabel,
                            format!("relationship type endpoint `{name}` is not a declared node type"),
                        );
                        return Err(match did_you_mean(name, names) {
                            Some(h) => err.with_hint(h),
                            None => err,
                        });
                    }
                }
            }
        }
    }
    check_unique_properties(graph, &ty.properties)
}

fn check_unique_properties(graph: &Graph, props: &[PropertyDef]) -> Result<()> {
    for (i, def) in props.iter().enumerate() {
        if props[..i].iter().any(|d| d.key == def.key) {
            return Err(schema_error(
                ErrorCode::InvalidSchemaDefinition,
                format!("property `{}` is declared twice", graph.catalog().prop_key_name(def.key)),
            ));
        }
    }
    Ok(())
}
