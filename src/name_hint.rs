//! A hint for a name that matches nothing: `MATCH (p {name: 'Tokayev'})` in a typed graph
//! finds no node called exactly that, so the result says which entities come closest
//! (`Kassym-Jomart Tokayev`), as a notification beside the (empty) result, not an error.
//!
//! Only literal names are looked at: `{name: '…'}` in a MATCH pattern and
//! `x.name = '…'` in its WHERE.

use crate::exec::lookup;
use crate::result::Notification;
use crate::store::Graph;
use crate::syntax::ast::{self, BinaryOp, Clause, ExprKind, Literal, StatementKind};
use crate::value::Value;

/// How many close entities a hint names.
const CLOSEST: usize = 3;

/// The notifications for a query that returned no rows.
pub fn unmatched_names(statement: &ast::Statement, graph: &Graph) -> Vec<Notification> {
    if !graph.schema().is_typed() {
        return Vec::new();
    }
    let StatementKind::Query(query) = &statement.kind else {
        return Vec::new();
    };
    let mut names = Vec::new();
    let queries = std::iter::once(&query.first).chain(query.unions.iter().map(|u| &u.query));
    for clause in queries.flat_map(|q| &q.clauses) {
        if let Clause::Match(m) = clause {
            for part in &m.pattern.parts {
                let element = &part.element;
                for node in std::iter::once(&element.start).chain(element.chain.iter().map(|(_, n)| n)) {
                    if let Some(ExprKind::Map(entries)) = node.properties.as_ref().map(|e| &e.kind) {
                        names.extend(entries.iter().filter(|(k, _)| k.name == "name").filter_map(|(_, v)| literal(v)));
                    }
                }
            }
            if let Some(condition) = &m.where_ {
                compared_names(condition, &mut names);
            }
        }
    }
    names.dedup();
    names.into_iter().filter(|name| !exists(graph, name)).map(|name| hint(graph, &name)).collect()
}

fn literal(expr: &ast::Expr) -> Option<String> {
    match &expr.kind {
        ExprKind::Literal(Literal::String(s)) => Some(s.clone()),
        _ => None,
    }
}

/// `x.name = '…'` (either way round), inside ANDs.
fn compared_names(expr: &ast::Expr, names: &mut Vec<String>) {
    match &expr.kind {
        ExprKind::Binary(BinaryOp::And, a, b) => {
            compared_names(a, names);
            compared_names(b, names);
        }
        ExprKind::Binary(BinaryOp::Eq, a, b) => {
            for (property, value) in [(a, b), (b, a)] {
                if matches!(&property.kind, ExprKind::Property(_, key) if key.name == "name") {
                    names.extend(literal(value));
                }
            }
        }
        _ => {}
    }
}

fn exists(graph: &Graph, name: &str) -> bool {
    let Some(key) = graph.catalog().prop_key("name") else {
        return false;
    };
    graph.node_ids().any(|n| graph.node_property(n, key).as_ref().and_then(Value::as_str) == Some(name))
}

fn hint(graph: &Graph, name: &str) -> Notification {
    let key = graph.catalog().prop_key("name");
    let closest: Vec<String> = lookup::find(graph, name)
        .into_iter()
        .filter_map(|hit| {
            let label = graph.node_labels(hit.node).first().map(|l| graph.catalog().label_name(*l).to_string());
            let found = key.and_then(|k| graph.node_property(hit.node, k))?;
            Some(format!("(:{} {{name: {found}}})", label.unwrap_or_default()))
        })
        .take(CLOSEST)
        .collect();
    let message = if closest.is_empty() {
        format!("no node is named '{name}', and none comes close; try CALL db.find('{name}')")
    } else {
        format!("no node is named '{name}'; the closest: {}", closest.join(", "))
    };
    Notification { code: "UnknownName".to_string(), message }
}
