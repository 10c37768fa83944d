//! Every optimizer pass keeps the answers (issue 15): random queries of varied shapes
//! (a random MATCH from `planner_random`, then counting, grouping, ORDER BY with LIMIT,
//! unused projections and paths, OPTIONAL MATCH, a CALL subquery, a ranking of one
//! label's nodes by their properties, counts per label set; and pipelines of aggregates,
//! collected lists, computed columns and pattern predicates after one) give the same rows
//! with all passes on as with any one pass off.

use steppe::planner::{Passes, PASSES};
use steppe::{Database, Params};

use crate::planner_random::{load, random_query, Seq, SCHEMA};

/// The query's MATCH (its pattern and WHERE) with one of several tails.
fn shaped(seq: &mut Seq) -> String {
    let query = random_query(seq);
    let matched = query.text.split(" RETURN ").next().unwrap_or_default().to_string();
    let with_path = matched.replacen("MATCH ", "MATCH p = ", 1);
    match seq.next(11) {
        0 => format!("{matched} RETURN count(*) AS n"),
        1 => format!("{matched} RETURN n0.id AS a, count(*) AS n ORDER BY a, n"),
        2 => format!("{matched} RETURN n0.id AS a, n0.v AS b ORDER BY b DESC, a SKIP 1 LIMIT 4"),
        3 => format!("{matched} WITH n0, n0.name AS unused, 7 AS seven RETURN n0.id AS a ORDER BY a LIMIT 5"),
        4 => format!("{with_path} RETURN count(*) AS n, sum(n0.id) AS s"),
        5 => format!(
            "{matched} WITH DISTINCT n0 OPTIONAL MATCH (n0)-[x]->(y) WHERE y.v > 2 \
             RETURN n0.id AS a, count(y) AS c ORDER BY a, c"
        ),
        7 => ranked_label(seq),
        8 => {
            let key = ["labels(n0)", "head(labels(n0))", "n0:P", "size(labels(n0))"][seq.next(4) as usize];
            format!("MATCH (n0) RETURN {key} AS k, count(*) AS n, count(n0) AS m ORDER BY k")
        }
        // Grouped folds: a key of one property, aggregates of expressions (`GroupFold`).
        9 => format!(
            "{matched} RETURN CASE WHEN n0.v < 3 THEN 'lo' ELSE 'hi' END AS k, count(*) AS n, \
             avg(n0.v) AS a, min(n0.name) AS m, sum(n0.id) AS s ORDER BY k"
        ),
        10 => format!(
            "{matched} RETURN n0.id AS a, max(n0.v) AS m, count(CASE WHEN n0.v > 2 THEN 1 END) AS c, \
             collect(n0.name) AS l ORDER BY a"
        ),
        _ => format!(
            "{matched} WITH DISTINCT n0 CALL (n0) {{ MATCH (n0)--(z) WHERE z.v < 4 RETURN count(z) AS k }} \
             RETURN n0.id AS a, k ORDER BY a, k"
        ),
    }
}

/// A cycle of two to four nodes (closed by an intersection, `intersect_cycles`), with
/// random directions, labels left out or not, conditions between its ends, and a count or
/// rows per start.
fn cycle(seq: &mut Seq) -> String {
    let arrow = |seq: &mut Seq, ty: &str| match seq.next(3) {
        0 => format!("-[:{ty}]->"),
        1 => format!("<-[:{ty}]-"),
        _ => format!("-[:{ty}]-"),
    };
    let label = |seq: &mut Seq, l: &str| if seq.next(3) == 0 { String::new() } else { format!(":{l}") };
    let pattern = match seq.next(4) {
        0 => format!("(a{})", label(seq, "P")) + &arrow(seq, "R1") + "(b:P)" + &arrow(seq, "R1") + "(a)",
        1 => {
            let (r1, r2, r3) = (arrow(seq, "R1"), arrow(seq, "R1"), arrow(seq, "R1"));
            format!("(a{})", label(seq, "P")) + &r1 + &format!("(b{})", label(seq, "P")) + &r2 + "(c)" + &r3 + "(a)"
        }
        2 => format!("(a:P)-[:R2]->(b{})<-[:R2]-(c:P)", label(seq, "O")) + &arrow(seq, "R1") + "(a)",
        _ => format!("(a:P)-[:R4]->(b{})<-[:R3]-(c:O)<-[:R2]-(a)", label(seq, "C")),
    };
    let condition = match seq.next(4) {
        0 => String::new(),
        1 => " WHERE a.id < b.id".to_string(),
        2 => " WHERE a.id < b.id AND b.v >= 2".to_string(),
        _ => " WHERE NOT a.v = b.v OR a.id > 10".to_string(),
    };
    match seq.next(3) {
        0 => format!("MATCH {pattern}{condition} RETURN count(*) AS n"),
        1 => format!("MATCH {pattern}{condition} RETURN a.id AS a, count(*) AS n ORDER BY a"),
        _ => format!("MATCH p = {pattern}{condition} RETURN a.id AS a, b.id AS b, length(p) AS l ORDER BY a, b, l"),
    }
}

