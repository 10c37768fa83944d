//! `VarExpand` hands on each path as its search finds it: the paths of one input row are
//! never all held at once, and a LIMIT above stops the search. Checked with the
//! statement's limits, not with time: the search of the whole path set would fail them.

use steppe::{Database, ErrorCode, Limits, Params, Value};

/// 30 nodes, each joined to the next three around a ring: undirected, the paths from one
/// node are far too many to find (every length up to 90).
fn ring() -> Database {
    let mut db = Database::empty();
    let params = Params::new();
    db.execute("UNWIND range(0, 29) AS i CREATE (:N {i: i})", &params).unwrap();
    db.execute(
        "MATCH (a:N), (b:N) WHERE b.i IN [(a.i + 1) % 30, (a.i + 2) % 30, (a.i + 3) % 30] CREATE (a)-[:K]->(b)",
        &params,
    )
    .unwrap();
    db
}

fn ints(rows: &[Vec<Value>]) -> Vec<i64> {
    rows.iter()
        .map(|r| match r[0] {
            Value::Int(i) => i,
            ref other => panic!("not an int: {other:?}"),
        })
        .collect()
}

/// The first rows of an endless search come back: the search stopped at the LIMIT,
/// before it reached a path past the path length limit (where the whole search fails).
#[test]
fn a_limit_stops_the_path_search() {
    let mut db = ring();
    db.set_limits(Limits { max_path_length: Some(5), max_memory: 1 << 20, ..db.limits() });
    let query = "MATCH (a:N {i: 0})-[r:K*]-(b) RETURN b.i AS i, size(r) AS len LIMIT 4";
    let plan = db.execute(&format!("EXPLAIN {query}"), &Params::new()).unwrap().plan.unwrap_or_default();
    assert!(plan.contains("VarExpand ("), "{plan}");
    let rows = db.execute(query, &Params::new()).unwrap().rows;
    // Depth first: the first path grows one relationship at a time.
    let lengths: Vec<i64> = rows.iter().map(|r| if let Value::Int(n) = r[1] { n } else { -1 }).collect();
    assert_eq!(lengths, vec![1, 2, 3, 4]);
    let whole = db.execute("MATCH (a:N {i: 0})-[r:K*]-(b) RETURN b.i AS i", &Params::new()).err().map(|e| e.code);
    assert_eq!(whole, Some(ErrorCode::LimitExceeded));
}

/// Some 100,000 paths from one row (several MiB as rows) go through a count within 1 MiB: only the levels of the
/// current path are held. The counting operator (`VarExpandCount`) runs the same search.
#[test]
fn the_paths_of_one_row_are_held_one_at_a_time() {
    let mut db = ring();
    db.set_limits(Limits { max_memory: 1 << 20, ..db.limits() });
    let walked = "MATCH p = (a:N {i: 0})-[:K*1..7]-(b) RETURN count(p) AS n";
    let plan = db.execute(&format!("EXPLAIN {walked}"), &Params::new()).unwrap().plan.unwrap_or_default();
    assert!(plan.contains("VarExpand ("), "{plan}");
    let n = ints(&db.execute(walked, &Params::new()).unwrap().rows);
    let counted = "MATCH (a:N {i: 0})-[:K*1..7]-(b) RETURN count(*) AS n";
    assert_eq!(ints(&db.execute(counted, &Params::new()).unwrap().rows), n);
    assert!(n[0] > 50_000, "{n:?}");
}

/// Rows come in the search's order, input row by input row, and a LIMIT in the middle of
/// a row's paths gives the first rows of the whole answer.
#[test]
fn a_limit_gives_the_first_rows_of_the_answer() {
    let mut db = ring();
    let all = "MATCH (a:N)-[r:K*1..3]->(b) WHERE a.i < 3 RETURN a.i AS a, b.i AS b, size(r) AS len";
    let every = db.execute(all, &Params::new()).unwrap().rows;
    assert_eq!(every.len(), 3 * (3 + 9 + 27));
    for n in [1, 5, 39, 40, 100] {
        let first = db.execute(&format!("{all} LIMIT {n}"), &Params::new()).unwrap().rows;
        assert_eq!(first[..], every[..n], "LIMIT {n}");
    }
}
