//! Runs every `tests/fixtures/**/*.cypher` file through `Database::execute` and checks
//! what each statement's directives say. A new test is a new file, not new Rust code.
//!
//! A fixture is a sequence of statements, each ending with `;` at the end of a line.
//! Directive comments after a statement apply to it:
//!
//! - `// @expect:` then `// | col | col |` lines: the header, then the rows, values in
//!   Cypher notation (strings bare). Rows must come in this order unless `// @unordered`.
//! - `// @rows: N`: only the number of rows.
//! - `// @error: Kind/Code L:C`: the statement fails so, at line L, column C of the file;
//!   and the graph is left unchanged (checked by comparing snapshots).
//! - `// @hint: text`: after `@error`, the hint the error carries ("did you mean `Country`?").
//! - `// @keeps-committed-batches`: after `@error`, the graph may have changed: the statement's
//!   `CALL { … } IN TRANSACTIONS` batches before the failing one were committed (the
//!   statements after it say what is left).
//! - `// @plan:` then `// ` lines up to a blank line: the EXPLAIN text of the statement.
//!
//! `STEPPE_BLESS=1 cargo test --test it fixtures` rewrites every `@plan` block that differs
//! with the plan the statement now gets: read the diff before committing it.
//!
//! A statement with no directive must succeed. `// @graph: csto` on the first line runs
//! the file on the built-in CSTO graph instead of an empty one.

use std::path::{Path, PathBuf};

use steppe::format::cypher_notation;
use steppe::store::snapshot;
use steppe::{Database, Params};

#[derive(Debug, Default)]
struct Case {
    text: String,
    offset: usize,
    line: usize,
    expect: Option<Vec<Vec<String>>>,
    unordered: bool,
    rows: Option<usize>,
    error: Option<String>,
    hint: Option<String>,
    plan: Option<String>,
    /// The file's lines (0-based, end exclusive) that hold the `@plan` text.
    plan_lines: Option<(usize, usize)>,
    keeps_committed_batches: bool,
}

/// A plan block to write back under `STEPPE_BLESS`: its lines and the new text.
struct Blessed {
    lines: (usize, usize),
    plan: String,
}

fn fixture_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = entries.filter_map(|e| e.ok()).map(|e| e.path()).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            fixture_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "cypher") {
            out.push(path);
        }
    }
}

fn parse_fixture(text: &str) -> Vec<Case> {
    let mut cases: Vec<Case> = Vec::new();
    let mut current = Case::default();
    let mut in_statement = false;
    let mut mode = "";
    let mut offset = 0;
    for (i, line) in text.split_inclusive('\n').enumerate() {
        let trimmed = line.trim();
        let line_start = offset;
        offset += line.len();
        if let Some(directive) = trimmed.strip_prefix("// @") {
            let (name, value) = directive.split_once(':').map_or((directive, ""), |(n, v)| (n.trim(), v.trim()));
            let Some(last) = cases.last_mut() else {
                continue;
            };
            mode = "";
            match name {
                "expect" => {
                    last.expect = Some(Vec::new());
                    mode = "expect";
                }
                "unordered" => last.unordered = true,
                "rows" => last.rows = value.parse().ok(),
                "error" => last.error = Some(value.to_string()),
                "hint" => last.hint = Some(value.to_string()),
                "keeps-committed-batches" => last.keeps_committed_batches = true,
                "plan" => {
                    last.plan = Some(String::new());
                    last.plan_lines = Some((i + 1, i + 1));
                    mode = "plan";
                }
                _ => {}
            }
            continue;
        }
        if let (Some(last), Some(row)) = (cases.last_mut(), trimmed.strip_prefix("// |")) {
            if mode == "expect" {
                let cells = row.trim_end_matches('|').split('|').map(|c| c.trim().to_string()).collect();
                last.expect.get_or_insert_with(Vec::new).push(cells);
                continue;
            }
        }
        if mode == "plan" {
            if let (Some(last), Some(plan_line)) = (cases.last_mut(), line.trim_end_matches('\n').strip_prefix("// ")) {
                let plan = last.plan.get_or_insert_with(String::new);
                plan.push_str(plan_line);
                plan.push('\n');
                last.plan_lines = last.plan_lines.map(|(start, _)| (start, i + 1));
                continue;
            }
        }
        if !in_statement && (trimmed.is_empty() || trimmed.starts_with("//")) {
            mode = "";
            continue;
        }
        if !in_statement {
            current = Case { offset: line_start, line: i + 1, ..Case::default() };
            in_statement = true;
            mode = "";
        }
        current.text.push_str(line);
        if trimmed.ends_with(';') {
            in_statement = false;
            cases.push(std::mem::take(&mut current));
        }
    }
    cases
}

