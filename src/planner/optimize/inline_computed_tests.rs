//! The `inline_computed` pass on its own, and its answers beside the plan without it.

use super::tests::{around, assert_plan};
use crate::binder::Params;
use crate::planner::Passes;
use crate::Database;

const LAG: &str = "MATCH (p:P)-[r:R]->(q:Q) WITH *, r.w - p.x AS lag WHERE lag > 3 \
                   RETURN q.id AS q, count(*) AS n, max(lag) AS longest";

#[test]
fn inline_computed_writes_the_value_into_the_filter_and_the_aggregates() {
    let (before, after) = around("inline_computed", LAG);
    assert!(before.contains("Filter lag > 3"), "{before}");
    assert_plan(
        &after,
        "ProduceResults [q, n, longest]
         └─ Retain [q, n, longest]
            └─ Project [n, longest]
               └─ Aggregate keys [q.id AS q] aggregates [count(*), max(r.w - p.x)]
                  └─ Filter p:P AND r.w - p.x > 3
                     └─ Expand (q)<-[r:R]-(p)
                        └─ NodeByLabelScan q:Q
                           └─ Start",
    );
}

#[test]
fn inline_computed_leaves_what_it_cannot_inline() {
    for text in [
        // rand() gives another value at each read.
        "MATCH (p:P)-[r:R]->(q:Q) WITH *, rand() AS x WHERE x > 0.5 RETURN count(*) AS n, max(x) AS m",
        // Arithmetic can fail, and another condition comes first: a row it drops would
        // no longer raise the error.
        "MATCH (p:P)-[r:R]->(q:Q) WITH *, r.w - p.x AS lag WHERE q.id = 1 AND lag > 3 RETURN count(*) AS n",
        // A bare key of the projection keeps its slot for the items after.
        "MATCH (p:P)-[r:R]->(q:Q) WITH q, r.w - p.x AS lag WHERE lag > 3 RETURN q, count(*) AS n",
        // Read too often.
        "MATCH (p:P)-[r:R]->(q:Q) WITH *, r.w - p.x AS lag WHERE lag > 3 \
         RETURN min(lag) AS a, max(lag) AS b, sum(lag) AS c",
        // An ORDER BY in the WITH.
        "MATCH (p:P)-[r:R]->(q:Q) WITH *, r.w - p.x AS lag ORDER BY lag LIMIT 5 RETURN max(lag) AS m",
        // Two values that can fail.
        "MATCH (p:P)-[r:R]->(q:Q) WITH *, r.w - p.x AS lag, p.x * 2 AS twice WHERE lag > 3 \
         RETURN max(twice) AS m",
        // A value that can fail and that nothing reads still raises its error.
        "MATCH (p:P)-[r:R]->(q:Q) WITH q, r.w - p.x AS lag RETURN count(*) AS n",
    ] {
        let (before, after) = around("inline_computed", text);
        assert_eq!(before, after, "{text}");
    }
}

/// Nulls, missing properties, floats beside integers, strings (type errors), an overflow.
fn graph(with_errors: bool) -> Database {
    let mut db = Database::empty();
    let setup = "UNWIND range(0, 39) AS i CREATE (:P {id: i, x: CASE WHEN i % 7 = 0 THEN null ELSE i % 9 END});
                 UNWIND range(0, 4) AS i CREATE (:Q {id: i, name: 'q' + toString(i)});
                 MATCH (p:P), (q:Q) WHERE p.id % 5 = q.id
                 CREATE (p)-[:R {w: CASE WHEN p.id % 11 = 0 THEN null WHEN p.id % 4 = 0 THEN p.id + 0.5 ELSE p.id END}]->(q);
                 MATCH (p:P) WHERE p.id % 13 = 0 CREATE (p)-[:R]->(:Q {id: 9})";
    db.execute_script(setup, &Params::new()).unwrap_or_else(|e| panic!("{}", e.message));
    if with_errors {
        let bad = "MATCH (p:P {id: 17})-[r:R]->() SET r.w = 'seventeen'";
        db.execute(bad, &Params::new()).unwrap_or_else(|e| panic!("{}", e.message));
    }
    db
}

fn answers(db: &mut Database, text: &str, passes: Passes) -> std::result::Result<Vec<Vec<crate::Value>>, String> {
    db.set_planner_passes(passes);
    db.execute(text, &Params::new()).map(|r| r.rows).map_err(|e| format!("{:?}: {}", e.code, e.message))
}

#[test]
fn inline_computed_keeps_the_answers_and_the_errors() {
    let texts = [
        LAG,
        "MATCH (p:P)-[r:R]->(q:Q) WITH *, r.w - p.x AS lag WHERE lag > 3 AND q.id < 3 \
         RETURN q.name AS q, count(*) AS n, max(lag) AS longest, min(lag) AS shortest ORDER BY q",
        "MATCH (p:P)-[r:R]->(q:Q) WITH p, q, r.w - p.x AS lag WHERE lag IS NULL RETURN q.id AS q, count(p) AS n ORDER BY q",
        "MATCH (p:P)-[r:R]->(q:Q) WITH *, p.x < 4 AS low, r.w AS w WHERE low RETURN q.id % 2 AS half, sum(w) AS s ORDER BY half",
        "MATCH (p:P)-[r:R]->(q:Q) WITH *, CASE WHEN p.x < 4 THEN 'low' ELSE 'high' END AS band \
         RETURN band, count(*) AS n, count(DISTINCT q) AS qs ORDER BY band",
        "MATCH (p:P)-[r:R]->(q:Q) WITH *, r.w - p.x AS lag WHERE NOT lag < 2 OR q.id = 0 RETURN count(*) AS n",
        "MATCH (p:P)-[r:R]->(q:Q) WITH *, coalesce(p.x, -1) AS x WHERE x >= 0 RETURN x, count(*) AS n ORDER BY x",
        "MATCH (p:P)-[r:R]->(q) WITH *, r.w - p.x AS lag WHERE lag > 3 RETURN q.missing AS m, avg(lag) AS a",
        "MATCH (p:P)-[r:R]->(q:Q) WITH *, r.w * 1000000000000000000 AS big WHERE big > 0 RETURN count(*) AS n, max(big) AS b",
    ];
    for with_errors in [false, true] {
        let mut db = graph(with_errors);
        for text in texts {
            let without = Passes::all().without("inline_computed").unwrap_or_default();
            let plain = answers(&mut db, text, without);
            let inlined = answers(&mut db, text, Passes::all());
            assert_eq!(inlined, plain, "{text} (errors in the graph: {with_errors})");
        }
    }
}

#[test]
fn inline_computed_answers_are_not_all_empty() {
    // The comparison above means something only if the queries find rows.
    let mut db = graph(false);
    let rows = answers(&mut db, LAG, Passes::all()).unwrap_or_else(|e| panic!("{e}"));
    assert!(!rows.is_empty());
}
