//! The edge: command-line arguments, the shell, printing, exit codes. The only code that
//! reads the terminal, prints, or uses `anyhow`.

mod args;
mod export;
mod help;
mod import;
mod line;
mod meta;
mod render;
mod repl;
mod show;
mod why;

use std::io::{self, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};

use clap::Parser;
use steppe::format::{write_result, OutputFormat, WriteOptions};
use steppe::store::durable::{DurableOptions, DEFAULT_CHECKPOINT_BYTES};
use steppe::syntax::{split_script, ScriptItem};
use steppe::{Database, Error, ExecOptions, Params, QueryResult, Value};

use args::{Cli, Command, GraphArgs, OutputArgs};
use meta::MetaCommand;

pub const EXIT_OK: u8 = 0;
pub const EXIT_QUERY: u8 = 1;
pub const EXIT_USAGE: u8 = 2;

pub fn run() -> anyhow::Result<u8> {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            let code = if err.use_stderr() { EXIT_USAGE } else { EXIT_OK };
            err.print()?;
            return Ok(code);
        }
    };
    // An import opens (or creates) its graph file itself, and only after it succeeded.
    if let Some(Command::Import(args)) = &cli.command {
        return Ok(import::run(&cli.graph, args));
    }
    let mut session = match open_graph(&cli.graph, cli.init_default) {
        Ok(session) => session,
        Err(message) => {
            report(&message);
            return Ok(EXIT_USAGE);
        }
    };
    let defaults = session.db.limits();
    let limits = steppe::Limits {
        max_rows: cli.max_rows,
        max_path_length: cli.max_path_length,
        max_memory: cli.max_memory.unwrap_or(defaults.max_memory),
        threads: cli.threads.map_or(defaults.threads, usize::from),
        ..defaults
    };
    session.db.set_limits(limits);
    session.stop.import_dir = cli.import_dir.clone();
    match cli.command {
        None => repl::run(session, !cli.no_history),
        Some(Command::Query { output, query }) => {
            let mut session = session;
            if let Err(code) = session.configure(&output) {
                return Ok(code);
            }
            session.run_text(&query, "query", true)
        }
        Some(Command::Run { output, file, single_transaction }) => {
            let mut session = session;
            if let Err(code) = session.configure(&output) {
                return Ok(code);
            }
            let Some(text) = read_input(&file) else {
                return Ok(EXIT_USAGE);
            };
            let origin = file.display().to_string();
            match single_transaction {
                true => session.run_in_one_transaction(&text, &origin),
                false => session.run_text(&text, &origin, false),
            }
        }
        Some(Command::Export { to, dialect, query, show, layout, cluster, mentions, base, output }) => {
            let mut session = session;
            session.export(export::Request {
                to: &to,
                dialect: &dialect,
                query: query.as_deref(),
                show,
                layout: layout.as_deref(),
                cluster: cluster.as_deref(),
                mentions,
                base: &base,
                output: output.as_deref(),
            })
        }
        Some(Command::Import(_)) => Ok(EXIT_USAGE),
        Some(Command::Check { file }) => {
            let Some(text) = read_input(&file) else {
                return Ok(EXIT_USAGE);
            };
            Ok(session.check(&text, &file.display().to_string()))
        }
    }
}

#[allow(clippy::print_stderr)]
fn report(message: &str) {
    eprintln!("steppe: {message}");
}

/// A script's text, from a file or standard input (`-`); `None` after reporting why not.
fn read_input(path: &Path) -> Option<String> {
    let shown = if path.as_os_str() == "-" { "standard input".to_string() } else { path.display().to_string() };
    let bytes = if path.as_os_str() == "-" {
        let mut bytes = Vec::new();
        io::stdin().read_to_end(&mut bytes).map(|_| bytes)
    } else {
        std::fs::read(path)
    };
    let bytes = match bytes {
        Ok(bytes) => bytes,
        Err(e) => {
            report(&format!("cannot read {shown}: {e}"));
            return None;
        }
    };
    match String::from_utf8(bytes) {
        Ok(text) => Some(text),
        Err(e) => {
            // Say where, so that the user can find the byte in an editor.
            let at = e.utf8_error().valid_up_to();
            let text = String::from_utf8_lossy(&e.as_bytes()[..at]);
            let line = text.matches('\n').count() + 1;
            report(&format!("cannot read {shown}: not UTF-8 text (invalid byte at offset {at}, line {line})"));
            None
        }
    }
}

