//! Neo4j property constraints survive a save and open (the snapshot's trailer), and a
//! journal replay (their records), and still hold afterwards.

use steppe::store::durable::DurableOptions;
use steppe::store::snapshot;
use steppe::{Database, ErrorCode, Params};

const SETUP: &str = "
    CREATE (:Film {code: 'f1', year: 1999})-[:SHOWN {at: 'x'}]->(:Cinema {name: 'Arman'});
    CREATE CONSTRAINT film_code FOR (f:Film) REQUIRE f.code IS UNIQUE;
    CREATE CONSTRAINT FOR (f:Film) REQUIRE f.year IS :: INTEGER;
    CREATE CONSTRAINT cinema_key FOR (c:Cinema) REQUIRE (c.name) IS NODE KEY;
    CREATE CONSTRAINT shown_at FOR ()-[s:SHOWN]-() REQUIRE s.at IS NOT NULL;
    CREATE CONSTRAINT dropped FOR (f:Film) REQUIRE f.title IS UNIQUE;
    DROP CONSTRAINT dropped;
";

fn constraints(db: &mut Database) -> Vec<Vec<steppe::Value>> {
    let shown = db.execute("SHOW CONSTRAINTS YIELD *", &Params::new());
    shown.unwrap_or_else(|e| panic!("{}", e.message)).rows
}

/// Each statement breaks one of the constraints of `SETUP`.
fn assert_enforced(db: &mut Database) {
    let breaking = [
        "CREATE (:Film {code: 'f1'})",
        "CREATE (:Film {code: 'f2', year: '2001'})",
        "CREATE (:Cinema {city: 'Almaty'})",
        "MATCH (a:Film), (b:Cinema) CREATE (a)-[:SHOWN]->(b)",
    ];
    for query in breaking {
        let err = db.execute(query, &Params::new()).err().unwrap_or_else(|| panic!("{query} passed"));
        assert_eq!(err.code, ErrorCode::ConstraintValidationFailed, "{query}: {}", err.message);
    }
    // The dropped one is gone: two films may share a title.
    let twins = "CREATE (:Film {code: 'f3', title: 't'}), (:Film {code: 'f4', title: 't'})";
    db.execute(twins, &Params::new()).unwrap_or_else(|e| panic!("{}", e.message));
}

#[test]
fn constraints_survive_save_and_open() {
    let mut db = Database::empty();
    db.execute_script(SETUP, &Params::new()).unwrap_or_else(|e| panic!("{}", e.describe(SETUP)));
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("films.steppe");
    db.save(&path).unwrap_or_else(|e| panic!("{}", e.message));
    let mut loaded = Database::open(&path).unwrap_or_else(|e| panic!("{}", e.message));
    assert_eq!(constraints(&mut db).len(), 4);
    assert_eq!(constraints(&mut db), constraints(&mut loaded));
    assert_eq!(snapshot::to_bytes(db.graph()).ok(), snapshot::to_bytes(loaded.graph()).ok());
    assert_enforced(&mut loaded);
}

#[test]
fn constraints_survive_journal_replay() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("films.steppe");
    let options = DurableOptions { create: true, ..Default::default() };
    let expected = {
        let mut db = Database::open_with(&path, &options).unwrap_or_else(|e| panic!("{}", e.message));
        db.execute_script(SETUP, &Params::new()).unwrap_or_else(|e| panic!("{}", e.describe(SETUP)));
        // A failing CREATE CONSTRAINT leaves nothing in the journal.
        let failed = db.execute("CREATE CONSTRAINT FOR (f:Film) REQUIRE f.rating IS NOT NULL", &Params::new());
        assert_eq!(failed.err().map(|e| e.code), Some(ErrorCode::ConstraintCreationFailed));
        constraints(&mut db)
    };
    let mut reopened = Database::open_with(&path, &options).unwrap_or_else(|e| panic!("{}", e.message));
    assert_eq!(constraints(&mut reopened), expected);
    assert_enforced(&mut reopened);
    // After a checkpoint the snapshot holds them.
    reopened.checkpoint().unwrap_or_else(|e| panic!("{}", e.message));
    drop(reopened);
    let mut again = Database::open_with(&path, &options).unwrap_or_else(|e| panic!("{}", e.message));
    assert_eq!(constraints(&mut again), expected);
}

#[test]
fn a_graph_without_constraints_writes_the_same_snapshot() {
    let mut db = Database::empty();
    db.execute("CREATE (:A {x: 1})", &Params::new()).unwrap_or_else(|e| panic!("{}", e.message));
    let before = snapshot::to_bytes(db.graph()).ok();
    db.execute("CREATE CONSTRAINT c FOR (a:A) REQUIRE a.x IS UNIQUE", &Params::new())
        .unwrap_or_else(|e| panic!("{}", e.message));
    assert_ne!(snapshot::to_bytes(db.graph()).ok(), before);
    db.execute("DROP CONSTRAINT c", &Params::new()).unwrap_or_else(|e| panic!("{}", e.message));
    assert_eq!(snapshot::to_bytes(db.graph()).ok(), before);
}

#[test]
fn a_cypher_dump_carries_the_constraints_and_loads_back() {
    use steppe::export::{export, Dialect, ExportFormat, ExportOptions, GraphView};
    let mut db = Database::empty();
    db.execute_script(SETUP, &Params::new()).unwrap_or_else(|e| panic!("{}", e.describe(SETUP)));
    let mut out = Vec::new();
    export(ExportFormat::Cypher, &GraphView::whole(db.graph()), &ExportOptions::default(), &mut out)
        .unwrap_or_else(|e| panic!("{e}"));
    let dump = String::from_utf8(out).unwrap_or_default();
    let mut loaded = Database::empty();
    loaded.execute_script(&dump, &Params::new()).unwrap_or_else(|e| panic!("{}", e.describe(&dump)));
    assert_eq!(constraints(&mut loaded), constraints(&mut db));
    assert_enforced(&mut loaded);
    // Neo4j's dialect writes the same statements, which Neo4j 5 reads.
    let mut out = Vec::new();
    let options = ExportOptions { dialect: Dialect::Neo4j, ..ExportOptions::default() };
    export(ExportFormat::Cypher, &GraphView::whole(db.graph()), &options, &mut out).unwrap_or_else(|e| panic!("{e}"));
    let text = String::from_utf8(out).unwrap_or_default();
    assert!(text.contains("CREATE CONSTRAINT film_code FOR (n:Film) REQUIRE (n.code) IS UNIQUE;"), "{text}");
}

#[test]
fn an_import_that_breaks_a_constraint_is_undone() {
    use steppe::export::{export, ExportFormat, ExportOptions, GraphView};
    let mut source = Database::empty();
    source
        .execute("CREATE (:Film {code: 'f1'}), (:Film {code: 'f1'})", &Params::new())
        .unwrap_or_else(|e| panic!("{}", e.message));
    let mut json = Vec::new();
    export(ExportFormat::Json, &GraphView::whole(source.graph()), &ExportOptions::default(), &mut json)
        .unwrap_or_else(|e| panic!("{e}"));
    let mut db = Database::empty();
    db.execute_script(SETUP, &Params::new()).unwrap_or_else(|e| panic!("{}", e.describe(SETUP)));
    let before = snapshot::to_bytes(db.graph()).ok();
    let err = db.bulk_load(|g| steppe::import::import_json(g, json.as_slice(), "films.json")).err();
    assert_eq!(err.map(|e| e.code), Some(ErrorCode::ConstraintValidationFailed));
    assert_eq!(snapshot::to_bytes(db.graph()).ok(), before);
}
