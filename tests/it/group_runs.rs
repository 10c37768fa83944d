//! A `GroupFold` grouped by a node its input's rows come clustered by (`c` over
//! `(c:C)<-[:M]-(a)-[:M]->(p)`, `planner::clustered_slots`) hands each run's groups on when
//! the run ends (`exec/ops/group_fold.rs`, `Runs`): the answers and their order are those of
//! the row path (the same aggregation with the `fold_groups` pass off), typed and without a
//! schema, with nulls, keys of mixed kinds, two-level groupings and no input at all.
//! A DISTINCT aggregate of a clustered node counts a value once per run (`group_runs.rs`),
//! and a `Distinct` forgets the rows seen at the end of each run (`ops/sort.rs`).
//! A second grouping over a `GroupFold` takes its groups without their rows
//! (`group_levels.rs`), with and without keys, by the run's node or by another.

use steppe::planner::Passes;
use steppe::{Database, Params, Value};

/// 30 countries, 400 articles, 90 people: each article mentions two or three countries and
/// up to four people (some twice), so a pair (country, person) comes from several articles;
/// some people know some countries (`K`).
/// Some people and countries have no `v`.
fn graph(schema: bool) -> Database {
    let mut db = Database::empty();
    let params = Params::new();
    if schema {
        for statement in [
            "CREATE NODE TYPE C (id INTEGER KEY, v INTEGER)",
            "CREATE NODE TYPE A (id INTEGER KEY, year INTEGER)",
            "CREATE NODE TYPE P (id INTEGER KEY, v INTEGER)",
            "CREATE RELATIONSHIP TYPE M (A -> C, A -> P)",
            "CREATE RELATIONSHIP TYPE K (P -> C)",
        ] {
            db.execute(statement, &params).unwrap_or_else(|e| panic!("{statement}: {}", e.message));
        }
    }
    for statement in [
        "UNWIND range(0, 29) AS i CREATE (:C {id: i, v: CASE WHEN i % 4 = 0 THEN null ELSE i % 5 END})",
        "UNWIND range(0, 399) AS i CREATE (:A {id: i, year: 1990 + i % 17})",
        // Without a schema, a person's `v` may be an integer, a float equal to one, or a string.
        match schema {
            true => "UNWIND range(0, 89) AS i CREATE (:P {id: i, v: CASE i % 5 WHEN 3 THEN null ELSE i % 7 END})",
            false => {
                "UNWIND range(0, 89) AS i CREATE (:P {id: i, v: CASE i % 5 WHEN 0 THEN 1 WHEN 1 THEN 1.0 \
                 WHEN 2 THEN 'one' WHEN 3 THEN null ELSE i % 7 END})"
            }
        },
        "MATCH (a:A), (c:C) WHERE (a.id * 7 + c.id * 3) % 13 < 2 CREATE (a)-[:M]->(c)",
        "MATCH (a:A), (p:P) WHERE (a.id * 11 + p.id * 5) % 37 < 2 OR (a.id + p.id) % 97 = 0 CREATE (a)-[:M]->(p)",
        "MATCH (a:A {id: 5}), (p:P {id: 7}) CREATE (a)-[:M]->(p)",
        "MATCH (p:P), (c:C) WHERE (p.id * 5 + c.id) % 11 = 0 CREATE (p)-[:K]->(c)",
    ] {
        db.execute(statement, &params).unwrap_or_else(|e| panic!("{statement}: {}", e.message));
    }
    db
}