fn run_case(db: &mut Database, case: &Case, file_text: &str, blessed: &mut Vec<Blessed>) -> Result<(), String> {
    // Inside an explicit transaction a failing statement rolls back to BEGIN, not to
    // the statement's start: there the fixture's counts say what is left.
    let before = case
        .error
        .as_ref()
        .filter(|_| !db.in_transaction() && !case.keeps_committed_batches)
        .map(|_| snapshot::to_bytes(db.graph()).unwrap_or_default());
    let result = db.execute(&case.text, &Params::new());
    match (&case.error, result) {
        (Some(expected), Err(err)) => {
            let err = err.shifted(case.offset);
            let pos = err.position(file_text).map(|p| format!("{}:{}", p.line, p.column)).unwrap_or_default();
            let actual = format!("{}/{} {pos}", err.kind(), err.code.as_str());
            if actual.trim() != expected.trim() {
                return Err(format!("expected error {expected}, got {actual} ({})", err.message));
            }
            if let Some(hint) = &case.hint {
                if err.hint.as_deref() != Some(hint.as_str()) {
                    return Err(format!("expected the hint {hint:?}, got {:?}", err.hint));
                }
            }
            if before.as_ref().is_some_and(|b| *b != snapshot::to_bytes(db.graph()).unwrap_or_default()) {
                return Err("the failing statement changed the graph".to_string());
            }
            Ok(())
        }
        (Some(expected), Ok(_)) => Err(format!("expected error {expected}, but the statement succeeded")),
        (None, Err(err)) => Err(format!("unexpected error: {}", err.shifted(case.offset).describe(file_text))),
        (None, Ok(result)) => check_result(case, &result, blessed),
    }
}

fn check_result(case: &Case, result: &steppe::QueryResult, blessed: &mut Vec<Blessed>) -> Result<(), String> {
    if let Some(n) = case.rows {
        if result.rows.len() != n {
            return Err(format!("expected {n} rows, got {}", result.rows.len()));
        }
    }
    if let Some(expected) = &case.plan {
        let actual = result.plan.clone().unwrap_or_default();
        match case.plan_lines {
            _ if actual.trim_end() == expected.trim_end() => {}
            Some(lines) if std::env::var_os("STEPPE_BLESS").is_some() => {
                blessed.push(Blessed { lines, plan: actual.trim_end().to_string() })
            }
            _ => return Err(format!("plan differs:\n--- expected\n{expected}--- actual\n{actual}")),
        }
    }
    let Some(expected) = &case.expect else {
        return Ok(());
    };
    let mut actual: Vec<Vec<String>> = vec![result.columns.clone()];
    actual
        .extend(result.rows.iter().map(|row| row.iter().map(|v| cypher_notation(v, &result.entities, true)).collect()));
    let mut expected = expected.clone();
    if case.unordered {
        actual[1..].sort();
        expected[1..].sort();
    }
    if actual != expected {
        let show =
            |t: &[Vec<String>]| t.iter().map(|r| format!("| {} |", r.join(" | "))).collect::<Vec<_>>().join("\n");
        return Err(format!("table differs:\n--- expected\n{}\n--- actual\n{}", show(&expected), show(&actual)));
    }
    Ok(())
}

#[test]
fn fixtures() {
    let mut files = Vec::new();
    fixture_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures"), &mut files);
    assert!(!files.is_empty(), "no fixture files found");
    let mut failures = Vec::new();
    let mut n_cases = 0;
    for path in &files {
        let text = std::fs::read_to_string(path).unwrap_or_default();
        let mut db = if text.starts_with("// @graph: csto") {
            Database::default_graph().unwrap_or_else(|e| panic!("default graph: {}", e.message))
        } else {
            Database::empty()
        };
        let mut blessed = Vec::new();
        for case in parse_fixture(&text) {
            n_cases += 1;
            if let Err(message) = run_case(&mut db, &case, &text, &mut blessed) {
                let name = path.strip_prefix(env!("CARGO_MANIFEST_DIR")).unwrap_or(path).display();
                failures.push(format!("{name}:{}: {message}", case.line));
            }
        }
        if !blessed.is_empty() {
            std::fs::write(path, rewrite_plans(&text, &blessed)).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {n_cases} fixture statements failed:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

/// The fixture's text with each blessed plan block replaced by its new plan.
fn rewrite_plans(text: &str, blessed: &[Blessed]) -> String {
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let mut out = String::new();
    let mut next = 0;
    for block in blessed {
        let (start, end) = block.lines;
        out.extend(lines[next..start].iter().copied());
        for plan_line in block.plan.lines() {
            out.push_str(&format!("// {plan_line}\n"));
        }
        next = end;
    }
    out.extend(lines[next..].iter().copied());
    out
}
