//! Writes the benchmark's synthetic knowledge graph as neo4j-admin CSV files.
//!
//! `cargo run --release --example bench_gen -- --scale S [--seed 42] [--out DIR]`
//! (default DIR: target/bench/data/<scale>-<seed>). The same seed gives byte-identical files.

#![allow(clippy::print_stdout, clippy::print_stderr)]

mod synth;

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut scale = "S".to_string();
    let mut seed = 42u64;
    let mut out = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let value = args.next();
        match (arg.as_str(), value) {
            ("--scale", Some(v)) => scale = v,
            ("--seed", Some(v)) => match v.parse() {
                Ok(s) => seed = s,
                Err(_) => return usage(&format!("--seed takes an integer, not `{v}`")),
            },
            ("--out", Some(v)) => out = Some(PathBuf::from(v)),
            _ => return usage(&format!("unexpected argument `{arg}`")),
        }
    }
    let Some(scale) = synth::scale_named(&scale) else {
        return usage(&format!("unknown scale `{scale}` (XS, S or M)"));
    };
    let dir = out.unwrap_or_else(|| PathBuf::from(format!("target/bench/data/{}-{seed}", scale.name)));
    match synth::generate(scale, seed, &dir) {
        Ok(manifest) => {
            let rels: u64 = manifest.rel_counts.iter().sum();
            let nodes: u64 = manifest.ranges.iter().map(|(_, r)| r.count).sum();
            println!("wrote {nodes} nodes and {rels} relationships to {}", dir.display());
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("bench_gen: {}: {err}", dir.display());
            ExitCode::from(2)
        }
    }
}

fn usage(problem: &str) -> ExitCode {
    eprintln!("bench_gen: {problem}\nusage: bench_gen [--scale XS|S|M] [--seed N] [--out DIR]");
    ExitCode::from(2)
}

#[cfg(test)]
mod tests {
    use super::synth::{generate, node_file_name, rel_file_name, scale_named, LABELS, REL_FILES, SCHEMA_FILE};
    use std::fs;
    use std::path::Path;

    fn contents(dir: &Path) -> Vec<(String, Vec<u8>)> {
        let mut files: Vec<(String, Vec<u8>)> = fs::read_dir(dir)
            .unwrap()
            .map(|e| {
                let path = e.unwrap().path();
                (path.file_name().unwrap().to_string_lossy().into_owned(), fs::read(&path).unwrap())
            })
            .collect();
        files.sort();
        files
    }

    #[test]
    fn the_same_seed_gives_byte_identical_files() {
        let scale = scale_named("XS").unwrap();
        let (a, b, c) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        generate(scale, 7, a.path()).unwrap();
        generate(scale, 7, b.path()).unwrap();
        generate(scale, 8, c.path()).unwrap();
        let (first, again, other) = (contents(a.path()), contents(b.path()), contents(c.path()));
        // Six nodes files, eight relationships files, the schema and the manifest.
        assert_eq!(first.len(), 6 + 8 + 2);
        assert_eq!(first, again);
        assert_ne!(first, other);
    }

    #[test]
    fn every_relationship_joins_ids_of_its_labels() {
        let scale = scale_named("XS").unwrap();
        let dir = tempfile::tempdir().unwrap();
        let manifest = generate(scale, 1, dir.path()).unwrap();
        let range = |label: &str| manifest.ranges.iter().find(|(l, _)| *l == label).unwrap().1;
        let knows = fs::read_to_string(dir.path().join("rels-KNOWS-Person-Person.csv")).unwrap();
        let people = range("Person");
        let mut n_rows = 0;
        for line in knows.lines().skip(1) {
            let mut fields = line.split(',').map(|f| f.parse::<f64>().unwrap());
            let (start, end) = (fields.next().unwrap() as u64, fields.next().unwrap() as u64);
            assert!((people.first..people.first + people.count).contains(&start));
            assert!((people.first..people.first + people.count).contains(&end));
            assert_ne!(start, end, "KNOWS has no self-loops");
            n_rows += 1;
        }
        assert_eq!(n_rows, scale.relationships * 450 / 1000);
    }

    /// The schema file is what the rows are: every row loads against it, and each label's
    /// `id` is its key (as Kuzu's primary key), so a duplicate id is refused.
    #[test]
    fn every_row_loads_against_the_schema_file() {
        use steppe::import::{import_csv_with_schema, CsvOptions, CsvSource, IdType, NoProgress, SchemaScript};
        let scale = scale_named("XS").unwrap();
        let dir = tempfile::tempdir().unwrap();
        let manifest = generate(scale, 3, dir.path()).unwrap();
        let text = fs::read_to_string(dir.path().join(SCHEMA_FILE)).unwrap();
        let source =
            |file: String, prefix: &str| CsvSource { path: dir.path().join(file), prefix: vec![prefix.into()] };
        let nodes: Vec<CsvSource> = LABELS.iter().map(|(l, _)| source(node_file_name(l), l)).collect();
        let rels: Vec<CsvSource> = REL_FILES.iter().map(|(t, a, b, _)| source(rel_file_name(t, a, b), t)).collect();
        let options = CsvOptions { id_type: IdType::Integer, ..CsvOptions::default() };
        let mut graph = steppe::store::Graph::new();
        let schema = SchemaScript { text: &text, file: SCHEMA_FILE };
        let stats = import_csv_with_schema(&mut graph, Some(&schema), &nodes, &rels, &options, &mut NoProgress)
            .unwrap_or_else(|e| panic!("{}", e.describe("")));
        assert_eq!(stats.types_defined, 6 + 5);
        assert_eq!(stats.nodes_created, manifest.ranges.iter().map(|(_, r)| r.count).sum::<u64>());
        assert_eq!(stats.relationships_created, manifest.rel_counts.iter().sum::<u64>());

        let mut db = steppe::Database::from_graph(graph);
        let params = steppe::Params::new();
        let weight = db.execute("MATCH (p:Person) RETURN p.weight AS w LIMIT 1", &params).unwrap();
        assert!(matches!(weight.rows[0][0], steppe::Value::Float(_)));
        let first = manifest.ranges[0].1.first;
        let again = db.execute(&format!("CREATE (:Person {{id: {first}, name: 'again'}})"), &params);
        assert_eq!(again.map_err(|e| e.code).err(), Some(steppe::ErrorCode::DuplicateKey));
    }
}
