//! Quantified path patterns (issue 17) checked against other ways of asking the same:
//! - the answers are the same whatever the plan (walked left to right, right to left,
//!   or as the cost model chooses);
//! - a pattern repeated a fixed number of times matches what the same chain written out
//!   matches, and `((a)-[:T]->(b)){n,m}` matches what `-[:T*n..m]->` matches;
//! - group variables are lists in path order, whose lengths are the iterations.

use steppe::planner::Options;
use steppe::{Database, Params, Value};

/// A small graph with a cycle, parallel relationships, two types and a self-loop.
fn graph() -> Database {
    let mut db = Database::empty();
    let setup = "UNWIND range(1, 8) AS i CREATE (:N {id: i, v: i % 3});
        MATCH (a:N), (b:N) WHERE b.id = a.id + 1 CREATE (a)-[:T {w: a.id}]->(b);
        MATCH (a:N {id: 8}), (b:N {id: 1}) CREATE (a)-[:T {w: 8}]->(b);
        MATCH (a:N), (b:N) WHERE b.id = a.id + 2 AND a.id % 2 = 0 CREATE (a)-[:U {w: 0}]->(b);
        MATCH (a:N {id: 3}) CREATE (a)-[:T {w: 3}]->(a);
        MATCH (a:N {id: 5}), (b:N {id: 6}) CREATE (a)-[:T {w: 9}]->(b)";
    for statement in setup.split(';') {
        db.execute(statement, &Params::new()).unwrap_or_else(|e| panic!("{statement}: {}", e.message));
    }
    db
}

fn rows(db: &mut Database, query: &str, options: Options) -> Vec<Vec<Value>> {
    db.set_planner_options(options);
    let result = db.execute(query, &Params::new()).unwrap_or_else(|e| panic!("{query} ({options:?}): {}", e.message));
    db.set_planner_options(Options::Cost);
    let mut rows = result.rows;
    rows.sort_by(|a, b| format!("{a:?}").cmp(&format!("{b:?}")));
    rows
}

const QUERIES: [&str; 9] = [
    "MATCH (s:N {id: 1}) ((a)-[r:T]->(b)){1,4} (z) RETURN s.id, [n IN a | n.id], [n IN b | n.id], z.id",
    "MATCH (s:N) ((a)-[r:T]->(b) WHERE r.w > 2){2} (z:N {v: 0}) RETURN s.id, z.id, [x IN r | x.w]",
    "MATCH (s:N {id: 2}) ((a)-[:T]->(b)-[:T|U]->(c)){1,2} (z) RETURN [n IN b | n.id], [n IN c | n.id], z.id",
    "MATCH ((a:N)-[:T]->(b:N) WHERE b.v <> 1)+ RETURN [n IN a | n.id] AS ids, [n IN b | n.id] AS ends",
    "MATCH (s:N {id: 8}) ((a)<-[:T]-(b)){1,3} (z) RETURN z.id, size(a)",
    "MATCH (s:N {id: 4}) ((a)-[r]-(b)){2} (z) RETURN z.id, [x IN r | type(x)]",
    "MATCH p = (s:N {id: 1}) ((a)-[:T]->(b)){0,2} (z) RETURN length(p), z.id, size(a)",
    "MATCH (s:N {id: 1})-[x:T]->(m) ((a)-[:T]->(b)){1,2} (z) WHERE z.id > 3 RETURN m.id, z.id, [n IN a | n.id]",
    "MATCH (s:N {id: 2}) ((a)-[:T]->(b) WHERE a.v < b.v OR b.id = 3){1,3} (z)-[:U]->(y) RETURN z.id, y.id",
];

#[test]
fn answers_do_not_depend_on_the_plan() {
    let mut db = graph();
    for query in QUERIES {
        let by_cost = rows(&mut db, query, Options::Cost);
        assert!(!by_cost.is_empty(), "{query} matched nothing; the check would prove little");
        for forced in [Options::FirstNode, Options::LastNode] {
            assert_eq!(by_cost, rows(&mut db, query, forced), "{query} differs when planned {forced:?}");
        }
    }
}

