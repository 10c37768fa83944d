//! Whole scans split over threads (`exec/parallel.rs`, `exec/ops/split_fold.rs`): the
//! same statements at one thread and at two, over random graphs large enough to split,
//! give the same rows in the same order (groups in order of first appearance, collected
//! lists in scan order) and the same errors; PROFILE says when an operator ran on two.

use steppe::{Database, ErrorCode, Limits, Params, Value};

use crate::planner_random::Seq;

/// Enough nodes of `P` for two ranges of at least 65,536 (`MIN_CANDIDATES_PER_THREAD`).
const N: i64 = 140_000;

/// `N` nodes of `P` and a few of `Q` among them, with random properties (some missing),
/// and about `1.1 N` relationships `R` between random `P`s.
fn random_graph(seed: u64) -> Database {
    let mut seq = Seq(seed);
    let mut db = Database::empty();
    let mut rows = Vec::new();
    for i in 0..N {
        let x = if seq.next(10) == 0 { Value::Null } else { Value::Int(seq.next(40)) };
        let y = if seq.next(8) == 0 { Value::Null } else { Value::Float(seq.next(10_000) as f64 / 64.0) };
        let label = if seq.next(20) == 0 { "Q" } else { "P" };
        rows.push(Value::list(vec![Value::Int(i), Value::String(label.into()), x, y, Value::Int(seq.next(1_000))]));
    }
    let params = Params::from([("rows".to_string(), Value::list(rows))]);
    // The Q nodes among the P nodes, so that a split of P's ids skips some.
    let create = "UNWIND $rows AS r \
        FOREACH (_ IN CASE WHEN r[1] = 'P' THEN [1] ELSE [] END | CREATE (:P {id: r[0], x: r[2], y: r[3], w: r[4]})) \
        FOREACH (_ IN CASE WHEN r[1] = 'Q' THEN [1] ELSE [] END | CREATE (:Q {id: r[0], x: r[2], w: r[4]}))";
    db.execute(create, &params).unwrap_or_else(|e| panic!("{}", e.message));
    db.execute("CREATE INDEX FOR (n:P) ON (n.id)", &Params::new()).unwrap_or_else(|e| panic!("{}", e.message));
    let mut pairs = Vec::new();
    // About 1.1 N relationships between P nodes (a pair's end may be a Q), enough to split a type scan.
    for _ in 0..N * 6 / 5 {
        pairs.push(Value::list(vec![Value::Int(seq.next(N)), Value::Int(seq.next(N)), Value::Int(seq.next(50))]));
    }
    let params = Params::from([("pairs".to_string(), Value::list(pairs))]);
    let link = "UNWIND $pairs AS e MATCH (a:P {id: e[0]}), (b:P {id: e[1]}) CREATE (a)-[:R {k: e[2]}]->(b)";
    db.execute(link, &params).unwrap_or_else(|e| panic!("{}", e.message));
    db
}

fn with_threads(db: &mut Database, threads: usize) {
    db.set_limits(Limits { threads, ..db.limits() });
}

/// The rows (or the error's code and message) of `query` at `threads`.
fn run(db: &mut Database, threads: usize, query: &str) -> Result<Vec<Vec<Value>>, (ErrorCode, String)> {
    with_threads(db, threads);
    db.execute(query, &Params::new()).map(|r| r.rows).map_err(|e| (e.code, e.message))
}

/// Whether PROFILE of `query` at `threads` shows an operator on two threads.
fn split(db: &mut Database, threads: usize, query: &str) -> bool {
    with_threads(db, threads);
    let profiled = db.execute(&format!("PROFILE {query}"), &Params::new()).unwrap_or_else(|e| panic!("{}", e.message));
    profiled.plan.unwrap_or_default().contains("threads: 2")
}

