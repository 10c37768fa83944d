//! Errors as rustc shows them: kind and code, the line of text, a caret under the
//! column, and the hint, drawn by ariadne.

use ariadne::{CharSet, Color, Config, Label, Report, ReportKind, Source};
use steppe::span::LineCol;
use steppe::{Error, ErrorCode};

/// Whether to colour output to a stream: only on a terminal, and never when `NO_COLOR`
/// is set to anything but the empty string (no-color.org).
pub fn color_allowed(terminal: bool) -> bool {
    terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// `[Kind/Code] Error: message`, then the statement's line with a caret under the fault,
/// and the hint (ariadne, in ASCII so that it reads the same in any terminal or log).
pub fn render_error(err: &Error, source: &str, origin: &str, color: bool) -> String {
    let head = format!("{}/{}", err.kind(), err.code.as_str());
    // A statement stopped from outside is at fault as a whole: say where it starts,
    // without underlining all of it.
    let stopped = matches!(err.code, ErrorCode::QueryCancelled | ErrorCode::QueryTimedOut);
    let located = err.span.filter(|s| !source.is_empty() && s.start <= source.len());
    let mut out = Vec::new();
    match located {
        Some(span) if !stopped => {
            // The caret may stand just past the last character (an error at the end of
            // input); ariadne counts characters, the span counts bytes.
            let padded;
            let text = if span.start >= source.len() {
                padded = format!("{source} ");
                padded.as_str()
            } else {
                source
            };
            let start = (0..=span.start.min(text.len())).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
            let end = (span.end.max(start + 1)..=text.len()).find(|&i| text.is_char_boundary(i)).unwrap_or(text.len());
            let (start, end) = (text[..start].chars().count(), text[..end].chars().count());
            let config = Config::default().with_color(color).with_char_set(CharSet::Ascii).with_compact(false);
            let mut report = Report::build(ReportKind::Error, (origin, start..end))
                .with_config(config)
                .with_code(&head)
                .with_message(&err.message)
                .with_label(Label::new((origin, start..end)).with_message(label_for(err)).with_color(Color::Red));
            if let Some(hint) = &err.hint {
                report = report.with_help(hint);
            }
            // Writing into a Vec cannot fail; should ariadne fail, the plain lines below still say it all.
            if report.finish().write((origin, Source::from(text)), &mut out).is_ok() {
                return String::from_utf8_lossy(&out).into_owned();
            }
            plain(err, &head, Some(LineCol::of(source, span.start)), origin)
        }
        Some(span) => plain(err, &head, Some(LineCol::of(source, span.start)), origin),
        None => plain(err, &head, None, origin),
    }
}

/// The words under the caret, short: the message above says the rest.
fn label_for(err: &Error) -> &'static str {
    match err.code {
        ErrorCode::UnknownLabel | ErrorCode::UnknownRelationshipType | ErrorCode::UnknownPropertyKey => {
            "not in the schema"
        }
        ErrorCode::UndefinedVariable => "not defined here",
        _ => "here",
    }
}

/// Without a line to show: `[Kind/Code] Error: message`, where, and the hint.
fn plain(err: &Error, head: &str, at: Option<LineCol>, origin: &str) -> String {
    let mut out = format!("[{head}] Error: {}\n", err.message);
    match (at, &err.file) {
        (Some(LineCol { line, column }), _) => out.push_str(&format!("   --> {origin}:{line}:{column}\n")),
        (None, Some(file)) => out.push_str(&format!("   --> {file}\n")),
        (None, None) => {}
    }
    if let Some(hint) = &err.hint {
        out.push_str(&format!("   Help: {hint}\n"));
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
        let lines: Vec<&str> = shown.lines().map(str::trim_end).collect();
        assert_eq!(lines[0], "[SchemaError/UnknownPropertyKey] Error: unknown property key `nme`", "{shown}");
        assert!(lines[1].ends_with("input:2:10 ]"), "{shown}");
        let text = lines.iter().position(|l| l.ends_with("2 | RETURN c.nme")).expect("the statement's line");
        // The caret line puts `^` under each byte of `nme`, columns 10 to 12.
        let under = lines[text + 1];
        let caret_at = under.find('^').expect("a caret");
        assert_eq!(caret_at - lines[text].find("RETURN").unwrap_or(0), "RETURN c.".len(), "{shown}");
        assert!(shown.contains("Help: did you mean `name`?"), "{shown}");
        assert!(!shown.contains('\x1b'));
        assert!(render_error(&err, source, "input", true).contains('\x1b'));
    }

    #[test]
    fn any_span_renders_without_panicking() {
        let source = "MATCH (c:Страна)\nRETURN c.имя, '✓'";
        for start in 0..=source.len() + 2 {
            for end in start..=source.len() + 2 {
                let err = Error::at(ErrorCode::UnexpectedSyntax, Span::new(start, end), "bad");
                assert!(render_error(&err, source, "input", false).starts_with("[SyntaxError/UnexpectedSyntax]"));
            }
        }
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
