//! The shell. On a terminal: a rustyline prompt that reads statements until `;`, runs
//! them (Ctrl-C stops one that runs too long), and understands the meta-commands of
//! `meta.rs`; tables are cut to the terminal's height. On a pipe or a file: the same
//! statements and meta-commands, read without prompt or banner.

use std::borrow::Cow;
use std::io::{self, BufRead, IsTerminal, Write};
use std::path::PathBuf;

use rustyline::completion::{Completer, FilenameCompleter, Pair};
use rustyline::error::ReadlineError;
use rustyline::highlight::{CmdKind, Highlighter};
use rustyline::hint::Hinter;
use rustyline::history::DefaultHistory;
use rustyline::validate::Validator;
use rustyline::{Context, DefaultEditor, Editor, Helper};
use steppe::format::OutputFormat;
use steppe::syntax::{split_script, ScriptItem};
use steppe::Interrupt;

use super::line::{self, Entered, Entry, Vocabulary};
use super::meta::{self, MetaCommand, RowLimit};
use super::{eval_literal, help, render, show, Session, EXIT_OK, EXIT_QUERY};

const PROMPT: &str = "steppe> ";
const CONTINUE: &str = "   ...> ";
/// The prompts while a transaction is open (cypher-shell marks it with `#`).
const TXN_PROMPT: &str = "steppe# ";
const TXN_CONTINUE: &str = "   ...# ";

/// How many rows of a table the shell prints before it says how many more there are,
/// however tall the terminal (and when its height is unknown).
const MAX_SHOWN_ROWS: usize = 100;

/// The lines around a table's rows: its top border, header and rule, bottom border, the
/// note on rows left out, the row count, and the next prompt.
const TABLE_FRAME_LINES: usize = 7;

/// Below this height a terminal is taken to report no height at all.
const MIN_TERMINAL_HEIGHT: usize = TABLE_FRAME_LINES + 3;

/// How to see the rows a table left out.
const MORE_ROWS_HINT: &str = "`:rows all` shows them (`:rows N` sets how many), or page with SKIP and LIMIT";

/// Where the history lives: `$XDG_DATA_HOME/steppe/history`, else `~/.local/share/…`.
fn history_path() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_DATA_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local/share")))?;
    Some(base.join("steppe").join("history"))
}

/// Completion, hints and colours for rustyline, from `line.rs` and the graph's names.
struct ShellHelper {
    vocabulary: Vocabulary,
    files: FilenameCompleter,
    color: bool,
}

impl ShellHelper {
    fn new(session: &Session) -> ShellHelper {
        let color = render::color_allowed(io::stdout().is_terminal());
        ShellHelper { vocabulary: vocabulary(session), files: FilenameCompleter::new(), color }
    }
}

/// The names completion offers: the graph's labels, types and keys, the functions, and
/// the session's parameters.
fn vocabulary(session: &Session) -> Vocabulary {
    let catalog = session.db.graph().catalog();
    let names = |i: &steppe::store::Interner| i.names().iter().map(|n| n.to_string()).collect();
    Vocabulary {
        labels: names(&catalog.labels),
        rel_types: names(&catalog.rel_types),
        prop_keys: names(&catalog.prop_keys),
        functions: steppe::binder::function_names().map(str::to_string).collect(),
        params: session.params.keys().cloned().collect(),
    }
}

impl Completer for ShellHelper {
    type Candidate = Pair;

    fn complete(&self, text: &str, pos: usize, ctx: &Context<'_>) -> rustyline::Result<(usize, Vec<Pair>)> {
        let completion = line::complete(text, pos, &self.vocabulary);
        if completion.file_name {
            return self.files.complete(text, pos, ctx);
        }
        let pairs = completion.candidates.into_iter().map(|c| Pair { display: c.clone(), replacement: c }).collect();
        Ok((completion.start, pairs))
    }
}

impl Hinter for ShellHelper {
    type Hint = String;

    fn hint(&self, text: &str, pos: usize, _ctx: &Context<'_>) -> Option<String> {
        line::meta_hint(text, pos)
    }
}

impl Highlighter for ShellHelper {
    fn highlight<'l>(&self, text: &'l str, pos: usize) -> Cow<'l, str> {
        if self.color {
            Cow::Owned(line::highlight(text, pos))
        } else {
            Cow::Borrowed(text)
        }
    }

    fn highlight_hint<'h>(&self, hint: &'h str) -> Cow<'h, str> {
        if self.color {
            Cow::Owned(format!("\x1b[90m{hint}\x1b[0m"))
        } else {
            Cow::Borrowed(hint)
        }
    }

    fn highlight_char(&self, _line: &str, _pos: usize, _kind: CmdKind) -> bool {
        self.color
    }
}

