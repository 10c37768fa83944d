//! The interactive shell through a pseudo-terminal, as a person uses it: multi-line
//! entry, Tab completion, a readable error, Ctrl-C on a half-typed statement and on a
//! running query, the history surviving a restart, long tables cut short, pictures.

use std::path::Path;
use std::process::Command;

use rexpect::session::{spawn_command, PtySession};

fn shell(home: &Path) -> PtySession {
    let mut command = Command::new(env!("CARGO_BIN_EXE_steppe"));
    // No desktop: `:show` must not open a viewer during the tests.
    command
        .env("HOME", home)
        .env("NO_COLOR", "1")
        .env_remove("XDG_DATA_HOME")
        // `:show` draws its pictures in the temporary directory: keep them in the test's.
        .env("TMPDIR", home)
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY");
    spawn_command(command, Some(30_000)).unwrap_or_else(|e| panic!("cannot start the shell: {e}"))
}

fn expect(session: &mut PtySession, text: &str) {
    if let Err(e) = session.exp_string(text) {
        panic!("the shell never showed {text:?}: {e}");
    }
    if text == PROMPT {
        // rustyline switches the terminal to raw mode around its prompt and drops input
        // that arrives meanwhile; a person never types that fast, so let it settle.
        std::thread::sleep(std::time::Duration::from_millis(150));
    }
}

const PROMPT: &str = "steppe> ";

/// Types `keys` without pressing Enter.
fn type_keys(session: &mut PtySession, keys: &str) {
    session.send(keys).unwrap_or_else(|e| panic!("cannot type {keys:?}: {e}"));
    session.flush().unwrap_or_else(|e| panic!("cannot type {keys:?}: {e}"));
}

fn send(session: &mut PtySession, line: &str) {
    session.send_line(line).unwrap_or_else(|e| panic!("cannot type {line:?}: {e}"));
}

#[test]
fn a_session_with_completion_errors_ctrl_c_and_history() {
    let home = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut session = shell(home.path());
    expect(&mut session, "built-in CSTO graph");
    expect(&mut session, PROMPT);

    // A statement over two lines: the prompt shows it waits for the `;`.
    send(&mut session, "MATCH (c:Country)");
    expect(&mut session, "...> ");
    send(&mut session, "RETURN count(c) AS countries;");
    expect(&mut session, "countries");
    expect(&mut session, "14");
    expect(&mut session, "1 row");
    expect(&mut session, PROMPT);

    // Tab completes a label: the statement only succeeds if `Cou` became `Country`.
    type_keys(&mut session, "MATCH (c:Cou");
    type_keys(&mut session, "\t");
    send(&mut session, " {name: 'Kazakhstan'}) RETURN c.aliases AS spellings;");
    expect(&mut session, "spellings");
    expect(&mut session, "1 row");
    expect(&mut session, PROMPT);

    // A typo gets a caret and a suggestion, and the shell carries on.
    send(&mut session, "MATCH (x:Contry) RETURN x;");
    expect(&mut session, "[SchemaError/UnknownLabel] Error");
    expect(&mut session, "^^^|^^");
    expect(&mut session, "did you mean `Country`?");
    expect(&mut session, PROMPT);

    // Ctrl-C drops a half-typed statement; the next one runs on its own.
    type_keys(&mut session, "MATCH (n");
    expect(&mut session, "MATCH (n");
    session.send_control('c').unwrap_or_else(|e| panic!("{e}"));
    expect(&mut session, PROMPT);
    send(&mut session, ":stats");
    expect(&mut session, "254 nodes");
    expect(&mut session, PROMPT);
    send(&mut session, ":quit");
    session.exp_eof().unwrap_or_else(|e| panic!("the shell did not exit: {e}"));

    let history = std::fs::read_to_string(home.path().join(".local/share/steppe/history")).unwrap_or_default();
    assert!(history.contains("RETURN count(c) AS countries;"), "history: {history}");

    // After a restart, the arrow keys bring the history back.
    let mut session = shell(home.path());
    expect(&mut session, PROMPT);
    type_keys(&mut session, "\x1b[A\x1b[A");
    expect(&mut session, ":stats");
    session.send_control('c').unwrap_or_else(|e| panic!("{e}"));
    expect(&mut session, PROMPT);
    send(&mut session, ":quit");
    session.exp_eof().unwrap_or_else(|e| panic!("the shell did not exit: {e}"));
}