#[test]
fn a_fixed_repetition_is_the_chain_written_out() {
    let mut db = graph();
    let pairs = [
        (
            "MATCH (s:N) ((a)-[:T]->(b)-[:T|U]->(c)){2} (z) RETURN s.id, z.id",
            "MATCH (s:N)-[:T]->()-[:T|U]->(m)-[:T]->()-[:T|U]->(z) RETURN s.id, z.id",
        ),
        (
            "MATCH (s:N) ((a)-[r:T]->(b) WHERE r.w <> 4){3} (z) RETURN s.id, z.id",
            "MATCH (s:N)-[r1:T]->()-[r2:T]->()-[r3:T]->(z) WHERE r1.w <> 4 AND r2.w <> 4 AND r3.w <> 4 RETURN s.id, z.id",
        ),
        ("MATCH (s:N) ((a)-[:T]->(b)){1,3} (z) RETURN s.id, z.id", "MATCH (s:N)-[:T*1..3]->(z) RETURN s.id, z.id"),
        ("MATCH (s:N) ((a)--(b))+ (z:N {id: 6}) RETURN s.id", "MATCH (s:N)-[*]-(z:N {id: 6}) RETURN s.id"),
    ];
    for (quantified, written_out) in pairs {
        let expected = rows(&mut db, written_out, Options::Cost);
        assert!(!expected.is_empty(), "{written_out} matched nothing");
        assert_eq!(rows(&mut db, quantified, Options::Cost), expected, "{quantified}");
    }
}

#[test]
fn group_variables_are_lists_in_path_order() {
    let mut db = graph();
    let query = "MATCH p = (s:N {id: 1}) ((a)-[r:T]->(b)){1,5} (z)
                 RETURN [n IN nodes(p) | n.id] AS route, [n IN a | n.id] AS a, [n IN b | n.id] AS b, [x IN r | x.w] AS w";
    for options in [Options::Cost, Options::FirstNode, Options::LastNode] {
        for row in rows(&mut db, query, options) {
            let ids = |v: &Value| match v {
                Value::List(items) => items.iter().map(|i| format!("{i:?}")).collect::<Vec<_>>(),
                other => panic!("not a list: {other:?}"),
            };
            let (route, a, b) = (ids(&row[0]), ids(&row[1]), ids(&row[2]));
            assert_eq!(a.len() + 1, route.len(), "{options:?} {row:?}");
            assert_eq!(a[..], route[..route.len() - 1], "{options:?}: a is each iteration's first node");
            assert_eq!(b[..], route[1..], "{options:?}: b is each iteration's last node");
        }
    }
}

#[test]
fn a_shortest_selector_over_a_quantified_path_keeps_the_shortest_per_pair() {
    let mut db = graph();
    let query = "MATCH p = SHORTEST 1 (s:N {id: 2}) ((a)-[:T|U]->(b)){1,6} (z:N {id: 6}) RETURN length(p), size(a)";
    assert_eq!(rows(&mut db, query, Options::Cost), vec![vec![Value::Int(2), Value::Int(2)]]);
    let groups = "MATCH p = SHORTEST 2 GROUPS (s:N {id: 2}) ((a)-[:T|U]->(b))+ (z:N {id: 6}) RETURN length(p) AS len";
    let lengths: Vec<Value> = rows(&mut db, groups, Options::Cost).into_iter().map(|r| r[0].clone()).collect();
    // 2→4→6 (U, U) and 2→4 (U) →5→6 by either of the two T's: lengths 2 and 3, twice.
    assert_eq!(lengths, vec![Value::Int(2), Value::Int(3), Value::Int(3), Value::Int(3)]);
}

#[test]
fn a_quantified_path_is_one_repeat_operator_walked_from_either_end() {
    let mut db = graph();
    let explain = |db: &mut Database, options: Options| {
        db.set_planner_options(options);
        let query = "EXPLAIN MATCH (s:N {id: 1}) ((a)-[r:T]->(b)){1,3} (z:N {id: 4}) RETURN z";
        let plan = db.execute(query, &Params::new()).unwrap().plan.unwrap();
        db.set_planner_options(Options::Cost);
        plan
    };
    let forward = explain(&mut db, Options::FirstNode);
    assert!(forward.contains("Repeat(Trail) (s) ((a)-[r:T]->(b)){1,3} (z)"), "{forward}");
    let backward = explain(&mut db, Options::LastNode);
    assert!(backward.contains("Repeat(Trail) (s) ((a)-[r:T]->(b)){1,3} (z)"), "{backward}");
    // The tree prints root first: the scan the walk starts from comes after it.
    assert!(forward.find("Repeat").unwrap() < forward.find("NodeByLabelScan s:N").unwrap(), "{forward}");
    assert!(backward.find("Repeat").unwrap() < backward.find("NodeByLabelScan z:N").unwrap(), "{backward}");
}
