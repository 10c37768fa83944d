//! The `push_semi_applies` pass on its own.

use super::tests::{around, around_in, assert_plan};
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

/// Five deployments each sent by twenty of forty organisations (100 rows from the smaller
/// label), half of the organisations mentioned; imported without a schema.
fn senders() -> Database {
    let mut db = Database::empty();
    let setup = "UNWIND range(0, 4) AS i CREATE (:Deployment {id: i});
                 UNWIND range(0, 39) AS i CREATE (:Organization {id: i});
                 UNWIND range(0, 9) AS i CREATE (:Article {id: i});
                 MATCH (o:Organization), (d:Deployment) WHERE (o.id + d.id) % 2 = 0 CREATE (o)-[:SENT]->(d);
                 MATCH (a:Article), (o:Organization) WHERE o.id % 20 = a.id CREATE (a)-[:MENTIONS]->(o)";
    db.execute_script(setup, &Params::new()).unwrap_or_else(|e| panic!("{}", e.message));
    db
}

/// Reads of the far node of a hop planned from its smaller end, each answer compared
/// with the plan the pass leaves alone.
const FAR_NODE_READS: [&str; 5] = [
    "MATCH (o:Organization)-[:SENT]->(d:Deployment) WHERE NOT (o)<-[:MENTIONS]-(:Article)
     RETURN count(DISTINCT o) AS orgs, count(*) AS sends",
    "MATCH (o:Organization)-[:SENT]->(d:Deployment) WHERE EXISTS { (o)<-[:MENTIONS]-(a:Article) WHERE a.id > 4 }
     RETURN d.id AS d, count(*) AS n ORDER BY d",
    "MATCH (d:Deployment)<-[s:SENT]-(o:Organization) WHERE d.id > 0 AND o.id <> d.id AND NOT (o)<-[:MENTIONS]-(:Article)
     RETURN d.id AS d, o.id AS o ORDER BY d, o",
    "MATCH (o)-[:SENT]-(d:Deployment) WHERE NOT (o)<-[:MENTIONS]-() RETURN count(*) AS n",
    // Reads both ends: stays where it is.
    "MATCH (o:Organization)-[:SENT]->(d:Deployment) WHERE NOT EXISTS { (o)<-[:MENTIONS]-(a:Article) WHERE a.id = d.id }
     RETURN count(*) AS n",
];

#[test]
fn push_semi_applies_walks_a_hop_from_the_node_an_exists_reads() {
    let (before, after) = around_in(&senders(), "push_semi_applies", FAR_NODE_READS[0]);
    assert!(before.contains("NodeByLabelScan d:Deployment"), "{before}");
    assert!(after.contains("AntiSemiApply\n") && after.contains("NodeByLabelScan o:Organization"), "{after}");
    assert!(after.find("Expand (o)-[anon_1:SENT]->(d)") < after.find("AntiSemiApply"), "{after}");
    let (_, after) = around_in(&senders(), "push_semi_applies", FAR_NODE_READS[4]);
    assert!(after.contains("NodeByLabelScan d:Deployment"), "{after}");
    let mut db = senders();
    for text in FAR_NODE_READS {
        let moved = db.execute(text, &Params::new()).map(|r| r.rows).unwrap_or_else(|e| panic!("{}", e.message));
        db.set_planner_passes(crate::planner::Passes::all().without("push_semi_applies").unwrap_or_default());
        let left = db.execute(text, &Params::new()).map(|r| r.rows).unwrap_or_else(|e| panic!("{}", e.message));
        db.set_planner_passes(crate::planner::Passes::all());
        assert_eq!(moved, left, "{text}");
        assert!(!moved.is_empty(), "{text}");
    }
}
