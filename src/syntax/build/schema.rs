//! The schema DDL: `CREATE NODE TYPE` and `CREATE RELATIONSHIP TYPE`.

use pest::iterators::Pair;

use super::super::pairs::{span_of, unexpected, Cursor};
use super::super::parser::Rule;
use super::literal::ident;
use crate::error::Result;
use crate::syntax::ast::{EndpointAst, NodeTypeDef, PropertyDefAst, RelTypeDef, TypeAst};

pub fn create_node_type(pair: Pair<'_, Rule>) -> Result<NodeTypeDef> {
    let mut cursor = Cursor::new(pair);
    cursor.take(Rule::CREATE)?;
    cursor.take(Rule::NODE)?;
    cursor.take(Rule::TYPE)?;
    let label = ident(cursor.take(Rule::schema_name)?);
    let mut properties = Vec::new();
    let mut primary_key = None;
    while let Some(item) = cursor.next() {
        match item.as_rule() {
            Rule::property_def => properties.push(property_def(item)?),
            Rule::primary_key => primary_key = Some(primary_key_item(item)?),
            _ => return Err(unexpected(&item, "a node type")),
        }
    }
    Ok(NodeTypeDef { label, properties, primary_key })
}

fn primary_key_item(pair: Pair<'_, Rule>) -> Result<crate::syntax::ast::Ident> {
    let mut cursor = Cursor::new(pair);
    cursor.take(Rule::PRIMARY)?;
    cursor.take(Rule::KEY)?;
    Ok(ident(cursor.take(Rule::schema_name)?))
}

pub fn create_rel_type(pair: Pair<'_, Rule>) -> Result<RelTypeDef> {
    let mut cursor = Cursor::new(pair);
    cursor.take(Rule::CREATE)?;
    cursor.take(Rule::RELATIONSHIP)?;
    cursor.take(Rule::TYPE)?;
    let name = ident(cursor.take(Rule::schema_name)?);
    let mut endpoints = Vec::new();
    let mut properties = Vec::new();
    while let Some(item) = cursor.next() {
        match item.as_rule() {
            Rule::endpoint_pair => {
                let mut sides = Cursor::new(item);
                let from = endpoint(sides.take(Rule::endpoint)?)?;
                let to = endpoint(sides.take(Rule::endpoint)?)?;
                endpoints.push((from, to));
            }
            Rule::property_def => properties.push(property_def(item)?),
            _ => return Err(unexpected(&item, "a relationship type")),
        }
    }
    Ok(RelTypeDef { name, endpoints, properties })
}

fn endpoint(pair: Pair<'_, Rule>) -> Result<EndpointAst> {
    let span = span_of(&pair);
    let mut cursor = Cursor::new(pair);
    if cursor.eat(Rule::ANY_KW) {
        return Ok(EndpointAst::Any(span));
    }
    Ok(EndpointAst::Labels(cursor.many(Rule::schema_name).into_iter().map(ident).collect()))
}

fn property_def(pair: Pair<'_, Rule>) -> Result<PropertyDefAst> {
    let span = span_of(&pair);
    let mut cursor = Cursor::new(pair);
    let key = ident(cursor.take(Rule::schema_name)?);
    let ty = type_ref(cursor.take(Rule::type_ref)?)?;
    let (mut is_key, mut not_null) = (false, false);
    for modifier in cursor.many(Rule::property_modifier) {
        let mut words = Cursor::new(modifier);
        if words.eat(Rule::NOT) {
            not_null = true;
        } else {
            is_key = true;
        }
    }
    Ok(PropertyDefAst { key, ty, is_key, not_null, span })
}

fn type_ref(pair: Pair<'_, Rule>) -> Result<TypeAst> {
    let span = span_of(&pair);
    let has_brackets = pair.as_str().trim_end().ends_with(']');
    let mut cursor = Cursor::new(pair);
    if cursor.eat(Rule::LIST) {
        let item = type_ref(cursor.take(Rule::type_ref)?)?;
        return Ok(TypeAst::List(Box::new(item), span));
    }
    let named = TypeAst::Named(ident(cursor.take(Rule::schema_name)?));
    // Kuzu writes a list of strings as STRING[].
    Ok(if has_brackets { TypeAst::List(Box::new(named), span) } else { named })
}
