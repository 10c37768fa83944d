//! Neo4j's property constraints (`CREATE CONSTRAINT … REQUIRE …`): uniqueness,
//! existence, property type and keys, on the nodes of a label or the relationships of
//! a type. They hold on open and typed graphs alike, beside the declared types.
//!
//! A new constraint is checked against the data first; afterwards every entity a
//! statement touched is checked at commit (`Txn::commit_with`), so a statement that
//! would break one fails and changes nothing.

use std::collections::HashMap;
use std::sync::Arc;

use super::{Graph, LabelId, NodeId, PropKeyId, PropertyType, RelId, RelTypeId};
use crate::error::{Error, ErrorCode, Result};
use crate::value::Value;

/// What a constraint requires of the properties it names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConstraintKind {
    /// No two entities holding all the properties hold the same values.
    Unique,
    /// Every entity holds the property.
    Exists,
    /// The property, when present, has one of these types.
    Type(Vec<PropertyType>),
    /// Exists and unique together.
    Key,
}

/// The entities a constraint is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConstraintScope {
    Node(LabelId),
    Rel(RelTypeId),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Constraint {
    pub name: Arc<str>,
    pub scope: ConstraintScope,
    pub keys: Vec<PropKeyId>,
    pub kind: ConstraintKind,
}

impl Constraint {
    /// Neo4j's `type` column of SHOW CONSTRAINTS.
    pub fn type_name(&self) -> &'static str {
        let node = matches!(self.scope, ConstraintScope::Node(_));
        match (&self.kind, node) {
            (ConstraintKind::Unique, true) => "NODE_PROPERTY_UNIQUENESS",
            (ConstraintKind::Unique, false) => "RELATIONSHIP_PROPERTY_UNIQUENESS",
            (ConstraintKind::Exists, true) => "NODE_PROPERTY_EXISTENCE",
            (ConstraintKind::Exists, false) => "RELATIONSHIP_PROPERTY_EXISTENCE",
            (ConstraintKind::Type(_), true) => "NODE_PROPERTY_TYPE",
            (ConstraintKind::Type(_), false) => "RELATIONSHIP_PROPERTY_TYPE",
            (ConstraintKind::Key, true) => "NODE_KEY",
            (ConstraintKind::Key, false) => "RELATIONSHIP_KEY",
        }
    }

    fn requires_unique(&self) -> bool {
        matches!(self.kind, ConstraintKind::Unique | ConstraintKind::Key)
    }

    /// Whether `other` constrains the same entities and properties the same way.
    pub fn same_rule(&self, other: &Constraint) -> bool {
        self.scope == other.scope && self.keys == other.keys && self.kind == other.kind
    }
}

/// Neo4j's names for the property types a type constraint allows (`STRING`,
/// `LIST<INTEGER NOT NULL>`), joined by ` | `.
pub fn type_constraint_text(types: &[PropertyType]) -> String {
    types.iter().map(neo4j_type_name).collect::<Vec<_>>().join(" | ")
}

fn neo4j_type_name(ty: &PropertyType) -> String {
    match ty {
        PropertyType::String => "STRING".into(),
        PropertyType::Int => "INTEGER".into(),
        PropertyType::Float => "FLOAT".into(),
        PropertyType::Bool => "BOOLEAN".into(),
        PropertyType::Date => "DATE".into(),
        PropertyType::LocalTime => "LOCAL TIME".into(),
        PropertyType::Time => "ZONED TIME".into(),
        PropertyType::LocalDateTime => "LOCAL DATETIME".into(),
        PropertyType::DateTime => "ZONED DATETIME".into(),
        PropertyType::Duration => "DURATION".into(),
        PropertyType::Map => "MAP".into(),
        PropertyType::Any => "ANY".into(),
        PropertyType::List(item) => format!("LIST<{} NOT NULL>", neo4j_type_name(item)),
    }
}

/// A value of a type constraint's property: an integer is not a FLOAT here, as in Neo4j.
fn admits_exactly(ty: &PropertyType, value: &Value) -> bool {
    match (ty, value) {
        (PropertyType::Float, Value::Int(_)) => false,
        (PropertyType::List(item), Value::List(items)) => items.iter().all(|v| admits_exactly(item, v)),
        _ => ty.admits(value),
    }
}

/// One entity a constraint applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Entity {
    Node(NodeId),
    Rel(RelId),
}

impl Entity {
    fn property(self, graph: &Graph, key: PropKeyId) -> Option<Value> {
        match self {
            Entity::Node(id) => graph.node_property(id, key),
            Entity::Rel(id) => graph.rel_property(id, key),
        }
    }

    fn describe(self) -> String {
        match self {
            Entity::Node(id) => format!("Node({id})"),
            Entity::Rel(id) => format!("Relationship({id})"),
        }
    }
}

fn entities_in(graph: &Graph, scope: ConstraintScope) -> Vec<Entity> {
    match scope {
        ConstraintScope::Node(label) => graph.nodes_with_label(label).map(Entity::Node).collect(),
        ConstraintScope::Rel(ty) => {
            graph.rel_ids().filter(|&r| graph.rel(r).is_some_and(|e| e.ty == ty)).map(Entity::Rel).collect()
        }
    }
}

