//! Times the queries of a file on a saved snapshot, for shapes outside the workloads
//! (issue 15's joins, estimates and path counts): each query `--runs` times after a
//! warm-up, the median and the fastest printed, and with `--profile` its PROFILE once
//! (estimated against actual rows).
//!
//! `cargo run --release --example query_loop -- SNAPSHOT QUERIES [--runs N] [--profile] [--explain] [--param k=v]… [--planner P]`
//! where QUERIES holds `// @query NAME` lines each followed by one statement; integer
//! parameters are given with `--param`; `--planner first-node|last-node|prefer-rel-scans|prefer-stored-folds`
//! plans by one of the planner's cross-check options instead of by cost (to time one plan
//! against another, as `SCAN_READ` in planner/rel_scan.rs was set); `--without PASS`
//! (repeatable) switches an optimizer pass off, to time a rewrite against the plan without it.

// A command-line tool: it reports on its standard streams.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::process::ExitCode;
use std::time::{Duration, Instant};

use steppe::planner::Options;
use steppe::store::snapshot;
use steppe::{Database, Params, Value};

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(problem) => {
            eprintln!(
                "query_loop: {problem}\nusage: query_loop SNAPSHOT QUERIES [--runs N] [--profile] [--explain] [--param k=v]…"
            );
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let (Some(snapshot_path), Some(file)) = (args.next(), args.next()) else {
        return Err("missing arguments".into());
    };
    let (mut runs, mut profile, mut params) = (11usize, false, Params::new());
    let mut explain = false;
    let mut planner = Options::Cost;
    let mut passes = steppe::planner::Passes::all();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--runs" => runs = args.next().and_then(|n| n.parse().ok()).ok_or("--runs needs a number")?,
            "--profile" => profile = true,
            "--explain" => explain = true,
            "--planner" => planner = planner_options(args.next().as_deref())?,
            "--without" => {
                let name = args.next().ok_or("--without needs a pass name")?;
                passes = passes.without(&name).ok_or(format!("no pass {name}"))?;
            }
            "--param" => {
                let pair = args.next().ok_or("--param needs k=v")?;
                let (k, v) = pair.split_once('=').ok_or("--param needs k=v")?;
                params.insert(k.to_string(), Value::Int(v.parse().map_err(|_| "an integer parameter")?));
            }
            other => return Err(format!("unknown argument {other}")),
        }
    }
    let text = std::fs::read_to_string(&file).map_err(|e| format!("{file}: {e}"))?;
    let mut queries: Vec<(String, String)> = Vec::new();
    for line in text.lines().map(str::trim) {
        if let Some(name) = line.strip_prefix("// @query ") {
            queries.push((name.trim().to_string(), String::new()));
        } else if let Some((_, q)) = queries.last_mut().filter(|_| !line.starts_with("//") && !line.is_empty()) {
            q.push_str(line.trim_end_matches(';'));
            q.push(' ');
        }
    }
    let graph = snapshot::load(std::path::Path::new(&snapshot_path)).map_err(|e| e.to_string())?;
    let mut db = Database::from_graph(graph);
    db.set_planner_options(planner);
    db.set_planner_passes(passes);
    for (name, query) in &queries {
        if explain {
            // Only the plan (EXPLAIN), to compare plans across builds without running them.
            let result = db.execute(&format!("EXPLAIN {query}"), &params).map_err(|e| e.describe(""))?;
            println!("{name}");
            for line in result.plan.as_deref().unwrap_or("").lines() {
                println!("    {line}");
            }
            continue;
        }
        let mut times: Vec<Duration> = Vec::with_capacity(runs);
        let mut phases: Vec<[Duration; 3]> = Vec::with_capacity(runs);
        let mut cpu: Vec<Duration> = Vec::with_capacity(runs);
        let mut answer = String::new();
        for round in 0..=runs {
            let started = Instant::now();
            let cpu_before = thread_cpu();
            let result = db.execute(query, &params).map_err(|e| e.describe(""))?;
            if round > 0 {
                times.push(started.elapsed());
                cpu.push(thread_cpu().saturating_sub(cpu_before));
                phases.push([result.timing.parse, result.timing.plan, result.timing.execute]);
            }
            answer = format!("{:?}", result.rows);
        }
        times.sort();
        let ms = |d: Duration| d.as_secs_f64() * 1e3;
        answer.truncate(80);
        println!("{name:<28} median {:9.3} ms  min {:9.3} ms  {answer}", ms(times[times.len() / 2]), ms(times[0]));
        // CPU time is what a loaded machine leaves comparable (wall time waits for the
        // others); the kernel updates it coarsely, so the mean over the runs is given.
        let cpu_total: Duration = cpu.iter().sum();
        println!("    cpu: mean {:.3} ms over {} runs", ms(cpu_total) / cpu.len().max(1) as f64, cpu.len());
        if profile {
            // The median of each phase on its own (parse and bind, plan, execute).
            let phase = |i: usize| {
                let mut each: Vec<Duration> = phases.iter().map(|p| p[i]).collect();
                each.sort();
                ms(each[each.len() / 2])
            };
            println!("    phases: parse+bind {:.3} ms, plan {:.3} ms, execute {:.3} ms", phase(0), phase(1), phase(2));
        }
        if profile {
            let result = db.execute(&format!("PROFILE {query}"), &params).map_err(|e| e.describe(""))?;
            for line in result.plan.as_deref().unwrap_or("").lines() {
                println!("    {line}");
            }
        }
    }
    Ok(())
}

/// The planner's options named on the command line.
fn planner_options(name: Option<&str>) -> Result<Options, String> {
    match name {
        Some("cost") => Ok(Options::Cost),
        Some("first-node") => Ok(Options::FirstNode),
        Some("last-node") => Ok(Options::LastNode),
        Some("prefer-rel-scans") => Ok(Options::PreferRelScans),
        Some("prefer-stored-folds") => Ok(Options::PreferStoredFolds),
        _ => Err("--planner needs cost, first-node, last-node, prefer-rel-scans or prefer-stored-folds".into()),
    }
}

/// The CPU time this thread has used (`/proc/thread-self/schedstat`, in nanoseconds); zero
/// where the file is missing, so only the wall times mean anything then.
fn thread_cpu() -> Duration {
    let text = std::fs::read_to_string("/proc/thread-self/schedstat").unwrap_or_default();
    let nanos = text.split_whitespace().next().and_then(|n| n.parse().ok()).unwrap_or(0);
    Duration::from_nanos(nanos)
}
