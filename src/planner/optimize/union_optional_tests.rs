//! The `union_optionals` pass on its own.

use super::tests::around;
use crate::binder::Params;
use crate::Database;

const TWO_BRANCHES: &str = "MATCH (q:Q) OPTIONAL MATCH (q)<-[:R]-(p:P) OPTIONAL MATCH (q)<-[:S]-(x:P) \
                            RETURN q.id AS q, count(DISTINCT p) AS ps, max(x.x) AS top";

#[test]
fn union_optionals_runs_independent_branches_side_by_side() {
    let (before, after) = around("union_optionals", TWO_BRANCHES);
    assert_eq!(before.matches("Optional").count(), 2, "{before}");
    assert_eq!(after.matches("Optional").count(), 1, "{after}");
    assert!(after.contains("└─ UnionAll\n"), "{after}");
}

#[test]
fn union_optionals_leaves_counts_keys_and_dependent_branches() {
    for text in [
        // count(*) depends on how many rows the product has.
        "MATCH (q:Q) OPTIONAL MATCH (q)<-[:R]-(p:P) OPTIONAL MATCH (q)<-[:S]-(x:P) RETURN count(*) AS n",
        // A key reads a branch's variable.
        "MATCH (q:Q) OPTIONAL MATCH (q)<-[:R]-(p:P) OPTIONAL MATCH (q)<-[:S]-(x:P) RETURN p.id AS p, count(DISTINCT x) AS n",
        // One aggregate reads both branches.
        "MATCH (q:Q) OPTIONAL MATCH (q)<-[:R]-(p:P) OPTIONAL MATCH (q)<-[:S]-(x:P) RETURN count(DISTINCT [p, x]) AS n",
        // The second branch starts where the first ended.
        "MATCH (q:Q) OPTIONAL MATCH (q)<-[:R]-(p:P) OPTIONAL MATCH (p)<-[:S]-(x:P) RETURN count(DISTINCT p) AS a, count(DISTINCT x) AS b",
        // Not null when the branch's variable is: a branch with no match would show.
        "MATCH (q:Q) OPTIONAL MATCH (q)<-[:R]-(p:P) OPTIONAL MATCH (q)<-[:S]-(x:P) RETURN count(DISTINCT coalesce(p.x, -1)) AS a, count(DISTINCT x) AS b",
    ] {
        let (before, after) = around("union_optionals", text);
        assert_eq!(before, after, "{text}");
    }
}

#[test]
fn union_optionals_keeps_the_answers() {
    let mut db = Database::empty();
    // Some Q have neither kind of neighbour, some one kind, some both; x repeats.
    let setup = "UNWIND range(0, 39) AS i CREATE (:P {id: i, x: i % 7});
                 UNWIND range(0, 5) AS i CREATE (:Q {id: i});
                 MATCH (p:P), (q:Q) WHERE q.id > 0 AND p.id % 5 = q.id CREATE (p)-[:R]->(q);
                 MATCH (p:P), (q:Q) WHERE q.id > 1 AND p.id % 3 = q.id % 3 CREATE (p)-[:S]->(q)";
    db.execute_script(setup, &Params::new()).unwrap_or_else(|e| panic!("{}", e.message));
    let text = format!("{TWO_BRANCHES}, collect(DISTINCT x.id) AS xs, min(p.x + x.x) AS mixed ORDER BY q");
    let three = "MATCH (q:Q) OPTIONAL MATCH (q)<-[:R]-(p:P) WHERE p.x > 2 OPTIONAL MATCH (q)<-[:S]-(x:P) \
                 OPTIONAL MATCH (q)<-[:R]-(y:P) WHERE y.x < 2 \
                 RETURN q.id % 2 AS half, count(DISTINCT p) AS ps, count(DISTINCT x.x) AS xs, min(y.id) AS lo ORDER BY half";
    for text in [text.as_str(), three] {
        let rows = |db: &mut Database| {
            db.execute(text, &Params::new()).map(|r| r.rows).unwrap_or_else(|e| panic!("{}", e.message))
        };
        db.set_planner_passes(crate::planner::Passes::all());
        let side_by_side = rows(&mut db);
        db.set_planner_passes(crate::planner::Passes::all().without("union_optionals").unwrap_or_default());
        assert_eq!(side_by_side, rows(&mut db), "{text}");
        assert!(side_by_side.len() >= 2, "{text}");
    }
}
