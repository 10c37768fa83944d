//! The schema DDL: `CREATE NODE TYPE` and `CREATE RELATIONSHIP TYPE`.

use pest::iterators::Pair;

use super::super::pairs::{span_of, unexpected, Cursor};
use super::super::parser::Rule;
use super::literal::ident;
use crate::error::Result;
use crate::syntax::ast::{
    ConstraintDef, ConstraintRule, DropConstraintDef, EndpointAst, Ident, NodeTypeDef, PropertyDefAst, RelTypeDef,
    TypeAst,
};

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

/// `CREATE CONSTRAINT [name] [IF NOT EXISTS] FOR (n:L) REQUIRE n.p IS …`, also with
/// `ON … ASSERT`.
pub fn create_constraint(pair: Pair<'_, Rule>) -> Result<ConstraintDef> {
    let span = span_of(&pair);
    let mut cursor = Cursor::new(pair);
    cursor.take(Rule::CREATE)?;
    cursor.take(Rule::CONSTRAINT)?;
    let name = match cursor.optional(Rule::constraint_name) {
        Some(n) => Some(ident(Cursor::new(n).take(Rule::schema_name)?)),
        None => None,
    };
    let if_not_exists = cursor.eat(Rule::if_not_exists);
    if !cursor.eat(Rule::FOR) {
        cursor.take(Rule::ON)?;
    }
    let entity = Cursor::new(cursor.take(Rule::constraint_entity)?).take_any()?;
    let on_rels = entity.as_rule() == Rule::constraint_rel;
    let mut inner = Cursor::new(entity);
    let variable = ident(inner.take(Rule::variable)?);
    let target = ident(inner.take(Rule::schema_name)?);
    if !cursor.eat(Rule::REQUIRE) {
        cursor.take(Rule::ASSERT)?;
    }
    let mut properties = Vec::new();
    for prop in cursor.take(Rule::constraint_properties)?.into_inner() {
        let mut parts = Cursor::new(prop);
        let owner = ident(parts.take(Rule::variable)?);
        let key = ident(parts.take(Rule::schema_name)?);
        properties.push((owner, key));
    }
    let rule = constraint_rule(cursor.take(Rule::constraint_rule)?)?;
    Ok(ConstraintDef { name, if_not_exists, target, on_rels, variable, properties, rule, span })
}

fn constraint_rule(pair: Pair<'_, Rule>) -> Result<ConstraintRule> {
    let mut cursor = Cursor::new(pair);
    cursor.take(Rule::IS)?;
    let rule = cursor.take_any()?;
    let span = span_of(&rule);
    let mut words = Cursor::new(rule.clone());
    Ok(match rule.as_rule() {
        Rule::rule_unique => {
            let entity = if words.eat(Rule::NODE) {
                Some(true)
            } else if words.eat(Rule::RELATIONSHIP) {
                Some(false)
            } else {
                None
            };
            ConstraintRule::Unique(entity, span)
        }
        Rule::rule_key => ConstraintRule::Key(words.eat(Rule::NODE), span),
        Rule::rule_not_null => ConstraintRule::NotNull(span),
        Rule::rule_typed => {
            words.eat(Rule::TYPED);
            ConstraintRule::Typed(words.many(Rule::constraint_type).into_iter().map(constraint_type).collect())
        }
        _ => return Err(unexpected(&rule, "a constraint")),
    })
}

/// A Neo4j type name (`INTEGER`, `LOCAL DATETIME`, `LIST<STRING NOT NULL>`), its words
/// joined by one space.
fn constraint_type(pair: Pair<'_, Rule>) -> TypeAst {
    let span = span_of(&pair);
    let mut inner = pair.into_inner().peekable();
    match inner.peek().map(|p| p.as_rule()) {
        Some(Rule::LIST | Rule::ARRAY) => {
            let item = inner.find(|p| p.as_rule() == Rule::constraint_type).map(constraint_type);
            let item = item.unwrap_or(TypeAst::Named(Ident { name: String::new(), span }));
            TypeAst::List(Box::new(item), span)
        }
        _ => {
            let words: Vec<String> = inner
                .filter(|p| p.as_rule() == Rule::type_words)
                .flat_map(|w| w.into_inner().map(|n| ident(n).name))
                .collect();
            TypeAst::Named(Ident { name: words.join(" ").to_uppercase(), span })
        }
    }
}

pub fn drop_constraint(pair: Pair<'_, Rule>) -> Result<DropConstraintDef> {
    let span = span_of(&pair);
    let mut cursor = Cursor::new(pair);
    cursor.take(Rule::DROP_KW)?;
    cursor.take(Rule::CONSTRAINT)?;
    let name = ident(cursor.take(Rule::schema_name)?);
    let if_exists = cursor.eat(Rule::if_exists);
    Ok(DropConstraintDef { name, if_exists, span })
}
