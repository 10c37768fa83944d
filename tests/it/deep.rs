//! Deep nesting of every kind at once: generated mixes of CASE, list comprehensions,
//! `EXISTS { }` subqueries, maps, lists, function calls, `reduce` and brackets, some far
//! past the limits. Each must give an answer or a clean error (`NestingTooDeep` or
//! another), never a stack overflow: in the library on a test thread (2 MiB of stack),
//! and through the real binary, whose exit code must be 0 or 1 (an abort is 134).

use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use steppe::{Database, Params};

use super::common::steppe_with_stdin;

/// One level of nesting around `inner`.
fn wrap(kind: u8, inner: &str) -> String {
    match kind % 10 {
        0 => format!("CASE WHEN true THEN {inner} ELSE 0 END"),
        1 => format!("CASE {inner} WHEN 1 THEN 2 ELSE 3 END"),
        2 => format!("[x IN [1] | {inner}]"),
        3 => format!("CASE WHEN EXISTS {{ MATCH (n) WHERE n.v = {inner} }} THEN 1 ELSE 2 END"),
        4 => format!("{{k: {inner}}}"),
        5 => format!("({inner})"),
        6 => format!("[{inner}, 1]"),
        7 => format!("coalesce({inner}, 1)"),
        8 => format!("reduce(s = 0, y IN [1] | {inner})"),
        _ => format!("NOT ({inner} IS NULL)"),
    }
}

fn nest(kinds: &[u8]) -> String {
    kinds.iter().rev().fold("1".to_string(), |inner, &k| wrap(k, &inner))
}

fn statement(kinds: &[u8]) -> String {
    format!("RETURN {} AS v", nest(kinds))
}

/// Mixes of every depth up to well past the nesting limit (256).
fn depths() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        prop::collection::vec(any::<u8>(), 0..40),
        prop::collection::vec(any::<u8>(), 200..320),
        prop::collection::vec(any::<u8>(), 1000..3000),
    ]
}

#[test]
fn deep_mixes_give_an_answer_or_a_clean_error_in_the_library() {
    let mut runner = TestRunner::new(Config { cases: 24, failure_persistence: None, ..Config::default() });
    runner
        .run(&depths(), |kinds| {
            let mut db = Database::empty();
            // A result or an error; a stack overflow would abort the whole test binary.
            let _ = db.execute(&statement(&kinds), &Params::new());
            let _ = db.check(&statement(&kinds), &Params::new());
            Ok(())
        })
        .unwrap();
}

#[test]
fn each_kind_alone_nested_3000_deep_is_refused_cleanly() {
    for kind in 0..10u8 {
        let text = statement(&vec![kind; 3000]);
        let err = Database::empty().execute(&text, &Params::new()).err();
        let code = err.map(|e| e.code);
        assert_eq!(code, Some(steppe::ErrorCode::NestingTooDeep), "kind {kind}");
    }
    // Within the limits, an answer.
    let text = statement(&[0, 2, 4, 5, 6, 7, 8, 9, 1].repeat(20));
    Database::empty().execute(&text, &Params::new()).unwrap_or_else(|e| panic!("{}", e.message));
}

#[test]
fn deep_mixes_never_abort_the_binary() {
    let mut runner = TestRunner::new(Config { cases: 6, failure_persistence: None, ..Config::default() });
    runner
        .run(&depths(), |kinds| {
            let text = format!("{};\n", statement(&kinds));
            let out = steppe_with_stdin(&["run", "--empty", "-"], Some(text.as_bytes()));
            prop_assert!(matches!(out.status.code(), Some(0 | 1)), "exit {:?} for depth {}", out.status, kinds.len());
            Ok(())
        })
        .unwrap();
    // The probe of issue 18: 3,000 nested CASE expressions.
    let case = format!("RETURN {}1{};\n", "CASE WHEN true THEN ".repeat(3000), " END".repeat(3000));
    let out = steppe_with_stdin(&["run", "--empty", "-"], Some(case.as_bytes()));
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("NestingTooDeep"));
}

/// `reduce` is the one way to nest a value deeper step by step: it is bounded too.
#[test]
fn reduce_cannot_nest_a_value_without_bound() {
    let mut db = Database::empty();
    let err = db.execute("RETURN size(reduce(l = [], i IN range(1, 100000) | [l])) AS n", &Params::new()).unwrap_err();
    assert_eq!(err.code, steppe::ErrorCode::LimitExceeded, "{}", err.message);
    let ok = db.execute("RETURN reduce(l = [], i IN range(1, 900) | [l]) AS l", &Params::new()).unwrap();
    assert_eq!(ok.rows.len(), 1);
    let err = db.execute("RETURN size(reduce(m = {}, i IN range(1, 5000) | {m: m})) AS n", &Params::new()).unwrap_err();
    assert_eq!(err.code, steppe::ErrorCode::LimitExceeded);
    // Wide and shared is not deep: a list holding itself twice per step, 30 steps.
    let ok = db.execute("RETURN size(reduce(l = [], i IN range(1, 30) | [l, l])) AS n", &Params::new()).unwrap();
    assert_eq!(ok.rows, vec![vec![steppe::Value::Int(2)]]);
}
