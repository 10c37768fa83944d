//! The planner's shortcuts give the answers of the long way round (issue 6).
//!
//! The same graph is loaded twice: typed, with `id INTEGER KEY` per label (so key
//! conditions become key-index seeks), and open (no schema, no key index: label scans and
//! filters). Every query must give the same rows on both. The rewrites that do not depend
//! on the index (counting from the store, degrees, counting the last hop per row, TopK,
//! the two-sided shortest path) are checked against queries that cannot use them, on the
//! same graph, and the compiled conditions against the interpreter on a graph of odd values.

use std::cmp::Ordering;

use steppe::{Database, Params, Value};

const PEOPLE: i64 = 60;
const ORGANIZATIONS: i64 = 8;

const SCHEMA: &str = "
CREATE NODE TYPE Person (id INTEGER KEY, name STRING, weight FLOAT, year INTEGER);
CREATE NODE TYPE Organization (id INTEGER KEY, name STRING);
CREATE RELATIONSHIP TYPE KNOWS (Person -> Person, year INTEGER);
CREATE RELATIONSHIP TYPE MEMBER_OF (Person -> Organization, year INTEGER);
";

/// A deterministic pseudo-random sequence (splitmix64), so both graphs get the same data.
struct Seq(u64);

impl Seq {
    fn next(&mut self, below: i64) -> i64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        ((z ^ (z >> 31)) % below as u64) as i64
    }

    /// Skewed towards small values, so that a few nodes are hubs.
    fn skewed(&mut self, below: i64) -> i64 {
        let a = self.next(below);
        self.next(a + 1)
    }
}

/// The data, as statements that work on a typed and on an open graph alike.
fn data() -> Vec<String> {
    let mut seq = Seq(42);
    let people: Vec<String> = (1..=PEOPLE)
        .map(|id| {
            let weight = seq.next(100) as f64 / 100.0;
            format!("{{id: {id}, name: 'p{id}', weight: {weight}, year: {}}}", 1990 + seq.next(30))
        })
        .collect();
    let organizations: Vec<String> = (1..=ORGANIZATIONS).map(|id| format!("{{id: {id}, name: 'o{id}'}}")).collect();
    let mut knows = Vec::new();
    for _ in 0..180 {
        let (a, b) = (1 + seq.skewed(PEOPLE), 1 + seq.next(PEOPLE));
        knows.push(format!("[{a}, {b}, {}]", 2000 + seq.next(20)));
    }
    let mut member_of = Vec::new();
    for _ in 0..70 {
        let (a, b) = (1 + seq.next(PEOPLE), 1 + seq.skewed(ORGANIZATIONS));
        member_of.push(format!("[{a}, {b}, {}]", 2000 + seq.next(20)));
    }
    vec![
        format!("UNWIND [{}] AS p CREATE (:Person {{id: p.id, name: p.name, weight: p.weight, year: p.year}})", people.join(", ")),
        format!("UNWIND [{}] AS o CREATE (:Organization {{id: o.id, name: o.name}})", organizations.join(", ")),
        format!(
            "UNWIND [{}] AS e MATCH (a:Person {{id: e[0]}}), (b:Person {{id: e[1]}}) CREATE (a)-[:KNOWS {{year: e[2]}}]->(b)",
            knows.join(", ")
        ),
        format!(
            "UNWIND [{}] AS e MATCH (a:Person {{id: e[0]}}), (b:Organization {{id: e[1]}}) CREATE (a)-[:MEMBER_OF {{year: e[2]}}]->(b)",
            member_of.join(", ")
        ),
    ]
}

fn load(schema: &str) -> Database {
    let mut db = Database::empty();
    for statement in schema.split(';').map(str::trim).filter(|s| !s.is_empty()).map(str::to_string).chain(data()) {
        db.execute(&statement, &Params::new()).unwrap_or_else(|e| panic!("{statement}: {}", e.describe(&statement)));
    }
    db
}

fn params() -> Params {
    let ids = Value::list(vec![Value::Int(5), Value::Int(9), Value::Null, Value::Float(5.0), Value::Int(70)]);
    Params::from([("ids".to_string(), ids), ("id".to_string(), Value::Int(11)), ("year".to_string(), Value::Int(2008))])
}

fn run(db: &mut Database, query: &str) -> Result<Vec<Vec<Value>>, String> {
    db.execute(query, &params()).map(|r| r.rows).map_err(|e| format!("{:?}", e.code))
}

fn plan(db: &mut Database, query: &str) -> String {
    match db.execute(&format!("EXPLAIN {query}"), &params()) {
        Ok(explained) => explained.plan.unwrap_or_default(),
        Err(e) => format!("{:?}", e.code),
    }
}

fn sorted(mut rows: Vec<Vec<Value>>) -> Vec<Vec<Value>> {
    rows.sort_by(|a, b| a.iter().zip(b).map(|(x, y)| x.order(y)).find(|o| o.is_ne()).unwrap_or(Ordering::Equal));
    rows
}

