use super::ast::*;
use super::*;

fn parse_ok(text: &str) -> Statement {
    match parse_statement(text) {
        Ok(s) => s,
        Err(e) => panic!("{text}: {}", e.describe(text)),
    }
}

fn parse_err(text: &str) -> Error {
    match parse_statement(text) {
        Ok(s) => panic!("{text} parsed: {s:?}"),
        Err(e) => e,
    }
}

#[test]
fn splits_on_semicolons_outside_strings_and_comments() {
    let script = "CREATE (:A {x: 'a;b'});\n// c;\n:param x => 1\nMATCH (n) /* ; */ RETURN n;\nRETURN 1";
    let items = split_script(script);
    let texts: Vec<&str> = items
        .iter()
        .map(|i| match i {
            ScriptItem::Statement { text, .. } | ScriptItem::Meta { text, .. } => text.as_str(),
        })
        .collect();
    assert_eq!(texts, vec!["CREATE (:A {x: 'a;b'});", ":param x => 1", "MATCH (n) /* ; */ RETURN n;", "RETURN 1"]);
    assert!(matches!(&items[2], ScriptItem::Statement { offset, .. } if &script[*offset..*offset + 5] == "MATCH"));
    assert!(script::is_incomplete("MATCH (n)\nRETURN n"));
    assert!(!script::is_incomplete("MATCH (n) RETURN n; "));
}

#[test]
fn keywords_are_case_insensitive() {
    let statement = parse_ok("match (n:Country) where n.name = 'Russia' return n.name as name");
    let StatementKind::Query(query) = statement.kind else { panic!("not a query") };
    assert_eq!(query.first.clauses.len(), 2);
}

#[test]
fn projection_items_keep_their_text() {
    let statement = parse_ok("RETURN count(*), n.name, 1 + 2 AS three");
    let StatementKind::Query(query) = statement.kind else { panic!("not a query") };
    let Clause::Return(ret) = &query.first.clauses[0] else { panic!("not a return") };
    let texts: Vec<&str> = ret.projection.items.iter().map(|i| i.text.as_str()).collect();
    assert_eq!(texts, vec!["count(*)", "n.name", "1 + 2"]);
}

#[test]
fn precedence_follows_opencypher() {
    let statement = parse_ok("RETURN NOT 1 + 2 * 3 = 7 AND true");
    let StatementKind::Query(query) = statement.kind else { panic!() };
    let Clause::Return(ret) = &query.first.clauses[0] else { panic!() };
    // ((NOT ((1 + (2 * 3)) = 7)) AND true)
    let ExprKind::Binary(BinaryOp::And, lhs, _) = &ret.projection.items[0].expr.kind else { panic!("top is not AND") };
    let ExprKind::Unary(UnaryOp::Not, inner) = &lhs.kind else { panic!("lhs is not NOT") };
    assert!(matches!(inner.kind, ExprKind::Binary(BinaryOp::Eq, _, _)));
}

#[test]
fn smallest_integer_literal_parses() {
    let statement = parse_ok("RETURN -9223372036854775808");
    let StatementKind::Query(query) = statement.kind else { panic!() };
    let Clause::Return(ret) = &query.first.clauses[0] else { panic!() };
    assert_eq!(ret.projection.items[0].expr.kind, ExprKind::Literal(Literal::Int(i64::MIN)));
    assert_eq!(parse_err("RETURN 9223372036854775808").code, ErrorCode::IntegerOverflow);
}

#[test]
fn schema_ddl_parses() {
    let statement = parse_ok("CREATE NODE TYPE Country (name STRING KEY, aliases LIST<STRING> NOT NULL, founded INT)");
    let StatementKind::CreateNodeType(def) = statement.kind else { panic!() };
    assert_eq!(def.label.name, "Country");
    assert!(def.properties[0].is_key);
    assert!(def.properties[1].not_null);
    let statement =
        parse_ok("CREATE RELATIONSHIP TYPE MEMBER_OF (Country|Person -> Organization, Article -> ANY, since INT)");
    let StatementKind::CreateRelType(def) = statement.kind else { panic!() };
    assert_eq!(def.endpoints.len(), 2);
    assert_eq!(def.properties.len(), 1);
}

#[test]
fn patterns_parse_in_all_directions_with_ranges() {
    let statement = parse_ok("MATCH p = (a:A)-[r:X|Y*1..3]->(b)<-[:Z]-(c)-[*]-(d), (e) RETURN p");
    let StatementKind::Query(query) = statement.kind else { panic!() };
    let Clause::Match(m) = &query.first.clauses[0] else { panic!() };
    let element = &m.pattern.parts[0].element;
    assert_eq!(element.chain.len(), 3);
    assert_eq!(element.chain[0].0.direction, RelDirection::Right);
    assert_eq!(element.chain[0].0.types.len(), 2);
    assert_eq!(element.chain[0].0.range.map(|r| (r.min, r.max)), Some((Some(1), Some(3))));
    assert_eq!(element.chain[1].0.direction, RelDirection::Left);
    assert_eq!(element.chain[2].0.range.map(|r| (r.min, r.max)), Some((None, None)));
}

#[test]
fn syntax_errors_point_at_the_column() {
    let text = "MATCH (n RETURN n";
    let err = parse_err(text);
    assert_eq!(err.code.kind(), crate::ErrorKind::SyntaxError);
    assert_eq!(err.position(text).map(|p| (p.line, p.column)), Some((1, 10)));
}

#[test]
fn deep_nesting_is_refused_not_overflowed() {
    let text = format!("RETURN {}1{}", "(".repeat(10_000), ")".repeat(10_000));
    assert_eq!(parse_err(&text).code, ErrorCode::NestingTooDeep);
}

#[test]
fn string_escapes_resolve() {
    let statement = parse_ok(r#"RETURN 'it\'s', "a\"b", '\u00e9\n'"#);
    let StatementKind::Query(query) = statement.kind else { panic!() };
    let Clause::Return(ret) = &query.first.clauses[0] else { panic!() };
    let strings: Vec<&ExprKind> = ret.projection.items.iter().map(|i| &i.expr.kind).collect();
    assert_eq!(strings[0], &ExprKind::Literal(Literal::String("it's".into())));
    assert_eq!(strings[1], &ExprKind::Literal(Literal::String("a\"b".into())));
    assert_eq!(strings[2], &ExprKind::Literal(Literal::String("é\n".into())));
}

#[test]
fn long_operator_chains_are_refused_not_overflowed() {
    let text = format!("RETURN 1{}", " + 1".repeat(5_000));
    assert_eq!(parse_err(&text).code, ErrorCode::NestingTooDeep);
    let text = format!("RETURN {}true", "NOT ".repeat(5_000));
    assert_eq!(parse_err(&text).code, ErrorCode::NestingTooDeep);
}
