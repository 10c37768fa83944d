//! The interactive shell (first cut): a prompt that reads statements until `;`, runs
//! them, and understands the meta-commands of `meta.rs`.

use std::io::{self, Write};
use std::path::PathBuf;

use std::borrow::Cow;

use rustyline::completion::{Completer, FilenameCompleter, Pair};
use rustyline::error::ReadlineError;
use rustyline::highlight::{CmdKind, Highlighter};
use rustyline::hint::Hinter;
use rustyline::history::DefaultHistory;
use rustyline::validate::Validator;
use rustyline::{Context, DefaultEditor, Editor, Helper};
use steppe::format::OutputFormat;
use steppe::syntax::{split_script, ScriptItem};

use super::help;
use super::line::{self, Vocabulary};
use super::meta::{self, MetaCommand};
use super::{eval_literal, Session, EXIT_OK};

const PROMPT: &str = "steppe> ";
const CONTINUE: &str = "   ...> ";

/// How many rows of a table the shell prints before it says how many more there are.
const MAX_SHOWN_ROWS: usize = 100;

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
        let color = std::env::var_os("NO_COLOR").is_none() && std::io::IsTerminal::is_terminal(&io::stdout());
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

pub fn run(mut session: Session, use_history: bool) -> anyhow::Result<u8> {
    session.max_rows = Some(MAX_SHOWN_ROWS);
    session.show_elapsed = true;
    let mut editor: Editor<ShellHelper, DefaultHistory> = Editor::new()?;
    editor.set_helper(Some(ShellHelper::new(&session)));
    let history = if use_history { history_path() } else { None };
    if let Some(path) = &history {
        let _ = editor.load_history(path);
    }
    let stdout = io::stdout();
    banner(&session, &mut stdout.lock())?;
    let mut buffer = String::new();
    loop {
        let prompt = if buffer.is_empty() { PROMPT } else { CONTINUE };
        match editor.readline(prompt) {
            Ok(line) => {
                if buffer.is_empty() && line.trim_start().starts_with(':') {
                    let _ = editor.add_history_entry(line.as_str());
                    if handle_meta(&mut session, &line)? {
                        break;
                    }
                    if let Some(helper) = editor.helper_mut() {
                        helper.vocabulary = vocabulary(&session);
                    }
                    continue;
                }
                buffer.push_str(&line);
                buffer.push('\n');
                if !steppe::syntax::is_incomplete(&buffer) && !buffer.trim().is_empty() {
                    let _ = editor.add_history_entry(buffer.trim_end());
                    run_buffer(&mut session, &buffer)?;
                    buffer.clear();
                    // The statement may have added names (labels, keys) to complete.
                    if let Some(helper) = editor.helper_mut() {
                        helper.vocabulary = vocabulary(&session);
                    }
                } else if buffer.trim().is_empty() {
                    buffer.clear();
                }
            }
            Err(ReadlineError::Interrupted) => buffer.clear(),
            Err(ReadlineError::Eof) => {
                if confirm_quit(&session) {
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

fn run_buffer(session: &mut Session, buffer: &str) -> anyhow::Result<()> {
    let stdout = io::stdout();
    let mut out = stdout.lock();
    for item in split_script(buffer) {
        if let ScriptItem::Statement { text, offset } = item {
            session.run_statement(&text, buffer, offset, "input", &mut out)?;
        }
    }
    Ok(())
}

/// With unsaved changes to an in-memory graph, Ctrl-D or :quit asks once more.
fn confirm_quit(session: &Session) -> bool {
    if !session.unsaved {
        return true;
    }
    let mut editor = match DefaultEditor::new() {
        Ok(e) => e,
        Err(_) => return true,
    };
    let answer = editor.readline("The graph has unsaved changes (:save PATH keeps them). Quit anyway? [y/N] ");
    matches!(answer.as_deref().map(str::trim), Ok("y" | "Y" | "yes"))
}

/// Runs a meta-command; returns true when the shell should end.
fn handle_meta(session: &mut Session, line: &str) -> anyhow::Result<bool> {
    let stdout = io::stdout();
    let mut out = stdout.lock();
    let command = match meta::parse_meta(line) {
        Ok(c) => c,
        Err(message) => {
            writeln!(out, "{message}")?;
            return Ok(false);
        }
    };
    match command {
        MetaCommand::Quit => return Ok(confirm_quit(session)),
        MetaCommand::Help(topic) => writeln!(out, "{}", help::help(topic.as_deref(), session.db.graph()))?,
        MetaCommand::Schema => writeln!(out, "{}", help::schema(session.db.graph()))?,
        MetaCommand::Stats => {
            let graph = session.db.graph();
            writeln!(out, "{} nodes, {} relationships", graph.node_count(), graph.rel_count())?;
        }
        MetaCommand::Param { name, literal } => match eval_literal(&literal) {
            Ok(value) => {
                writeln!(out, "${name} => {value}")?;
                session.params.insert(name, value);
            }
            Err(message) => writeln!(out, "{message}")?,
        },
        MetaCommand::Params => {
            for (name, value) in &session.params {
                writeln!(out, "${name} => {value}")?;
            }
        }
        MetaCommand::Format(None) => writeln!(out, "format: {}", session.format.name())?,
        MetaCommand::Format(Some(f)) => match OutputFormat::parse(&f) {
            Some(format) => session.format = format,
            None => writeln!(out, "unknown format `{f}`: use table, json, csv or tsv")?,
        },
        MetaCommand::Timing(on) => {
            session.timing = on.unwrap_or(!session.timing);
            writeln!(out, "timing {}", if session.timing { "on" } else { "off" })?;
        }
        MetaCommand::Run(path) => match std::fs::read_to_string(&path) {
            Ok(text) => {
                drop(out);
                session.run_text(&text, &path.display().to_string(), false)?;
            }
            Err(e) => writeln!(out, "cannot read {}: {e}", path.display())?,
        },
        MetaCommand::Open(path) => {
            if !confirm_quit(session) {
                return Ok(false);
            }
            match steppe::Database::open(&path) {
                Ok(db) => {
                    session.db = db;
                    session.path = Some(path.clone());
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
                }
                Err(e) => writeln!(out, "{}: {}", path.display(), e.message)?,
            }
        }
        MetaCommand::Save(path) => match path.or_else(|| session.path.clone()) {
            Some(path) => match session.db.save(&path) {
                Ok(()) => {
                    session.unsaved = false;
                    writeln!(out, "saved to {}", path.display())?;
                }
                Err(e) => writeln!(out, "{}", e.message)?,
            },
            None => writeln!(out, "usage: :save PATH")?,
        },
    }
    Ok(false)
}
