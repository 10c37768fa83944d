//! The shell's line-processing core, free of any terminal: what to complete at the
//! cursor, how to colour a line, what to hint after a meta-command prefix. `repl.rs`
//! plugs these into rustyline; the tests call them directly.

use super::meta::META_COMMANDS;

/// Keywords offered for completion, in the case they are inserted.
const KEYWORDS: &[&str] = &[
    "MATCH",
    "OPTIONAL MATCH",
    "WHERE",
    "RETURN",
    "FINISH",
    "WITH",
    "UNWIND",
    "CREATE",
    "MERGE",
    "DELETE",
    "DETACH DELETE",
    "SET",
    "REMOVE",
    "ORDER BY",
    "SKIP",
    "LIMIT",
    "UNION",
    "UNION ALL",
    "CALL",
    "YIELD",
    "AS",
    "DISTINCT",
    "AND",
    "OR",
    "XOR",
    "NOT",
    "IN",
    "IS NULL",
    "IS NOT NULL",
    "STARTS WITH",
    "ENDS WITH",
    "CONTAINS",
    "CASE",
    "WHEN",
    "THEN",
    "ELSE",
    "END",
    "EXPLAIN",
    "PROFILE",
    "ASC",
    "DESC",
    "ON CREATE SET",
    "ON MATCH SET",
    "true",
    "false",
    "null",
    "CREATE NODE TYPE",
    "ASCENDING",
    "DESCENDING",
    "CREATE RELATIONSHIP TYPE",
    "KEY",
    "NOT NULL",
];

/// What the shell has read so far of the next statement: lines are added one at a
/// time, and a statement is complete at its `;` (not one inside a string or a comment).
/// A line that starts with `:` when nothing is pending is a meta-command of its own.
#[derive(Debug, Clone, Default)]
pub struct Entry {
    text: String,
}

/// What a line completed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entered {
    /// Only white space so far: nothing to run.
    Nothing,
    /// A statement has begun and waits for its `;`.
    Waiting,
    /// A meta-command line, without its line end.
    Meta(String),
    /// One or more complete statements, as typed (lines joined by `\n`).
    Statements(String),
}

impl Entry {
    /// Whether a statement has begun (the shell shows the continuation prompt).
    pub fn is_pending(&self) -> bool {
        !self.text.is_empty()
    }

    /// Forgets the statement begun so far (Ctrl-C at the prompt).
    pub fn clear(&mut self) {
        self.text.clear();
    }

    pub fn push_line(&mut self, line: &str) -> Entered {
        if self.text.is_empty() && line.trim_start().starts_with(':') {
            return Entered::Meta(line.trim().to_string());
        }
        self.text.push_str(line);
        self.text.push('\n');
        if self.text.trim().is_empty() {
            self.text.clear();
            Entered::Nothing
        } else if steppe::syntax::is_incomplete(&self.text) {
            Entered::Waiting
        } else {
            Entered::Statements(std::mem::take(&mut self.text))
        }
    }

    /// What is left at the end of the input: a last statement without its `;`.
    pub fn finish(&mut self) -> Option<String> {
        let text = std::mem::take(&mut self.text);
        (!text.trim().is_empty()).then_some(text)
    }
}

/// The names completion can offer, taken from the graph and the session.
#[derive(Debug, Clone, Default)]
pub struct Vocabulary {
    pub labels: Vec<String>,
    pub rel_types: Vec<String>,
    pub prop_keys: Vec<String>,
    pub functions: Vec<String>,
    pub params: Vec<String>,
    /// A typed graph's declared keys per label and per relationship type: after `c.`,
    /// only the keys of `c`'s labels or types are offered.
    pub label_keys: Vec<(String, Vec<String>)>,
    pub type_keys: Vec<(String, Vec<String>)>,
}

/// What to complete: replace `line[start..cursor]` with one of `candidates`, or (for a
/// file name after `:run` or `:save`) let the file-name completer do it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Completion {
    pub start: usize,
    pub candidates: Vec<String>,
    pub file_name: bool,
}

