use std::cmp::Ordering;

use super::*;

#[test]
fn null_makes_equality_unknown() {
    assert_eq!(Value::Null.cypher_eq(&Value::Int(1)), None);
    assert_eq!(Value::Int(1).cypher_eq(&Value::Float(1.0)), Some(true));
    assert_eq!(Value::string("a").cypher_eq(&Value::Int(1)), Some(false));
    let with_null = Value::list(vec![Value::Int(1), Value::Null]);
    assert_eq!(with_null.cypher_eq(&Value::list(vec![Value::Int(1), Value::Int(2)])), None);
    assert_eq!(with_null.cypher_eq(&Value::list(vec![Value::Int(2), Value::Null])), Some(false));
}

#[test]
fn order_puts_types_in_the_opencypher_sequence() {
    let ascending = [
        Value::map(BTreeMap::new()),
        Value::list(vec![]),
        Value::Date(Date::EPOCH),
        Value::string("a"),
        Value::Bool(false),
        Value::Int(-5),
        Value::Float(2.5),
        Value::Float(f64::NAN),
        Value::Null,
    ];
    for pair in ascending.windows(2) {
        assert_eq!(pair[0].order(&pair[1]), Ordering::Less, "{} < {}", pair[0], pair[1]);
    }
}

#[test]
fn equivalent_numbers_hash_alike() {
    use std::collections::HashSet;
    let set: HashSet<Value> = [Value::Int(1), Value::Float(1.0), Value::Null, Value::Null].into_iter().collect();
    assert_eq!(set.len(), 2);
}

#[test]
fn floats_always_print_as_floats() {
    assert_eq!(format_float(1.0), "1.0");
    assert_eq!(format_float(0.1), "0.1");
    assert_eq!(format_float(1e300), "1e300");
    assert_eq!(format_float(f64::NAN), "NaN");
}
