//! `:export` and `:show`: the graph, or what a query returns, written with
//! `export::export` for another tool and, for `:show`, drawn by Graphviz's `dot` as SVG
//! and opened in the desktop's viewer when there is one.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};

use steppe::export::{export, ExportFormat, ExportOptions, GraphView};
use steppe::QueryResult;

use super::Session;

/// What an export wrote.
struct Written {
    nodes: usize,
    rels: usize,
}

/// `:export FORMAT FILE [QUERY]`: writes the export and says what it wrote. Returns
/// false when it could not (an unknown format, a failing query, an unwritable file).
pub fn export_command(
    session: &mut Session,
    format: &str,
    path: &Path,
    query: Option<&str>,
    out: &mut dyn Write,
) -> anyhow::Result<bool> {
    let Some(format) = ExportFormat::parse(format) else {
        writeln!(out, "cannot export to `{format}`: the formats are {}", export_formats().join(", "))?;
        return Ok(false);
    };
    let Some(result) = run_query(session, query, out)? else { return Ok(false) };
    match write_export(session, format, result.as_ref(), path) {
        Ok(written) => {
            writeln!(out, "wrote {} ({})", path.display(), describe(&written))?;
            Ok(true)
        }
        Err(e) => {
            writeln!(out, "cannot write {}: {e}", path.display())?;
            Ok(false)
        }
    }
}

/// `:show [QUERY]`: DOT to a temporary file, `dot -Tsvg` beside it, then the viewer.
pub fn show_command(session: &mut Session, query: Option<&str>, out: &mut dyn Write) -> anyhow::Result<bool> {
    let Some(result) = run_query(session, query, out)? else { return Ok(false) };
    let (dot_path, svg_path) = picture_paths()?;
    let written = match write_export(session, ExportFormat::Dot, result.as_ref(), &dot_path) {
        Ok(written) => written,
        Err(e) => {
            writeln!(out, "cannot write {}: {e}", dot_path.display())?;
            return Ok(false);
        }
    };
    if written.nodes == 0 {
        writeln!(out, "nothing to draw: the query returned no nodes, relationships or paths")?;
        return Ok(false);
    }
    let rendered = Command::new("dot").arg("-Tsvg").arg("-o").arg(&svg_path).arg(&dot_path).output();
    match rendered {
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            writeln!(
                out,
                "cannot draw: Graphviz's `dot` is not installed (apt install graphviz, brew install graphviz).\n\
                 The DOT text is in {}; `:export dot FILE` writes it where you like.",
                dot_path.display()
            )?;
            return Ok(false);
        }
        Err(e) => {
            writeln!(out, "cannot run Graphviz's `dot`: {e}")?;
            return Ok(false);
        }
        Ok(output) if !output.status.success() => {
            writeln!(out, "Graphviz's `dot` failed: {}", String::from_utf8_lossy(&output.stderr).trim())?;
            return Ok(false);
        }
        Ok(_) => {}
    }
    let _ = std::fs::remove_file(&dot_path);
    let verb = if open_in_viewer(&svg_path) { "opened" } else { "drew" };
    writeln!(out, "{verb} {} ({})", svg_path.display(), describe(&written))?;
    Ok(true)
}

/// The names `ExportFormat::parse` accepts, for messages and completion: new formats
/// appear here as the exporters add them.
pub fn export_formats() -> Vec<&'static str> {
    ["dot", "json", "graphml", "cypher", "csv", "turtle", "trig"]
        .into_iter()
        .filter(|f| ExportFormat::parse(f).is_some())
        .collect()
}

/// `Some(None)` for the whole graph, `Some(Some(result))` for a query's result, `None`
/// after showing why the query failed.
fn run_query(
    session: &mut Session,
    query: Option<&str>,
    out: &mut dyn Write,
) -> anyhow::Result<Option<Option<QueryResult>>> {
    let Some(query) = query else { return Ok(Some(None)) };
    match session.execute(query) {
        Ok(result) => Ok(Some(Some(result))),
        Err(err) => {
            session.print_error(&err, query, "query", out)?;
            Ok(None)
        }
    }
}

fn write_export(
    session: &Session,
    format: ExportFormat,
    result: Option<&QueryResult>,
    path: &Path,
) -> steppe::Result<Written> {
    let graph = session.db.graph();
    let view = match result {
        Some(result) => GraphView::of_result(graph, result),
        None => GraphView::whole(graph),
    };
    let mut writer = io::BufWriter::new(std::fs::File::create(path)?);
    export(format, &view, &ExportOptions::default(), &mut writer)?;
    writer.flush()?;
    Ok(Written { nodes: view.nodes.len(), rels: view.rels.len() })
}

fn describe(written: &Written) -> String {
    let plural = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    format!("{}, {}", plural(written.nodes, "node", "nodes"), plural(written.rels, "relationship", "relationships"))
}

/// A fresh pair of paths in the temporary directory: one picture per `:show`, so a
/// viewer still showing the last one is not overwritten.
fn picture_paths() -> io::Result<(PathBuf, PathBuf)> {
    static SHOWN: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join("steppe");
    std::fs::create_dir_all(&dir)?;
    let stem = format!("show-{}-{}", std::process::id(), SHOWN.fetch_add(1, Ordering::Relaxed) + 1);
    Ok((dir.join(format!("{stem}.dot")), dir.join(format!("{stem}.svg"))))
}

/// Opens `path` with the desktop's viewer, if there is a desktop; false otherwise.
fn open_in_viewer(path: &Path) -> bool {
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(unix) && ["DISPLAY", "WAYLAND_DISPLAY"].iter().any(|v| std::env::var_os(v).is_some()) {
        "xdg-open"
    } else {
        return false;
    };
    let child = Command::new(opener).arg(path).stdin(Stdio::null()).stdout(Stdio::null()).stderr(Stdio::null()).spawn();
    match child {
        Ok(mut child) => {
            // Reap the opener when it exits, without making the shell wait for it.
            std::thread::spawn(move || child.wait());
            true
        }
        Err(_) => false,
    }
}
