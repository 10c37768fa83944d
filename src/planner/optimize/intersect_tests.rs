//! `intersect_cycles` on its own: the plan just before it and just after it.

use super::tests::{around_in, assert_plan};
use crate::binder::Params;
use crate::Database;

/// 12 `P`, each `K` to the next two (mod 12): triangles i -> i+1 -> i+2 never close, so
/// each also `K`s back to the one two before it.
fn ring() -> Database {
    let mut db = Database::empty();
    let setup = "UNWIND range(0, 11) AS i CREATE (:P {id: i});
                 MATCH (a:P), (b:P) WHERE b.id = (a.id + 1) % 12 OR b.id = (a.id + 10) % 12
                 CREATE (a)-[:K]->(b)";
    db.execute_script(setup, &Params::new()).unwrap_or_else(|e| panic!("{}", e.message));
    db
}

#[test]
fn intersect_cycles_closes_a_counted_triangle_by_the_common_neighbours() {
    let query = "MATCH (a:P)-[:K]->(b)-[:K]->(c)-[:K]->(a) WHERE a.id < b.id RETURN count(*) AS n";
    let (before, after) = around_in(&ring(), "intersect_cycles", query);
    assert!(before.contains("ExpandIntoCount (c)-[anon_5:K]->(a)"), "{before}");
    assert_plan(
        &after,
        "ProduceResults [n]
         └─ Retain [n]
            └─ Project [n]
               └─ Aggregate keys [] aggregates [sum(anon_6)]
                  └─ CountIntersect (b)-[anon_3:K]->(c)-[anon_5:K]->(a) into anon_6 where anon_3 <> anon_1 AND anon_5 <> anon_1 AND anon_5 <> anon_3
                     └─ Filter a.id < b.id
                        └─ Expand (a)-[anon_1:K]->(b)
                           └─ NodeByLabelScan a:P
                              └─ Start
",
    );
}

#[test]
fn intersect_cycles_makes_rows_when_the_cycle_is_read_and_keeps_conditions_that_may_fail() {
    let rows = "MATCH (a:P)-[r:K]->(b)-[s:K]->(c)-[t:K]->(a) RETURN a.id, b.id, c.id";
    let (_, after) = around_in(&ring(), "intersect_cycles", rows);
    assert!(
        after.contains("ExpandIntersect (b)-[s:K]->(c)-[t:K]->(a) where s <> r AND t <> r AND t <> s\n"),
        "{after}"
    );
    // Division by zero fails on every node the row path reaches last (the condition reads
    // all three, so it waits between the two hops); the intersection would test only the
    // common ones.
    let failing = "MATCH (a:P)-[:K]->(b)-[:K]->(c)-[:K]->(a) WHERE (a.id + b.id) / (c.id - c.id) > 1 RETURN count(*)";
    let (before, after) = around_in(&ring(), "intersect_cycles", failing);
    assert!(before.contains("ExpandIntoCount"), "{before}");
    assert_eq!(before, after);
}