/// Statements whose aggregation folds a whole scan of `P` (or of all nodes): split at two.
const QUERIES: [&str; 10] = [
    "MATCH (p:P) RETURN p.x AS x, count(*) AS n, min(p.y) AS lo, max(p.y) AS hi, count(p.y) AS ys",
    "MATCH (p:P) RETURN p.x % 5 AS k, collect(p.w) AS ws",
    "MATCH (p:P) WHERE p.w > 100 RETURN p.x AS x, count(DISTINCT p.w) AS d, sum(p.w) AS s",
    "MATCH (p:P) RETURN count(*) AS n, stDev(p.w) AS sd, avg(p.w) AS a, sum(p.x) AS s",
    "MATCH (n) RETURN labels(n)[0] AS l, n.x AS x, count(*) AS c, collect(n.id)[0..5] AS first",
    "MATCH (p:P) WHERE p.x IS NULL OR p.w < 10 RETURN p.w % 3 AS k, max(p.id) AS last, min(p.id) AS first",
    "MATCH (n) WHERE NOT n:Q AND n.w % 7 = 1 RETURN count(*) AS n",
    "MATCH (p:P) WITH p, p.w + coalesce(p.x, 0) AS z WHERE z % 4 = 0 RETURN z % 3 AS k, count(*) AS n, collect(p.id) AS ids",
    "MATCH (a)-[r:R]->(b) WHERE r.k > 10 AND (a.x < 20 OR b.x IS NULL) RETURN count(*) AS n, count(DISTINCT b) AS bs",
    "MATCH (a)-[r:R]->(b) WHERE CASE WHEN a.x < 10 THEN r.k > 40 ELSE r.k < 2 END RETURN count(*) AS n, collect(r.k)[0..9] AS ks",
];

/// Statements planned otherwise (relationship scans, column folds, subqueries), whose
/// answers must not change either.
const OTHER_QUERIES: [&str; 4] = [
    "MATCH (p:P)-[r:R]->(q) RETURN q.x AS x, count(*) AS n, sum(r.k) AS s, count(DISTINCT p) AS ps",
    "MATCH (p:P) RETURN round(sum(p.y), 4) AS s, round(avg(p.y), 8) AS a",
    "MATCH (p:P)-[r:R]->(q:P) WHERE r.k > 10 RETURN p.x AS x, q.x AS y, count(*) AS n",
    "MATCH (p:P) WHERE COUNT { (p)-[:R]->() } > 1 RETURN p.x AS x, count(*) AS n",
];

#[test]
fn one_thread_and_two_give_the_same_rows_in_the_same_order() {
    for seed in [3] {
        let mut db = random_graph(seed);
        for (query, splits) in QUERIES.iter().map(|q| (q, true)).chain(OTHER_QUERIES.iter().map(|q| (q, false))) {
            let one = run(&mut db, 1, query);
            let two = run(&mut db, 2, query);
            assert_eq!(one, two, "seed {seed}: {query}");
            assert!(one.is_ok(), "seed {seed}: {query}: {one:?}");
            if splits {
                assert!(split(&mut db, 2, query), "not split: {query}");
            }
        }
    }
}

#[test]
fn profile_shows_the_split_and_small_or_one_thread_scans_stay_whole() {
    let mut db = random_graph(5);
    let query = QUERIES[0];
    assert!(split(&mut db, 2, query), "a whole label of {N} nodes is split at two threads");
    assert!(!split(&mut db, 1, query), "one thread splits nothing");
    // Under the threshold: the Q nodes are about N / 20.
    assert!(!split(&mut db, 2, "MATCH (q:Q) RETURN q.x AS x, count(*) AS n"));
    // A reduce folds in turn: kept on one thread.
    assert!(!split(&mut db, 2, "MATCH (p:P) RETURN p.x AS x, reduce(s = 0, w IN collect(p.w) | s + w) AS s"));
}

/// Errors raised while folding the later range, by a key or an aggregate's finish, are
/// the one-thread errors.
#[test]
fn errors_of_a_later_range_are_the_ones_of_one_thread() {
    let mut db = random_graph(7);
    let params = Params::new();
    // A string among the numbers near the end of the scan, and a zero divisor.
    db.execute("MATCH (p:P) WHERE p.id >= 139000 AND p.id < 139002 SET p.s = 'x', p.w = 500", &params)
        .unwrap_or_else(|e| panic!("{}", e.message));
    db.execute("MATCH (p:P) WHERE p.id < 139000 SET p.s = p.id", &params).unwrap_or_else(|e| panic!("{}", e.message));
    for query in [
        "MATCH (p:P) RETURN p.x AS x, sum(p.s) AS s",
        "MATCH (p:P) RETURN 10 / (p.w - 500) AS k, count(*) AS n",
        "MATCH (p:P) RETURN avg(p.s) AS a",
    ] {
        let one = run(&mut db, 1, query);
        assert!(one.is_err(), "{query}: {one:?}");
        assert_eq!(one, run(&mut db, 2, query), "{query}");
        assert!(split(&mut db, 2, "MATCH (p:P) RETURN p.x AS x, count(*) AS n"));
    }
}

