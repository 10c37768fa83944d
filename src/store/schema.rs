//! The declared schema: node types and relationship types, with typed properties.
//!
//! A graph with no declared type is *open*: any label, type and property is accepted,
//! as in Neo4j. Once a type is declared the graph is *typed*, and the store rejects
//! whatever the schema does not allow. The binder reads the schema (never graph data)
//! to check queries before they run.

use std::collections::BTreeMap;
use std::fmt;

use super::property_constraints::Constraint;
use super::{Catalog, LabelId, PropKeyId, RelTypeId};
use crate::value::Value;

/// The type of a declared property.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PropertyType {
    String,
    Int,
    Float,
    Bool,
    Date,
    LocalTime,
    Time,
    LocalDateTime,
    DateTime,
    Duration,
    Map,
    Any,
    List(Box<PropertyType>),
}

impl PropertyType {
    /// Whether `value` may be stored in a property of this type. `null` never is stored:
    /// setting a property to `null` removes it.
    pub fn admits(&self, value: &Value) -> bool {
        match (self, value) {
            (PropertyType::Any, _) => true,
            (PropertyType::String, Value::String(_)) => true,
            (PropertyType::Int, Value::Int(_)) => true,
            // An integer is a valid float, as Kuzu and Neo4j accept `1` for a DOUBLE.
            (PropertyType::Float, Value::Float(_) | Value::Int(_)) => true,
            (PropertyType::Bool, Value::Bool(_)) => true,
            (PropertyType::Date, Value::Date(_)) => true,
            (PropertyType::LocalTime, Value::LocalTime(_)) => true,
            (PropertyType::Time, Value::Time(_)) => true,
            (PropertyType::LocalDateTime, Value::LocalDateTime(_)) => true,
            (PropertyType::DateTime, Value::DateTime(_)) => true,
            (PropertyType::Duration, Value::Duration(_)) => true,
            (PropertyType::Map, Value::Map(_)) => true,
            (PropertyType::List(item), Value::List(items)) => items.iter().all(|it| !it.is_null() && item.admits(it)),
            _ => false,
        }
    }

    /// The stored form of a value this type admits: an integer stored in a FLOAT
    /// property becomes a float.
    pub fn coerce(&self, value: Value) -> Value {
        match (self, value) {
            (PropertyType::Float, Value::Int(i)) => Value::Float(i as f64),
            (_, value) => value,
        }
    }
}

impl PropertyType {
    /// The scalar type a DDL name stands for (`INT`, also `INTEGER` and `INT64`; any
    /// case); `LIST<…>` is the caller's to unwrap.
    pub fn from_name(name: &str) -> Option<PropertyType> {
        Some(match name.to_uppercase().as_str() {
            "STRING" => PropertyType::String,
            "INT" | "INT64" | "INTEGER" => PropertyType::Int,
            "FLOAT" | "DOUBLE" => PropertyType::Float,
            "BOOL" | "BOOLEAN" => PropertyType::Bool,
            "DATE" => PropertyType::Date,
            "LOCALTIME" => PropertyType::LocalTime,
            "TIME" => PropertyType::Time,
            "LOCALDATETIME" => PropertyType::LocalDateTime,
            "DATETIME" => PropertyType::DateTime,
            "DURATION" => PropertyType::Duration,
            "MAP" => PropertyType::Map,
            "ANY" => PropertyType::Any,
            _ => return None,
        })
    }
}

impl fmt::Display for PropertyType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PropertyType::String => f.write_str("STRING"),
            PropertyType::Int => f.write_str("INT"),
            PropertyType::Float => f.write_str("FLOAT"),
            PropertyType::Bool => f.write_str("BOOL"),
            PropertyType::Date => f.write_str("DATE"),
            PropertyType::LocalTime => f.write_str("LOCALTIME"),
            PropertyType::Time => f.write_str("TIME"),
            PropertyType::LocalDateTime => f.write_str("LOCALDATETIME"),
            PropertyType::DateTime => f.write_str("DATETIME"),
            PropertyType::Duration => f.write_str("DURATION"),
            PropertyType::Map => f.write_str("MAP"),
            PropertyType::Any => f.write_str("ANY"),
            PropertyType::List(item) => write!(f, "LIST<{item}>"),
        }
    }
}

/// One declared property of a node or relationship type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PropertyDef {
    pub key: PropKeyId,
    pub ty: PropertyType,
    pub required: bool,
}

/// A declared node type: its label, its properties, and the key property if it has one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NodeType {
    pub label: LabelId,
    pub properties: Vec<PropertyDef>,
    /// Unique and required: the identity of a node of this type.
    pub key: Option<PropKeyId>,
}

/// One side of a relationship type's endpoint pair: some labels, or any node.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EndpointLabels {
    Any,
    OneOf(Vec<LabelId>),
}

impl EndpointLabels {
    pub fn admits(&self, labels: &[LabelId]) -> bool {
        match self {
            EndpointLabels::Any => true,
            EndpointLabels::OneOf(allowed) => labels.iter().any(|l| allowed.contains(l)),
        }
    }

    pub fn admits_label(&self, label: LabelId) -> bool {
        self.admits(&[label])
    }
}

/// A declared relationship type: the endpoint pairs it may connect and its properties.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RelType {
    pub rel_type: RelTypeId,
    pub endpoints: Vec<(EndpointLabels, EndpointLabels)>,
    pub properties: Vec<PropertyDef>,
}

