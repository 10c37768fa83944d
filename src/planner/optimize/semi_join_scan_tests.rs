//! The `semi_join_scans` pass: a scan under semi-joins keyed on its node, read from
//! their sets, gives the rows (and their order) of the chain it stands for.

use super::tests::{around_in, rows_with_and_without};
use crate::binder::Params;
use crate::Database;

/// People, articles and organisations with mentions and memberships, imported without a
/// schema; person 299 has neither.
fn graph() -> Database {
    let mut db = Database::empty();
    let setup = "UNWIND range(0, 299) AS i CREATE (:Person {id: i, year: 1950 + i % 60});
                 UNWIND range(0, 59) AS i CREATE (:Article {id: i, year: 2000 + i % 10});
                 UNWIND range(0, 19) AS i CREATE (:Organization {id: i, year: 2000 + i % 10});
                 MATCH (a:Article), (p:Person) WHERE p.id IN [a.id * 3, a.id * 4 + 1] CREATE (a)-[:MENTIONS]->(p);
                 MATCH (p:Person), (o:Organization) WHERE o.id = p.id % 23 AND p.id < 299 CREATE (p)-[:MEMBER_OF]->(o);
                 CREATE (:Article {id: 99, year: 2003})-[:MENTIONS]->(:Organization {id: 99, year: 2004})";
    db.execute_script(setup, &Params::new()).unwrap_or_else(|e| panic!("{}", e.message));
    db
}

/// Queries the pass rewrites (most) or leaves, each compared, rows in order, with the
/// plan of semi-joins over a scan.
const SHAPES: [&str; 10] = [
    "MATCH (p:Person) WHERE (p)-[:MEMBER_OF]->(:Organization {year: 2004}) OR (p)<-[:MENTIONS]-(:Article {year: 2003})
     RETURN p.id AS id",
    "MATCH (p:Person) WHERE (p)<-[:MENTIONS]-(:Article {year: 2003}) OR (p)-[:MEMBER_OF]->(:Organization {year: 2004})
     RETURN count(*) AS n",
    "MATCH (p:Person) WHERE p.year IN range(1950, 1979) AND (p)<-[:MENTIONS]-(:Article {year: 2003})
     RETURN p.id AS id",
    "MATCH (p:Person) WHERE p.year IN range(1950, 1970) AND (p)<-[:MENTIONS]-(:Article {year: 2003})
     AND NOT (p)-[:MEMBER_OF]->(:Organization {year: 2004}) RETURN p.id AS id",
    "MATCH (p) WHERE (p)-[:MEMBER_OF]->(:Organization {year: 2004}) OR (p)<-[:MENTIONS]-(:Article {year: 2003})
     RETURN p.id AS id",
    "MATCH (p:Person) WHERE ((p)-[:MEMBER_OF]->(:Organization {year: 2004}) OR (p)<-[:MENTIONS]-(:Article {year: 2003}))
     AND p.id % 2 = 0 RETURN p.id AS id",
    "MATCH (p:Person) WHERE (p)-[:MEMBER_OF]->(:Organization) OR (p)<-[:MENTIONS]-(:Article) RETURN count(*) AS n",
    "MATCH (a:Article) WHERE a.id < 3 MATCH (p:Person) WHERE (p)-[:MEMBER_OF]->(:Organization {year: 2004})
     RETURN a.id AS a, p.id AS id",
    "MATCH (p:Person) WHERE (p)-[:MEMBER_OF]->(:Organization {year: 2004}) OR p.id = 7 RETURN p.id AS id",
    "MATCH (p:Person) RETURN p.id AS id, EXISTS { (p)<-[:MENTIONS]-(:Article {year: 2003}) } AS m
     ORDER BY id LIMIT 20",
];

#[test]
fn semi_join_scans_keep_the_rows_and_their_order() {
    let mut db = graph();
    for text in SHAPES {
        let (read_from_sets, probed) = rows_with_and_without(&mut db, "semi_join_scans", text);
        assert_eq!(read_from_sets, probed, "{text}");
        assert!(!read_from_sets.is_empty(), "{text}");
    }
}

#[test]
fn semi_join_scans_take_a_needed_set_and_leave_the_rest() {
    let (before, after) = around_in(&graph(), "semi_join_scans", SHAPES[0]);
    assert!(before.contains("SemiHashJoin [p] into"), "{before}");
    assert!(after.contains("SemiJoinScan p:Person sets [into") && !after.contains("SemiHashJoin"), "{after}");
    let exists = "MATCH (p:Person) WHERE EXISTS { (p)<-[:MENTIONS]-(:Article {year: 2003}) } RETURN count(*) AS n";
    let (_, after) = around_in(&graph(), "semi_join_scans", exists);
    assert!(after.contains("SemiJoinScan p:Person sets [in]"), "{after}");
    // `… OR p.id = 7`: a row may be in no set, so the scan stays.
    let (before, after) = around_in(&graph(), "semi_join_scans", SHAPES[8]);
    assert_eq!(before, after);
    // A scan condition that may raise is checked on every node, as the scan did.
    let failing = "MATCH (p:Person) WHERE p.id / (p.id - 5) > 0 AND (p)-[:MEMBER_OF]->(:Organization {year: 2004})
                   RETURN count(*) AS n";
    let (before, after) = around_in(&graph(), "semi_join_scans", failing);
    assert_eq!(before, after);
    let err = graph().execute(failing, &Params::new());
    assert!(err.is_err_and(|e| e.message.contains("division by zero")));
}
