//! The `push_subquery_values` pass on its own, and its answers beside the plan without it.

use super::tests::{around_in, assert_plan, rows_with_and_without};
use crate::binder::Params;
use crate::Database;

/// 40 people, each a member of `id % 6` of 6 organisations and knowing the next three
/// people (ids mod 40) and, for every fifth, itself; people 7 and 8 have no year.
fn people() -> Database {
    let mut db = Database::empty();
    let setup = "UNWIND range(0, 39) AS i CREATE (:Person {id: i, year: CASE WHEN i IN [7, 8] THEN null ELSE 1990 + i % 7 END});
                 UNWIND range(0, 5) AS i CREATE (:Organization {id: i});
                 MATCH (p:Person), (o:Organization) WHERE o.id < p.id % 6 CREATE (p)-[:MEMBER_OF]->(o);
                 MATCH (p:Person), (q:Person) WHERE (q.id - p.id + 40) % 40 IN [1, 2, 3] OR (p = q AND p.id % 5 = 0)
                 CREATE (p)-[:KNOWS]->(q)";
    db.execute_script(setup, &Params::new()).unwrap_or_else(|e| panic!("{}", e.message));
    db
}

#[test]
fn push_subquery_values_counts_each_end_where_it_is_bound() {
    let text = "MATCH (a:Person)-[:KNOWS]->(b:Person)
                WHERE COUNT { (a)-[:MEMBER_OF]->(:Organization) } >= 4 AND COUNT { (b)-[:MEMBER_OF]->(:Organization) } >= 3
                RETURN count(*) AS pairs";
    let (before, after) = around_in(&people(), "push_subquery_values", text);
    assert!(before.contains("Filter anon_5 >= 4 AND anon_8 >= 3\n"), "{before}");
    // a's count and its condition right over a's scan, b's after the expansion.
    assert_plan(
        &after,
        "ProduceResults [pairs]
         └─ Retain [pairs]
            └─ Project [pairs]
               └─ Aggregate keys [] aggregates [count(*)]
                  └─ Filter anon_8 >= 3
                     └─ CountSubquery into anon_8
                        ├─ Filter b:Person
                        │  └─ Expand (a)-[anon_1:KNOWS]->(b)
                        │     └─ Filter anon_5 >= 4
                        │        └─ CountSubquery into anon_5
                        │           ├─ NodeByLabelScan a:Person
                        │           │  └─ Start
                        │           └─ Filter anon_4:Organization
                        │              └─ Expand (a)-[anon_3:MEMBER_OF]->(anon_4)
                        │                 └─ Argument
                        └─ Filter anon_7:Organization
                           └─ Expand (b)-[anon_6:MEMBER_OF]->(anon_7)
                              └─ Argument",
    );
}

#[test]
fn push_subquery_values_leaves_a_count_of_both_ends() {
    let text = "MATCH (a:Person)-[:KNOWS]->(b:Person)
                WHERE COUNT { (a)-[:MEMBER_OF]->(o)<-[:MEMBER_OF]-(b) } >= 2 RETURN count(*) AS pairs";
    let (before, after) = around_in(&people(), "push_subquery_values", text);
    assert_eq!(before, after);
}