/// The graph and settings a command or shell works with.
pub struct Session {
    pub db: Database,
    /// The file behind a `--db` graph: every successful write is saved to it.
    pub path: Option<PathBuf>,
    /// What the graph is, for the banner.
    pub origin: String,
    pub format: OutputFormat,
    pub params: Params,
    pub timing: bool,
    /// Changes to an in-memory graph not yet saved with :save.
    pub unsaved: bool,
    /// The shell shows at most this many rows of a table, and says how many it left out.
    pub max_rows: Option<usize>,
    /// How to see the rows `max_rows` left out, as the shell words it.
    pub more_rows_hint: Option<&'static str>,
    /// The shell says how long each statement took, as a shell user expects.
    pub show_elapsed: bool,
    /// How a running statement can be stopped: the shell's Ctrl-C flag, `--timeout`;
    /// whether results carry their evidence (`--evidence`).
    pub stop: ExecOptions,
    /// The last statement that succeeded and whether it changed the graph, for `:why`.
    pub last: Option<(String, bool)>,
}

fn open_graph(graph: &GraphArgs, init_default: bool) -> Result<Session, String> {
    let session = |db, path: Option<PathBuf>, origin: String| Session {
        db,
        path,
        origin,
        format: default_format(),
        params: Params::new(),
        timing: false,
        unsaved: false,
        max_rows: None,
        more_rows_hint: None,
        show_elapsed: false,
        stop: ExecOptions::default(),
        last: None,
    };
    if graph.empty {
        return Ok(session(Database::empty(), None, "empty in-memory graph".into()));
    }
    let Some(path) = &graph.db else {
        let db = Database::default_graph().map_err(|e| format!("the built-in graph does not load: {}", e.message))?;
        return Ok(session(db, None, "built-in CSTO graph".into()));
    };
    let shown = path.display().to_string();
    let options = DurableOptions {
        read_only: graph.read_only,
        create: !graph.read_only,
        checkpoint_bytes: graph.checkpoint_bytes.unwrap_or(DEFAULT_CHECKPOINT_BYTES),
    };
    let open_error = |e: Error| match &e.file {
        Some(file) => format!("{file}: {}", e.message),
        None => format!("{shown}: {}", e.message),
    };
    let existed = path.exists();
    if init_default && graph.read_only {
        return Err("--init-default creates a file; it cannot be --read-only".to_string());
    }
    if init_default {
        if existed {
            return Err(format!("{shown} already exists; --init-default only creates a new file"));
        }
        let mut db =
            Database::default_graph().map_err(|e| format!("the built-in graph does not load: {}", e.message))?;
        db.save(path).map_err(open_error)?;
    }
    let mut db = Database::open_with(path, &options).map_err(open_error)?;
    report_warnings(&mut db);
    let origin = match (existed, graph.read_only) {
        (_, true) => format!("{shown} (read-only)"),
        (false, false) if !init_default => format!("{shown} (new)"),
        _ => shown,
    };
    Ok(session(db, Some(path.clone()), origin))
}

/// Prints what the database noticed without failing (a torn journal record dropped).
fn report_warnings(db: &mut Database) {
    for warning in db.take_warnings() {
        report(&format!("warning: {warning}"));
    }
}

/// Boxes for a person at a terminal; cypher-shell's plain lines for a pipe or a file.
fn default_format() -> OutputFormat {
    if io::stdout().is_terminal() {
        OutputFormat::Table
    } else {
        OutputFormat::Plain
    }
}

/// Reads `--param K=V`: V is a Cypher literal, evaluated by the engine itself.
pub fn parse_param(spec: &str) -> Result<(String, Value), String> {
    let (name, literal) = spec.split_once('=').ok_or_else(|| format!("--param {spec}: expected K=V"))?;
    let value = eval_literal(literal).map_err(|e| format!("--param {name}: {e}"))?;
    Ok((name.trim().trim_start_matches('$').to_string(), value))
}

