//! A hint for a name that matches nothing: `MATCH (p {name: 'Tokayev'})` in a typed graph
//! finds no node called exactly that, so the result says which entities come closest
//! (`Kassym-Jomart Tokayev`), as a notification beside the (empty) result, not an error.
//!
//! Only literal names are looked at: `{name: '…'}` in a MATCH pattern and
//! `x.name = '…'` in its WHERE. Where the pattern gives the node labels
//! (`(p:Person {name: 'Tokayev'})`), a node only counts as so named when it carries them,
//! and the hint names nodes that carry them first.

use crate::exec::lookup;
use crate::result::Notification;
use crate::store::{Graph, NodeId};
use crate::syntax::ast::{self, BinaryOp, Clause, ExprKind, Literal, StatementKind};
use crate::value::Value;

/// How many close entities a hint names.
const CLOSEST: usize = 3;

/// The most nodes the closest-name search scores after an empty result. It scores every
/// node (about 3 µs each), which is instant on a knowledge graph of a few thousand
/// entities but took 2.9 s on a million nodes, on a query that had already answered;
/// above this the hint names `db.find`, which the user runs when they want the search.
const SEARCHED_NODES: usize = 20_000;

/// A literal name looked for, with the labels its node pattern asks for.
#[derive(PartialEq)]
struct Wanted {
    name: String,
    labels: Vec<String>,
}

/// The notifications for a query that returned no rows.
pub fn unmatched_names(statement: &ast::Statement, graph: &Graph) -> Vec<Notification> {
    if !graph.schema().is_typed() {
        return Vec::new();
    }
    let StatementKind::Query(query) = &statement.kind else {
        return Vec::new();
    };
    let mut wanted: Vec<Wanted> = Vec::new();
    let queries = std::iter::once(&query.first).chain(query.unions.iter().map(|u| &u.query));
    for clause in queries.flat_map(|q| &q.clauses) {
        if let Clause::Match(m) = clause {
            let nodes: Vec<&ast::NodePattern> = m
                .pattern
                .parts
                .iter()
                .flat_map(|part| std::iter::once(&part.element.start).chain(part.element.chain.iter().map(|(_, n)| n)))
                .collect();
            for node in &nodes {
                if let Some(ExprKind::Map(entries)) = node.properties.as_ref().map(|e| &e.kind) {
                    let names = entries.iter().filter(|(k, _)| k.name == "name").filter_map(|(_, v)| literal(v));
                    wanted.extend(names.map(|name| Wanted { name, labels: labels(node) }));
                }
            }
            if let Some(condition) = &m.where_ {
                let mut compared = Vec::new();
                compared_names(condition, &mut compared);
                for (variable, name) in compared {
                    wanted.push(Wanted { name, labels: variable_labels(&nodes, variable.as_deref()) });
                }
            }
        }
    }
    wanted.dedup();
    wanted.into_iter().filter(|w| !exists(graph, w)).map(|w| hint(graph, &w, SEARCHED_NODES)).collect()
}

fn labels(node: &ast::NodePattern) -> Vec<String> {
    node.labels.iter().map(|l| l.name.clone()).collect()
}

/// The labels the patterns give a variable (none when it has none, or no variable).
fn variable_labels(nodes: &[&ast::NodePattern], variable: Option<&str>) -> Vec<String> {
    let Some(variable) = variable else {
        return Vec::new();
    };
    nodes.iter().filter(|n| n.variable.as_ref().is_some_and(|v| v.name == variable)).flat_map(|n| labels(n)).collect()
}

fn literal(expr: &ast::Expr) -> Option<String> {
    match &expr.kind {
        ExprKind::Literal(Literal::String(s)) => Some(s.clone()),
        _ => None,
    }
}

/// `x.name = '…'` (either way round), inside ANDs: the variable (when the property is read
/// from one) and the name.
fn compared_names(expr: &ast::Expr, names: &mut Vec<(Option<String>, String)>) {
    match &expr.kind {
        ExprKind::Binary(BinaryOp::And, a, b) => {
            compared_names(a, names);
            compared_names(b, names);
        }
        ExprKind::Binary(BinaryOp::Eq, a, b) => {
            for (property, value) in [(a, b), (b, a)] {
                let ExprKind::Property(owner, key) = &property.kind else { continue };
                if key.name != "name" {
                    continue;
                }
                let variable = match &owner.kind {
                    ExprKind::Variable(v) => Some(v.clone()),
                    _ => None,
                };
                names.extend(literal(value).map(|name| (variable, name)));
            }
        }
        _ => {}
    }
}

