//! Binding Neo4j's constraint DDL: the properties read from the pattern's variable, a
//! rule that fits the entity (no NODE KEY on a relationship), Neo4j's type names, and,
//! on a typed graph, a declared label or type with declared properties.

use std::sync::Arc;

use super::bound::{ConstraintDecl, DropConstraintDecl};
use super::SchemaView;
use crate::error::{Error, ErrorCode, Result};
use crate::store::{ConstraintKind, PropertyType};
use crate::suggest::did_you_mean;
use crate::syntax::ast::{ConstraintDef, ConstraintRule, DropConstraintDef, Ident, TypeAst};

pub fn bind_create_constraint(def: &ConstraintDef, view: SchemaView<'_>) -> Result<ConstraintDecl> {
    for (owner, _) in &def.properties {
        if owner.name != def.variable.name {
            return Err(Error::at(
                ErrorCode::UndefinedVariable,
                owner.span,
                format!("variable `{}` is not defined (the constraint is on `{}`)", owner.name, def.variable.name),
            ));
        }
    }
    let kind = rule_kind(def)?;
    if matches!(kind, ConstraintKind::Exists | ConstraintKind::Type(_)) && def.properties.len() > 1 {
        let what = if matches!(kind, ConstraintKind::Exists) { "IS NOT NULL" } else { "IS :: <type>" };
        return Err(Error::at(
            ErrorCode::InvalidSchemaDefinition,
            def.properties[1].1.span,
            format!("a constraint `{what}` takes one property"),
        ));
    }
    let keys: Vec<Arc<str>> = def.properties.iter().map(|(_, k)| Arc::from(k.name.as_str())).collect();
    if let Some(at) = keys.iter().enumerate().position(|(i, k)| keys[..i].contains(k)) {
        return Err(Error::at(
            ErrorCode::InvalidSchemaDefinition,
            def.properties[at].1.span,
            format!("property `{}` is named twice", keys[at]),
        ));
    }
    check_declared(def, view)?;
    Ok(ConstraintDecl {
        name: def.name.as_ref().map(|n| Arc::from(n.name.as_str())),
        if_not_exists: def.if_not_exists,
        target: def.target.name.as_str().into(),
        on_rels: def.on_rels,
        keys,
        kind,
        span: def.span,
    })
}

pub fn bind_drop_constraint(def: &DropConstraintDef) -> DropConstraintDecl {
    DropConstraintDecl { name: def.name.name.as_str().into(), if_exists: def.if_exists, span: def.span }
}

fn rule_kind(def: &ConstraintDef) -> Result<ConstraintKind> {
    let entity_word = |on_nodes: bool, span| {
        let (said, is) = if on_nodes { ("NODE", "relationships") } else { ("RELATIONSHIP", "nodes") };
        Error::at(ErrorCode::InvalidSchemaDefinition, span, format!("`{said}` does not fit a constraint on {is}"))
    };
    Ok(match &def.rule {
        ConstraintRule::Unique(Some(on_nodes), span) if *on_nodes == def.on_rels => {
            return Err(entity_word(*on_nodes, *span))
        }
        ConstraintRule::Unique(_, _) => ConstraintKind::Unique,
        ConstraintRule::Key(on_nodes, span) if *on_nodes == def.on_rels => return Err(entity_word(*on_nodes, *span)),
        ConstraintRule::Key(_, _) => ConstraintKind::Key,
        ConstraintRule::NotNull(_) => ConstraintKind::Exists,
        ConstraintRule::Typed(types) => {
            let mut bound: Vec<PropertyType> = Vec::new();
            for ty in types {
                let ty = neo4j_type(ty)?;
                if !bound.contains(&ty) {
                    bound.push(ty);
                }
            }
            // Neo4j prints a union in one order, whatever order it was written in.
            bound.sort_by_key(type_rank);
            ConstraintKind::Type(bound)
        }
    })
}

/// Where a type stands in Neo4j's order of a type union.
fn type_rank(ty: &PropertyType) -> u8 {
    match ty {
        PropertyType::Bool => 0,
        PropertyType::String => 1,
        PropertyType::Int => 2,
        PropertyType::Float => 3,
        PropertyType::Date => 4,
        PropertyType::LocalTime => 5,
        PropertyType::Time => 6,
        PropertyType::LocalDateTime => 7,
        PropertyType::DateTime => 8,
        PropertyType::Duration => 9,
        PropertyType::Map | PropertyType::Any => 10,
        PropertyType::List(item) => 11 + type_rank(item),
    }
}

