//! The side-effect counters of a statement, as Neo4j counts them.

use steppe::{Database, Params};

fn properties_set(db: &mut Database, text: &str) -> u64 {
    db.execute(text, &Params::new()).map(|r| r.stats.properties_set).unwrap()
}

/// Setting null where there is no value changes nothing and is not counted; removing a
/// value by setting null is. See: issue 17, the manual's LOAD CSV tutorial, where an
/// `ON CREATE SET p.born = toInteger('')` counted one property too many.
#[test]
fn setting_null_counts_only_when_a_value_goes() {
    let mut db = Database::empty();
    assert_eq!(properties_set(&mut db, "CREATE (:P {a: 1})-[:R {w: 1}]->(:Q)"), 2);
    assert_eq!(properties_set(&mut db, "MATCH (p:P) SET p.missing = null"), 0);
    assert_eq!(properties_set(&mut db, "MATCH ()-[r:R]->() SET r.missing = null"), 0);
    assert_eq!(properties_set(&mut db, "MATCH (p:P) SET p.a = null"), 1);
    assert_eq!(properties_set(&mut db, "MATCH ()-[r:R]->() SET r.w = null, r.v = 2"), 2);
    // Setting the value a property already has still counts, as in Neo4j.
    assert_eq!(properties_set(&mut db, "MATCH ()-[r:R]->() SET r.v = 2"), 1);
}
