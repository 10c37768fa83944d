//! The RDF exports (`--to turtle`, `--to trig`) of the CSTO graph, loaded by the RDF
//! libraries people use: pyoxigraph reads the Turtle (RDF 1.2), pyoxigraph and rdflib
//! the TriG. `tests/rdf/load.py` reports what each read; this test compares it with the
//! graph itself. The Python comes from `STEPPE_PYTHON`, else `target/pyvenv` (which
//! `.ci/run` creates); without it the test says it is skipped, except under CI, where it
//! fails.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::Command;

use serde_json::Value as Json;
use steppe::{Database, Params, Value};

use crate::common::{steppe_in, text};

const BASE: &str = "http://example.org/steppe/";

/// A Python that can import both libraries, or why there is none.
fn python() -> Result<PathBuf, String> {
    let python = match std::env::var_os("STEPPE_PYTHON") {
        Some(path) => PathBuf::from(path),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/pyvenv/bin/python"),
    };
    let probe = Command::new(&python).args(["-c", "import pyoxigraph, rdflib"]).output();
    match probe {
        Ok(out) if out.status.success() => Ok(python),
        Ok(out) => Err(format!("{} cannot import pyoxigraph and rdflib: {}", python.display(), text(&out.stderr))),
        Err(e) => Err(format!("no Python at {}: {e}", python.display())),
    }
}

fn strings(value: Option<&Value>) -> Vec<String> {
    match value {
        Some(Value::List(items)) => items.iter().filter_map(|v| v.as_str().map(str::to_string)).collect(),
        _ => Vec::new(),
    }
}

fn pairs(sources: Option<&Value>, quotes: Option<&Value>) -> Vec<(String, String)> {
    strings(quotes).into_iter().zip(strings(sources)).collect()
}

/// What the export must say, worked out from the graph: the (quote, article) pairs of
/// every claim, relationships, sourced properties, dates, deprecated claims, claimants.
struct Expected {
    quotes: Vec<(String, String)>,
    relationships: usize,
    property_claims: usize,
    dates: usize,
    deprecated: usize,
    attributions: usize,
}

fn expected(db: &Database) -> Expected {
    let graph = db.graph();
    let catalog = graph.catalog();
    let named = |props: Vec<(steppe::store::PropKeyId, Value)>| -> BTreeMap<String, Value> {
        props.into_iter().map(|(k, v)| (catalog.prop_key_name(k).to_string(), v)).collect()
    };
    let mut e =
        Expected { quotes: Vec::new(), relationships: 0, property_claims: 0, dates: 0, deprecated: 0, attributions: 0 };
    for rel in graph.rel_ids() {
        let props = named(graph.rel_properties(rel));
        e.relationships += 1;
        e.quotes.extend(pairs(props.get("sources"), props.get("quotes")));
        e.dates += usize::from(matches!(props.get("date"), Some(Value::Date(_))));
        e.deprecated += usize::from(props.get("rank").and_then(Value::as_str) == Some("deprecated"));
        e.attributions += strings(props.get("claimants")).len();
    }
    for node in graph.node_ids() {
        let props = named(graph.node_properties(node));
        e.quotes.extend(pairs(props.get("sources"), props.get("quotes")));
        e.dates += usize::from(matches!(props.get("date"), Some(Value::Date(_))));
        for key in props.keys().filter(|k| !k.contains("__")) {
            let sources = props.get(&format!("{key}__sources"));
            let quotes = props.get(&format!("{key}__quotes"));
            let rule = props.get(&format!("{key}__rule"));
            e.property_claims += usize::from(sources.is_some() || quotes.is_some() || rule.is_some());
            e.quotes.extend(pairs(sources, quotes));
        }
    }
    e.quotes.sort();
    e
}

#[test]
#[expect(clippy::print_stderr, reason = "a skipped test says so")]
fn rdflib_and_pyoxigraph_load_the_rdf_exports_with_every_claim_and_quote() {
    let python = match python() {
        Ok(python) => python,
        Err(why) if std::env::var_os("CI").is_some() => panic!("CI must run the RDF loader: {why}"),
        Err(why) => {
            eprintln!("SKIPPED rdf loader test (run .ci/run, or set STEPPE_PYTHON): {why}");
            return;
        }
    };
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    for (format, file) in [("turtle", "csto.ttl"), ("trig", "csto.trig")] {
        let out = steppe_in(&["export", "--to", format, "--base", BASE, "-o", file], dir.path());
        assert!(out.status.success(), "{}", text(&out.stderr));
    }
    let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/rdf/load.py");
    let out = Command::new(&python)
        .arg(&script)
        .args([BASE, "csto.ttl", "csto.trig"])
        .current_dir(dir.path())
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(out.status.success(), "the loader failed:\n{}", text(&out.stderr));
    let readings: BTreeMap<String, Json> = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}"));
    let mut db = Database::default_graph().unwrap_or_else(|e| panic!("{e}"));
    let want = expected(&db);
    assert!(
        want.quotes.len() > 500 && want.property_claims > 0 && want.dates > 0,
        "the CSTO graph lost its provenance"
    );
    // Claimants are names of nodes; one that names none is attributed to a bare agent.
    let q = "MATCH ()-[r]->() UNWIND r.claimants AS c
             OPTIONAL MATCH (n) WHERE n.name = c OR n.id = c
             WITH c, count(n) AS found WHERE found = 0 RETURN count(*) AS unresolved";
    let res = db.execute(q, &Params::new()).unwrap_or_else(|e| panic!("{e}"));
    let Value::Int(unresolved) = res.rows[0][0] else { panic!("{:?}", res.rows) };
    assert_eq!(readings.len(), 3);
    for (reader, got) in &readings {
        let quotes: Vec<(String, String)> = serde_json::from_value(got["quotes"].clone()).unwrap_or_default();
        assert_eq!(quotes, want.quotes, "{reader}: the (quote, article) pairs");
        assert_eq!(got["relationship_claims"], want.relationships, "{reader}");
        assert_eq!(got["property_claims"], want.property_claims, "{reader}");
        assert_eq!(got["dates"], want.dates, "{reader}: dates as xsd:date");
        assert_eq!(got["deprecated"], want.deprecated, "{reader}");
        assert_eq!(got["attributions"], want.attributions, "{reader}");
        assert_eq!(got["attributions_to_nodes"], want.attributions - unresolved as usize, "{reader}");
        if reader.starts_with("trig") {
            assert_eq!(got["triples_per_named_graph"], serde_json::json!([1]), "{reader}: one triple per claim");
        }
    }
}