impl RelType {
    pub fn admits_endpoints(&self, start: &[LabelId], end: &[LabelId]) -> bool {
        self.endpoints.iter().any(|(from, to)| from.admits(start) && to.admits(end))
    }
}

/// All declared types of a graph.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Schema {
    node_types: BTreeMap<LabelId, NodeType>,
    rel_types: BTreeMap<RelTypeId, RelType>,
    /// Neo4j's property constraints, in the order they were created.
    constraints: Vec<Constraint>,
}

impl Schema {
    /// A typed graph rejects what its schema does not declare; an open one accepts all.
    pub fn is_typed(&self) -> bool {
        !self.node_types.is_empty() || !self.rel_types.is_empty()
    }

    pub fn node_type(&self, label: LabelId) -> Option<&NodeType> {
        self.node_types.get(&label)
    }

    pub fn rel_type(&self, ty: RelTypeId) -> Option<&RelType> {
        self.rel_types.get(&ty)
    }

    pub fn node_types(&self) -> impl Iterator<Item = &NodeType> {
        self.node_types.values()
    }

    pub fn rel_types(&self) -> impl Iterator<Item = &RelType> {
        self.rel_types.values()
    }

    pub(super) fn insert_node_type(&mut self, ty: NodeType) {
        self.node_types.insert(ty.label, ty);
    }

    pub(super) fn insert_rel_type(&mut self, ty: RelType) {
        self.rel_types.insert(ty.rel_type, ty);
    }

    pub(super) fn remove_node_type(&mut self, label: LabelId) {
        self.node_types.remove(&label);
    }

    pub(super) fn remove_rel_type(&mut self, ty: RelTypeId) {
        self.rel_types.remove(&ty);
    }

    pub fn constraints(&self) -> &[Constraint] {
        &self.constraints
    }

    pub fn constraint(&self, name: &str) -> Option<&Constraint> {
        self.constraints.iter().find(|c| &*c.name == name)
    }

    pub(super) fn insert_constraint(&mut self, c: Constraint) {
        self.constraints.push(c);
    }

    pub(super) fn remove_constraint(&mut self, name: &str) -> Option<Constraint> {
        let at = self.constraints.iter().position(|c| &*c.name == name)?;
        Some(self.constraints.remove(at))
    }

    /// The declaration of `key` on any of `labels`.
    pub fn node_property<'a>(&'a self, labels: &[LabelId], key: PropKeyId) -> Option<&'a PropertyDef> {
        labels.iter().filter_map(|l| self.node_types.get(l)).flat_map(|t| t.properties.iter()).find(|p| p.key == key)
    }

    pub fn rel_property(&self, ty: RelTypeId, key: PropKeyId) -> Option<&PropertyDef> {
        self.rel_types.get(&ty)?.properties.iter().find(|p| p.key == key)
    }

    /// Whether any declared type, node or relationship, has a property `key`.
    pub fn knows_prop_key(&self, key: PropKeyId) -> bool {
        self.node_types.values().flat_map(|t| &t.properties).any(|p| p.key == key)
            || self.rel_types.values().flat_map(|t| &t.properties).any(|p| p.key == key)
    }

    /// The DDL that declares this schema, in declaration-independent (id) order.
    pub fn to_ddl(&self, catalog: &Catalog) -> String {
        let mut out = String::new();
        for ty in self.node_types.values() {
            out.push_str(&node_type_ddl(ty, catalog));
            out.push_str(";\n");
        }
        for ty in self.rel_types.values() {
            out.push_str(&rel_type_ddl(ty, catalog));
            out.push_str(";\n");
        }
        out
    }
}

fn property_ddl(def: &PropertyDef, key: Option<PropKeyId>, catalog: &Catalog) -> String {
    let name = crate::syntax::quote_name(catalog.prop_key_name(def.key));
    if key == Some(def.key) {
        format!("{name} {} KEY", def.ty)
    } else if def.required {
        format!("{name} {} NOT NULL", def.ty)
    } else {
        format!("{name} {}", def.ty)
    }
}

pub fn node_type_ddl(ty: &NodeType, catalog: &Catalog) -> String {
    let props: Vec<String> = ty.properties.iter().map(|p| property_ddl(p, ty.key, catalog)).collect();
    format!("CREATE NODE TYPE {} ({})", crate::syntax::quote_name(catalog.label_name(ty.label)), props.join(", "))
}

pub fn rel_type_ddl(ty: &RelType, catalog: &Catalog) -> String {
    let side = |labels: &EndpointLabels| match labels {
        EndpointLabels::Any => "ANY".to_string(),
        EndpointLabels::OneOf(ls) => {
            ls.iter().map(|l| crate::syntax::quote_name(catalog.label_name(*l))).collect::<Vec<_>>().join("|")
        }
    };
    let mut parts: Vec<String> =
        ty.endpoints.iter().map(|(from, to)| format!("{} -> {}", side(from), side(to))).collect();
    parts.extend(ty.properties.iter().map(|p| property_ddl(p, None, catalog)));
    format!(
        "CREATE RELATIONSHIP TYPE {} ({})",
        crate::syntax::quote_name(catalog.rel_type_name(ty.rel_type)),
        parts.join(", ")
    )
}
