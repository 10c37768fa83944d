//! Literals and names: numbers, strings with escapes, backticked names.

use pest::iterators::Pair;

use super::super::pairs::{span_of, unexpected, Cursor};
use super::super::parser::Rule;
use crate::error::{Error, ErrorCode, ErrorKind, Result};
use crate::span::Span;
use crate::syntax::ast::{Ident, Literal};

/// A name with backticks removed and doubled backticks undone.
pub fn unescape_name(text: &str) -> String {
    match text.strip_prefix('`').and_then(|t| t.strip_suffix('`')) {
        Some(inner) => inner.replace("``", "`"),
        None => text.to_string(),
    }
}

/// `variable` or `schema_name`.
pub fn ident(pair: Pair<'_, Rule>) -> Ident {
    Ident { name: unescape_name(pair.as_str()), span: span_of(&pair) }
}

/// `integer`, with `negative` for a literal under unary minus, so that
/// -9223372036854775808 fits.
pub fn integer(pair: Pair<'_, Rule>, negative: bool) -> Result<Literal> {
    let span = span_of(&pair);
    let mut cursor = Cursor::new(pair);
    let inner = cursor.take_any()?;
    let text = inner.as_str();
    let (digits, radix) = match inner.as_rule() {
        Rule::hex_integer => (&text[2..], 16),
        Rule::octal_integer => (&text[2..], 8),
        Rule::decimal_integer => (text, 10),
        _ => return Err(unexpected(&inner, "an integer")),
    };
    let signed = if negative { format!("-{digits}") } else { digits.to_string() };
    i64::from_str_radix(&signed, radix).map(Literal::Int).map_err(|_| {
        Error::at(ErrorCode::IntegerOverflow, span, format!("integer literal {text} is too large for a 64-bit integer"))
            .as_kind(ErrorKind::SyntaxError)
    })
}

pub fn float(pair: Pair<'_, Rule>) -> Result<Literal> {
    let span = span_of(&pair);
    let value: f64 = pair.as_str().parse().map_err(|_| {
        Error::at(ErrorCode::InvalidNumberLiteral, span, format!("invalid float literal {}", pair.as_str()))
    })?;
    if value.is_infinite() {
        return Err(Error::at(
            ErrorCode::FloatingPointOverflow,
            span,
            format!("float literal {} is too large for a 64-bit float", pair.as_str()),
        ));
    }
    Ok(Literal::Float(value))
}

/// `string`: the text between the quotes with escapes resolved.
pub fn string(pair: Pair<'_, Rule>) -> Result<String> {
    let mut cursor = Cursor::new(pair);
    let body = cursor.take_any()?;
    unescape(body.as_str(), span_of(&body).start)
}

fn unescape(raw: &str, base: usize) -> Result<String> {
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.char_indices();
    while let Some((_, c)) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let Some((at, escaped)) = chars.next() else {
            break;
        };
        let escape_span = Span::new(base + at - 1, base + at + escaped.len_utf8());
        match escaped {
            'n' => out.push('\n'),
            't' => out.push('\t'),
            'r' => out.push('\r'),
            'b' => out.push('\u{8}'),
            'f' => out.push('\u{c}'),
            '\\' | '\'' | '"' | '`' => out.push(escaped),
            'u' | 'U' => {
                let width = if escaped == 'u' { 4 } else { 8 };
                let hex: String = chars.by_ref().take(width).map(|(_, c)| c).collect();
                let code = (hex.len() == width).then(|| u32::from_str_radix(&hex, 16).ok()).flatten();
                match code.and_then(char::from_u32) {
                    Some(ch) => out.push(ch),
                    None => {
                        return Err(Error::at(
                            ErrorCode::InvalidUnicodeLiteral,
                            Span::new(escape_span.start, escape_span.end + hex.len()),
                            format!("invalid unicode escape \\{escaped}{hex}"),
                        ))
                    }
                }
            }
            other => {
                return Err(Error::at(
                    ErrorCode::UnexpectedSyntax,
                    escape_span,
                    format!("unknown escape sequence \\{other}"),
                ));
            }
        }
    }
    Ok(out)
}
