//! Counting variable-length paths without making them (issue 15, `count_paths.rs`,
//! `count_path_lengths.rs`) and pruning them by conditions on each relationship
//! (`prune_paths.rs`): on random small graphs with self-loops, parallel relationships and
//! cycles, counts, counts per length and distinct ends of `*min..max` patterns in every
//! direction, with or without `all/none(k IN ks WHERE …)`, give the same answers with the
//! rewrites as without them (the plain `VarExpand`, which makes every path, under a
//! filter), relationship uniqueness and null properties included.

use steppe::planner::Passes;
use steppe::{Database, Params};

use crate::planner_random::Seq;

/// Nodes `N {id, v}` (some also `M`), relationships of types `T` and `U` between random
/// nodes, self-loops and repeats included.
fn graph(seq: &mut Seq) -> Database {
    let mut db = Database::empty();
    let nodes = 4 + seq.next(6);
    let mut script = format!("UNWIND range(1, {nodes}) AS i CREATE (:N {{id: i, v: i % 3}});\n");
    script.push_str("MATCH (n:N) WHERE n.id % 2 = 0 SET n:M;\n");
    for _ in 0..(nodes + seq.next(2 * nodes)) {
        let (a, b) = (1 + seq.next(nodes), 1 + seq.next(nodes));
        let ty = if seq.next(3) == 0 { "U" } else { "T" };
        // Some relationships have no `w`: a condition on it is null there.
        let w = match seq.next(5) {
            0 => String::new(),
            w => format!(" {{w: {w}}}"),
        };
        script.push_str(&format!("MATCH (a:N {{id: {a}}}), (b:N {{id: {b}}}) CREATE (a)-[:{ty}{w}]->(b);\n"));
    }
    for statement in script.lines() {
        db.execute(statement, &Params::new()).unwrap_or_else(|e| panic!("{statement}: {}", e.message));
    }
    db
}

/// A random count over a variable-length pattern.
fn query(seq: &mut Seq, nodes: i64) -> String {
    let min = seq.next(3);
    let max = min + seq.next(3);
    let types = ["", ":T", ":T|U", ":U"][seq.next(4) as usize];
    let (left, right) = [("-", "->"), ("<-", "-"), ("-", "-")][seq.next(3) as usize];
    let hops = format!("{left}[ks{types}*{min}..{max}]{right}");
    let start = format!("(a:N {{id: {}}})", 1 + seq.next(nodes));
    let end = ["(b)", "(b:M)", "(b:N)"][seq.next(3) as usize];
    let end_filter = match seq.next(3) {
        0 => Some(format!("b.v <> {}", seq.next(3))),
        1 => Some("b.v >= a.v".to_string()),
        _ => None,
    };
    let rel_filter = match seq.next(4) {
        0 => Some(format!("all(k IN ks WHERE k.w > {})", seq.next(3))),
        1 => Some(format!("none(k IN ks WHERE k.w = {})", 1 + seq.next(4))),
        2 => Some("NOT any(k IN ks WHERE k.w < a.v)".to_string()),
        _ => None,
    };
    let conditions: Vec<String> = end_filter.into_iter().chain(rel_filter).collect();
    let filter = if conditions.is_empty() { String::new() } else { format!(" WHERE {}", conditions.join(" AND ")) };
    let pattern = match seq.next(7) {
        // Every start node, grouped by it.
        0 => return format!("MATCH (a:N){hops}{end}{filter} RETURN a.id AS a, count(*) AS n ORDER BY a"),
        // Counted per length, of the path or of its list.
        5 => {
            return format!("MATCH p = {start}{hops}{end}{filter} RETURN length(p) AS l, count(*) AS n ORDER BY l");
        }
        6 => {
            return format!(
                "MATCH (a:N){hops}{end}{filter} RETURN a.id AS a, size(ks) AS l, count(b) AS n ORDER BY a, l"
            )
        }
        // Both ends bound: the search checks its target.
        1 => format!("MATCH {start}, (b:N {{id: {}}}) MATCH (a){hops}(b)", 1 + seq.next(nodes)),
        // After a fixed relationship of the same MATCH, which the paths may not reuse.
        2 => format!("MATCH (s:N {{id: {}}})-[r:T]-(a){hops}{end}", 1 + seq.next(nodes)),
        _ => format!("MATCH {start}{hops}{end}"),
    };
    let returns = match seq.next(4) {
        0 => "count(DISTINCT b) AS n",
        1 => "count(b) AS n",
        2 => "count(*) AS n, count(DISTINCT b) AS d",
        _ => "count(*) AS n",
    };
    format!("{pattern}{filter} RETURN {returns}")
}