/// An integer sum overflows exactly when adding in turn does: a later range whose own
/// sum overflows but not after the earlier one's, and one that overflows only on top of it.
#[test]
fn integer_sums_overflow_where_adding_in_turn_does() {
    let mut db = Database::empty();
    let params = Params::new();
    db.execute(&format!("UNWIND range(0, {N}) AS i CREATE (:P {{i: i, v: 0}})"), &params)
        .unwrap_or_else(|e| panic!("{}", e.message));
    let set = |db: &mut Database, values: &str| {
        db.execute("MATCH (p:P) SET p.v = 0", &params).unwrap_or_else(|e| panic!("{}", e.message));
        let query = format!("UNWIND {values} AS iv MATCH (p:P {{i: iv[0]}}) SET p.v = iv[1]");
        db.execute(&query, &params).unwrap_or_else(|e| panic!("{}", e.message));
    };
    let max = i64::MAX;
    // Grouped, so that a GroupFold folds it (a bare sum is read off the column).
    let query = "MATCH (p:P) RETURN p.i % 1 AS k, sum(p.v) AS s";
    // The later range alone passes i64 (MAX then 5), not after the earlier -10.
    set(&mut db, &format!("[[0, -10], [{}, {max}], [{}, 5]]", N - 2, N - 1));
    assert_eq!(run(&mut db, 1, query), Ok(vec![vec![Value::Int(0), Value::Int(max - 5)]]));
    assert!(split(&mut db, 2, query));
    assert_eq!(run(&mut db, 2, query), run(&mut db, 1, query));
    // The later range goes up by 10 and back: past i64 on top of MAX - 5 only.
    set(&mut db, &format!("[[0, {}], [{}, 10], [{}, -10]]", max - 5, N - 2, N - 1));
    let one = run(&mut db, 1, query);
    assert!(matches!(&one, Err((ErrorCode::IntegerOverflow, _))), "{one:?}");
    assert_eq!(run(&mut db, 2, query), one);
}

/// The memory every thread holds counts against the statement's one limit.
#[test]
fn the_memory_limit_holds_across_threads() {
    let mut db = random_graph(13);
    let query = "MATCH (p:P) RETURN p.x AS x, collect('a long enough string ' + p.id) AS names";
    assert_limit_holds_at_one_and_two_threads(&mut db, query, 1 << 20);
}

/// `query` fails on a `limit` of memory at one thread and at two, and gives the same rows
/// at both under a generous one.
fn assert_limit_holds_at_one_and_two_threads(db: &mut Database, query: &str, limit: u64) {
    db.set_limits(Limits { max_memory: limit, ..db.limits() });
    let one = run(db, 1, query);
    assert!(matches!(&one, Err((ErrorCode::MemoryLimitExceeded, _))), "{one:?}");
    let two = run(db, 2, query);
    assert!(matches!(&two, Err((ErrorCode::MemoryLimitExceeded, _))), "{two:?}");
    db.set_limits(Limits { max_memory: 256 << 20, ..db.limits() });
    assert_eq!(run(db, 2, query), run(db, 1, query));
}

/// Per-node folds of every `R` in stored order (`exec/ops/stored_rel_split.rs`): the
/// type's 168,000 relationships split at two threads.
const STORED_QUERIES: [&str; 5] = [
    "MATCH (p:P)-[r:R]->() RETURN p.id AS id, count(*) AS n, min(r.k) AS lo, max(r.k) AS hi",
    "MATCH (p:P)<-[r:R]-() RETURN p.x AS x, count(r.k) AS n, stDev(r.k) AS sd, stDevP(r.k) AS sdp",
    "MATCH (p:P)-[r:R]->(q:P) RETURN p AS p, count(*) AS n, count(CASE WHEN r.k > 40 THEN 1 END) AS top, min(r.k) AS lo",
    "MATCH (p:P)<-[r:R]-(q) RETURN p.w % 10 AS k, count(CASE WHEN r.k % 3 = 0 THEN 1 END) AS threes, count(q.x) AS xs",
    "MATCH (p:P)-[r:R]->() WHERE p.w < 500 RETURN p.id AS id, max(r.k) AS hi, count(*) AS n",
];