/// Queries whose plans differ between a typed and an open graph (key seeks, or not).
const SAME_ANSWERS: &[&str] = &[
    "MATCH (p:Person {id: 7}) RETURN p.name",
    "MATCH (p:Person) WHERE p.id = 7 RETURN p.name, p.id",
    "MATCH (p:Person) WHERE 7 = p.id RETURN p.name",
    "MATCH (p:Person) WHERE p.id = 7.0 RETURN p.name",
    "MATCH (p:Person) WHERE p.id = $id RETURN p.name",
    "MATCH (p:Person) WHERE p.id = null RETURN p.name",
    "MATCH (p:Person) WHERE p.id = 1000 RETURN p.name",
    "MATCH (p:Person) WHERE p.id IN [3, 7, 7.0, null, 1000, 12] RETURN p.id",
    "MATCH (p:Person) WHERE p.id IN $ids RETURN p.id",
    "MATCH (p:Person) WHERE p.id IN [] RETURN p.id",
    "MATCH (p:Person) WHERE p.id IN null RETURN p.id",
    "MATCH (p:Person) WHERE p.id IN $year RETURN p.id",
    "MATCH (p:Person) WHERE p.id IN [1, 2, 3] AND p.weight > 0.2 RETURN p.id",
    "UNWIND [1, 2, 3, null] AS x MATCH (p:Person) WHERE p.id = x * 2 RETURN x, p.id",
    "UNWIND [[1, 2], [3], null] AS xs MATCH (p:Person) WHERE p.id IN xs RETURN xs, p.id",
    "MATCH (p:Person)-[m:MEMBER_OF]->(o:Organization) WHERE m.year >= $year AND p.weight > 0.5 RETURN count(*)",
    "MATCH (p:Person {id: 3})-[:KNOWS]->(f:Person) RETURN count(f)",
    "MATCH (p:Person {id: 3})-[:KNOWS]->(:Person)-[:KNOWS]->(fof:Person) WHERE fof.id <> p.id RETURN count(DISTINCT fof)",
    "MATCH (p:Person {id: 2})-[:KNOWS]->(a:Person)-[:KNOWS]->(b:Person)-[:KNOWS]->(c:Person) RETURN c.id",
    "MATCH (a:Person)-[:KNOWS]->(b:Person) WHERE a.id IN [1, 2, 3] AND b.id > a.id RETURN a.id, b.id",
    "MATCH (a:Person)-[:KNOWS]->(b:Person) WHERE b.id = a.id + 1 RETURN a.id, b.id",
    "MATCH (a:Person), (b:Person) WHERE a.id = 4 AND b.id = a.id * 2 RETURN a.name, b.name",
    "MATCH (a:Person)-[:KNOWS]->(b), (b)-[:MEMBER_OF]->(o:Organization) WHERE o.id = 1 RETURN a.id, b.id",
    "MATCH (p:Person) WHERE p.id < 6 OPTIONAL MATCH (p)-[:MEMBER_OF]->(o:Organization) WHERE o.id = 2 RETURN p.id, o.id",
    "MATCH (p:Person) WHERE p.id < 6 OPTIONAL MATCH (o:Organization) WHERE o.id = p.id RETURN p.id, o.name",
    "MATCH (p:Person {id: 1})-[:KNOWS*1..3]->(q:Person) RETURN count(*)",
    "MATCH p = shortestPath((a:Person {id: 1})-[:KNOWS*]-(b:Person {id: 40})) RETURN length(p)",
    "MATCH p = allShortestPaths((a:Person {id: 1})-[:KNOWS*]-(b:Person {id: 40})) RETURN p",
    "MATCH ()-[r]->() RETURN type(r) AS t, count(*) AS n",
    "MATCH (p:Person)-[r]-() RETURN p.id AS id, count(r) AS degree ORDER BY degree DESC, id LIMIT 10",
    "MATCH (p:Person) WHERE p.id = 3 OR p.id = 4 RETURN p.id",
    "MATCH (p:Person) WHERE NOT p.id = 3 AND p.id < 6 RETURN p.id",
    "MATCH (p:Person) WHERE p.id IN [x IN range(1, 5) | x * x] RETURN p.id",
    "MATCH (p:Person) WHERE exists((p)-[:MEMBER_OF]->()) AND p.id IN [1, 2, 3, 4, 5, 6] RETURN p.id",
];

#[test]
fn key_seeks_answer_as_scans_do() {
    let mut typed = load(SCHEMA);
    let mut open = load("");
    for query in SAME_ANSWERS {
        let (indexed, scanned) = (run(&mut typed, query), run(&mut open, query));
        match (indexed, scanned) {
            (Ok(a), Ok(b)) => assert_eq!(sorted(a), sorted(b), "{query}"),
            (a, b) => assert_eq!(a.map(|_| ()), b.map(|_| ()), "{query}"),
        }
    }
}

