//! The path passes on their own (`prune_paths`, `stop_searches`) and `count_rows`' counts
//! per path length and of an optional hop with conditions: the plan just before and just
//! after, and the answers with and without the pass.

use super::tests::around;
use super::Passes;
use crate::binder::Params;
use crate::Database;

/// A ring of 12 `P` (`x` = id mod 4) joined by `R {w}` both ways round, with a chord.
fn ring() -> Database {
    let mut db = Database::empty();
    let setup = "UNWIND range(0, 11) AS i CREATE (:P {id: i, x: i % 4});
                 MATCH (a:P), (b:P) WHERE b.id = (a.id + 1) % 12 CREATE (a)-[:R {w: a.id}]->(b);
                 MATCH (a:P {id: 0}), (b:P {id: 6}) CREATE (a)-[:R {w: 20}]->(b)";
    db.execute_script(setup, &Params::new()).unwrap_or_else(|e| panic!("{}", e.message));
    db
}

/// The rows of `text` with every pass, and with the pass named `off` switched off.
fn with_and_without(text: &str, off: &str) -> (String, String) {
    let mut db = ring();
    let with = db.execute(text, &Params::new()).unwrap_or_else(|e| panic!("{}", e.message)).rows;
    db.set_planner_passes(Passes::all().without(off).unwrap_or_default());
    let without = db.execute(text, &Params::new()).unwrap_or_else(|e| panic!("{}", e.message)).rows;
    (format!("{with:?}"), format!("{without:?}"))
}

#[test]
fn prune_paths_moves_a_condition_on_each_relationship_into_the_search() {
    let text = "MATCH (a:P {id: 0})-[ks:R*1..3]->(b) WHERE all(k IN ks WHERE k.w < 5) AND b.x <> ks[0].w \
                RETURN b.id AS b ORDER BY b";
    let (before, after) = around("prune_paths", text);
    assert!(
        before.contains("Filter … AND b.x <> ks[0].w\n") && before.contains("VarExpand (a)-[ks:R*1..3]->(b)\n"),
        "{before}"
    );
    assert!(after.contains("VarExpand (a)-[ks:R*1..3]->(b) all(k IN relationships WHERE k.w < 5)\n"), "{after}");
    assert!(after.contains("Filter b.x <> ks[0].w\n"), "the condition reading the list stays:\n{after}");
    let (with, without) = with_and_without(text, "prune_paths");
    assert_eq!(with, without);
    // 0→1→2→3 passes (w 0, 1, 2); the chord (w 20) fails; ks[0].w is 0, so b.x <> 0.
    assert_eq!(with, "[[Int(1)], [Int(2)], [Int(3)]]");
}

#[test]
fn count_rows_counts_paths_per_length_without_building_them() {
    let text = "MATCH p = (a:P {id: 0})-[:R*1..3]-(b) RETURN length(p) AS l, count(*) AS n ORDER BY l";
    let (before, after) = around("count_rows", text);
    assert!(before.contains("BuildPath p\n"), "{before}");
    assert!(after.contains("VarExpandCount (a)-[anon_1:R*1..3]-(b) into anon_5 per length l\n"), "{after}");
    assert!(!after.contains("BuildPath"), "{after}");
    let (with, without) = with_and_without(text, "count_rows");
    assert_eq!(with, without);
    // From 0: three relationships (to 1, 11 and, by the chord, 6); then on round the ring
    // only (a path never takes its relationship back): 1 way from 1 and 11, 2 from 6.
    assert_eq!(with, "[[Int(1), Int(3)], [Int(2), Int(4)], [Int(3), Int(4)]]");
}

#[test]
fn stop_searches_lets_a_nearest_first_search_stop_at_the_depth_with_enough_rows() {
    let text = "MATCH p = shortestPath((a:P {id: 0})-[:R*1..6]-(b:P)) WHERE b.x = 1 \
                RETURN b.id AS id, length(p) AS d ORDER BY d, id LIMIT 2";
    let (before, after) = around("stop_searches", text);
    assert!(before.contains("from a where b:P AND b.x = 1\n"), "{before}");
    assert!(after.contains("from a where b:P AND b.x = 1 AND stops after the depth reaching 2 rows\n"), "{after}");
    let (with, without) = with_and_without(text, "stop_searches");
    assert_eq!(with, without);
    // x = 1: 1 at one hop, then 5 at two (over the chord to 6), before 9 (at three).
    assert_eq!(with, "[[Int(1), Int(1)], [Int(5), Int(2)]]");
}

#[test]
fn count_rows_counts_an_optional_hop_with_conditions_keeping_zeros() {
    let text = "MATCH (p:P) WHERE p.id < 4 OPTIONAL MATCH (p)<-[r:R]-(q:P) WHERE r.w > 5 \
                RETURN p.id AS p, count(q) AS n ORDER BY p";
    let (before, after) = around("count_rows", text);
    assert!(before.contains("Optional [r, q]\n"), "{before}");
    assert!(after.contains("OptionalExpandCount (p)<-[r:R]-(q) into anon_"), "{after}");
    assert!(after.contains(" where q:P AND r.w > 5\n") && !after.contains("Optional [r, q]"), "{after}");
    let mut db = ring();
    let with = db.execute(text, &Params::new()).unwrap_or_else(|e| panic!("{}", e.message)).rows;
    db.set_planner_passes(Passes::all().without("count_rows").unwrap_or_default());
    assert_eq!(with, db.execute(text, &Params::new()).unwrap_or_else(|e| panic!("{}", e.message)).rows);
    // Into 0 come 11 (w 11); into 1, 2, 3 only w 0, 1, 2: zero, and the rows stay.
    assert_eq!(format!("{with:?}"), "[[Int(0), Int(1)], [Int(1), Int(0)], [Int(2), Int(0)], [Int(3), Int(0)]]");
}
