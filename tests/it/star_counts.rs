//! Aggregations over stars, decomposed per arm (`count_star.rs`, issue 15): random stars
//! of two or three arms from one hub (same or different types, any direction, labels on
//! the ends or not, conditions on the ends and the relationships) with counts, DISTINCT
//! counts, `min` and `max` give the same answers with every pass on as with `count_rows`
//! off, on a graph with hubs, nodes of two labels, self loops and parallel relationships,
//! typed and schemaless.

use steppe::planner::Passes;
use steppe::{Database, Params};

use crate::planner_random::Seq;

const SCHEMA: &str = "
CREATE NODE TYPE H (id INTEGER KEY, v INTEGER);
CREATE NODE TYPE A (id INTEGER KEY, v INTEGER);
CREATE NODE TYPE B (id INTEGER KEY, v INTEGER);
CREATE RELATIONSHIP TYPE S (A -> H, w INTEGER);
CREATE RELATIONSHIP TYPE T (H -> B, w INTEGER);
CREATE RELATIONSHIP TYPE U (B -> H, w INTEGER);
";

/// 12 hubs, 60 A and 60 B nodes (a fifth of the A nodes also B); S from A to H, T from H
/// to B, U from B to H, skewed to the first hubs, some repeated (parallel), and a few
/// self loops of S on hubs that are also A.
fn load(schema: &str) -> Database {
    let mut db = Database::empty();
    let mut statements: Vec<String> =
        schema.split(';').map(str::trim).filter(|s| !s.is_empty()).map(str::to_string).collect();
    statements.push("UNWIND range(1, 12) AS i CREATE (:H {id: i, v: i % 5})".into());
    statements.push("UNWIND range(1, 60) AS i CREATE (:A {id: i, v: i % 7})".into());
    statements
        .push("UNWIND range(1, 60) AS i CREATE (:B {id: i, v: CASE WHEN i % 9 = 0 THEN null ELSE i % 4 END})".into());
    let mut seq = Seq(5);
    for (ty, from, to, reversed) in [("S", "A", "H", false), ("T", "H", "B", true), ("U", "B", "H", false)] {
        let edges: Vec<String> = (0..150)
            .map(|_| {
                let spread = 1 + seq.next(12);
                let hub = 1 + seq.next(spread);
                let other = 1 + seq.next(60);
                let (a, b) = if reversed { (hub, other) } else { (other, hub) };
                format!("[{a}, {b}, {}]", seq.next(5))
            })
            .collect();
        statements.push(format!(
            "UNWIND [{}] AS e MATCH (a:{from} {{id: e[0]}}), (b:{to} {{id: e[1]}}) CREATE (a)-[:{ty} {{w: e[2]}}]->(b)",
            edges.join(", ")
        ));
    }
    if schema.is_empty() {
        // Nodes of two labels, and self loops at hubs that are also A (no schema allows them).
        statements.push("MATCH (a:A) WHERE a.id % 5 = 0 SET a:B".into());
        statements.push("MATCH (h:H) WHERE h.id <= 3 SET h:A CREATE (h)-[:S {w: 1}]->(h), (h)-[:S {w: 2}]->(h)".into());
    }
    for statement in statements {
        db.execute(&statement, &Params::new()).unwrap_or_else(|e| panic!("{statement}: {}", e.describe(&statement)));
    }
    db
}

/// One random star and its aggregates: the first two arms written as one chain through the
/// hub, a third (if any) as a second part; aggregates of both first arms, and others.
/// On the typed graph the ends carry no label (the schema refuses those it never connects).
fn star(seq: &mut Seq, typed: bool) -> String {
    // (type, arrow towards the hub, arrow away from it).
    let arms = [
        (":S", "-", "->"),
        (":T", "<-", "-"),
        (":U", "-", "->"),
        (":T|U", "-", "-"),
        ("", "-", "->"),
        (":S", "-", "->"),
    ];
    let labels: &[&str] = if typed { &[""] } else { &["", ":A", ":B", ":A:B"] };
    let arm = |seq: &mut Seq, i: usize| {
        let (ty, near, far) = arms[seq.next(arms.len() as i64) as usize];
        let label = labels[seq.next(labels.len() as i64) as usize];
        (
            format!("(x{i}{label}){near}[r{i}{ty}]{far}"),
            format!("{}[r{i}{ty}]{}(x{i}{label})", reverse(far), reverse(near)),
        )
    };
    let (first, _) = arm(seq, 0);
    let (_, second) = arm(seq, 1);
    let mut pattern = format!("{first}(h:H){second}");
    if seq.chance(40) {
        let (_, third) = arm(seq, 2);
        pattern = format!("{pattern}, (h){third}");
    }
    let conditions =
        ["", " WHERE x0.v > 1", " WHERE r1.w < 3", " WHERE x1.v IS NULL OR x0.v = 2", " WHERE h.v <> 0 AND x1:A"];
    let condition = conditions[seq.next(conditions.len() as i64) as usize];
    let firsts = ["count(DISTINCT x0) AS a", "min(x0.v) AS lo", "count(r0) AS rs"];
    let seconds = ["count(DISTINCT x1) AS b", "max(r1.w) AS hi", "count(x1.v) AS c"];
    let others = ["count(*) AS n", "count(DISTINCT h) AS hubs", "max(h.id) AS top", "count(DISTINCT x0.v) AS vs"];
    let mut picked = vec![*seq.pick(&firsts), *seq.pick(&seconds)];
    if seq.chance(70) {
        picked.push(*seq.pick(&others));
    }
    format!("MATCH {pattern}{condition} RETURN {}", picked.join(", "))
}

