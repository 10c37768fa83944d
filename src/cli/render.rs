//! Errors as rustc shows them: kind and code, the line of text, a caret under the
//! column, and the hint.

use steppe::span::LineCol;
use steppe::{Error, ErrorCode};

/// Whether to colour output to a stream: only on a terminal, and never when `NO_COLOR`
/// is set to anything but the empty string (no-color.org).
pub fn color_allowed(terminal: bool) -> bool {
    terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// `error[Kind/Code]: message`, then ` --> origin:line:column`, the line and a caret.
pub fn render_error(err: &Error, source: &str, origin: &str, color: bool) -> String {
    let (red, blue, bold, reset) =
        if color { ("\x1b[31;1m", "\x1b[34;1m", "\x1b[1m", "\x1b[0m") } else { ("", "", "", "") };
    let mut out = format!("{red}error[{}/{}]{reset}{bold}: {}{reset}\n", err.kind(), err.code.as_str(), err.message);
    // A statement stopped from outside is at fault as a whole: say where it starts,
    // without underlining all of it.
    let stopped = matches!(err.code, ErrorCode::QueryCancelled | ErrorCode::QueryTimedOut);
    if let Some(span) = err.span.filter(|_| stopped && !source.is_empty()) {
        let LineCol { line, column } = LineCol::of(source, span.start);
        out.push_str(&format!(" {blue}-->{reset} {origin}:{line}:{column}\n"));
    } else if let Some(span) = err.span.filter(|_| !source.is_empty()) {
        let LineCol { line, column } = LineCol::of(source, span.start);
        let text = source.lines().nth(line - 1).unwrap_or("");
        let gutter = " ".repeat(line.to_string().len());
        let width =
            source.get(span.start..span.end).map_or(1, |s| s.lines().next().unwrap_or("").chars().count().max(1));
        let width = width.min(text.chars().count().saturating_sub(column - 1).max(1));
        out.push_str(&format!("{gutter}{blue}-->{reset} {origin}:{line}:{column}\n"));
        out.push_str(&format!("{gutter} {blue}|{reset}\n"));
        out.push_str(&format!("{blue}{line} |{reset} {text}\n"));
        out.push_str(&format!("{gutter} {blue}|{reset} {}{red}{}{reset}\n", " ".repeat(column - 1), "^".repeat(width)));
    } else if let Some(file) = &err.file {
        out.push_str(&format!(" --> {file}\n"));
    }
    if let Some(hint) = &err.hint {
        out.push_str(&format!("  = hint: {hint}\n"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use steppe::span::Span;

    #[test]
    fn an_error_shows_its_line_a_caret_under_the_fault_and_the_hint() {
        let source = "MATCH (c:Country)\nRETURN c.nme";
        let err = Error::at(ErrorCode::UnknownPropertyKey, Span::new(27, 30), "unknown property key `nme`")
            .with_hint("did you mean `name`?");
        let shown = render_error(&err, source, "input", false);
        assert_eq!(
            shown,
            "error[SchemaError/UnknownPropertyKey]: unknown property key `nme`\n \
             --> input:2:10\n  |\n2 | RETURN c.nme\n  |          ^^^\n  = hint: did you mean `name`?\n"
        );
        assert!(!shown.contains('\x1b'));
        assert!(render_error(&err, source, "input", true).contains("\x1b[31;1m"));
    }

    #[test]
    fn a_stopped_statement_is_located_but_not_underlined() {
        let err = Error::at(ErrorCode::QueryCancelled, Span::new(0, 8), "the statement was cancelled");
        let shown = render_error(&err, "RETURN 1", "input", false);
        assert!(shown.contains("--> input:1:1"), "{shown}");
        assert!(!shown.contains('^'), "{shown}");
    }

    #[test]
    fn no_color_wins_over_a_terminal() {
        // One test reads and writes the variable, so parallel tests do not race on it.
        let saved = std::env::var_os("NO_COLOR");
        std::env::set_var("NO_COLOR", "1");
        assert!(!color_allowed(true));
        std::env::set_var("NO_COLOR", "");
        assert!(color_allowed(true));
        std::env::remove_var("NO_COLOR");
        assert!(color_allowed(true) && !color_allowed(false));
        if let Some(value) = saved {
            std::env::set_var("NO_COLOR", value);
        }
    }
}
