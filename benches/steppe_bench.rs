//! The issue-6 bench: imports the generated CSV graph with its schema, saves its
//! snapshot, then, in a fresh process, loads the snapshot and runs the workload
//! (benches/workload.cypher); it also times the start-up of the release binary. It
//! prints one table; the results go to target/bench/steppe-<scale>-<seed>.json for
//! benches/kuzu/run.sh.
//!
//! `cargo bench --bench steppe_bench -- --scale S [--seed 42] [--runs 5] [--warmup 1]`
//! generates the data first when target/bench/data/<scale>-<seed> is missing.
//! `--workload workload2` runs benches/workload2.cypher instead (issue 15's broad one),
//! and `--schemaless` imports the files without the schema, as `steppe import --id-type
//! integer --nodes … --relationships …` does; both add to the results' file names.
//! `--param person=123` (repeatable, integers) replaces a parameter of the manifest, to
//! run a workload from another anchor (a hub, a leaf); it adds `-person123` to the names.
//! Times are in-process wall-clock around `Database::execute`, the median of `--runs`
//! runs after `--warmup` unmeasured ones: the same method as benches/kuzu/bench.py.
//!
//! Memory is measured where it cannot be flattered: the snapshot is loaded in a process
//! of its own (this executable again, with `--load-and-query`), so the growth of its
//! resident set is the loaded graph alone, not memory the import freed and the load
//! reused; the import's peak is the first process's.

#![allow(clippy::print_stdout, clippy::print_stderr)]

#[path = "gen/synth.rs"]
mod synth;

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

use steppe::import::{import_csv_with_schema, CsvOptions, CsvSource, IdType, NoProgress, SchemaScript};
use steppe::store::{snapshot, Graph};
use steppe::{Database, ExecOptions, Params, Value};

/// How many times the binary is started for each start-up figure (the median is kept).
const STARTUP_SPAWNS: usize = 21;

/// Command-line settings.
struct Settings {
    scale: synth::Scale,
    seed: u64,
    runs: usize,
    warmup: usize,
    timeout: Duration,
    /// The workload file's name in benches/, without `.cypher`.
    workload: String,
    /// Import without the schema file (labels and types from the manifest only).
    schemaless: bool,
    /// Parameters that replace the manifest's (`--param name=value`), in the order given.
    params: Vec<(String, i64)>,
    /// Set in the second process: the snapshot to load and where to write what it measured.
    load_and_query: Option<(PathBuf, PathBuf)>,
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
    let done = match &settings.load_and_query {
        Some((snapshot, out)) => load_and_query(&settings, snapshot, out),
        None => run(&settings),
    };
    match done {
        Ok(()) => ExitCode::SUCCESS,
        Err(problem) => {
            eprintln!("steppe_bench: {problem}");
            ExitCode::FAILURE
        }
    }
}

fn parse_args() -> Result<Settings, String> {
    let mut settings = Settings {
        scale: synth::SCALES[1],
        seed: 42,
        runs: 5,
        warmup: 1,
        timeout: Duration::from_secs(300),
        workload: "workload".into(),
        schemaless: false,
        params: Vec::new(),
        load_and_query: None,
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        // cargo bench passes `--bench`; it takes no value.
        if arg == "--bench" {
            continue;
        }
        if arg == "--schemaless" {
            settings.schemaless = true;
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
            "--workload" => settings.workload = value,
            "--param" => settings.params.push(param_named(&value)?),
            // Internal: how the first process starts the second one.
            "--load-and-query" => {
                let out = args.next().ok_or("--load-and-query needs SNAPSHOT RESULTS")?;
                settings.load_and_query = Some((PathBuf::from(value), PathBuf::from(out)));
            }
            _ => return Err(format!("unexpected argument `{arg}`")),
        }
    }
    Ok(settings)
}

/// `name=value` with an integer value, as `--param` takes it.
fn param_named(text: &str) -> Result<(String, i64), String> {
    let (name, value) = text.split_once('=').ok_or(format!("--param takes name=value, not `{text}`"))?;
    let value = value.trim().parse::<i64>().map_err(|_| format!("--param {name} takes an integer, not `{value}`"))?;
    Ok((name.trim().to_string(), value))
}

