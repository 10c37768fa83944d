//! JSON Lines: one document per statement, as `shared/interface.md` specifies. Graph
//! values and non-JSON values are tagged objects (`$node`, `$relationship`, `$path`,
//! `$date`, `$float`).

use std::io::{self, Write};

use crate::error::Error;
use crate::result::{Entities, QueryResult};
use crate::store::{NodeId, RelId};
use crate::value::Value;

use super::WriteOptions;

/// A JSON string literal.
pub fn string(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".to_string())
}

/// Writes a value that is neither a container nor a graph entity, as the interface
/// tags it (`{"$float": "NaN"}`, `{"$date": "2022-01-06"}`); false for any other value.
/// Shared by query results and the JSON export, so that both read the same.
pub fn scalar_json(value: &Value, out: &mut String) -> bool {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Int(i) => out.push_str(&i.to_string()),
        Value::Float(f) if f.is_finite() => out.push_str(&crate::value::format_float(*f)),
        Value::Float(f) => out.push_str(&format!("{{\"$float\": {}}}", string(&crate::value::format_float(*f)))),
        Value::String(s) => out.push_str(&string(s)),
        Value::Date(_)
        | Value::LocalTime(_)
        | Value::Time(_)
        | Value::LocalDateTime(_)
        | Value::DateTime(_)
        | Value::Duration(_) => {
            let (tag, text) = crate::value::temporal::json_tag(value).unwrap_or_default();
            out.push_str(&format!("{{{}: {}}}", string(tag), string(&text)));
        }
        _ => return false,
    }
    true
}

pub fn write(result: &QueryResult, options: WriteOptions, out: &mut dyn Write) -> io::Result<()> {
    let mut doc = String::from("{\"columns\": [");
    doc.push_str(&result.columns.iter().map(|c| string(c)).collect::<Vec<_>>().join(", "));
    doc.push_str("], \"rows\": [");
    for (i, row) in result.rows.iter().enumerate() {
        if i > 0 {
            doc.push_str(", ");
        }
        doc.push('[');
        for (j, value) in row.iter().enumerate() {
            if j > 0 {
                doc.push_str(", ");
            }
            value_json(value, &result.entities, &mut doc);
        }
        doc.push(']');
    }
    let s = &result.stats;
    doc.push_str(&format!(
        "], \"stats\": {{\"nodes_created\": {}, \"nodes_deleted\": {}, \"relationships_created\": {}, \"relationships_deleted\": {}, \"properties_set\": {}, \"labels_added\": {}, \"labels_removed\": {}}}",
        s.nodes_created, s.nodes_deleted, s.relationships_created, s.relationships_deleted, s.properties_set, s.labels_added, s.labels_removed
    ));
    if let Some(plan) = &result.plan {
        doc.push_str(&format!(", \"plan\": {}", string(plan)));
    }
    if options.timing {
        let ms = |d: std::time::Duration| d.as_secs_f64() * 1000.0;
        doc.push_str(&format!(
            ", \"timing\": {{\"parse_ms\": {:.3}, \"plan_ms\": {:.3}, \"execute_ms\": {:.3}}}",
            ms(result.timing.parse),
            ms(result.timing.plan),
            ms(result.timing.execute)
        ));
    }
    doc.push('}');
    writeln!(out, "{doc}")
}

/// One value as JSON, tagged where JSON has no such type.
pub fn write_value_json(value: &Value, entities: &Entities) -> String {
    let mut out = String::new();
    value_json(value, entities, &mut out);
    out
}

/// Writes a list or map as JSON, each element by `element`; false for any other value.
/// The JSON writers (results, the JSON export, GraphML's list text) differ only in how
/// they write the elements.
pub fn container_json(value: &Value, out: &mut String, element: &mut dyn FnMut(&Value, &mut String)) -> bool {
    match value {
        Value::List(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                element(item, out);
            }
            out.push(']');
        }
        Value::Map(map) => {
            out.push('{');
            for (i, (k, v)) in map.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                out.push_str(&string(k));
                out.push_str(": ");
                element(v, out);
            }
            out.push('}');
        }
        _ => return false,
    }
    true
}