/// Whether EXPLAIN of `query` folds in stored order.
fn stored_order(db: &mut Database, query: &str) -> bool {
    let plan = db.execute(&format!("EXPLAIN {query}"), &Params::new()).unwrap_or_else(|e| panic!("{}", e.message));
    plan.plan.unwrap_or_default().contains("in stored order")
}

/// Stored-order folds give one thread's rows, in its order, at two threads, and the same
/// as the node-by-node walk (the order switched off by planning first-node).
#[test]
fn stored_order_folds_split_give_the_rows_of_one_thread() {
    for seed in [3, 11] {
        let mut db = random_graph(seed);
        db.set_planner_options(steppe::planner::Options::PreferStoredFolds);
        for query in STORED_QUERIES {
            assert!(stored_order(&mut db, query), "not in stored order: {query}");
            let one = run(&mut db, 1, query);
            assert!(one.as_ref().is_ok_and(|rows| !rows.is_empty()), "seed {seed}: {query}: {one:?}");
            assert_eq!(run(&mut db, 2, query), one, "seed {seed}: {query}");
            assert!(split(&mut db, 2, query), "not split: {query}");
            assert!(!split(&mut db, 1, query), "split at one thread: {query}");
        }
        // The row path (no `GroupFold`), whose rows the stored order must give (stDev
        // aside, whose moments round otherwise in the last bits).
        let exact = || STORED_QUERIES.iter().filter(|q| !q.contains("stDev"));
        let stored = exact().map(|q| run(&mut db, 2, q)).collect::<Vec<_>>();
        let without = steppe::planner::Passes::all().without("fold_groups").unwrap_or_else(|| panic!("fold_groups"));
        db.set_planner_passes(without);
        for (query, stored) in exact().zip(stored) {
            assert!(!stored_order(&mut db, query), "{query}");
            assert_eq!(run(&mut db, 1, query), stored, "seed {seed}: row path {query}");
        }
    }
}

/// The first error in stored order is raised at two threads too: an error in the later
/// range only, and one in each range (the earlier range's wins).
#[test]
fn stored_order_folds_raise_the_first_error_in_stored_order() {
    let mut db = random_graph(17);
    db.set_planner_options(steppe::planner::Options::PreferStoredFolds);
    let params = Params::new();
    let set = |db: &mut Database, query: &str| {
        db.execute(query, &params).unwrap_or_else(|e| panic!("{query}: {}", e.message));
    };
    set(&mut db, "MATCH ()-[r:R]->() SET r.d = 1");
    // Relationships from the last P nodes are read last; two kinds of error there.
    set(&mut db, "MATCH (p:P)-[r:R]->() WHERE p.id >= 139900 SET r.d = CASE WHEN p.id % 2 = 0 THEN 0 ELSE 'x' END");
    let query = "MATCH (p:P)-[r:R]->() RETURN p.id AS id, count(10 / r.d) AS n, max(r.k) AS hi";
    assert!(stored_order(&mut db, query), "{query}");
    let one = run(&mut db, 1, query);
    assert!(one.is_err(), "{one:?}");
    assert_eq!(run(&mut db, 2, query), one);
    // An error near the start as well: the earlier one, whatever the later range met.
    set(&mut db, "MATCH (p:P)-[r:R]->() WHERE p.id < 50 SET r.d = 'early'");
    let early = run(&mut db, 1, query);
    assert!(early.is_err() && early != one, "{early:?}");
    assert_eq!(run(&mut db, 2, query), early);
    assert!(split(&mut db, 2, "MATCH (p:P)-[r:R]->() RETURN p.id AS id, max(r.k) AS hi"));
}

/// Each thread's copy of the records counts against the statement's one limit.
#[test]
fn stored_order_folds_keep_the_memory_limit() {
    let mut db = random_graph(19);
    db.set_planner_options(steppe::planner::Options::PreferStoredFolds);
    assert_limit_holds_at_one_and_two_threads(&mut db, STORED_QUERIES[1], 1 << 18);
}

