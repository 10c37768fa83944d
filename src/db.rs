//! The facade: [`Database`] runs statements against a graph. The CLI, the tests and the
//! examples all go through it.
//!
//! One statement is one transaction: it is parsed, bound against the schema, planned and
//! executed inside a `Txn`; if any stage fails the graph is left exactly as it was.
//!
//! A database opened from a file is durable (`store::durable`): each write statement's
//! changes reach the journal, fsync'd, inside its commit, and a statement whose record
//! cannot be written is undone.

use std::path::Path;
use std::time::Instant;

use crate::binder::{self, bound, Params, SchemaView};
use crate::error::{Error, ErrorCode, Result};
use crate::exec::{self, Cancel, ExecOptions, Profile};
use crate::limits::Limits;
use crate::planner::{self, LogicalOp};
use crate::result::{Entities, QueryResult, Timing};
use crate::store::durable::{self, Durable, DurableOptions};
use crate::store::{
    snapshot, Committed, Constraint, ConstraintScope, EndpointLabels, Graph, NodeType, PropertyDef, RelType, Stats,
    Txn, TxnLog,
};
use crate::syntax::ast::ExecMode;
use crate::syntax::{self, ScriptItem};

/// A graph and the means to query it.
///
/// ```
/// use steppe::{Database, Params, Value};
/// let mut db = Database::empty();
/// db.execute("CREATE (:Country {name: 'Armenia'}), (:Country {name: 'Belarus'})", &Params::new()).unwrap();
/// let result = db.execute("MATCH (c:Country) RETURN count(c) AS n", &Params::new()).unwrap();
/// assert_eq!(result.rows, vec![vec![Value::Int(2)]]);
/// ```
#[derive(Debug, Default)]
pub struct Database {
    graph: Graph,
    /// The files behind a database opened with [`Database::open`]; `None` in memory.
    durable: Option<Durable>,
    limits: Limits,
    /// How the planner chooses (a forced start, for cross-checking plans in tests).
    planner: planner::Options,
    /// Which optimizer passes run (all but in tests comparing answers without one).
    passes: planner::Passes,
    /// The explicit transaction open since BEGIN, if any (`db/transaction.rs`).
    txn: Option<TxnLog>,
}

/// A copy is an in-memory graph: the files, the lock and the journal stay with the original.
impl Clone for Database {
    fn clone(&self) -> Database {
        Database {
            graph: self.graph.clone(),
            durable: None,
            limits: self.limits,
            planner: self.planner,
            passes: self.passes,
            txn: self.txn.clone(),
        }
    }
}

impl Database {
    /// An empty, open graph (no schema): any label, type and property is accepted.
    pub fn empty() -> Database {
        Database::from_graph(Graph::new())
    }

    /// The CSTO knowledge graph compiled into the binary.
    pub fn default_graph() -> Result<Database> {
        crate::default_graph::load()
    }

    /// Opens a database file for writing: its snapshot with the journal replayed, under
    /// an exclusive lock. Every write statement is on disk when it returns.
    pub fn open(path: &Path) -> Result<Database> {
        Database::open_with(path, &DurableOptions::default())
    }

    /// Opens a database file as `options` say: read-only (no lock, no writes), created
    /// when missing, checkpointed at some journal size.
    pub fn open_with(path: &Path, options: &DurableOptions) -> Result<Database> {
        let (graph, durable) = durable::open(path, options)?;
        Ok(Database {
            graph,
            durable: Some(durable),
            limits: Limits::default(),
            planner: planner::Options::default(),
            passes: planner::Passes::all(),
            txn: None,
        })
    }

    /// Writes the graph to a snapshot file, atomically. To the database's own file, this
    /// is a checkpoint. Another database file is replaced whole, under its lock, and its
    /// journal removed (it described the graph that was there).
    pub fn save(&mut self, path: &Path) -> Result<()> {
        self.refuse_in_transaction("save the graph")?;
        if let Some(durable) = &mut self.durable {
            if same_file(durable.path(), path) {
                if durable.is_read_only() {
                    return Err(Error::new(
                        ErrorCode::ReadOnlyDatabase,
                        format!("{} is open read-only; save to another file", path.display()),
                    ));
                }
                return durable.checkpoint(&self.graph);
            }
        }
        let journal = durable::journal_path(path);
        if !journal.exists() {
            return snapshot::save(&self.graph, path);
        }
        let _lock = crate::store::durable::lock_for_replacing(path)?;
        snapshot::save(&self.graph, path)?;
        std::fs::remove_file(&journal)
            .map_err(|e| Error::new(ErrorCode::FileWrite, e.to_string()).in_file(journal.display().to_string()))
    }