const TYPE_NAMES: &[&str] = &[
    "BOOLEAN",
    "STRING",
    "INTEGER",
    "FLOAT",
    "DATE",
    "LOCAL TIME",
    "ZONED TIME",
    "LOCAL DATETIME",
    "ZONED DATETIME",
    "DURATION",
    "LIST<… NOT NULL>",
];

/// Neo4j's property type names and their synonyms, as far as steppe stores them.
fn neo4j_type(ty: &TypeAst) -> Result<PropertyType> {
    let name = match ty {
        TypeAst::List(item, _) => return Ok(PropertyType::List(Box::new(neo4j_type(item)?))),
        TypeAst::Named(name) => name,
    };
    Ok(match name.name.as_str() {
        "BOOLEAN" | "BOOL" => PropertyType::Bool,
        "STRING" | "VARCHAR" => PropertyType::String,
        "INTEGER" | "INT" | "SIGNED INTEGER" => PropertyType::Int,
        "FLOAT" => PropertyType::Float,
        "DATE" => PropertyType::Date,
        "LOCAL TIME" | "TIME WITHOUT TIME ZONE" => PropertyType::LocalTime,
        "ZONED TIME" | "TIME WITH TIME ZONE" => PropertyType::Time,
        "LOCAL DATETIME" | "TIMESTAMP WITHOUT TIME ZONE" => PropertyType::LocalDateTime,
        "ZONED DATETIME" | "TIMESTAMP WITH TIME ZONE" => PropertyType::DateTime,
        "DURATION" => PropertyType::Duration,
        _ => return Err(unknown_type(name)),
    })
}

fn unknown_type(name: &Ident) -> Error {
    let err = Error::at(
        ErrorCode::InvalidSchemaDefinition,
        name.span,
        format!("`{}` is not a property type a constraint can require", name.name),
    );
    match did_you_mean(&name.name, TYPE_NAMES.iter().copied()) {
        Some(hint) => err.with_hint(hint),
        None => err.with_hint(format!("the types are {}", TYPE_NAMES.join(", "))),
    }
}

/// On a typed graph the label or type must be declared, and so must its properties.
fn check_declared(def: &ConstraintDef, view: SchemaView<'_>) -> Result<()> {
    let (schema, catalog) = (view.schema, view.catalog);
    if !schema.is_typed() {
        return Ok(());
    }
    let declared: Vec<&crate::store::PropertyDef> = if def.on_rels {
        let ty = catalog.rel_type(&def.target.name).and_then(|t| schema.rel_type(t));
        let Some(ty) = ty else {
            let known = schema.rel_types().map(|t| &**catalog.rel_type_name(t.rel_type));
            return Err(with_hint(
                Error::at(
                    ErrorCode::UnknownRelationshipType,
                    def.target.span,
                    format!("unknown relationship type `{}`: the schema declares no such type", def.target.name),
                ),
                &def.target.name,
                known,
            ));
        };
        ty.properties.iter().collect()
    } else {
        let ty = catalog.label(&def.target.name).and_then(|l| schema.node_type(l));
        let Some(ty) = ty else {
            let known = schema.node_types().map(|t| &**catalog.label_name(t.label));
            return Err(with_hint(
                Error::at(
                    ErrorCode::UnknownLabel,
                    def.target.span,
                    format!("unknown label `{}`: the schema declares no such node type", def.target.name),
                ),
                &def.target.name,
                known,
            ));
        };
        ty.properties.iter().collect()
    };
    for (_, key) in &def.properties {
        let found = catalog.prop_key(&key.name).is_some_and(|k| declared.iter().any(|d| d.key == k));
        if !found {
            let known = declared.iter().map(|d| &**catalog.prop_key_name(d.key));
            return Err(with_hint(
                Error::at(
                    ErrorCode::UnknownPropertyKey,
                    key.span,
                    format!("`{}` declares no property `{}`", def.target.name, key.name),
                ),
                &key.name,
                known,
            ));
        }
    }
    Ok(())
}

fn with_hint<'a>(err: Error, name: &str, known: impl IntoIterator<Item = &'a str>) -> Error {
    match did_you_mean(name, known) {
        Some(hint) => err.with_hint(hint),
        None => err,
    }
}
