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
pub use build::IS_NORMALIZED;
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

/// Refuses text whose brackets and `CASE … END` expressions nest deeper than `max`,
/// counting outside strings and comments. A `max` above [`MAX_NESTING`] is not honoured
/// by [`parse_statement`].
pub fn check_nesting_within(text: &str, max: usize) -> Result<()> {
    match scan_nesting(text, Some(max)) {
        Nesting::TooDeep(span, what) => {
            Err(Error::at(ErrorCode::NestingTooDeep, span, format!("{what} nest more than {max} deep")))
        }
        Nesting::Depth(_) => Ok(()),
    }
}

/// How deeply brackets and `CASE … END` nest in `text`: every stage after the parser
/// walks the tree recursively, one level or more per nesting level.
pub fn nesting_depth(text: &str) -> usize {
    match scan_nesting(text, None) {
        Nesting::Depth(depth) => depth,
        Nesting::TooDeep(..) => usize::MAX,
    }
}

enum Nesting {
    Depth(usize),
    /// Where the limit was passed, and what nested.
    TooDeep(Span, &'static str),
}

/// The deepest nesting of brackets and CASE expressions, or where it first passes `max`.
/// `CASE` opens a level and `END` closes one, as words (not after `.` or `:`, where they
/// name a property or a label).
fn scan_nesting(text: &str, max: Option<usize>) -> Nesting {
    let mut depth = 0usize;
    let mut deepest = 0usize;
    let mut previous = ' ';
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let mut opened = None;
        match c {
            '(' | '[' | '{' => opened = Some((Span::new(i, i + 1), "brackets")),
            ')' | ']' | '}' => depth = depth.saturating_sub(1),
            '\'' | '"' | '`' => script::skip_quoted(&mut chars, c),
            '/' if chars.peek().map(|&(_, n)| n) == Some('/') => script::skip_line_comment(&mut chars),
            '/' if chars.peek().map(|&(_, n)| n) == Some('*') => script::skip_block_comment(&mut chars),
            c if c.is_alphabetic() || c == '_' => {
                let mut end = i + c.len_utf8();
                while let Some(&(j, n)) = chars.peek() {
                    if !(n.is_alphanumeric() || n == '_') {
                        break;
                    }
                    end = j + n.len_utf8();
                    chars.next();
                }
                let word = &text[i..end];
                if previous != '.' && previous != ':' {
                    if word.eq_ignore_ascii_case("CASE") {
                        opened = Some((Span::new(i, end), "CASE expressions and brackets"));
                    } else if word.eq_ignore_ascii_case("END") {
                        depth = depth.saturating_sub(1);
                    }
                }
            }
            _ => {}
        }
        if let Some((span, what)) = opened {
            depth += 1;
            deepest = deepest.max(depth);
            if max.is_some_and(|max| depth > max) {
                return Nesting::TooDeep(span, what);
            }
        }
        if !c.is_whitespace() {
            previous = c;
        }
    }
    Nesting::Depth(deepest)
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
