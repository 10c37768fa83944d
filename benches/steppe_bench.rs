//! The issue-6 bench: imports the generated CSV graph, saves and loads its snapshot, runs
//! the workload (benches/workload.cypher) and prints one table; the results go to
//! target/bench/steppe-<scale>-<seed>.json for benches/kuzu/run.sh.
//!
//! `cargo bench --bench steppe_bench -- --scale S [--seed 42] [--runs 5] [--warmup 1]`
//! generates the data first when target/bench/data/<scale>-<seed> is missing.
//! Times are in-process wall-clock around `Database::execute`, the median of `--runs`
//! runs after `--warmup` unmeasured ones: the same method as benches/kuzu/bench.py.

#![allow(clippy::print_stdout, clippy::print_stderr)]

#[path = "gen/synth.rs"]
mod synth;

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use steppe::import::{import_csv, CsvOptions, CsvSource, IdType, NoProgress};
use steppe::store::{snapshot, Graph};
use steppe::{Database, ExecOptions, Params, Value};

/// Command-line settings.
struct Settings {
    scale: synth::Scale,
    seed: u64,
    runs: usize,
    warmup: usize,
    timeout: Duration,
}

/// One workload query, as benches/workload.cypher gives it.
struct Query {
    name: String,
    steppe: String,
    kuzu: Option<String>,
    check_rows_only: bool,
}

/// What one query measured.
struct Measured {
    name: String,
    times: Vec<Duration>,
    rows: Vec<Vec<serde_json::Value>>,
    error: Option<String>,
}

fn main() -> ExitCode {
    let settings = match parse_args() {
        Ok(s) => s,
        Err(problem) => {
            eprintln!("steppe_bench: {problem}\nusage: steppe_bench [--scale XS|S|M] [--seed N] [--runs N] [--warmup N] [--timeout-secs N]");
            return ExitCode::from(2);
        }
    };
    match run(&settings) {
        Ok(()) => ExitCode::SUCCESS,
        Err(problem) => {
            eprintln!("steppe_bench: {problem}");
            ExitCode::FAILURE
        }
    }
}

fn parse_args() -> Result<Settings, String> {
    let mut settings =
        Settings { scale: synth::SCALES[1], seed: 42, runs: 5, warmup: 1, timeout: Duration::from_secs(300) };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        // cargo bench passes `--bench`; it takes no value.
        if arg == "--bench" {
            continue;
        }
        let value = args.next().ok_or_else(|| format!("{arg} needs a value"))?;
        let number = |v: &str| v.parse::<u64>().map_err(|_| format!("{arg} takes a number, not `{v}`"));
        match arg.as_str() {
            "--scale" => settings.scale = synth::scale_named(&value).ok_or(format!("unknown scale `{value}`"))?,
            "--seed" => settings.seed = number(&value)?,
            "--runs" => settings.runs = number(&value)?.max(1) as usize,
            "--warmup" => settings.warmup = number(&value)? as usize,
            "--timeout-secs" => settings.timeout = Duration::from_secs(number(&value)?),
            _ => return Err(format!("unexpected argument `{arg}`")),
        }
    }
    Ok(settings)
}

fn run(settings: &Settings) -> Result<(), String> {
    let bench_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench");
    let data = bench_dir.join(format!("data/{}-{}", settings.scale.name, settings.seed));
    if !data.join("manifest.json").exists() {
        eprintln!("generating {} ...", data.display());
        synth::generate(settings.scale, settings.seed, &data).map_err(|e| format!("{}: {e}", data.display()))?;
    }
    let manifest = read_json(&data.join("manifest.json"))?;
    let workload_path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("benches/workload.cypher");
    let workload = parse_workload(
        &std::fs::read_to_string(&workload_path).map_err(|e| format!("{}: {e}", workload_path.display()))?,
    )?;

    let rss_start = rss_kib("VmRSS:");
    let (graph, import_time) = import(&data, &manifest)?;
    let n_rels = graph.rel_count() as u64;
    let n_nodes = graph.node_count() as u64;
    let snapshot_path = bench_dir.join(format!("steppe-{}-{}.snapshot", settings.scale.name, settings.seed));
    let started = Instant::now();
    snapshot::save(&graph, &snapshot_path).map_err(|e| e.to_string())?;
    let save_time = started.elapsed();
    drop(graph);
    let rss_before_load = rss_kib("VmRSS:");
    let started = Instant::now();
    let graph = snapshot::load(&snapshot_path).map_err(|e| e.to_string())?;
    let load_time = started.elapsed();
    let rss_loaded = rss_kib("VmRSS:");
    let snapshot_bytes = std::fs::metadata(&snapshot_path).map(|m| m.len()).unwrap_or(0);
    let mut db = Database::from_graph(graph);

    let params = params_of(&manifest);
    let measured: Vec<Measured> = workload.iter().map(|q| measure(&mut db, q, &params, settings)).collect();
    let memory = Memory {
        peak_kib: rss_kib("VmHWM:"),
        graph_kib: rss_loaded.saturating_sub(rss_before_load),
        start_kib: rss_start,
        snapshot_bytes,
    };
    let times = Times { import: import_time, save: save_time, load: load_time };
    print_report(settings, n_nodes, n_rels, &times, &memory, &measured);
    let out = bench_dir.join(format!("steppe-{}-{}.json", settings.scale.name, settings.seed));
    let json = results_json(settings, n_nodes, n_rels, &times, &memory, &workload, &measured);
    std::fs::write(&out, serde_json::to_string_pretty(&json).unwrap_or_default())
        .map_err(|e| format!("{}: {e}", out.display()))?;
    println!("results: {}", out.display());
    Ok(())
}