    /// Makes the snapshot hold every statement so far and empties the journal (the
    /// shell's `:save` with no file, and its exit). In memory or read-only: nothing to do.
    pub fn checkpoint(&mut self) -> Result<()> {
        self.refuse_in_transaction("checkpoint")?;
        match &mut self.durable {
            Some(durable) => durable.checkpoint(&self.graph),
            None => Ok(()),
        }
    }

    /// Runs a bulk load (`steppe import`) on the graph itself, bypassing statements and
    /// their journal, then rewrites the snapshot so that it holds what was loaded. A load that
    /// fails must leave the graph as it found it (the store's `GraphBuilder` undoes itself
    /// when dropped unfinished); the files are then untouched.
    pub fn bulk_load<T>(&mut self, load: impl FnOnce(&mut Graph) -> Result<T>) -> Result<T> {
        if self.is_read_only() {
            return Err(Error::new(ErrorCode::ReadOnlyDatabase, "the database is open read-only; nothing was loaded"));
        }
        self.refuse_in_transaction("bulk load")?;
        let loaded = load(&mut self.graph)?;
        if let Some(durable) = &mut self.durable {
            durable.rewrite_snapshot(&self.graph)?;
        }
        Ok(loaded)
    }

    /// Puts another file behind the journal: tests simulate a full or failing disk.
    #[cfg(test)]
    pub(crate) fn replace_journal_file(&mut self, file: Box<dyn crate::store::journal::JournalFile>) -> Result<()> {
        match &mut self.durable {
            Some(durable) => durable.replace_journal_file(file),
            None => Ok(()),
        }
    }

    /// The database file, for a durable database.
    pub fn path(&self) -> Option<&Path> {
        self.durable.as_ref().map(|d| d.path())
    }

    /// Whether writes are refused: a database file opened read-only.
    pub fn is_read_only(&self) -> bool {
        self.durable.as_ref().is_some_and(|d| d.is_read_only())
    }

    /// What went wrong without failing anything (a torn journal record dropped at open,
    /// an automatic checkpoint that failed), since the last call; for the user to read.
    pub fn take_warnings(&mut self) -> Vec<String> {
        self.durable.as_mut().map(|d| d.take_warnings()).unwrap_or_default()
    }

    pub fn graph(&self) -> &Graph {
        &self.graph
    }

    pub fn from_graph(graph: Graph) -> Database {
        Database { graph, ..Database::default() }
    }

    /// What one statement may do: rows, path lengths, nesting.
    pub fn limits(&self) -> Limits {
        self.limits
    }

    pub fn set_limits(&mut self, limits: Limits) {
        self.limits = limits;
    }

    /// Changes how the planner chooses plans: the default is by estimated cost.
    pub fn set_planner_options(&mut self, options: planner::Options) {
        self.planner = options;
    }

    /// Changes which optimizer passes run (`planner::PASSES`): all by default.
    pub fn set_planner_passes(&mut self, passes: planner::Passes) {
        self.passes = passes;
    }

    /// Runs one statement. Errors carry spans relative to `text`.
    pub fn execute(&mut self, text: &str, params: &Params) -> Result<QueryResult> {
        self.execute_with(text, params, &ExecOptions::default())
    }

