//! Aggregates weighted by a count per row (`planner/weighted.rs`), made by `count_rows`
//! over an OPTIONAL MATCH hop (`count_optional.rs`) and over a plain MATCH's last hop
//! (`rewrite.rs`): answers with the pass on and off, and the shapes it leaves.

use super::tests::around_in;
use crate::binder::Params;
use crate::planner::Passes;
use crate::Database;

/// Units in two years, each PART_OF zero to three deployments (unit 0 none; some share);
/// countries and organisations SENT to deployments (deployment 0 by none); some units
/// without a year, and `(:Unit)` rows beyond 1024 so that the counting over rows takes
/// several groups of rows. No schema: every far label is tested.
fn graph() -> Database {
    let mut db = Database::empty();
    let setup = "UNWIND range(0, 1299) AS i CREATE (:Unit {id: i, year: CASE WHEN i % 11 = 3 THEN null ELSE 2000 + i % 2 END, w: i % 5});
                 UNWIND range(0, 39) AS i CREATE (:Deployment {id: i, year: 2000 + i % 3});
                 UNWIND range(0, 14) AS i CREATE (:Country {id: i, weight: toFloat(i) / 10.0});
                 UNWIND range(0, 5) AS i CREATE (:Organization {id: i});
                 MATCH (u:Unit), (d:Deployment) WHERE u.id > 0 AND (u.id % 40 = d.id OR u.id % 13 = d.id OR u.id % 7 = d.id) CREATE (u)-[:PART_OF]->(d);
                 MATCH (c:Country), (d:Deployment) WHERE d.id > 0 AND (d.id + c.id) % 3 = 0 CREATE (c)-[:SENT {year: 1995 + c.id}]->(d);
                 MATCH (c:Country), (d:Deployment) WHERE d.id % 5 = 1 AND c.id < 4 CREATE (c)-[:SENT {year: 2001}]->(d);
                 MATCH (o:Organization), (d:Deployment) WHERE (d.id + o.id) % 4 = 0 CREATE (o)-[:SENT]->(d)";
    db.execute_script(setup, &Params::new()).unwrap_or_else(|e| panic!("{}", e.message));
    db
}

fn answers(db: &mut Database, text: &str, passes: Passes) -> Vec<Vec<crate::Value>> {
    db.set_planner_passes(passes);
    db.execute(text, &Params::new()).map(|r| r.rows).unwrap_or_else(|e| panic!("{text}: {}", e.message))
}

/// Each `text`'s answers with every pass and without `count_rows` are equal, and the
/// pass changed its plan.
fn check_same_answers(texts: &[&str]) {
    let mut db = graph();
    for text in texts {
        let counted = answers(&mut db, text, Passes::all());
        let plain = answers(&mut db, text, Passes::all().without("count_rows").unwrap_or_default());
        assert_eq!(counted, plain, "{text}");
        assert!(!counted.is_empty(), "{text}");
        let (before, after) = around_in(&db, "count_rows", text);
        assert_ne!(before, after, "count_rows did not apply to {text}");
    }
}

#[test]
fn weighted_counts_over_an_optional_hop_keep_the_answers() {
    check_same_answers(&[
        // Two OPTIONAL MATCHes in sequence, the second from a node the first may leave null.
        "MATCH (u:Unit) WHERE u.year = 2001 OPTIONAL MATCH (u)-[:PART_OF]->(d:Deployment) \
         OPTIONAL MATCH (d)<-[:SENT]-(c:Country) RETURN count(DISTINCT u) AS units, count(DISTINCT d) AS ds, count(c) AS sends",
        // count(*) counts the row of nulls; count of an earlier value that may be null.
        "MATCH (u:Unit) WHERE u.id < 200 OPTIONAL MATCH (u)-[:PART_OF]->(d:Deployment) OPTIONAL MATCH (d)<-[s:SENT]-(c) \
         RETURN count(*) AS rows, count(d) AS ds, count(u.year) AS years, count(s) AS sends, min(u.id) AS lo, max(d.id) AS hi",
        // Grouped by an earlier value, a WHERE on the far node and the relationship.
        "MATCH (d:Deployment) OPTIONAL MATCH (d)<-[s:SENT]-(c:Country) WHERE s.year >= 2000 AND c.weight > 0.5 \
         RETURN d.year AS year, count(DISTINCT d) AS ds, count(c) AS sends, collect(DISTINCT d.id % 4) AS ks ORDER BY year",
        // A WHERE reading the outer row too (counted row by row), the other direction.
        "MATCH (c:Country) OPTIONAL MATCH (c)-[s:SENT]->(d:Deployment) WHERE d.id > c.id \
         RETURN c.id % 3 AS k, count(*) AS rows, count(d) AS n, max(c.weight) AS top ORDER BY k",
        // Over rows one at a time (an Optional below), a condition reading the outer row
        // (each row tested alone) and one reading only the hop (rows counted together).
        "MATCH (u:Unit) OPTIONAL MATCH (u)-[:PART_OF]->(d:Deployment) OPTIONAL MATCH (d)<-[s:SENT]-(c) \
         WHERE c.id <> u.id % 15 RETURN count(*) AS rows, count(c) AS n, count(DISTINCT d) AS ds",
        "MATCH (u:Unit) WHERE u.id < 600 OPTIONAL MATCH (u)-[:PART_OF]->(d:Deployment) OPTIONAL MATCH (d)<-[s:SENT]-(c) \
         WHERE c.id <> 3 RETURN u.w AS w, count(*) AS rows, count(c) AS n ORDER BY w",
        // A bare hop (a degree), no match at all for some rows, with count(*).
        "MATCH (u:Unit) WHERE u.id < 30 OPTIONAL MATCH (u)-[p]->(d) RETURN count(*) AS rows, count(p) AS n, count(DISTINCT u.w) AS ws",
        // An input with no match at all, no keys.
        "MATCH (d:Deployment) WHERE d.id = 0 OPTIONAL MATCH (d)<-[s:SENT]-(c:Country) \
         RETURN count(*) AS rows, count(c) AS n, count(DISTINCT d) AS ds",
    ]);
}