#[test]
fn key_conditions_become_seeks_only_where_a_key_is_declared() {
    let mut typed = load(SCHEMA);
    let mut open = load("");
    let query = "MATCH (p:Person) WHERE p.id IN $ids RETURN p.id";
    assert!(plan(&mut typed, query).contains("NodeByKeysLookup"), "{}", plan(&mut typed, query));
    assert!(plan(&mut open, query).contains("NodeByLabelScan"), "{}", plan(&mut open, query));
    let query = "UNWIND [1, 2] AS x MATCH (p:Person) WHERE p.id = x RETURN p.id";
    assert!(plan(&mut typed, query).contains("NodeByKeyLookup"), "{}", plan(&mut typed, query));
    // A value that reads the node itself cannot be looked up before the node is found.
    let query = "MATCH (p:Person) WHERE p.id = p.year RETURN p.id";
    assert!(!plan(&mut typed, query).contains("Lookup"), "{}", plan(&mut typed, query));
}

/// The same aggregation once counted from the store (or from degrees) and once summed
/// over the rows (`sum(1)` is no count, so nothing rewrites it).
#[test]
fn counting_from_the_store_matches_counting_rows() {
    let mut db = load(SCHEMA);
    let pairs = [
        ("MATCH ()-[r]->() RETURN type(r) AS t, count(*) AS n", "MATCH ()-[r]->() RETURN type(r) AS t, sum(1) AS n"),
        ("MATCH ()-[r]->() RETURN count(r) AS n", "MATCH ()-[r]->() RETURN sum(1) AS n"),
        ("MATCH ()<-[r:KNOWS]-() RETURN count(*) AS n", "MATCH ()<-[r:KNOWS]-() RETURN sum(1) AS n"),
        (
            "MATCH ()-[r:KNOWS|MEMBER_OF]->() RETURN count(*) AS n",
            "MATCH ()-[r:KNOWS|MEMBER_OF]->() RETURN sum(1) AS n",
        ),
        ("MATCH (p:Person)-[r]-() RETURN p.id, count(r)", "MATCH (p:Person)-[r]-() RETURN p.id, sum(1)"),
        ("MATCH (p:Person)-[r:KNOWS]->() RETURN p, count(*)", "MATCH (p:Person)-[r:KNOWS]->() RETURN p, sum(1)"),
        ("MATCH (p:Person)<-[r:KNOWS]-() RETURN count(*)", "MATCH (p:Person)<-[r:KNOWS]-() RETURN sum(1)"),
        (
            "MATCH (p:Person) WHERE p.id IN [1, 2, 3, 2] MATCH (p)-[r]-() RETURN p.id, count(r)",
            "MATCH (p:Person) WHERE p.id IN [1, 2, 3, 2] MATCH (p)-[r]-() RETURN p.id, sum(1)",
        ),
        (
            "MATCH (p:Person) WHERE p.weight > 0.3 MATCH (p)-[r:KNOWS]-() RETURN p.name, p, count(r)",
            "MATCH (p:Person) WHERE p.weight > 0.3 MATCH (p)-[r:KNOWS]-() RETURN p.name, p, sum(1)",
        ),
        (
            "MATCH (o:Organization)-[r]-() RETURN o.id % 2 AS odd, count(r)",
            "MATCH (o:Organization)-[r]-() RETURN o.id % 2 AS odd, sum(1)",
        ),
    ];
    for (counted, summed) in pairs {
        let explained = plan(&mut db, counted);
        assert!(explained.contains("RelCountFromStore") || explained.contains("NodeDegree"), "{counted}:\n{explained}");
        assert_eq!(sorted(run(&mut db, counted).unwrap()), sorted(run(&mut db, summed).unwrap()), "{counted}");
    }
    // In an open graph a type nobody has created counts nothing.
    let mut open = load("");
    assert_eq!(run(&mut open, "MATCH ()-[r:NOPE]->() RETURN count(*) AS n").unwrap(), vec![vec![Value::Int(0)]]);
    assert_eq!(
        run(&mut open, "MATCH ()-[r:NOPE]->() RETURN type(r), count(*) AS n").unwrap(),
        Vec::<Vec<Value>>::new()
    );
    // A label on the far node, or a relationship that must differ from another, needs
    // each relationship tested: no degree, and the same answer.
    for (query, summed) in [
        (
            "MATCH (p:Person)-[r]-(:Organization) RETURN p.id, count(r)",
            "MATCH (p:Person)-[r]-(:Organization) RETURN p.id, sum(1)",
        ),
        (
            "MATCH (:Person)-[:MEMBER_OF]->(o)-[r]-() RETURN o.id, count(r)",
            "MATCH (:Person)-[:MEMBER_OF]->(o)-[r]-() RETURN o.id, sum(1)",
        ),
    ] {
        assert!(!plan(&mut db, query).contains("NodeDegree"), "{}", plan(&mut db, query));
        assert_eq!(sorted(run(&mut db, query).unwrap()), sorted(run(&mut db, summed).unwrap()), "{query}");
    }
}

