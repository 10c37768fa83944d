//! Generated garbage at every entry point: the same entry points as the cargo-fuzz
//! targets in `fuzz/`, run under proptest in the normal suite. Each must give a result
//! or an error, never a panic.

use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use steppe::store::durable::{self, DurableOptions};
use steppe::store::journal::{self, Scan};
use steppe::store::{snapshot, Graph};
use steppe::{Database, Limits, Params};

/// Words and punctuation of the language, to make statements that get past the lexer.
const VOCABULARY: &[&str] = &[
    "MATCH",
    "OPTIONAL",
    "WHERE",
    "RETURN",
    "WITH",
    "UNWIND",
    "AS",
    "CREATE",
    "MERGE",
    "SET",
    "REMOVE",
    "DELETE",
    "DETACH",
    "ORDER",
    "BY",
    "SKIP",
    "LIMIT",
    "DISTINCT",
    "UNION",
    "ALL",
    "CALL",
    "YIELD",
    "EXPLAIN",
    "PROFILE",
    "NODE",
    "RELATIONSHIP",
    "TYPE",
    "KEY",
    "NOT",
    "NULL",
    "AND",
    "OR",
    "XOR",
    "IN",
    "IS",
    "CASE",
    "WHEN",
    "THEN",
    "ELSE",
    "END",
    "ON",
    "STRING",
    "INT",
    "LIST",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    "<",
    ">",
    "-",
    "->",
    "<-",
    "--",
    ":",
    ",",
    ".",
    "..",
    "*",
    "+",
    "/",
    "%",
    "^",
    "=",
    "<>",
    "|",
    "$p",
    "n",
    "m",
    "r",
    "x",
    "Country",
    "Person",
    "CONTRIBUTED_TROOPS",
    "name",
    "aliases",
    "0",
    "1",
    "-1",
    "9223372036854775807",
    "1.5e308",
    "'s'",
    "\"t\"",
    "true",
    "null",
    "count(*)",
    "size",
    "range",
    "shortestPath",
    "id",
    "labels",
    "date('2022-01-06')",
    ";",
];

/// Queries that run on the CSTO graph: mutations of them reach the executor.
const VALID: &[&str] = &[
    "MATCH (c:Country)-[r:CONTRIBUTED_TROOPS]->(d:Deployment) RETURN c.name, r.sources ORDER BY c.name",
    "MATCH (p:Person {name: 'Kassym-Jomart Tokayev'})-[r]-(x) RETURN type(r), x.name LIMIT 5",
    "MATCH (c:Country) WHERE c.name STARTS WITH 'K' RETURN c.name, size(c.aliases) AS n",
    "UNWIND range(1, 10) AS i WITH i WHERE i % 2 = 0 RETURN collect(i), sum(i), avg(i)",
    "MATCH (c:Country {name: 'Armenia'}) SET c.note = 'x' RETURN c",
    "MATCH (a:Country {name: 'Russia'}), (b:Country {name: 'Kazakhstan'}) RETURN shortestPath((a)-[*..4]-(b))",
    "MATCH (o:Organization) OPTIONAL MATCH (o)<-[m]-(c) RETURN o.name, count(c)",
    "RETURN [x IN range(0, 5) | x * x][1..3], {a: 1, b: [true, null]}.b, date('2022-01-07')",
    "MATCH (c:Country {name: 'Belarus'}) DETACH DELETE c",
    "CREATE (:Country {name: 'Atlantis', aliases: []})-[:MEMBER_OF {sources: [], quotes: []}]->(:Organization {name: 'X', aliases: []})",
];

fn runner(cases: u32) -> TestRunner {
    TestRunner::new(Config { cases, failure_persistence: None, ..Config::default() })
}

fn limited(mut db: Database) -> Database {
    // Garbage may ask for every path in the graph; the limits keep each case short.
    db.set_limits(Limits { max_rows: Some(5_000), max_path_length: Some(4), ..db.limits() });
    db
}

#[test]
fn the_parser_never_panics_on_any_text() {
    runner(512)
        .run(&any::<String>(), |text| {
            let _ = steppe::parse_statement(&text);
            let _ = steppe::syntax::split_script(&text);
            Ok(())
        })
        .unwrap_or_else(|e| panic!("{e}"));
}

