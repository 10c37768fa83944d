//! The `fold_collected_lists` pass on its own, and its answers against the lists it
//! folds.

use super::tests::{around, around_in};
use crate::binder::Params;
use crate::Database;

#[test]
fn fold_collected_lists_folds_lists_read_only_through_folds() {
    for text in [
        "MATCH (q:Q)<-[r:R]-(p:P) WITH q, collect(r.w) AS ws RETURN q.id, reduce(m = 0, w IN ws | CASE WHEN w > m THEN w ELSE m END) AS top, size(ws) AS n",
        "MATCH (q:Q)<-[r:R]-(p:P) WITH q, collect(r.w) AS ws WITH q, [w IN ws WHERE w >= 1] AS big WHERE size(big) > 0 RETURN count(q), sum(size(big))",
        "MATCH (p:P) RETURN size(collect(DISTINCT p.x)) AS n, size([x IN collect(p.x) WHERE x > 2]) AS big",
        "MATCH (q:Q)<-[:R]-(p:P) WITH q, p ORDER BY p.id WITH q, reduce(s = '', n IN collect(p.name) | s + n) AS names RETURN q.id, names",
        "MATCH (q:Q)<-[:R]-(p:P) WITH q, collect(p) AS ps RETURN q.id, size([m IN ps WHERE m.x > 2 | m.id]) AS n",
    ] {
        let (before, after) = around("fold_collected_lists", text);
        assert!(before.contains("collect("), "{before}");
        assert!(!builds_list(&after), "{after}");
    }
}

#[test]
fn fold_collected_lists_leaves_lists_read_otherwise() {
    for text in [
        // The list itself is returned, or read at an index.
        "MATCH (q:Q)<-[r:R]-(p:P) WITH q, collect(r.w) AS ws RETURN q.id, size(ws), ws",
        "MATCH (q:Q)<-[r:R]-(p:P) WITH q, collect(r.w) AS ws RETURN q.id, size(ws), ws[0]",
        // A step that reads what the aggregation does not have at hand.
        "MATCH (q:Q)<-[r:R]-(p:P) WITH q, collect(r.w) AS ws RETURN q.id, reduce(s = 0, w IN ws | s + w + q.id)",
        // A step that may fail, after a filter that drops groups.
        "MATCH (q:Q)<-[r:R]-(p:P) WITH q, collect(r.w) AS ws WHERE q.id > 2 RETURN q.id, reduce(s = 0, w IN ws | s + w)",
        // A comprehension that maps, and a reduce over a DISTINCT collect.
        "MATCH (q:Q)<-[r:R]-(p:P) WITH q, collect(r.w) AS ws RETURN q.id, size([w IN ws WHERE w > 0 | w * 2])",
        "MATCH (q:Q)<-[r:R]-(p:P) WITH q, collect(DISTINCT r.w) AS ws RETURN q.id, reduce(s = 0, w IN ws | s + w)",
        // A list kept by DISTINCT.
        "MATCH (q:Q)<-[r:R]-(p:P) WITH q, collect(r.w) AS ws RETURN DISTINCT size(ws) AS n, ws",
    ] {
        let (before, after) = around("fold_collected_lists", text);
        assert_eq!(before, after, "{text}");
    }
}

#[test]
fn fold_collected_lists_keeps_the_answers() {
    let mut db = Database::empty();
    // Nulls, strings among numbers, a group whose values are all null, and floats equal
    // to integers (which a fold must keep in the list's order).
    let setup = "UNWIND range(0, 59) AS i CREATE (:P {id: i, name: 'p' + toString(i % 13),
                     x: CASE WHEN i % 11 = 0 THEN null WHEN i % 9 = 0 THEN 'nine' WHEN i % 5 = 0 THEN 1.0 * (i % 4) ELSE i % 4 END});
                 UNWIND range(0, 6) AS i CREATE (:Q {id: i});
                 MATCH (p:P), (q:Q) WHERE p.id % 6 = q.id OR (q.id = 0 AND p.id % 4 = 1) CREATE (p)-[:R {w: CASE WHEN q.id = 5 THEN null ELSE p.id % 3 END}]->(q)";
    db.execute_script(setup, &Params::new()).unwrap_or_else(|e| panic!("{}", e.message));
    let reads = [
        "reduce(m = 0, x IN xs | CASE WHEN x > m THEN x ELSE m END) AS a, size(xs) AS n",
        "reduce(m = null, x IN xs | CASE WHEN m IS NULL OR x < m THEN x ELSE m END) AS a, size([x IN xs WHERE x >= 2]) AS n",
        "reduce(s = 0, x IN [y IN xs WHERE y > 0] | s + 1) AS a, size([x IN xs WHERE x IS NULL]) AS n",
        "reduce(s = [], x IN xs | s + [x]) AS a, size([y IN [x IN xs WHERE x > 1] WHERE y < 3]) AS n",
        "size([x IN xs WHERE x <> 2 | x]) AS a, size([x IN xs | 'x']) AS n",
    ];
    let lists = ["collect(p.x)", "collect(r.w)", "collect(p.name)"];
    // Rows in a sorted order into `Aggregate` (a group with no match, one with nulls
    // only), and in the expansion's order into `GroupFold`.
    let shapes = [
        "MATCH (q:Q) OPTIONAL MATCH (q)<-[r:R]-(p:P) WITH q, p, r ORDER BY p.id DESC WITH q.id AS g",
        "MATCH (q:Q)<-[r:R]-(p:P) WITH q.id AS g",
    ];
    for shape in shapes {
        for list in lists {
            for read in reads {
                check_folded_answers(&mut db, &format!("{shape}, {list} AS xs RETURN g, {read} ORDER BY g"));
            }
        }
    }
}

