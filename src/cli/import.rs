//! `steppe import`: bulk loads into a graph file, with a progress bar on a terminal.
//!
//! The graph file is read (or, when missing, a new empty graph is started), the import
//! runs in memory, and the file is replaced atomically only when the whole import
//! succeeded: a failed import leaves it, or its absence, untouched.

use std::io::{self, IsTerminal};
use std::path::Path;
use std::time::Instant;

use steppe::import::{import_csv, import_json, CsvOptions, CsvSource, IdType, ImportProgress, NoProgress};
use steppe::store::{BulkStats, Graph};
use steppe::{Database, Error, ErrorCode};

use super::args::{GraphArgs, ImportArgs};
use super::{report, EXIT_OK, EXIT_QUERY, EXIT_USAGE};

pub fn run(graph: &GraphArgs, args: &ImportArgs) -> u8 {
    let Some(path) = graph.db.as_deref() else {
        report(
            "import writes into a graph file: give it with --db PATH (an in-memory import would end with the process)",
        );
        return EXIT_USAGE;
    };
    if args.json.is_none() && args.nodes.is_empty() {
        report("nothing to import: give --nodes FILE... (and --relationships FILE...), or --json FILE");
        return EXIT_USAGE;
    }
    let (Ok(delimiter), true) = (u8::try_from(args.delimiter), args.delimiter.is_ascii()) else {
        report("--delimiter must be one ASCII character");
        return EXIT_USAGE;
    };
    let started = Instant::now();
    let mut graph = match open(path) {
        Ok(graph) => graph,
        Err(err) => return fail(&err),
    };
    let mut progress: Box<dyn ImportProgress> =
        if io::stderr().is_terminal() { Box::new(Bar::default()) } else { Box::new(NoProgress) };
    let imported = match &args.json {
        Some(file) => std::fs::File::open(file)
            .map_err(|e| Error::from(e).in_file(file.display().to_string()))
            .and_then(|f| import_json(&mut graph, io::BufReader::new(f), &file.display().to_string())),
        None => {
            let options = CsvOptions {
                delimiter,
                array_delimiter: args.array_delimiter,
                id_type: if args.id_type == "integer" { IdType::Integer } else { IdType::String },
            };
            let nodes: Vec<CsvSource> = args.nodes.iter().map(|s| CsvSource::parse(s)).collect();
            let rels: Vec<CsvSource> = args.relationships.iter().map(|s| CsvSource::parse(s)).collect();
            import_csv(&mut graph, &nodes, &rels, &options, progress.as_mut())
        }
    };
    drop(progress);
    let stats = match imported {
        Ok(stats) => stats,
        Err(err) => return fail(&err),
    };
    // Saving over the graph file takes its lock and folds its journal into the snapshot.
    let mut db = Database::from_graph(graph);
    if let Err(err) = db.save(path) {
        return fail(&err);
    }
    summary(&stats, path, started);
    EXIT_OK
}

fn open(path: &Path) -> Result<Graph, Error> {
    if path.exists() {
        Ok(Database::open(path)?.graph().clone())
    } else {
        Ok(Graph::new())
    }
}

/// Bad data (a row, a value, the schema) is exit 1, as a failed statement; a file that
/// cannot be read or written is exit 2.
fn fail(err: &Error) -> u8 {
    report(&format!("import failed, nothing changed: {}", err.describe("")));
    match err.code {
        ErrorCode::FileNotFound | ErrorCode::FileUnreadable | ErrorCode::FileWrite => EXIT_USAGE,
        _ => EXIT_QUERY,
    }
}

#[allow(clippy::print_stdout)]
fn summary(stats: &BulkStats, path: &Path, started: Instant) {
    println!(
        "imported {} nodes and {} relationships ({} properties{}) into {} in {:.2} s",
        stats.nodes_created,
        stats.relationships_created,
        stats.properties_set,
        if stats.types_defined > 0 { format!(", {} types", stats.types_defined) } else { String::new() },
        path.display(),
        started.elapsed().as_secs_f64()
    );
}

/// A progress bar in bytes of input, drawn on standard error.
#[derive(Default)]
struct Bar {
    bar: Option<indicatif::ProgressBar>,
}

impl ImportProgress for Bar {
    fn start(&mut self, total_bytes: u64) {
        let bar = indicatif::ProgressBar::new(total_bytes);
        if let Ok(style) = indicatif::ProgressStyle::with_template(
            "{spinner} importing [{bar:40}] {bytes}/{total_bytes} ({bytes_per_sec}, {eta} left)",
        ) {
            bar.set_style(style.progress_chars("=> "));
        }
        self.bar = Some(bar);
    }

    fn advance(&mut self, bytes_done: u64) {
        if let Some(bar) = &self.bar {
            bar.set_position(bytes_done);
        }
    }

    fn finish(&mut self) {
        if let Some(bar) = self.bar.take() {
            bar.finish_and_clear();
        }
    }
}

impl Drop for Bar {
    fn drop(&mut self) {
        self.finish();
    }
}
