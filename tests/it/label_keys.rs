//! `GroupFold` keys that read only a node's labels (`labels(a)[0]`, `head(labels(b))`,
//! `a:X`) beside `type(r)` are compiled programs grouped by the label set's number and the
//! type's id (`column_expr/fold_program.rs`, `Step::Labels`; workload11's
//! label_type_label_census), each set's value computed once: the answers and their order
//! are those of the row path (the `fold_groups` pass off), over nodes of one, two and no
//! label, several types, loops, and after labels change.

use steppe::planner::Passes;
use steppe::{Database, Params, Value};

fn graph() -> Database {
    let mut db = Database::empty();
    let params = Params::new();
    for statement in [
        "UNWIND range(0, 59) AS i CREATE (:A {id: i})",
        "UNWIND range(0, 19) AS i CREATE (:B:A {id: 100 + i})",
        "UNWIND range(0, 14) AS i CREATE (:C {id: 200 + i})",
        "UNWIND range(0, 9) AS i CREATE ({id: 300 + i})",
        "MATCH (x), (y) WHERE (x.id * 7 + y.id * 3) % 23 = 0 CREATE (x)-[:R {w: x.id % 4}]->(y)",
        "MATCH (x), (y) WHERE (x.id + y.id * 5) % 31 = 1 CREATE (x)-[:S]->(y)",
        "MATCH (x) WHERE x.id % 9 = 0 CREATE (x)-[:T]->(x)",
    ] {
        db.execute(statement, &params).unwrap_or_else(|e| panic!("{statement}: {}", e.message));
    }
    db
}

const QUERIES: [&str; 7] = [
    "MATCH (a)-[r]->(b) RETURN labels(a)[0] AS src, type(r) AS t, labels(b)[0] AS dst, count(*) AS n",
    "MATCH (a)-[r]->(b) RETURN labels(a) AS src, type(r) AS t, labels(b)[-1] AS dst, count(*) AS n, sum(r.w) AS w",
    "MATCH (a)<-[r:R|S]-(b) RETURN head(labels(a)) AS src, type(r) AS t, size(labels(b)) AS dst, count(*) AS n",
    "MATCH (a)-[r]-(b) RETURN a:B AS ab, type(r) AS t, last(labels(b)) AS dst, count(b) AS n, min(b.id) AS least",
    "MATCH (a:A)-[r]->(b) RETURN labels(b)[1] AS second, count(*) AS n",
    "MATCH (a)-[r:T]->(b) RETURN labels(a)[0] AS src, labels(b)[0] AS dst, count(*) AS n",
    "MATCH (a)-[r]->(b) WHERE b.id > 50 RETURN labels(a)[0] AS src, type(r) AS t, labels(b)[5] AS dst, count(*) AS n",
];

fn rows(db: &mut Database, text: &str, passes: Passes) -> Vec<Vec<Value>> {
    db.set_planner_passes(passes);
    db.execute(text, &Params::new()).unwrap_or_else(|e| panic!("{text}: {}", e.message)).rows
}

fn compare(db: &mut Database) {
    let row_path = Passes::all().without("fold_groups").unwrap_or_default();
    for text in QUERIES {
        let folded = rows(db, text, Passes::all());
        assert!(!folded.is_empty(), "{text}");
        assert_eq!(folded, rows(db, text, row_path), "{text}");
    }
}

#[test]
fn label_keys_give_the_row_paths_answers() {
    let mut db = graph();
    compare(&mut db);
}

#[test]
fn label_keys_follow_labels_that_change() {
    let mut db = graph();
    let params = Params::new();
    for statement in ["MATCH (x:A) WHERE x.id % 3 = 0 SET x:D", "MATCH (x:B) WHERE x.id % 2 = 0 REMOVE x:B:A SET x:C"] {
        db.execute(statement, &params).unwrap_or_else(|e| panic!("{statement}: {}", e.message));
    }
    compare(&mut db);
}
