//! A stored-order fold whose records outgrow the cache folds its relationships part by
//! part (`exec/ops/fold_partitions.rs`): the answers are those of the row path (the same
//! aggregation with the `fold_groups` pass off), typed and without a schema, with
//! missing values, far nodes of another label and input nodes without relationships.

use steppe::planner::Passes;
use steppe::{Database, Params, Value};

/// 40,000 organisations (their records about 2 MB), 60,000 people (so the fold starts at
/// the organisations), 60,000 memberships
/// scattered over the organisations, some without a year; a few from a node of another
/// label.
fn graph(schema: bool) -> Database {
    let mut db = Database::empty();
    let params = Params::new();
    if schema {
        for statement in [
            "CREATE NODE TYPE P (id INTEGER KEY)",
            "CREATE NODE TYPE O (id INTEGER KEY)",
            "CREATE NODE TYPE X (id INTEGER KEY)",
            "CREATE RELATIONSHIP TYPE M (P -> O, X -> O, y INTEGER)",
        ] {
            db.execute(statement, &params).unwrap_or_else(|e| panic!("{statement}: {}", e.message));
        }
    }
    for statement in [
        "UNWIND range(0, 59999) AS i CREATE (:P {id: i})",
        "UNWIND range(0, 39999) AS i CREATE (:O {id: i})",
        "CREATE (:X {id: 0})",
        "MATCH (p:P) WITH collect(p) AS ps MATCH (o:O) WHERE o.id % 3 <> 2 \
         UNWIND [0, 1, 2] AS k WITH ps[(o.id * 7 + k * 7919) % 60000] AS p, o, k \
         CREATE (p)-[:M {y: CASE WHEN (o.id + k) % 13 = 0 THEN null ELSE 1900 + (o.id * 31 + k * 17) % 123 END}]->(o)",
        "MATCH (x:X), (o:O) WHERE o.id % 1000 = 1 CREATE (x)-[:M {y: 2500}]->(o)",
    ] {
        db.execute(statement, &params).unwrap_or_else(|e| panic!("{statement}: {}", e.message));
    }
    db
}

const QUERY: &str = "MATCH (o:O)<-[m:M]-(:P) RETURN o.id AS org, max(m.y) AS latest, min(m.y) AS first, \
                     count(m.y) AS years, count(*) AS n, stDev(m.y) AS sd, stDevP(m.y) AS sdp ORDER BY org";

/// Aggregates of expressions of the relationship, evaluated on each one folded: a
/// conditional count, and the verdict codes of a folded `all`/`any` (null for a missing
/// year), whose extremes are integers.
const EXPRESSIONS: &str = "MATCH (o:O)<-[m:M]-(:P) WITH o, collect(m.y) AS ys \
                           RETURN o.id AS org, size([y IN ys WHERE y >= 1950]) AS recent, \
                           all(y IN ys WHERE y > 1910) AS late, any(y IN ys WHERE y % 10 = 3) AS three ORDER BY org";

fn rows(db: &mut Database, passes: Passes) -> Vec<Vec<Value>> {
    query_rows(db, QUERY, passes)
}

fn query_rows(db: &mut Database, query: &str, passes: Passes) -> Vec<Vec<Value>> {
    db.set_planner_passes(passes);
    let result = db.execute(query, &Params::new()).unwrap_or_else(|e| panic!("{query}: {}", e.message));
    db.set_planner_passes(Passes::all());
    result.rows
}

#[test]
fn a_fold_in_parts_gives_the_row_paths_answers() {
    for schema in [true, false] {
        let mut db = graph(schema);
        let plan = db.execute(&format!("EXPLAIN {QUERY}"), &Params::new()).unwrap().plan.unwrap_or_default();
        assert!(plan.contains("in stored order"), "{plan}");
        let folded = rows(&mut db, Passes::all());
        let row_path = rows(&mut db, Passes::all().without("fold_groups").unwrap());
        // Two organisations in three have members; the third make no group.
        assert_eq!(folded.len(), 26_667, "schema: {schema}");
        assert_eq!(folded, row_path, "schema: {schema}");
    }
}

