//! Random queries against the cost-based planner (issue 15).
//!
//! Patterns of 1 to 5 nodes, some closed into a cycle on their first node, with random
//! labels, types, directions and filters (inline properties and WHERE conditions), over a small generated graph loaded twice: typed
//! (`id INTEGER KEY` per label: key seeks) and without a schema (label scans and filters).
//! For each query:
//! - the answers are the same whatever the plan: chosen by cost, with or without hash
//!   joins, with a hash join wherever one is allowed, with a relationship-type scan
//!   wherever one is allowed, or forced to start at the pattern's first node (expanding
//!   right) or its last (expanding left);
//! - when a node is filtered by `id` (one node), the plan starts at a filtered node
//!   (that one, or one whose filters are estimated to keep as few).

use steppe::planner::Options;
use steppe::{Database, Params, Value};

const LABELS: [(&str, i64); 3] = [("P", 50), ("O", 40), ("C", 30)];
/// (type, start label, end label)
const TYPES: [(&str, &str, &str); 4] = [("R1", "P", "P"), ("R2", "P", "O"), ("R3", "O", "C"), ("R4", "P", "C")];

/// A deterministic pseudo-random sequence (splitmix64).
pub(crate) struct Seq(pub(crate) u64);

impl Seq {
    pub(crate) fn next(&mut self, below: i64) -> i64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        ((z ^ (z >> 31)) % below.max(1) as u64) as i64
    }

    pub(crate) fn chance(&mut self, percent: i64) -> bool {
        self.next(100) < percent
    }

    pub(crate) fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.next(items.len() as i64) as usize]
    }
}

fn count_of(label: &str) -> i64 {
    LABELS.iter().find(|(l, _)| *l == label).map_or(0, |(_, n)| *n)
}

/// The graph's statements; ids are unique per label (1..=count).
fn data() -> Vec<String> {
    let mut seq = Seq(7);
    let mut statements = Vec::new();
    for (label, n) in LABELS {
        statements
            .push(format!("UNWIND range(1, {n}) AS i CREATE (:{label} {{id: i, v: i % 7, name: '{label}' + i}})"));
    }
    for (ty, from, to) in TYPES {
        let edges: Vec<String> = (0..90)
            .map(|_| {
                // Skewed starts: a few hubs.
                let spread = 1 + seq.next(count_of(from));
                let a = 1 + seq.next(spread);
                format!("[{a}, {}, {}]", 1 + seq.next(count_of(to)), seq.next(5))
            })
            .collect();
        statements.push(format!(
            "UNWIND [{}] AS e MATCH (a:{from} {{id: e[0]}}), (b:{to} {{id: e[1]}}) CREATE (a)-[:{ty} {{w: e[2]}}]->(b)",
            edges.join(", ")
        ));
    }
    statements
}

pub(crate) const SCHEMA: &str = "
CREATE NODE TYPE P (id INTEGER KEY, v INTEGER, name STRING);
CREATE NODE TYPE O (id INTEGER KEY, v INTEGER, name STRING);
CREATE NODE TYPE C (id INTEGER KEY, v INTEGER, name STRING);
CREATE RELATIONSHIP TYPE R1 (P -> P, w INTEGER);
CREATE RELATIONSHIP TYPE R2 (P -> O, w INTEGER);
CREATE RELATIONSHIP TYPE R3 (O -> C, w INTEGER);
CREATE RELATIONSHIP TYPE R4 (P -> C, w INTEGER);
";

pub(crate) fn load(schema: &str) -> Database {
    let mut db = Database::empty();
    let statements = schema.split(';').map(str::trim).filter(|s| !s.is_empty()).map(str::to_string).chain(data());
    for statement in statements {
        db.execute(&statement, &Params::new()).unwrap_or_else(|e| panic!("{statement}: {}", e.describe(&statement)));
    }
    db
}