#[test]
fn ctrl_c_stops_a_running_query_and_the_graph_is_unchanged() {
    let home = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut session = shell(home.path());
    expect(&mut session, PROMPT);
    // It creates a node, then counts 10^10 rows: it runs until stopped.
    send(
        &mut session,
        "CREATE (:Country {name: 'Atlantis', aliases: []}) WITH 1 AS x \
         UNWIND range(1, 100000) AS a UNWIND range(1, 100000) AS b RETURN count(*);",
    );
    std::thread::sleep(std::time::Duration::from_millis(500));
    session.send_control('c').unwrap_or_else(|e| panic!("{e}"));
    expect(&mut session, "[ArgumentError/QueryCancelled] Error");
    expect(&mut session, PROMPT);
    // The node it created is gone, and the shell works on.
    send(&mut session, ":stats");
    expect(&mut session, "254 nodes, 801 relationships");
    expect(&mut session, PROMPT);
    send(&mut session, "MATCH (c:Country {name: 'Atlantis'}) RETURN count(c) AS atlantis;");
    expect(&mut session, "atlantis");
    expect(&mut session, "0");
    expect(&mut session, "1 row");
    expect(&mut session, PROMPT);
    // Nothing changed, so :quit does not ask about unsaved changes.
    send(&mut session, ":quit");
    session.exp_eof().unwrap_or_else(|e| panic!("the shell did not exit: {e}"));
}

#[test]
fn long_tables_are_cut_short_and_pictures_are_drawn() {
    let home = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut session = shell(home.path());
    expect(&mut session, PROMPT);
    send(&mut session, ":rows 5");
    expect(&mut session, "rows: at most 5");
    expect(&mut session, PROMPT);
    send(&mut session, "UNWIND range(1, 300) AS i RETURN i;");
    // (rexpect reads bytes as Latin-1, so expectations stay ASCII.)
    expect(&mut session, "295 more rows not shown: `:rows all` shows them");
    expect(&mut session, "300 rows");
    expect(&mut session, PROMPT);

    let dot = home.path().join("members.dot");
    send(&mut session, &format!(":export dot {} MATCH (c:Country)-[r:MEMBER_OF]->(o) RETURN r", dot.display()));
    expect(&mut session, "7 nodes, 6 relationships");
    expect(&mut session, PROMPT);
    let text = std::fs::read_to_string(&dot).unwrap_or_default();
    assert_eq!(text.matches(" -> ").count(), 6, "{text}");

    send(&mut session, ":show MATCH (p:Person)-[r:LEADS]->(d:Deployment) RETURN r");
    if Command::new("dot").arg("-V").output().is_ok() {
        let (_, drew) = session.exp_regex(r"drew \S+\.svg").unwrap_or_else(|e| panic!("no picture: {e}"));
        expect(&mut session, "(2 nodes, 1 relationship)");
        let svg = std::fs::read_to_string(drew.trim_start_matches("drew ")).unwrap_or_default();
        assert!(svg.contains("<svg") && svg.contains("LEADS"), "{drew}: {svg}");
    } else {
        expect(&mut session, "`dot` is not installed");
    }
    expect(&mut session, PROMPT);
    send(&mut session, ":export xml out.xml");
    expect(&mut session, "cannot export to `xml`");
    expect(&mut session, PROMPT);
    send(&mut session, ":quit");
    session.exp_eof().unwrap_or_else(|e| panic!("the shell did not exit: {e}"));
}