fn in_scope(graph: &Graph, entity: Entity, scope: ConstraintScope) -> bool {
    match (entity, scope) {
        (Entity::Node(id), ConstraintScope::Node(label)) => graph.contains_node(id) && graph.node_has_label(id, label),
        (Entity::Rel(id), ConstraintScope::Rel(ty)) => graph.rel(id).is_some_and(|e| e.ty == ty),
        _ => false,
    }
}

/// `(:Book {isbn})` or `()-[:KNOWS {since}]-()`, as Neo4j names a constraint's schema.
pub fn describe_schema(graph: &Graph, c: &Constraint) -> String {
    let catalog = graph.catalog();
    let keys: Vec<String> = c.keys.iter().map(|k| catalog.prop_key_name(*k).to_string()).collect();
    match c.scope {
        ConstraintScope::Node(l) => format!("(:{} {{{}}})", catalog.label_name(l), keys.join(", ")),
        ConstraintScope::Rel(t) => format!("()-[:{} {{{}}}]-()", catalog.rel_type_name(t), keys.join(", ")),
    }
}

fn scope_words(graph: &Graph, scope: ConstraintScope) -> String {
    match scope {
        ConstraintScope::Node(l) => format!("label `{}`", graph.catalog().label_name(l)),
        ConstraintScope::Rel(t) => format!("type `{}`", graph.catalog().rel_type_name(t)),
    }
}

fn key_words(graph: &Graph, c: &Constraint, values: &[Value]) -> String {
    let catalog = graph.catalog();
    let parts: Vec<String> =
        c.keys.iter().zip(values).map(|(k, v)| format!("`{}` = {v}", catalog.prop_key_name(*k))).collect();
    let noun = if parts.len() == 1 { "property" } else { "properties" };
    format!("{noun} {}", parts.join(", "))
}

/// The first entity among `entities` that breaks `c` on its own (a missing or mistyped
/// property), as a message.
fn single_violation(graph: &Graph, c: &Constraint, entities: &[Entity]) -> Option<String> {
    let catalog = graph.catalog();
    for &e in entities {
        for &key in &c.keys {
            let value = e.property(graph, key);
            match (&c.kind, value) {
                (ConstraintKind::Exists | ConstraintKind::Key, None) => {
                    return Some(format!(
                        "{} with {} must have the property `{}`",
                        e.describe(),
                        scope_words(graph, c.scope),
                        catalog.prop_key_name(key)
                    ));
                }
                (ConstraintKind::Type(types), Some(v)) if !types.iter().any(|t| admits_exactly(t, &v)) => {
                    return Some(format!(
                        "{} with {} required the property `{}` to be of type {}, but was of type {}",
                        e.describe(),
                        scope_words(graph, c.scope),
                        catalog.prop_key_name(key),
                        type_constraint_text(types),
                        v.type_name()
                    ));
                }
                _ => {}
            }
        }
    }
    None
}

/// The values of all of `c`'s properties on `e`, or `None` when one is missing.
fn key_values(graph: &Graph, c: &Constraint, e: Entity) -> Option<Vec<Value>> {
    c.keys.iter().map(|&k| e.property(graph, k)).collect()
}

/// Two entities of `c`'s scope holding the same values, one of them among `candidates`
/// (all of the scope's entities when `None`).
fn duplicate(graph: &Graph, c: &Constraint, candidates: Option<&[Entity]>) -> Option<(Entity, Entity, Vec<Value>)> {
    let all = entities_in(graph, c.scope);
    let mut seen: HashMap<Vec<Value>, Entity> = HashMap::new();
    let mut clash = None;
    for &e in &all {
        let Some(values) = key_values(graph, c, e) else {
            continue;
        };
        if values.iter().any(|v| matches!(v, Value::Float(f) if f.is_nan())) {
            continue;
        }
        match seen.get(&values) {
            Some(&first) => {
                let involved = candidates.is_none_or(|cs| cs.contains(&e) || cs.contains(&first));
                if involved {
                    clash = Some((first, e, values));
                    break;
                }
            }
            None => {
                seen.insert(values, e);
            }
        }
    }
    clash
}

