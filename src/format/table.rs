//! Aligned tables, as a shell shows them: a header, one line per row, then the row
//! count and what the statement changed.

use std::io::{self, Write};

use comfy_table::{presets::UTF8_FULL_CONDENSED, ContentArrangement, Table};

use super::notation::cypher_notation;
use super::WriteOptions;
use crate::result::QueryResult;
use crate::store::Stats;

/// Below this many columns a terminal width is taken to be unknown.
const MIN_WRAP_WIDTH: u16 = 20;

pub fn write(result: &QueryResult, options: WriteOptions, out: &mut dyn Write) -> io::Result<()> {
    if let Some(plan) = &result.plan {
        write!(out, "{plan}")?;
    }
    if result.plan_only {
        return Ok(());
    }
    let n_rows = result.rows.len();
    if !result.columns.is_empty() {
        let mut table = Table::new();
        table.load_preset(UTF8_FULL_CONDENSED);
        // Wrap cells to the terminal's width when it has a sensible one; a terminal that
        // reports no width (0, as a fresh pseudo-terminal does) must not squeeze every
        // column to one character.
        match options.max_width.or_else(|| table.width()).filter(|w| *w >= MIN_WRAP_WIDTH) {
            Some(width) => {
                table.set_content_arrangement(ContentArrangement::Dynamic).set_width(width);
            }
            None => {
                table.set_content_arrangement(ContentArrangement::Disabled);
            }
        }
        table.set_header(&result.columns);
        let shown = options.max_rows.unwrap_or(usize::MAX).min(n_rows);
        for row in &result.rows[..shown] {
            table.add_row(row.iter().map(|v| cypher_notation(v, &result.entities, true)));
        }
        writeln!(out, "{table}")?;
        if shown < n_rows {
            let hidden = n_rows - shown;
            let hint = options.more_rows_hint.unwrap_or("add LIMIT and SKIP to see fewer at a time");
            writeln!(out, "… {hidden} more row{} not shown: {hint}", if hidden == 1 { "" } else { "s" })?;
        }
    }
    let mut summary = format!("{n_rows} row{}", if n_rows == 1 { "" } else { "s" });
    if let Some(changes) = describe_stats(&result.stats) {
        summary.push_str(&format!("; {changes}"));
    }
    if options.elapsed && !options.timing {
        let total = result.timing.parse + result.timing.plan + result.timing.execute;
        summary.push_str(&format!(" ({:.1} ms)", total.as_secs_f64() * 1000.0));
    }
    if options.timing {
        summary.push_str(&format!(" ({})", describe_timing(result)));
    }
    writeln!(out, "{summary}")
}

/// "parse 0.041 ms, plan 0.020 ms, execute 1.700 ms", for `--timing`.
pub fn describe_timing(result: &QueryResult) -> String {
    format!(
        "parse {:.3} ms, plan {:.3} ms, execute {:.3} ms",
        result.timing.parse.as_secs_f64() * 1000.0,
        result.timing.plan.as_secs_f64() * 1000.0,
        result.timing.execute.as_secs_f64() * 1000.0
    )
}

/// "created 2 nodes, set 4 properties", or `None` when nothing changed.
pub fn describe_stats(stats: &Stats) -> Option<String> {
    let parts: Vec<String> = [
        (stats.nodes_created, "created", "node"),
        (stats.nodes_deleted, "deleted", "node"),
        (stats.relationships_created, "created", "relationship"),
        (stats.relationships_deleted, "deleted", "relationship"),
        (stats.properties_set, "set", "property"),
        (stats.labels_added, "added", "label"),
        (stats.labels_removed, "removed", "label"),
        (stats.types_defined, "defined", "type"),
        (stats.constraints_added, "added", "constraint"),
        (stats.constraints_removed, "removed", "constraint"),
    ]
    .iter()
    .filter(|(n, _, _)| *n > 0)
    .map(|(n, verb, noun)| {
        let plural = match (*n, *noun) {
            (1, _) => noun.to_string(),
            (_, "property") => "properties".to_string(),
            _ => format!("{noun}s"),
        };
        format!("{verb} {n} {plural}")
    })
    .collect();
    (!parts.is_empty()).then(|| parts.join(", "))
}
