//! Walking pest pairs: a cursor that turns a grammar-shape surprise into an internal
//! error instead of a panic, and the conversion of pest's errors into ours.

use std::iter::Peekable;

use pest::iterators::{Pair, Pairs};

use super::parser::Rule;
use crate::error::{Error, ErrorCode, Result};
use crate::span::Span;

pub fn span_of(pair: &Pair<'_, Rule>) -> Span {
    let span = pair.as_span();
    Span::new(span.start(), span.end())
}

/// The inner pairs of one pair, consumed in grammar order.
pub struct Cursor<'i> {
    pairs: Peekable<Pairs<'i, Rule>>,
    parent: Rule,
    span: Span,
}

impl<'i> Cursor<'i> {
    pub fn new(pair: Pair<'i, Rule>) -> Cursor<'i> {
        let parent = pair.as_rule();
        let span = span_of(&pair);
        Cursor { pairs: pair.into_inner().peekable(), parent, span }
    }

    pub fn span(&self) -> Span {
        self.span
    }

    pub fn peek_rule(&mut self) -> Option<Rule> {
        self.pairs.peek().map(Pair::as_rule)
    }

    pub fn next(&mut self) -> Option<Pair<'i, Rule>> {
        self.pairs.next()
    }

    /// The next pair, which the grammar says must be a `rule`.
    pub fn take(&mut self, rule: Rule) -> Result<Pair<'i, Rule>> {
        match self.pairs.next() {
            Some(pair) if pair.as_rule() == rule => Ok(pair),
            other => Err(self.surprise(rule, other.map(|p| p.as_rule()))),
        }
    }

    /// The next pair, whatever its rule; an internal error if there is none.
    pub fn take_any(&mut self) -> Result<Pair<'i, Rule>> {
        let (parent, span) = (self.parent, self.span);
        self.pairs.next().ok_or_else(|| {
            Error::internal(format!("the parser found {parent:?} with fewer parts than its rule has")).with_span(span)
        })
    }

    /// The next pair if it is a `rule`.
    pub fn optional(&mut self, rule: Rule) -> Option<Pair<'i, Rule>> {
        if self.peek_rule() == Some(rule) {
            self.pairs.next()
        } else {
            None
        }
    }

    /// Consumes a `rule` pair (a keyword) if it comes next; says whether it did.
    pub fn eat(&mut self, rule: Rule) -> bool {
        self.optional(rule).is_some()
    }

    /// Every remaining pair of `rule`.
    pub fn many(&mut self, rule: Rule) -> Vec<Pair<'i, Rule>> {
        let mut out = Vec::new();
        while let Some(pair) = self.optional(rule) {
            out.push(pair);
        }
        out
    }

    fn surprise(&self, wanted: Rule, found: Option<Rule>) -> Error {
        Error::internal(format!("the parser expected {wanted:?} in {:?} but found {found:?}", self.parent))
            .with_span(self.span)
    }
}

/// The unexpected-shape error for a pair a builder cannot handle.
pub fn unexpected(pair: &Pair<'_, Rule>, context: &str) -> Error {
    Error::internal(format!("unexpected {:?} in {context}", pair.as_rule())).with_span(span_of(pair))
}

/// Turns a pest error into a `SyntaxError` at the failing position, naming what the
/// grammar would have accepted there in words a user knows.
pub fn syntax_error(err: pest::error::Error<Rule>, text: &str) -> Error {
    use pest::error::{ErrorVariant, InputLocation};
    let offset = match err.location {
        InputLocation::Pos(p) => p,
        InputLocation::Span((s, _)) => s,
    };
    let found = describe_found(text, offset);
    // Where only a name fits (a map key), `1abc` is a misplaced token, not a bad number.
    let wants_name_only = match &err.variant {
        ErrorVariant::ParsingError { positives, .. } => {
            !positives.is_empty()
                && positives.iter().all(|r| matches!(r, Rule::schema_name | Rule::unescaped_name | Rule::escaped_name))
        }
        ErrorVariant::CustomError { .. } => false,
    };
    let message = match &err.variant {
        ErrorVariant::ParsingError { positives, .. } => {
            let mut expected: Vec<&str> = positives.iter().map(|r| rule_description(*r)).collect();
            expected.sort_unstable();
            expected.dedup();
            match expected.as_slice() {
                [] => format!("unexpected {found}"),
                [one] => format!("expected {one}, found {found}"),
                many => format!("expected one of {}, found {found}", many.join(", ")),
            }
        }
        ErrorVariant::CustomError { message } => message.clone(),
    };
    let rest = text.get(offset..).unwrap_or("");
    let code = if offset >= text.trim_end().len() {
        ErrorCode::UnexpectedEndOfInput
    } else if !wants_name_only && is_malformed_number(rest) {
        // Every valid number has been tried here: `0x`, `0xZZ`, `12ab`.
        return Error::at(
            ErrorCode::InvalidNumberLiteral,
            Span::new(offset, offset + 1),
            format!("{found} is not a number (integers: 42, 0x2A, 0o52; floats: 4.2, 4e2)"),
        );
    } else if in_relationship_length(text, offset, &err.variant) {
        return Error::at(
            ErrorCode::InvalidRelationshipPattern,
            Span::new(offset, offset + 1),
            format!("{message}: a variable length is written `*`, `*2`, `*1..3`, `*..3` or `*2..`"),
        );
    } else if rest.starts_with(is_look_alike_dash) {
        return Error::at(
            ErrorCode::InvalidUnicodeCharacter,
            Span::new(offset, offset + 1),
            format!("{found} looks like a minus sign but is not one; type `-`"),
        );
    } else {
        ErrorCode::UnexpectedSyntax
    };
    Error::at(code, Span::new(offset, offset + 1), message)
}