/// Random token sequences are parsed, bound against the CSTO schema and planned.
#[test]
fn random_statements_never_panic_the_binder_or_planner() {
    let csto = Database::default_graph().unwrap_or_else(|e| panic!("{}", e.message));
    let statement = proptest::collection::vec(proptest::sample::select(VOCABULARY), 0..24).prop_map(|w| w.join(" "));
    let mut params = Params::new();
    params.insert("p".into(), steppe::Value::Int(1));
    runner(1024)
        .run(&statement, |text| {
            let _ = csto.check(&text, &params);
            Ok(())
        })
        .unwrap_or_else(|e| panic!("{e}"));
}

/// A mutation of a valid query: a character changed, removed, inserted or a token swapped.
fn mutated() -> impl Strategy<Value = String> {
    let edit = (0usize..4, any::<prop::sample::Index>(), proptest::sample::select(VOCABULARY), any::<char>());
    (proptest::sample::select(VALID), proptest::collection::vec(edit, 1..4)).prop_map(|(query, edits)| {
        let mut chars: Vec<char> = query.chars().collect();
        for (kind, at, word, c) in edits {
            let i = at.index(chars.len().max(1)).min(chars.len());
            match kind {
                0 if i < chars.len() => chars[i] = c,
                1 if i < chars.len() => {
                    chars.remove(i);
                }
                2 => chars.splice(i..i, format!(" {word} ").chars()).for_each(drop),
                _ => chars.insert(i, c),
            }
        }
        chars.into_iter().collect()
    })
}

/// Mutated queries run to a result or an error on the CSTO graph, and an error leaves
/// the graph as it was.
#[test]
fn mutated_queries_never_panic_the_executor() {
    let csto = limited(Database::default_graph().unwrap_or_else(|e| panic!("{}", e.message)));
    let before = snapshot::to_bytes(csto.graph()).unwrap_or_default();
    runner(384)
        .run(&mutated(), |text| {
            let mut db = csto.clone();
            if db.execute(&text, &Params::new()).is_err() {
                prop_assert_eq!(snapshot::to_bytes(db.graph()).unwrap_or_default(), before.clone());
            }
            Ok(())
        })
        .unwrap_or_else(|e| panic!("{e}"));
}

/// A snapshot's body damaged behind a checksum that still matches (what a fuzzer finds)
/// decodes to an error or a consistent graph.
#[test]
fn snapshots_with_a_valid_checksum_but_damaged_body_never_panic() {
    let csto = Database::default_graph().unwrap_or_else(|e| panic!("{}", e.message));
    let good = snapshot::to_bytes(csto.graph()).unwrap_or_default();
    let damage = proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..6);
    runner(256)
        .run(&(damage, proptest::option::of(any::<prop::sample::Index>())), |(damage, cut)| {
            let mut body = good[24..].to_vec();
            for (at, byte) in damage {
                let i = at.index(body.len());
                body[i] = byte;
            }
            if let Some(cut) = cut {
                body.truncate(cut.index(body.len()));
            }
            let mut bytes = good[..12].to_vec();
            bytes.extend_from_slice(&(body.len() as u64).to_le_bytes());
            bytes.extend_from_slice(&crc32fast::hash(&body).to_le_bytes());
            bytes.extend_from_slice(&body);
            if let Ok(graph) = snapshot::from_bytes(&bytes) {
                // Whatever loads is usable.
                let _ = Database::from_graph(graph).execute("MATCH (n)-[r]-(m) RETURN count(*)", &Params::new());
            }
            Ok(())
        })
        .unwrap_or_else(|e| panic!("{e}"));
}