impl Validator for ShellHelper {}

impl Helper for ShellHelper {}

/// The shell: interactive on a terminal; on a pipe or a file, statements are read from
/// standard input without a prompt or a banner, as `cypher-shell < file` does.
pub fn run(session: Session, use_history: bool) -> anyhow::Result<u8> {
    if io::stdin().is_terminal() {
        run_interactive(Shell::new(session), use_history)
    } else {
        run_piped(Shell::new(session))
    }
}

/// What a meta-command asks of the shell afterwards.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum MetaOutcome {
    Continue,
    Quit,
    /// It failed (and said why); a shell reading a pipe stops here.
    Failed,
}

/// The session and the shell's own settings.
struct Shell {
    session: Session,
    rows: RowLimit,
}

impl Shell {
    fn new(session: Session) -> Shell {
        Shell { session, rows: RowLimit::Auto }
    }

    /// Sets how many rows a table may show: `:rows`, or for `auto` as many as fit
    /// `terminal_height` (the frame, the note and the prompt take the other lines).
    fn fit_rows(&mut self, terminal_height: Option<usize>) {
        self.session.max_rows = match self.rows {
            RowLimit::All => None,
            RowLimit::Fixed(n) => Some(n),
            RowLimit::Auto => Some(
                terminal_height
                    .filter(|h| *h >= MIN_TERMINAL_HEIGHT)
                    .map_or(MAX_SHOWN_ROWS, |h| (h - TABLE_FRAME_LINES).min(MAX_SHOWN_ROWS)),
            ),
        };
        self.session.more_rows_hint = Some(MORE_ROWS_HINT);
    }

    /// Runs the statements in `source[start..]`; errors point into the whole `source`.
    /// Returns the first failing statement's exit code.
    fn run_statements(&mut self, source: &str, start: usize, origin: &str) -> anyhow::Result<u8> {
        let stdout = io::stdout();
        let mut out = stdout.lock();
        for item in split_script(&source[start..]) {
            let code = match item {
                ScriptItem::Statement { text, offset } => {
                    self.session.run_statement(&text, source, start + offset, origin, &mut out)?
                }
                // A `:` line inside a pending statement is part of its text for the
                // parser to refuse; a whole meta line never reaches here.
                ScriptItem::Meta { text, .. } => match self.meta(&text)? {
                    MetaOutcome::Failed => EXIT_QUERY,
                    _ => EXIT_OK,
                },
            };
            if code != EXIT_OK {
                return Ok(code);
            }
        }
        Ok(EXIT_OK)
    }
}

/// A person at a terminal: prompt, history, completion, Ctrl-C to stop a query.
fn run_interactive(mut shell: Shell, use_history: bool) -> anyhow::Result<u8> {
    shell.session.show_elapsed = true;
    let mut editor: Editor<ShellHelper, DefaultHistory> = Editor::new()?;
    // After the editor: rustyline puts its own SIGINT handler in place when it is made
    // (and keeps it until it is dropped); this one must win. At the prompt the terminal
    // is in raw mode, so Ctrl-C reaches rustyline as a key, not as a signal.
    install_interrupt(&mut shell.session);
    editor.set_helper(Some(ShellHelper::new(&shell.session)));
    let history = if use_history { history_path() } else { None };
    if let Some(path) = &history {
        let _ = editor.load_history(path);
    }
    banner(&shell.session, &mut io::stdout().lock())?;
    let mut entry = Entry::default();
    loop {
        let prompt = match (entry.is_pending(), shell.session.db.in_transaction()) {
            (false, false) => PROMPT,
            (true, false) => CONTINUE,
            (false, true) => TXN_PROMPT,
            (true, true) => TXN_CONTINUE,
        };
        match editor.readline(prompt) {
            Ok(line) => {
                match entry.push_line(&line) {
                    Entered::Nothing | Entered::Waiting => continue,
                    Entered::Meta(meta) => {
                        let _ = editor.add_history_entry(meta.as_str());
                        shell.fit_rows(terminal_height(&mut editor));
                        if shell.meta(&meta)? == MetaOutcome::Quit {
                            break;
                        }
                    }
                    Entered::Statements(text) => {
                        let _ = editor.add_history_entry(text.trim_end());
                        shell.fit_rows(terminal_height(&mut editor));
                        shell.run_statements(&text, 0, "input")?;
                    }
                }
                // A statement or a meta-command may have added names (labels, keys,
                // parameters) to complete.
                if let Some(helper) = editor.helper_mut() {
                    helper.vocabulary = vocabulary(&shell.session);
                }
            }
            Err(ReadlineError::Interrupted) => entry.clear(),
            Err(ReadlineError::Eof) => {
                if confirm_quit(&shell.session) {
                    break;
                }
            }
            Err(err) => return Err(err.into()),
        }
    }
    if let Some(path) = &history {
        if let Some(dir) = path.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        let _ = editor.save_history(path);
    }
    Ok(EXIT_OK)
}