/// `<scale>-<seed>`, then `-<workload>` unless it is the first one, then `-schemaless`:
/// the name of the snapshot the workload runs on.
fn graph_tag(settings: &Settings) -> String {
    let mut tag = format!("{}-{}", settings.scale.name, settings.seed);
    if settings.workload != "workload" {
        tag = format!("{tag}-{}", settings.workload);
    }
    if settings.schemaless {
        tag.push_str("-schemaless");
    }
    tag
}

/// The graph's tag, then `-<name><value>` for each replaced parameter: the results' name.
fn result_tag(settings: &Settings) -> String {
    let mut tag = graph_tag(settings);
    for (name, value) in &settings.params {
        tag.push_str(&format!("-{name}{value}"));
    }
    tag
}

fn bench_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench")
}

/// The first process: start-up, data, import, snapshot; then the second process.
fn run(settings: &Settings) -> Result<(), String> {
    let bench_dir = bench_dir();
    let data = bench_dir.join(format!("data/{}-{}", settings.scale.name, settings.seed));
    let tag = result_tag(settings);
    if !data.join("manifest.json").exists() || !data.join(synth::SCHEMA_FILE).exists() {
        eprintln!("generating {} ...", data.display());
        synth::generate(settings.scale, settings.seed, &data).map_err(|e| format!("{}: {e}", data.display()))?;
    }
    let manifest = read_json(&data.join("manifest.json"))?;
    // First, while this process is small: the pseudo-terminal is started by fork, whose
    // cost grows with the parent's memory (at M, by about 25 ms once the graph was built).
    eprintln!("timing start-up ({STARTUP_SPAWNS} spawns each) ...");
    let startup = measure_startup()?;

    eprintln!("importing {} ...", data.display());
    let rss_start = rss_kib("VmRSS:");
    let (graph, import_time) = import(&data, &manifest, settings.schemaless)?;
    let (n_nodes, n_rels) = (graph.node_count() as u64, graph.rel_count() as u64);
    let rss_imported = rss_kib("VmRSS:");
    let import_peak = rss_kib("VmHWM:");
    let snapshot_path = bench_dir.join(format!("steppe-{}.snapshot", graph_tag(settings)));
    reset_peak_rss();
    let started = Instant::now();
    snapshot::save(&graph, &snapshot_path).map_err(|e| e.to_string())?;
    let save_time = started.elapsed();
    let save_peak = rss_kib("VmHWM:");
    drop(graph);
    let import_memory = ImportMemory {
        peak_kib: import_peak,
        save_peak_kib: save_peak,
        rss_after_import_kib: rss_imported,
        graph_kib: rss_imported.saturating_sub(rss_start),
        snapshot_bytes: std::fs::metadata(&snapshot_path).map(|m| m.len()).unwrap_or(0),
    };

    eprintln!("loading the snapshot and running the workload in a fresh process ...");
    let loaded = run_second_process(settings, &snapshot_path, &bench_dir.join(format!("steppe-{tag}.load.json")))?;

    let report = Report {
        settings,
        nodes: n_nodes,
        rels: n_rels,
        import: import_time,
        save: save_time,
        import_memory,
        loaded: &loaded,
        startup: &startup,
    };
    report.print();
    let out = bench_dir.join(format!("steppe-{tag}.json"));
    std::fs::write(&out, serde_json::to_string_pretty(&report.json()).unwrap_or_default())
        .map_err(|e| format!("{}: {e}", out.display()))?;
    println!("results: {}", out.display());
    Ok(())
}

/// Memory of the first process, in KiB, and the snapshot's size.
struct ImportMemory {
    /// `VmHWM` after the import: its peak (the id maps and the graph at once).
    peak_kib: u64,
    /// `VmHWM` over the snapshot save alone (reset before it), the graph included.
    save_peak_kib: u64,
    rss_after_import_kib: u64,
    /// Resident growth from start to the imported graph.
    graph_kib: u64,
    snapshot_bytes: u64,
}