/// ORDER BY … LIMIT through TopK gives the first rows of the full, stable sort.
#[test]
fn top_k_is_the_head_of_the_full_sort() {
    let mut db = load(SCHEMA);
    let orders = [
        "p.year",
        "p.year DESC",
        "p.weight, p.id DESC",
        "p.year % 3",
        "p.year % 3 DESC, p.weight",
        "CASE WHEN p.id % 2 = 0 THEN null ELSE p.year END",
    ];
    for order in orders {
        let full = run(&mut db, &format!("MATCH (p:Person) RETURN p.id, p.year ORDER BY {order}")).unwrap();
        for (skip, limit) in [(0, 1), (0, 7), (3, 10), (55, 10), (0, 100), (61, 2)] {
            let query = format!("MATCH (p:Person) RETURN p.id, p.year ORDER BY {order} SKIP {skip} LIMIT {limit}");
            assert!(plan(&mut db, &query).contains("TopK"), "{query}");
            let head: Vec<_> = full.iter().skip(skip).take(limit).cloned().collect();
            assert_eq!(run(&mut db, &query).unwrap(), head, "{query}");
        }
    }
}

/// Enough rows that TopK cuts its buffer back many times, with many ties.
#[test]
fn top_k_cuts_keep_the_order_and_ties_of_the_full_sort() {
    let mut db = Database::empty();
    for order in [
        "x % 7",
        "x % 7 DESC",
        "x % 13, x DESC",
        "toString(x % 5)",
        "CASE WHEN x % 3 = 0 THEN null ELSE x % 4 END DESC",
    ] {
        let full = run(&mut db, &format!("UNWIND range(1, 700) AS x RETURN x ORDER BY {order}")).unwrap();
        for (skip, limit) in [(0, 1), (0, 5), (10, 20), (0, 40), (100, 33), (690, 20)] {
            let query = format!("UNWIND range(1, 700) AS x RETURN x ORDER BY {order} SKIP {skip} LIMIT {limit}");
            let head: Vec<_> = full.iter().skip(skip).take(limit).cloned().collect();
            assert_eq!(run(&mut db, &query).unwrap(), head, "{query}");
        }
    }
}

/// The two-sided search finds the length and the number of shortest paths that
/// enumerating every path up to a bound finds.
#[test]
fn shortest_paths_match_enumeration() {
    let mut db = load(SCHEMA);
    for (from, to) in [(1, 40), (2, 3), (5, 59), (10, 11), (60, 1), (30, 31)] {
        for arrow in [("-", "-"), ("-", "->"), ("<-", "-")] {
            let pattern =
                format!("(a:Person {{id: {from}}}){}[:KNOWS*1..4]{}(b:Person {{id: {to}}})", arrow.0, arrow.1);
            let enumerated =
                run(&mut db, &format!("MATCH p = {pattern} RETURN length(p) AS n, count(*) AS c ORDER BY n LIMIT 1"))
                    .unwrap();
            let all = run(&mut db, &format!("MATCH p = allShortestPaths({pattern}) RETURN length(p) AS n")).unwrap();
            let one = run(&mut db, &format!("MATCH p = shortestPath({pattern}) RETURN length(p) AS n")).unwrap();
            let expected = enumerated.first().map(|r| (r[0].clone(), r[1].clone()));
            let found = all.first().map(|r| (r[0].clone(), Value::Int(all.len() as i64)));
            assert_eq!(found, expected, "allShortestPaths {pattern}");
            assert_eq!(one.first().map(|r| r[0].clone()), expected.map(|e| e.0), "shortestPath {pattern}");
            assert!(all.iter().all(|r| r[0] == all[0][0]), "{pattern}: {all:?}");
        }
    }
}

