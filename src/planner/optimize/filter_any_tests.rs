//! The `filter_any_groups` pass on its own, and its answers against the groups it
//! filtered after folding.

use super::tests::{around_in, rows_with_and_without};
use crate::binder::Params;
use crate::Database;

/// Deployments with years (one null), units with parts whose years hold a null, a string
/// and a year equal to their deployment's; a deployment with no part.
fn graph() -> Database {
    let mut db = Database::empty();
    let setup = "UNWIND [[1, 2005], [2, null], [3, 1999], [4, 2010], [5, 2000], [6, 2001]] AS t CREATE (:Deployment {id: t[0], year: t[1]});
                 UNWIND range(1, 8) AS i CREATE (:Unit {id: i, year: 1995 + i});
                 UNWIND [[1, 1, 2001], [2, 1, 2005], [3, 1, null], [4, 1, 2003], [5, 2, 1999], [6, 2, null], [7, 3, null],
                         [8, 4, 'x'], [1, 4, 2010], [2, 6, 2001], [3, 6, 2001], [6, 3, 1999]] AS t
                 MATCH (u:Unit {id: t[0]}), (d:Deployment {id: t[1]}) CREATE (u)-[:PART_OF {year: t[2]}]->(d)";
    db.execute_script(setup, &Params::new()).unwrap_or_else(|e| panic!("{}", e.message));
    db
}

#[test]
fn filter_any_groups_filters_the_rows_of_groups_kept_by_any() {
    let db = graph();
    for text in [
        "MATCH (d:Deployment)<-[pt:PART_OF]-(:Unit) WITH d, collect(pt.year) AS ys WHERE any(y IN ys WHERE y = d.year) RETURN d.id AS id",
        "MATCH (d:Deployment)<-[pt:PART_OF]-(u:Unit) WITH d, d.id AS id, collect(u.year) AS ys WHERE d.id > 1 AND any(y IN ys WHERE y > 2000) RETURN id",
        "MATCH (u:Unit)-[:PART_OF]->(d:Deployment) WITH u, collect(d.year) AS ys WHERE any(y IN ys WHERE y = u.year) RETURN count(*) AS n",
    ] {
        let (before, after) = around_in(&db, "filter_any_groups", text);
        assert!(before.contains("max(CASE WHEN"), "{before}");
        assert!(after.contains("aggregates []") && !after.contains("max(CASE WHEN"), "{after}");
    }
}

#[test]
fn filter_any_groups_leaves_other_groups() {
    let db = graph();
    for text in [
        // Another aggregate beside the fold, which needs every row.
        "MATCH (d:Deployment)<-[pt:PART_OF]-(:Unit) WITH d, collect(pt.year) AS ys WHERE any(y IN ys WHERE y = d.year) AND size(ys) > 1 RETURN d.id",
        // Keys whose groups are not runs of the rows (the order of first rows could change).
        "MATCH (d:Deployment)<-[pt:PART_OF]-(:Unit) WITH d.year % 2 AS odd, collect(pt.year) AS ys WHERE any(y IN ys WHERE y > 2002) RETURN odd",
        // `all`, `none` and `NOT any` need every row.
        "MATCH (d:Deployment)<-[pt:PART_OF]-(:Unit) WITH d, collect(pt.year) AS ys WHERE all(y IN ys WHERE y > 2002) RETURN d.id",
        "MATCH (d:Deployment)<-[pt:PART_OF]-(:Unit) WITH d, collect(pt.year) AS ys WHERE NOT any(y IN ys WHERE y > 2002) RETURN d.id",
        // A conjunct beside it that may fail (evaluated for groups whose answer is null).
        "MATCH (d:Deployment)<-[pt:PART_OF]-(:Unit) WITH d, collect(pt.year) AS ys WHERE any(y IN ys WHERE y > 2002) AND 10 / (d.id - 3) > 0 RETURN d.id",
        // The answer read past the filter.
        "MATCH (d:Deployment)<-[pt:PART_OF]-(:Unit) WITH d, collect(pt.year) AS ys WHERE any(y IN ys WHERE y > 2002) OR d.id = 3 RETURN d.id",
    ] {
        let (before, after) = around_in(&db, "filter_any_groups", text);
        assert_eq!(before, after, "{text}");
    }
}

#[test]
fn filter_any_groups_keeps_the_answers_and_their_order() {
    let mut db = graph();
    let conditions = [
        "y = {k}.year",
        "y > 2002",
        "y IS NULL",
        "y <> {k}.year",
        "y = 'x' OR y < 2000",
        // May fail ('x' - 1 is a type error): evaluated where the code evaluated it.
        "y - 1 > 2000",
        "toInteger(y) > 2000",
    ];
    let shapes = [
        ("d", "MATCH (d:Deployment)<-[pt:PART_OF]-(:Unit) WITH d, collect(pt.year) AS ys WHERE any(y IN ys WHERE {c}) RETURN d.id AS id"),
        ("d", "MATCH (d:Deployment)<-[pt:PART_OF]-(u:Unit) WHERE u.id <> 2 WITH d, collect(pt.year) AS ys WHERE any(y IN ys WHERE {c}) AND d.id <> 4 RETURN d.id AS id"),
        ("d", "MATCH (d:Deployment) OPTIONAL MATCH (d)<-[pt:PART_OF]-(:Unit) WITH d, collect(pt.year) AS ys WHERE any(y IN ys WHERE {c}) RETURN d.id AS id"),
        ("u", "MATCH (u:Unit)-[pt:PART_OF]->(d:Deployment) WITH u, u.id AS id, collect(d.year) AS ys WHERE any(y IN ys WHERE y = u.year + 5 OR {c}) RETURN id, count(*) AS n"),
        ("u", "MATCH (u:Unit)-[pt:PART_OF]->(d:Deployment) WITH u, collect(d.year) AS ys WHERE any(y IN ys WHERE {c}) RETURN count(*) AS n"),
    ];
    for (key, shape) in shapes {
        for c in conditions {
            let text = shape.replace("{c}", &c.replace("{k}", key));
            let with = db.execute(&text, &Params::new()).map(|r| r.rows).map_err(|e| e.code);
            db.set_planner_passes(crate::planner::Passes::all().without("filter_any_groups").unwrap_or_default());
            let without = db.execute(&text, &Params::new()).map(|r| r.rows).map_err(|e| e.code);
            db.set_planner_passes(crate::planner::Passes::all());
            assert_eq!(with, without, "{text}");
        }
    }
    let (with, without) = rows_with_and_without(
        &mut db,
        "filter_any_groups",
        "MATCH (d:Deployment)<-[pt:PART_OF]-(:Unit) WITH d, collect(pt.year) AS ys WHERE any(y IN ys WHERE y = d.year) RETURN d.id AS id",
    );
    assert_eq!(format!("{with:?}"), "[[Int(1)], [Int(3)], [Int(4)], [Int(6)]]");
    assert_eq!(with, without);
}