fn answer(db: &mut Database, text: &str, passes: Passes) -> String {
    db.set_planner_passes(passes);
    let result = db.execute(text, &Params::new()).unwrap_or_else(|e| panic!("{text}: {}", e.message));
    db.set_planner_passes(Passes::all());
    format!("{:?}", result.rows)
}

#[test]
fn path_counts_and_distinct_ends_match_the_paths_made_one_by_one() {
    let mut seq = Seq(15);
    let mut rewritten = 0;
    for _ in 0..40 {
        let nodes_seq = seq.next(1 << 30);
        let mut graph_seq = Seq(nodes_seq as u64);
        let mut db = graph(&mut graph_seq);
        for _ in 0..15 {
            let text = query(&mut seq, 10);
            let counted = answer(&mut db, &text, Passes::all());
            let off = Passes::all().without("count_rows").and_then(|p| p.without("prune_paths")).unwrap_or_default();
            assert_eq!(counted, answer(&mut db, &text, off), "{text}");
            let plan = db.execute(&format!("EXPLAIN {text}"), &Params::new()).ok().and_then(|r| r.plan);
            rewritten += usize::from(plan.is_some_and(|p| p.contains("VarExpandCount") || p.contains("VarExpandEnds")));
        }
    }
    // Most shapes count without paths: the comparison is not vacuous.
    assert!(rewritten > 300, "{rewritten} of 600 plans counted without paths");
}

/// A random one-end shortest-path query ranked by the path's length first, then LIMIT.
fn nearest_query(seq: &mut Seq, nodes: i64) -> String {
    let function = ["shortestPath", "allShortestPaths"][seq.next(2) as usize];
    let types = ["", ":T", ":U"][seq.next(3) as usize];
    let (left, right) = [("-", "->"), ("<-", "-"), ("-", "-")][seq.next(3) as usize];
    let pattern = format!("(a:N {{id: {}}}){left}[{types}*1..{}]{right}(b)", 1 + seq.next(nodes), 1 + seq.next(4));
    let filter = match seq.next(3) {
        0 => format!(" WHERE b.v <> {}", seq.next(3)),
        1 => " WHERE b:M AND b <> a".to_string(),
        _ => String::new(),
    };
    let order = ["d, id, rels", "d, id DESC, rels", "d, rels"][seq.next(3) as usize];
    let skip = if seq.next(2) == 0 { String::new() } else { format!(" SKIP {}", seq.next(3)) };
    format!(
        "MATCH p = {function}({pattern}){filter} RETURN b.id AS id, length(p) AS d, \
         [r IN relationships(p) | id(r)] AS rels ORDER BY {order}{skip} LIMIT {}",
        1 + seq.next(4)
    )
}

#[test]
fn nearest_shortest_paths_stop_early_with_the_same_answers() {
    let mut seq = Seq(16);
    let mut stopped = 0;
    for _ in 0..30 {
        let mut graph_seq = Seq(seq.next(1 << 30) as u64);
        let mut db = graph(&mut graph_seq);
        for _ in 0..10 {
            let text = nearest_query(&mut seq, 10);
            let off = Passes::all().without("stop_searches").unwrap_or_default();
            assert_eq!(answer(&mut db, &text, Passes::all()), answer(&mut db, &text, off), "{text}");
            let plan = db.execute(&format!("EXPLAIN {text}"), &Params::new()).ok().and_then(|r| r.plan);
            stopped += usize::from(plan.is_some_and(|p| p.contains("stops after")));
        }
    }
    assert!(stopped > 150, "{stopped} of 300 searches could stop");
}
