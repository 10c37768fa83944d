//! Hostile input gets an error or a result, never a stack overflow or a panic.

use steppe::{Database, ErrorCode, Params};

fn run(text: &str) -> Result<usize, ErrorCode> {
    Database::empty().execute(text, &Params::new()).map(|r| r.rows.len()).map_err(|e| e.code)
}

#[test]
fn deep_brackets_are_refused() {
    let text = format!("RETURN {}1{}", "(".repeat(10_000), ")".repeat(10_000));
    assert_eq!(run(&text), Err(ErrorCode::NestingTooDeep));
    let text = format!("RETURN {}1{}", "[".repeat(10_000), "]".repeat(10_000));
    assert_eq!(run(&text), Err(ErrorCode::NestingTooDeep));
}

#[test]
fn long_patterns_and_many_clauses_are_refused() {
    let chain = format!("MATCH (a){} RETURN a", "-->()".repeat(3_000));
    assert_eq!(run(&chain), Err(ErrorCode::NestingTooDeep));
    let clauses = format!("MATCH (a) {} RETURN a", "WITH a ".repeat(6_000));
    assert_eq!(run(&clauses), Err(ErrorCode::NestingTooDeep));
    let ops = format!("RETURN 1{}", " + 1".repeat(10_000));
    assert_eq!(run(&ops), Err(ErrorCode::NestingTooDeep));
}

#[test]
fn big_literals_work() {
    let string = format!("RETURN size('{}') AS n", "x".repeat(1 << 20));
    assert_eq!(run(&string), Ok(1));
    let items: Vec<String> = (0..100_000).map(|i| i.to_string()).collect();
    let list = format!("RETURN size([{}]) AS n", items.join(","));
    assert_eq!(run(&list), Ok(1));
}

#[test]
fn garbage_is_a_syntax_error() {
    for text in ["", ";", "MATCH", "RETURN 'unterminated", "/* open comment", "RETURN 1 +", "\u{0}\u{1}", "RETURN ```"]
    {
        let result = run(text);
        assert!(matches!(result, Err(c) if c.kind() == steppe::ErrorKind::SyntaxError), "{text:?}: {result:?}");
    }
}

/// Many clauses make a deep plan; it runs on a large stack instead of overflowing.
/// See: the TCK's "Many CREATE clauses" (Create4), which aborted the process before.
#[test]
fn many_clauses_run_without_overflowing_the_stack() {
    let text: String = (0..500).map(|i| format!("CREATE (:N {{i: {i}}})\n")).collect();
    let mut db = Database::empty();
    let created = db.execute(&text, &Params::new()).map(|r| r.stats.nodes_created);
    assert_eq!(created, Ok(500));
    let count = db.execute("MATCH (n:N) RETURN count(n) AS n", &Params::new()).map(|r| r.rows);
    assert_eq!(count, Ok(vec![vec![steppe::Value::Int(500)]]));
}

/// A list of a million elements, as issue 7 names it: a result, not the parser's step
/// limit (which grows with the text) nor an abort.
#[test]
#[ignore = "about 30 s in a debug build; run with `cargo test --release -- --ignored`"]
fn a_million_element_list_is_a_result() {
    let items = vec!["7"; 1_000_000].join(",");
    let list = format!("RETURN size([{items}]) AS n");
    let rows = Database::empty().execute(&list, &Params::new()).map(|r| r.rows);
    assert_eq!(rows, Ok(vec![vec![steppe::Value::Int(1_000_000)]]));
}

/// A 1 MB string stored as a property, in multi-byte characters.
#[test]
fn a_megabyte_property_is_stored() {
    let mut db = Database::empty();
    let string = format!("CREATE (n:Big {{text: '{}'}}) RETURN size(n.text) AS n", "é".repeat(1 << 19));
    let rows = db.execute(&string, &Params::new()).map(|r| r.rows);
    assert_eq!(rows, Ok(vec![vec![steppe::Value::Int(1 << 19)]]));
}

/// The nesting limit can be lowered per database, with the same error.
#[test]
fn limits_are_configurable() {
    let mut db = Database::empty();
    db.set_limits(steppe::Limits { max_nesting: 3, max_rows: Some(2), max_path_length: Some(1), ..db.limits() });
    assert_eq!(db.execute("RETURN ((((1))))", &Params::new()).err().map(|e| e.code), Some(ErrorCode::NestingTooDeep));
    assert!(db.execute("RETURN ((1))", &Params::new()).is_ok());
    let rows = db.execute("UNWIND [1, 2, 3] AS x RETURN x", &Params::new()).err();
    assert_eq!(
        rows.as_ref().map(|e| (e.kind(), e.code)),
        Some((steppe::ErrorKind::ArgumentError, ErrorCode::LimitExceeded))
    );
    assert!(rows.is_some_and(|e| e.hint.unwrap_or_default().contains("--max-rows")));
    assert!(db.execute("UNWIND [1, 2] AS x RETURN x", &Params::new()).is_ok());
    assert!(db.execute("CREATE (:A)-[:R]->(:A)-[:R]->(:A)", &Params::new()).is_ok());
    let long = db.execute("MATCH (a)-[*]->(b) RETURN count(*)", &Params::new()).err().map(|e| e.code);
    assert_eq!(long, Some(ErrorCode::LimitExceeded));
    let bounded = db.execute("MATCH (a)-[*..1]->(b) RETURN count(*) AS n", &Params::new()).map(|r| r.rows);
    assert_eq!(bounded, Ok(vec![vec![steppe::Value::Int(2)]]));
}