/// One label's nodes, perhaps filtered, ranked by a mix of their properties (`v` has
/// ties), with SKIP and LIMIT (`NodeColumnTop` under the `TopK`).
fn ranked_label(seq: &mut Seq) -> String {
    let label = ["P", "O", "C"][seq.next(3) as usize];
    let filter = match seq.next(3) {
        0 => String::new(),
        1 => format!(" WHERE n0.v > {}", seq.next(7)),
        _ => format!(" WHERE n0.name STARTS WITH '{label}1'"),
    };
    let order = |seq: &mut Seq| if seq.next(2) == 0 { "" } else { " DESC" };
    let (first, second) = (order(seq), order(seq));
    let keys = match seq.next(3) {
        0 => format!("b{first}, a{second}"),
        1 => format!("c{first}, b{second}"),
        _ => format!("id(n0){first}"),
    };
    let (skip, limit) = (seq.next(60), seq.next(8));
    format!(
        "MATCH (n0:{label}){filter} RETURN n0.id AS a, n0.v AS b, n0.name AS c ORDER BY {keys} SKIP {skip} LIMIT {limit}"
    )
}

/// A chain of one or two hops under an UNWIND whose value one of the chain's values must
/// equal (`join_on_values` joins it, `join_chains.rs`): relationship or far-node
/// properties, inline or in WHERE, with nulls and floats among the values.
fn unwound_chain(seq: &mut Seq) -> String {
    let values = ["[0, 1, 2]", "[2, 2.0, null, 4]", "[1, 3]", "range(0, 4)"][seq.next(4) as usize];
    let chain = [
        "MATCH (n0:P)-[r:R1]->(n1:P)",
        "MATCH (n0:P)-[r:R2]->(n1:O)-[s:R3]->(n2:C)",
        "MATCH (n0)-[r:R1]-(n1)",
        "MATCH (n0:P)<-[r:R1]-(n1:P)-[s:R4]->(n2:C)",
    ][seq.next(4) as usize];
    let key = ["r.w", "n1.v", "n1.v % 3", "r.w + n0.v"][seq.next(4) as usize];
    let extra = ["", " AND n0.v > 1", " AND r.w < 4", " AND n1.id <> w"][seq.next(4) as usize];
    let tail = match seq.next(3) {
        0 => "RETURN w, count(*) AS n ORDER BY w, n".to_string(),
        1 => "RETURN w, n0.id AS a, n1.id AS b".to_string(),
        _ => "RETURN w, n0.id AS a, n1.id AS b ORDER BY w, a, b".to_string(),
    };
    format!("UNWIND {values} AS w {chain} WHERE {key} = w{extra} {tail}")
}

