//! What steppe prints when its output is not a terminal (every test here pipes it):
//! plain lines instead of boxes, no colour, and a shell that reads statements from a
//! pipe without a prompt or a banner.

use std::io::Write;
use std::process::{Command, Output, Stdio};

use super::common::text;

fn steppe(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_steppe"))
        .args(args)
        // Colour would be wrong in a pipe even without NO_COLOR.
        .env_remove("NO_COLOR")
        .env("HOME", std::env::temp_dir())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run steppe: {e}"));
    if let Some(mut input) = child.stdin.take() {
        input.write_all(stdin.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
    }
    child.wait_with_output().unwrap_or_else(|e| panic!("{e}"))
}

fn assert_no_decoration(out: &str) {
    assert!(!out.contains('\x1b'), "colour in a pipe: {out:?}");
    assert!(!out.contains(['│', '┌', '═', '╞']), "box drawing in a pipe: {out}");
}

#[test]
fn a_query_into_a_pipe_prints_a_header_and_comma_separated_values() {
    let out = steppe(
        &["query", "MATCH (c:Country) WHERE c.name IN ['Armenia', 'Belarus'] RETURN c.name AS name, 1 + 1 AS two ORDER BY name"],
        "",
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), "name, two\n'Armenia', 2\n'Belarus', 2\n");
}

#[test]
fn an_explicit_format_wins_over_the_pipe() {
    let table = steppe(&["query", "--format", "table", "RETURN 1 AS one"], "");
    assert!(text(&table.stdout).contains('│'), "{}", text(&table.stdout));
    let csv = steppe(&["query", "--format", "csv", "RETURN 'a, b' AS s"], "");
    assert_eq!(text(&csv.stdout), "s\n\"a, b\"\n");
    let plain = steppe(&["query", "--format", "plain", "RETURN null AS n, [1, 'x'] AS xs"], "");
    assert_eq!(text(&plain.stdout), "n, xs\nnull, [1, 'x']\n");
}

#[test]
fn the_shell_reads_a_pipe_without_prompt_or_banner() {
    let script = "MATCH (c:Country) WHERE c.name = 'Russia'\nRETURN c.name AS name;\n:param n => 3\nRETURN $n AS n;\n";
    let out = steppe(&[], script);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert_no_decoration(&stdout);
    assert!(!stdout.contains("steppe>") && !stdout.contains("Type :help"), "{stdout}");
    assert_eq!(stdout, "name\n'Russia'\n$n => 3\nn\n3\n");
}

#[test]
fn the_shell_on_a_pipe_stops_at_the_first_error_with_its_line() {
    let script = "RETURN 1 AS one;\n\nRETURN nope;\nRETURN 2 AS two;\n";
    let out = steppe(&["--empty"], script);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(text(&out.stdout), "one\n1\n");
    let stderr = text(&out.stderr);
    assert!(stderr.contains("[SyntaxError/UndefinedVariable] Error") && stderr.contains("<stdin>:3:8"), "{stderr}");
    assert_no_decoration(&stderr);
}

#[test]
fn the_shell_on_a_pipe_runs_a_last_statement_without_its_semicolon() {
    let out = steppe(&["--empty"], "CREATE (:A);\nMATCH (a:A) RETURN count(a) AS n");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), "n\n1\n");
}
