//! Planning time (issue 15: under 1 ms for patterns of up to 8 nodes): chains, stars and
//! cycles of 2 to 8 nodes, each node labelled and one of them filtered by `id`, planned
//! over a typed graph (declared keys) and over the same graph without a schema, with the
//! statistics already sampled. Prints a table of the median and the worst time of one
//! `planner::plan` call (binding and parsing are not counted).
//!
//! `cargo run --release --example plan_time [-- RUNS]` (RUNS plans per shape, default 200).

// A command-line tool: it reports on its standard streams.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::process::ExitCode;
use std::time::Instant;

use steppe::binder::{self, bound, Params, SchemaView};
use steppe::{planner, Database};

const LABELS: [&str; 4] = ["A", "B", "C", "D"];
const TYPES: [&str; 3] = ["R", "S", "T"];

/// Every label a node type with a key; every type allowed between any two labels.
fn schema() -> String {
    let mut text = String::new();
    for label in LABELS {
        text.push_str(&format!("CREATE NODE TYPE {label} (id INTEGER KEY, v INTEGER);\n"));
    }
    let pairs: Vec<String> = LABELS.iter().flat_map(|a| LABELS.iter().map(move |b| format!("{a} -> {b}"))).collect();
    for ty in TYPES {
        text.push_str(&format!("CREATE RELATIONSHIP TYPE {ty} ({}, w INTEGER);\n", pairs.join(", ")));
    }
    text
}

/// 2,000 nodes per label (ids and `v` values), 6,000 relationships of each type from each
/// label to the next, with skewed starts.
fn graph(schema: &str) -> Result<Database, String> {
    let mut db = Database::empty();
    let mut script = String::from(schema);
    for label in LABELS {
        script.push_str(&format!("UNWIND range(1, 2000) AS i CREATE (:{label} {{id: i, v: i % 50}});\n"));
    }
    for (k, ty) in TYPES.iter().enumerate() {
        for (i, from) in LABELS.iter().enumerate() {
            let to = LABELS[(i + 1) % LABELS.len()];
            script.push_str(&format!(
                "UNWIND range(1, 6000) AS i \
                 MATCH (a:{from} {{id: 1 + (i * i + {k}) % 2000}}), (b:{to} {{id: 1 + (i * 7 + {k}) % 2000}}) \
                 CREATE (a)-[:{ty} {{w: i % 10}}]->(b);\n"
            ));
        }
    }
    db.execute_script(&script, &Params::new()).map_err(|e| e.message)?;
    Ok(db)
}

/// The label of node `i` of a chain: each type goes from a label to the next.
fn label(i: usize) -> &'static str {
    LABELS[i % LABELS.len()]
}

/// `(n0:A {id: 7})-[:R]->(n1:B)-[:S]->(n2:C)…`: a chain of `n` nodes, the first filtered.
fn chain(n: usize) -> String {
    let mut text = String::from("MATCH (n0:A {id: 7})");
    for i in 1..n {
        text.push_str(&format!("-[r{i}:{}]->(n{i}:{})", TYPES[i % TYPES.len()], label(i)));
    }
    text + " RETURN count(*)"
}

/// A centre with `n - 1` neighbours, each its own part: `(c:B)<-[:R]-(n1:A), (c)-[:S]->(n2:C), …`,
/// the last neighbour filtered.
fn star(n: usize) -> String {
    let parts: Vec<String> = (1..n)
        .map(|i| {
            let ty = TYPES[i % TYPES.len()];
            let filter = if i == n - 1 { " {id: 7}" } else { "" };
            match i % 2 {
                0 => format!("(c)-[r{i}:{ty}]->(n{i}:C{filter})"),
                _ => format!("(c)<-[r{i}:{ty}]-(n{i}:A{filter})"),
            }
        })
        .collect();
    format!("MATCH (c:B), {} RETURN count(*)", parts.join(", "))
}

/// A chain of `n` nodes whose last node is also its first: `(n0:A)-…->(n{n-1})-[]->(n0)`.
fn cycle(n: usize) -> String {
    let mut text = String::from("MATCH (n0:A)");
    for i in 1..n {
        text.push_str(&format!("-[r{i}:{}]->(n{i}:{})", TYPES[i % TYPES.len()], label(i)));
    }
    text + &format!("-[r0:R]->(n0) WHERE n{}.v = 3 RETURN count(*)", n / 2)
}

/// The text of a shape's query over a number of nodes.
type Shape = fn(usize) -> String;

fn bind(db: &Database, text: &str) -> Result<bound::Query, String> {
    let statement = steppe::parse_statement(text).map_err(|e| format!("{text}: {}", e.message))?;
    let view = SchemaView { schema: db.graph().schema(), catalog: db.graph().catalog() };
    match binder::bind(&statement, view, &Params::new()) {
        Ok(bound::Statement::Query(query)) => Ok(query),
        Ok(_) => Err(format!("{text}: not a query")),
        Err(e) => Err(format!("{text}: {}", e.message)),
    }
}

/// The median and the worst of `runs` plans of `text`, in microseconds.
fn time(db: &Database, text: &str, runs: usize) -> Result<(f64, f64), String> {
    let query = bind(db, text)?;
    // The statistics are sampled on the first plan after a change: not counted.
    planner::plan(&query, db.graph()).map_err(|e| e.message)?;
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let started = Instant::now();
            let plan = planner::plan(&query, db.graph());
            let micros = started.elapsed().as_secs_f64() * 1e6;
            std::hint::black_box(plan).map(|_| micros).map_err(|e| e.message)
        })
        .collect::<Result<_, _>>()?;
    times.sort_by(f64::total_cmp);
    Ok((times[times.len() / 2], times[times.len() - 1]))
}

fn main() -> ExitCode {
    let runs = std::env::args().nth(1).and_then(|r| r.parse().ok()).unwrap_or(200usize).max(1);
    let graphs = match (graph(&schema()), graph("")) {
        (Ok(typed), Ok(open)) => [("typed", typed), ("schemaless", open)],
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("plan_time: {e}");
            return ExitCode::FAILURE;
        }
    };
    println!("planning time, µs per plan (median / worst of {runs}), statistics already sampled");
    println!("{:<8} {:>5} {:>22} {:>22}", "shape", "nodes", "typed", "schemaless");
    let shapes: [(&str, Shape); 3] = [("chain", chain), ("star", star), ("cycle", cycle)];
    for (name, shape) in shapes {
        for n in 2..=8 {
            let text = shape(n);
            let mut cells = Vec::new();
            for (_, db) in &graphs {
                match time(db, &text, runs) {
                    Ok((median, worst)) => cells.push(format!("{median:>9.1} / {worst:>9.1}")),
                    Err(e) => {
                        eprintln!("plan_time: {e}");
                        return ExitCode::FAILURE;
                    }
                }
            }
            println!("{name:<8} {n:>5} {:>22} {:>22}", cells[0], cells[1]);
        }
    }
    ExitCode::SUCCESS
}