fn read_json(path: &Path) -> Result<serde_json::Value, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
}

/// The schema file, then every nodes file (labelled from the manifest), then every
/// relationships file, through the library's importer, as `steppe import --id-type
/// integer --schema schema.cypher` would.
fn import(data: &Path, manifest: &serde_json::Value, schemaless: bool) -> Result<(Graph, Duration), String> {
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
    let schema_path = data.join(synth::SCHEMA_FILE);
    let text = std::fs::read_to_string(&schema_path).map_err(|e| format!("{}: {e}", schema_path.display()))?;
    let schema = SchemaScript { text: &text, file: synth::SCHEMA_FILE };
    let options = CsvOptions { id_type: IdType::Integer, ..CsvOptions::default() };
    let mut graph = Graph::new();
    let started = Instant::now();
    let schema = (!schemaless).then_some(&schema);
    import_csv_with_schema(&mut graph, schema, &nodes, &rels, &options, &mut NoProgress).map_err(|e| e.describe(""))?;
    Ok((graph, started.elapsed()))
}

/// Runs this executable again to load the snapshot and run the workload, and reads
/// what it wrote.
fn run_second_process(settings: &Settings, snapshot: &Path, out: &Path) -> Result<serde_json::Value, String> {
    let exe = std::env::current_exe().map_err(|e| format!("cannot find the bench executable: {e}"))?;
    let _ = std::fs::remove_file(out);
    let status = Command::new(exe)
        .args(["--scale", settings.scale.name, "--seed", &settings.seed.to_string()])
        .args(["--runs", &settings.runs.to_string(), "--warmup", &settings.warmup.to_string()])
        .args(["--timeout-secs", &settings.timeout.as_secs().to_string()])
        .args(["--workload", &settings.workload])
        .args(settings.schemaless.then_some("--schemaless"))
        .args(settings.params.iter().flat_map(|(name, value)| ["--param".to_string(), format!("{name}={value}")]))
        .arg("--load-and-query")
        .arg(snapshot)
        .arg(out)
        .status()
        .map_err(|e| format!("cannot start the second process: {e}"))?;
    if !status.success() {
        return Err(format!("the second process (load and workload) failed: {status}"));
    }
    read_json(out)
}

/// The second process: loads the snapshot, measures its resident growth, runs the
/// workload, and writes everything to `out` as JSON.
fn load_and_query(settings: &Settings, snapshot_path: &Path, out: &Path) -> Result<(), String> {
    let workload_path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("benches/{}.cypher", settings.workload));
    let workload = parse_workload(
        &std::fs::read_to_string(&workload_path).map_err(|e| format!("{}: {e}", workload_path.display()))?,
    )?;
    let data = bench_dir().join(format!("data/{}-{}", settings.scale.name, settings.seed));
    let mut params = params_of(&read_json(&data.join("manifest.json"))?);
    for (name, value) in &settings.params {
        params.insert(name.clone(), Value::Int(*value));
    }

    let rss_before = rss_kib("VmRSS:");
    let started = Instant::now();
    let graph = snapshot::load(snapshot_path).map_err(|e| e.to_string())?;
    let load_time = started.elapsed();
    let rss_loaded = rss_kib("VmRSS:");
    let peak_after_load = rss_kib("VmHWM:");
    reset_peak_rss();
    let (n_nodes, n_rels) = (graph.node_count() as u64, graph.rel_count() as u64);
    let heap: Vec<serde_json::Value> =
        graph.heap_breakdown().parts.into_iter().map(|(name, bytes)| serde_json::json!([name, bytes])).collect();
    let mut db = Database::from_graph(graph);
    let measured: Vec<Measured> = workload.iter().map(|q| measure(&mut db, q, &params, settings)).collect();
    let rss_after_workload = rss_kib("VmRSS:");
    let workload_peak = rss_kib("VmHWM:");
    let json = serde_json::json!({
        "nodes": n_nodes,
        "relationships": n_rels,
        "snapshot_load_ms": ms(load_time),
        "rss_before_load_kib": rss_before,
        "rss_after_load_kib": rss_loaded,
        "rss_after_workload_kib": rss_after_workload,
        "load_peak_rss_kib": peak_after_load,
        "workload_peak_rss_kib": workload_peak,
        "peak_rss_kib": peak_after_load.max(workload_peak),
        "heap_breakdown": heap,
        "queries": queries_json(&workload, &measured),
    });
    std::fs::write(out, serde_json::to_string_pretty(&json).unwrap_or_default())
        .map_err(|e| format!("{}: {e}", out.display()))
}

