//! The `group_optional_rows` pass on its own.

use super::optimize;
use super::tests::{around_in, bind};
use crate::binder::Params;
use crate::planner::{explain, naive_plan, Options, Passes, SlotNames};
use crate::Database;

/// From each Q, its P and each P's Q by S: about twenty inner rows per Q, a few ends.
const TWO_HOPS: &str = "MATCH (q:Q) OPTIONAL MATCH (q)<-[:R]-(p:P)-[:S]->(o:Q) \
                        RETURN q.id AS q, count(DISTINCT o) AS os, count(p) AS n";

/// Q 0 has no P; the others several, P reaching several Q by S, some twice; p.x repeats.
fn graph() -> Database {
    let mut db = Database::empty();
    let setup = "UNWIND range(0, 59) AS i CREATE (:P {id: i, x: i % 7});
                 UNWIND range(0, 5) AS i CREATE (:Q {id: i, year: 2000 + i % 2});
                 MATCH (p:P), (q:Q) WHERE q.id > 0 AND p.id % 5 = q.id % 5 CREATE (p)-[:R]->(q);
                 MATCH (p:P), (q:Q) WHERE p.id % 4 = q.id % 4 CREATE (p)-[:S]->(q);
                 MATCH (p:P), (q:Q) WHERE p.id % 9 = q.id CREATE (p)-[:S]->(q)";
    db.execute_script(setup, &Params::new()).unwrap_or_else(|e| panic!("{}", e.message));
    db
}

#[test]
fn group_optional_rows_groups_the_inner_rows_by_what_is_read() {
    let (before, after) = around_in(&graph(), "group_optional_rows", TWO_HOPS);
    assert!(before.contains("aggregates [count(DISTINCT o), count(p)]"), "{before}");
    // The count of p is the sum of the multiplicities, kept in p's slot.
    assert!(after.contains("aggregates [count(DISTINCT o), sum(p)]"), "{after}");
    assert!(after.contains("Aggregate keys [o] aggregates [count(*)]"), "{after}");
    assert!(after.contains("OptionalApply [o, p]"), "{after}");
}

#[test]
fn group_optional_rows_leaves_other_aggregations() {
    let db = graph();
    for text in [
        // count(*) counts the row of nulls too.
        "MATCH (q:Q) OPTIONAL MATCH (q)<-[:R]-(p:P)-[:S]->(o:Q) RETURN q.id AS q, count(DISTINCT o) AS os, count(*) AS n",
        // A sum of a property depends on every row.
        "MATCH (q:Q) OPTIONAL MATCH (q)<-[:R]-(p:P)-[:S]->(o:Q) RETURN q.id AS q, count(p) AS n, sum(p.x) AS s",
        // A key reads what the OPTIONAL MATCH binds.
        "MATCH (q:Q) OPTIONAL MATCH (q)<-[:R]-(p:P)-[:S]->(o:Q) RETURN o.id AS o, count(p) AS n",
        // Nothing counts: aggregates that ignore repeats are left to distinct_before_expand.
        "MATCH (q:Q) OPTIONAL MATCH (q)<-[:R]-(p:P)-[:S]->(o:Q) RETURN q.id AS q, count(DISTINCT o) AS os",
        // One hop: its rows per far node are its relationships to it, seldom more than one.
        "MATCH (q:Q) OPTIONAL MATCH (q)<-[r:R]-(p:P) RETURN q.id AS q, count(DISTINCT p) AS ps, count(r) AS n",
        // About one inner row per input row: grouping per row would not pay.
        "MATCH (p:P) OPTIONAL MATCH (p)-[:R]->(o:Q)<-[:R]-(x:P) WHERE x.id = p.id + 5 \
         RETURN p.x AS x, count(o) AS n, max(x.id) AS top",
    ] {
        let (before, after) = around_in(&db, "group_optional_rows", text);
        assert_eq!(before, after, "{text}");
    }
}

#[test]
fn group_optional_rows_leaves_an_inner_plan_it_would_build_per_row() {
    // The second hop planned as a hash join (joins preferred): the Optional rewinds it,
    // its build side built once; under the grouping it would be built for each Q.
    let db = graph();
    let text = "MATCH (q:Q) OPTIONAL MATCH (q)<-[:R]-(p:P)-[:S]->(o:Q) RETURN q.id AS q, count(DISTINCT o) AS os, count(p) AS n";
    let query = bind(&db, text);
    let naive = naive_plan(&query, db.graph(), Options::PreferJoins).unwrap_or_else(|e| panic!("{}", e.message));
    let plan =
        optimize(naive, db.graph(), Options::PreferJoins, Passes::all()).unwrap_or_else(|e| panic!("{}", e.message));
    let shown = explain(&plan, &SlotNames::of(&query), db.graph());
    assert!(shown.contains("HashJoin") && shown.contains("Optional [p, o]"), "{shown}");
    assert!(!shown.contains("OptionalApply"), "{shown}");
}

#[test]
fn group_optional_rows_keeps_the_answers() {
    let mut db = graph();
    let texts = [
        "MATCH (q:Q) OPTIONAL MATCH (q)<-[:R]-(p:P)-[:S]->(o:Q) \
         RETURN q.id AS q, count(DISTINCT o) AS os, count(p) AS n, count(o) AS m ORDER BY q",
        // Conditions inside, the other direction, keys from a property, min and collect DISTINCT.
        "MATCH (q:Q) WHERE q.year = 2001 OPTIONAL MATCH (o:Q)<-[:S]-(p:P)-[:R]->(q) WHERE p.x > 1 AND o.id <> q.id \
         RETURN q.year AS year, count(DISTINCT o.year) AS years, min(o.id) AS lo, collect(DISTINCT o.id % 2) AS odd, \
         count(p) AS n ORDER BY year",
        // No keys, and an input with no match at all.
        "MATCH (q:Q) WHERE q.id = 0 OPTIONAL MATCH (q)<-[:R]-(p:P)-[:S]->(o:Q) RETURN count(DISTINCT o) AS os, count(p) AS n",
        // Aggregates mixing the input's variables and the OPTIONAL MATCH's.
        "MATCH (q:Q) OPTIONAL MATCH (q)<-[:R]-(p:P)-[:S]->(o:Q) \
         RETURN q.year AS year, count(DISTINCT q) AS qs, max(o.id + q.id) AS top, count(o) AS n ORDER BY year",
    ];
    for text in texts {
        let rows = |db: &mut Database, passes: Passes| {
            db.set_planner_passes(passes);
            db.execute(text, &Params::new()).map(|r| r.rows).unwrap_or_else(|e| panic!("{text}: {}", e.message))
        };
        let grouped = rows(&mut db, Passes::all());
        let plain = rows(&mut db, Passes::all().without("group_optional_rows").unwrap_or_default());
        assert_eq!(grouped, plain, "{text}");
        assert!(!grouped.is_empty(), "{text}");
        let (before, after) = around_in(&db, "group_optional_rows", text);
        assert_ne!(before, after, "the pass did not apply to {text}");
    }
}
