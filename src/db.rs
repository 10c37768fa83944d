//! The facade: [`Database`] runs statements against a graph. The CLI, the tests and the
//! examples all go through it.
//!
//! One statement is one transaction: it is parsed, bound against the schema, planned and
//! executed inside a `Txn`; if any stage fails the graph is left exactly as it was.

use std::path::Path;
use std::time::Instant;

use crate::binder::{self, bound, Params, SchemaView};
use crate::error::{Error, ErrorCode, Result};
use crate::exec::{self, Cancel, ExecOptions, Profile};
use crate::planner::{self, LogicalOp};
use crate::result::{Entities, QueryResult, Timing};
use crate::store::{snapshot, EndpointLabels, Graph, NodeType, PropertyDef, RelType, Stats, Txn};
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
#[derive(Debug, Clone, Default)]
pub struct Database {
    graph: Graph,
}

impl Database {
    /// An empty, open graph (no schema): any label, type and property is accepted.
    pub fn empty() -> Database {
        Database { graph: Graph::new() }
    }

    /// The CSTO knowledge graph compiled into the binary.
    pub fn default_graph() -> Result<Database> {
        crate::default_graph::load()
    }

    /// A graph read from a snapshot file.
    pub fn open(path: &Path) -> Result<Database> {
        Ok(Database { graph: snapshot::load(path)? })
    }

    /// Writes the graph to a snapshot file, atomically.
    pub fn save(&self, path: &Path) -> Result<()> {
        snapshot::save(&self.graph, path)
    }

    pub fn graph(&self) -> &Graph {
        &self.graph
    }

    pub fn from_graph(graph: Graph) -> Database {
        Database { graph }
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
        self.execute_stoppable(text, params, options).map_err(|e| match e.code {
            // Stopped from outside: the statement as a whole is what was stopped, so that
            // in a script the error says which one.
            ErrorCode::QueryCancelled | ErrorCode::QueryTimedOut => {
                let start = text.len() - text.trim_start().len();
                e.or_span(crate::span::Span::new(start, text.trim_end().len().max(start)))
            }
            _ => e,
        })
    }

    fn execute_stoppable(&mut self, text: &str, params: &Params, options: &ExecOptions) -> Result<QueryResult> {
        let started = Instant::now();
        let statement = syntax::parse_statement(text)?;
        let parsed = Instant::now();
        let view = SchemaView { schema: self.graph.schema(), catalog: self.graph.catalog() };
        let bound = binder::bind(&statement, view, params)?;
        match bound {
            bound::Statement::Query(query) => self.run_query(&query, statement.mode, options, started, parsed),
            bound::Statement::DefineNodeType(decl) => self.define_node_type(decl),
            bound::Statement::DefineRelType(decl) => self.define_rel_type(decl),
        }
    }

    /// Parses and checks a statement against the schema without running it.
    pub fn check(&self, text: &str, params: &Params) -> Result<()> {
        let statement = syntax::parse_statement(text)?;
        let view = SchemaView { schema: self.graph.schema(), catalog: self.graph.catalog() };
        match binder::bind(&statement, view, params) {
            // A parameter that only gets its value at run time is not an error here.
            Err(e) if e.code == ErrorCode::ParameterMissing => Ok(()),
            Err(e) => Err(e),
            Ok(bound::Statement::Query(query)) => planner::plan(&query).map(|_| ()),
            Ok(_) => Ok(()),
        }
    }

