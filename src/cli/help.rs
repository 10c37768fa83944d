//! The shell's help texts: `:help` and `:help TOPIC`, and `:schema` with counts.

use std::fmt::Write as _;

use steppe::store::Graph;

use super::meta::META_COMMANDS;

/// Questions about the built-in graph a newcomer can copy.
pub const EXAMPLE_QUESTIONS: &[(&str, &str)] = &[
    (
        "Which states sent peacekeepers, and which articles say so?",
        "MATCH (c:Country)-[r:CONTRIBUTED_TROOPS]->(:Deployment)-[:DEPLOYED_TO]->(:Country {name: 'Kazakhstan'}) RETURN c.name, r.sources;",
    ),
    (
        "Who leads the mission?",
        "MATCH (p:Person)-[r:LEADS]->(d:Deployment) RETURN p.name, r.role, d.name, r.quotes;",
    ),
    (
        "Where do the articles disagree on troop numbers?",
        "MATCH (s)-[r:REPORTED_STRENGTH]->(:Deployment) RETURN s.name, r.troops, r.scope, r.sources ORDER BY r.troops;",
    ),
    (
        "What did analysts say about the CSTO?",
        "MATCH (p:Person)-[:SAID]->(s:Statement)-[:ABOUT]->(:Organization {name: 'Collective Security Treaty Organization'}) RETURN p.name, s.text;",
    ),
    (
        "How is Pashinyan connected to Tokayev?",
        "MATCH p = shortestPath((:Person {name: 'Nikol Pashinyan'})-[*..6]-(:Person {name: 'Kassym-Jomart Tokayev'})) RETURN [n IN nodes(p) | n.name];",
    ),
];

const CLAUSES: &str = "\
Clauses (openCypher; end every statement with `;`):
  MATCH (a:Label {key: value})-[r:TYPE]->(b)   find patterns; -[*1..3]- for paths, shortestPath(...)
  OPTIONAL MATCH ...                            like MATCH, but keeps the row with nulls
  WHERE predicate                               filter (AND, OR, NOT, =, <>, <, IN, STARTS WITH, =~, IS NULL)
  RETURN expr AS name, ...                      DISTINCT, ORDER BY, SKIP, LIMIT; aggregates group implicitly
  WITH expr AS name, ... [WHERE ...]            chain query parts
  UNWIND list AS x                              one row per element
  CREATE / MERGE / SET / REMOVE / [DETACH] DELETE   change the graph (a failing statement changes nothing)
  CALL db.labels() | db.relationshipTypes() | db.propertyKeys() | db.schema()
  EXPLAIN / PROFILE statement                   the plan, or the plan with rows and time per operator
  CREATE NODE TYPE L (p STRING KEY, ...) / CREATE RELATIONSHIP TYPE T (A -> B, ...)   the schema";

/// The text of `:help` or `:help TOPIC`.
pub fn help(topic: Option<&str>, graph: &Graph) -> String {
    match topic.map(|t| t.trim().to_lowercase()).as_deref() {
        None | Some("") => overview(),
        Some("clauses") => CLAUSES.to_string(),
        Some("functions") => functions(),
        Some("meta") | Some("commands") => meta_commands(),
        Some("schema") => schema(graph),
        Some("examples") | Some("questions") => examples(),
        Some(other) => format!("no help on `{other}`; topics: clauses, functions, meta, schema, examples"),
    }
}

fn overview() -> String {
    let mut out = String::from(
        "steppe speaks openCypher. Type a statement and end it with `;` (it may span lines); Tab completes.\n\
         Ctrl-C clears the line, or stops a statement that is running (it changes nothing); Ctrl-D leaves.\n\
         Long tables show as many rows as fit the terminal and say how many they left out: `:rows all` shows them.\n\
         Topics: :help clauses | functions | meta | schema | examples\n\n",
    );
    out.push_str(&meta_commands());
    out.push_str("\n\n");
    out.push_str(&examples());
    out
}

fn meta_commands() -> String {
    let mut out = String::from("Meta-commands:");
    for (name, what) in META_COMMANDS {
        let _ = write!(out, "\n  {name:<9} {what}");
    }
    out
}

fn functions() -> String {
    let mut names: Vec<&str> = steppe::binder::function_names().collect();
    names.sort_unstable();
    format!("Functions (names are case-insensitive):\n  {}", names.join(", "))
}

fn examples() -> String {
    let mut out = String::from("Questions to try on the built-in CSTO graph:");
    for (question, query) in EXAMPLE_QUESTIONS {
        let _ = write!(out, "\n  -- {question}\n  {query}");
    }
    out
}

/// `:schema`: every declared type with its count, then its declaration.
pub fn schema(graph: &Graph) -> String {
    let catalog = graph.catalog();
    let schema = graph.schema();
    if !schema.is_typed() {
        let labels: Vec<String> = catalog
            .labels
            .names()
            .iter()
            .filter_map(|n| catalog.label(n).map(|l| format!("{n} ({})", graph.label_count(l))))
            .collect();
        return format!(
            "No schema: this graph is open (any label, type and property).\nLabels in use: {}",
            if labels.is_empty() { "none".to_string() } else { labels.join(", ") }
        );
    }
    let mut out = String::from("Node types:");
    for ty in schema.node_types() {
        let name = catalog.label_name(ty.label);
        let _ = write!(
            out,
            "\n  {name} ({} nodes)\n    {}",
            graph.label_count(ty.label),
            steppe::store::node_type_ddl(ty, catalog)
        );
    }
    out.push_str("\nRelationship types:");
    for ty in schema.rel_types() {
        let name = catalog.rel_type_name(ty.rel_type);
        let _ = write!(
            out,
            "\n  {name} ({} relationships)\n    {}",
            graph.rel_type_count(ty.rel_type),
            steppe::store::rel_type_ddl(ty, catalog)
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn example_questions_run_on_the_built_in_graph() {
        let mut db = steppe::Database::default_graph().unwrap_or_else(|e| panic!("{}", e.message));
        for (question, query) in EXAMPLE_QUESTIONS {
            let result = db.execute(query, &steppe::Params::new());
            assert!(result.as_ref().is_ok_and(|r| !r.rows.is_empty()), "{question}: {result:?}");
        }
    }

    #[test]
    fn topics_and_schema_counts() {
        let db = steppe::Database::default_graph().unwrap_or_else(|e| panic!("{}", e.message));
        assert!(help(Some("clauses"), db.graph()).contains("OPTIONAL MATCH"));
        let functions = help(Some("functions"), db.graph());
        assert!(functions.contains("toupper") && functions.contains("collect"), "{functions}");
        assert!(help(Some("nope"), db.graph()).contains("topics"));
        let overview = help(None, db.graph());
        assert!(
            overview.contains("Ctrl-C") && overview.contains(":rows all") && overview.contains(":show"),
            "{overview}"
        );
        let schema = schema(db.graph());
        assert!(schema.contains("Country (14 nodes)"), "{schema}");
        assert!(schema.contains("CONTRIBUTED_TROOPS (6 relationships)"), "{schema}");
    }
}