/// A real journal: the records of a few statements on an empty database.
fn sample_journal() -> Vec<u8> {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("g.steppe");
    let options = DurableOptions { create: true, ..DurableOptions::default() };
    let mut db = Database::open_with(&path, &options).unwrap_or_else(|e| panic!("{}", e.message));
    let script = "
        CREATE NODE TYPE Country (name STRING KEY, aliases LIST<STRING> NOT NULL);
        CREATE RELATIONSHIP TYPE BORDERS (Country -> Country, km INT);
        CREATE (:Country {name: 'Kazakhstan', aliases: ['KZ']}), (:Country {name: 'Russia', aliases: []});
        MATCH (a:Country {name: 'Kazakhstan'}), (b:Country {name: 'Russia'}) CREATE (a)-[:BORDERS {km: 7644}]->(b);
        MATCH (c:Country {name: 'Russia'}) SET c.aliases = ['RF'];
        MATCH ()-[r:BORDERS]->() SET r.km = 7598;
        CREATE (:Country {name: 'Belarus', aliases: []});
        MATCH (c:Country {name: 'Belarus'}) DELETE c;
    ";
    db.execute_script(script, &Params::new()).unwrap_or_else(|e| panic!("{}", e.describe(script)));
    std::fs::read(durable::journal_path(&path)).unwrap_or_default()
}

fn replay(bytes: &[u8]) {
    let Ok(scan) = journal::scan(bytes) else { return };
    let mut graph = Graph::new();
    if durable::replay(&mut graph, &scan, 0, std::path::Path::new("fuzz.journal")).is_ok() {
        let _ = Database::from_graph(graph).execute("MATCH (n)-[r]-(m) RETURN count(*)", &Params::new());
    }
}

#[test]
fn the_sample_journal_replays() {
    let bytes = sample_journal();
    let scan = journal::scan(&bytes).unwrap_or_else(|e| panic!("{}", e.message));
    assert_eq!(scan.records.len(), 8);
    let mut graph = Graph::new();
    assert!(durable::replay(&mut graph, &scan, 0, std::path::Path::new("j")).is_ok());
    assert_eq!((graph.node_count(), graph.rel_count()), (2, 1));
}

/// Bytes flipped anywhere in a journal: an error or a replay, never a panic.
#[test]
fn damaged_journals_never_panic() {
    let good = sample_journal();
    let damage = proptest::collection::vec((any::<prop::sample::Index>(), 1u8..=255), 1..4);
    runner(256)
        .run(&(damage, proptest::option::of(any::<prop::sample::Index>())), |(damage, cut)| {
            let mut bytes = good.clone();
            for (at, xor) in damage {
                let i = at.index(bytes.len());
                bytes[i] ^= xor;
            }
            if let Some(cut) = cut {
                bytes.truncate(cut.index(bytes.len()));
            }
            replay(&bytes);
            Ok(())
        })
        .unwrap_or_else(|e| panic!("{e}"));
}

/// Record bodies damaged and framed again with valid checksums reach the decoder and the
/// redo: they must fail cleanly (or apply consistently), never panic.
#[test]
fn damaged_record_bodies_with_valid_checksums_never_panic() {
    let good = journal::scan(&sample_journal()).unwrap_or_else(|e| panic!("{}", e.message));
    let damage =
        (any::<prop::sample::Index>(), proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..4));
    runner(512)
        .run(&damage, |(which, damage)| {
            let Scan { mut records, .. } = good.clone();
            let stamp = records[0].stamp.unwrap_or(journal::Stamp { db_id: [1; 16], generation: 0 });
            let record = which.get_mut(&mut records);
            for (at, byte) in damage {
                if !record.body.is_empty() {
                    let i = at.index(record.body.len());
                    record.body[i] = byte;
                }
            }
            let mut bytes = journal::file_header();
            for record in &records {
                bytes.extend(journal::encode_record(record.lsn, stamp, &record.body).unwrap_or_default());
            }
            replay(&bytes);
            Ok(())
        })
        .unwrap_or_else(|e| panic!("{e}"));
}

/// A body the snapshot fuzz target found: a checksum-valid version 1 snapshot claiming
/// billions of ids for no nodes made the reader pad memory until it ran out.
#[test]
fn a_snapshot_claiming_billions_of_ids_is_refused() {
    let body = [0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xfc, 0x01, 0x00, 0x62, 0xff, 0x00, 0x00];
    let mut bytes = snapshot::MAGIC.to_vec();
    bytes.extend_from_slice(&1u32.to_le_bytes());
    bytes.extend_from_slice(&(body.len() as u64).to_le_bytes());
    bytes.extend_from_slice(&crc32fast::hash(&body).to_le_bytes());
    bytes.extend_from_slice(&body);
    let err = snapshot::from_bytes(&bytes).err().map(|e| e.code);
    assert_eq!(err, Some(steppe::ErrorCode::CorruptSnapshot));
}