    /// Checks every statement of a script without running it: each is parsed and bound
    /// against the schema as the statements before it leave it (schema statements are
    /// applied to a data-free copy). Returns how many statements were checked.
    pub fn check_script(&self, script: &str, params: &Params) -> Result<usize> {
        let mut scratch = Database { graph: self.graph.schema_only() };
        let mut n = 0;
        for item in syntax::split_script(script) {
            let ScriptItem::Statement { text, offset } = item else {
                continue;
            };
            let statement = syntax::parse_statement(&text).map_err(|e| e.shifted(offset))?;
            if matches!(statement.kind, crate::syntax::ast::StatementKind::Query(_)) {
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
        let plan = planner::plan(query)?;
        let planned = Instant::now();
        let width = query.parts.iter().map(|p| p.n_slots).max().unwrap_or(0);
        if mode == ExecMode::Explain {
            return Ok(QueryResult {
                columns: query.columns.clone(),
                plan: Some(plan.to_string()),
                plan_only: true,
                timing: Timing { parse: parsed - started, plan: planned - parsed, ..Timing::default() },
                ..QueryResult::default()
            });
        }
        let profiling = mode == ExecMode::Profile;
        let stop = Stop { options, started };
        let (mut rows, stats, profile) = run_plan(&mut self.graph, &plan, width, profiling, stop)?;
        if query.columns.is_empty() {
            // A statement without RETURN produces no rows, only side effects.
            rows.clear();
        }
        let entities = Entities::collect(&rows, &self.graph);
        let executed = Instant::now();
        Ok(QueryResult {
            columns: query.columns.clone(),
            rows,
            stats,
            entities,
            plan: profile.map(|p| render_profile(&plan, &p)),
            plan_only: false,
            timing: Timing { parse: parsed - started, plan: planned - parsed, execute: executed - planned },
        })
    }

    fn define_node_type(&mut self, decl: bound::NodeTypeDecl) -> Result<QueryResult> {
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
        commit_ddl(txn)
    }

    fn define_rel_type(&mut self, decl: bound::RelTypeDecl) -> Result<QueryResult> {
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
        commit_ddl(txn)
    }
}

/// Plans deeper than this run on a thread of their own with a large stack.
const DEEP_PLAN: usize = 48;

/// The stack of that thread: operators pull rows through their inputs recursively, and a
/// plan may be up to `planner::MAX_PLAN_DEPTH` operators deep.
const DEEP_PLAN_STACK: usize = 512 << 20;

type Executed = (Vec<Vec<crate::value::Value>>, Stats, Option<Profile>);

/// What may stop a statement, and when it started (its time limit counts from then).
#[derive(Clone, Copy)]
struct Stop<'o> {
    options: &'o ExecOptions,
    started: Instant,
}

/// Executes `plan` in one transaction and commits it. A deep plan (many clauses) runs on
/// a scoped thread with a large stack, so that it cannot overflow the caller's; the
/// interrupt flag and the time limit go with it.
fn run_plan(graph: &mut Graph, plan: &LogicalOp, width: usize, profiling: bool, stop: Stop<'_>) -> Result<Executed> {
    let run = |graph: &mut Graph| -> Result<Executed> {
        let mut profile = profiling.then(Profile::default);
        let cancel = Cancel::new(stop.options, stop.started);
        let mut txn = Txn::new(graph);
        let rows = exec::execute(plan, &mut txn, width, profile.as_mut(), &cancel)?;
        let (stats, _changes) = txn.commit()?;
        Ok((rows, stats, profile))
    };
    if plan.depth() <= DEEP_PLAN {
        return run(graph);
    }
    std::thread::scope(|scope| {
        let worker = std::thread::Builder::new()
            .name("steppe-deep-plan".into())
            .stack_size(DEEP_PLAN_STACK)
            .spawn_scoped(scope, || run(graph))
            .map_err(|e| Error::internal(format!("cannot start a thread for a deep plan: {e}")))?;
        worker.join().unwrap_or_else(|_| Err(Error::internal("the thread running a deep plan failed")))
    })
}

fn commit_ddl(txn: Txn<'_>) -> Result<QueryResult> {
    let (stats, _changes): (Stats, _) = txn.commit()?;
    Ok(QueryResult { stats, ..QueryResult::default() })
}

/// The plan with each operator's rows and time.
fn render_profile(plan: &LogicalOp, profile: &Profile) -> String {
    let mut index = 0;
    plan.render(&mut |_| {
        let note = match profile.counts.get(index) {
            Some((rows, time)) => format!("  (rows: {rows}, time: {:.3} ms)", time.as_secs_f64() * 1000.0),
            None => String::new(),
        };
        index += 1;
        note
    })
}
