//! Splitting a script into statements and meta-command lines.
//!
//! A statement ends at a `;` that is outside strings, backticked names and comments. A
//! line whose first non-blank character is `:` (outside a statement) is a meta-command.
//! Offsets are kept so errors point into the script as written.

use std::iter::Peekable;
use std::str::CharIndices;

/// One piece of a script, with the byte offset where its text starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScriptItem {
    Statement { text: String, offset: usize },
    Meta { text: String, offset: usize },
}

/// Splits `script` into statements and `:meta` lines. A final statement without `;` is
/// kept (the REPL's caller decides whether that means "wait for more input").
pub fn split_script(script: &str) -> Vec<ScriptItem> {
    let mut items = Vec::new();
    let mut start: Option<usize> = None;
    let mut chars = script.char_indices().peekable();
    let mut line_start = true;
    while let Some((i, c)) = chars.next() {
        if start.is_none() {
            if c.is_whitespace() {
                line_start |= c == '\n';
                continue;
            }
            if c == ':' && line_start {
                let end = script[i..].find('\n').map_or(script.len(), |n| i + n);
                items.push(ScriptItem::Meta { text: script[i..end].trim_end().to_string(), offset: i });
                while chars.peek().is_some_and(|&(j, _)| j < end) {
                    chars.next();
                }
                continue;
            }
            if c == '/' && matches!(chars.peek(), Some(&(_, '/'))) {
                skip_line_comment(&mut chars);
                line_start = true;
                continue;
            }
            if c == '/' && matches!(chars.peek(), Some(&(_, '*'))) {
                skip_block_comment(&mut chars);
                continue;
            }
            start = Some(i);
        }
        line_start = false;
        match c {
            '\'' | '"' | '`' => skip_quoted(&mut chars, c),
            '/' if matches!(chars.peek(), Some(&(_, '/'))) => skip_line_comment(&mut chars),
            '/' if matches!(chars.peek(), Some(&(_, '*'))) => skip_block_comment(&mut chars),
            ';' => {
                if let Some(s) = start.take() {
                    items.push(ScriptItem::Statement { text: script[s..=i].to_string(), offset: s });
                }
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        let text = script[s..].trim_end();
        if !text.is_empty() {
            items.push(ScriptItem::Statement { text: text.to_string(), offset: s });
        }
    }
    items
}

/// Whether `text` holds a statement not yet ended by `;` (for multi-line entry).
pub fn is_incomplete(text: &str) -> bool {
    matches!(split_script(text).last(), Some(ScriptItem::Statement { text, .. }) if !text.ends_with(';'))
}

/// Skips to the closing `quote`, honouring backslash escapes (not in backticks).
pub(super) fn skip_quoted(chars: &mut Peekable<CharIndices<'_>>, quote: char) {
    while let Some((_, c)) = chars.next() {
        if c == '\\' && quote != '`' {
            chars.next();
        } else if c == quote {
            return;
        }
    }
}

/// Skips the rest of a `//` comment (the first `/` already taken).
pub(super) fn skip_line_comment(chars: &mut Peekable<CharIndices<'_>>) {
    for (_, c) in chars.by_ref() {
        if c == '\n' {
            return;
        }
    }
}

/// Skips a `/* */` comment (the first `/` already taken).
pub(super) fn skip_block_comment(chars: &mut Peekable<CharIndices<'_>>) {
    chars.next();
    let mut previous = ' ';
    for (_, c) in chars.by_ref() {
        if previous == '*' && c == '/' {
            return;
        }
        previous = c;
    }
}