/// The chain of `nodes` and `rels` as one part, or (a fifth of the longer ones) as two
/// parts sharing a node, written in either order: the parts are then planned connected
/// (and may be joined by hash). A third of those are two MATCH clauses instead (`true`).
fn pattern_text(seq: &mut Seq, nodes: &[String], rels: &[String]) -> (String, bool) {
    let chain = |from: usize, to: usize| {
        let mut text = String::new();
        for i in from..=to {
            // The shared node is written bare where the second part repeats it.
            let node = if i == from && from > 0 { format!("(n{i})") } else { nodes[i].clone() };
            text.push_str(&node);
            if i < to {
                text.push_str(&rels[i]);
            }
        }
        text
    };
    let n = nodes.len();
    if n < 3 || !seq.chance(20) {
        return (chain(0, n - 1), false);
    }
    let at = 1 + seq.next(n as i64 - 2) as usize;
    let (first, second) = (chain(0, at), chain(at, n - 1));
    let (first, second) = if seq.chance(50) { (second, first) } else { (first, second) };
    match seq.chance(33) {
        true => (format!("{first} MATCH {second}"), true),
        false => (format!("{first}, {second}"), false),
    }
}

/// One random query, the variables of its nodes filtered down to one node by `id`, and
/// those of its nodes with any filter of their own.
pub(crate) struct Query {
    pub(crate) text: String,
    id_filtered: Vec<String>,
    filtered: Vec<String>,
    /// Variables with an inline `{v: …}`, which a range index on `v` finds.
    v_filtered: Vec<String>,
}

pub(crate) fn random_query(seq: &mut Seq) -> Query {
    let n = 1 + seq.next(5) as usize;
    // A walk over the schema's types so that most patterns can match.
    let mut labels = vec![LABELS[seq.next(3) as usize].0];
    let mut rels = Vec::new();
    for _ in 1..n {
        let here = labels[labels.len() - 1];
        let fits: Vec<_> = TYPES.iter().filter(|(_, a, b)| *a == here || *b == here).collect();
        let (ty, a, b) = **seq.pick(&fits);
        let (a, b) = (a, b);
        let forward = a == here && (b != here || seq.chance(50));
        let next = if forward { b } else { a };
        let arrow = match (seq.next(10), forward) {
            (0, _) => "-[{}]-".to_string(),
            (_, true) => "-[{}]->".to_string(),
            (_, false) => "<-[{}]-".to_string(),
        };
        let typed = if seq.chance(80) { format!(":{ty}") } else { String::new() };
        rels.push(arrow.replace("{}", &format!("r{}{typed}", rels.len())));
        labels.push(next);
    }
    let mut nodes = Vec::new();
    let mut conditions = Vec::new();
    let mut id_filtered = Vec::new();
    let mut filtered = Vec::new();
    let mut v_filtered = Vec::new();
    for (i, label) in labels.iter().enumerate() {
        let var = format!("n{i}");
        let shown = if seq.chance(80) { format!(":{label}") } else { String::new() };
        let mut inline = String::new();
        match seq.next(10) {
            0 => {
                inline = format!(" {{id: {}}}", 1 + seq.next(count_of(label)));
                id_filtered.push(var.clone());
            }
            1 => {
                inline = format!(" {{v: {}}}", seq.next(7));
                v_filtered.push(var.clone());
            }
            2 => {
                conditions.push(format!("{var}.id = {}", 1 + seq.next(count_of(label))));
                id_filtered.push(var.clone());
            }
            3 => conditions.push(format!("{var}.v < {}", 1 + seq.next(6))),
            4 => conditions.push(format!("{var}.id IN [{}, {}]", 1 + seq.next(30), 1 + seq.next(30))),
            5 => conditions.push(format!("{var}.name STARTS WITH '{label}1'")),
            _ => {}
        }
        if !inline.is_empty() || conditions.iter().any(|c| c.starts_with(&format!("{var}."))) {
            filtered.push(var.clone());
        }
        if shown.is_empty() {
            // Without a label the id names no single node, and no index finds it.
            id_filtered.retain(|v| *v != var);
            v_filtered.retain(|v| *v != var);
        }
        nodes.push(format!("({var}{shown}{inline})"));
    }
    // A quarter of the longer chains close into a cycle on their first node, which the
    // pattern then holds twice (a hash join's two sides may both bind it).
    if n > 2 && seq.chance(25) {
        let (first, last) = (labels[0], labels[n - 1]);
        let closing = TYPES.iter().find(|(_, a, b)| (*a == last && *b == first) || (*a == first && *b == last));
        let rel = match closing {
            Some((ty, a, _)) if *a == last => format!("-[r{}:{ty}]->", rels.len()),
            Some((ty, ..)) => format!("<-[r{}:{ty}]-", rels.len()),
            None => format!("-[r{}]-", rels.len()),
        };
        rels.push(rel);
        nodes.push("(n0)".to_string());
    }
    let (pattern, two_clauses) = pattern_text(seq, &nodes, &rels);
    if two_clauses {
        // The plan starts in the first clause, filtered or not: no start to check.
        id_filtered.clear();
        v_filtered.clear();
    }
    if n > 1 && seq.chance(30) {
        conditions.push(format!("r0.w >= {}", seq.next(5)));
    }
    if n > 2 && seq.chance(20) {
        conditions.push(format!("n0.v <> n{}.v", n - 1));
    }
    // A quarter of the patterns run once per row of an earlier MATCH (a hash join's build
    // side then runs once for them all), half of those as OPTIONAL MATCH, some with a
    // condition on the earlier row.
    let (before, matching) = match seq.next(8) {
        0 => ("MATCH (z:C) WHERE z.id <= 3 ", "MATCH"),
        1 => ("MATCH (z:C) WHERE z.id <= 3 ", "OPTIONAL MATCH"),
        _ => ("", "MATCH"),
    };
    if !before.is_empty() {
        // The plan starts at `z`, whatever the pattern: no start to check.
        id_filtered.clear();
        v_filtered.clear();
        if seq.chance(40) {
            conditions.push(format!("n{}.v <> z.v", seq.next(n as i64)));
        }
    }
    let filter = if conditions.is_empty() { String::new() } else { format!(" WHERE {}", conditions.join(" AND ")) };
    let mut ids: Vec<String> = (0..n).map(|i| format!("n{i}.id")).collect();
    if !before.is_empty() {
        ids.push("z.id".into());
    }
    let text = format!("{before}{matching} {pattern}{filter} RETURN count(*) AS rows, sum({}) AS ids", ids.join(" + "));
    Query { text, id_filtered, filtered, v_filtered }
}

