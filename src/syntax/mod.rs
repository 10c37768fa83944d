//! Parsing: text → [`ast::Statement`].
//!
//! Input: the text of one statement. Output: an owned AST with spans, or a
//! `SyntaxError` at the failing position. This is the only module that names `pest`;
//! pairs never leave it. It never panics and never reads the schema. Deep nesting is
//! refused before pest sees it, so hostile input cannot exhaust the stack.

pub mod ast;
mod build;
mod pairs;
mod parser;
mod script;
pub mod show_columns;
pub use script::is_incomplete;

use pest::Parser;

pub use script::{split_script, ScriptItem};

use crate::error::{Error, ErrorCode, Result};
use crate::span::Span;
use parser::{CypherParser, Rule};

/// How deeply brackets may nest in one statement.
pub const MAX_NESTING: usize = 256;

/// A bound on pest's rule calls per parse, against pathological backtracking; at least
/// this many, and more for long text (a million-element list literal needs ~50 calls
/// per byte), so that only backtracking, never mere size, reaches it.
const CALL_LIMIT: usize = 50_000_000;
const CALLS_PER_BYTE: usize = 200;

/// Parses one statement (an optional trailing `;` is allowed).
pub fn parse_statement(text: &str) -> Result<ast::Statement> {
    check_nesting(text)?;
    let limit = CALL_LIMIT.max(text.len().saturating_mul(CALLS_PER_BYTE));
    pest::set_call_limit(std::num::NonZeroUsize::new(limit));
    let mut pairs = CypherParser::parse(Rule::statement, text).map_err(|e| match &e.variant {
        pest::error::ErrorVariant::CustomError { message } if message == "call limit reached" => Error::new(
            ErrorCode::UnexpectedSyntax,
            "the statement is too complex to parse (the parser gave up after too many steps)",
        )
        .with_hint("split it into several statements, or pass large values as parameters"),
        _ => pairs::syntax_error(e, text),
    })?;
    let statement = pairs.next().ok_or_else(|| Error::internal("the parser returned no statement"))?;
    build::statement(statement, text)
}

fn check_nesting(text: &str) -> Result<()> {
    check_nesting_within(text, MAX_NESTING)
}

/// Refuses text whose brackets nest deeper than `max`, counting outside strings and
/// comments. A `max` above [`MAX_NESTING`] is not honoured by [`parse_statement`].
pub fn check_nesting_within(text: &str, max: usize) -> Result<()> {
    let mut depth = 0usize;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '(' | '[' | '{' => {
                depth += 1;
                if depth > max {
                    return Err(Error::at(
                        ErrorCode::NestingTooDeep,
                        Span::new(i, i + 1),
                        format!("brackets nest more than {max} deep"),
                    ));
                }
            }
            ')' | ']' | '}' => depth = depth.saturating_sub(1),
            '\'' | '"' | '`' => script::skip_quoted(&mut chars, c),
            '/' if chars.peek().map(|&(_, n)| n) == Some('/') => script::skip_line_comment(&mut chars),
            '/' if chars.peek().map(|&(_, n)| n) == Some('*') => script::skip_block_comment(&mut chars),
            _ => {}
        }
    }
    Ok(())
}

/// A name as Cypher writes it: bare when it is a plain identifier, else in backticks.
pub fn quote_name(name: &str) -> String {
    let plain = name.chars().next().is_some_and(|c| c.is_alphabetic() || c == '_')
        && name.chars().all(|c| c.is_alphanumeric() || c == '_');
    if plain {
        name.to_string()
    } else {
        format!("`{}`", name.replace('`', "``"))
    }
}

#[cfg(test)]
mod show_tests;
#[cfg(test)]
mod tests;
