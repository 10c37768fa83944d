//! `steppe export`: the whole graph, or the subgraph a query returns, in one of the
//! export formats, to standard output, a file, or (CSV) a directory.

use std::io::{self, IsTerminal, Write};
use std::path::Path;
use std::time::Duration;

use steppe::export::{
    export, export_csv, render, Cluster, Dialect, ExportFormat, ExportOptions, GraphView, Image, Layout,
};
use steppe::{Error, ErrorCode};

use super::{report, Session, EXIT_OK, EXIT_QUERY, EXIT_USAGE};

/// What the command line asked for.
pub struct Request<'a> {
    pub to: &'a str,
    pub dialect: &'a str,
    pub query: Option<&'a str>,
    pub show: Vec<String>,
    pub layout: Option<&'a str>,
    pub cluster: Option<&'a str>,
    pub mentions: bool,
    pub base: &'a str,
    pub output: Option<&'a Path>,
}

pub fn run(session: &mut Session, request: Request<'_>) -> anyhow::Result<u8> {
    let (Some(format), Some(dialect)) = (ExportFormat::parse(request.to), Dialect::parse(request.dialect)) else {
        report(&format!("cannot export to `{}` (dialect `{}`)", request.to, request.dialect));
        return Ok(EXIT_USAGE);
    };
    if !steppe::export::valid_base(request.base) {
        report(&format!("--base `{}` must be an absolute IRI ending in `/` or `#`", request.base));
        return Ok(EXIT_USAGE);
    }
    if format.writes_directory() && request.output.is_none() {
        report("a CSV export is a directory of files: give it with -o DIR");
        return Ok(EXIT_USAGE);
    }
    let result = match request.query {
        Some(text) => match session.db.execute(text, &session.params) {
            Ok(result) => Some(result),
            Err(err) => {
                session.print_error(&err, text, "query", &mut io::stdout())?;
                return Ok(EXIT_QUERY);
            }
        },
        None => None,
    };
    let graph = session.db.graph();
    let view = match &result {
        Some(result) => GraphView::of_result(graph, result),
        None => GraphView::whole(graph),
    };
    if let Some(result) = &result {
        if view.nodes.is_empty() && !result.rows.is_empty() {
            // Rows of names or numbers make no graph: an empty picture would hide the mistake.
            report(&format!(
                "the query returned no nodes, relationships or paths, so there is nothing to export; \
                 return the graph values themselves, e.g. `MATCH (c:Country)-[r]->(o) RETURN c, r, o` \
                 or `MATCH p = (…)-[…]->(…) RETURN p` (its columns: {})",
                result.columns.join(", ")
            ));
            return Ok(EXIT_QUERY);
        }
        if result.rows.is_empty() {
            // Not an error (a question may have no answer), but not silent either.
            report("warning: the query returned no rows, so the export holds an empty graph");
            for notification in &result.notifications {
                report(&format!("hint: {}", notification.message));
            }
        }
    }
    let options = ExportOptions {
        show: request.show,
        dialect,
        layout: request.layout.and_then(Layout::parse),
        cluster: request.cluster.and_then(Cluster::parse),
        mentions: request.mentions.then_some(true),
        base: Some(request.base.to_string()),
    };
    let written = match (format, request.output) {
        (ExportFormat::Csv, Some(dir)) => export_csv(&view, dir).map(|_| ()),
        (ExportFormat::Svg | ExportFormat::Png, output) => picture(format, &view, &options, output),
        (_, Some(path)) => to_file(format, &view, &options, path),
        (_, None) => export(format, &view, &options, &mut io::stdout().lock()),
    };
    match written {
        Ok(()) => Ok(EXIT_OK),
        Err(err) => {
            report(&err.describe(""));
            if let Some(hint) = &err.hint {
                report(&format!("hint: {hint}"));
            }
            Ok(if err.code == ErrorCode::FileWrite { EXIT_USAGE } else { EXIT_QUERY })
        }
    }
}

/// A picture rendered by Graphviz, with a spinner on a terminal while it draws: a large
/// graph can take a minute.
fn picture(
    format: ExportFormat,
    view: &GraphView<'_>,
    options: &ExportOptions,
    output: Option<&Path>,
) -> Result<(), Error> {
    let mut dot_text = Vec::new();
    export(ExportFormat::Dot, view, options, &mut dot_text)?;
    let plan = steppe::export::dot_plan(view, options);
    let image = if format == ExportFormat::Svg { Image::Svg } else { Image::Png };
    let what = format!(
        "drawing {} nodes and {} relationships with Graphviz's {}",
        view.nodes.len(),
        plan.rels.len(),
        plan.layout.name()
    );
    let spinner = io::stderr().is_terminal().then(|| {
        let bar = indicatif::ProgressBar::new_spinner();
        if let Ok(style) = indicatif::ProgressStyle::with_template("{spinner} {msg} ({elapsed})") {
            bar.set_style(style);
        }
        bar.set_message(what);
        bar
    });
    let tick = |_: Duration| {
        if let Some(bar) = &spinner {
            bar.tick();
        }
    };
    let rendered = render(&dot_text, image, &mut { tick });
    if let Some(bar) = spinner {
        bar.finish_and_clear();
    }
    let bytes = rendered?;
    match output {
        Some(path) => steppe::safe_file::write_atomically(path, |w| {
            w.write_all(&bytes).map_err(|e| Error::new(ErrorCode::FileWrite, format!("cannot write the picture: {e}")))
        })
        .map_err(|e| Error::new(ErrorCode::FileWrite, format!("cannot write {}: {}", path.display(), e.message))),
        None => match io::stdout().lock().write_all(&bytes) {
            Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
                Err(Error::new(ErrorCode::FileWrite, format!("cannot write the picture: {e}")))
            }
            _ => Ok(()),
        },
    }
}

/// Writes the export into a file beside `path` and renames it over `path` only when it
/// is complete and on disk, so that a failed export leaves no half-written file.
fn to_file(format: ExportFormat, view: &GraphView<'_>, options: &ExportOptions, path: &Path) -> Result<(), Error> {
    steppe::safe_file::write_atomically(path, |writer| export(format, view, options, writer)).map_err(|e: Error| {
        match e.code {
            // What the file system refused (creating, syncing, renaming) is a failed write.
            ErrorCode::FileUnreadable | ErrorCode::FileNotFound => {
                Error::new(ErrorCode::FileWrite, format!("cannot write {}: {}", path.display(), e.message))
            }
            _ => e,
        }
    })
}