/// Counts and other subquery values compared every way, on one end, the other, both, in
/// OR with a condition on the other end, and over a self loop; each answer equal with
/// the pass and without it, and not all of them empty.
const VALUE_CONDITIONS: [&str; 14] = [
    "MATCH (a:Person)-[:KNOWS]->(b:Person) WHERE COUNT { (a)-[:MEMBER_OF]->(:Organization) } >= 4
     AND COUNT { (b)-[:MEMBER_OF]->(:Organization) } >= 3 RETURN a.id AS a, b.id AS b ORDER BY a, b",
    "MATCH (a:Person)-[:KNOWS]->(b:Person) WHERE COUNT { (a)-[:MEMBER_OF]->() } > 4 RETURN count(*) AS n",
    "MATCH (a:Person)-[:KNOWS]->(b:Person) WHERE COUNT { (a)-[:MEMBER_OF]->() } = 0 RETURN a.id AS a, b.id AS b ORDER BY a, b",
    "MATCH (a:Person)-[:KNOWS]->(b:Person) WHERE COUNT { (b)-[:MEMBER_OF]->() } < 2 RETURN a.id AS a, b.id AS b ORDER BY a, b",
    "MATCH (a:Person)-[:KNOWS]->(b:Person) WHERE COUNT { (b)<-[:KNOWS]-() } <> 3 RETURN a.id AS a, b.id AS b ORDER BY a, b",
    "MATCH (a:Person)<-[:KNOWS]-(b:Person) WHERE 3 <= COUNT { (a)-[:MEMBER_OF]->(o:Organization) WHERE o.id > 0 }
     RETURN a.id AS a, b.id AS b ORDER BY a, b",
    "MATCH (a:Person)-[:KNOWS]-(b:Person) WHERE COUNT { (a)-[:MEMBER_OF]->() } >= 5 OR b.id = 3
     RETURN a.id AS a, b.id AS b ORDER BY a, b",
    "MATCH (a:Person)-[:KNOWS]->(b:Person) WHERE COUNT { (a)-[:MEMBER_OF]->() } >= null RETURN count(*) AS n",
    "MATCH (a:Person)-[:KNOWS]->(b:Person) WHERE COUNT { (a)-[:MEMBER_OF]->() } >= a.year - 1990
     AND COUNT { (b)-[:MEMBER_OF]->() } = b.id % 6 RETURN a.id AS a, b.id AS b ORDER BY a, b",
    "MATCH (a:Person)-[:KNOWS]->(b:Person)-[:KNOWS]->(c:Person) WHERE COUNT { (b)-[:MEMBER_OF]->() } = 5
     AND c.year > 1993 RETURN a.id AS a, b.id AS b, c.id AS c ORDER BY a, b, c",
    "MATCH (a:Person)-[:KNOWS]->(a) WHERE COUNT { (a)-[:MEMBER_OF]->() } > 1 RETURN a.id AS a ORDER BY a",
    "MATCH (a:Person)-[:KNOWS]->(b:Person) WHERE EXISTS { (a)-[:MEMBER_OF]->(:Organization {id: 4}) } = false
     AND b.id < 10 RETURN a.id AS a, b.id AS b ORDER BY a, b",
    "MATCH (a:Person)-[:KNOWS]->(b:Person) WHERE size(COLLECT { MATCH (a)-[:MEMBER_OF]->(o) RETURN o.id }) = 2
     RETURN a.id AS a, b.id AS b ORDER BY a, b",
    "MATCH (a:Person)-[:KNOWS]->(b:Person)
     RETURN a.id AS a, COUNT { (a)-[:MEMBER_OF]->() } AS orgs, b.id AS b ORDER BY orgs DESC, a, b LIMIT 7",
];

#[test]
fn push_subquery_values_keeps_the_answers() {
    let mut db = people();
    let mut answered = 0;
    for text in VALUE_CONDITIONS {
        let (with, without) = rows_with_and_without(&mut db, "push_subquery_values", text);
        assert_eq!(with, without, "{text}");
        answered += usize::from(!with.is_empty());
    }
    assert!(answered >= 12, "{answered}");
}

#[test]
fn push_subquery_values_keeps_an_error_of_the_condition() {
    let mut db = people();
    let text = "MATCH (a:Person)-[:KNOWS]->(b:Person) WHERE COUNT { (a)-[:MEMBER_OF]->() } >= 1 / (b.id - b.id)
                RETURN count(*) AS n";
    let err = db.execute(text, &Params::new()).err().map(|e| e.message).unwrap_or_default();
    assert!(err.contains("zero"), "{err}");
}