/// Queries over the last hop of a pattern, each with `{count}` for its aggregate: as a
/// count (`count(*)`, `count(v)`), counted per row by `ExpandCount` (or a variant), and
/// as `sum(1)`, which is no count, so each relationship makes its row and passes the
/// `Filter`. Conditions cover nulls, labels on the far node, Both directions over
/// self-loops, relationships that must differ, bound far nodes and relationships.
const PER_ROW_COUNTS: &[&str] = &[
    "MATCH (p:Person)-[m:MEMBER_OF]->(o:Organization) WHERE m.year >= $year AND p.weight > 0.5 RETURN {count}",
    "MATCH (p:Person)-[m:MEMBER_OF]->(o:Organization) WHERE m.year >= $year RETURN p.id, {count}",
    "MATCH (p:Person)-[m:MEMBER_OF]->(o:Organization) WHERE m.year < 2010 RETURN p, {count}",
    "MATCH (p:Person)-[m:MEMBER_OF]->(o:Organization) WHERE 2010.5 > m.year RETURN p.year % 5 AS k, {count}",
    "MATCH (p:Person)-[m:MEMBER_OF]->(o:Organization) WHERE m.missing > 1 RETURN {count}",
    "MATCH (p:Person)-[m:MEMBER_OF]->(o:Organization) WHERE m.missing IS NULL AND o.id <> 3 RETURN {count}",
    "MATCH (p:Person)-[m:MEMBER_OF]->(o) WHERE m.year = 2005.0 OR o.id = 2 RETURN p.name, {count}",
    "MATCH (p:Person)-[:KNOWS]->(f:Person) RETURN p.id, {count}",
    "MATCH (p:Person)-[r:KNOWS]-(f:Person) WHERE r.year < 2010 RETURN {count}",
    "MATCH (p:Person)-[r:KNOWS]-(f) WHERE f.weight > p.weight RETURN p.id, {count}",
    "MATCH (p:Person)<-[r:KNOWS]-(f:Person) WHERE f.year IS NOT NULL RETURN {count}",
    "MATCH (p:Person)-[r:KNOWS]-(p) RETURN {count}",
    "MATCH (p:Person)-[r:KNOWS]->(p) RETURN p.id, {count}",
    "MATCH (p)-[r]-(q) WHERE q:Organization OR r.year > 2015 RETURN {count}",
    "MATCH (a:Person)-[r1:KNOWS]->(b:Person)-[r2:KNOWS]->(c) RETURN {count}",
    "MATCH (a:Person)-[r1:KNOWS]-(b:Person)-[r2:KNOWS]-(c) RETURN a.id, {count}",
    "MATCH (a)-[r1]-(b)-[r2]-(c) RETURN {count}",
    "MATCH (a:Person)-[r1:KNOWS]->(b)-[r2]-(c:Organization) WHERE r2.year >= $year RETURN b.id, {count}",
    "MATCH (a:Person)-[:KNOWS*1..2]->(b)-[r]->(c) RETURN {count}",
    "MATCH (a:Person)-[:KNOWS]->(b:Person) MATCH (a)-[r:KNOWS]-(b) RETURN {count}",
    "MATCH (a:Person)-[:KNOWS]->(b:Person) MATCH (b)-[r:KNOWS]->(a) RETURN a.id, {count}",
    "MATCH ()-[r:KNOWS]->() WITH r MATCH (a:Person)-[r]-(b) RETURN a.id, {count}",
    "MATCH (p:Person {id: 3})-[:KNOWS]->(f:Person) RETURN {count}",
    "MATCH (p:Person) WHERE p.id IN [1, 2, 3, 2] MATCH (p)-[r:KNOWS]->(f:Person) RETURN p.id, {count}",
    "UNWIND [1, 2, null, 4] AS x MATCH (p:Person {id: x})-[r]-(q) WHERE r.year > 2003 RETURN x, {count}",
    "MATCH (p:Person) OPTIONAL MATCH (p)-[r:MEMBER_OF]->(o) WITH p, o MATCH (o)<-[m]-(q) RETURN {count}",
    "MATCH (p:Person)-[r:KNOWS]-(f:Person) WHERE r.year > 2005 RETURN p.id, {count}, count(*) AS m",
    "MATCH (p:Person)-[r:KNOWS]-(f:Person) WHERE r.year > 2005 RETURN p.id % 3 AS k, {count}, count(f) AS m",
    "MATCH (p:Person)-[r:KNOWS]->(f:Person) WHERE r.year / 0 > 1 RETURN {count}",
    "MATCH (p:Person)-[r:KNOWS]->(f:Person) WHERE f.name AND r.year > 0 RETURN {count}",
];

#[test]
fn counting_per_row_matches_counting_rows() {
    let mut typed = load(SCHEMA);
    let mut open = load("");
    let mut rewritten = 0;
    for db in [&mut typed, &mut open] {
        for template in PER_ROW_COUNTS {
            let summed = template.replace("{count}", "sum(1) AS n");
            let expected = run(db, &summed).map(sorted);
            for count in ["count(*) AS n", "count(r) AS n", "count(r2) AS n", "count(o) AS n", "count(p) AS n"] {
                let var = count.trim_start_matches("count(").split(')').next().unwrap_or("*");
                if var != "*" && !binds(template, var) {
                    continue;
                }
                let query = template.replace("{count}", count);
                let explained = plan(db, &query);
                if explained == "UndefinedVariable" {
                    continue; // a variable WITH has left out
                }
                rewritten += usize::from(explained.contains("Count (") || explained.contains("CountIntersect ("));
                assert_eq!(run(db, &query).map(sorted), expected, "{query}\n{explained}");
            }
            assert!(!plan(db, &summed).contains("ExpandCount"), "{summed}");
        }
    }
    // Most shapes above count per row (the others are read from degrees, or cannot be).
    assert!(rewritten > PER_ROW_COUNTS.len(), "only {rewritten} counted per row");
    // The bench's query, the one with the far node bound, and the one with the
    // relationship bound, each by its own variant (closing a cycle, a `CountIntersect`;
    // the bench's query, whose condition on
    // the relationship may make a scan of its type cheaper on this small graph, or else
    // counted over that scan's columns).
    for (query, names) in [
        (PER_ROW_COUNTS[0], &["ExpandCount (", "ColumnAggregate (p)-[m:MEMBER_OF]->(o)"][..]),
        (PER_ROW_COUNTS[19], &["ExpandIntoCount (", "CountIntersect ("]),
        (PER_ROW_COUNTS[11], &["ExpandIntoCount (", "CountIntersect ("]),
        (PER_ROW_COUNTS[21], &["ExpandBoundCount ("]),
    ] {
        let query = query.replace("{count}", "count(*)");
        let explained = plan(&mut typed, &query);
        assert!(names.iter().any(|name| explained.contains(name)), "{query}\n{explained}");
    }
}

