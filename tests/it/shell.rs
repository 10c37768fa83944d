//! The interactive shell through a pseudo-terminal, as a person uses it: multi-line
//! entry, Tab completion, a readable error, Ctrl-C on a half-typed statement, and the
//! history surviving a restart.

use std::path::Path;
use std::process::Command;

use rexpect::session::{spawn_command, PtySession};

fn shell(home: &Path) -> PtySession {
    let mut command = Command::new(env!("CARGO_BIN_EXE_steppe"));
    command.env("HOME", home).env("NO_COLOR", "1").env_remove("XDG_DATA_HOME");
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
    expect(&mut session, "error[SchemaError/UnknownLabel]");
    expect(&mut session, "^^^^^^");
    expect(&mut session, "did you mean `Country`?");
    expect(&mut session, PROMPT);

    // Ctrl-C drops a half-typed statement; the next one runs on its own.
    type_keys(&mut session, "MATCH (n");
    expect(&mut session, "MATCH (n");
    session.send_control('c').unwrap_or_else(|e| panic!("{e}"));
    expect(&mut session, PROMPT);
    send(&mut session, ":stats");
    expect(&mut session, "221 nodes");
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