pub fn eval_literal(literal: &str) -> Result<Value, String> {
    let mut scratch = Database::empty();
    let result = scratch.execute(&format!("RETURN {literal} AS v"), &Params::new()).map_err(|e| e.message)?;
    if result.stats.contains_updates() {
        return Err("a parameter must be a literal".to_string());
    }
    result.rows.into_iter().next().and_then(|r| r.into_iter().next()).ok_or_else(|| "not a literal".to_string())
}

/// Leaving (the end of a command, or of the shell) checkpoints a database file, so the
/// next open reads one snapshot instead of replaying the journal. A failure loses
/// nothing: the journal still holds every statement.
impl Drop for Session {
    fn drop(&mut self) {
        self.roll_back_at_exit();
        if let Err(e) = self.db.checkpoint() {
            report(&format!(
                "warning: checkpoint on exit failed (nothing is lost; the journal is kept): {}",
                e.message
            ));
        }
    }
}

impl Session {
    /// A transaction still open when a script, a query or the shell ends is rolled back:
    /// only COMMIT keeps it. Said on standard error, since its statements had succeeded.
    fn roll_back_at_exit(&mut self) {
        if self.db.in_transaction() && self.db.rollback().is_ok() {
            report(
                "warning: a transaction was still open at exit (no COMMIT): it was rolled back, nothing of it was kept",
            );
        }
    }

    fn configure(&mut self, output: &OutputArgs) -> Result<(), u8> {
        if let Some(format) = output.format.as_deref().and_then(OutputFormat::parse) {
            self.format = format;
        }
        self.timing = output.timing;
        self.stop.timeout = output.timeout;
        self.stop.evidence = output.evidence;
        for spec in &output.params {
            match parse_param(spec) {
                Ok((name, value)) => {
                    self.params.insert(name, value);
                }
                Err(message) => {
                    report(&message);
                    return Err(EXIT_USAGE);
                }
            }
        }
        Ok(())
    }

    /// Whether errors (on standard error) may be coloured.
    fn color(&self) -> bool {
        render::color_allowed(io::stderr().is_terminal())
    }

    /// Runs a `query` argument (one statement) or a script; prints each result.
    fn run_text(&mut self, text: &str, origin: &str, single: bool) -> anyhow::Result<u8> {
        let stdout = io::stdout();
        let mut out = stdout.lock();
        if single {
            return self.run_statement(text, text, 0, origin, &mut out);
        }
        for item in split_script(text) {
            let code = match item {
                ScriptItem::Statement { text: statement, offset } => {
                    self.run_statement(&statement, text, offset, origin, &mut out)?
                }
                ScriptItem::Meta { text: line, offset } => self.run_meta_line(&line, text, offset, origin, &mut out)?,
            };
            if code != EXIT_OK {
                return Ok(code);
            }
        }
        Ok(EXIT_OK)
    }

    /// `steppe run --single-transaction`: the whole script between a BEGIN and a COMMIT,
    /// so that it changes all or nothing. A failing statement rolls it back.
    fn run_in_one_transaction(&mut self, text: &str, origin: &str) -> anyhow::Result<u8> {
        let stdout = io::stdout();
        if let Err(err) = self.db.begin() {
            self.print_error(&err, text, origin, &mut stdout.lock())?;
            return Ok(EXIT_QUERY);
        }
        let code = self.run_text(text, origin, false)?;
        if code != EXIT_OK {
            // A failing meta line leaves the transaction open: nothing of it is kept either.
            if self.db.in_transaction() && self.db.rollback().is_ok() {
                report("the script failed: its transaction was rolled back, nothing of it was kept");
            }
            return Ok(code);
        }
        if !self.db.in_transaction() {
            // The script ended the transaction itself (its own COMMIT or ROLLBACK).
            return Ok(EXIT_OK);
        }
        match self.db.commit() {
            Ok(()) => Ok(EXIT_OK),
            Err(err) => {
                self.print_error(&err, text, origin, &mut stdout.lock())?;
                Ok(EXIT_QUERY)
            }
        }
    }