/// Whether a node carrying the wanted labels has the name. It runs after every empty
/// result that names something (a page past the last row, too), so it reads only the
/// nodes of the first wanted label (its bitset holds only live nodes) and compares a
/// packed name in place: a label's scan, not a `Value` built for every node of the graph
/// (25 ms at M for `members_page`).
fn exists(graph: &Graph, wanted: &Wanted) -> bool {
    let Some(key) = graph.catalog().prop_key("name") else {
        return false;
    };
    let named = |n: NodeId| match graph.node_str(n, key) {
        Some(name) => name == wanted.name,
        None => graph.node_property(n, key).as_ref().and_then(Value::as_str) == Some(wanted.name.as_str()),
    };
    let candidates: Box<dyn Iterator<Item = NodeId> + '_> = match wanted.labels.first() {
        // A label no node ever carried is on no node.
        Some(label) => match graph.catalog().label(label) {
            Some(id) => Box::new(graph.nodes_with_label(id)),
            None => return false,
        },
        None => Box::new(graph.node_ids()),
    };
    candidates.filter(|&n| named(n)).any(|n| carries(graph, n, &wanted.labels))
}

fn carries(graph: &Graph, node: NodeId, labels: &[String]) -> bool {
    labels.iter().all(|l| graph.catalog().label(l).is_some_and(|id| graph.node_labels(node).contains(&id)))
}

fn hint(graph: &Graph, wanted: &Wanted, searched_nodes: usize) -> Notification {
    let name = wanted.name.as_str();
    let what: String = if wanted.labels.is_empty() {
        "node".to_string()
    } else {
        wanted.labels.iter().map(|l| format!(":{l}")).collect()
    };
    if graph.node_count() > searched_nodes {
        let message = format!(
            "no {what} is named '{name}'; to search {} nodes for close names, run CALL db.find('{name}')",
            graph.node_count()
        );
        return Notification { code: "UnknownName".to_string(), message };
    }
    let key = graph.catalog().prop_key("name");
    let mut hits = lookup::find(graph, name);
    // Only nodes with the pattern's labels when there are any; else the others, since a name
    // under the wrong label (`(:Person {name: 'Kazakhstan'})`) is a mistake worth showing.
    if hits.iter().any(|hit| carries(graph, hit.node, &wanted.labels)) {
        hits.retain(|hit| carries(graph, hit.node, &wanted.labels));
    }
    let closest: Vec<String> = hits
        .into_iter()
        .filter_map(|hit| {
            let label = graph.node_labels(hit.node).first().map(|l| graph.catalog().label_name(*l).to_string());
            let found = key.and_then(|k| graph.node_property(hit.node, k))?;
            Some(format!("(:{} {{name: {found}}})", label.unwrap_or_default()))
        })
        .take(CLOSEST)
        .collect();
    let message = if closest.is_empty() {
        format!("no {what} is named '{name}', and none comes close; try CALL db.find('{name}')")
    } else {
        format!("no {what} is named '{name}'; the closest: {}", closest.join(", "))
    };
    Notification { code: "UnknownName".to_string(), message }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Database, Params};

    fn typed_people() -> Database {
        let mut db = Database::empty();
        let setup = "CREATE NODE TYPE Person (name STRING KEY); \
                     CREATE (:Person {name: 'Kassym-Jomart Tokayev'}), (:Person {name: 'Vladimir Putin'})";
        db.execute_script(setup, &Params::new()).unwrap_or_else(|e| panic!("{}", e.describe(setup)));
        db
    }

    fn wanted(name: &str) -> Wanted {
        Wanted { name: name.to_string(), labels: vec!["Person".to_string()] }
    }

    #[test]
    fn a_small_graph_is_searched_for_the_closest_names() {
        let db = typed_people();
        let note = hint(db.graph(), &wanted("Tokayev"), SEARCHED_NODES);
        assert!(note.message.contains("the closest: (:Person {name: 'Kassym-Jomart Tokayev'})"), "{}", note.message);
    }

    #[test]
    fn a_graph_above_the_limit_is_not_searched_and_the_hint_names_db_find() {
        let db = typed_people();
        let note = hint(db.graph(), &wanted("Tokayev"), 1);
        assert_eq!(note.code, "UnknownName");
        assert_eq!(
            note.message,
            "no :Person is named 'Tokayev'; to search 2 nodes for close names, run CALL db.find('Tokayev')"
        );
    }
}