struct Times {
    import: Duration,
    save: Duration,
    load: Duration,
}

/// Memory in KiB from /proc/self/status, and the snapshot's size.
struct Memory {
    peak_kib: u64,
    /// Resident memory the loaded graph added: the in-memory cost of the store.
    graph_kib: u64,
    start_kib: u64,
    snapshot_bytes: u64,
}

fn read_json(path: &Path) -> Result<serde_json::Value, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
}

/// Every nodes file (labelled from the manifest), then every relationships file, through
/// the library's importer, as `steppe import --id-type integer` would.
fn import(data: &Path, manifest: &serde_json::Value) -> Result<(Graph, Duration), String> {
    let sources = |key: &str, name: &str| -> Vec<CsvSource> {
        manifest[key]
            .as_array()
            .map(|files| {
                files
                    .iter()
                    .map(|f| CsvSource {
                        path: data.join(f["file"].as_str().unwrap_or_default()),
                        prefix: vec![f[name].as_str().unwrap_or_default().to_string()],
                    })
                    .collect()
            })
            .unwrap_or_default()
    };
    let (nodes, rels) = (sources("nodes", "label"), sources("relationships", "type"));
    let options = CsvOptions { id_type: IdType::Integer, ..CsvOptions::default() };
    let mut graph = Graph::new();
    let started = Instant::now();
    import_csv(&mut graph, &nodes, &rels, &options, &mut NoProgress).map_err(|e| e.describe(""))?;
    Ok((graph, started.elapsed()))
}

fn params_of(manifest: &serde_json::Value) -> Params {
    let mut params = Params::new();
    if let Some(map) = manifest["params"].as_object() {
        for (key, value) in map {
            if let Some(n) = value.as_i64() {
                params.insert(key.clone(), Value::Int(n));
            }
        }
    }
    params
}

/// Splits the workload file into its `// @query` blocks.
fn parse_workload(text: &str) -> Result<Vec<Query>, String> {
    let mut queries: Vec<Query> = Vec::new();
    for line in text.lines() {
        let trimmed = line.trim();
        if let Some(name) = trimmed.strip_prefix("// @query ") {
            queries.push(Query {
                name: name.trim().to_string(),
                steppe: String::new(),
                kuzu: None,
                check_rows_only: false,
            });
            continue;
        }
        let Some(query) = queries.last_mut() else { continue };
        if let Some(kuzu) = trimmed.strip_prefix("// @kuzu ") {
            query.kuzu = Some(kuzu.trim().trim_end_matches(';').to_string());
        } else if trimmed == "// @check rows" {
            query.check_rows_only = true;
        } else if !trimmed.starts_with("//") && !trimmed.is_empty() {
            query.steppe.push_str(trimmed.trim_end_matches(';'));
            query.steppe.push(' ');
        }
    }
    if queries.is_empty() || queries.iter().any(|q| q.steppe.trim().is_empty()) {
        return Err("benches/workload.cypher: every `// @query` needs a statement".into());
    }
    Ok(queries)
}

/// Warm-up runs, then timed runs; the answer kept is the last run's.
fn measure(db: &mut Database, query: &Query, params: &Params, settings: &Settings) -> Measured {
    let options = ExecOptions { interrupt: None, timeout: Some(settings.timeout) };
    let mut measured = Measured { name: query.name.clone(), times: Vec::new(), rows: Vec::new(), error: None };
    for round in 0..settings.warmup + settings.runs {
        let started = Instant::now();
        match db.execute_with(query.steppe.trim(), params, &options) {
            Ok(result) => {
                if round >= settings.warmup {
                    measured.times.push(started.elapsed());
                }
                measured.rows = result.rows.iter().map(|row| row.iter().map(json_of).collect()).collect();
            }
            Err(err) => {
                measured.error = Some(err.describe(""));
                break;
            }
        }
    }
    eprintln!("  {:<20} {}", query.name, measured.error.as_deref().unwrap_or("done"));
    measured
}

