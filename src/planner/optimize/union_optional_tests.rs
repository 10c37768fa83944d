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

/// Two branches that both start where the first OPTIONAL MATCH ended.
const CHAIN: &str = "MATCH (q:Q) OPTIONAL MATCH (q)<-[:R]-(p:P) OPTIONAL MATCH (p)-[:S]->(x:Q) \
                     OPTIONAL MATCH (p)-[:R]->(y:Q) RETURN count(DISTINCT p) AS ps, count(DISTINCT x) AS xs, \
                     max(y.id) AS ys";

#[test]
fn union_optionals_takes_the_independent_top_of_a_chain() {
    let (before, after) = around("union_optionals", CHAIN);
    assert_eq!(before.matches("Optional").count(), 3, "{before}");
    assert_eq!(after.matches("Optional").count(), 2, "{after}");
    // The first branch stays below, as the input of the union of the other two.
    let union_at = after.find("UnionAll").unwrap_or_else(|| panic!("{after}"));
    let first_at = after.find("(q)<-[anon_1:R]-(p)").unwrap_or_else(|| panic!("{after}"));
    assert!(first_at < union_at, "{after}");
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
        // The top branch reads what the one below it binds: no two top branches are independent.
        "MATCH (q:Q) OPTIONAL MATCH (q)<-[:R]-(p:P) OPTIONAL MATCH (q)<-[:S]-(x:P) OPTIONAL MATCH (x)-[:S]->(y:Q) \
         RETURN count(DISTINCT p) AS a, count(DISTINCT x) AS b, count(DISTINCT y) AS c",
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
    let chain = format!("{CHAIN}, min(p.x + x.id) AS mixed, min(p.x) AS lo");
    let chain_grouped = "MATCH (q:Q) OPTIONAL MATCH (q)<-[:R]-(p:P) OPTIONAL MATCH (p)-[:S]->(y:Q) WHERE y.id > q.id \
                         OPTIONAL MATCH (p)-[:R]->(z:Q) OPTIONAL MATCH (q)<-[:S]-(x:P) \
                         RETURN q.id AS q, count(DISTINCT p) AS ps, count(DISTINCT y) AS ys, count(DISTINCT z) AS zs, \
                         max(x.x) AS top ORDER BY q";
    for text in [text.as_str(), three, chain.as_str(), chain_grouped] {
        let rows = |db: &mut Database| {
            db.execute(text, &Params::new()).map(|r| r.rows).unwrap_or_else(|e| panic!("{}", e.message))
        };
        db.set_planner_passes(crate::planner::Passes::all());
        let side_by_side = rows(&mut db);
        db.set_planner_passes(crate::planner::Passes::all().without("union_optionals").unwrap_or_default());
        assert_eq!(side_by_side, rows(&mut db), "{text}");
        assert!(!side_by_side.is_empty(), "{text}");
    }
}
