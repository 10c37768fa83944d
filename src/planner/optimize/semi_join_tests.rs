//! The `semi_joins` pass, and pattern predicates planned as EXISTS subqueries.

use super::tests::{around_in, rows, rows_with_and_without};
use crate::binder::Params;
use crate::Database;

/// People, articles and organisations with mentions, memberships and a few KNOWS, and a
/// person with none of them; imported without a schema.
fn graph() -> Database {
    let mut db = Database::empty();
    let setup = "UNWIND range(0, 299) AS i CREATE (:Person {id: i, year: 1950 + i % 60});
                 UNWIND range(0, 59) AS i CREATE (:Article {id: i, year: 2000 + i % 10});
                 UNWIND range(0, 19) AS i CREATE (:Organization {id: i, year: 2000 + i % 10});
                 MATCH (a:Article), (p:Person) WHERE p.id IN [a.id * 3, a.id * 4 + 1] CREATE (a)-[:MENTIONS]->(p);
                 MATCH (p:Person), (o:Organization) WHERE o.id = p.id % 23 CREATE (p)-[:MEMBER_OF]->(o);
                 MATCH (p:Person), (q:Person) WHERE p.id % 7 = 0 AND q.id = (p.id * 5) % 300 AND q <> p
                 CREATE (p)-[:KNOWS]->(q)";
    db.execute_script(setup, &Params::new()).unwrap_or_else(|e| panic!("{}", e.message));
    db
}

/// Queries whose EXISTS the pass answers, each with its answers compared with the plan
/// that runs the subquery per row.
const SHAPES: [&str; 9] = [
    "MATCH (p:Person) WHERE EXISTS { (p)<-[:MENTIONS]-(:Article {year: 2003}) } RETURN count(*) AS n",
    "MATCH (p:Person) WHERE NOT EXISTS { (p)<-[:MENTIONS]-(:Article {year: 2003}) } RETURN count(*) AS n",
    "MATCH (p:Person) WHERE (p)-[:MEMBER_OF]->(:Organization {year: 2004}) OR (p)<-[:MENTIONS]-(:Article {year: 2003})
     RETURN p.year % 3 AS k, count(*) AS n ORDER BY k",
    "MATCH (p:Person) RETURN EXISTS { (p)<-[:MENTIONS]-(:Article {year: 2003}) } AS m, count(*) AS n ORDER BY m",
    "MATCH (p:Person) WHERE EXISTS { (p)-[:KNOWS]-() } RETURN count(*) AS n",
    "MATCH (p:Person) WHERE NOT EXISTS { (p)-[:KNOWS]->() } RETURN count(*) AS n",
    "MATCH (p:Person) RETURN EXISTS { (p)<-[:KNOWS]-() } AS k, count(*) AS n ORDER BY k",
    "OPTIONAL MATCH (p:Person {id: 5000}) RETURN EXISTS { (p)<-[:MENTIONS]-(:Article {year: 2003}) } AS m,
     EXISTS { (p)-[:KNOWS]-() } AS k",
    "MATCH (p:Person) WHERE p.id < 40 OPTIONAL MATCH (p)-[:KNOWS]->(q:Person)
     RETURN q.id AS q, EXISTS { (q)<-[:MENTIONS]-(:Article) } AS m ORDER BY q",
];

#[test]
fn semi_joins_keep_the_answers() {
    let mut db = graph();
    for text in SHAPES {
        let (joined, per_row) = rows_with_and_without(&mut db, "semi_joins", text);
        assert_eq!(joined, per_row, "{text}");
        assert!(!joined.is_empty(), "{text}");
    }
}

#[test]
fn semi_joins_answer_an_exists_from_a_set_or_a_degree() {
    let (before, after) = around_in(&graph(), "semi_joins", SHAPES[1]);
    assert!(before.contains("AntiSemiApply"), "{before}");
    assert!(after.contains("AntiSemiHashJoin [p]") && !after.contains("SemiApply"), "{after}");
    let (before, after) = around_in(&graph(), "semi_joins", SHAPES[4]);
    assert!(before.contains("SemiApply"), "{before}");
    assert!(after.contains("NodeDegree (p)-[:KNOWS]-() into") && !after.contains("SemiApply"), "{after}");
}

