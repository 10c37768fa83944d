//! `ProductAggregate` (the `count_rows` pass, `product_aggregates.rs`) against the product
//! it replaces.

use super::tests::around_in;
use crate::binder::Params;
use crate::Database;

fn graph() -> Database {
    let mut db = Database::empty();
    let setup = "UNWIND range(1, 7) AS i CREATE (:C {id: i, year: 1900 + i % 4, w: CASE WHEN i % 3 = 0 THEN null ELSE i * 1.5 END});
                 UNWIND range(1, 9) AS i CREATE (:O {id: i, year: 2000 + i % 3, name: CASE WHEN i = 5 THEN null ELSE 'o' + toString(i % 4) END})";
    db.execute_script(setup, &Params::new()).unwrap_or_else(|e| panic!("{}", e.message));
    db
}

#[test]
fn product_aggregate_keeps_the_answers() {
    let mut db = graph();
    let sides = ["c.year < 1903", "c.year > 1990", "c.w IS NULL"];
    let others = ["o.year = 2001", "o.year = 1999", "o.name IS NOT NULL"];
    let mut folded = 0;
    let reads = [
        "count(*) AS n, count(DISTINCT c) AS cs, count(DISTINCT o) AS os",
        "count(c.w) AS ws, count(o.name) AS names, min(c.w) AS lo, max(o.name) AS hi",
        "collect(DISTINCT o.name) AS names, sum(DISTINCT c.id) AS ids, avg(DISTINCT o.year) AS years, stDev(DISTINCT c.id) AS sd",
        "count(DISTINCT 1) AS one, percentileDisc(DISTINCT c.id, 0.5) AS mid, count(*) AS n",
    ];
    for side in sides {
        for other in others {
            for read in reads {
                let text = format!("MATCH (c:C) WHERE {side} MATCH (o:O) WHERE {other} RETURN {read}");
                // A side estimated at one row or none is joined by a nested loop instead.
                let (before, plan) = around_in(&db, "count_rows", &text);
                assert_eq!(before.contains("CartesianProduct"), plan.contains("ProductAggregate"), "{plan}");
                folded += usize::from(plan.contains("ProductAggregate"));
                let rows = |db: &mut Database| {
                    db.execute(&text, &Params::new())
                        .map(|r| r.rows)
                        .unwrap_or_else(|e| panic!("{text}: {}", e.message))
                };
                db.set_planner_passes(crate::planner::Passes::all());
                let per_side = rows(&mut db);
                db.set_planner_passes(crate::planner::Passes::all().without("count_rows").unwrap_or_default());
                assert_eq!(per_side, rows(&mut db), "{text}");
            }
        }
    }
    assert!(folded >= 24, "{folded}");
}

#[test]
fn product_aggregate_leaves_keys_mixed_reads_and_repeated_sums() {
    let db = graph();
    for read in [
        // A key: the product's groups.
        "c.year AS y, count(*) AS n",
        // One aggregate reads both sides.
        "count(DISTINCT [c, o]) AS pairs",
        // A sum without DISTINCT counts each value once per row of the other side.
        "sum(c.id) AS ids",
        "avg(o.year) AS years",
    ] {
        let text = format!("MATCH (c:C) WHERE c.year < 1903 MATCH (o:O) WHERE o.year = 2001 RETURN {read}");
        let (_, plan) = around_in(&db, "count_rows", &text);
        assert!(!plan.contains("ProductAggregate"), "{plan}");
    }
}
