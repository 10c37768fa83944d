//! Relationship-type scans (issue 15): a pattern started at a relationship, its type read
//! in stored order, gives the answers of the same pattern started at a node, on graphs
//! whose relationships are all in the adjacency's arrays (saved and opened again) and on
//! graphs written since (the delta), typed and without a schema; with nulls and mixed
//! types in the filtered property, self-loops, relationships whose ends are not the
//! labels the pattern asks for, undirected patterns, longer patterns from either end,
//! and relationship uniqueness within a pattern.

use steppe::planner::Options;
use steppe::{Database, Params, Value};

const SCHEMA: &str = "
CREATE NODE TYPE P (id INTEGER KEY, w FLOAT);
CREATE NODE TYPE O (id INTEGER KEY, w FLOAT);
CREATE NODE TYPE X (id INTEGER KEY);
CREATE RELATIONSHIP TYPE M (P -> O, P -> X, P -> P, O -> P, y ANY, w ANY);
CREATE RELATIONSHIP TYPE K (P -> P, since INTEGER);
CREATE RELATIONSHIP TYPE L (P -> O, y INTEGER);
";

const DATA: &str = "
UNWIND range(1, 40) AS i CREATE (:P {id: i, w: (i % 10) / 10.0});
UNWIND range(1, 6) AS i CREATE (:O {id: i, w: i / 10.0});
CREATE (:X {id: 100});
MATCH (p:P), (o:O) WHERE o.id = p.id % 6 + 1 OR o.id = (p.id * 5) % 6 + 1 CREATE (p)-[:M {y: 1990 + p.id % 20, w: p.id / 8.0}]->(o);
MATCH (p:P {id: 3}), (o:O {id: 1}) CREATE (p)-[:M]->(o);
MATCH (p:P {id: 4}), (o:O {id: 2}) CREATE (p)-[:M {y: 'late', w: 1}]->(o);
MATCH (p:P {id: 5}), (x:X) CREATE (p)-[:M {y: 2005, w: 0.5}]->(x);
MATCH (p:P {id: 6}) CREATE (p)-[:M {y: 2007, w: 0.25}]->(p);
MATCH (o:O {id: 1}), (p:P {id: 7}) CREATE (o)-[:M {y: 2008, w: 2.0}]->(p);
MATCH (a:P), (b:P) WHERE b.id = (a.id * 3) % 40 + 1 CREATE (a)-[:K {since: 2000 + a.id % 9}]->(b);
MATCH (p:P), (o:O) WHERE o.id = p.id % 3 + 1 CREATE (p)-[:L {y: 1995 + p.id % 15}]->(o);
";

/// Queries whose relationship conditions make a relationship-type scan a candidate start.
const QUERIES: [&str; 16] = [
    "MATCH (p:P)-[m:M]->(o:O) WHERE m.y >= 2000 RETURN count(*) AS n, avg(m.w) AS a, min(m.w) AS lo, max(m.w) AS hi",
    "MATCH (o:O)<-[m:M]-(p:P) WHERE m.y >= 2000 AND m.y <= 2001 AND o.w < 0.4 RETURN count(*) AS n",
    "MATCH (p:P)-[m:M]->(o:O) WHERE m.y >= 2000 AND p.w > 0.5 RETURN count(*) AS n",
    "MATCH (a)-[m:M]->(b) WHERE m.y >= 2005 RETURN a.id AS a, b.id AS b ORDER BY a, b",
    "MATCH (a)-[m:M]-(b) WHERE m.y >= 2006 RETURN a.id AS a, b.id AS b ORDER BY a, b",
    "MATCH (a:P)-[m:M]-(b:P) WHERE m.y > 2000 RETURN a.id AS a, b.id AS b ORDER BY a, b",
    "MATCH (a)-[m:M]->(b) WHERE m.y IS NULL OR m.y = 'late' RETURN a.id AS a, b.id AS b, m.w AS w ORDER BY a, b",
    "MATCH (a)-[m:M {y: 2007}]->(b) RETURN a.id AS a, b.id AS b ORDER BY a, b",
    "MATCH ()-[m:M]->() WHERE m.w > 2 RETURN count(*) AS n, sum(m.w) AS s, min(m.y) AS y",
    "MATCH ()-[m:M|L]->() WHERE m.y >= 2005 RETURN type(m) AS t, count(*) AS n, max(m.y) AS y ORDER BY t",
    "MATCH (x)-[k:K]->(a:P)-[m:M]->(o:O) WHERE m.y = 2003 RETURN x.id AS x, a.id AS a, o.id AS o ORDER BY x, a, o",
    "MATCH (a:P)-[m:M]->(o:O)<-[l:L]-(b:P) WHERE m.y = 2004 AND l.y >= 2005 RETURN count(*) AS n, sum(b.id) AS s",
    "MATCH (a:P)-[m:M]->(b)-[m2:M]->(c) WHERE m.y >= 2000 RETURN a.id AS a, b.id AS b, c.id AS c ORDER BY a, b, c",
    "MATCH (a)-[m:M]-(b)-[m2:M]-(c) WHERE m.y = 2007 RETURN a.id AS a, b.id AS b, c.id AS c ORDER BY a, b, c",
    "MATCH (p:P {id: 6})-[m:M]-(q) WHERE m.w > 0.1 RETURN q.id AS q ORDER BY q",
    "MATCH (z:O) WHERE z.id <= 2 OPTIONAL MATCH (a:P)-[m:M]->(z) WHERE m.y >= 1995 RETURN z.id AS z, count(a) AS n ORDER BY z",
];