/// `text` planned with a list folded gives what it gives with the pass off (rows, or the
/// same error).
fn check_folded_answers(db: &mut Database, text: &str) {
    let (_, folded_plan) = around_in(db, "fold_collected_lists", text);
    assert!(!builds_list(&folded_plan), "{text}\n{folded_plan}");
    let rows = |db: &mut Database| db.execute(text, &Params::new()).map(|r| r.rows).map_err(|e| e.code);
    db.set_planner_passes(crate::planner::Passes::all());
    let folded = rows(db);
    db.set_planner_passes(crate::planner::Passes::all().without("fold_collected_lists").unwrap_or_default());
    assert_eq!(folded, rows(db), "{text}");
    db.set_planner_passes(crate::planner::Passes::all());
    if let (Ok(rows), true) = (folded, text.contains("OPTIONAL")) {
        assert_eq!(rows.len(), 7, "{text}");
    }
}

#[test]
fn fold_collected_lists_over_no_rows_gives_the_empty_lists_answers() {
    let mut db = Database::empty();
    let text = "MATCH (x:Nothing) RETURN reduce(m = 5, y IN collect(x.v) | m + y) AS r, size(collect(x.v)) AS n";
    let rows = |db: &mut Database| {
        db.execute(text, &Params::new()).map(|r| r.rows).unwrap_or_else(|e| panic!("{}", e.message))
    };
    let folded = rows(&mut db);
    db.set_planner_passes(crate::planner::Passes::all().without("fold_collected_lists").unwrap_or_default());
    assert_eq!(folded, rows(&mut db));
    assert_eq!(format!("{:?}", folded), "[[Int(5), Int(0)]]");
}

/// Whether an aggregation in `plan` collects a list.
fn builds_list(plan: &str) -> bool {
    plan.contains("[collect(") || plan.contains(", collect(")
}

#[test]
fn folded_extremes_fold_in_stored_order_with_the_steps_answers() {
    let mut db = Database::empty();
    // Integer weights (and a group of one type whose weights are all absent), then floats.
    let setup = "UNWIND range(0, 39) AS i CREATE (:P {id: i});
                 UNWIND range(0, 5) AS i CREATE (:Q {id: i});
                 MATCH (p:P), (q:Q) WHERE p.id % 5 = q.id CREATE (p)-[:R {w: (p.id * 7) % 11 - 3}]->(q), (p)-[:S]->(q)";
    db.execute_script(setup, &Params::new()).unwrap_or_else(|e| panic!("{}", e.message));
    let steps = [
        "reduce(m = 0, w IN ws | CASE WHEN w > m THEN w ELSE m END)",
        "reduce(m = 2, w IN ws | CASE WHEN m <= w THEN w ELSE m END)",
        "reduce(m = 100, w IN ws | CASE WHEN w < m THEN w ELSE m END)",
        "reduce(m = 1.0, w IN ws | CASE WHEN m > w THEN m ELSE w END)",
    ];
    for ty in ["R", "S"] {
        for step in steps {
            let text = format!("MATCH (q:Q)<-[r:{ty}]-(:P) WITH q, collect(r.w) AS ws RETURN q.id AS q, {step} AS e, size(ws) AS n ORDER BY q");
            let (_, plan) = around_in(&db, "fold_groups", &text);
            assert!(plan.contains("in stored order"), "{plan}");
            db.set_planner_passes(crate::planner::Passes::all());
            let folded = db.execute(&text, &Params::new()).map(|r| r.rows).map_err(|e| e.code);
            db.set_planner_passes(crate::planner::Passes::all().without("fold_collected_lists").unwrap_or_default());
            assert_eq!(folded, db.execute(&text, &Params::new()).map(|r| r.rows).map_err(|e| e.code), "{text}");
        }
    }
}

