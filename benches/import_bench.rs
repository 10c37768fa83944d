//! Times `steppe import` alone on the benchmark's files (issue 16), without the snapshot
//! save that `steppe import --db` does after it, so that the peak is the import's.
//!
//! `cargo run --release --example import_bench -- target/bench/data/M-42 [--id-type string|integer] [--schemaless]`
//!
//! With `--id-type string` and the schema, the schema's `id INTEGER KEY` is read as
//! `id STRING KEY`, since a string id column stores strings. Prints one line: the
//! import's wall-clock time, `VmHWM` (the process's peak resident size) and the counts.
//! Run it under `/usr/bin/time -v` for the same peak from outside. `--timeline` also
//! prints the resident size every quarter second, to see which stage makes the peak.

#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use steppe::import::{import_csv_with_schema, CsvOptions, CsvSource, IdType, NoProgress, SchemaScript};
use steppe::store::Graph;

fn main() -> ExitCode {
    let mut data = None;
    let mut id_type = IdType::Integer;
    let mut schemaless = false;
    let mut timeline = false;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--schemaless" => schemaless = true,
            "--timeline" => timeline = true,
            "--id-type" => match args.next().as_deref() {
                Some("string") => id_type = IdType::String,
                Some("integer") => id_type = IdType::Integer,
                other => return usage(&format!("--id-type takes string or integer, not {other:?}")),
            },
            _ if data.is_none() => data = Some(PathBuf::from(arg)),
            _ => return usage(&format!("unexpected argument `{arg}`")),
        }
    }
    let Some(data) = data else {
        return usage("which data directory?");
    };
    match run(&data, id_type, schemaless, timeline) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("import_bench: {message}");
            ExitCode::FAILURE
        }
    }
}

fn usage(message: &str) -> ExitCode {
    eprintln!(
        "import_bench: {message}\nusage: import_bench DATA_DIR [--id-type string|integer] [--schemaless] [--timeline]"
    );
    ExitCode::from(2)
}

fn run(data: &Path, id_type: IdType, schemaless: bool, timeline: bool) -> Result<(), String> {
    let manifest_path = data.join("manifest.json");
    let manifest = std::fs::read_to_string(&manifest_path).map_err(|e| format!("{}: {e}", manifest_path.display()))?;
    let manifest: serde_json::Value = serde_json::from_str(&manifest).map_err(|e| e.to_string())?;
    let sources = |key: &str, name: &str| -> Vec<CsvSource> {
        let files = manifest[key].as_array().cloned().unwrap_or_default();
        files
            .iter()
            .map(|f| CsvSource {
                path: data.join(f["file"].as_str().unwrap_or_default()),
                prefix: vec![f[name].as_str().unwrap_or_default().to_string()],
            })
            .collect()
    };
    let (nodes, rels) = (sources("nodes", "label"), sources("relationships", "type"));
    let schema_path = data.join("schema.cypher");
    let mut text = std::fs::read_to_string(&schema_path).map_err(|e| format!("{}: {e}", schema_path.display()))?;
    if id_type == IdType::String {
        text = text.replace("id INTEGER KEY", "id STRING KEY");
    }
    let schema = SchemaScript { text: &text, file: "schema.cypher" };
    let options = CsvOptions { id_type, ..CsvOptions::default() };
    let mut graph = Graph::new();
    let started = Instant::now();
    let sampling = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(true));
    let sampler = timeline.then(|| {
        let sampling = sampling.clone();
        std::thread::spawn(move || {
            let mut samples = Vec::new();
            while sampling.load(std::sync::atomic::Ordering::Relaxed) {
                samples.push((started.elapsed().as_secs_f64(), rss_kib("VmRSS:") / 1024));
                std::thread::sleep(std::time::Duration::from_millis(250));
            }
            samples
        })
    });
    let stats =
        import_csv_with_schema(&mut graph, (!schemaless).then_some(&schema), &nodes, &rels, &options, &mut NoProgress)
            .map_err(|e| e.describe(""))?;
    let elapsed = started.elapsed();
    sampling.store(false, std::sync::atomic::Ordering::Relaxed);
    if let Some(samples) = sampler.and_then(|s| s.join().ok()) {
        let line: Vec<String> = samples.iter().map(|(t, mib)| format!("{t:.1}s:{mib}")).collect();
        println!("resident MiB over time: {}", line.join(" "));
    }
    println!(
        "import {:?} ids, {}: {:.2} s, peak {} MiB, now {} MiB; {} nodes, {} relationships",
        id_type,
        if schemaless { "schemaless" } else { "typed" },
        elapsed.as_secs_f64(),
        rss_kib("VmHWM:") / 1024,
        rss_kib("VmRSS:") / 1024,
        stats.nodes_created,
        stats.relationships_created
    );
    drop(graph);
    Ok(())
}

fn rss_kib(field: &str) -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix(field))
        .and_then(|rest| rest.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}