    /// Runs one statement found at `offset` in `source`; prints the result or the error.
    pub fn run_statement(
        &mut self,
        statement: &str,
        source: &str,
        offset: usize,
        origin: &str,
        out: &mut dyn Write,
    ) -> anyhow::Result<u8> {
        match self.execute(statement) {
            Ok(result) => {
                let options = WriteOptions {
                    timing: self.timing,
                    max_rows: self.max_rows,
                    more_rows_hint: self.more_rows_hint,
                    elapsed: self.show_elapsed,
                    ..WriteOptions::default()
                };
                write_result(self.format, &result, options, out)?;
                if result.evidence.is_some() && self.format != OutputFormat::Json {
                    steppe::format::evidence::write_text(&result, out)?;
                }
                out.flush()?;
                self.last = Some((statement.to_string(), result.stats.contains_updates()));
                if self.format != OutputFormat::Json {
                    // Hints go beside the result, where they cannot be mistaken for rows.
                    let mut stderr = io::stderr().lock();
                    for notification in &result.notifications {
                        writeln!(stderr, "hint: {}", notification.message)?;
                    }
                }
                Ok(EXIT_OK)
            }
            Err(err) => {
                let err = err.shifted(offset);
                self.print_error(&err, source, origin, out)?;
                // A statement that fails, for whatever reason (a full disk included), is a
                // failed query; 2 is kept for the command line and the files it names.
                Ok(EXIT_QUERY)
            }
        }
    }

    /// Executes one statement. With `--db` the database journals it before returning;
    /// an in-memory graph notes that it has unsaved changes.
    pub fn execute(&mut self, statement: &str) -> Result<QueryResult, Error> {
        // A Ctrl-C pressed before this statement began is not meant for it.
        if let Some(interrupt) = &self.stop.interrupt {
            interrupt.clear();
        }
        let result = self.db.execute_with(statement, &self.params, &self.stop);
        report_warnings(&mut self.db);
        let result = result?;
        if result.stats.contains_updates() && self.db.path().is_none() {
            self.unsaved = true;
        }
        Ok(result)
    }

    pub fn print_error(&self, err: &Error, source: &str, origin: &str, out: &mut dyn Write) -> io::Result<()> {
        if self.format == OutputFormat::Json {
            steppe::format::write_error(OutputFormat::Json, err, source, out)?;
            return out.flush();
        }
        let text = render::render_error(err, source, origin, self.color());
        let stderr = io::stderr();
        let mut stderr = stderr.lock();
        if err.code == steppe::ErrorCode::QueryCancelled && stderr.is_terminal() {
            // The terminal has echoed `^C` where the cursor was.
            writeln!(stderr)?;
        }
        write!(stderr, "{text}")
    }

    /// A `:` line in a script: only the ones that make sense without a terminal.
    fn run_meta_line(
        &mut self,
        line: &str,
        source: &str,
        offset: usize,
        origin: &str,
        out: &mut dyn Write,
    ) -> anyhow::Result<u8> {
        let span = steppe::span::Span::new(offset, offset + line.len());
        let fail = |message: String| Error::at(steppe::ErrorCode::UnexpectedSyntax, span, message);
        let outcome = match meta::parse_meta(line) {
            Ok(MetaCommand::Param { name, literal }) => eval_literal(&literal).map(|v| {
                self.params.insert(name, v);
            }),
            Ok(MetaCommand::Format(Some(f))) => {
                OutputFormat::parse(&f).map(|f| self.format = f).ok_or(format!("unknown format `{f}`"))
            }
            Ok(MetaCommand::Timing(Some(on))) => {
                self.timing = on;
                Ok(())
            }
            Ok(MetaCommand::Transaction(statement)) => {
                // Run as the statement it names, so that errors point at the meta line.
                return self.run_statement(statement, source, offset, origin, out);
            }
            Ok(other) => Err(format!("{other:?} is a shell command; it cannot run in a script")),
            Err(message) => Err(message),
        };
        match outcome {
            Ok(()) => Ok(EXIT_OK),
            Err(message) => {
                self.print_error(&fail(message), source, origin, out)?;
                Ok(EXIT_QUERY)
            }
        }
    }

    /// `steppe export`: the whole graph, or what `query` returns, to `output` or stdout.
    fn export(&mut self, request: export::Request<'_>) -> anyhow::Result<u8> {
        export::run(self, request)
    }

    /// `steppe check`: parse and check every statement against the schema.
    fn check(&self, text: &str, origin: &str) -> u8 {
        match self.db.check_script(text, &self.params) {
            Ok(_) => EXIT_OK,
            Err(err) => {
                let _ = self.print_error(&err, text, origin, &mut io::stdout());
                EXIT_QUERY
            }
        }
    }
}
