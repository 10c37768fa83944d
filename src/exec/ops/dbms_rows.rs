//! The rows of SHOW DATABASES, SHOW SETTINGS and SHOW TRANSACTIONS, in the columns of
//! `syntax::show_columns`: one database (the open one, `neo4j`, also called `steppe`, as
//! the HTTP interface names it), the limits a statement runs under, and the transaction
//! the statement itself runs in.

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::binder::bound::Procedure;
use crate::exec::ExecCtx;
use crate::limits::Limits;
use crate::syntax::show_columns::{DATABASES, SETTINGS, TRANSACTIONS};
use crate::value::Value;

/// The name the open database answers to, and its alias.
const NAME: &str = "neo4j";
const ALIAS: &str = "steppe";

pub fn rows(procedure: Procedure, args: &[Value], ctx: &ExecCtx<'_, '_>) -> Vec<Vec<Value>> {
    let filter = args.first().filter(|v| !v.is_null());
    match procedure {
        Procedure::Databases => databases(filter, ctx.read_only),
        Procedure::Settings => settings(&ctx.limits, filter),
        _ => transactions(ctx.is_explicit(), filter),
    }
}

/// Whether `name` is kept by a SHOW command's names: one string, or a list of them.
fn kept(filter: Option<&Value>, name: &str) -> bool {
    match filter {
        None => true,
        Some(Value::String(s)) => &**s == name,
        Some(Value::List(items)) => items.iter().any(|v| v.as_str() == Some(name)),
        Some(_) => false,
    }
}

/// A row in `columns`' order, from the named values (the others null).
fn row(columns: &[&str], values: Vec<(&str, Value)>) -> Vec<Value> {
    let mut by_name: BTreeMap<&str, Value> = values.into_iter().collect();
    columns.iter().map(|c| by_name.remove(c).unwrap_or(Value::Null)).collect()
}

fn text(s: &str) -> Value {
    Value::String(Arc::from(s))
}

fn databases(filter: Option<&Value>, read_only: bool) -> Vec<Vec<Value>> {
    if !(kept(filter, NAME) || kept(filter, ALIAS)) {
        return Vec::new();
    }
    let values = vec![
        ("name", text(NAME)),
        ("type", text("standard")),
        ("aliases", Value::list(vec![text(ALIAS)])),
        ("access", text(if read_only { "read-only" } else { "read-write" })),
        ("role", text("primary")),
        ("writer", Value::Bool(true)),
        ("requestedStatus", text("online")),
        ("currentStatus", text("online")),
        ("statusMessage", text("")),
        ("default", Value::Bool(true)),
        ("home", Value::Bool(true)),
        ("currentPrimariesCount", Value::Int(1)),
        ("currentSecondariesCount", Value::Int(0)),
        ("requestedPrimariesCount", Value::Int(1)),
        ("requestedSecondariesCount", Value::Int(0)),
        ("constituents", Value::list(Vec::new())),
    ];
    vec![row(DATABASES.columns, values)]
}

/// One setting: its name, its value and default as text, and what it bounds.
struct Setting {
    name: &'static str,
    value: String,
    default: String,
    description: &'static str,
}

fn limit_text<T: ToString>(value: Option<T>) -> String {
    value.map_or_else(|| "unlimited".to_string(), |v| v.to_string())
}

fn settings(limits: &Limits, filter: Option<&Value>) -> Vec<Vec<Value>> {
    let defaults = Limits::default();
    let all = [
        Setting {
            name: "steppe.max_rows",
            value: limit_text(limits.max_rows),
            default: limit_text(defaults.max_rows),
            description: "The most rows a statement may return (--max-rows).",
        },
        Setting {
            name: "steppe.max_path_length",
            value: limit_text(limits.max_path_length),
            default: limit_text(defaults.max_path_length),
            description:
                "The most relationships a variable-length step or shortest path may follow (--max-path-length).",
        },
        Setting {
            name: "steppe.max_memory",
            value: limits.max_memory.to_string(),
            default: defaults.max_memory.to_string(),
            description: "The bytes one statement may hold (--max-memory).",
        },
        Setting {
            name: "steppe.threads",
            value: limits.threads.to_string(),
            default: defaults.threads.to_string(),
            description: "The threads a statement may scan with (--threads, STEPPE_THREADS); 1 keeps it on one.",
        },
        Setting {
            name: "steppe.max_nesting",
            value: limits.max_nesting.to_string(),
            default: defaults.max_nesting.to_string(),
            description: "How deeply brackets may nest in a statement.",
        },
        Setting {
            name: "steppe.max_plan_depth",
            value: limits.max_plan_depth.to_string(),
            default: defaults.max_plan_depth.to_string(),
            description: "How many operators a plan may stack.",
        },
    ];
    all.into_iter()
        .filter(|s| kept(filter, s.name))
        .map(|s| {
            let explicit = s.value != s.default;
            row(
                SETTINGS.columns,
                vec![
                    ("name", text(s.name)),
                    ("value", text(&s.value)),
                    ("isDynamic", Value::Bool(false)),
                    ("defaultValue", text(&s.default)),
                    ("description", text(s.description)),
                    ("startupValue", text(&s.value)),
                    ("isExplicitlySet", Value::Bool(explicit)),
                    ("isDeprecated", Value::Bool(false)),
                ],
            )
        })
        .collect()
}

/// The statement's own transaction: one BEGIN opened, or the statement's implicit one.
fn transactions(explicit: bool, filter: Option<&Value>) -> Vec<Vec<Value>> {
    let id = if explicit { "neo4j-transaction-explicit" } else { "neo4j-transaction-implicit" };
    if !kept(filter, id) {
        return Vec::new();
    }
    let details =
        if explicit { "an explicit transaction (BEGIN … COMMIT)" } else { "an implicit (auto-commit) transaction" };
    let values = vec![
        ("database", text(NAME)),
        ("transactionId", text(id)),
        ("status", text("Running")),
        ("outerTransactionId", text("")),
        ("metaData", Value::map(BTreeMap::new())),
        ("statusDetails", text(details)),
        ("protocol", text("embedded")),
        ("activeLockCount", Value::Int(0)),
    ];
    vec![row(TRANSACTIONS.columns, values)]
}
