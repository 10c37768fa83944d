//! Memory governance (`--max-memory`, `Limits::max_memory`): each operator and expression
//! that can grow with its input fails with `MemoryLimitExceeded` past a small limit,
//! changes nothing, and runs under a larger one, so the limit is what stopped it.

use steppe::{Database, ErrorCode, Limits, Params, Value};

const SMALL: u64 = 1 << 20;
const LARGE: u64 = 256 << 20;

/// 20,000 nodes with a 40-byte name each, and a
/// knot of `K` relationships over the first 18 (each to the next three).
fn graph() -> Database {
    let mut db = Database::empty();
    let params = Params::new();
    db.execute(
        "UNWIND range(1, 20000) AS i CREATE (:N {i: i, name: 'name-' + i + '-abcdefghijklmnopqrstuvwxyz'})",
        &params,
    )
    .unwrap();
    db.execute(
        "MATCH (a:N), (b:N) WHERE a.i <= 18 AND b.i <= 18 AND a.i < b.i AND b.i <= a.i + 3 CREATE (a)-[:K]->(b)",
        &params,
    )
    .unwrap();
    db
}

fn with_limit(db: &mut Database, bytes: u64) {
    db.set_limits(Limits { max_memory: bytes, ..db.limits() });
}

/// Fails under the small limit (and changes nothing), runs under the large one.
fn stopped_by_the_limit(db: &mut Database, query: &str) {
    let before = (db.graph().node_count(), db.graph().rel_count());
    with_limit(db, SMALL);
    let err = db.execute(query, &Params::new()).err().unwrap_or_else(|| panic!("{query}: ran within 1 MiB"));
    assert_eq!(
        (err.code, err.kind().as_str()),
        (ErrorCode::MemoryLimitExceeded, "ArgumentError"),
        "{query}: {}",
        err.message
    );
    assert_eq!((db.graph().node_count(), db.graph().rel_count()), before, "{query} changed the graph");
    with_limit(db, LARGE);
    db.execute(query, &Params::new()).unwrap_or_else(|e| panic!("{query}: {}", e.message));
}

#[test]
fn every_growing_operator_is_stopped_by_the_memory_limit() {
    let mut db = graph();
    for query in [
        // sort
        "MATCH (n:N) WITH n.name AS name ORDER BY name RETURN count(*)",
        // aggregation: a group per name
        "MATCH (n:N) WITH n.name AS name, count(*) AS c RETURN count(*)",
        // distinct
        "MATCH (n:N) WITH DISTINCT n.name AS name RETURN count(*)",
        // collect (read at an index, so the list is built: its size alone would be a count)
        "MATCH (n:N) RETURN collect(n.name)[-1]",
        // the rows of the result
        "MATCH (n:N) RETURN n.name",
        // a cartesian product's result
        "MATCH (a:N), (b:N) WHERE a.i <= 300 AND b.i <= 300 RETURN a.i, b.i",
        // an eager barrier before writes: nothing written
        "MATCH (a:N) WHERE a.i <= 20000 CREATE (:Copy {name: a.name})",
        // a list comprehension and range()
        "RETURN size([x IN range(1, 100000) | 'item ' + x])",
        "RETURN size(range(1, 1000000))",
    ] {
        stopped_by_the_limit(&mut db, query);
    }
}

#[test]
fn string_growth_is_stopped_before_it_is_built() {
    let mut db = Database::empty();
    with_limit(&mut db, 64 << 20);
    let err = db.execute("RETURN size(reduce(s = 'x', i IN range(1, 40) | s + s))", &Params::new()).unwrap_err();
    assert_eq!(err.code, ErrorCode::MemoryLimitExceeded);
    // Under the limit, the same doubling runs.
    let ok = db.execute("RETURN size(reduce(s = 'x', i IN range(1, 20) | s + s))", &Params::new()).unwrap();
    assert_eq!(ok.rows, vec![vec![Value::Int(1 << 20)]]);
}

#[test]
fn a_limit_counts_one_statement_at_a_time() {
    let mut db = graph();
    with_limit(&mut db, 8 << 20);
    // Each statement holds a few MiB: together far more than the limit, one by one within it.
    for _ in 0..20 {
        db.execute("MATCH (n:N) WITH n.name AS name ORDER BY name RETURN count(*)", &Params::new()).unwrap();
    }
}

#[test]
fn profile_shows_each_operators_peak_memory() {
    let mut db = graph();
    let result =
        db.execute("PROFILE MATCH (n:N) WITH n.name AS name ORDER BY name RETURN count(*)", &Params::new()).unwrap();
    let plan = result.plan.unwrap_or_default();
    let sort = plan.lines().find(|l| l.contains("Sort")).unwrap_or_else(|| panic!("no Sort in\n{plan}"));
    assert!(sort.contains("memory: ") && !sort.contains("memory: 0 bytes"), "{plan}");
    let scan = plan.lines().find(|l| l.contains("Scan")).unwrap_or_else(|| panic!("no scan in\n{plan}"));
    assert!(scan.contains("memory: 0 bytes"), "{plan}");
}

/// Through the binary: the flag, and the probes that used to take the machine down.
#[test]
fn the_binary_takes_max_memory_and_stops_runaway_strings() {
    use super::common::{steppe_with_stdin, text};
    let reduce = "RETURN size(reduce(s = 'x', i IN range(1, 40) | s + s))";
    let out = steppe_with_stdin(&["query", "--empty", "--format", "json", "--max-memory", "64MiB", reduce], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stdout).contains("\"MemoryLimitExceeded\""), "{}", text(&out.stdout));
    let started = std::time::Instant::now();
    let out = steppe_with_stdin(&["query", "--empty", "--format", "json", "--timeout", "1s", reduce], None);
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("\"QueryTimedOut\"") || stdout.contains("\"MemoryLimitExceeded\""), "{stdout}");
    assert!(started.elapsed() < std::time::Duration::from_secs(30), "{:?}", started.elapsed());
    let out = steppe_with_stdin(&["query", "--empty", "--max-memory", "lots", "RETURN 1"], None);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
}