/// The candidates for the word that ends at `cursor`.
pub fn complete(line: &str, cursor: usize, vocab: &Vocabulary) -> Completion {
    let cursor = floor_char_boundary(line, cursor);
    let before = &line[..cursor];
    let start = before
        .rfind(|c: char| !(c.is_alphanumeric() || c == '_'))
        .map_or(0, |i| i + before[i..].chars().next().map_or(1, char::len_utf8));
    let word = &before[start..];
    let prefix_char = before[..start].chars().next_back();
    let trimmed = line.trim_start();
    if trimmed.starts_with(':') {
        return complete_meta(line, cursor, start, word, vocab);
    }
    let names: Vec<String> = match prefix_char {
        Some(':') if inside(before, '[') => vocab.rel_types.clone(),
        Some(':') | Some('|') if inside(before, '[') => vocab.rel_types.clone(),
        Some(':') => vocab.labels.clone(),
        Some('.') => declared_keys(&before[..start - 1], vocab).unwrap_or_else(|| vocab.prop_keys.clone()),
        Some('$') => vocab.params.clone(),
        _ => {
            let mut all: Vec<String> = KEYWORDS.iter().map(|k| k.to_string()).collect();
            all.extend(vocab.functions.iter().map(|f| format!("{f}(")));
            all.extend(variables(before));
            all
        }
    };
    Completion { start, candidates: matching(word, names), file_name: false }
}

/// The keys declared for the variable just before a `.` at the end of `text`, when the
/// text gives it labels (`(c:Country)`) or types (`[r:A|B]`) the schema declares.
fn declared_keys(text: &str, vocab: &Vocabulary) -> Option<Vec<String>> {
    let start = text.rfind(|c: char| !(c.is_alphanumeric() || c == '_')).map_or(0, |i| i + 1);
    let var = &text[start..];
    if var.is_empty() {
        return None;
    }
    let mut keys: Vec<String> = Vec::new();
    let mut found = false;
    for (open, table) in [('(', &vocab.label_keys), ('[', &vocab.type_keys)] {
        for names in names_given(text, open, var) {
            for name in names {
                if let Some((_, declared)) = table.iter().find(|(n, _)| *n == name) {
                    found = true;
                    keys.extend(declared.iter().cloned());
                }
            }
        }
    }
    found.then_some(keys)
}

/// The names after each `(var:` (or `[var:`, or GQL's `(var IS`) in `text`: `(c:A:B` gives A
/// and B, `[r:X|Y` X and Y, `(c IS A&B` A and B.
fn names_given(text: &str, open: char, var: &str) -> Vec<Vec<String>> {
    let needle = format!("{open}{var}");
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(at) = text[from..].find(&needle) {
        let rest = &text[from + at + needle.len()..];
        from += at + needle.len();
        let rest = rest.trim_start();
        let is_word = rest.get(..3).is_some_and(|w| w.eq_ignore_ascii_case("is ") || w.eq_ignore_ascii_case("is\t"));
        let rest = match (rest.starts_with(':'), is_word) {
            (true, _) => rest,
            (false, true) => rest[3..].trim_start(),
            (false, false) => continue,
        };
        let name_char = |c: char| c.is_alphanumeric() || c == '_' || c == ':' || c == '|' || c == '&';
        let end = rest.find(|c: char| !name_char(c)).unwrap_or(rest.len());
        let names = rest[..end].split([':', '|', '&']).filter(|n| !n.is_empty()).map(str::to_string).collect();
        out.push(names);
    }
    out
}

