//! The built-in CSTO graph: it loads, passes its own schema, has provenance on every
//! relationship, and holds exactly the counts its data files define.

use std::collections::BTreeSet;

use steppe::{Database, Params, Value};

fn csto() -> Database {
    Database::default_graph().unwrap_or_else(|e| panic!("the CSTO graph does not load: {}", e.message))
}

fn rows(db: &mut Database, query: &str) -> Vec<Vec<Value>> {
    db.execute(query, &Params::new()).unwrap_or_else(|e| panic!("{query}: {}", e.describe(query))).rows
}

#[test]
fn loads_and_is_typed() {
    let db = csto();
    assert!(db.graph().schema().is_typed());
    assert!(db.graph().node_count() > 100);
    assert!(db.graph().rel_count() > 300);
}

#[test]
fn every_relationship_has_sources_naming_articles_and_matching_quotes() {
    let mut db = csto();
    let articles: BTreeSet<String> = rows(&mut db, "MATCH (a:Article) RETURN a.id")
        .into_iter()
        .filter_map(|r| r[0].as_str().map(str::to_string))
        .collect();
    assert_eq!(articles.len(), 5, "{articles:?}");
    let all = rows(&mut db, "MATCH ()-[r]->() RETURN type(r), r.sources, r.quotes");
    assert_eq!(all.len(), db.graph().rel_count());
    for row in all {
        let (Value::List(sources), Value::List(quotes)) = (&row[1], &row[2]) else {
            panic!("{} lacks sources or quotes: {row:?}", row[0]);
        };
        assert!(!sources.is_empty(), "{} has no sources", row[0]);
        assert_eq!(sources.len(), quotes.len(), "{}: sources and quotes differ in length", row[0]);
        for source in sources.iter() {
            let id = source.as_str().unwrap_or_default();
            assert!(articles.contains(id), "{} cites {id}, which is no Article", row[0]);
        }
    }
}

/// Every quote is the article's own words: checked against the articles themselves,
/// which live outside the project (in ../shared/articles) and are not copied into it.
#[test]
fn quotes_are_verbatim_from_the_cited_article() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/articles");
    if !dir.is_dir() {
        // Without the articles beside the checkout there is nothing to compare against.
        return;
    }
    let normalize = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut db = csto();
    let all = rows(&mut db, "MATCH ()-[r]->() RETURN type(r), r.sources, r.quotes");
    let mut bad = Vec::new();
    for row in all {
        let (Value::List(sources), Value::List(quotes)) = (&row[1], &row[2]) else {
            continue;
        };
        for (source, quote) in sources.iter().zip(quotes.iter()) {
            let id = source.as_str().unwrap_or_default();
            let text = std::fs::read_to_string(dir.join(format!("{id}.txt"))).unwrap_or_default();
            let quote = quote.as_str().unwrap_or_default();
            if quote.is_empty() || !normalize(&text).contains(&normalize(quote)) {
                bad.push(format!("{} [{id}]: {quote}", row[0]));
            }
        }
    }
    assert!(bad.is_empty(), "{} quotes are not in their article:\n{}", bad.len(), bad.join("\n"));
}

#[test]
fn every_named_node_has_name_and_aliases() {
    let mut db = csto();
    let missing = rows(&mut db, "MATCH (n) WHERE n.name IS NULL OR n.aliases IS NULL RETURN labels(n), n.name, n.id");
    assert!(missing.is_empty(), "nodes without name or aliases: {missing:?}");
}

#[test]
fn passes_its_own_schema_as_a_whole() {
    let db = csto();
    assert_eq!(db.graph().validate().map_err(|e| e.message), Ok(()));
}

#[test]
fn a_load_error_names_file_line_and_column() {
    let files = [
        ("graph-data/00_schema.cypher", "CREATE NODE TYPE Country (name STRING KEY);\n"),
        ("graph-data/10_facts.cypher", "CREATE (:Country {name: 'A'});\n// a comment\nCREATE (:Contry {name: 'B'});\n"),
    ];
    let err = steppe::default_graph::load_files(&files).err().map(|e| (e.kind(), e.message));
    let (kind, message) = err.unwrap_or_else(|| panic!("a bad data file loaded"));
    assert_eq!(kind, steppe::ErrorKind::SchemaError);
    assert!(message.starts_with("graph-data/10_facts.cypher:3:10: unknown label `Contry`"), "{message}");
}