/// Standard input is a pipe or a file: each statement runs as soon as its `;` has been
/// read, meta-commands work as in the shell, and the first failure ends the shell with
/// its exit code (cypher-shell's fail-fast). Errors give the line in the whole input.
fn run_piped(mut shell: Shell) -> anyhow::Result<u8> {
    // Everything read so far, so that an error gives its line in the whole input; the
    // statements an entry completes are always the end of it.
    let mut source = String::new();
    let mut entry = Entry::default();
    for line in io::stdin().lock().lines() {
        let line = line?;
        source.push_str(&line);
        source.push('\n');
        let code = match entry.push_line(&line) {
            Entered::Nothing | Entered::Waiting => continue,
            Entered::Meta(meta) => match shell.meta(&meta)? {
                MetaOutcome::Continue => EXIT_OK,
                MetaOutcome::Quit => return Ok(EXIT_OK),
                MetaOutcome::Failed => EXIT_QUERY,
            },
            Entered::Statements(text) => shell.run_statements(&source, source.len() - text.len(), "<stdin>")?,
        };
        if code != EXIT_OK {
            return Ok(code);
        }
    }
    match entry.finish() {
        Some(text) => shell.run_statements(&source, source.len() - text.len(), "<stdin>"),
        None => Ok(EXIT_OK),
    }
}

/// Ctrl-C while a statement runs raises the session's interrupt, which stops it; at the
/// prompt rustyline reads Ctrl-C itself (it clears the line). Installed once: a Ctrl-C
/// between statements only raises a flag the next statement lowers before it starts.
fn install_interrupt(session: &mut Session) {
    let interrupt = Interrupt::new();
    let flag = interrupt.clone();
    match ctrlc::set_handler(move || flag.raise()) {
        Ok(()) => session.stop.interrupt = Some(interrupt),
        Err(e) => {
            let _ = writeln!(io::stderr(), "steppe: Ctrl-C will not stop a running query ({e})");
        }
    }
}

/// The terminal's height in lines, when standard output is one.
fn terminal_height(editor: &mut Editor<ShellHelper, DefaultHistory>) -> Option<usize> {
    editor.dimensions().map(|(_, rows)| usize::from(rows))
}

fn banner(session: &Session, out: &mut dyn Write) -> io::Result<()> {
    let graph = session.db.graph();
    writeln!(
        out,
        "steppe {} — {} ({} nodes, {} relationships)\nType :help for help, :schema for the schema, :quit to leave. End statements with `;`.",
        env!("CARGO_PKG_VERSION"),
        session.origin,
        graph.node_count(),
        graph.rel_count()
    )
}

/// With a transaction open, or unsaved changes to an in-memory graph, Ctrl-D or :quit
/// asks once more; without a terminal to ask on, it quits (an open transaction is then
/// rolled back, and the session says so as it ends).
fn confirm_quit(session: &Session) -> bool {
    if !io::stdin().is_terminal() {
        return true;
    }
    let question = if session.db.in_transaction() {
        "A transaction is open: quitting rolls it back (:commit keeps it). Quit anyway? [y/N] "
    } else if session.unsaved {
        "The graph has unsaved changes (:save PATH keeps them). Quit anyway? [y/N] "
    } else {
        return true;
    };
    let mut editor = match DefaultEditor::new() {
        Ok(e) => e,
        Err(_) => return true,
    };
    let answer = editor.readline(question);
    matches!(answer.as_deref().map(str::trim), Ok("y" | "Y" | "yes"))
}

