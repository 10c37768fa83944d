//! Access paths (issue 15): the `:ID` column of a schemaless import is a key with an
//! index that survives the db file and journal replay, and range indexes give the
//! answers the same queries give without them, over many random queries.

use std::cmp::Ordering;
use std::path::Path;

use steppe::import::{import_csv, CsvOptions, CsvSource, IdType, NoProgress};
use steppe::{Database, ErrorCode, Params, Value};

fn run(db: &mut Database, query: &str) -> Result<Vec<Vec<Value>>, ErrorCode> {
    db.execute(query, &Params::new()).map(|r| r.rows).map_err(|e| e.code)
}

fn plan(db: &mut Database, query: &str) -> String {
    db.execute(&format!("EXPLAIN {query}"), &Params::new()).map(|r| r.plan.unwrap_or_default()).unwrap_or_default()
}

fn sorted(mut rows: Vec<Vec<Value>>) -> Vec<Vec<Value>> {
    rows.sort_by(|a, b| a.iter().zip(b).map(|(x, y)| x.order(y)).find(|o| o.is_ne()).unwrap_or(Ordering::Equal));
    rows
}

fn write(dir: &Path, name: &str, text: &str) -> CsvSource {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    CsvSource { path, prefix: Vec::new() }
}

/// Imports people and organizations with integer ids and no schema, into a db file.
fn imported(dir: &Path) -> std::path::PathBuf {
    let nodes =
        write(dir, "nodes.csv", "id:ID,name,:LABEL\n1,ann,Person\n2,bob,Person\n3,Acme,Org\n4,cy,Person;Admin\n");
    let rels =
        write(dir, "rels.csv", ":START_ID,:END_ID,:TYPE,weight:float\n1,2,KNOWS,0.5\n1,3,WORKS_AT,1.5\n4,1,KNOWS,2\n");
    let path = dir.join("g.db");
    // As `steppe import` makes a new file: into memory, then saved.
    let mut db = Database::empty();
    let options = CsvOptions { id_type: IdType::Integer, ..CsvOptions::default() };
    db.bulk_load(|graph| import_csv(graph, &[nodes], &[rels], &options, &mut NoProgress)).unwrap();
    db.save(&path).unwrap();
    path
}

#[test]
fn an_imported_id_is_a_key_with_an_index_kept_in_the_db_file_and_the_journal() {
    let dir = tempfile::tempdir().unwrap();
    let path = imported(dir.path());
    let lookup = "MATCH (p:Person {id: 4})-[:KNOWS]->(q) RETURN q.name";
    {
        let mut db = Database::open(&path).unwrap();
        assert!(plan(&mut db, lookup).contains("NodeByKeyLookup"), "{}", plan(&mut db, lookup));
        assert!(plan(&mut db, "MATCH (p:Admin) WHERE p.id = 4 RETURN p").contains("NodeByKeyLookup"));
        assert_eq!(run(&mut db, lookup), Ok(vec![vec![Value::string("ann")]]));
        // A second node with a taken id is refused, as under Neo4j's uniqueness constraint.
        assert_eq!(run(&mut db, "CREATE (:Person {id: 2})"), Err(ErrorCode::DuplicateKey));
        assert_eq!(run(&mut db, "MATCH (p:Person {id: 1}) SET p.id = 2"), Err(ErrorCode::DuplicateKey));
        // Another label may hold the same value; a new id is found by the index at once.
        run(&mut db, "CREATE (:Org {id: 1, name: 'Other'}), (:Person {id: 10, name: 'dee'})").unwrap();
        run(&mut db, "MATCH (p:Person {id: 2}) SET p.id = 20").unwrap();
        run(&mut db, "CREATE INDEX person_name FOR (p:Person) ON (p.name)").unwrap();
        let names = run(&mut db, "CALL db.indexes() YIELD name, type RETURN count(*)").unwrap();
        assert_eq!(names, vec![vec![Value::Int(6)]]);
    }
    // Reopened: the snapshot, then the journal's statements replayed.
    let mut db = Database::open(&path).unwrap();
    assert!(plan(&mut db, "MATCH (p:Person {id: 10}) RETURN p.name").contains("NodeByKeyLookup"));
    assert_eq!(run(&mut db, "MATCH (p:Person {id: 10}) RETURN p.name"), Ok(vec![vec![Value::string("dee")]]));
    assert_eq!(run(&mut db, "MATCH (p:Person {id: 20}) RETURN p.name"), Ok(vec![vec![Value::string("bob")]]));
    assert_eq!(run(&mut db, "MATCH (p:Person {id: 2}) RETURN p.name"), Ok(vec![]));
    assert_eq!(run(&mut db, "CREATE (:Person {id: 20})"), Err(ErrorCode::DuplicateKey));
    assert!(plan(&mut db, "MATCH (p:Person {name: 'dee'}) RETURN p").contains("NodeIndexSeek"));
    // A checkpoint writes the indexes into the snapshot itself.
    db.checkpoint().unwrap();
    drop(db);
    let mut db = Database::open(&path).unwrap();
    assert!(plan(&mut db, "MATCH (p:Person {name: 'dee'}) RETURN p").contains("NodeIndexSeek"));
    assert_eq!(run(&mut db, "MATCH (p:Person {name: 'dee'}) RETURN p.id"), Ok(vec![vec![Value::Int(10)]]));
    assert_eq!(run(&mut db, "CREATE (:Person {id: 10})"), Err(ErrorCode::DuplicateKey));
    // Dropping the key's index leaves the ids ordinary properties.
    let key = run(&mut db, "CALL db.indexes() YIELD name, labelsOrTypes, owningConstraint WHERE owningConstraint IS NOT NULL AND labelsOrTypes = ['Person'] RETURN name").unwrap();
    let Value::String(name) = &key[0][0] else { panic!("{key:?}") };
    run(&mut db, &format!("DROP INDEX {name}")).unwrap();
    run(&mut db, "CREATE (:Person {id: 10})").unwrap();
    assert_eq!(run(&mut db, "MATCH (p:Person {id: 10}) RETURN count(*)"), Ok(vec![vec![Value::Int(2)]]));
}

