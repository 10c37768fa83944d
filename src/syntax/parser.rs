//! The pest parser, generated from `grammar/lexical.pest` and `grammar/cypher.pest`.

#[derive(pest_derive::Parser)]
#[grammar = "grammar/lexical.pest"]
#[grammar = "grammar/cypher.pest"]
pub struct CypherParser;