/// Whether the pattern of `query` names the variable `var`.
fn binds(query: &str, var: &str) -> bool {
    ["(", "["]
        .iter()
        .any(|open| [":", ")", "]", " "].iter().any(|close| query.contains(&format!("{open}{var}{close}"))))
}

/// What is counted needs the rows when a grouping key or a DISTINCT reads what the hop
/// binds (whichever end the plan starts from), or the aggregate is no count.
#[test]
fn counting_per_row_only_where_the_hop_rows_are_not_needed() {
    let mut db = load(SCHEMA);
    for query in [
        "MATCH (p:Person)-[m:MEMBER_OF]->(o:Organization) WHERE m.year > 2005 RETURN o.id, p.id, count(*)",
        "MATCH (p:Person)-[m:MEMBER_OF]->(o:Organization) WHERE m.year > 2005 RETURN m.year, count(*)",
        "MATCH (p:Person)-[m:MEMBER_OF]->(o:Organization) WHERE m.year > 2005 RETURN count(*), sum(m.year)",
        "MATCH (p:Person)-[m:MEMBER_OF]->(o:Organization) WHERE m.year > 2005 RETURN count(m.year)",
    ] {
        let explained = plan(&mut db, query);
        assert!(!explained.contains("Count ("), "{query}\n{explained}");
        // The rows are made (by an expansion, or by a scan of the relationship's type),
        // or the scan's columns aggregated.
        let makes_rows = ["Expand (", "RelationshipTypeScan (", "ColumnAggregate (p)-[m:MEMBER_OF]->(o)"]
            .iter()
            .any(|name| explained.contains(name));
        assert!(makes_rows, "{query}\n{explained}");
    }
}

/// `count(DISTINCT o)` needs only whether each `o` has a relationship that passes: walked
/// from `o`, the hop may be counted in place (a semi-join; a relationship-type scan may
/// be cheaper), with the expansion's answer either way.
#[test]
fn a_distinct_count_of_the_start_counts_the_hop_in_place() {
    let mut db = load(SCHEMA);
    let query = "MATCH (p:Person)-[m:MEMBER_OF]->(o:Organization) WHERE m.year > 2005 RETURN count(DISTINCT o)";
    let rows = "MATCH (p:Person)-[m:MEMBER_OF]->(o:Organization) WHERE m.year > 2005 RETURN DISTINCT o";
    let n = run(&mut db, rows).unwrap().len() as i64;
    assert_eq!(run(&mut db, query).unwrap(), vec![vec![Value::Int(n)]]);
}

/// Under PROFILE the counting expansion reports its rows: the input rows with at least
/// one relationship counted (and the aggregate sums their counts to the answer).
#[test]
fn profile_counts_the_rows_of_the_counting_expansion() {
    let mut db = load(SCHEMA);
    // p is bound first, so the hop starts from it.
    let template = "MATCH (p:Person) WHERE p.weight > 0.5 WITH p \
                    MATCH (p)-[m:MEMBER_OF]->(o:Organization) WHERE m.year >= $year RETURN {count}";
    let query = template.replace("{count}", "count(*) AS n");
    let profiled = db.execute(&format!("PROFILE {query}"), &params()).unwrap();
    let line = profiled.plan.unwrap_or_default().lines().find(|l| l.contains("ExpandCount")).unwrap_or("").to_string();
    let Value::Int(people) = run(&mut db, &template.replace("{count}", "count(DISTINCT p)")).unwrap()[0][0] else {
        panic!("count is no integer")
    };
    assert!(people > 1);
    assert!(line.contains(&format!(", rows: {people},")), "{line}: {people} people");
    assert_eq!(profiled.rows, run(&mut db, &template.replace("{count}", "sum(1)")).unwrap());
}

/// An open graph of odd values: integers and floats that are equal, NaN, strings,
/// booleans, lists, missing properties, nodes with one or two labels, self-loops.
fn odd_graph() -> Database {
    let mut db = Database::empty();
    let values = "[1, 1.0, 2.5, 0.0 / 0.0, 'a', 'b', true, null, [1, 2], -3, 2, 'A']";
    for statement in [
        format!("UNWIND range(1, 12) AS i CREATE (:N {{id: i, v: {values}[i - 1]}})"),
        "MATCH (n:N) WHERE n.id % 3 = 0 SET n:M".to_string(),
        format!(
            "MATCH (a:N), (b:N) WHERE (a.id * 5 + b.id) % 7 IN [0, 3] OR a = b AND a.id % 4 = 1 \
             CREATE (a)-[:R {{w: {values}[(a.id + 2 * b.id) % 12]}}]->(b)"
        ),
        "MATCH (a:N:M), (b:N) WHERE b.id = a.id + 1 CREATE (a)-[:S]->(b)".to_string(),
    ] {
        db.execute(&statement, &Params::new()).unwrap_or_else(|e| panic!("{statement}: {}", e.describe(&statement)));
    }
    db
}

