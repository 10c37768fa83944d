//! The `count_semi_joins` pass: conditions on a per-row count answered from a set made
//! once give the answers of the per-row count.

use super::tests::{around_in, rows_with_and_without};
use crate::binder::Params;
use crate::Database;

/// 60 people, person i a member of `i % 7` of 7 organisations (and of one club when i is
/// even) and knowing the next four people (ids mod 60); person 5 has no membership.
fn people() -> Database {
    let mut db = Database::empty();
    let setup = "UNWIND range(0, 59) AS i CREATE (:Person {id: i});
                 UNWIND range(0, 6) AS i CREATE (:Organization {id: i});
                 CREATE (:Club {id: 0});
                 MATCH (p:Person), (o:Organization) WHERE o.id < p.id % 7 AND p.id <> 5 CREATE (p)-[:MEMBER_OF]->(o);
                 MATCH (p:Person), (c:Club) WHERE p.id % 2 = 0 CREATE (p)-[:MEMBER_OF]->(c);
                 MATCH (p:Person), (q:Person) WHERE (q.id - p.id + 60) % 60 IN [1, 2, 3, 4] CREATE (p)-[:KNOWS]->(q)";
    db.execute_script(setup, &Params::new()).unwrap_or_else(|e| panic!("{}", e.message));
    db
}

#[test]
fn count_semi_joins_count_the_far_nodes_once() {
    let text = "MATCH (a:Person)-[:KNOWS]->(b:Person) WHERE COUNT { (a)-[:MEMBER_OF]->(:Organization) } >= 1
                AND COUNT { (b)-[:MEMBER_OF]->(:Organization) } >= 5 RETURN count(*) AS pairs";
    let (before, after) = around_in(&people(), "count_semi_joins", text);
    assert!(before.contains("OptionalExpandCount (b)"), "{before}");
    assert!(after.contains("SemiHashJoin [b]"), "{after}");
    assert!(after.contains("NodeByLabelScan b:Person"), "{after}");
    assert!(after.find("SemiHashJoin") < after.find("OptionalExpandCount (b)"), "{after}");
}

#[test]
fn count_semi_joins_leave_a_count_read_after_or_reading_the_row() {
    let db = people();
    for text in [
        // The count is returned: it must be on the row.
        "MATCH (a:Person)-[:KNOWS]->(b:Person) WHERE COUNT { (b)-[:MEMBER_OF]->(:Organization) } >= 5
         RETURN b.id AS b, COUNT { (b)-[:MEMBER_OF]->(:Organization) } AS n",
        // The count's condition reads the row.
        "MATCH (a:Person)-[:KNOWS]->(b:Person) WHERE COUNT { (b)-[:MEMBER_OF]->(:Organization) } >= a.id % 7
         RETURN count(*) AS pairs",
        // The hop's condition reads the row.
        "MATCH (a:Person)-[:KNOWS]->(b:Person) WHERE COUNT { (b)-[:MEMBER_OF]->(o:Organization) WHERE o.id < a.id } >= 2
         RETURN count(*) AS pairs",
    ] {
        let (before, after) = around_in(&db, "count_semi_joins", text);
        assert_eq!(before, after, "{text}");
    }
}

/// Conditions every way, zero included (people with none, and the club members counted
/// apart), undirected, OR beside another condition; each equal with the pass and without.
const CONDITIONS: [&str; 9] = [
    "MATCH (a:Person)-[:KNOWS]->(b:Person) WHERE COUNT { (b)-[:MEMBER_OF]->(:Organization) } >= 5 RETURN count(*) AS n",
    "MATCH (a:Person)-[:KNOWS]->(b:Person) WHERE COUNT { (b)-[:MEMBER_OF]->(:Organization) } = 0
     RETURN a.id AS a, b.id AS b ORDER BY a, b",
    "MATCH (a:Person)-[:KNOWS]->(b:Person) WHERE COUNT { (b)-[:MEMBER_OF]->(o:Organization) WHERE o.id > 2 } < 2
     AND a.id > 30 RETURN a.id AS a, b.id AS b ORDER BY a, b",
    "MATCH (a:Person)<-[:KNOWS]-(b:Person) WHERE COUNT { (b)-[:MEMBER_OF]->(:Club) } <> 1 RETURN count(*) AS n",
    "MATCH (a:Person)-[:KNOWS]-(b:Person) WHERE COUNT { (b)-[:MEMBER_OF]->(:Organization) } IN [1, 3] RETURN count(*) AS n",
    "MATCH (a:Person)-[:KNOWS]->(b:Person) WHERE COUNT { (b)-[:MEMBER_OF]->(:Organization) } > 3
     OR COUNT { (b)-[:MEMBER_OF]->(:Club) } = 1 RETURN count(*) AS n",
    "MATCH (a:Person)-[:KNOWS]->(b:Person) WHERE COUNT { (b)-[:MEMBER_OF]->(:Organization) } >= null RETURN count(*) AS n",
    "MATCH (a:Person)-[:KNOWS]->(b:Person)-[:KNOWS]->(c:Person) WHERE COUNT { (b)-[:MEMBER_OF]->(:Organization) } = 6
     RETURN count(*) AS n",
    "MATCH (a:Person)-[:KNOWS]->(b)-[:MEMBER_OF]->(o:Organization) WHERE COUNT { (b)-[:MEMBER_OF]->(:Club) } = 1
     RETURN count(*) AS n",
];

#[test]
fn count_semi_joins_keep_the_answers() {
    let mut db = people();
    let mut nonzero = 0;
    for text in CONDITIONS {
        let (with, without) = rows_with_and_without(&mut db, "count_semi_joins", text);
        assert_eq!(with, without, "{text}");
        nonzero += usize::from(with.iter().flatten().any(|v| *v != crate::value::Value::Int(0)));
    }
    assert!(nonzero >= 8, "{nonzero}");
}
