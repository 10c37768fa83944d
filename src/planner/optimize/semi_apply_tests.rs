//! The `push_semi_applies` pass on its own.

use super::tests::{around, assert_plan};
use crate::binder::Params;
use crate::Database;

#[test]
fn push_semi_applies_moves_an_exists_below_the_expansion_it_does_not_read() {
    let (before, after) = around(
        "push_semi_applies",
        "MATCH (q:Q {id: 1})<-[:R]-(p:P) WHERE EXISTS { MATCH (q)<-[:R]-(x:P) WHERE x.x = 4 } RETURN count(*) AS n",
    );
    assert!(before.contains("└─ SemiApply\n"), "{before}");
    assert_plan(
        &after,
        "ProduceResults [n]
         └─ Retain [n]
            └─ Project [n]
               └─ Aggregate keys [] aggregates [count(*)]
                  └─ Filter p:P
                     └─ Expand (q)<-[anon_1:R]-(p)
                        └─ SemiApply
                           ├─ Filter q.id = 1
                           │  └─ NodeByLabelScan q:Q
                           │     └─ Start
                           └─ Filter x:P AND x.x = 4
                              └─ Expand (q)<-[anon_3:R]-(x)
                                 └─ Argument",
    );
}

#[test]
fn push_semi_applies_leaves_an_exists_reading_the_last_variable() {
    let (before, after) = around(
        "push_semi_applies",
        "MATCH (q:Q {id: 1})<-[:R]-(p:P) WHERE NOT EXISTS { MATCH (p)-[:R]->(:Q {id: 2}) } RETURN count(*) AS n",
    );
    assert_eq!(before, after);
}

#[test]
fn push_semi_applies_keeps_the_answers() {
    let mut db = Database::empty();
    let setup = "UNWIND range(0, 29) AS i CREATE (:P {id: i, x: i % 10});
                 UNWIND range(0, 2) AS i CREATE (:Q {id: i});
                 MATCH (p:P), (q:Q) WHERE p.id % 3 = q.id OR p.id % 7 = q.id CREATE (p)-[:R]->(q)";
    db.execute_script(setup, &Params::new()).unwrap_or_else(|e| panic!("{}", e.message));
    let text =
        "MATCH (q:Q)<-[:R]-(p:P)-[:R]->(q2:Q) WHERE NOT EXISTS { MATCH (q)<-[:R]-(x:P) WHERE x.x = 4 AND x.id < 10 } \
                RETURN q.id AS q, count(*) AS n ORDER BY q";
    let rows = |db: &mut Database| {
        db.execute(text, &Params::new()).map(|r| r.rows).unwrap_or_else(|e| panic!("{}", e.message))
    };
    let pushed = rows(&mut db);
    db.set_planner_passes(crate::planner::Passes::all().without("push_semi_applies").unwrap_or_default());
    assert_eq!(pushed, rows(&mut db));
    assert_eq!(pushed.len(), 2);
}
