//! `(n:A|B)` is planned as a union of label scans, not a scan of every node (issue 17),
//! and reads only the nodes of those labels.

use steppe::{Database, Params};

#[test]
fn a_label_alternative_scans_each_label_not_every_node() {
    let mut db = Database::empty();
    let setup = "UNWIND range(1, 200) AS i CREATE (:Other {i: i}) WITH 1 AS one LIMIT 1
                 CREATE (:A {i: 1}), (:B {i: 2}), (:A:B {i: 3})";
    db.execute(setup, &Params::new()).unwrap();
    for query in ["MATCH (x:A|B) RETURN x.i", "MATCH (x IS A|B) RETURN x.i", "MATCH (x) WHERE x:A OR x:B RETURN x.i"] {
        let profile = db.execute(&format!("PROFILE {query}"), &Params::new()).unwrap();
        let plan = profile.plan.unwrap();
        assert!(plan.contains("UnionNodeByLabelsScan x:A|B"), "{query}:\n{plan}");
        assert!(!plan.contains("AllNodesScan"), "{query}:\n{plan}");
        assert_eq!(profile.rows.len(), 3, "{query}");
        // The scan hands out the three nodes once each (the one with both labels once).
        let scan = plan.lines().find(|l| l.contains("UnionNodeByLabelsScan")).unwrap();
        assert!(scan.contains(", rows: 3,"), "{scan}");
    }
}