/// Start-up times of the release binary, in milliseconds: the median of
/// `STARTUP_SPAWNS` spawns after one unmeasured one (which pulls the file into the
/// page cache), from spawn to exit.
struct Startup {
    /// The shell on a terminal (a pseudo-terminal), from spawn until its prompt is drawn:
    /// "the REPL up and ready on the CSTO graph".
    prompt: Vec<f64>,
    /// The shell on the built-in CSTO graph, fed `RETURN 1;` and `:quit` through a pipe.
    repl: Vec<f64>,
    /// `steppe query 'RETURN 1'` on the built-in graph.
    query: Vec<f64>,
}

fn measure_startup() -> Result<Startup, String> {
    let exe = env!("CARGO_BIN_EXE_steppe");
    let repl = spawn_times(exe, &["--no-history"], Some(b"RETURN 1;\n:quit\n"))?;
    let query = spawn_times(exe, &["query", "RETURN 1"], None)?;
    let mut prompt = Vec::with_capacity(STARTUP_SPAWNS);
    for round in 0..=STARTUP_SPAWNS {
        let elapsed = time_to_prompt(exe)?;
        if round > 0 {
            prompt.push(elapsed);
        }
    }
    Ok(Startup { prompt, repl, query })
}

/// Starts the shell on a pseudo-terminal and reads what it draws until the prompt
/// appears; then ends it. Reads block on the terminal, so the time is exact (rexpect's
/// own matching polls every 100 ms).
fn time_to_prompt(exe: &str) -> Result<f64, String> {
    use std::io::Read as _;
    let mut command = Command::new(exe);
    command.arg("--no-history").env("NO_COLOR", "1");
    let started = Instant::now();
    let mut process =
        rexpect::process::PtyProcess::new(command).map_err(|e| format!("cannot start the shell on a terminal: {e}"))?;
    let mut terminal = process.get_file_handle().map_err(|e| format!("the shell's terminal: {e}"))?;
    let (mut seen, mut buf) = (Vec::new(), [0u8; 4096]);
    let found = loop {
        match terminal.read(&mut buf) {
            Ok(0) | Err(_) => break false,
            Ok(n) => seen.extend_from_slice(&buf[..n]),
        }
        if seen.windows(PROMPT.len()).any(|w| w == PROMPT) {
            break true;
        }
    };
    let elapsed = started.elapsed();
    let _ = process.exit();
    if !found {
        return Err(format!("the shell never drew its prompt: {}", String::from_utf8_lossy(&seen)));
    }
    Ok(ms(elapsed))
}

const PROMPT: &[u8] = b"steppe> ";

fn spawn_times(exe: &str, args: &[&str], stdin: Option<&[u8]>) -> Result<Vec<f64>, String> {
    let mut times = Vec::with_capacity(STARTUP_SPAWNS);
    for round in 0..=STARTUP_SPAWNS {
        let started = Instant::now();
        let mut child = Command::new(exe)
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| format!("cannot start steppe: {e}"))?;
        if let (Some(bytes), Some(mut pipe)) = (stdin, child.stdin.take()) {
            pipe.write_all(bytes).map_err(|e| format!("cannot write to steppe: {e}"))?;
        }
        drop(child.stdin.take());
        let output = child.wait_with_output().map_err(|e| format!("steppe: {e}"))?;
        let elapsed = started.elapsed();
        if !output.status.success() {
            return Err(format!("steppe failed at start-up: {}", String::from_utf8_lossy(&output.stderr)));
        }
        if round > 0 {
            times.push(ms(elapsed));
        }
    }
    Ok(times)
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
    let options = ExecOptions { timeout: Some(settings.timeout), ..ExecOptions::default() };
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
        // A map as an object, as Kuzu's driver gives one, so that the answers compare.
        Value::Map(entries) => entries.iter().map(|(k, v)| (k.to_string(), json_of(v))).collect(),
        other => format!("{other:?}").into(),
    }
}