fn answer(db: &mut Database, query: &str, options: Options) -> Vec<Vec<Value>> {
    db.set_planner_options(options);
    let result = db.execute(query, &Params::new()).unwrap_or_else(|e| panic!("{query} ({options:?}): {}", e.message));
    db.set_planner_options(Options::Cost);
    result.rows
}

/// The variable the plan starts at: the operator just above `Start`.
fn start_variable(db: &mut Database, query: &str) -> (String, String) {
    let plan = db.execute(&format!("EXPLAIN {query}"), &Params::new()).ok().and_then(|r| r.plan).unwrap_or_default();
    let lines: Vec<&str> = plan.lines().collect();
    let at = lines.iter().position(|l| l.trim_start_matches(['│', '└', '─', '├', ' ']).starts_with("Start"));
    let line = at.and_then(|i| i.checked_sub(1)).and_then(|i| lines.get(i)).copied().unwrap_or("");
    let op = line.trim_start_matches(['│', '└', '─', '├', ' ']);
    let var = op.split_whitespace().nth(1).unwrap_or("").split(':').next().unwrap_or("").to_string();
    (var, plan)
}

/// Whether the plan of `query` under `options` holds a hash join.
fn joins(db: &mut Database, query: &str, options: Options) -> bool {
    db.set_planner_options(options);
    let plan = db.execute(&format!("EXPLAIN {query}"), &Params::new()).ok().and_then(|r| r.plan).unwrap_or_default();
    db.set_planner_options(Options::Cost);
    plan.contains("NodeHashJoin")
}

