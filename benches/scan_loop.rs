//! Times a few workload queries on a saved snapshot, for work on one operator: each
//! query `--runs` times after a warm-up, the median and the fastest printed, and its
//! PROFILE once. No import, no Kuzu: the bench (`steppe_bench`) is the reference.
//!
//! `cargo run --release --example scan_loop -- SNAPSHOT MANIFEST [--runs N] [--profile] [--start first|last|nojoin] NAME…`
//! where SNAPSHOT is one the bench saved (target/bench/steppe-S-42-workload2.snapshot),
//! MANIFEST the data's manifest.json (its `params`), and each NAME a `// @query` of
//! benches/workload2.cypher or benches/workload.cypher. `--start` forces each pattern
//! part's start at its first or last node (or plans by cost without hash joins), to
//! compare the planner's choice with the alternatives.

// A command-line tool: it reports on its standard streams.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::process::ExitCode;
use std::time::{Duration, Instant};

use steppe::store::snapshot;
use steppe::{Database, Params, Value};

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(problem) => {
            eprintln!("scan_loop: {problem}\nusage: scan_loop SNAPSHOT MANIFEST [--runs N] [--profile] [--start first|last|nojoin] NAME…");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let (Some(snapshot_path), Some(manifest)) = (args.next(), args.next()) else {
        return Err("missing arguments".into());
    };
    let (mut runs, mut profile, mut names) = (25usize, false, Vec::new());
    let mut options = steppe::planner::Options::Cost;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--runs" => runs = args.next().and_then(|n| n.parse().ok()).ok_or("--runs needs a number")?,
            "--profile" => profile = true,
            "--start" => {
                options = match args.next().as_deref() {
                    Some("first") => steppe::planner::Options::FirstNode,
                    Some("last") => steppe::planner::Options::LastNode,
                    Some("nojoin") => steppe::planner::Options::CostWithoutJoins,
                    _ => return Err("--start takes first, last or nojoin".into()),
                }
            }
            _ => names.push(arg),
        }
    }
    let params = params_of(&manifest)?;
    let queries = workload_queries()?;
    let graph = snapshot::load(std::path::Path::new(&snapshot_path)).map_err(|e| e.to_string())?;
    let mut db = Database::from_graph(graph);
    db.set_planner_options(options);
    for name in &names {
        let text = queries.iter().find(|(n, _)| n == name).map(|(_, q)| q.clone()).ok_or(format!("no query {name}"))?;
        let mut times: Vec<Duration> = Vec::with_capacity(runs);
        let mut answer = String::new();
        for round in 0..=runs {
            let started = Instant::now();
            let result = db.execute(&text, &params).map_err(|e| e.describe(""))?;
            if round > 0 {
                times.push(started.elapsed());
            }
            answer = format!("{:?}", result.rows);
        }
        times.sort();
        let ms = |d: Duration| d.as_secs_f64() * 1e3;
        println!("{name:<28} median {:8.3} ms  min {:8.3} ms  {answer}", ms(times[times.len() / 2]), ms(times[0]));
        if profile {
            let result = db.execute(&format!("PROFILE {text}"), &params).map_err(|e| e.describe(""))?;
            for line in result.plan.as_deref().unwrap_or("").lines() {
                println!("    {line}");
            }
        }
    }
    Ok(())
}

/// The manifest's integer parameters.
fn params_of(manifest: &str) -> Result<Params, String> {
    let text = std::fs::read_to_string(manifest).map_err(|e| format!("{manifest}: {e}"))?;
    let json: serde_json::Value = serde_json::from_str(&text).map_err(|e| format!("{manifest}: {e}"))?;
    let mut params = Params::new();
    for (key, value) in json["params"].as_object().into_iter().flatten() {
        if let Some(n) = value.as_i64() {
            params.insert(key.clone(), Value::Int(n));
        }
    }
    Ok(params)
}

/// (name, statement) of every `// @query` in both workload files.
fn workload_queries() -> Result<Vec<(String, String)>, String> {
    let mut queries: Vec<(String, String)> = Vec::new();
    for file in ["workload2", "workload"] {
        let path = format!("{}/benches/{file}.cypher", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?;
        for line in text.lines().map(str::trim) {
            if let Some(name) = line.strip_prefix("// @query ") {
                queries.push((name.trim().to_string(), String::new()));
            } else if let Some((_, q)) = queries.last_mut().filter(|_| !line.starts_with("//") && !line.is_empty()) {
                q.push_str(line.trim_end_matches(';'));
                q.push(' ');
            }
        }
    }
    Ok(queries)
}