fn median(times: &[Duration]) -> Option<Duration> {
    let mut sorted = times.to_vec();
    sorted.sort();
    sorted.get(sorted.len() / 2).copied()
}

/// Starts `VmHWM` again from the current resident size (Linux 4.0 and later), so that
/// the peak of one step can be told from the peaks before it. Elsewhere: nothing.
fn reset_peak_rss() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
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

/// The workload's results as JSON, in the second process.
fn queries_json(workload: &[Query], measured: &[Measured]) -> Vec<serde_json::Value> {
    workload
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
        .collect()
}

fn median_ms(times: &[f64]) -> f64 {
    let mut sorted = times.to_vec();
    sorted.sort_by(f64::total_cmp);
    sorted.get(sorted.len() / 2).copied().unwrap_or(f64::NAN)
}

/// Everything both processes measured, for the table and the results file.
struct Report<'a> {
    settings: &'a Settings,
    nodes: u64,
    rels: u64,
    import: Duration,
    save: Duration,
    import_memory: ImportMemory,
    /// What the second process wrote.
    loaded: &'a serde_json::Value,
    startup: &'a Startup,
}

impl Report<'_> {
    fn kib(&self, key: &str) -> u64 {
        self.loaded[key].as_u64().unwrap_or(0)
    }

    /// Resident growth of the second process over the snapshot load, in bytes.
    fn load_growth(&self) -> u64 {
        self.kib("rss_after_load_kib").saturating_sub(self.kib("rss_before_load_kib")) * 1024
    }

    fn workload_growth(&self) -> u64 {
        self.kib("rss_after_workload_kib").saturating_sub(self.kib("rss_before_load_kib")) * 1024
    }

    fn per_rel(&self, bytes: u64) -> f64 {
        bytes as f64 / self.rels.max(1) as f64
    }

    fn print(&self) {
        let s = self.settings;
        println!(
            "\nsteppe, scale {} (seed {}{}), {}: {} nodes, {} relationships; median of {} runs after {} warm-up",
            s.scale.name,
            s.seed,
            if s.schemaless { ", imported without schema" } else { "" },
            s.workload,
            self.nodes,
            self.rels,
            s.runs,
            s.warmup
        );
        println!("{:<20} {:>12} {:>12} {:>8}", "query", "median ms", "min ms", "rows");
        for q in self.loaded["queries"].as_array().into_iter().flatten() {
            let name = q["name"].as_str().unwrap_or("?");
            match (q["error"].as_str(), q["median_ms"].as_f64(), q["min_ms"].as_f64()) {
                (None, Some(med), Some(min)) => {
                    let rows = q["rows"].as_array().map_or(0, Vec::len);
                    println!("{name:<20} {med:>12.3} {min:>12.3} {rows:>8}");
                }
                (err, _, _) => println!("{name:<20} {:>12} {:>12} {:>8}  {}", "-", "-", "-", err.unwrap_or("")),
            }
        }
        let mib = |kib: u64| kib >> 10;
        let m = &self.import_memory;
        println!(
            "CSV import {:<13} {:>9.0} ms, peak RSS {} MiB, {} MiB after",
            if s.schemaless { "(no schema)" } else { "(with schema)" },
            ms(self.import),
            mib(m.peak_kib),
            mib(m.rss_after_import_kib)
        );
        println!(
            "snapshot save            {:>9.0} ms ({} MiB), peak RSS {} MiB",
            ms(self.save),
            m.snapshot_bytes >> 20,
            mib(m.save_peak_kib)
        );
        println!(
            "snapshot load            {:>9.0} ms (fresh process), peak RSS {} MiB",
            self.loaded["snapshot_load_ms"].as_f64().unwrap_or(f64::NAN),
            mib(self.kib("load_peak_rss_kib"))
        );
        println!(
            "RSS after load           {:>9} MiB (process total; {} MiB after the workload, its peak {} MiB)",
            mib(self.kib("rss_after_load_kib")),
            mib(self.kib("rss_after_workload_kib")),
            mib(self.kib("workload_peak_rss_kib"))
        );
        println!(
            "bytes/relationship       {:>9.1} in memory (RSS growth over the load / rels; {:.1} after the workload), {:.1} on disk",
            self.per_rel(self.load_growth()),
            self.per_rel(self.workload_growth()),
            self.per_rel(m.snapshot_bytes)
        );
        let load_peak_growth = self.kib("load_peak_rss_kib").saturating_sub(self.kib("rss_before_load_kib")) * 1024;
        println!(
            "bytes/relationship       {:>9.1} at the load's peak (VmHWM growth / rels)",
            self.per_rel(load_peak_growth)
        );
        let parts = self.loaded["heap_breakdown"].as_array().cloned().unwrap_or_default();
        let mut total = 0;
        for part in &parts {
            let bytes = part[1].as_u64().unwrap_or(0);
            total += bytes;
            println!("  heap {:>9.2} bytes/rel  {}", self.per_rel(bytes), part[0].as_str().unwrap_or("?"));
        }
        println!("  heap {:>9.2} bytes/rel  (sum of the structures above)", self.per_rel(total));
        println!(
            "start-up                 {:>9.1} ms to the shell's prompt on the CSTO graph (a terminal), {:.1} ms through a pipe to `:quit`, {:.1} ms `steppe query 'RETURN 1'` (medians of {STARTUP_SPAWNS})",
            median_ms(&self.startup.prompt),
            median_ms(&self.startup.repl),
            median_ms(&self.startup.query)
        );
    }

    fn json(&self) -> serde_json::Value {
        let s = self.settings;
        let m = &self.import_memory;
        serde_json::json!({
            "engine": "steppe",
            "scale": s.scale.name,
            "seed": s.seed,
            "nodes": self.nodes,
            "relationships": self.rels,
            "runs": s.runs,
            "warmup": s.warmup,
            "import_ms": ms(self.import),
            "import_peak_rss_kib": m.peak_kib,
            "import_graph_rss_kib": m.graph_kib,
            "rss_after_import_kib": m.rss_after_import_kib,
            "save_peak_rss_kib": m.save_peak_kib,
            "snapshot_save_ms": ms(self.save),
            "snapshot_load_ms": self.loaded["snapshot_load_ms"],
            "snapshot_bytes": m.snapshot_bytes,
            "rss_before_load_kib": self.loaded["rss_before_load_kib"],
            "rss_after_load_kib": self.loaded["rss_after_load_kib"],
            "rss_after_workload_kib": self.loaded["rss_after_workload_kib"],
            "load_peak_rss_kib": self.loaded["load_peak_rss_kib"],
            "workload_peak_rss_kib": self.loaded["workload_peak_rss_kib"],
            "peak_rss_kib": self.loaded["peak_rss_kib"],
            "heap_breakdown": self.loaded["heap_breakdown"],
            "bytes_per_rel_memory": self.per_rel(self.load_growth()),
            "bytes_per_rel_after_workload": self.per_rel(self.workload_growth()),
            "bytes_per_rel_disk": self.per_rel(m.snapshot_bytes),
            "startup": {
                "spawns": STARTUP_SPAWNS,
                "prompt_ms": median_ms(&self.startup.prompt),
                "repl_ms": median_ms(&self.startup.repl),
                "query_ms": median_ms(&self.startup.query),
                "prompt_times_ms": self.startup.prompt,
                "repl_times_ms": self.startup.repl,
                "query_times_ms": self.startup.query,
            },
            "queries": self.loaded["queries"],
        })
    }
}