/// A random MATCH, then a pipeline of the shapes the counting, list, projection and
/// subquery rewrites take: counts over OPTIONAL MATCHes in sequence, aggregates of a last
/// expansion, any()/all()/none() over a collected list, a computed WITH column filtered
/// and aggregated, pattern predicates, head(collect()) after ORDER BY, numeric functions
/// and type tests, label and type keys, ORDER BY an aggregate expression with SKIP.
fn pipeline(seq: &mut Seq) -> String {
    let query = random_query(seq);
    let matched = query.text.split(" RETURN ").next().unwrap_or_default().to_string();
    let far = ["", ":P", ":O", ":C"][seq.next(4) as usize];
    let arrow = ["-[x]->", "<-[x]-", "-[x]-", "-[x:R1]-", "-[x:R2]->"][seq.next(5) as usize];
    match seq.next(10) {
        0 => format!(
            "{matched} WITH DISTINCT n0 OPTIONAL MATCH (n0){arrow}(y{far}) OPTIONAL MATCH (y)-[q]->(w:C) \
             RETURN count(DISTINCT n0) AS a, count(DISTINCT y) AS b, count(w) AS c, count(*) AS d"
        ),
        1 => format!(
            "{matched} MATCH (n0){arrow}(y{far}) RETURN n0.id AS a, count(DISTINCT y) AS b, count(x) AS c, \
             sum(x.w) AS s, min(y.v) AS m ORDER BY a"
        ),
        2 => format!(
            "{matched} WITH DISTINCT n0 MATCH (n0){arrow}(y{far}) WITH n0, collect(y.v) AS vs \
             WHERE any(v IN vs WHERE v = n0.v) OR all(v IN vs WHERE v > 3) \
             RETURN n0.id AS a, size(vs) AS k, none(v IN vs WHERE v < 1) AS z ORDER BY a"
        ),
        3 => format!("{matched} WITH *, n0.v * 2 - 3 AS lag WHERE lag > 2 RETURN n0.id AS a, count(*) AS n, max(lag) AS m ORDER BY a"),
        4 => format!(
            "{matched} WITH DISTINCT n0 WHERE NOT (n0){}({far}) OR (n0)<-[:R2]-(:P {{v: 3}}) \
             RETURN n0.id AS a ORDER BY a",
            arrow.replace("[x", "[")
        ),
        5 => format!(
            "{matched} WITH n0 ORDER BY n0.v DESC, n0.id WITH n0.v % 3 AS g, head(collect(n0.id)) AS top, \
             count(*) AS n RETURN g, top, n ORDER BY g"
        ),
        6 => format!(
            "{matched} WITH n0 WHERE toInteger(n0.v / 2) = 1 OR n0.v IS :: INTEGER NOT NULL AND abs(n0.v - 3) < 2 \
             RETURN count(*) AS n, sum(toFloat(n0.id)) AS s"
        ),
        7 => format!(
            "{matched} WITH DISTINCT n0 MATCH (n0){arrow}(y{far}) RETURN labels(y)[0] AS l, type(x) AS t, \
             count(*) AS n ORDER BY l, t"
        ),
        8 => format!(
            "{matched} WITH DISTINCT n0 MATCH (n0){arrow}(y{far}) WITH n0, max(y.v) - min(y.v) AS span, \
             count(*) AS k RETURN n0.id AS a, span, k ORDER BY span DESC, k DESC, a SKIP 2 LIMIT 5"
        ),
        _ => format!(
            "{matched} WITH DISTINCT n0 WHERE EXISTS {{ MATCH (n0){arrow}(y{far}) WHERE y.v >= n0.v }} \
             RETURN count(*) AS n, sum(n0.id) AS s"
        ),
    }
}

/// A hop from a scanned label (or all nodes) grouped by its far node, which
/// `group_flip.rs` walks from that node: quantifiers and sizes over a collected list,
/// extremes of integers and strings, a `reduce` keeping the greatest, distinct counts, and
/// aggregates that keep the written order (`sum`, `collect`) beside them.
fn grouped_by_far_end(seq: &mut Seq) -> String {
    // Combinations the typed schema allows.
    let hops = [
        ("", "-[x]->", ""),
        (":P", "-[x:R2]->", ":O"),
        (":O", "<-[x:R2]-", ":P"),
        (":O", "<-[x:R2]-", ""),
        (":P", "-[x:R1]-", ":P"),
        (":O", "-[x:R3]->", ":C"),
        (":C", "<-[x]-", ""),
        ("", "-[x]-", ":P"),
        (":P", "-[x]->", ""),
    ];
    let (near, arrow, far) = hops[seq.next(hops.len() as i64) as usize];
    let condition =
        ["", " WHERE a.v > 1", " WHERE x.w < 3", " WHERE a.v <> y.v", " WHERE y.v > 2"][seq.next(5) as usize];
    let matched = format!("MATCH (a{near}){arrow}(y{far}){condition}");
    match seq.next(5) {
        0 => format!(
            "{matched} WITH y, collect(a.v) AS vs WHERE any(v IN vs WHERE v = y.v) OR none(v IN vs WHERE v < 2) \
             RETURN y.id AS k, size(vs) AS n, all(v IN vs WHERE v > 0) AS z ORDER BY k, n"
        ),
        1 => format!(
            "{matched} RETURN y.id AS k, labels(y) AS l, count(*) AS n, count(DISTINCT a) AS d, max(a.name) AS m, \
             min(a.v + x.w) AS lo ORDER BY k, l"
        ),
        2 => format!(
            "{matched} WITH y, collect(x.w) AS ws RETURN y.name AS k, reduce(m = 0, w IN ws | \
             CASE WHEN w > m THEN w ELSE m END) AS top, size([w IN ws WHERE w >= 2]) AS big ORDER BY k, top, big"
        ),
        3 => format!("{matched} RETURN y AS node, count(*) AS n, max(x.w) AS r, min(a) IS NULL AS none"),
        _ => format!("{matched} RETURN y.v AS k, count(*) AS n, sum(a.v) AS s, size(collect(x.w)) AS c ORDER BY k"),
    }
}