#[test]
fn a_label_whose_ids_clash_across_id_spaces_is_not_a_key() {
    let dir = tempfile::tempdir().unwrap();
    let people = write(dir.path(), "people.csv", "id:ID(P),:LABEL\n1,Agent\n2,Agent\n");
    let orgs = write(dir.path(), "orgs.csv", "id:ID(O),:LABEL\n1,Agent\n7,Agent\n");
    let mut db = Database::empty();
    let options = CsvOptions { id_type: IdType::Integer, ..CsvOptions::default() };
    db.bulk_load(|graph| import_csv(graph, &[people, orgs], &[], &options, &mut NoProgress)).unwrap();
    assert!(!plan(&mut db, "MATCH (a:Agent {id: 1}) RETURN a").contains("NodeByKeyLookup"));
    assert_eq!(run(&mut db, "MATCH (a:Agent {id: 1}) RETURN count(*)"), Ok(vec![vec![Value::Int(2)]]));
}

/// A deterministic pseudo-random sequence (splitmix64).
struct Seq(u64);

impl Seq {
    fn next(&mut self, below: u64) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        (z ^ (z >> 31)) % below
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.next(items.len() as u64) as usize]
    }
}

/// People with a few odd values (floats, strings, missing), and who knows whom.
fn small_graph() -> Vec<String> {
    let mut seq = Seq(7);
    let mut people = Vec::new();
    for id in 1..=80 {
        let age = match seq.next(10) {
            0 => "null".to_string(),
            1 => format!("{}.5", seq.next(20)),
            2 => "'old'".to_string(),
            _ => seq.next(20).to_string(),
        };
        let name =
            if seq.next(8) == 0 { "null".to_string() } else { format!("'{}{}'", ["al", "bo", "cy"][id % 3], id) };
        people.push(format!("{{id: {id}, age: {age}, name: {name}, score: {}}}", seq.next(1000) as f64 / 100.0));
    }
    let mut knows = Vec::new();
    for _ in 0..200 {
        knows.push(format!("[{}, {}, {}]", 1 + seq.next(80), 1 + seq.next(80), 2000 + seq.next(25)));
    }
    vec![
        format!("UNWIND [{}] AS p CREATE (:Person {{id: p.id, age: p.age, name: p.name, score: p.score}})", people.join(", ")),
        format!(
            "UNWIND [{}] AS e MATCH (a:Person {{id: e[0]}}), (b:Person {{id: e[1]}}) CREATE (a)-[:KNOWS {{since: e[2]}}]->(b)",
            knows.join(", ")
        ),
    ]
}