fn complete_meta(line: &str, cursor: usize, start: usize, word: &str, vocab: &Vocabulary) -> Completion {
    let offset = line.len() - line.trim_start().len();
    let words = word_starts(&line[..cursor]);
    let Some(&command_start) = words.first().filter(|_| words.len() > 1 || line[..cursor].ends_with(' ')) else {
        // Still typing the command itself.
        let typed = &line[offset..cursor];
        let candidates = META_COMMANDS.iter().map(|(n, _)| n.to_string()).filter(|n| n.starts_with(typed)).collect();
        return Completion { start: offset, candidates, file_name: false };
    };
    let command_end = line[command_start..].find(char::is_whitespace).map_or(line.len(), |e| command_start + e);
    let command = &line[command_start..command_end];
    // Which argument the cursor is in: 1 for the first after the command.
    let argument = if line[..cursor].ends_with(char::is_whitespace) { words.len() } else { words.len() - 1 };
    let words_of = |list: &[&str]| matching(word, list.iter().map(|w| w.to_string()).collect());
    let none = |file_name| Completion { start, candidates: Vec::new(), file_name };
    match (command, argument) {
        (":run" | ":save" | ":open", _) => none(true),
        (":format", _) => {
            Completion { start, candidates: words_of(&["table", "plain", "json", "csv", "tsv"]), file_name: false }
        }
        (":timing", _) => Completion { start, candidates: words_of(&["on", "off"]), file_name: false },
        (":rows", _) => Completion { start, candidates: words_of(&["all", "auto"]), file_name: false },
        (":help", _) => Completion {
            start,
            candidates: words_of(&["clauses", "functions", "meta", "schema", "examples"]),
            file_name: false,
        },
        (":export", 1) => Completion { start, candidates: words_of(&export_formats()), file_name: false },
        (":export", 2) => none(true),
        // The rest of `:export FORMAT FILE QUERY` and of `:show QUERY` is a query.
        (":export", _) => complete_query_from(line, cursor, words.get(3).copied(), vocab),
        (":show", _) => complete_query_from(line, cursor, words.get(1).copied(), vocab),
        _ => none(false),
    }
}

/// Completes the query that starts at `query_start` of `line` (at the cursor if `None`).
fn complete_query_from(line: &str, cursor: usize, query_start: Option<usize>, vocab: &Vocabulary) -> Completion {
    let query_start = query_start.unwrap_or(cursor).min(cursor);
    let mut completion = complete(&line[query_start..], cursor - query_start, vocab);
    completion.start += query_start;
    completion
}

/// Where each white-space separated word of `text` starts.
fn word_starts(text: &str) -> Vec<usize> {
    let mut starts = Vec::new();
    let mut previous_blank = true;
    for (i, c) in text.char_indices() {
        if !c.is_whitespace() && previous_blank {
            starts.push(i);
        }
        previous_blank = c.is_whitespace();
    }
    starts
}

/// The export formats `:export` takes (those the library can write).
fn export_formats() -> Vec<&'static str> {
    super::show::export_formats()
}

/// The names that start with `word` (ignoring case), sorted, without duplicates.
fn matching(word: &str, names: Vec<String>) -> Vec<String> {
    let lower = word.to_lowercase();
    let mut out: Vec<String> = names.into_iter().filter(|n| n.to_lowercase().starts_with(&lower)).collect();
    out.sort();
    out.dedup();
    out
}

/// Whether the innermost unclosed bracket before the cursor is `open`.
fn inside(before: &str, open: char) -> bool {
    let mut stack = Vec::new();
    for c in before.chars() {
        match c {
            '(' | '[' | '{' => stack.push(c),
            ')' | ']' | '}' => {
                stack.pop();
            }
            _ => {}
        }
    }
    stack.last() == Some(&open)
}

/// Variables the text so far introduces: names right after `(` or `[`, and after `AS`.
fn variables(before: &str) -> Vec<String> {
    let mut out = Vec::new();
    let chars: Vec<char> = before.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let after_bracket = i > 0 && matches!(chars[i - 1], '(' | '[');
        if chars[i].is_alphabetic() || chars[i] == '_' {
            let start = i;
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            let word: String = chars[start..i].iter().collect();
            let preceded_by_as = out_last_word_is_as(&chars[..start]);
            if (after_bracket || preceded_by_as) && i < chars.len() {
                out.push(word);
            }
        } else {
            i += 1;
        }
    }
    out
}