    /// Runs one statement that may be stopped before it ends: by `options.interrupt`
    /// (another thread raises it, as the shell's Ctrl-C handler does) or when it has run
    /// longer than `options.timeout`. A stopped statement fails with `QueryCancelled` or
    /// `QueryTimedOut` and, like any failing statement, changes nothing.
    pub fn execute_with(&mut self, text: &str, params: &Params, options: &ExecOptions) -> Result<QueryResult> {
        let in_transaction = self.in_transaction();
        let result = self.execute_stoppable(text, params, options).map_err(|e| match e.code {
            // Stopped from outside: the statement as a whole is what was stopped, so that
            // in a script the error says which one. Where the check happened to fire (a
            // list being built, a scan) depends on the machine's speed, so it is not kept.
            ErrorCode::QueryCancelled | ErrorCode::QueryTimedOut => e.with_span(statement_span(text)),
            // The expression that grew too large, where known, is the useful position.
            ErrorCode::MemoryLimitExceeded => e.or_span(statement_span(text)),
            _ => e,
        });
        let result = match result {
            Err(e) if in_transaction && transaction::ends_transaction(&e) => Err(self.abandon_transaction(e)),
            other => other,
        }?;
        // A checkpoint would write a transaction's uncommitted changes into the snapshot.
        if let (Some(durable), None) = (&mut self.durable, &self.txn) {
            durable.after_statement(&self.graph);
        }
        Ok(result)
    }

    fn execute_stoppable(&mut self, text: &str, params: &Params, options: &ExecOptions) -> Result<QueryResult> {
        if needs_large_stack(text) {
            return on_large_stack(|| self.execute_pipeline(text, params, options));
        }
        self.execute_pipeline(text, params, options)
    }

    fn execute_pipeline(&mut self, text: &str, params: &Params, options: &ExecOptions) -> Result<QueryResult> {
        let started = Instant::now();
        if self.limits.max_nesting < syntax::MAX_NESTING {
            syntax::check_nesting_within(text, self.limits.max_nesting)?;
        }
        let statement = syntax::parse_statement(text)?;
        let parsed = Instant::now();
        let view = SchemaView { schema: self.graph.schema(), catalog: self.graph.catalog() };
        let bound = binder::bind(&statement, view, params)?;
        if matches!(bound, bound::Statement::DefineNodeType(_) | bound::Statement::DefineRelType(_)) {
            self.refuse_schema_in_transaction(statement.span)?;
        }
        match bound {
            bound::Statement::Query(query) => {
                let mut result = self.run_query(&query, statement.mode, options, started, parsed)?;
                if result.rows.is_empty() && !result.plan_only && !result.columns.is_empty() {
                    result.notifications = crate::name_hint::unmatched_names(&statement, &self.graph);
                }
                Ok(result)
            }
            bound::Statement::DefineNodeType(decl) => self.define_node_type(decl),
            bound::Statement::DefineRelType(decl) => self.define_rel_type(decl),
            bound::Statement::CreateIndex(decl) => self.create_index(decl),
            bound::Statement::DropIndex { name, if_exists, span } => self.drop_index(&name, if_exists, span),
            bound::Statement::Transaction(command) => self.run_transaction_command(command),
            bound::Statement::CreateConstraint(decl) => self.create_constraint(decl),
            bound::Statement::DropConstraint(decl) => self.drop_constraint(decl),
        }
    }

    /// Parses and checks a statement against the schema without running it.
    pub fn check(&self, text: &str, params: &Params) -> Result<()> {
        if needs_large_stack(text) {
            let (graph, options) = (&self.graph, self.planner);
            return on_large_stack(|| check_statement(graph, options, text, params));
        }
        check_statement(&self.graph, self.planner, text, params)
    }

    /// Checks every statement of a script without running it: each is parsed and bound
    /// against the schema as the statements before it leave it (schema statements are
    /// applied to a data-free copy). Returns how many statements were checked.
    pub fn check_script(&self, script: &str, params: &Params) -> Result<usize> {
        let mut scratch = Database::from_graph(self.graph.schema_only());
        let mut n = 0;
        for item in syntax::split_script(script) {
            let ScriptItem::Statement { text, offset } = item else {
                continue;
            };
            let statement = syntax::parse_statement(&text).map_err(|e| e.shifted(offset))?;
            use crate::syntax::ast::StatementKind;
            if matches!(statement.kind, StatementKind::Query(_) | StatementKind::Transaction(_)) {
                scratch.check(&text, params).map_err(|e| e.shifted(offset))?;
            } else {
                scratch.execute(&text, params).map_err(|e| e.shifted(offset))?;
            }
            n += 1;
        }
        Ok(n)
    }