/// Checks `queries` random queries; returns how many had their start checked and how
/// many were planned with a hash join when joins were preferred.
fn check(db: &mut Database, graph: &str, seed: u64, queries: usize) -> (usize, usize) {
    let mut seq = Seq(seed);
    let mut starts_checked = 0;
    let mut joined = 0;
    for _ in 0..queries {
        let query = random_query(&mut seq);
        let by_cost = answer(db, &query.text, Options::Cost);
        let others = [
            Options::FirstNode,
            Options::LastNode,
            Options::CostWithoutJoins,
            Options::PreferJoins,
            Options::PreferRelScans,
            Options::PreferStoredFolds,
        ];
        for forced in others {
            let other = answer(db, &query.text, forced);
            assert_eq!(by_cost, other, "{graph}: {} differs when planned {forced:?}", query.text);
        }
        joined += usize::from(joins(db, &query.text, Options::PreferJoins));
        if !query.id_filtered.is_empty() {
            let (var, plan) = start_variable(db, &query.text);
            assert!(
                query.filtered.contains(&var),
                "{graph}: {} starts at `{var}`, an unfiltered node, though one is filtered by id:\n{plan}",
                query.text
            );
            starts_checked += 1;
        }
    }
    (starts_checked, joined)
}

#[test]
fn random_queries_give_the_same_answers_from_any_start_and_start_at_a_filtered_node() {
    let mut open = load("");
    let mut typed = load(SCHEMA);
    let (open_starts, open_joins) = check(&mut open, "schemaless", 1, 150);
    let (typed_starts, typed_joins) = check(&mut typed, "typed", 2, 150);
    // The generator gives many queries with an id filter: the start check is not vacuous;
    // and many patterns long enough to join: the join comparison is not either.
    assert!(open_starts > 30 && typed_starts > 30, "{open_starts} and {typed_starts} starts checked");
    assert!(open_joins > 30 && typed_joins > 30, "{open_joins} and {typed_joins} plans joined");
}

#[test]
fn the_issue_shape_starts_at_its_filtered_node_without_an_index() {
    let mut open = load("");
    let query = "MATCH (a:P {id: 3})-[:R1]->(b)-[:R1]->(c) RETURN count(DISTINCT c) AS n";
    let (var, plan) = start_variable(&mut open, query);
    assert_eq!(var, "a", "{plan}");
    assert_eq!(answer(&mut open, query, Options::Cost), answer(&mut open, query, Options::LastNode));
}

/// Range indexes on every property the random queries filter on, nodes and relationships.
const INDEXES: [&str; 7] = [
    "CREATE INDEX FOR (n:P) ON (n.v)",
    "CREATE INDEX FOR (n:O) ON (n.v)",
    "CREATE INDEX FOR (n:C) ON (n.v)",
    "CREATE INDEX FOR (n:P) ON (n.name)",
    "CREATE INDEX FOR (n:O) ON (n.id)",
    "CREATE INDEX FOR ()-[r:R1]-() ON (r.w)",
    "CREATE INDEX FOR ()-[r:R2]-() ON (r.w)",
];

#[test]
fn indexed_and_unindexed_plans_give_the_same_answers_and_an_indexed_filter_starts_the_plan() {
    for (graph, schema, seed) in [("schemaless", "", 21), ("typed", SCHEMA, 22)] {
        let mut plain = load(schema);
        let mut indexed = load(schema);
        for statement in INDEXES {
            indexed.execute(statement, &Params::new()).unwrap_or_else(|e| panic!("{statement}: {}", e.message));
        }
        let mut seq = Seq(seed);
        let (mut seeks, mut starts) = (0, 0);
        for _ in 0..150 {
            let query = random_query(&mut seq);
            let without = answer(&mut plain, &query.text, Options::Cost);
            assert_eq!(without, answer(&mut indexed, &query.text, Options::Cost), "{graph}: {}", query.text);
            assert_eq!(without, answer(&mut indexed, &query.text, Options::FirstNode), "{graph}: {}", query.text);
            let (var, plan) = start_variable(&mut indexed, &query.text);
            seeks += usize::from(plan.contains("IndexSeek"));
            // A seek through an index starts at a filtered node or relationship.
            let seek_start = plan.lines().rev().nth(1).is_some_and(|l| l.contains("IndexSeek"));
            if !query.id_filtered.is_empty() || !query.v_filtered.is_empty() {
                assert!(
                    seek_start || query.filtered.contains(&var),
                    "{graph}: {} starts at `{var}`, an unfiltered node, though an index finds a filtered one:\n{plan}",
                    query.text
                );
                starts += 1;
            }
        }
        // Not vacuous: many plans seek through an index, and many starts were checked.
        assert!(seeks > 20 && starts > 30, "{graph}: {seeks} plans with a seek, {starts} starts checked");
    }
}

