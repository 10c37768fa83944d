//! The floor under `member_of_filtered`: the workload's query written as a loop over the
//! store's read API, with no parser, planner or executor, so that the time the executor
//! adds can be told apart from the time the store's reads take.
//!
//! `cargo run --release --example store_loop -- target/bench/steppe-M-42.snapshot [YEAR]`
//! (the snapshot the bench saves; YEAR is the manifest's `$year`, 2009 by default).

// A command-line tool: it reports on its standard streams.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::process::ExitCode;

use steppe::store::{snapshot, Direction, Graph};
use steppe::Value;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: store_loop SNAPSHOT [YEAR]");
        return ExitCode::from(2);
    };
    let year = args.next().and_then(|y| y.parse().ok()).unwrap_or(2009);
    let graph = match snapshot::load(std::path::Path::new(&path)) {
        Ok(graph) => graph,
        Err(e) => {
            eprintln!("store_loop: {}", e.message);
            return ExitCode::FAILURE;
        }
    };
    for _ in 0..5 {
        let started = std::time::Instant::now();
        match member_of_filtered(&graph, year) {
            Some(n) => println!("{n} rows in {:.1} ms", started.elapsed().as_secs_f64() * 1e3),
            None => {
                eprintln!("store_loop: the graph lacks the benchmark's labels, type or keys");
                return ExitCode::FAILURE;
            }
        }
    }
    ExitCode::SUCCESS
}

/// `MATCH (p:Person)-[m:MEMBER_OF]->(o:Organization) WHERE m.year >= $year AND
/// p.weight > 0.5 RETURN count(*)`, by hand.
fn member_of_filtered(graph: &Graph, year: i64) -> Option<u64> {
    let catalog = graph.catalog();
    let (person, organization) = (catalog.label("Person")?, catalog.label("Organization")?);
    let member_of = [catalog.rel_type("MEMBER_OF")?];
    let (weight, year_key) = (catalog.prop_key("weight")?, catalog.prop_key("year")?);
    let mut n = 0;
    for p in graph.nodes_with_label(person) {
        if !matches!(graph.node_property(p, weight), Some(Value::Float(w)) if w > 0.5) {
            continue;
        }
        for rel in graph.rels_of_types(p, Direction::Outgoing, Some(&member_of)) {
            let recent = matches!(graph.rel_property(rel.id, year_key), Some(Value::Int(y)) if y >= year);
            if recent && graph.node_has_label(rel.end, organization) {
                n += 1;
            }
        }
    }
    Some(n)
}
