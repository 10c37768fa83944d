//! Turtle terms: literals with XSD datatypes, strings escaped as Turtle reads them, and
//! IRIs percent-encoded so that any name (spaces, quotes, any script) makes a valid one.
//!
//! The same terms serve Turtle and TriG, whose term syntax is one.

use crate::value::Value;

pub const RDF: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
pub const RDFS: &str = "http://www.w3.org/2000/01/rdf-schema#";
pub const XSD: &str = "http://www.w3.org/2001/XMLSchema#";
pub const PROV: &str = "http://www.w3.org/ns/prov#";
/// GeoSPARQL's WKT literal, the datatype points are written with.
const WKT_LITERAL: &str = "http://www.opengis.net/ont/geosparql#wktLiteral";
/// EPSG's coordinate reference systems, as GeoSPARQL names them in a WKT literal.
const EPSG: &str = "http://www.opengis.net/def/crs/EPSG/0/";

/// `text` as a piece of an IRI: every byte but RFC 3986's unreserved characters is
/// percent-encoded (non-ASCII too, so that every RDF reader takes it, however strict).
pub fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Whether `base` can stand before the encoded names: an absolute IRI (a scheme, then
/// `:`) with nothing Turtle's `<…>` forbids, ending in `/` or `#`.
pub fn valid_base(base: &str) -> bool {
    let scheme_ok = base.split_once(':').is_some_and(|(scheme, _)| {
        scheme.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
            && scheme.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    });
    let chars_ok = base.chars().all(|c| c > ' ' && !matches!(c, '<' | '>' | '"' | '{' | '}' | '|' | '^' | '`' | '\\'));
    scheme_ok && chars_ok && (base.ends_with('/') || base.ends_with('#'))
}

/// An IRI term: `<iri>`; `iri` must be valid already (built from [`encode`]d parts).
pub fn iri(text: &str) -> String {
    format!("<{text}>")
}

/// A string literal in Turtle's short quoted form.
pub fn string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 || c == '\u{7f}' => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn typed(text: &str, datatype: &str) -> String {
    format!("{}^^<{datatype}>", string(text))
}

fn xsd(text: &str, datatype: &str) -> String {
    format!("{}^^xsd:{datatype}", string(text))
}

/// A property value as an object term: XSD literals for scalars and temporal values, an
/// RDF collection `( … )` for a list (keeping its order, which parallel lists such as
/// `aliases` and `alias_sources` need), `rdf:JSON` text for a map, a WKT literal for a
/// point. `None` for null and for graph values, which are never stored as properties.
pub fn literal(value: &Value) -> Option<String> {
    Some(match value {
        Value::Null | Value::Node(_) | Value::Relationship(_) | Value::Path(_) => return None,
        Value::Bool(b) => b.to_string(),
        Value::Int(i) => i.to_string(),
        Value::Float(f) => xsd(&double(*f), "double"),
        Value::String(s) => string(s),
        Value::List(items) => {
            // A null inside a list has no RDF term; an empty blank node keeps its place.
            let terms: Vec<String> = items.iter().map(|v| literal(v).unwrap_or_else(|| "[]".into())).collect();
            format!("( {} )", terms.join(" "))
        }
        Value::Map(_) => {
            let mut json = String::new();
            super::super::json::value_json(value, &mut json);
            typed(&json, &format!("{RDF}JSON"))
        }
        Value::Date(_) | Value::LocalTime(_) | Value::Time(_) | Value::LocalDateTime(_) | Value::DateTime(_) => {
            temporal(value)?
        }
        Value::Duration(_) => {
            let text = value.temporal_text()?;
            // xsd:duration has one sign for the whole; Cypher's components may differ in sign.
            if text[1..].contains('-') {
                string(&text)
            } else {
                xsd(&text, "duration")
            }
        }
        Value::Point(p) => {
            let mut coords = format!("{} {}", double(p.x), double(p.y));
            if let Some(z) = p.z {
                coords.push_str(&format!(" {}", double(z)));
            }
            let shape = if p.z.is_some() { "POINT Z" } else { "POINT" };
            // GeoSPARQL's default CRS is WGS-84 in longitude, latitude order: steppe's x, y.
            let crs = if p.crs.srid() == 4326 { String::new() } else { format!("<{EPSG}{}> ", p.crs.srid()) };
            typed(&format!("{crs}{shape}({coords})"), WKT_LITERAL)
        }
    })
}

/// A double in XSD's lexical form (`INF`, `-INF`, `NaN`, digits with a `.` or exponent).
fn double(x: f64) -> String {
    match crate::value::format_float(x).as_str() {
        "Infinity" => "INF".to_string(),
        "-Infinity" => "-INF".to_string(),
        text => text.to_string(),
    }
}

/// A date or time as its XSD literal: the ISO text with seconds always written (XSD
/// requires them; Cypher leaves out `:00`) and a named zone dropped (XSD has only offsets).
fn temporal(value: &Value) -> Option<String> {
    let text = value.temporal_text()?;
    let text = text.split('[').next().unwrap_or_default();
    Some(match value {
        Value::Date(_) => xsd(text, "date"),
        Value::LocalTime(_) | Value::Time(_) => xsd(&with_seconds(text), "time"),
        _ => {
            let (date, time) = text.split_once('T')?;
            xsd(&format!("{date}T{}", with_seconds(time)), "dateTime")
        }
    })
}

/// `10:00+06:00` → `10:00:00+06:00`; a time with seconds is returned as it is.
fn with_seconds(time: &str) -> String {
    let bytes = time.as_bytes();
    if bytes.len() >= 5 && bytes.get(5) != Some(&b':') {
        format!("{}:00{}", &time[..5], &time[5..])
    } else {
        time.to_string()
    }
}