/// Whether a new constraint may be added: `Ok(false)` when IF NOT EXISTS finds one of
/// the name or the rule already there; an error when one is there without it.
pub fn check_new(graph: &Graph, c: &Constraint, if_not_exists: bool) -> Result<bool> {
    let schema = graph.schema();
    let same_name = schema.constraint(&c.name);
    let same_rule = schema.constraints().iter().find(|o| o.same_rule(c));
    // A uniqueness and a key on the same properties are one index in Neo4j: they clash.
    let clash = schema.constraints().iter().find(|o| {
        o.scope == c.scope && o.keys == c.keys && o.requires_unique() && c.requires_unique() && o.kind != c.kind
    });
    if if_not_exists && (same_name.is_some() || same_rule.is_some()) {
        return Ok(false);
    }
    if let Some(other) = same_rule {
        return Err(Error::new(
            ErrorCode::EquivalentSchemaRuleAlreadyExists,
            format!(
                "An equivalent constraint already exists, 'Constraint( name='{}', type='{}', schema={} )'",
                other.name,
                other.type_name(),
                describe_schema(graph, other)
            ),
        ));
    }
    if let Some(other) = same_name {
        return Err(Error::new(
            ErrorCode::ConstraintAlreadyExists,
            format!("There already exists a constraint called '{}'", other.name),
        ));
    }
    if let Some(other) = clash {
        return Err(Error::new(
            ErrorCode::ConstraintAlreadyExists,
            format!(
                "Constraint already exists: Constraint( name='{}', type='{}', schema={} )",
                other.name,
                other.type_name(),
                describe_schema(graph, other)
            ),
        ));
    }
    Ok(true)
}

/// Checks a new constraint against the data already in the graph.
pub fn verify_new(graph: &Graph, c: &Constraint) -> Result<()> {
    let failed = |detail: String| {
        Error::new(
            ErrorCode::ConstraintCreationFailed,
            format!(
                "Unable to create Constraint( name='{}', type='{}', schema={} ):\n{detail}",
                c.name,
                c.type_name(),
                describe_schema(graph, c)
            ),
        )
    };
    let entities = entities_in(graph, c.scope);
    if let Some(detail) = single_violation(graph, c, &entities) {
        return Err(failed(detail));
    }
    if c.requires_unique() {
        if let Some((a, b, values)) = duplicate(graph, c, None) {
            return Err(failed(format!(
                "Both {} and {} have the {} and {}",
                a.describe(),
                b.describe(),
                scope_words(graph, c.scope),
                key_words(graph, c, &values)
            )));
        }
    }
    Ok(())
}

/// Checks the entities a statement touched against every constraint that covers them.
pub fn check_touched(graph: &Graph, nodes: &[NodeId], rels: &[RelId]) -> Result<()> {
    let constraints = graph.schema().constraints();
    if constraints.is_empty() {
        return Ok(());
    }
    let touched: Vec<Entity> =
        nodes.iter().map(|&n| Entity::Node(n)).chain(rels.iter().map(|&r| Entity::Rel(r))).collect();
    for c in constraints {
        let covered: Vec<Entity> = touched.iter().copied().filter(|&e| in_scope(graph, e, c.scope)).collect();
        if covered.is_empty() {
            continue;
        }
        if let Some(detail) = single_violation(graph, c, &covered) {
            return Err(Error::new(ErrorCode::ConstraintValidationFailed, detail));
        }
        if c.requires_unique() {
            if let Some((first, other, values)) = duplicate(graph, c, Some(&covered)) {
                let (old, _new) = if covered.contains(&other) { (first, other) } else { (other, first) };
                return Err(Error::new(
                    ErrorCode::ConstraintValidationFailed,
                    format!(
                        "{} already exists with {} and {}",
                        old.describe(),
                        scope_words(graph, c.scope),
                        key_words(graph, c, &values)
                    ),
                ));
            }
        }
    }
    Ok(())
}

/// The statement that makes `c` again.
pub fn create_statement(graph: &Graph, c: &Constraint) -> String {
    let catalog = graph.catalog();
    let (pattern, var) = match c.scope {
        ConstraintScope::Node(l) => (format!("(n:{})", crate::syntax::quote_name(catalog.label_name(l))), "n"),
        ConstraintScope::Rel(t) => (format!("()-[r:{}]-()", crate::syntax::quote_name(catalog.rel_type_name(t))), "r"),
    };
    let props: Vec<String> =
        c.keys.iter().map(|k| format!("{var}.{}", crate::syntax::quote_name(catalog.prop_key_name(*k)))).collect();
    let rule = match (&c.kind, c.scope) {
        (ConstraintKind::Unique, _) => "IS UNIQUE".to_string(),
        (ConstraintKind::Exists, _) => "IS NOT NULL".to_string(),
        (ConstraintKind::Type(types), _) => format!("IS :: {}", type_constraint_text(types)),
        (ConstraintKind::Key, ConstraintScope::Node(_)) => "IS NODE KEY".to_string(),
        (ConstraintKind::Key, ConstraintScope::Rel(_)) => "IS RELATIONSHIP KEY".to_string(),
    };
    format!(
        "CREATE CONSTRAINT {} FOR {pattern} REQUIRE ({}) {rule}",
        crate::syntax::quote_name(&c.name),
        props.join(", ")
    )
}

/// Neo4j's generated name for an unnamed constraint: `constraint_` and eight hex digits
/// of a hash of what it constrains (FNV-1a, so the name is the same on every run).
pub fn default_name(graph: &Graph, c: &Constraint) -> String {
    let text = format!("{}|{}|{:?}", c.type_name(), describe_schema(graph, c), c.kind);
    let mut hash: u32 = 0x811c_9dc5;
    for byte in text.bytes() {
        hash ^= u32::from(byte);
        hash = hash.wrapping_mul(0x0100_0193);
    }
    format!("constraint_{hash:08x}")
}