/// A random cycle closed on its first node, which carries a filter of its own inline
/// (`(n0:P {v: 3})-[…]-…-(n0)`) and sometimes a label only there: a join's build side
/// and, since session 20, its probe side are priced and planned with every occurrence's
/// conditions (`join.rs`, `with_repeated_constraints`).
fn random_filtered_cycle(seq: &mut Seq) -> String {
    let n = 3 + seq.next(3) as usize;
    let mut labels = vec![LABELS[seq.next(3) as usize].0];
    let mut rels = Vec::new();
    for i in 0..n {
        let here = labels[i];
        // The last relationship closes on the first node: its far label is the first's.
        let last = i + 1 == n;
        let mut fits = Vec::new();
        for (ty, a, b) in TYPES {
            if a == here && (!last || b == labels[0]) {
                fits.push((ty, true, b));
            }
            if b == here && (!last || a == labels[0]) {
                fits.push((ty, false, a));
            }
        }
        let (text, next) = match fits.is_empty() {
            true => (format!("-[r{i}]-"), labels[0]),
            false => {
                let (ty, forward, next) = *seq.pick(&fits);
                match (seq.next(8), forward) {
                    (0, _) => (format!("-[r{i}:{ty}]-"), next),
                    (_, true) => (format!("-[r{i}:{ty}]->"), next),
                    (_, false) => (format!("<-[r{i}:{ty}]-"), next),
                }
            }
        };
        rels.push(text);
        labels.push(next);
    }
    let first = match seq.next(3) {
        0 => format!("{{id: {}}}", 1 + seq.next(count_of(labels[0]))),
        1 => format!("{{v: {}}}", seq.next(7)),
        _ => format!("{{name: '{}{}'}}", labels[0], 1 + seq.next(count_of(labels[0]))),
    };
    let mut text = format!("MATCH (n0:{} {first})", labels[0]);
    for (i, rel) in rels.iter().enumerate() {
        let node = if i + 1 == n {
            "(n0)".to_string()
        } else if seq.chance(70) {
            format!("(n{}:{})", i + 1, labels[i + 1])
        } else {
            format!("(n{})", i + 1)
        };
        text.push_str(rel);
        text.push_str(&node);
    }
    if seq.chance(40) {
        text.push_str(&format!(" WHERE n1.v < n{}.v", n - 1));
    }
    let ids: Vec<String> = (0..n).map(|i| format!("n{i}.id")).collect();
    format!("{text} RETURN count(*) AS rows, sum({}) AS ids", ids.join(" + "))
}

#[test]
fn cycles_closed_on_a_filtered_node_give_the_same_answers_joined_or_expanded() {
    for (graph, schema, seed) in [("schemaless", "", 31), ("typed", SCHEMA, 32)] {
        let mut db = load(schema);
        let mut seq = Seq(seed);
        let (mut matched, mut closing_joins) = (0, 0);
        for _ in 0..120 {
            let query = random_filtered_cycle(&mut seq);
            let by_cost = answer(&mut db, &query, Options::Cost);
            for forced in [Options::FirstNode, Options::LastNode, Options::CostWithoutJoins, Options::PreferJoins] {
                assert_eq!(
                    by_cost,
                    answer(&mut db, &query, forced),
                    "{graph}: {query} differs when planned {forced:?}"
                );
            }
            matched += usize::from(by_cost.first().is_some_and(|row| row[0] != Value::Int(0)));
            db.set_planner_options(Options::PreferJoins);
            let plan = db.execute(&format!("EXPLAIN {query}"), &Params::new()).ok().and_then(|r| r.plan);
            db.set_planner_options(Options::Cost);
            // A join keyed on the closing node too: its build side holds both occurrences'
            // conditions at the second one.
            closing_joins +=
                usize::from(plan.is_some_and(|p| p.lines().any(|l| l.contains("HashJoin [") && l.contains(", n0]"))));
        }
        // Not vacuous: many cycles match rows, and many joins hold the closing node.
        assert!(matched > 20 && closing_joins > 20, "{graph}: {matched} cycles matched, {closing_joins} joined on n0");
    }
}
