//! Type names of type predicates (`IS :: LIST<INTEGER NOT NULL> | FLOAT`).

use pest::iterators::Pair;

use super::super::pairs::{span_of, unexpected, Cursor};
use super::super::parser::Rule;
use crate::error::{Error, ErrorCode, Result};
use crate::value::types::{BaseType, CypherType, TypeMember};

pub fn cypher_type(pair: Pair<'_, Rule>) -> Result<CypherType> {
    let members = pair.into_inner().map(type_member).collect::<Result<Vec<_>>>()?;
    // `ANY<INTEGER | STRING>` is the union itself.
    Ok(CypherType { members: members.into_iter().flatten().collect() })
}

fn type_member(pair: Pair<'_, Rule>) -> Result<Vec<TypeMember>> {
    let mut cursor = Cursor::new(pair);
    let base = cursor.take_any()?;
    let not_null = cursor.eat(Rule::type_not_null);
    let with_null = |base| TypeMember { base, not_null };
    Ok(match base.as_rule() {
        Rule::type_list => {
            let inner = base.into_inner().find(|p| p.as_rule() == Rule::cypher_type);
            let inner = inner.ok_or_else(|| Error::internal("LIST without its element type"))?;
            vec![with_null(BaseType::List(Box::new(cypher_type(inner)?)))]
        }
        Rule::type_any_union => {
            let inner = base.into_inner().find(|p| p.as_rule() == Rule::cypher_type);
            let inner = inner.ok_or_else(|| Error::internal("ANY<…> without its types"))?;
            cypher_type(inner)?
                .members
                .into_iter()
                .map(|m| TypeMember { not_null: m.not_null || not_null, ..m })
                .collect()
        }
        Rule::type_name => {
            let name: Vec<String> = base.as_str().split_whitespace().map(str::to_ascii_uppercase).collect();
            let name = name.join(" ");
            let found = BaseType::named(&name).ok_or_else(|| {
                Error::at(ErrorCode::UnexpectedSyntax, span_of(&base), format!("unknown type `{name}`"))
            })?;
            vec![with_null(found)]
        }
        _ => return Err(unexpected(&base, "a type")),
    })
}
