//! The planner's shortcuts give the answers of the long way round (issue 6).
//!
//! The same graph is loaded twice: typed, with `id INTEGER KEY` per label (so key
//! conditions become key-index seeks), and open (no schema, no key index: label scans and
//! filters). Every query must give the same rows on both. The rewrites that do not depend
//! on the index (counting from the store, degrees, TopK, the two-sided shortest path) are
//! checked against queries that cannot use them, on the same graph.

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
    db.execute(&format!("EXPLAIN {query}"), &params()).unwrap().plan.unwrap_or_default()
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
    // the rows: no rewrite, and the same answer.
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
