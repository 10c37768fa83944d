//! SHOW commands desugar into a procedure call and the clauses after it; constraint
//! DDL parses into its parts.

use super::ast::*;
use super::parse_statement;

fn clauses(text: &str) -> Vec<Clause> {
    match parse_statement(text).map(|s| s.kind) {
        Ok(StatementKind::Query(q)) => q.first.clauses,
        other => panic!("{text}: {other:?}"),
    }
}

fn call(clause: &Clause) -> &Call {
    match clause {
        Clause::Call(c) => c,
        other => panic!("not a CALL: {other:?}"),
    }
}

fn yielded(call: &Call) -> Vec<&str> {
    call.yields.as_ref().map_or(Vec::new(), |y| y.items.iter().map(|(n, _)| n.name.as_str()).collect())
}

fn returned(clause: &Clause) -> Vec<&str> {
    match clause {
        Clause::Return(r) => r.projection.items.iter().map(|i| i.text.as_str()).collect(),
        other => panic!("not a RETURN: {other:?}"),
    }
}

#[test]
fn a_bare_show_yields_and_returns_the_default_columns() {
    let cs = clauses("SHOW CONSTRAINTS");
    assert_eq!(cs.len(), 2);
    let c = call(&cs[0]);
    assert_eq!(c.procedure.name, "db.constraints");
    assert_eq!(c.args.as_ref().map(Vec::len), Some(0));
    let defaults = ["id", "name", "type", "entityType", "labelsOrTypes", "properties", "ownedIndex", "propertyType"];
    assert_eq!(yielded(c), defaults);
    assert_eq!(returned(&cs[1]), defaults);
}

#[test]
fn a_bare_where_reads_every_column_and_returns_the_defaults() {
    let cs = clauses("SHOW FUNCTIONS WHERE isBuiltIn");
    let c = call(&cs[0]);
    let y = c.yields.as_ref().unwrap_or_else(|| panic!("no YIELD"));
    assert!(y.star && y.where_.is_some());
    assert_eq!(returned(&cs[1]), ["name", "category", "description"]);
}

#[test]
fn yield_with_order_skip_limit_where_becomes_a_with() {
    let cs = clauses("SHOW PROCEDURES YIELD name AS n, mode ORDER BY n DESC SKIP 1 LIMIT 2 WHERE mode = 'READ'");
    assert_eq!(cs.len(), 3);
    assert_eq!(yielded(call(&cs[0])), ["name", "mode"]);
    let Clause::With(w) = &cs[1] else { panic!("no WITH: {:?}", cs[1]) };
    assert!(w.projection.star && w.where_.is_some() && w.projection.skip.is_some() && w.projection.limit.is_some());
    assert!(w.projection.order_by[0].descending);
    // Without RETURN, the yielded names (aliases first) are the columns.
    assert_eq!(returned(&cs[2]), ["n", "mode"]);
}

#[test]
fn yield_star_returns_every_column_in_the_procedures_order_and_return_is_kept() {
    let cs = clauses("SHOW PROCEDURES YIELD *");
    assert_eq!(returned(&cs[1]).first(), Some(&"name"));
    assert_eq!(returned(&cs[1]).len(), super::show_columns::PROCEDURES.columns.len());
    let cs = clauses("SHOW INDEXES YIELD name RETURN count(*) AS n");
    assert_eq!(call(&cs[0]).procedure.name, "db.indexes");
    assert_eq!(returned(&cs[1]), ["count(*)"]);
}

#[test]
fn filter_words_become_the_procedures_argument() {
    let cs = clauses("SHOW NODE UNIQUE CONSTRAINTS");
    let args = call(&cs[0]).args.clone().unwrap_or_default();
    let ExprKind::List(types) = &args[0].kind else { panic!("{args:?}") };
    assert_eq!(types.len(), 1);
    assert!(matches!(&types[0].kind, ExprKind::Literal(Literal::String(s)) if s == "NODE_PROPERTY_UNIQUENESS"));
    let cs = clauses("SHOW KEY CONSTRAINTS");
    let args = call(&cs[0]).args.clone().unwrap_or_default();
    assert!(matches!(&args[0].kind, ExprKind::List(t) if t.len() == 2));
    let cs = clauses("show user defined functions");
    let args = call(&cs[0]).args.clone().unwrap_or_default();
    assert!(matches!(&args[0].kind, ExprKind::Literal(Literal::String(s)) if s == "user defined"));
}

fn constraint(text: &str) -> ConstraintDef {
    match parse_statement(text).map(|s| s.kind) {
        Ok(StatementKind::CreateConstraint(c)) => c,
        other => panic!("{text}: {other:?}"),
    }
}

#[test]
fn constraint_ddl_parses_into_its_parts() {
    let c = constraint("CREATE CONSTRAINT IF NOT EXISTS FOR ()-[r:KNOWS]-() REQUIRE (r.a, r.b) IS REL KEY");
    assert!(c.name.is_none() && c.if_not_exists && c.on_rels);
    assert_eq!(c.target.name, "KNOWS");
    assert_eq!(c.properties.iter().map(|(_, k)| k.name.as_str()).collect::<Vec<_>>(), ["a", "b"]);
    assert!(matches!(c.rule, ConstraintRule::Key(false, _)));
    let c = constraint("create constraint `my c` for (n:N) require n.p is :: list<integer not null> | zoned datetime");
    assert_eq!(c.name.map(|n| n.name), Some("my c".to_string()));
    let ConstraintRule::Typed(types) = c.rule else { panic!("not typed") };
    assert!(matches!(&types[0], TypeAst::List(item, _) if matches!(&**item, TypeAst::Named(n) if n.name == "INTEGER")));
    assert!(matches!(&types[1], TypeAst::Named(n) if n.name == "ZONED DATETIME"));
    let c = constraint("CREATE CONSTRAINT ON (n:N) ASSERT n.p IS UNIQUE");
    assert!(matches!(c.rule, ConstraintRule::Unique(None, _)));
    assert!(parse_statement("CREATE CONSTRAINT FOR (n:N) REQUIRE n.p IS SOMETHING").is_err());
    let Ok(StatementKind::DropConstraint(d)) = parse_statement("DROP CONSTRAINT c IF EXISTS").map(|s| s.kind) else {
        panic!("no DROP")
    };
    assert!(d.if_exists && d.name.name == "c");
}
