//! The `fold_ordered_collects` pass on its own, and its answers against the sort it folds.

use super::tests::{around, around_in};
use crate::binder::Params;
use crate::Database;

#[test]
fn fold_ordered_collects_folds_sorts_read_at_one_end() {
    for text in [
        "MATCH (q:Q)<-[:R]-(p:P) WITH q, p ORDER BY p.x DESC, p.id WITH q, head(collect(p.id)) AS top, count(*) AS n RETURN q.id, top, n",
        "MATCH (q:Q)<-[:R]-(p:P) WITH q, p ORDER BY p.x WITH q, last(collect(p.id)) AS top, sum(p.x) AS s RETURN q.id, top, s",
        "UNWIND range(1, 9) AS i WITH i ORDER BY i % 4 DESC RETURN collect(i)[..3] AS firsts, collect(i)[-1] AS final",
    ] {
        let (before, after) = around("fold_ordered_collects", text);
        assert!(before.contains("Sort") && !before.contains("OrderedAggregate"), "{before}");
        assert!(after.contains("OrderedAggregate") && after.matches("Sort").count() < before.matches("Sort").count(), "{after}");
    }
}

#[test]
fn fold_ordered_collects_leaves_orders_that_choose_or_show() {
    for text in [
        // The LIMIT makes the order choose rows.
        "MATCH (q:Q)<-[:R]-(p:P) WITH q, p ORDER BY p.x DESC LIMIT 3 WITH q, head(collect(p.id)) AS top RETURN q.id, top",
        // The whole list is read.
        "MATCH (q:Q)<-[:R]-(p:P) WITH q, p ORDER BY p.x WITH q, collect(p.id) AS ids RETURN q.id, ids",
        // (`size(collect(p.id))` would be a count, `fold_collected_lists`.)
        "MATCH (q:Q)<-[:R]-(p:P) WITH q, p ORDER BY p.x WITH q, head(collect(p.id)) AS a, reverse(collect(p.id)) AS n RETURN q.id, a, n",
        // Both ends of one list.
        "MATCH (q:Q)<-[:R]-(p:P) WITH q, p ORDER BY p.x WITH q, collect(p.id) AS ids RETURN q.id, head(ids), last(ids)",
        // DISTINCT keeps the first of each value in order; an index that is not a literal.
        "MATCH (q:Q)<-[:R]-(p:P) WITH q, p ORDER BY p.x WITH q, head(collect(DISTINCT p.x)) AS a RETURN q.id, a",
        "MATCH (q:Q)<-[:R]-(p:P) WITH q, p ORDER BY p.x WITH q, collect(p.id)[q.id] AS a RETURN q.id, a",
        // A LIMIT after the aggregation, with no ORDER BY, takes groups in their order.
        "MATCH (q:Q)<-[:R]-(p:P) WITH q, p ORDER BY p.x WITH q, head(collect(p.id)) AS a LIMIT 2 RETURN q.id, a",
        // The sort reads what the WITH drops.
        "MATCH (q:Q)<-[:R]-(p:P) WITH q, p.id AS id ORDER BY p.x WITH q, head(collect(id)) AS a RETURN q.id, a",
    ] {
        let (before, after) = around("fold_ordered_collects", text);
        assert_eq!(before, after, "{text}");
    }
}

#[test]
fn fold_ordered_collects_keeps_the_answers() {
    let mut db = Database::empty();
    // Ties in x, nulls in x and in id's stand-in y, strings and numbers mixed in z.
    let setup = "UNWIND range(0, 59) AS i CREATE (:P {id: i, x: CASE WHEN i % 11 = 0 THEN null ELSE i % 4 END,
                     y: CASE WHEN i % 7 = 0 THEN null ELSE i END, z: CASE WHEN i % 3 = 0 THEN 'z' + toString(i) ELSE i * 1.5 END});
                 UNWIND range(0, 5) AS i CREATE (:Q {id: i});
                 MATCH (p:P), (q:Q) WHERE p.id % 6 = q.id OR (q.id = 0 AND p.id % 4 = 1) CREATE (p)-[:R {w: p.id % 3}]->(q)";
    db.execute_script(setup, &Params::new()).unwrap_or_else(|e| panic!("{}", e.message));
    let orders = ["p.x DESC, p.id", "p.x", "r.w, p.x DESC", "p.z DESC", "q.id"];
    let reads = [
        "head(collect(p.y)) AS a, count(*) AS n",
        "collect(p.y)[..3] AS a, min(p.x) AS lo, count(DISTINCT p.x) AS n",
        "last(collect(p.z)) AS a, collect(p.y)[1] AS b, avg(p.x) AS n",
        "collect(p.id)[-2] AS a, collect(p.y)[0..2] AS b, sum(p.x) AS n",
    ];
    for order in orders {
        for read in reads {
            let text = format!(
                "MATCH (q:Q)<-[r:R]-(p:P) WITH q, r, p ORDER BY {order} WITH q.id % 4 AS g, {read} RETURN * ORDER BY g"
            );
            let (_, folded_plan) = around_in(&db, "fold_ordered_collects", &text);
            assert!(folded_plan.contains("OrderedAggregate"), "{folded_plan}");
            let rows = |db: &mut Database| {
                db.execute(&text, &Params::new()).map(|r| r.rows).unwrap_or_else(|e| panic!("{text}: {}", e.message))
            };
            db.set_planner_passes(crate::planner::Passes::all());
            let folded = rows(&mut db);
            db.set_planner_passes(crate::planner::Passes::all().without("fold_ordered_collects").unwrap_or_default());
            assert_eq!(folded, rows(&mut db), "{text}");
            assert_eq!(folded.len(), 4, "{text}");
        }
    }
}