/// Groupings by the clustered node and something else, and DISTINCT aggregates of it,
/// none ordered after, so that the order of the groups is compared too.
const QUERIES: [&str; 14] = [
    "MATCH (c:C)<-[:M]-(a:A)-[:M]->(p:P) RETURN c.id AS c, p.id AS p, count(*) AS k",
    "MATCH (c:C)<-[:M]-(a:A)-[:M]->(p:P) WITH c, p, count(*) AS k \
     WITH c, count(p) AS people, max(k) AS most RETURN c.id AS c, people, most",
    "MATCH (c:C)<-[:M]-(a:A)-[:M]->(p:P) WITH c, p.v AS v, count(*) AS k, collect(a.id) AS ids, \
     count(DISTINCT a) AS articles RETURN c.id AS c, v, k, ids, articles",
    "MATCH (c:C)<-[:M]-(a:A) RETURN c, a.year AS year, count(*) AS n",
    "MATCH (c:C)<-[:M]-(a:A) WITH c, c.v AS v, a.year % 3 AS y, count(*) AS n RETURN c.id AS c, v, y, n",
    "MATCH (c:C) RETURN c, c.v AS v, count(*) AS n",
    "MATCH (c:C)<-[:M]-(a:A)-[:M]->(p:P) WHERE p.v IS NULL RETURN c.id AS c, p, min(a.year) AS first, sum(a.id) AS s",
    "MATCH (c:C)<-[:M]-(a:A)-[:M]->(p:P) WHERE a.year >= 2000 RETURN p.v AS v, count(DISTINCT a) AS n, \
     collect(DISTINCT a) AS articles, count(DISTINCT c) AS countries",
    "MATCH (a:A)-[:M]->(p:P) RETURN p.id % 4 AS k, count(DISTINCT a) AS n, collect(DISTINCT p) AS ps, \
     avg(DISTINCT p.id) AS mean",
    "MATCH (c:C)<-[:M]-(a:A)-[:M]->(p:P) WHERE a.year >= 2000 WITH DISTINCT a, p RETURN a.id AS a, p.v AS v",
    "MATCH (c:C)<-[:K]-(:P)<-[:M]-(a:A) WHERE a.year >= 2000 RETURN c.id AS c, count(DISTINCT a) AS n, \
     collect(DISTINCT a.id) AS ids",
    "MATCH (p:P)<-[:M]-(a:A)-[:M]->(c:C) WHERE a.year < 2000 RETURN c.v AS v, count(DISTINCT p) AS people",
    "MATCH (c:C)<-[:M]-(a:A)-[:M]->(p:P) WITH c, p, count(*) AS k \
     WITH p, count(c) AS countries, collect(k) AS ks, count(*) AS n RETURN p.id AS p, countries, ks, n",
    "MATCH (c:C)<-[:M]-(a:A)-[:M]->(p:P) WITH c, p.v AS v, count(*) AS k, min(a.year) AS first \
     WITH v, sum(k) AS s, avg(k) AS mean, count(DISTINCT c) AS cs, collect(first) AS firsts RETURN v, s, mean, cs, firsts",
];

/// Second groupings without keys, which give a row even over nothing.
const TOTALS: [&str; 2] = [
    "MATCH (c:C)<-[:M]-(a:A)-[:M]->(p:P) WITH c, p, count(*) AS k RETURN count(*) AS pairs, sum(k) AS n, max(k) AS most",
    "MATCH (c:C)<-[:M]-(a:A) WITH c, a.year AS year, count(*) AS k RETURN stDev(k) AS sd, collect(year) AS years",
];

fn rows(db: &mut Database, query: &str, passes: Passes) -> Vec<Vec<Value>> {
    db.set_planner_passes(passes);
    let result = db.execute(query, &Params::new()).unwrap_or_else(|e| panic!("{query}: {}", e.message));
    db.set_planner_passes(Passes::all());
    result.rows
}

fn plan(db: &mut Database, query: &str) -> String {
    db.execute(&format!("EXPLAIN {query}"), &Params::new()).unwrap().plan.unwrap_or_default()
}

#[test]
fn groups_handed_on_run_by_run_are_the_row_paths() {
    for schema in [true, false] {
        let mut db = graph(schema);
        for query in QUERIES.iter().chain(&TOTALS) {
            assert!(plan(&mut db, query).contains("GroupFold"), "schema: {schema}\n{}", plan(&mut db, query));
            let folded = rows(&mut db, query, Passes::all());
            let row_path = rows(&mut db, query, Passes::all().without("fold_groups").unwrap());
            assert!(!folded.is_empty(), "{query}");
            assert_eq!(folded, row_path, "schema: {schema}, {query}");
        }
    }
}

#[test]
fn no_input_makes_no_group() {
    let mut db = Database::empty();
    db.execute("CREATE (:P {id: 1})", &Params::new()).unwrap();
    for query in QUERIES {
        assert_eq!(rows(&mut db, query, Passes::all()), Vec::<Vec<Value>>::new(), "{query}");
    }
    for query in TOTALS {
        let row_path = rows(&mut db, query, Passes::all().without("fold_groups").unwrap());
        assert_eq!(row_path.len(), 1);
        assert_eq!(rows(&mut db, query, Passes::all()), row_path, "{query}");
    }
}