fn out_last_word_is_as(before: &[char]) -> bool {
    let text: String = before.iter().collect();
    text.trim_end().to_uppercase().ends_with(" AS")
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The rest of a meta-command the user has begun, as a grey hint.
pub fn meta_hint(line: &str, cursor: usize) -> Option<String> {
    if cursor != line.len() || !line.starts_with(':') || line.contains(char::is_whitespace) || line.len() < 2 {
        return None;
    }
    META_COMMANDS
        .iter()
        .map(|(n, _)| *n)
        .find(|n| n.starts_with(line) && *n != line)
        .map(|n| n[line.len()..].to_string())
}

const BOLD_BLUE: &str = "\x1b[1;34m";
const GREEN: &str = "\x1b[32m";
const YELLOW: &str = "\x1b[33m";
const GREY: &str = "\x1b[90m";
const INVERSE: &str = "\x1b[7m";
const RESET: &str = "\x1b[0m";

/// `line` with keywords, strings, numbers and comments coloured, and the bracket that
/// matches the one at the cursor shown inverted. Only escape codes are added, so the
/// line keeps its width.
pub fn highlight(line: &str, cursor: usize) -> String {
    let matching = matching_bracket(line, cursor);
    let mut out = String::with_capacity(line.len() * 2);
    let mut chars = line.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if Some(i) == matching {
            out.push_str(&format!("{INVERSE}{c}{RESET}"));
            continue;
        }
        match c {
            '\'' | '"' => {
                let mut end = line.len();
                let mut escaped = false;
                for (j, d) in line[i + 1..].char_indices() {
                    if escaped {
                        escaped = false;
                    } else if d == '\\' {
                        escaped = true;
                    } else if d == c {
                        end = i + 1 + j + 1;
                        break;
                    }
                }
                out.push_str(&format!("{GREEN}{}{RESET}", &line[i..end]));
                while chars.peek().is_some_and(|(j, _)| *j < end) {
                    chars.next();
                }
            }
            '/' if line[i..].starts_with("//") => {
                out.push_str(&format!("{GREY}{}{RESET}", &line[i..]));
                break;
            }
            c if c.is_ascii_digit() => {
                let end =
                    line[i..].find(|d: char| !(d.is_ascii_alphanumeric() || d == '.')).map_or(line.len(), |e| i + e);
                out.push_str(&format!("{YELLOW}{}{RESET}", &line[i..end]));
                while chars.peek().is_some_and(|(j, _)| *j < end) {
                    chars.next();
                }
            }
            c if c.is_alphabetic() || c == '_' => {
                let end = line[i..].find(|d: char| !(d.is_alphanumeric() || d == '_')).map_or(line.len(), |e| i + e);
                let word = &line[i..end];
                let after_dot_or_colon = line[..i].ends_with(['.', ':', '$']);
                if !after_dot_or_colon && is_keyword(word) {
                    out.push_str(&format!("{BOLD_BLUE}{word}{RESET}"));
                } else {
                    out.push_str(word);
                }
                while chars.peek().is_some_and(|(j, _)| *j < end) {
                    chars.next();
                }
            }
            c => out.push(c),
        }
    }
    out
}

/// Whether `word` is one of the words of the completion keywords (`ORDER BY` gives
/// `ORDER` and `BY`).
fn is_keyword(word: &str) -> bool {
    KEYWORDS.iter().flat_map(|k| k.split(' ')).any(|w| w.eq_ignore_ascii_case(word))
}