impl Shell {
    /// Runs a meta-command line.
    fn meta(&mut self, line: &str) -> anyhow::Result<MetaOutcome> {
        let stdout = io::stdout();
        let mut out = stdout.lock();
        let command = match meta::parse_meta(line) {
            Ok(c) => c,
            Err(message) => {
                writeln!(out, "{message}")?;
                return Ok(MetaOutcome::Failed);
            }
        };
        let session = &mut self.session;
        let ok = match command {
            MetaCommand::Quit => {
                return Ok(if confirm_quit(session) { MetaOutcome::Quit } else { MetaOutcome::Continue })
            }
            MetaCommand::Help(topic) => {
                writeln!(out, "{}", help::help(topic.as_deref(), session.db.graph()))?;
                true
            }
            MetaCommand::Schema => {
                writeln!(out, "{}", help::schema(session.db.graph()))?;
                true
            }
            MetaCommand::Stats => {
                let graph = session.db.graph();
                writeln!(out, "{} nodes, {} relationships", graph.node_count(), graph.rel_count())?;
                true
            }
            MetaCommand::Param { name, literal } => match eval_literal(&literal) {
                Ok(value) => {
                    writeln!(out, "${name} => {value}")?;
                    session.params.insert(name, value);
                    true
                }
                Err(message) => {
                    writeln!(out, "{message}")?;
                    false
                }
            },
            MetaCommand::Params => {
                for (name, value) in &session.params {
                    writeln!(out, "${name} => {value}")?;
                }
                true
            }
            MetaCommand::Format(None) => {
                writeln!(out, "format: {}", session.format.name())?;
                true
            }
            MetaCommand::Format(Some(f)) => match OutputFormat::parse(&f) {
                Some(format) => {
                    session.format = format;
                    true
                }
                None => {
                    writeln!(out, "unknown format `{f}`: use table, plain, json, csv or tsv")?;
                    false
                }
            },
            MetaCommand::Timing(on) => {
                session.timing = on.unwrap_or(!session.timing);
                writeln!(out, "timing {}", if session.timing { "on" } else { "off" })?;
                true
            }
            MetaCommand::Rows(limit) => {
                if let Some(limit) = limit {
                    self.rows = limit;
                }
                writeln!(out, "rows: {}", describe_rows(self.rows))?;
                true
            }
            MetaCommand::Run(path) => match std::fs::read_to_string(&path) {
                Ok(text) => {
                    drop(out);
                    session.run_text(&text, &path.display().to_string(), false)? == EXIT_OK
                }
                Err(e) => {
                    writeln!(out, "cannot read {}: {e}", path.display())?;
                    false
                }
            },
            MetaCommand::Open(path) => open(session, &path, &mut out)?,
            MetaCommand::Save(path) => save(session, path, &mut out)?,
            MetaCommand::Export { format, path, query } => {
                show::export_command(session, &format, &path, query.as_deref(), &mut out)?
            }
            MetaCommand::Show(query) => show::show_command(session, query.as_deref(), &mut out)?,
            MetaCommand::Transaction(statement) => {
                session.run_statement(statement, statement, 0, "input", &mut out)? == EXIT_OK
            }
        };
        Ok(if ok { MetaOutcome::Continue } else { MetaOutcome::Failed })
    }
}

fn describe_rows(limit: RowLimit) -> String {
    match limit {
        RowLimit::Auto => format!("auto (as many as fit the terminal, at most {MAX_SHOWN_ROWS})"),
        RowLimit::Fixed(n) => format!("at most {n}"),
        RowLimit::All => "all".to_string(),
    }
}

/// `:open PATH`: work on a graph file instead.
fn open(session: &mut Session, path: &std::path::Path, out: &mut dyn Write) -> anyhow::Result<bool> {
    if !confirm_quit(session) {
        return Ok(true);
    }
    match steppe::Database::open(path) {
        Ok(db) => {
            session.db = db;
            session.path = Some(path.to_path_buf());
            session.origin = path.display().to_string();
            session.unsaved = false;
            let graph = session.db.graph();
            writeln!(
                out,
                "opened {} ({} nodes, {} relationships)",
                path.display(),
                graph.node_count(),
                graph.rel_count()
            )?;
            Ok(true)
        }
        Err(e) => {
            writeln!(out, "{}: {}", path.display(), e.message)?;
            Ok(false)
        }
    }
}

/// `:save [PATH]`: the graph to a file (by default the one it came from).
fn save(session: &mut Session, path: Option<PathBuf>, out: &mut dyn Write) -> anyhow::Result<bool> {
    let Some(path) = path.or_else(|| session.path.clone()) else {
        writeln!(out, "usage: :save PATH")?;
        return Ok(false);
    };
    match session.db.save(&path) {
        Ok(()) => {
            session.unsaved = false;
            writeln!(out, "saved to {}", path.display())?;
            Ok(true)
        }
        Err(e) => {
            writeln!(out, "{}", e.message)?;
            Ok(false)
        }
    }
}
