//! The rows of a `NodeHashJoin` (exec/ops/hash_join.rs): every build row of a key, on one
//! key and on two, with several build rows per key, the same rows as expanding gives.

use steppe::planner::Options;
use steppe::{Database, Params, Value};

fn graph() -> Database {
    let mut db = Database::empty();
    let setup = "UNWIND range(0, 5) AS i CREATE (:P {id: i});
                 MATCH (a:P), (b:P) WHERE (b.id - a.id + 6) % 6 IN [1, 2] CREATE (a)-[:X]->(b);
                 MATCH (a:P), (b:P) WHERE (b.id - a.id + 6) % 6 = 1 CREATE (a)-[:Y {w: a.id * 10}]->(b), (a)-[:Y {w: a.id * 10 + 1}]->(b);
                 MATCH (a:P {id: 2}), (b:P {id: 4}) CREATE (a)-[:Y {w: 99}]->(b)";
    db.execute_script(setup, &Params::new()).unwrap_or_else(|e| panic!("{}", e.message));
    db
}

fn sorted_rows(db: &mut Database, text: &str, options: Options) -> Vec<Vec<Value>> {
    db.set_planner_options(options);
    let mut rows = db.execute(text, &Params::new()).unwrap_or_else(|e| panic!("{}", e.message)).rows;
    rows.sort_by(|a, b| format!("{a:?}").cmp(&format!("{b:?}")));
    rows
}

fn plan(db: &mut Database, text: &str, options: Options) -> String {
    db.set_planner_options(options);
    let result = db.execute(&format!("EXPLAIN {text}"), &Params::new()).unwrap_or_else(|e| panic!("{}", e.message));
    result.plan.unwrap_or_default()
}

#[test]
fn a_join_on_two_nodes_gives_every_build_row_of_each_pair() {
    let mut db = graph();
    let text = "MATCH (a:P)-[:X]->(b:P) MATCH (a)-[r:Y]->(b) RETURN a.id AS a, b.id AS b, r.w AS w";
    let shown = plan(&mut db, text, Options::PreferJoins);
    assert!(shown.contains("NodeHashJoin [a, b]"), "{shown}");
    let joined = sorted_rows(&mut db, text, Options::PreferJoins);
    assert_eq!(joined, sorted_rows(&mut db, text, Options::FirstNode));
    // Two Y per neighbour pair one apart (6 pairs), and the one from 2 to 4.
    assert_eq!(joined.len(), 13);
}

#[test]
fn a_join_on_one_node_gives_every_build_row_of_the_node() {
    let mut db = graph();
    let text = "MATCH (a:P {id: 1})-[:X]->(m)<-[r:Y]-(b:P) RETURN m.id AS m, b.id AS b, r.w AS w";
    let joined = sorted_rows(&mut db, text, Options::PreferJoins);
    let shown = plan(&mut db, text, Options::PreferJoins);
    assert!(shown.contains("NodeHashJoin [m]"), "{shown}");
    assert_eq!(joined, sorted_rows(&mut db, text, Options::FirstNode));
    // 1 knows 2 and 3; two Y reach 2 (from 1) and two reach 3 (from 2).
    assert_eq!(joined.len(), 4);
}

#[test]
fn a_join_in_a_cycle_keeps_the_node_the_cycle_closes_on() {
    let mut db = graph();
    let text = "MATCH (a:P {id: 1})-[:X]->(b)-[:Y]->(c)-[:X]->(d)-[:X]->(a) RETURN b.id AS b, c.id AS c, d.id AS d";
    let shown = plan(&mut db, text, Options::PreferJoins);
    // The build side binds `a` again (its last relationship closes the cycle): the join
    // is on `a` as well as on `c`.
    assert!(shown.contains("NodeHashJoin [c, a]"), "{shown}");
    let joined = sorted_rows(&mut db, text, Options::PreferJoins);
    assert_eq!(joined, sorted_rows(&mut db, text, Options::FirstNode));
    assert!(!joined.is_empty());
}