fn run_with(db: &mut Database, query: &str, params: &Params) -> Result<Vec<Vec<Value>>, String> {
    db.execute(query, params).map(|r| sorted(r.rows)).map_err(|e| format!("{:?}", e.code))
}

/// Each simple condition (compiled to read the store directly) against the same
/// condition with its constant wrapped in `head([…])`, which the interpreter evaluates,
/// and against the whole condition as one interpreted expression that is never null
/// (`coalesce((…) = true, false)`): in a
/// scan, in an expansion, in a counting expansion, and in a plain Filter.
#[test]
fn compiled_conditions_answer_as_the_interpreter_does() {
    let mut db = odd_graph();
    let params = Params::from([
        ("nan".to_string(), Value::Float(f64::NAN)),
        ("one".to_string(), Value::Int(1)),
        ("none".to_string(), Value::Null),
    ]);
    let constants = ["1", "1.0", "2", "-0.5", "$nan", "$one", "'a'", "'B'", "true", "null", "$none", "[1, 2]"];
    let shapes = [
        "MATCH (n:N) WHERE {cond} RETURN n.id",
        "MATCH (a:N)-[r:R]->(n) WHERE {cond} RETURN a.id, n.id",
        "MATCH (a:N)-[r]-(n) WHERE {cond} RETURN count(*)",
        "MATCH (a:N)-[r]-(n) WITH a, r, n WHERE {cond} RETURN a.id, id(r), n.id",
    ];
    let mut conditions = Vec::new();
    for op in ["=", "<>", "<", "<=", ">", ">="] {
        for c in constants {
            conditions.push((format!("n.v {op} {c}"), format!("n.v {op} head([{c}])")));
            conditions.push((format!("{c} {op} n.v"), format!("head([{c}]) {op} n.v")));
            conditions.push((format!("r.w {op} {c}"), format!("r.w {op} head([{c}])")));
        }
    }
    for (compiled, interpreted) in [
        ("n.v IS NULL", "head([n.v]) IS NULL"),
        ("n.v IS NOT NULL", "head([n.v]) IS NOT NULL"),
        ("r.w IS NULL", "head([r.w]) IS NULL"),
        ("n:M", "'M' IN labels(n)"),
        ("n:N:M", "all(l IN ['N', 'M'] WHERE l IN labels(n))"),
        ("n:M AND r.w > 1 AND n.v <> 'a'", "'M' IN labels(n) AND r.w > head([1]) AND n.v <> head(['a'])"),
        ("n.v > 1 AND n.v.x > 0", "n.v > head([1]) AND n.v.x > 0"),
        ("n.v < 2 AND n.v", "n.v < head([2]) AND n.v"),
        ("n.v", "head([n.v])"),
        ("n.nope = 1 AND r.nope IS NULL", "n.nope = head([1]) AND head([r.nope]) IS NULL"),
    ] {
        conditions.push((compiled.to_string(), interpreted.to_string()));
    }
    let mut checked = 0;
    for shape in shapes {
        for (compiled, interpreted) in &conditions {
            if shape.contains("(n:N)") && (compiled.contains("r.") || compiled.contains("r ")) {
                continue;
            }
            let fast = shape.replace("{cond}", compiled);
            let slow = shape.replace("{cond}", interpreted);
            // One conjunct, wholly the interpreter's: its AND, its nulls.
            let whole = shape.replace("{cond}", &format!("coalesce(({interpreted}) = true, false)"));
            let expected = run_with(&mut db, &whole, &params);
            assert_eq!(run_with(&mut db, &fast, &params), expected, "{fast}");
            assert_eq!(run_with(&mut db, &slow, &params), expected, "{slow}");
            checked += 1;
        }
    }
    assert!(checked > 600, "{checked}");
    // The graph has what the conditions are about.
    let loops = run_with(&mut db, "MATCH (a)-[r]->(a) RETURN count(*)", &params).unwrap();
    assert!(loops[0][0] != Value::Int(0), "no self-loop");
    let nan = run_with(&mut db, "MATCH (n) WHERE n.v <> n.v RETURN count(*)", &params).unwrap();
    assert_eq!(nan, vec![vec![Value::Int(1)]]);
}

