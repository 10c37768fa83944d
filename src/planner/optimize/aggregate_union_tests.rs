//! The `aggregate_union_branches` pass on its own.

use super::tests::around;
use crate::binder::Params;
use crate::planner::Passes;
use crate::Database;

const TWO_BRANCHES: &str = "CALL { MATCH (p:P)-[r:R]->(q:Q) RETURN q, r.w AS w \
                            UNION ALL MATCH (q:Q) WHERE q.id > 0 RETURN q, q.id AS w } \
                            WITH q, min(w) AS lo, count(*) AS n RETURN q.id AS q, lo, n";

#[test]
fn aggregate_union_branches_aggregates_each_branch_then_combines() {
    let (before, after) = around("aggregate_union_branches", TWO_BRANCHES);
    assert_eq!(before.matches("Aggregate").count(), 1, "{before}");
    assert_eq!(after.matches("Aggregate").count(), 3, "{after}");
    // The combining aggregation sums the counts and takes the least of the minimums.
    let combine = after.lines().find(|l| l.contains("Aggregate")).unwrap_or_default();
    assert!(combine.contains("aggregates [min(") && combine.contains("), sum("), "{after}");
    // Each branch's aggregation reads its pattern, through the projections.
    assert!(after.contains("Aggregate keys [q] aggregates [min(r.w), count(*)]"), "{after}");
    assert!(after.contains("Aggregate keys [q] aggregates [min(q.id), count(*)]"), "{after}");
}

#[test]
fn aggregate_union_branches_leaves_what_does_not_combine() {
    let call = "CALL { MATCH (p:P)-[r:R]->(q:Q) RETURN q, r.w AS w UNION ALL MATCH (q:Q) RETURN q, q.id AS w }";
    let distinct = "CALL { MATCH (p:P)-[r:R]->(q:Q) RETURN q, r.w AS w UNION MATCH (q:Q) RETURN q, q.id AS w }";
    for text in [
        // A value in two branches counts once.
        format!("{call} RETURN q.id AS q, count(DISTINCT w) AS n"),
        // A float sum depends on its order; a list on its parts' order.
        format!("{call} RETURN q.id AS q, sum(w) AS s"),
        format!("{call} RETURN q.id AS q, avg(w) AS s"),
        format!("{call} RETURN q.id AS q, collect(w) AS s"),
        // UNION drops the repeated rows.
        format!("{distinct} RETURN q.id AS q, count(*) AS n"),
        // The call runs once per Q: its branches, rewound by the union, would be built per row.
        "MATCH (x:Q) CALL { MATCH (p:P)-[r:R]->(q:Q) RETURN q UNION ALL MATCH (q:Q) RETURN q } RETURN count(*) AS n"
            .to_string(),
        // A key reads a variable from outside the call.
        "MATCH (x:Q) CALL (x) { MATCH (p:P)-[r:R]->(x) RETURN r.w AS w UNION ALL MATCH (p:P) RETURN p.x AS w } \
         RETURN x.id AS x, count(*) AS n"
            .to_string(),
    ] {
        let (before, after) = around("aggregate_union_branches", &text);
        assert_eq!(before, after, "{text}");
    }
}

#[test]
fn aggregate_union_branches_keeps_projections_that_could_fail() {
    // `10 / (q.id - 1)` fails on q 1, whether or not anything reads it.
    let text =
        "CALL { MATCH (q:Q) RETURN q, 10 / (q.id - 1) AS bad UNION ALL MATCH (p:P)-[:R]->(q) RETURN q, 0 AS bad } \
                RETURN q.id AS q, count(*) AS n";
    let (_, after) = around("aggregate_union_branches", text);
    assert!(after.contains("Project [q, bad]"), "{after}");
}

#[test]
fn aggregate_union_branches_keeps_the_answers() {
    let mut db = Database::empty();
    // Some Q only in one branch, some in none; w null on some relationships; T both ways.
    let setup = "UNWIND range(0, 29) AS i CREATE (:P {id: i, x: i % 4});
                 UNWIND range(0, 5) AS i CREATE (:Q {id: i});
                 MATCH (p:P), (q:Q) WHERE q.id < 3 AND p.id % 3 = q.id
                   CREATE (p)-[:R {w: CASE WHEN p.id % 4 = 0 THEN null ELSE p.id END}]->(q);
                 MATCH (p:P), (q:Q) WHERE q.id >= 2 AND p.id % 5 = q.id CREATE (q)-[:T {w: p.x}]->(p)";
    db.execute_script(setup, &Params::new()).unwrap_or_else(|e| panic!("{}", e.message));
    let texts = [
        "CALL { MATCH (p:P)-[r:R]->(q:Q) RETURN q, r.w AS w UNION ALL MATCH (q:Q)-[t:T]->(p:P) RETURN q, t.w AS w } \
         WITH q, min(w) AS lo, max(w) AS hi, count(*) AS n, count(w) AS m RETURN q.id AS q, lo, hi, n, m ORDER BY q",
        // No keys; a branch that matches nothing.
        "CALL { MATCH (p:P)-[r:R]->(q:Q) RETURN r.w AS w UNION ALL MATCH (q:Q)<-[t:T]-(p:P) RETURN t.w AS w } \
         RETURN count(*) AS n, count(w) AS m, min(w) AS lo, max(w) AS hi",
        // Every branch empty.
        "CALL { MATCH (p:P)-[r:R]->(q:Q) WHERE q.id > 10 RETURN r.w AS w UNION ALL MATCH (q:Q) WHERE q.id < 0 RETURN q.id AS w } \
         RETURN count(*) AS n, min(w) AS lo",
        // Keys computed from the call's columns, three branches, a key that is null.
        "CALL { MATCH (p:P)-[r:R]->(q:Q) RETURN p, q.id AS k UNION ALL MATCH (q:Q)-[:T]->(p:P) RETURN p, null AS k \
         UNION ALL MATCH (p:P) WHERE p.x = 1 RETURN p, p.x * 10 AS k } \
         RETURN k % 2 AS parity, count(*) AS n, max(p.id) AS top, min(p.x + k) AS low ORDER BY parity",
        // Inside a larger query, after a MATCH that the call does not read.
        "MATCH (x:Q {id: 1}) CALL { MATCH (p:P)-[r:R]->(q:Q) RETURN q UNION ALL MATCH (q:Q)-[:T]->(:P) RETURN q } \
         RETURN q.id AS q, count(*) AS n ORDER BY q",
    ];
    for text in texts {
        let rows = |db: &mut Database, passes: Passes| {
            db.set_planner_passes(passes);
            db.execute(text, &Params::new()).map(|r| r.rows).unwrap_or_else(|e| panic!("{text}: {}", e.message))
        };
        let combined = rows(&mut db, Passes::all());
        let plain = rows(&mut db, Passes::all().without("aggregate_union_branches").unwrap_or_default());
        assert_eq!(combined, plain, "{text}");
        assert!(!combined.is_empty(), "{text}");
    }
}