fn load(schema: &str) -> Database {
    let mut db = Database::empty();
    let statements = schema.split(';').chain(DATA.split(';')).map(str::trim).filter(|s| !s.is_empty());
    for statement in statements {
        db.execute(statement, &Params::new()).unwrap_or_else(|e| panic!("{statement}: {}", e.describe(statement)));
    }
    db
}

/// The same graph saved and opened again: every relationship in the adjacency's arrays.
fn reloaded(schema: &str, dir: &std::path::Path) -> Database {
    let path = dir.join(if schema.is_empty() { "open.db" } else { "typed.db" });
    let mut db = load(schema);
    db.save(&path).unwrap_or_else(|e| panic!("save: {}", e.message));
    Database::open(&path).unwrap_or_else(|e| panic!("open: {}", e.message))
}

fn answer(db: &mut Database, query: &str, options: Options) -> Vec<Vec<Value>> {
    db.set_planner_options(options);
    let result = db.execute(query, &Params::new()).unwrap_or_else(|e| panic!("{query} ({options:?}): {}", e.message));
    db.set_planner_options(Options::Cost);
    result.rows
}

fn plan(db: &mut Database, query: &str, options: Options) -> String {
    db.set_planner_options(options);
    let plan = db.execute(&format!("EXPLAIN {query}"), &Params::new()).ok().and_then(|r| r.plan).unwrap_or_default();
    db.set_planner_options(Options::Cost);
    plan
}

#[test]
fn a_relationship_type_scan_gives_the_answers_of_a_node_start() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let graphs = [
        ("schemaless", load("")),
        ("typed", load(SCHEMA)),
        ("schemaless, reloaded", reloaded("", dir.path())),
        ("typed, reloaded", reloaded(SCHEMA, dir.path())),
    ];
    for (name, mut db) in graphs {
        let mut scanned = 0;
        for query in QUERIES {
            let forced = answer(&mut db, query, Options::PreferRelScans);
            assert!(!forced.is_empty(), "{name}: {query} gives no rows");
            for other in [Options::Cost, Options::FirstNode, Options::LastNode] {
                assert_eq!(forced, answer(&mut db, query, other), "{name}: {query} differs when planned {other:?}");
            }
            scanned += usize::from(plan(&mut db, query, Options::PreferRelScans).contains("RelationshipTypeScan ("));
        }
        // Every query but the one that starts at a key seek and the one whose relationship
        // reaches a node bound before, and a column aggregation over a scan counts too.
        assert!(scanned >= 10, "{name}: only {scanned} plans scanned a type");
    }
}

#[test]
fn a_filter_on_a_relationship_over_a_whole_type_starts_at_the_type() {
    let mut db = load("");
    let query = "MATCH (p:P)-[m:M]->(o:O) WHERE m.y >= 2000 RETURN count(*) AS n, avg(m.w) AS a";
    let text = plan(&mut db, query, Options::Cost);
    assert!(text.contains("ColumnAggregate (p)-[m:M]->(o)"), "{text}");
}