/// A scan whose filter reads only the scanned node tests its candidates a chunk at a
/// time, and one with an interpreted condition (`head([…])`) one at a time. Both must
/// answer alike where the statement writes what the filter reads: writes are eager, so
/// a node marked by an earlier row is not seen as marked by the same MATCH (in debug
/// builds the scan also asserts that nothing was written while it was between candidates).
#[test]
fn a_chunked_scan_filter_sees_the_writes_of_earlier_rows() {
    for (chunked, one_at_a_time) in [
        ("a.x = 1", "a.x = head([1])"),
        ("a.x = 1 AND a:N", "a.x = head([1]) AND a:N"),
        ("a.x IS NOT NULL AND a.x > 0", "a.x IS NOT NULL AND a.x > head([0])"),
    ] {
        let answers: Vec<_> = [chunked, one_at_a_time]
            .iter()
            .map(|condition| {
                let mut db = Database::empty();
                let setup = "UNWIND range(1, 3000) AS i CREATE (:N {id: i, x: CASE WHEN i IN [1, 2500] THEN 1 END})";
                db.execute(setup, &Params::new()).unwrap();
                // Each passing node marks the next one, after the MATCH has read them all.
                let chain =
                    format!("MATCH (a:N) WHERE {condition} MATCH (b:N {{id: a.id + 1}}) SET b.x = 1 RETURN count(*)");
                let rows = run(&mut db, &chain);
                let marked = run(&mut db, "MATCH (n:N) WHERE n.x = 1 RETURN count(*)");
                (rows, marked)
            })
            .collect();
        assert_eq!(answers[0], answers[1], "{chunked}");
        // 1 and 2500, and the two they marked.
        assert_eq!(answers[0].1, Ok(vec![vec![Value::Int(4)]]), "{chunked}");
    }
}

/// Scans that test their candidates a chunk at a time hand them on as batches, which a
/// counting expansion and an aggregation take a column at a time. Each query against
/// the same query with its constant wrapped in `head([…])`, which makes the scan test one
/// candidate at a time and pass rows, on a graph of several chunks.
#[test]
fn batched_scans_and_counts_answer_as_rows_do() {
    let mut db = Database::empty();
    // The last statement adds more than 4,096 relationships, so the store rebuilds its
    // adjacency arrays after it: the counting expansion then reads them straight
    // (`Graph::type_reader`), where a graph with writes since goes through the delta.
    for statement in [
        "UNWIND range(1, 3000) AS i CREATE (:P {id: i, w: (i * 37 % 100) / 100.0, y: 2000 + i % 20})",
        "MATCH (a:P) WHERE a.id % 3 = 0 CREATE (a)-[:S]->(:Q {id: a.id})",
        "MATCH (a:P), (b:P) WHERE b.id IN [a.id * 7 % 3000 + 1, a.id * 11 % 3000 + 1] OR (a.id % 500 = 0 AND b = a) \
         CREATE (a)-[:R {y: 2000 + (a.id + b.id) % 13}]->(b)",
        // Hubs: one chunk of people holds more relationships than a counting expansion
        // gathers at once.
        "MATCH (a:P) WHERE a.id <= 24 MATCH (b:P) WHERE b.id <= 1000 CREATE (a)-[:H {y: (a.id * b.id) % 7}]->(b)",
    ] {
        db.execute(statement, &Params::new()).unwrap_or_else(|e| panic!("{statement}: {}", e.describe(statement)));
    }
    let shapes = [
        "MATCH (p:P) WHERE p.w > {c} RETURN count(*), count(p), sum(p.y)",
        "MATCH (p:P) WHERE p.w <= {c} AND p.y >= 2005 RETURN count(*)",
        "MATCH (p:P)-[r:R]->(q) WHERE p.w > {c} RETURN count(*)",
        "MATCH (p:P)-[r:R]->(q:P) WHERE r.y >= 2004 AND p.w > {c} RETURN count(*), count(*) * 2",
        "MATCH (p:P)-[r:R]-(q) WHERE p.w < {c} RETURN count(r), collect(DISTINCT q.id)[0..0]",
        "MATCH (p:P)-[r]->(p) WHERE p.w >= {c} RETURN count(*)",
        "MATCH (p:P)-[:S]->(q:Q) WHERE p.w > {c} RETURN count(*), min(q.id), max(q.id)",
        "MATCH (p:P) WHERE p.w > {c} RETURN p.id ORDER BY p.id LIMIT 3",
        "MATCH (p:P)-[r:R]->(q) WHERE p.w > {c} RETURN p.y, count(*) ORDER BY p.y",
        "MATCH (p:P)-[h:H]->(q:P) WHERE h.y >= 3 AND p.w >= {c} RETURN count(*)",
    ];
    for shape in shapes {
        for c in ["0.5", "0.0", "2.0"] {
            let batched = shape.replace("{c}", c);
            let rows = shape.replace("{c}", &format!("head([{c}])"));
            let answer = run(&mut db, &batched);
            assert_eq!(answer, run(&mut db, &rows), "{batched}");
            // At 0.5 every shape has rows to compare.
            assert!(c != "0.5" || answer.is_ok_and(|rows| !rows.is_empty()), "{batched}");
        }
    }
}
