//! Counts through a hash join under relationship uniqueness (`count_join.rs`'s
//! `CountingHashJoin`): answers with `count_rows` on and off over random graphs, typed and
//! without a schema, with nodes carrying both end labels, self loops and parallel
//! relationships, for stars and chains joined at a hub.

use super::optimize;
use super::tests::bind;
use crate::binder::Params;
use crate::planner::{explain, naive_plan, Options, Passes, SlotNames};
use crate::{Database, Value};

/// A small deterministic generator (xorshift), so that a failure can be run again.
struct Random(u64);

impl Random {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

/// Hubs `H` reached by many `T` (and `U`) from a few `A`, `B` and `A:B` nodes (no schema),
/// some relationships parallel, some self loops at a hub, some `x` null.
fn schemaless(seed: u64) -> Database {
    let mut random = Random(seed * 2_654_435_761 + 1);
    let mut script = String::new();
    let ends = 6 + random.below(6);
    for i in 0..ends {
        let label = ["A", "B", "A:B", "A"][random.below(4) as usize];
        script.push_str(&format!("CREATE (:{label} {{id: {i}, x: {}}});\n", x_text(&mut random)));
    }
    let hubs = 2 + random.below(3);
    for i in 0..hubs {
        let label = ["H", "H:A", "H"][random.below(3) as usize];
        script.push_str(&format!("CREATE (:{label} {{id: {}, x: {}}});\n", 100 + i, x_text(&mut random)));
    }
    for _ in 0..30 + random.below(40) {
        let (end, hub) = (random.below(ends), 100 + random.below(hubs));
        let kind = ["T", "T", "U"][random.below(3) as usize];
        let (from, to) = if random.below(5) == 0 { (hub, end) } else { (end, hub) };
        script.push_str(&format!("MATCH (a {{id: {from}}}), (b {{id: {to}}}) CREATE (a)-[:{kind}]->(b);\n"));
    }
    for _ in 0..random.below(3) {
        let hub = 100 + random.below(hubs);
        script.push_str(&format!("MATCH (h {{id: {hub}}}) CREATE (h)-[:T]->(h);\n"));
    }
    built(&script)
}

/// The same shape typed: `A` and `B` each `T` to hubs `H`, hubs `U` to hubs (self loops).
fn typed(seed: u64) -> Database {
    let mut random = Random(seed * 40_503 + 7);
    let mut script = String::from(
        "CREATE NODE TYPE A (id INTEGER KEY, x INTEGER);
         CREATE NODE TYPE B (id INTEGER KEY, x INTEGER);
         CREATE NODE TYPE H (id INTEGER KEY, x INTEGER);
         CREATE RELATIONSHIP TYPE T (A -> H, B -> H);
         CREATE RELATIONSHIP TYPE U (H -> H);\n",
    );
    let ends = 6 + random.below(6);
    for i in 0..ends {
        let label = ["A", "B"][random.below(2) as usize];
        script.push_str(&format!("CREATE (:{label} {{id: {i}, x: {}}});\n", x_text(&mut random)));
    }
    let hubs = 2 + random.below(3);
    for i in 0..hubs {
        script.push_str(&format!("CREATE (:H {{id: {}, x: {}}});\n", 100 + i, x_text(&mut random)));
    }
    for _ in 0..30 + random.below(40) {
        let (end, hub) = (random.below(ends), 100 + random.below(hubs));
        script.push_str(&format!("MATCH (a {{id: {end}}}), (h:H {{id: {hub}}}) CREATE (a)-[:T]->(h);\n"));
    }
    for _ in 0..random.below(6) {
        let (from, to) = (100 + random.below(hubs), 100 + random.below(hubs));
        script.push_str(&format!("MATCH (g:H {{id: {from}}}), (h:H {{id: {to}}}) CREATE (g)-[:U]->(h);\n"));
    }
    built(&script)
}

fn x_text(random: &mut Random) -> String {
    match random.below(4) {
        0 => "null".to_string(),
        n => n.to_string(),
    }
}

fn built(script: &str) -> Database {
    let mut db = Database::empty();
    db.execute_script(script, &Params::new()).unwrap_or_else(|e| panic!("{script}\n{}", e.message));
    db
}

fn answers(db: &mut Database, text: &str, options: Options, passes: Passes) -> Vec<Vec<Value>> {
    db.set_planner_options(options);
    db.set_planner_passes(passes);
    db.execute(text, &Params::new()).map(|r| r.rows).unwrap_or_else(|e| panic!("{text}: {}", e.message))
}

/// The plan of `text` with joins preferred (so that a small graph is joined at its hubs).
fn joined_plan(db: &Database, text: &str) -> String {
    let query = bind(db, text);
    let naive = naive_plan(&query, db.graph(), Options::PreferJoins).unwrap_or_else(|e| panic!("{}", e.message));
    let plan =
        optimize(naive, db.graph(), Options::PreferJoins, Passes::all()).unwrap_or_else(|e| panic!("{}", e.message));
    explain(&plan, &SlotNames::of(&query), db.graph())
}

/// Each query's answers with joins preferred, with every pass and without `count_rows`,
/// and without joins, over `db`; the number of queries whose plan counts through a
/// `CountingHashJoin`.
fn check_same_answers(db: &mut Database, texts: &[&str]) -> usize {
    let mut counted_joins = 0;
    for text in texts {
        let counted = answers(db, text, Options::PreferJoins, Passes::all());
        let off = Passes::all().without("count_rows").unwrap_or_default();
        assert_eq!(counted, answers(db, text, Options::PreferJoins, off), "{text}");
        assert_eq!(counted, answers(db, text, Options::FirstNode, Passes::all()), "{text}");
        counted_joins += usize::from(joined_plan(db, text).contains("CountingHashJoin"));
    }
    counted_joins
}

/// Stars and chains at the hubs: one type and direction on both sides, two types, the
/// other direction, undirected hops, a node of both end labels, grouped by the probe side.
const SHAPES: &[&str] = &[
    "MATCH (a:A)-[:T]->(h:H)<-[:T]-(b:A) RETURN count(*) AS n, count(DISTINCT h) AS hs",
    "MATCH (a:A)-[:T]->(h:H)<-[:T]-(b:B) RETURN count(*) AS n, count(DISTINCT h) AS hs, count(b) AS bs",
    "MATCH (a:B)-[:T]->(h:H)<-[]-(b:A) RETURN count(*) AS n, count(DISTINCT h) AS hs",
    "MATCH (a:A)-[:T]-(h:H)-[:T]-(b:B) RETURN count(*) AS n, count(DISTINCT h) AS hs",
    "MATCH (a:A)-[]->(h:H)<-[]-(b:A) RETURN count(*) AS n, min(a.x) AS lo, max(h.x) AS hi",
    "MATCH (a:A)-[:T]->(h:H)<-[:T]-(b:B) RETURN a.id AS a, count(*) AS n, count(DISTINCT h) AS hs ORDER BY a",
    "MATCH (a:A)-[:T]->(h:H)<-[:T]-(b:A) RETURN h.x AS x, count(*) AS n ORDER BY x",
    "MATCH (a:A)-[:T]->(h:H)-[:U]-(g:H)<-[:T]-(b:B) RETURN count(*) AS n, count(DISTINCT h) AS hs",
    "MATCH (a:A)-[:T]->(h:H)<-[:T]-(b:A)-[:T]->(g:H) RETURN count(*) AS n, count(DISTINCT g) AS gs",
    "MATCH (a:A)-[:T|U]-(h:H)-[:T|U]-(b:B) RETURN count(*) AS n, count(DISTINCT a) AS starts",
];

#[test]
fn counted_joins_keep_the_answers_without_a_schema() {
    let mut counted = 0;
    for seed in 0..12 {
        counted += check_same_answers(&mut schemaless(seed), SHAPES);
    }
    assert!(counted >= 12, "CountingHashJoin taken {counted} times");
}

#[test]
fn counted_joins_keep_the_answers_typed() {
    let mut counted = 0;
    for seed in 0..12 {
        counted += check_same_answers(&mut typed(seed), SHAPES);
    }
    assert!(counted >= 12, "CountingHashJoin taken {counted} times");
}