#[test]
fn a_fold_of_relationship_expressions_in_parts_gives_the_row_paths_answers() {
    for schema in [true, false] {
        let mut db = graph(schema);
        let plan = db.execute(&format!("EXPLAIN {EXPRESSIONS}"), &Params::new()).unwrap().plan.unwrap_or_default();
        assert!(plan.contains("in stored order"), "{plan}");
        let folded = query_rows(&mut db, EXPRESSIONS, Passes::all());
        let row_path = query_rows(&mut db, EXPRESSIONS, Passes::all().without("fold_groups").unwrap());
        let listed = query_rows(&mut db, EXPRESSIONS, Passes::all().without("fold_collected_lists").unwrap());
        assert_eq!(folded.len(), 26_667, "schema: {schema}");
        assert_eq!(folded, row_path, "schema: {schema}");
        assert_eq!(folded, listed, "schema: {schema}");
        // Every verdict occurs, so the comparison is not vacuous.
        for late in [Value::Bool(true), Value::Bool(false)] {
            assert!(folded.iter().any(|r| r[2] == late), "schema: {schema}: no {late:?}");
        }
    }
}

/// The relationship expressions computed a chunk at a time down the columns
/// (`exec/ops/stored_rel_blocks.rs`): over a column that also holds strings (left to the
/// interpreter relationship by relationship) and floats beside integers, the answers are
/// the row path's; an expression that fails (a division by zero) raises the row path's
/// error.
#[test]
fn relationship_expressions_by_chunks_give_the_row_paths_answers_and_errors() {
    let mut db = graph(false);
    let params = Params::new();
    for statement in [
        "MATCH ()-[m:M]->(o:O) WHERE o.id % 97 = 5 SET m.y = 'unknown'",
        "MATCH ()-[m:M]->(o:O) WHERE o.id % 89 = 7 SET m.y = 1955.5",
    ] {
        db.execute(statement, &params).unwrap_or_else(|e| panic!("{statement}: {}", e.message));
    }
    let query = "MATCH (o:O)<-[m:M]-(:P) RETURN o.id AS org, count(CASE WHEN m.y >= 1950 THEN 1 END) AS recent, \
                 count(CASE WHEN m.y < 1950 THEN 1 END) AS older, count(m.y) AS years, \
                 count(CASE WHEN m.y >= 1960 THEN m.y > 1990 END) AS late ORDER BY org";
    let plan = db.execute(&format!("EXPLAIN {query}"), &params).unwrap().plan.unwrap_or_default();
    assert!(plan.contains("in stored order"), "{plan}");
    let folded = query_rows(&mut db, query, Passes::all());
    let row_path = query_rows(&mut db, query, Passes::all().without("fold_groups").unwrap());
    assert_eq!(folded, row_path);
    // A string compared with a number is null, so a group holding one counts fewer recent
    // and older years than years: the interpreter's share is not vacuous.
    let int = |v: &Value| if let Value::Int(i) = v { *i } else { panic!("{v:?}") };
    assert!(folded.iter().any(|r| int(&r[1]) + int(&r[2]) < int(&r[3])), "no string met");

    // Without the strings, whose type error the stored order may meet before the row
    // path's first division by zero.
    let mut db = graph(false);
    let failing = "MATCH (o:O)<-[m:M]-(:P) RETURN o.id AS org, count(100 / (m.y - 1950)) AS n ORDER BY org";
    let plan = db.execute(&format!("EXPLAIN {failing}"), &params).unwrap().plan.unwrap_or_default();
    assert!(plan.contains("in stored order"), "{plan}");
    let errors: Vec<_> = [Passes::all(), Passes::all().without("fold_groups").unwrap()]
        .into_iter()
        .map(|passes| {
            db.set_planner_passes(passes);
            let res = db.execute(failing, &params).map(|r| r.rows).map_err(|e| (e.code, e.message));
            db.set_planner_passes(Passes::all());
            res
        })
        .collect();
    assert!(errors[0].is_err(), "{plan}: {:?}", errors[0]);
    assert_eq!(errors[0], errors[1], "{plan}");
}