/// Inside `[…]` of a relationship, where a length was expected or has begun (`*-2`, `:T..`).
fn in_relationship_length(text: &str, offset: usize, variant: &pest::error::ErrorVariant<Rule>) -> bool {
    let before = text.get(..offset).unwrap_or("");
    let Some(open) = before.rfind('[') else { return false };
    let in_relationship = before[..open].ends_with('-') && !before[open..].contains(']');
    let expects_length = match variant {
        pest::error::ErrorVariant::ParsingError { positives, .. } => positives.contains(&Rule::range),
        pest::error::ErrorVariant::CustomError { .. } => false,
    };
    let rest = text.get(offset..).unwrap_or("");
    in_relationship && (expects_length && rest.starts_with('.') || before.trim_end().ends_with('*'))
}

/// A word that starts like a number but is none: `0x`, `0xZZ`, `12ab`.
fn is_malformed_number(rest: &str) -> bool {
    let word: &str = &rest[..rest.find(|c: char| !c.is_ascii_alphanumeric() && c != '_').unwrap_or(rest.len())];
    let all = |s: &str, f: fn(&char) -> bool| !s.is_empty() && s.chars().all(|c| f(&c));
    let valid = all(word, char::is_ascii_digit)
        || word.strip_prefix("0x").is_some_and(|h| all(h, char::is_ascii_hexdigit))
        || word.strip_prefix("0o").is_some_and(|o| all(o, |c| ('0'..='7').contains(c)))
        || word
            .split_once(['e', 'E'])
            .is_some_and(|(m, e)| all(m, char::is_ascii_digit) && all(e, char::is_ascii_digit));
    word.starts_with(|c: char| c.is_ascii_digit()) && !valid
}

/// Dashes that word processors put where a user meant `-`.
fn is_look_alike_dash(c: char) -> bool {
    matches!(c, '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}')
}

fn describe_found(text: &str, offset: usize) -> String {
    let rest = text.get(offset..).unwrap_or("");
    if rest.trim().is_empty() {
        return "end of input".to_string();
    }
    let token: String = if rest.starts_with(|c: char| c.is_alphanumeric() || c == '_') {
        rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').take(20).collect()
    } else {
        rest.chars().take(1).collect()
    };
    format!("`{token}`")
}

/// What a rule means to a user, for "expected …" messages.
fn rule_description(rule: Rule) -> &'static str {
    use Rule::*;
    match rule {
        EOI => "end of input",
        expr => "an expression",
        variable => "a variable name",
        schema_name | unescaped_name | escaped_name => "a name",
        node_pattern => "a node pattern `(…)`",
        rel_pattern | pattern_chain => "a relationship pattern `-[…]->`",
        pattern | pattern_part | pattern_element => "a pattern",
        integer | decimal_integer | hex_integer | octal_integer => "an integer",
        float => "a float",
        string => "a string",
        parameter => "a parameter",
        map_literal | properties => "a map `{…}`",
        list_literal => "a list `[…]`",
        type_ref => "a property type",
        property_def => "a property definition",
        endpoint_pair | endpoint => "an endpoint `Label -> Label`",
        property_modifier => "KEY or NOT NULL",
        statement | query | single_query => "a statement",
        match_clause => "MATCH",
        unwind_clause => "UNWIND",
        with_clause => "WITH",
        return_clause => "RETURN",
        create_clause => "CREATE",
        merge_clause => "MERGE",
        set_clause => "SET",
        delete_clause => "DELETE",
        remove_clause => "REMOVE",
        call_clause => "CALL",
        subquery_call => "CALL { … }",
        foreach_clause => "FOREACH",
        load_csv_clause => "LOAD CSV",
        page_clause => "ORDER BY, SKIP or LIMIT",
        filter_clause => "FILTER",
        let_clause => "LET",
        finish_clause => "FINISH",
        where_clause => "WHERE",
        union_part => "UNION",
        order_by => "ORDER BY",
        skip => "SKIP",
        limit => "LIMIT",
        projection_item | projection_items => "a projection item",
        set_item => "a SET item",
        remove_item => "a REMOVE item",
        sort_item => "a sort item",
        merge_action => "ON MATCH or ON CREATE",
        node_labels | label_test => "a label `:Label`",
        rel_types => "a relationship type `:TYPE`",
        range => "a length `*min..max`",
        property_lookup => "a property `.key`",
        index_or_slice => "an index `[…]`",
        is_null | is_not_null => "IS NULL",
        AS => "AS",
        WHERE => "WHERE",
        or_op | xor_op | and_op | eq | ne | le | ge | lt | gt | regex_match | starts_with | ends_with | contains
        | in_op | add | sub | mul | div | modulo | pow => "an operator",
        not_op | neg | pos => "a prefix operator",
        _ => keyword_description(rule),
    }
}

fn keyword_description(rule: Rule) -> &'static str {
    use Rule::*;
    match rule {
        MATCH => "MATCH",
        OPTIONAL => "OPTIONAL",
        RETURN => "RETURN",
        WITH => "WITH",
        CREATE => "CREATE",
        NODE => "NODE",
        RELATIONSHIP => "RELATIONSHIP",
        TYPE => "TYPE",
        KEY => "KEY",
        THEN => "THEN",
        WHEN => "WHEN",
        END => "END",
        ELSE => "ELSE",
        IN => "IN",
        BY => "BY",
        _ => "more input",
    }
}