#[test]
fn semi_joins_leave_an_exists_reading_the_outer_row_beyond_its_keys() {
    // `a.id > p.id` reads only the build side's own `p`: answered from the set.
    let own = "MATCH (p:Person) WHERE EXISTS { (p)<-[:MENTIONS]-(a:Article {year: 2003}) WHERE a.id > p.id }
               RETURN count(*) AS n";
    let (_, after) = around_in(&graph(), "semi_joins", own);
    assert!(after.contains("SemiHashJoin [p]"), "{after}");
    // `a.id > q.id` reads another outer variable: the subquery stays per row.
    let outer = "MATCH (p:Person)-[:KNOWS]->(q:Person)
                 WHERE EXISTS { (p)<-[:MENTIONS]-(a:Article {year: 2003}) WHERE a.id > q.id } RETURN count(*) AS n";
    let (before, after) = around_in(&graph(), "semi_joins", outer);
    assert_eq!(before, after);
    // `a.id = q.id`, an equality with another outer variable, joins on the value too.
    let valued = "MATCH (p:Person)-[:KNOWS]->(q:Person)
                  WHERE EXISTS { (p)<-[:MENTIONS]-(a:Article) WHERE a.id % 7 = q.id % 7 } RETURN count(*) AS n";
    let (_, after) = around_in(&graph(), "semi_joins", valued);
    assert!(!after.contains("SemiHashJoin"), "{after}");
    let mut db = graph();
    for text in [own, outer, valued] {
        let joined = rows(&mut db, text);
        db.set_planner_passes(crate::planner::Passes::all().without("semi_joins").unwrap_or_default());
        assert_eq!(joined, rows(&mut db, text), "{text}");
        db.set_planner_passes(crate::planner::Passes::all());
    }
}

#[test]
fn a_pattern_predicate_is_an_exists_subquery_but_a_bare_hop_stays_inline() {
    let mut db = graph();
    let pattern = "MATCH (p:Person) WHERE (p)<-[:MENTIONS]-(:Article {year: 2003}) RETURN count(*) AS n";
    let subquery =
        "MATCH (p:Person) WHERE EXISTS { MATCH (p)<-[:MENTIONS]-(:Article {year: 2003}) } RETURN count(*) AS n";
    assert_eq!(rows(&mut db, pattern), rows(&mut db, subquery));
    let (_, plan) = around_in(&graph(), "semi_joins", pattern);
    assert!(plan.contains("SemiHashJoin [p]"), "{plan}");
    let (_, bare) =
        around_in(&graph(), "semi_joins", "MATCH (p:Person) WHERE NOT (p)-[:KNOWS]-() RETURN count(*) AS n");
    assert!(bare.contains("where NOT EXISTS(pattern)"), "{bare}");
    let err = db.execute("MATCH (p:Person) WHERE (p)-[:KNOWS]->(q) RETURN count(*) AS n", &Params::new());
    assert!(err.is_err_and(|e| e.message.contains("`q` is not defined")));
}

#[test]
fn an_intersection_rewound_per_row_marks_each_row_s_node() {
    // (g)-[:MEMBER_OF]->()<-[:MEMBER_OF]-(p) per row: the intersection's marks of one
    // row's `p` must not answer the next row's.
    let mut db = graph();
    let text = "MATCH (p:Person)-[:KNOWS]->(g:Person) WHERE (g)-[:MEMBER_OF]->(:Organization)<-[:MEMBER_OF]-(p)
                RETURN count(*) AS n";
    let intersected = rows(&mut db, text);
    db.set_planner_passes(crate::planner::Passes::all().without("intersect_cycles").unwrap_or_default());
    assert_eq!(intersected, rows(&mut db, text));
}