/// The rows, sorted when the query does not fix their order.
fn rows(db: &mut Database, query: &str, passes: Passes) -> Vec<String> {
    db.set_planner_passes(passes);
    let result = db.execute(query, &Params::new()).unwrap_or_else(|e| panic!("{query}: {}", e.message));
    db.set_planner_passes(Passes::all());
    let mut rows: Vec<String> = result.rows.iter().map(|r| format!("{r:?}")).collect();
    if !query.contains("ORDER BY") {
        rows.sort();
    }
    rows
}

fn check(db: &mut Database, graph: &str, seed: u64, queries: usize) {
    check_shapes(db, graph, (seed, queries), shaped);
}

fn check_shapes(db: &mut Database, graph: &str, (seed, queries): (u64, usize), shape: fn(&mut Seq) -> String) {
    let mut seq = Seq(seed);
    for _ in 0..queries {
        let query = shape(&mut seq);
        let all = rows(db, &query, Passes::all());
        for pass in &PASSES {
            let without = Passes::all().without(pass.name).unwrap_or_else(|| panic!("no pass {}", pass.name));
            assert_eq!(all, rows(db, &query, without), "{graph}: {query} differs without {}", pass.name);
        }
    }
}

#[test]
fn random_queries_give_the_same_answers_with_any_pass_off() {
    check(&mut load(""), "schemaless", 11, 60);
    check(&mut load(SCHEMA), "typed", 12, 60);
}

#[test]
fn random_aggregate_pipelines_give_the_same_answers_with_any_pass_off() {
    check_shapes(&mut load(""), "schemaless", (41, 50), pipeline);
    check_shapes(&mut load(SCHEMA), "typed", (42, 50), pipeline);
}

#[test]
fn random_unwound_chains_give_the_same_answers_with_any_pass_off() {
    for (schema, graph, seed) in [("", "schemaless", 31), (SCHEMA, "typed", 32)] {
        let mut db = load(schema);
        check_shapes(&mut db, graph, (seed, 30), unwound_chain);
        // Most of them are joined on the value, so that the comparison compares the join.
        let mut seq = Seq(seed);
        let joined = (0..30)
            .filter(|_| {
                let query = unwound_chain(&mut seq);
                let plan = db.execute(&format!("EXPLAIN {query}"), &Params::new()).map(|r| r.plan.unwrap_or_default());
                plan.is_ok_and(|p| p.contains("ValueHashJoin"))
            })
            .count();
        assert!(joined >= 15, "{graph}: {joined} of 30 joined");
    }
}

#[test]
fn random_cycles_give_the_same_answers_with_any_pass_off() {
    for (schema, graph, seed) in [("", "schemaless", 21), (SCHEMA, "typed", 22)] {
        let mut db = load(schema);
        check_shapes(&mut db, graph, (seed, 40), cycle);
        // Most of them close by an intersection, and some find cycles, so that the
        // comparison above compares something.
        let mut seq = Seq(seed);
        let (mut intersected, mut found) = (0, 0);
        for _ in 0..40 {
            let query = cycle(&mut seq);
            let plan = db.execute(&format!("EXPLAIN {query}"), &Params::new()).map(|r| r.plan.unwrap_or_default());
            intersected += usize::from(plan.is_ok_and(|p| p.contains("Intersect")));
            found += usize::from(rows(&mut db, &query, Passes::all()).iter().any(|r| !r.contains("Int(0)")));
        }
        assert!(intersected >= 20 && found >= 10, "{graph}: {intersected} intersected, {found} found");
    }
}

#[test]
fn random_aggregations_grouped_by_the_far_node_give_the_same_answers_with_any_pass_off() {
    for (schema, graph, seed) in [("", "schemaless", 51), (SCHEMA, "typed", 52)] {
        let mut db = load(schema);
        check_shapes(&mut db, graph, (seed, 40), grouped_by_far_end);
        // Some are walked from the far node, so that the comparison compares the flip.
        let mut seq = Seq(seed);
        let flipped = (0..40)
            .filter(|_| {
                let query = grouped_by_far_end(&mut seq);
                let plan = db.execute(&format!("EXPLAIN {query}"), &Params::new()).map(|r| r.plan.unwrap_or_default());
                plan.is_ok_and(|p| p.contains("Expand (y)"))
            })
            .count();
        assert!(flipped >= 8, "{graph}: {flipped} of 40 walked from the far node");
    }
}