/// Answers as plain JSON, for the cross-check: numbers, strings, booleans, lists.
fn json_of(value: &Value) -> serde_json::Value {
    match value {
        Value::Null => serde_json::Value::Null,
        Value::Bool(b) => (*b).into(),
        Value::Int(n) => (*n).into(),
        Value::Float(x) => (*x).into(),
        Value::String(s) => s.as_ref().into(),
        Value::List(items) => items.iter().map(json_of).collect(),
        other => format!("{other:?}").into(),
    }
}

fn median(times: &[Duration]) -> Option<Duration> {
    let mut sorted = times.to_vec();
    sorted.sort();
    sorted.get(sorted.len() / 2).copied()
}

/// A line of /proc/self/status in KiB (0 where there is none, as off Linux).
fn rss_kib(field: &str) -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix(field))
        .and_then(|rest| rest.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn print_report(settings: &Settings, nodes: u64, rels: u64, times: &Times, memory: &Memory, measured: &[Measured]) {
    println!(
        "\nsteppe, scale {} (seed {}): {nodes} nodes, {rels} relationships; median of {} runs after {} warm-up",
        settings.scale.name, settings.seed, settings.runs, settings.warmup
    );
    println!("{:<20} {:>12} {:>12} {:>8}", "query", "median ms", "min ms", "rows");
    for m in measured {
        match (&m.error, median(&m.times), m.times.iter().min()) {
            (None, Some(med), Some(min)) => {
                println!("{:<20} {:>12.3} {:>12.3} {:>8}", m.name, ms(med), ms(*min), m.rows.len())
            }
            (err, _, _) => {
                println!("{:<20} {:>12} {:>12} {:>8}  {}", m.name, "-", "-", "-", err.as_deref().unwrap_or(""))
            }
        }
    }
    let per_rel = |bytes: u64| bytes as f64 / rels.max(1) as f64;
    println!("CSV import        {:>10.0} ms", ms(times.import));
    println!("snapshot save     {:>10.0} ms ({} MiB)", ms(times.save), memory.snapshot_bytes >> 20);
    println!("snapshot load     {:>10.0} ms", ms(times.load));
    println!("peak RSS (VmHWM)  {:>10} MiB (at start {} MiB)", memory.peak_kib >> 10, memory.start_kib >> 10);
    println!(
        "bytes/relationship {:>9.1} in memory (RSS growth on load / rels), {:.1} on disk",
        per_rel(memory.graph_kib * 1024),
        per_rel(memory.snapshot_bytes)
    );
}

fn results_json(
    settings: &Settings,
    nodes: u64,
    rels: u64,
    times: &Times,
    memory: &Memory,
    workload: &[Query],
    measured: &[Measured],
) -> serde_json::Value {
    let queries: Vec<serde_json::Value> = workload
        .iter()
        .zip(measured)
        .map(|(q, m)| {
            serde_json::json!({
                "name": m.name,
                "steppe": q.steppe.trim(),
                "kuzu": q.kuzu.as_deref().unwrap_or(q.steppe.trim()),
                "check": if q.check_rows_only { "rows" } else { "all" },
                "median_ms": median(&m.times).map(ms),
                "min_ms": m.times.iter().min().map(|d| ms(*d)),
                "times_ms": m.times.iter().map(|d| ms(*d)).collect::<Vec<_>>(),
                "rows": m.rows,
                "error": m.error,
            })
        })
        .collect();
    serde_json::json!({
        "engine": "steppe",
        "scale": settings.scale.name,
        "seed": settings.seed,
        "nodes": nodes,
        "relationships": rels,
        "runs": settings.runs,
        "warmup": settings.warmup,
        "import_ms": ms(times.import),
        "snapshot_save_ms": ms(times.save),
        "snapshot_load_ms": ms(times.load),
        "snapshot_bytes": memory.snapshot_bytes,
        "peak_rss_kib": memory.peak_kib,
        "graph_rss_kib": memory.graph_kib,
        "bytes_per_rel_memory": (memory.graph_kib * 1024) as f64 / rels.max(1) as f64,
        "bytes_per_rel_disk": memory.snapshot_bytes as f64 / rels.max(1) as f64,
        "queries": queries,
    })
}