#[test]
fn weighted_counts_over_a_plain_hop_keep_the_answers() {
    check_same_answers(&[
        // Distinct earlier values beside counts: rows with no match give nothing.
        "MATCH (u:Unit) WHERE u.id < 100 MATCH (u)-[:PART_OF]->(d) WHERE d.year = 2001 \
         RETURN count(DISTINCT u) AS units, count(*) AS rows, count(d) AS n, count(u.year) AS years",
        // Grouped by an earlier value, min and max beside.
        "MATCH (d:Deployment) WHERE d.id < 10 MATCH (d)<-[s:SENT]-(o) WHERE o:Organization OR s.year > 2005 \
         RETURN d.year AS year, min(d.id) AS lo, max(d.id) AS hi, count(s) AS n ORDER BY year",
    ]);
}

#[test]
fn weighted_counts_show_in_the_plan() {
    let text = "MATCH (u:Unit) WHERE u.year = 2001 OPTIONAL MATCH (u)-[:PART_OF]->(d:Deployment) \
                OPTIONAL MATCH (d)<-[:SENT]-(c:Country) RETURN count(DISTINCT u) AS units, count(DISTINCT d) AS ds, count(c) AS sends";
    let (before, after) = around_in(&graph(), "count_rows", text);
    assert!(before.contains("aggregates [count(DISTINCT u), count(DISTINCT d), count(c)]"), "{before}");
    assert!(after.contains("aggregates [count(DISTINCT u), count(DISTINCT d), sum(anon_"), "{after}");
    assert!(after.contains("OptionalExpandCount (d)<-[anon_3:SENT]-(c)"), "{after}");
    // count(*) under OPTIONAL MATCH counts a row without a match once.
    let star = "MATCH (u:Unit) OPTIONAL MATCH (u)-[:PART_OF]->(d:Deployment) RETURN count(*) AS n, max(u.id) AS top";
    let (_, after) = around_in(&graph(), "count_rows", star);
    assert!(after.contains("sum(CASE WHEN anon_"), "{after}");
}

#[test]
fn weighted_counts_leave_aggregates_that_do_not_decompose() {
    let db = graph();
    for text in [
        // The distinct values of what the hop binds.
        "MATCH (d:Deployment) OPTIONAL MATCH (d)<-[:SENT]-(c:Country) RETURN count(DISTINCT c) AS cs, count(c) AS n",
        // A value of the far node.
        "MATCH (d:Deployment) OPTIONAL MATCH (d)<-[:SENT]-(c:Country) RETURN max(c.weight) AS top, count(c) AS n",
        // A sum of an earlier value repeats it per match.
        "MATCH (u:Unit) OPTIONAL MATCH (u)-[:PART_OF]->(d:Deployment) RETURN sum(u.w) AS s, count(d) AS n",
        // collect keeps every repeat.
        "MATCH (u:Unit) OPTIONAL MATCH (u)-[:PART_OF]->(d:Deployment) RETURN collect(u.id) AS ids, count(d) AS n",
        // A key reads what the hop binds.
        "MATCH (u:Unit) OPTIONAL MATCH (u)-[:PART_OF]->(d:Deployment) RETURN d.year AS year, count(DISTINCT u) AS n, count(*) AS rows",
        // Plain MATCH: a sum of an earlier value beside the count.
        "MATCH (u:Unit)-[:PART_OF]->(d:Deployment) RETURN sum(u.w) AS s, count(DISTINCT u) AS n, count(*) AS rows",
    ] {
        let (before, after) = around_in(&db, "count_rows", text);
        assert!(!after.contains("sum(anon_") && !after.contains("sum(CASE"), "{text}\n{after}");
        let _ = before;
    }
}
