use super::term::{encode, literal, string, valid_base};
use super::*;
use crate::value::Value;

fn export(setup: &str, syntax: Syntax) -> String {
    let mut db = crate::Database::empty();
    for statement in setup.split(';').filter(|s| !s.trim().is_empty()) {
        let res = db.execute(statement, &crate::Params::new());
        assert!(res.is_ok(), "{statement}: {res:?}");
    }
    let mut out = Vec::new();
    assert!(write(&GraphView::whole(db.graph()), syntax, DEFAULT_BASE, &mut out).is_ok());
    String::from_utf8(out).unwrap_or_default()
}

#[test]
fn names_are_percent_encoded_and_strings_escaped() {
    assert_eq!(encode("Andrei Serdyukov"), "Andrei%20Serdyukov");
    assert_eq!(encode("Алма"), "%D0%90%D0%BB%D0%BC%D0%B0");
    assert_eq!(encode("a/b#c"), "a%2Fb%23c");
    assert_eq!(string("say \"hi\"\n\\ \u{1}"), r#""say \"hi\"\n\\ \u0001""#);
}

#[test]
fn a_base_must_be_absolute_and_end_in_a_separator() {
    assert!(valid_base("http://example.org/steppe/"));
    assert!(valid_base("urn:x-steppe:csto#"));
    assert!(!valid_base("http://example.org/steppe"));
    assert!(!valid_base("example/"));
    assert!(!valid_base("http://exa mple.org/"));
    assert!(!valid_base("http://example.org/<x>/"));
}

#[test]
fn values_get_their_xsd_datatypes() {
    let date = crate::value::temporal::parse_as(crate::value::temporal::TemporalKind::Date, "2022-01-06");
    let date = date.unwrap_or(Value::Null);
    assert_eq!(literal(&date).as_deref(), Some(r#""2022-01-06"^^xsd:date"#));
    assert_eq!(literal(&Value::Int(59)).as_deref(), Some("59"));
    assert_eq!(literal(&Value::Float(1.5)).as_deref(), Some(r#""1.5"^^xsd:double"#));
    assert_eq!(literal(&Value::Float(f64::INFINITY)).as_deref(), Some(r#""INF"^^xsd:double"#));
    assert_eq!(literal(&Value::Bool(true)).as_deref(), Some("true"));
    let list = Value::list(vec![Value::string("a"), Value::Null, Value::Int(2)]);
    assert_eq!(literal(&list).as_deref(), Some(r#"( "a" [] 2 )"#));
    assert_eq!(literal(&Value::Null), None);
}

#[test]
fn datetimes_get_seconds_and_lose_zone_names() {
    let kind = crate::value::temporal::TemporalKind::DateTime;
    let value = crate::value::temporal::parse_as(kind, "2022-01-06T10:00+06:00[Asia/Almaty]").unwrap_or(Value::Null);
    assert_eq!(literal(&value).as_deref(), Some(r#""2022-01-06T10:00:00+06:00"^^xsd:dateTime"#));
}

#[test]
fn turtle_reifies_relationships_and_sourced_properties() {
    let text = export(
        "CREATE (:Article {id: 'a1'});
         CREATE (:Person {name: 'Ann', age: 59, age__sources: ['a1'], age__quotes: ['Ann, 59']})
                -[:MEMBER_OF {since: 1992, sources: ['a1'], quotes: ['since 1992'], claimants: ['a1', 'Bob']}]->
                (:Organization {name: 'CSTO'})",
        Syntax::Turtle,
    );
    // An open graph has no keys, so nodes are named by id; the source is not a node either.
    let base = DEFAULT_BASE;
    assert!(text.contains("@prefix prov: <http://www.w3.org/ns/prov#> ."), "{text}");
    let person = text.split("\n\n").find(|block| block.contains("a label:Person")).unwrap_or_default();
    let iri = person.trim().lines().next().unwrap_or_default();
    assert!(iri.starts_with(&format!("<{base}id/")), "{text}");
    assert!(person.contains(&format!("key:age 59 ~ {}/age> {{|", iri.trim_end_matches('>'))), "{text}");
    assert!(text.contains(&format!("prov:wasDerivedFrom <{base}source/a1> ,")), "{text}");
    assert!(text.contains(r#"prov:value "Ann, 59""#), "{text}");
    assert!(!text.contains("age__sources"), "{text}");
    let rel = format!("{iri} type:MEMBER_OF <{base}id/");
    assert!(text.contains(&rel), "{text}");
    assert!(text.contains(&format!("> ~ <{base}relationship/")), "{text}");
    assert!(text.contains("key:since 1992"), "{text}");
    assert!(text.contains(r#"[ a prov:Agent ; rdfs:label "Bob" ]"#), "{text}");
}

#[test]
fn trig_puts_each_claim_in_a_named_graph_and_names_keyed_nodes_by_key() {
    let text = export(
        "CREATE NODE TYPE Article (id STRING KEY);
         CREATE NODE TYPE Country (name STRING KEY);
         CREATE RELATIONSHIP TYPE BORDERS (Country -> Country, sources LIST<STRING>, quotes LIST<STRING>);
         CREATE (:Article {id: 'a 1'});
         CREATE (:Country {name: 'Kazakhstan'})-[:BORDERS {sources: ['a 1'], quotes: ['q']}]->(:Country {name: 'Russia'})",
        Syntax::Trig,
    );
    let base = DEFAULT_BASE;
    let triple = format!("> {{ <{base}node/Country/Kazakhstan> type:BORDERS <{base}node/Country/Russia> . }}");
    assert!(text.contains(&triple), "{text}");
    assert!(text.contains(&format!("prov:wasDerivedFrom <{base}node/Article/a%201> ,")), "{text}");
    assert!(text.contains(&format!("prov:wasQuotedFrom <{base}node/Article/a%201> ]")), "{text}");
    assert!(!text.contains("{|"), "TriG has no annotation syntax: {text}");
}