/// The position of the bracket matching the one just before or at the cursor.
pub fn matching_bracket(line: &str, cursor: usize) -> Option<usize> {
    let at = |i: usize| line.get(i..).and_then(|s| s.chars().next());
    let candidates = [cursor.checked_sub(1), Some(cursor)];
    for pos in candidates.into_iter().flatten() {
        let Some(c) = at(pos) else { continue };
        let (open, close, forward) = match c {
            '(' => ('(', ')', true),
            '[' => ('[', ']', true),
            '{' => ('{', '}', true),
            ')' => ('(', ')', false),
            ']' => ('[', ']', false),
            '}' => ('{', '}', false),
            _ => continue,
        };
        let mut depth = 0i32;
        let found = if forward {
            line[pos..].char_indices().find_map(|(j, d)| {
                depth += i32::from(d == open) - i32::from(d == close);
                (depth == 0).then_some(pos + j)
            })
        } else {
            line[..=pos].char_indices().rev().find_map(|(j, d)| {
                depth += i32::from(d == close) - i32::from(d == open);
                (depth == 0).then_some(j)
            })
        };
        return found;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vocab() -> Vocabulary {
        Vocabulary {
            labels: vec!["Country".into(), "Person".into(), "Place".into()],
            rel_types: vec!["MEMBER_OF".into(), "MENTIONS".into()],
            prop_keys: vec!["name".into(), "aliases".into()],
            functions: vec!["count".into(), "collect".into()],
            params: vec!["who".into()],
            label_keys: vec![
                ("Country".into(), vec!["name".into(), "area".into()]),
                ("Person".into(), vec!["name".into(), "age".into()]),
            ],
            type_keys: vec![("MEMBER_OF".into(), vec!["since".into()]), ("MENTIONS".into(), vec!["quote".into()])],
        }
    }

    #[test]
    fn completes_only_the_keys_a_variables_labels_or_types_declare() {
        let v = vocab();
        let keys = |line: &str| complete(line, line.len(), &v).candidates;
        assert_eq!(keys("MATCH (c:Country) RETURN c."), vec!["area", "name"]);
        assert_eq!(keys("MATCH (c:Country:Person) RETURN c."), vec!["age", "area", "name"]);
        assert_eq!(keys("MATCH (p:Person)-[r:MEMBER_OF|MENTIONS]->(c) RETURN r."), vec!["quote", "since"]);
        assert_eq!(keys("MATCH (p:Person)-[r:MEMBER_OF]->(c) RETURN p.a"), vec!["age"]);
        // GQL's `IS` and `&` name labels too.
        assert_eq!(keys("MATCH (c IS Country) RETURN c."), vec!["area", "name"]);
        assert_eq!(keys("MATCH (c IS Country&Person) RETURN c."), vec!["age", "area", "name"]);
        assert_eq!(keys("MATCH (p)-[r IS MEMBER_OF]->(c) RETURN r."), vec!["since"]);
        // No label, or one the schema does not declare: every key.
        assert_eq!(keys("MATCH (c) RETURN c."), vec!["aliases", "name"]);
        assert_eq!(keys("MATCH (c:Place) RETURN c."), vec!["aliases", "name"]);
        // Another variable's labels do not count.
        assert_eq!(keys("MATCH (cc:Country), (c) RETURN c."), vec!["aliases", "name"]);
    }

    #[test]
    fn completes_labels_types_keys_and_params_by_context() {
        let v = vocab();
        assert_eq!(complete("MATCH (c:Co", 11, &v).candidates, vec!["Country"]);
        assert_eq!(complete("MATCH (c:P", 10, &v).candidates, vec!["Person", "Place"]);
        assert_eq!(complete("MATCH (c)-[:ME", 14, &v).candidates, vec!["MEMBER_OF", "MENTIONS"]);
        assert_eq!(complete("MATCH (c) RETURN c.na", 21, &v).candidates, vec!["name"]);
        assert_eq!(complete("MATCH (c {name: $w", 18, &v).candidates, vec!["who"]);
        let c = complete("MATCH (c:Co", 11, &v);
        assert_eq!(c.start, 9);
    }

    #[test]
    fn completes_keywords_functions_and_variables() {
        let v = vocab();
        assert_eq!(complete("mat", 3, &v).candidates, vec!["MATCH"]);
        assert_eq!(
            complete("MATCH (country:Country) RETURN co", 33, &v).candidates,
            vec!["CONTAINS", "collect(", "count(", "country"]
        );
    }

    #[test]
    fn completes_meta_commands_and_their_arguments() {
        let v = vocab();
        assert_eq!(complete(":sc", 3, &v).candidates, vec![":schema"]);
        assert_eq!(complete(":format j", 9, &v).candidates, vec!["json"]);
        assert!(complete(":run exa", 8, &v).file_name);
        assert_eq!(meta_hint(":sch", 4).as_deref(), Some("ema"));
        assert_eq!(meta_hint(":schema", 7), None);
        assert_eq!(meta_hint("MATCH", 5), None);
    }

    #[test]
    fn highlighting_only_adds_colour() {
        let line = "MATCH (n:Country {name: 'Ru'}) RETURN n.name, 42 // done";
        let shown = highlight(line, 0);
        let plain: String = strip_ansi(&shown);
        assert_eq!(plain, line);
        assert!(shown.contains(&format!("{BOLD_BLUE}MATCH{RESET}")));
        assert!(shown.contains(&format!("{GREEN}'Ru'{RESET}")));
        assert!(shown.contains(&format!("{YELLOW}42{RESET}")));
        // A property key that is also a keyword is not coloured.
        assert!(!highlight("RETURN n.end", 0).contains(&format!("{BOLD_BLUE}end")));
    }

    #[test]
    fn finds_the_matching_bracket() {
        let line = "RETURN [(1), {a: 2}]";
        assert_eq!(matching_bracket(line, 8), Some(19));
        assert_eq!(matching_bracket(line, 20), Some(7));
        assert_eq!(matching_bracket(line, 3), None);
    }

    #[test]
    fn a_statement_continues_over_lines_until_its_semicolon() {
        let mut entry = Entry::default();
        assert!(!entry.is_pending());
        assert_eq!(entry.push_line("MATCH (c:Country)"), Entered::Waiting);
        assert!(entry.is_pending());
        // A `;` inside a string or a comment does not end it.
        assert_eq!(entry.push_line("WHERE c.name <> 'a;b' // one; two"), Entered::Waiting);
        assert_eq!(
            entry.push_line("RETURN c;"),
            Entered::Statements("MATCH (c:Country)\nWHERE c.name <> 'a;b' // one; two\nRETURN c;\n".into())
        );
        assert!(!entry.is_pending());
        assert_eq!(entry.push_line("RETURN 1; RETURN 2;"), Entered::Statements("RETURN 1; RETURN 2;\n".into()));
    }

    #[test]
    fn meta_commands_blank_lines_and_ctrl_c() {
        let mut entry = Entry::default();
        assert_eq!(entry.push_line("   "), Entered::Nothing);
        assert_eq!(entry.push_line("  :schema "), Entered::Meta(":schema".into()));
        // Inside a statement a `:` line is part of it (a label on a line of its own).
        assert_eq!(entry.push_line("MATCH (c"), Entered::Waiting);
        assert_eq!(
            entry.push_line(":Country) RETURN c;"),
            Entered::Statements("MATCH (c\n:Country) RETURN c;\n".into())
        );
        assert_eq!(entry.push_line("MATCH (n)"), Entered::Waiting);
        entry.clear();
        assert_eq!(entry.push_line(":quit"), Entered::Meta(":quit".into()));
        assert_eq!(entry.push_line("RETURN 1"), Entered::Waiting);
        assert_eq!(entry.finish().as_deref(), Some("RETURN 1\n"));
        assert_eq!(entry.finish(), None);
    }

    #[test]
    fn completes_the_arguments_of_export_show_and_rows() {
        let v = vocab();
        assert_eq!(complete(":rows a", 7, &v).candidates, vec!["all", "auto"]);
        assert_eq!(complete(":format p", 9, &v).candidates, vec!["plain"]);
        let formats = complete(":export ", 8, &v);
        assert!(formats.candidates.contains(&"dot".to_string()) && !formats.file_name, "{formats:?}");
        assert!(complete(":export dot ", 12, &v).file_name);
        assert!(complete(":export dot out", 15, &v).file_name);
        assert!(complete(":open g", 7, &v).file_name && complete(":save g", 7, &v).file_name);
        // After the file comes a query, completed as one.
        let line = ":export dot out.dot MATCH (c:Co";
        let labels = complete(line, line.len(), &v);
        assert_eq!((labels.candidates, labels.start, labels.file_name), (vec!["Country".to_string()], 29, false));
        let line = ":show MATCH (c)-[r:ME";
        assert_eq!(complete(line, line.len(), &v).candidates, vec!["MEMBER_OF", "MENTIONS"]);
        assert_eq!(complete(":sh", 3, &v).candidates, vec![":show"]);
        assert_eq!(complete(":ex", 3, &v).candidates, vec![":export"]);
    }

    fn strip_ansi(s: &str) -> String {
        let mut out = String::new();
        let mut chars = s.chars();
        while let Some(c) = chars.next() {
            if c == '\x1b' {
                for d in chars.by_ref() {
                    if d == 'm' {
                        break;
                    }
                }
            } else {
                out.push(c);
            }
        }
        out
    }
}
