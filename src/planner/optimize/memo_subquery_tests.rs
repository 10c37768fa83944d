//! The `memo_subqueries` pass: subqueries answered once per distinct value of the outer
//! slots they read give the answers of the plan that runs them per row.

use super::tests::{around_in, rows};
use crate::binder::Params;
use crate::planner::Passes;
use crate::value::Value;
use crate::Database;

/// People, articles and organisations, each organisation with many members (so outer
/// rows repeat it), a few KNOWS; imported without a schema.
fn graph() -> Database {
    let mut db = Database::empty();
    let setup = "UNWIND range(0, 199) AS i CREATE (:Person {id: i, year: 1950 + i % 40});
                 UNWIND range(0, 39) AS i CREATE (:Article {id: i, year: 2000 + i % 10});
                 UNWIND range(0, 11) AS i CREATE (:Organization {id: i, year: 2000 + i % 10});
                 MATCH (a:Article), (p:Person) WHERE p.id IN [a.id * 3, a.id * 5 + 1] CREATE (a)-[:MENTIONS]->(p);
                 MATCH (a:Article), (o:Organization) WHERE o.id = a.id % 7 CREATE (a)-[:MENTIONS]->(o);
                 MATCH (p:Person), (o:Organization) WHERE o.id = p.id % 13 CREATE (p)-[:MEMBER_OF]->(o);
                 MATCH (p:Person), (q:Person) WHERE p.id % 7 = 0 AND q.id = (p.id * 5) % 200 AND q <> p
                 CREATE (p)-[:KNOWS]->(q)";
    db.execute_script(setup, &Params::new()).unwrap_or_else(|e| panic!("{}", e.message));
    db
}

fn without_memo() -> Passes {
    Passes::all().without("memo_subqueries").unwrap_or_default()
}

/// Reading queries whose subqueries the pass marks, over outer rows that repeat their keys.
const SHAPES: [&str; 10] = [
    // A pattern predicate on a node met once per member.
    "MATCH (p:Person)-[:MEMBER_OF]->(o:Organization) WHERE NOT (o)<-[:MENTIONS]-(:Article)
     RETURN count(DISTINCT o) AS orgs, count(*) AS n",
    "MATCH (p:Person)-[:MEMBER_OF]->(o:Organization) WHERE (o)<-[:MENTIONS]-(:Article {year: 2003})
     RETURN count(DISTINCT o) AS orgs, count(*) AS n",
    // The other direction, and an EXISTS reading two outer variables.
    "MATCH (o:Organization)<-[:MEMBER_OF]-(p:Person) WHERE EXISTS { (o)<-[:MEMBER_OF]-(q:Person) WHERE q.year > p.year + 30 }
     RETURN p.id AS p ORDER BY p",
    // Values of subqueries: EXISTS, COUNT and COLLECT (its order kept) per organisation.
    "MATCH (p:Person)-[:MEMBER_OF]->(o:Organization)
     RETURN p.id AS p, EXISTS { (o)<-[:MENTIONS]-(a:Article) WHERE a.year = 2005 } AS e ORDER BY p",
    "MATCH (p:Person)-[:MEMBER_OF]->(o:Organization)
     RETURN p.id AS p, COUNT { (o)<-[:MEMBER_OF]-(q:Person)<-[:MENTIONS]-(:Article) } AS c ORDER BY p",
    "MATCH (p:Person)-[:MEMBER_OF]->(o:Organization)
     RETURN p.id AS p, COLLECT { MATCH (o)<-[:MEMBER_OF]-(q:Person) WHERE q.year < 1960 RETURN q.id } AS c ORDER BY p",
    // Null keys: people without KNOWS give a null `q`, each the same answer.
    "MATCH (p:Person) OPTIONAL MATCH (p)-[:KNOWS]->(q:Person)
     RETURN p.id AS p, EXISTS { (q)<-[:MENTIONS]-(:Article {year: 2001}) } AS m ORDER BY p",
    // `1` and `1.0` are one key to a table but not to `toString`: floats are never kept.
    "UNWIND [1, 1.0, 1, 2, 2.0, null] AS x MATCH (o:Organization) WHERE o.id < 3
     RETURN x, o.id AS o, EXISTS { MATCH (q:Person) WHERE toString(q.id) = toString(x) } AS e",
    // Keys read through a property of an outer node.
    "MATCH (p:Person)-[:MEMBER_OF]->(o:Organization)
     RETURN p.id AS p, COUNT { MATCH (a:Article) WHERE a.year = o.year AND (a)-[:MENTIONS]->(:Person) } AS c ORDER BY p",
    // A subquery reading no outer variable: answered once.
    "MATCH (p:Person) WHERE p.id < 30 RETURN p.id AS p, COUNT { MATCH (a:Article)-[:MENTIONS]->(:Organization) } AS c ORDER BY p",
];

