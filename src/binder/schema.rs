//! Binding the schema DDL: type names checked, one key at most, no duplicate property.

use std::sync::Arc;

use super::bound::{NodeTypeDecl, PropertyDecl, RelTypeDecl};
use crate::error::{Error, ErrorCode, Result};
use crate::store::PropertyType;
use crate::syntax::ast;

const TYPE_NAMES: &[&str] = &[
    "STRING",
    "INT",
    "INT64",
    "INTEGER",
    "FLOAT",
    "DOUBLE",
    "BOOL",
    "BOOLEAN",
    "DATE",
    "LOCALTIME",
    "TIME",
    "LOCALDATETIME",
    "DATETIME",
    "DURATION",
    "MAP",
    "ANY",
];

pub fn bind_node_type(def: &ast::NodeTypeDef) -> Result<NodeTypeDecl> {
    let properties = bind_properties(&def.properties)?;
    let keys: Vec<&ast::PropertyDefAst> = def.properties.iter().filter(|p| p.is_key).collect();
    if keys.len() > 1 {
        return Err(Error::at(
            ErrorCode::InvalidSchemaDefinition,
            keys[1].span,
            "a node type has at most one KEY property",
        ));
    }
    let mut key = keys.first().map(|p| Arc::from(p.key.name.as_str()));
    if let Some(pk) = &def.primary_key {
        if key.is_some() {
            return Err(Error::at(
                ErrorCode::InvalidSchemaDefinition,
                pk.span,
                "a node type has at most one KEY property",
            ));
        }
        if !def.properties.iter().any(|p| p.key.name == pk.name) {
            return Err(Error::at(
                ErrorCode::InvalidSchemaDefinition,
                pk.span,
                format!("PRIMARY KEY names no property: `{}`", pk.name),
            ));
        }
        key = Some(Arc::from(pk.name.as_str()));
    }
    let properties = properties
        .into_iter()
        .map(|p| PropertyDecl { required: p.required || key.as_deref() == Some(&*p.key), ..p })
        .collect();
    let span = def.label.span;
    Ok(NodeTypeDecl { label: def.label.name.as_str().into(), properties, key, span })
}

pub fn bind_rel_type(def: &ast::RelTypeDef, view: super::SchemaView<'_>) -> Result<RelTypeDecl> {
    for (from, to) in &def.endpoints {
        for side in [from, to] {
            if let ast::EndpointAst::Labels(labels) = side {
                labels.iter().try_for_each(|l| check_endpoint_label(l, view))?;
            }
        }
    }
    if def.endpoints.is_empty() {
        return Err(Error::at(
            ErrorCode::InvalidSchemaDefinition,
            def.name.span,
            "a relationship type needs at least one endpoint pair `From -> To`",
        ));
    }
    if let Some(p) = def.properties.iter().find(|p| p.is_key) {
        return Err(Error::at(ErrorCode::InvalidSchemaDefinition, p.span, "relationship types have no KEY property"));
    }
    let side = |e: &ast::EndpointAst| match e {
        ast::EndpointAst::Any(_) => None,
        ast::EndpointAst::Labels(ls) => Some(ls.iter().map(|l| Arc::from(l.name.as_str())).collect()),
    };
    let endpoints = def.endpoints.iter().map(|(a, b)| (side(a), side(b))).collect();
    Ok(RelTypeDecl {
        name: def.name.name.as_str().into(),
        endpoints,
        properties: bind_properties(&def.properties)?,
        span: def.name.span,
    })
}

/// An endpoint names a node type declared before it.
fn check_endpoint_label(label: &ast::Ident, view: super::SchemaView<'_>) -> Result<()> {
    let declared = view.catalog.label(&label.name).is_some_and(|l| view.schema.node_type(l).is_some());
    if declared {
        return Ok(());
    }
    let known = view.schema.node_types().map(|t| &**view.catalog.label_name(t.label));
    let err = Error::at(
        ErrorCode::UnknownLabel,
        label.span,
        format!("endpoint `{}` is not a declared node type", label.name),
    );
    Err(match crate::suggest::did_you_mean(&label.name, known) {
        Some(hint) => err.with_hint(hint),
        None => err,
    })
}

fn bind_properties(defs: &[ast::PropertyDefAst]) -> Result<Vec<PropertyDecl>> {
    let mut out: Vec<PropertyDecl> = Vec::new();
    for def in defs {
        if out.iter().any(|p| *p.key == def.key.name) {
            return Err(Error::at(
                ErrorCode::InvalidSchemaDefinition,
                def.key.span,
                format!("property `{}` is declared twice", def.key.name),
            ));
        }
        out.push(PropertyDecl {
            key: def.key.name.as_str().into(),
            ty: property_type(&def.ty)?,
            required: def.not_null || def.is_key,
        });
    }
    Ok(out)
}

fn property_type(ty: &ast::TypeAst) -> Result<PropertyType> {
    match ty {
        ast::TypeAst::List(item, _) => Ok(PropertyType::List(Box::new(property_type(item)?))),
        ast::TypeAst::Named(name) => match PropertyType::from_name(&name.name) {
            Some(ty) => Ok(ty),
            None => {
                let err = Error::at(
                    ErrorCode::InvalidSchemaDefinition,
                    name.span,
                    format!("unknown property type `{}`", name.name),
                );
                Err(match crate::suggest::did_you_mean(&name.name.to_uppercase(), TYPE_NAMES.iter().copied()) {
                    Some(hint) => err.with_hint(hint),
                    None => err,
                })
            }
        },
    }
}