fn value_json(value: &Value, entities: &Entities, out: &mut String) {
    if scalar_json(value, out) || container_json(value, out, &mut |v, out| value_json(v, entities, out)) {
        return;
    }
    match value {
        Value::Node(id) => node_json(*id, entities, out),
        Value::Relationship(id) => rel_json(*id, entities, out),
        Value::Path(path) => {
            out.push_str("{\"$path\": {\"nodes\": [");
            for (i, n) in path.nodes.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                node_json(*n, entities, out);
            }
            out.push_str("], \"relationships\": [");
            for (i, r) in path.rels.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                rel_json(*r, entities, out);
            }
            out.push_str("]}}");
        }
        // Written by scalar_json above.
        _ => {}
    }
}

fn properties_json(
    props: &std::collections::BTreeMap<std::sync::Arc<str>, Value>,
    entities: &Entities,
    out: &mut String,
) {
    value_json(&Value::map(props.clone()), entities, out);
}

fn node_json(id: NodeId, entities: &Entities, out: &mut String) {
    out.push_str(&format!("{{\"$node\": {{\"id\": {id}, \"labels\": ["));
    if let Some(data) = entities.nodes.get(&id) {
        out.push_str(&data.labels.iter().map(|l| string(l)).collect::<Vec<_>>().join(", "));
        out.push_str("], \"properties\": ");
        properties_json(&data.properties, entities, out);
    } else {
        out.push_str("], \"properties\": {}");
    }
    out.push_str("}}");
}

fn rel_json(id: RelId, entities: &Entities, out: &mut String) {
    match entities.rels.get(&id) {
        Some(data) => {
            out.push_str(&format!(
                "{{\"$relationship\": {{\"id\": {id}, \"type\": {}, \"start\": {}, \"end\": {}, \"properties\": ",
                string(&data.rel_type),
                data.start,
                data.end
            ));
            properties_json(&data.properties, entities, out);
            out.push_str("}}");
        }
        None => out.push_str(&format!("{{\"$relationship\": {{\"id\": {id}, \"type\": null, \"start\": null, \"end\": null, \"properties\": {{}}}}}}")),
    }
}

/// `{"error": {"kind", "code", "message", "line", "column"}}`, positions in `source`.
pub fn write_error_json(err: &Error, source: &str, out: &mut dyn Write) -> io::Result<()> {
    let position = err.position(source);
    let (line, column) = match position {
        Some(p) => (p.line.to_string(), p.column.to_string()),
        None => ("null".to_string(), "null".to_string()),
    };
    let mut message = err.message.clone();
    if let Some(hint) = &err.hint {
        message.push_str(&format!(" ({hint})"));
    }
    let file = match &err.file {
        Some(f) => format!(", \"file\": {}", string(f)),
        None => String::new(),
    };
    writeln!(
        out,
        "{{\"error\": {{\"kind\": {}, \"code\": {}, \"message\": {}, \"line\": {line}, \"column\": {column}{file}}}}}",
        string(err.kind().as_str()),
        string(err.code.as_str()),
        string(&message)
    )
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::write_value_json;
    use crate::result::Entities;
    use crate::value::temporal::{parse_datetime, parse_duration, parse_local_time};
    use crate::value::Value;

    #[test]
    fn temporal_values_are_tagged_with_their_iso_text() {
        let entities = Entities::default();
        let cases = [
            (
                Value::LocalTime(parse_local_time("12:00:01").unwrap_or_else(|e| panic!("{e}"))),
                r#"{"$localtime": "12:00:01"}"#,
            ),
            (
                Value::DateTime(Arc::new(
                    parse_datetime("2022-01-06T10:00[Asia/Almaty]").unwrap_or_else(|e| panic!("{e}")),
                )),
                r#"{"$datetime": "2022-01-06T10:00:00+06:00[Asia/Almaty]"}"#,
            ),
            (
                Value::Duration(Arc::new(parse_duration("PT-0.5S").unwrap_or_else(|e| panic!("{e}")))),
                r#"{"$duration": "PT-0.5S"}"#,
            ),
        ];
        for (value, json) in cases {
            assert_eq!(write_value_json(&value, &entities), json);
        }
    }
}
