//! `steppe import`: bulk loads into a graph file, with a progress bar on a terminal.
//!
//! An existing graph file is opened under its lock and the import runs on its graph in
//! memory; only when the whole import succeeded is the snapshot rewritten (atomically,
//! as a checkpoint). A missing file is written only after success. A failed import
//! leaves the file, or its absence, untouched. `--schema FILE` declares types in the same
//! load, before the rows, so a failure undoes them too.

use std::io::{self, IsTerminal};
use std::path::Path;
use std::time::Instant;

use steppe::import::{
    import_csv_with_schema, import_json, CsvOptions, CsvSource, IdType, ImportProgress, NoProgress, SchemaScript,
};
use steppe::store::BulkStats;
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
    // The schema file is read before the graph file is touched: an unreadable one changes nothing.
    let schema_text = match &args.schema {
        Some(file) => match std::fs::read_to_string(file) {
            Ok(text) => Some((text, file.display().to_string())),
            Err(e) => return fail(&Error::from(e).in_file(file.display().to_string())),
        },
        None => None,
    };
    let schema = schema_text.as_ref().map(|(text, file)| SchemaScript { text, file });
    let started = Instant::now();
    // An existing graph file is opened under its lock and loaded into in place; a new
    // one is written only once the import succeeded.
    let existing = path.exists();
    let opened = if existing { Database::open(path) } else { Ok(Database::empty()) };
    let mut db = match opened {
        Ok(db) => db,
        Err(err) => return fail(&err),
    };
    let mut progress: Box<dyn ImportProgress> =
        if io::stderr().is_terminal() { Box::new(Bar::default()) } else { Box::new(NoProgress) };
    let imported = db.bulk_load(|graph| match &args.json {
        Some(file) => std::fs::File::open(file)
            .map_err(|e| Error::from(e).in_file(file.display().to_string()))
            .and_then(|f| import_json(graph, io::BufReader::new(f), &file.display().to_string())),
        None => {
            let options = CsvOptions {
                delimiter,
                array_delimiter: args.array_delimiter,
                id_type: if args.id_type == "integer" { IdType::Integer } else { IdType::String },
                ..CsvOptions::default()
            };
            let nodes: Vec<CsvSource> = args.nodes.iter().map(|s| CsvSource::parse(s)).collect();
            let rels: Vec<CsvSource> = args.relationships.iter().map(|s| CsvSource::parse(s)).collect();
            import_csv_with_schema(graph, schema.as_ref(), &nodes, &rels, &options, progress.as_mut())
        }
    });
    drop(progress);
    let stats = match imported {
        Ok(stats) => stats,
        Err(err) => return fail(&err),
    };
    if !existing {
        if let Err(err) = db.save(path) {
            return fail(&err);
        }
    }
    summary(&stats, path, started);
    EXIT_OK
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