#[test]
fn fold_collected_lists_folds_quantifiers_with_the_lists_answers() {
    let mut db = Database::empty();
    // Nulls, strings among numbers, floats equal to integers, a group whose values are all
    // null, keys whose property is null, and a verdict that is neither true nor null.
    let setup = "UNWIND range(0, 59) AS i CREATE (:P {id: i, name: 'p' + toString(i % 13),
                     x: CASE WHEN i % 11 = 0 THEN null WHEN i % 9 = 0 THEN 'nine' WHEN i % 5 = 0 THEN 1.0 * (i % 4) ELSE i % 4 END});
                 UNWIND range(0, 6) AS i CREATE (:Q {id: i, k: CASE WHEN i % 3 = 0 THEN null ELSE i % 4 END});
                 MATCH (p:P), (q:Q) WHERE p.id % 6 = q.id OR (q.id = 0 AND p.id % 4 = 1) CREATE (p)-[:R {w: CASE WHEN q.id = 5 THEN null ELSE p.id % 3 END}]->(q)";
    db.execute_script(setup, &Params::new()).unwrap_or_else(|e| panic!("{}", e.message));
    let reads = [
        "any(x IN xs WHERE x = q.id % 4) AS a, all(x IN xs WHERE x > 0) AS b",
        "none(x IN xs WHERE x >= q.k) AS a, size(xs) AS b",
        "all(x IN xs WHERE x < q.k) AS a, any(x IN xs WHERE x = 'nine') AS b",
        "any(y IN [x IN xs WHERE x > 1] WHERE y < q.k) AS a, none(x IN xs WHERE x IS NULL) AS b",
        "any(x IN xs WHERE x = 2) AS a, none(x IN xs WHERE x = 2) AS b",
        "all(x IN xs WHERE x) AS a, any(x IN xs WHERE CASE WHEN x = 1 THEN 7 END) AS b",
        "any(x IN xs WHERE x > 1) AND q.id > 2 AS a, reduce(s = 0, x IN xs | s + 1) AS b",
    ];
    let lists = ["collect(p.x)", "collect(r.w)", "collect(DISTINCT p.x)"];
    // Rows in a sorted order into `Aggregate` (a group with no match, one with nulls
    // only), and in the expansion's order into `GroupFold`.
    let shapes = [
        "MATCH (q:Q) OPTIONAL MATCH (q)<-[r:R]-(p:P) WITH q, p, r ORDER BY p.id DESC WITH q",
        "MATCH (q:Q)<-[r:R]-(p:P) WITH q",
    ];
    for shape in shapes {
        for list in lists {
            // A reduce over a DISTINCT list is not folded (its order is the set's).
            for read in reads.iter().filter(|read| !(list.contains("DISTINCT") && read.contains("reduce"))) {
                check_folded_answers(&mut db, &format!("{shape}, {list} AS xs RETURN q.id AS g, {read} ORDER BY g"));
            }
        }
    }
    // Read in a WHERE, then in the aggregation after it, beside the list's size.
    for list in lists {
        for condition in ["any(x IN xs WHERE x = q.k)", "all(x IN xs WHERE x >= 1)", "NOT none(x IN xs WHERE x < q.id)"]
        {
            let text = format!("MATCH (q:Q)<-[r:R]-(p:P) WITH q, {list} AS xs WHERE {condition} AND size(xs) >= 2 RETURN count(*) AS n, sum(size(xs)) AS m");
            check_folded_answers(&mut db, &text);
        }
    }
}

#[test]
fn fold_collected_lists_leaves_quantifiers_it_cannot_fold() {
    for text in [
        // `single` counts true verdicts, which one code cannot carry.
        "MATCH (q:Q)<-[r:R]-(p:P) WITH q, collect(r.w) AS ws RETURN q.id, single(w IN ws WHERE w > 1)",
        // A condition reading a float key (1.0 groups with 1) or what is no key.
        "MATCH (q:Q)<-[r:R]-(p:P) WITH q.id * 1.0 AS f, collect(r.w) AS ws RETURN f, any(w IN ws WHERE toString(w + f) = '2.0')",
        "MATCH (q:Q)<-[r:R]-(p:P) WITH q, collect(r.w) AS ws, count(*) AS n RETURN q.id, any(w IN ws WHERE w = n)",
        // A key given another value before the read.
        "MATCH (q:Q)<-[r:R]-(p:P) WITH q.id AS k, collect(r.w) AS ws WITH k + 1 AS k, ws RETURN any(w IN ws WHERE w = k)",
    ] {
        let (before, after) = around("fold_collected_lists", text);
        assert_eq!(before, after, "{text}");
    }
}