    /// Runs every statement of a script in order, stopping at the first failure.
    /// Errors carry spans relative to the whole script. Meta-command lines are refused:
    /// they belong to the shell.
    pub fn execute_script(&mut self, script: &str, params: &Params) -> Result<Vec<QueryResult>> {
        let mut results = Vec::new();
        for item in syntax::split_script(script) {
            match item {
                ScriptItem::Statement { text, offset } => {
                    results.push(self.execute(&text, params).map_err(|e| e.shifted(offset))?);
                }
                ScriptItem::Meta { text, offset } => {
                    let span = crate::span::Span::new(offset, offset + text.len());
                    return Err(Error::at(
                        ErrorCode::UnexpectedSyntax,
                        span,
                        format!("meta-command `{text}` is not a statement"),
                    ));
                }
            }
        }
        Ok(results)
    }

    fn run_query(
        &mut self,
        query: &bound::Query,
        mode: ExecMode,
        options: &ExecOptions,
        started: Instant,
        parsed: Instant,
    ) -> Result<QueryResult> {
        let plan = planner::plan_with_passes(query, &self.graph, self.planner, self.passes)?;
        if plan.depth() > self.limits.max_plan_depth {
            return Err(Error::new(
                ErrorCode::NestingTooDeep,
                format!("the query needs more than {} operators in a row", self.limits.max_plan_depth),
            )
            .with_hint("split it into several statements"));
        }
        let planned = Instant::now();
        let width = query.parts.iter().map(|p| p.n_slots).max().unwrap_or(0);
        if mode == ExecMode::Explain {
            return Ok(QueryResult {
                columns: query.columns.clone(),
                plan: Some(planner::explain(&plan, &planner::SlotNames::of(query), &self.graph)),
                plan_only: true,
                timing: Timing { parse: parsed - started, plan: planned - parsed, ..Timing::default() },
                ..QueryResult::default()
            });
        }
        self.refuse_batches_in_transaction(query)?;
        let profiling = mode == ExecMode::Profile;
        let stop = Stop { options, started };
        let open = self.txn.take();
        let (mut rows, stats, profile, open, mut evidence) =
            run_plan(&mut self.graph, &mut self.durable, open, &plan, (width, self.limits), profiling, stop)?;
        self.txn = open;
        if query.columns.is_empty() {
            // A statement without RETURN produces no rows, only side effects.
            rows.clear();
            evidence = evidence.map(|_| Vec::new());
        }
        let mut entities = Entities::collect(&rows, &self.graph);
        if let Some(evidence) = &evidence {
            entities.extend(evidence, &self.graph);
        }
        let executed = Instant::now();
        Ok(QueryResult {
            columns: query.columns.clone(),
            rows,
            stats,
            entities,
            plan: profile.map(|p| render_profile(&plan, query, &self.graph, &p)),
            plan_only: false,
            timing: Timing { parse: parsed - started, plan: planned - parsed, execute: executed - planned },
            notifications: Vec::new(),
            evidence,
        })
    }

    fn define_node_type(&mut self, decl: bound::NodeTypeDecl) -> Result<QueryResult> {
        let durable = &mut self.durable;
        let mut txn = Txn::new(&mut self.graph);
        txn.set_origin(decl.span);
        let label = txn.label_for_definition(&decl.label);
        let properties = decl
            .properties
            .iter()
            .map(|p| PropertyDef { key: txn.prop_key(&p.key), ty: p.ty.clone(), required: p.required })
            .collect();
        let key = decl.key.as_ref().map(|k| txn.prop_key(k));
        txn.define_node_type(NodeType { label, properties, key })?;
        commit_ddl(txn, durable)
    }

    fn define_rel_type(&mut self, decl: bound::RelTypeDecl) -> Result<QueryResult> {
        let durable = &mut self.durable;
        let mut txn = Txn::new(&mut self.graph);
        txn.set_origin(decl.span);
        let rel_type = txn.rel_type_for_definition(&decl.name);
        let side = |txn: &mut Txn<'_>, labels: &Option<Vec<std::sync::Arc<str>>>| match labels {
            None => EndpointLabels::Any,
            Some(names) => EndpointLabels::OneOf(names.iter().map(|n| txn.label_for_definition(n)).collect()),
        };
        let endpoints = decl.endpoints.iter().map(|(a, b)| (side(&mut txn, a), side(&mut txn, b))).collect();
        let properties = decl
            .properties
            .iter()
            .map(|p| PropertyDef { key: txn.prop_key(&p.key), ty: p.ty.clone(), required: p.required })
            .collect();
        txn.define_rel_type(RelType { rel_type, endpoints, properties })?;
        commit_ddl(txn, durable)
    }
}