#[test]
fn memo_subqueries_keep_the_answers() {
    let mut db = graph();
    for text in SHAPES {
        let kept = rows(&mut db, text);
        db.set_planner_passes(without_memo());
        let per_row = rows(&mut db, text);
        db.set_planner_passes(Passes::all());
        assert_eq!(kept, per_row, "{text}");
        assert!(!kept.is_empty(), "{text}");
    }
}

#[test]
fn memo_subqueries_mark_the_subqueries_by_the_outer_slots_they_read() {
    // Right over the scan of `o` each organisation comes once: nothing to keep.
    let (before, after) = around_in(&graph(), "memo_subqueries", SHAPES[0]);
    assert!(before.contains("AntiSemiApply\n") && before.contains("├─ NodeByLabelScan o:Organization"), "{before}");
    assert_eq!(before, after);
    let (before, after) = around_in(&graph(), "memo_subqueries", SHAPES[2]);
    assert!(before.contains("SemiApply\n"), "{before}");
    assert!(after.contains("SemiApply memo on [o, p]"), "{after}");
    // A value reading only `o` is made right after o's scan (`push_subquery_values`):
    // nothing to keep. After a projection it stays per member row, kept per organisation.
    let (_, after) = around_in(&graph(), "memo_subqueries", SHAPES[4]);
    assert!(
        after.contains("CountSubquery into anon_8\n") && after.contains("├─ NodeByLabelScan o:Organization"),
        "{after}"
    );
    let projected = |shape: &str| shape.replacen("\n     RETURN", " WITH p, o RETURN", 1);
    let (_, after) = around_in(&graph(), "memo_subqueries", &projected(SHAPES[4]));
    assert!(after.contains("─ CountSubquery into anon_10 memo on [o]\n"), "{after}");
    let (_, after) = around_in(&graph(), "memo_subqueries", &projected(SHAPES[5]));
    assert!(after.contains("─ CollectSubquery into anon_9 memo on [o]\n"), "{after}");
    let (_, after) = around_in(&graph(), "memo_subqueries", SHAPES[9]);
    assert!(after.contains("memo once"), "{after}");
}

#[test]
fn memo_subqueries_leave_a_random_subquery_per_row() {
    let text = "MATCH (p:Person)-[:MEMBER_OF]->(o:Organization)
                WHERE EXISTS { MATCH (o)<-[:MEMBER_OF]-(q:Person) WHERE rand() < 0.5 } RETURN count(*) AS n";
    let (before, after) = around_in(&graph(), "memo_subqueries", text);
    assert_eq!(before, after);
    assert!(!after.contains("memo"), "{after}");
}

/// Statements that write between the rows a subquery reads: each run on a fresh graph,
/// with the memo and without.
const WRITING: [&str; 4] = [
    // Each row creates what the next row's NOT EXISTS looks for.
    "UNWIND [1, 2, 3] AS i MATCH (o:Organization) WHERE o.id < 2 AND NOT EXISTS { (o)-[:TAGGED]->(:Tag) }
     CREATE (o)-[:TAGGED]->(:Tag {i: i}) RETURN count(*) AS n",
    // A subquery after a CREATE in the same statement, reading what it created.
    "UNWIND [1, 2, 3] AS i CREATE (:Tag {i: i}) WITH i MATCH (o:Organization) WHERE o.id < 2
     RETURN i, o.id AS o, COUNT { MATCH (t:Tag) } AS tags ORDER BY i, o",
    "UNWIND [1, 2, 3] AS i MATCH (o:Organization {id: 0}) CREATE (o)-[:TAGGED]->(:Tag {i: i})
     WITH i, o RETURN i, COUNT { (o)-[:TAGGED]->(:Tag) } AS tags, EXISTS { (o)-[:TAGGED]->(:Tag {i: 2}) } AS two ORDER BY i",
    // A SET between rows changes what the subquery's condition reads.
    "UNWIND [1, 2, 3] AS i MATCH (o:Organization {id: 1}) SET o.year = o.year + 1
     WITH i, o RETURN i, EXISTS { MATCH (a:Article) WHERE a.year = o.year } AS e ORDER BY i",
];

#[test]
fn memo_subqueries_see_the_writes_between_rows() {
    for text in WRITING {
        let mut db = graph();
        let kept = rows(&mut db, text);
        let after: Vec<Vec<Value>> = rows(&mut db, "MATCH (t:Tag) RETURN t.i AS i ORDER BY i");
        let mut db = graph();
        db.set_planner_passes(without_memo());
        let per_row = rows(&mut db, text);
        let after_per_row = rows(&mut db, "MATCH (t:Tag) RETURN t.i AS i ORDER BY i");
        assert_eq!(kept, per_row, "{text}");
        assert_eq!(after, after_per_row, "{text}");
    }
}