/// An arrow's end read the other way (`->` becomes `<-`).
fn reverse(arrow: &str) -> &str {
    match arrow {
        "->" => "<-",
        "<-" => "->",
        other => other,
    }
}

fn rows(db: &mut Database, query: &str, passes: Passes) -> Vec<String> {
    db.set_planner_passes(passes);
    let result = db.execute(query, &Params::new()).unwrap_or_else(|e| panic!("{query}: {}", e.message));
    db.set_planner_passes(Passes::all());
    result.rows.iter().map(|r| format!("{r:?}")).collect()
}

#[test]
fn random_stars_give_the_same_answers_decomposed_per_arm() {
    for (schema, graph, seed) in [("", "schemaless", 61), (SCHEMA, "typed", 62)] {
        let mut db = load(schema);
        let mut seq = Seq(seed);
        let mut decomposed = 0;
        for _ in 0..80 {
            let query = star(&mut seq, !schema.is_empty());
            let without = Passes::all().without("count_rows").unwrap_or_else(|| panic!("no pass count_rows"));
            assert_eq!(rows(&mut db, &query, Passes::all()), rows(&mut db, &query, without), "{graph}: {query}");
            let plan = db.execute(&format!("EXPLAIN {query}"), &Params::new()).map(|r| r.plan.unwrap_or_default());
            decomposed += usize::from(plan.is_ok_and(|p| p.contains("CartesianProduct")));
        }
        assert!(decomposed >= 10, "{graph}: {decomposed} of 80 decomposed per arm");
    }
}

/// An EXISTS over one hop from the outer node joined with a selective far side, in either
/// direction, negated or marked: the same answers with `reverse_semi_probes` off, and the
/// hop walked back from the far side (`SemiHashJoin`) for most of them.
#[test]
fn exists_over_a_hop_walked_back_gives_the_same_answers() {
    for (schema, graph) in [("", "schemaless"), (SCHEMA, "typed")] {
        let mut db = load(schema);
        let mut seq = Seq(71);
        let mut reversed = 0;
        for _ in 0..30 {
            let id = 1 + seq.next(60);
            let inner = match seq.next(3) {
                0 => format!("(b)<-[:T]-(:H)<-[:S]-(:A {{id: {id}}})"),
                1 => format!("(b)-[:U]->(h:H)<-[:S]-(a:A) WHERE a.id = {id} AND h.v > 0"),
                _ => format!("(b)-[r:U]->(:H)-[:T]->(c:B {{id: {id}}}) WHERE r.w < 4"),
            };
            let query = match seq.next(3) {
                0 => format!("MATCH (b:B) WHERE EXISTS {{ {inner} }} RETURN count(b) AS n"),
                1 => format!("MATCH (b:B) WHERE NOT EXISTS {{ {inner} }} RETURN count(*) AS n"),
                _ => format!("MATCH (b:B) RETURN b.id AS id, EXISTS {{ {inner} }} AS e ORDER BY id"),
            };
            let without = Passes::all().without("reverse_semi_probes").unwrap_or_else(|| panic!("no pass"));
            assert_eq!(rows(&mut db, &query, Passes::all()), rows(&mut db, &query, without), "{graph}: {query}");
            let plan = db.execute(&format!("EXPLAIN {query}"), &Params::new()).map(|r| r.plan.unwrap_or_default());
            reversed += usize::from(plan.is_ok_and(|p| p.contains("SemiHashJoin")));
        }
        assert!(reversed >= 10, "{graph}: {reversed} of 30 walked back");
    }
}