impl Database {
    fn create_constraint(&mut self, decl: bound::ConstraintDecl) -> Result<QueryResult> {
        let durable = &mut self.durable;
        let mut txn = Txn::new(&mut self.graph);
        txn.set_origin(decl.span);
        let scope = match decl.on_rels {
            true => ConstraintScope::Rel(txn.rel_type_for_definition(&decl.target)),
            false => ConstraintScope::Node(txn.label_for_definition(&decl.target)),
        };
        let keys = decl.keys.iter().map(|k| txn.prop_key(k)).collect();
        let name = decl.name.unwrap_or_else(|| "".into());
        txn.create_constraint(Constraint { name, scope, keys, kind: decl.kind }, decl.if_not_exists)?;
        commit_ddl(txn, durable)
    }

    fn drop_constraint(&mut self, decl: bound::DropConstraintDecl) -> Result<QueryResult> {
        let durable = &mut self.durable;
        let mut txn = Txn::new(&mut self.graph);
        if !txn.drop_constraint(&decl.name) && !decl.if_exists {
            return Err(Error::at(
                ErrorCode::ConstraintNotFound,
                decl.span,
                format!("Unable to drop constraint `{}`: No such constraint {}.", decl.name, decl.name),
            ));
        }
        commit_ddl(txn, durable)
    }
}

/// Parses, binds and plans one statement against `graph`'s schema, running nothing.
fn check_statement(graph: &Graph, options: planner::Options, text: &str, params: &Params) -> Result<()> {
    let statement = syntax::parse_statement(text)?;
    let view = SchemaView { schema: graph.schema(), catalog: graph.catalog() };
    match binder::bind(&statement, view, params) {
        // A parameter that only gets its value at run time is not an error here.
        Err(e) if e.code == ErrorCode::ParameterMissing => Ok(()),
        Err(e) => Err(e),
        Ok(bound::Statement::Query(query)) => planner::plan_with(&query, graph, options).map(|_| ()),
        Ok(_) => Ok(()),
    }
}

/// Statement texts longer than this, or nesting deeper than [`DEEP_TEXT_NESTING`], are
/// parsed, bound, planned and run on a thread with a large stack: each stage walks the
/// tree recursively, and a tree within the limits (`syntax::MAX_NESTING`, the parser's
/// `MAX_EXPR_DEPTH`) may still be deeper than the caller's stack holds (a test thread
/// has 2 MiB). Short, shallow statements (nearly all) run where they are.
const LONG_TEXT: usize = 2048;
const DEEP_TEXT_NESTING: usize = 12;

fn needs_large_stack(text: &str) -> bool {
    text.len() > LONG_TEXT || syntax::nesting_depth(text) > DEEP_TEXT_NESTING
}

/// Runs `work` on a scoped thread with a large stack (reserved, not committed: only the
/// pages a deep statement touches are used).
fn on_large_stack<T: Send>(work: impl FnOnce() -> Result<T> + Send) -> Result<T> {
    std::thread::scope(|scope| {
        let worker = std::thread::Builder::new()
            .name("steppe-deep-statement".into())
            .stack_size(DEEP_PLAN_STACK)
            .spawn_scoped(scope, work)
            .map_err(|e| Error::internal(format!("cannot start a thread for a deep statement: {e}")))?;
        worker.join().unwrap_or_else(|_| Err(Error::internal("the thread running a deep statement failed")))
    })
}

/// Plans deeper than this run on a thread of their own with a large stack.
const DEEP_PLAN: usize = 48;

/// The stack of that thread: operators pull rows through their inputs recursively, and a
/// plan may be up to `planner::MAX_PLAN_DEPTH` operators deep.
const DEEP_PLAN_STACK: usize = 512 << 20;

/// The rows, the statement's stats, its profile, the explicit transaction it ran in
/// (handed back for the next statement), and each row's evidence when asked for.
type Executed =
    (Vec<Vec<crate::value::Value>>, Stats, Option<Profile>, Option<TxnLog>, Option<Vec<Vec<crate::value::Value>>>);