/// A random condition on `v`'s properties that a range index can serve.
fn condition(seq: &mut Seq, v: &str) -> String {
    let numbers = ["3", "7", "7.0", "10.5", "-1", "19", "null", "0.0 / 0.0", "'old'", "[1]"];
    let texts = ["'al'", "'bo1'", "'cy50'", "''", "'z'", "null", "3"];
    let years = ["2003", "2010.0", "2024", "1999", "null", "'x'"];
    let (key, values): (&str, &[&str]) = match (v, seq.next(3)) {
        ("k", _) => ("since", &years),
        (_, 0) => ("age", &numbers),
        (_, 1) => ("score", &numbers),
        _ => ("name", &texts),
    };
    let (a, b) = (seq.pick(values), seq.pick(values));
    match seq.next(9) {
        0 => format!("{v}.{key} = {a}"),
        1 => format!("{a} = {v}.{key}"),
        2 => format!("{v}.{key} IN [{a}, {b}]"),
        3 => format!("{v}.{key} < {a}"),
        4 => format!("{v}.{key} >= {a}"),
        5 => format!("{a} > {v}.{key}"),
        6 => format!("{v}.{key} > {a} AND {v}.{key} <= {b}"),
        7 => format!("{v}.{key} STARTS WITH {}", seq.pick(&texts)),
        _ => format!("{v}.{key} <= {a} AND {b} < {v}.{key}"),
    }
}

fn random_query(seq: &mut Seq) -> String {
    match seq.next(6) {
        5 => format!("MATCH (p:Person)-[k:KNOWS]->(q) WHERE {} RETURN p.id, q.id, k.since", condition(seq, "k")),
        0 => format!("MATCH (p:Person) WHERE {} RETURN p.id", condition(seq, "p")),
        1 => format!("MATCH (p:Person)-[:KNOWS]->(q:Person) WHERE {} RETURN p.id, q.id", condition(seq, "q")),
        2 => format!(
            "MATCH (p:Person)-[:KNOWS]->(q:Person) WHERE {} AND {} RETURN p.id, q.id",
            condition(seq, "p"),
            condition(seq, "q")
        ),
        3 => format!("MATCH (p:Person {{age: {}}}) RETURN p.id", seq.pick(&["3", "7.0", "null", "'old'", "10.5"])),
        _ => "UNWIND [2, 9.5, null, 'bo'] AS x MATCH (p:Person) WHERE p.age > x OR p.name >= x RETURN x, p.id"
            .to_string(),
    }
}

#[test]
fn range_indexes_give_the_answers_of_the_plans_without_them() {
    let mut plain = Database::empty();
    let mut indexed = Database::empty();
    for statement in small_graph() {
        plain.execute(&statement, &Params::new()).unwrap();
        indexed.execute(&statement, &Params::new()).unwrap();
    }
    for ddl in [
        "CREATE INDEX FOR (p:Person) ON (p.age)",
        "CREATE INDEX FOR (p:Person) ON (p.score)",
        "CREATE INDEX FOR (p:Person) ON (p.name)",
        "CREATE INDEX FOR (p:Person) ON (p.age, p.name)",
        "CREATE INDEX FOR ()-[k:KNOWS]-() ON (k.since)",
    ] {
        indexed.execute(ddl, &Params::new()).unwrap();
    }
    let mut seq = Seq(2026);
    let mut seeks = 0;
    for _ in 0..400 {
        let query = random_query(&mut seq);
        if plan(&mut indexed, &query).contains("IndexSeek") {
            seeks += 1;
        }
        let (a, b) = (run(&mut plain, &query).map(sorted), run(&mut indexed, &query).map(sorted));
        assert_eq!(a, b, "{query}");
        // Writes keep the indexes in step: move a value now and then, on both graphs.
        if seq.next(10) == 0 {
            let write = format!("MATCH (p:Person {{id: {}}}) SET p.age = {}", 1 + seq.next(80), seq.next(20));
            plain.execute(&write, &Params::new()).unwrap();
            indexed.execute(&write, &Params::new()).unwrap();
        }
    }
    assert!(seeks > 250, "only {seeks} of 400 queries used an index seek");
}