/// `ORDER BY … LIMIT` over a whole scan (`exec/ops/split_top.rs`): each thread keeps its
/// range's best, the statement's `TopK` picks from them; ties come in scan order.
const TOP_QUERIES: [&str; 7] = [
    "MATCH (p:P) RETURN p.id AS id, p.x AS x ORDER BY toString(p.x) + toString(p.w % 3) DESC LIMIT 25",
    "MATCH (p:P) WHERE p.w > 100 RETURN p.id AS id ORDER BY toString(p.w % 7) + toString(p.x) LIMIT 40",
    "MATCH (p:P) RETURN p.id AS id, p.y AS y ORDER BY toString(p.y) SKIP 30 LIMIT 20",
    "MATCH (p:P) RETURN p.id AS id, COUNT { (p)-[:R]->() } AS d ORDER BY d DESC, toString(p.w) LIMIT 15",
    "MATCH (q:P)<-[r:R]-(p) WHERE toString(r.k) STARTS WITH '1' RETURN q.id AS id, count(*) AS n ORDER BY n DESC, toString(id) LIMIT 15",
    "MATCH (p:P)-[r:R]->(q) RETURN p.id AS a, q.id AS b ORDER BY toString(r.k) + toString(q.x) DESC LIMIT 30",
    "MATCH (n) RETURN n.id AS id ORDER BY toString(n.w) DESC LIMIT 50",
];

#[test]
fn top_k_over_a_split_scan_gives_the_rows_of_one_thread() {
    for seed in [3, 23] {
        let mut db = random_graph(seed);
        for query in TOP_QUERIES {
            let one = run(&mut db, 1, query);
            assert!(one.as_ref().is_ok_and(|rows| !rows.is_empty()), "seed {seed}: {query}: {one:?}");
            assert_eq!(run(&mut db, 2, query), one, "seed {seed}: {query}");
            let plan = db.execute(&format!("EXPLAIN {query}"), &Params::new()).map(|r| r.plan);
            assert!(split(&mut db, 2, query), "not split: {query}: {plan:?}");
        }
    }
}

/// The first error in scan order, a SKIP or LIMIT that is no count, and the memory limit.
#[test]
fn top_k_over_a_split_scan_keeps_errors_and_limits() {
    let mut db = random_graph(29);
    let params = Params::new();
    db.execute("MATCH (p:P) WHERE p.id >= 139500 SET p.s = CASE WHEN p.id % 2 = 0 THEN 0 ELSE 'x' END", &params)
        .unwrap_or_else(|e| panic!("{}", e.message));
    db.execute("MATCH (p:P) WHERE p.id < 139500 SET p.s = 1", &params).unwrap_or_else(|e| panic!("{}", e.message));
    for query in [
        "MATCH (p:P) RETURN p.id AS id ORDER BY toString(10 / p.s) LIMIT 5",
        "MATCH (p:P) WHERE 10 / p.s > 0 RETURN p.id AS id ORDER BY toString(p.id) LIMIT 5",
        "MATCH (p:P) RETURN p.id AS id ORDER BY p.id LIMIT -1",
        "MATCH (p:P) RETURN p.id AS id ORDER BY p.id SKIP 'a' LIMIT 2",
    ] {
        let one = run(&mut db, 1, query);
        assert!(one.is_err(), "{query}: {one:?}");
        assert_eq!(run(&mut db, 2, query), one, "{query}");
    }
    db.execute("MATCH (p:P) WHERE p.id < 50 SET p.s = 'early'", &params).unwrap_or_else(|e| panic!("{}", e.message));
    let query = "MATCH (p:P) RETURN p.id AS id ORDER BY toString(10 / p.s) LIMIT 5";
    let early = run(&mut db, 1, query);
    assert!(early.is_err(), "{early:?}");
    assert_eq!(run(&mut db, 2, query), early);
    assert!(split(&mut db, 2, "MATCH (p:P) RETURN p.id AS id ORDER BY toString(p.s) LIMIT 5"));
    let query =
        "MATCH (p:P) RETURN p.id AS id, 'a long enough string ' + p.id AS s ORDER BY toString(p.w) LIMIT 100000";
    assert_limit_holds_at_one_and_two_threads(&mut db, query, 1 << 20);
    assert!(
        !split(&mut db, 2, "MATCH (q:Q) RETURN q.id AS id ORDER BY toString(q.w) LIMIT 3"),
        "a small label stays whole"
    );
}