/// What may stop a statement, and when it started (its time limit counts from then).
#[derive(Clone, Copy)]
struct Stop<'o> {
    options: &'o ExecOptions,
    started: Instant,
}

/// Executes `plan` in one transaction and commits it, or, inside an explicit transaction
/// (`open`), as its next statement, handing its log back. A failure undoes the statement,
/// and with it the explicit transaction. A deep plan (many clauses) runs on a scoped
/// thread with a large stack, so that it cannot overflow the caller's; the interrupt
/// flag and the time limit go with it.
fn run_plan(
    graph: &mut Graph,
    durable: &mut Option<Durable>,
    open: Option<TxnLog>,
    plan: &LogicalOp,
    (width, limits): (usize, Limits),
    profiling: bool,
    stop: Stop<'_>,
) -> Result<Executed> {
    let run = |graph: &mut Graph| -> Result<Executed> {
        let mut profile = profiling.then(Profile::default);
        let cancel = Cancel::new(stop.options, stop.started);
        let read_only = durable.as_ref().is_some_and(Durable::is_read_only);
        let settings = exec::RunSettings {
            width,
            cancel: &cancel,
            limits,
            import_dir: stop.options.import_dir.clone(),
            read_only,
        };
        let mut evidence = stop.options.evidence.then(Vec::new);
        let Some(log) = open else {
            // `CALL { … } IN TRANSACTIONS` commits each batch through the same journal.
            let mut txn = Txn::new(graph).with_part_hook(Box::new(|c| journal_commit(durable, c)));
            let rows = exec::execute(plan, &mut txn, settings, profile.as_mut(), evidence.as_mut())?;
            let (stats, _changes) = txn.commit_parts_and_rest()?;
            return Ok((rows, stats, profile, None, evidence));
        };
        let mut txn = Txn::resume(graph, log);
        let rows = exec::execute(plan, &mut txn, settings, profile.as_mut(), evidence.as_mut())?;
        let (stats, log) = txn.suspend_with(|c| transaction::refuse_if_read_only(durable, c))?;
        Ok((rows, stats, profile, Some(log), evidence))
    };
    if plan.depth() <= DEEP_PLAN {
        return run(graph);
    }
    std::thread::scope(|scope| {
        let worker = std::thread::Builder::new()
            .name("steppe-deep-plan".into())
            .stack_size(DEEP_PLAN_STACK)
            .spawn_scoped(scope, move || run(graph))
            .map_err(|e| Error::internal(format!("cannot start a thread for a deep plan: {e}")))?;
        worker.join().unwrap_or_else(|_| Err(Error::internal("the thread running a deep plan failed")))
    })
}

/// The commit hook of every statement: a durable database journals it.
fn journal_commit(durable: &mut Option<Durable>, committed: &Committed<'_>) -> Result<()> {
    match durable {
        Some(durable) => durable.record(committed),
        None => Ok(()),
    }
}

/// Whether two paths name the same file (both must exist to be the same).
fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

fn commit_ddl(txn: Txn<'_>, durable: &mut Option<Durable>) -> Result<QueryResult> {
    let (stats, _changes): (Stats, _) = txn.commit_with(|c| journal_commit(durable, c))?;
    Ok(QueryResult { stats, ..QueryResult::default() })
}

/// PROFILE's text: the plan with each operator's estimated and actual rows, time and
/// peak memory.
fn render_profile(plan: &LogicalOp, query: &bound::Query, graph: &Graph, profile: &Profile) -> String {
    let measured: Vec<planner::Measured> = profile
        .counts
        .iter()
        .enumerate()
        .map(|(i, (rows, time))| planner::Measured {
            rows: *rows,
            millis: time.as_secs_f64() * 1000.0,
            memory: profile.memory.get(i).copied().unwrap_or(0),
            threads: profile.threads.get(i).copied().unwrap_or(1),
        })
        .collect();
    planner::profile(plan, &planner::SlotNames::of(query), graph, &measured)
}

mod indexes;
mod transaction;

/// The span of a statement's text without its surrounding blanks.
fn statement_span(text: &str) -> crate::span::Span {
    let start = text.len() - text.trim_start().len();
    crate::span::Span::new(start, text.trim_end().len().max(start))
}

#[cfg(test)]
mod tests;
