//! The schema file of an import (`steppe import --schema FILE`): `CREATE NODE TYPE` and
//! `CREATE RELATIONSHIP TYPE` statements, as graph-data/00_schema.cypher and the CSV
//! export's `schema.cypher` hold them, declared before the first row is read.
//!
//! The types go through the same [`GraphBuilder`] as the rows, rather than through
//! `Database::execute`, for two reasons: a durable database would journal each
//! statement at once, so a row failing later would leave the types behind; and the
//! builder undoes its types along with its rows, so a failure anywhere changes nothing.
//! Declaring types first is what makes the rows checked as they load and gives keys
//! their index.

use crate::binder::{self, bound, Params, SchemaView};
use crate::error::{Error, ErrorCode, Result};
use crate::store::{node_type_ddl, rel_type_ddl, EndpointLabels, GraphBuilder, NodeType, PropertyDef, RelType};
use crate::syntax::{self, ast, ScriptItem};

/// The text of a schema file and the name its errors give it.
#[derive(Debug, Clone, Copy)]
pub struct SchemaScript<'a> {
    pub text: &'a str,
    pub file: &'a str,
}

/// Declares every type of `script`, in order. A type the graph already declares in the
/// same words is skipped, so importing more rows into a typed database with its own
/// schema file works; a different declaration of it is `TypeAlreadyDefined`. Errors
/// name the file, line and column.
pub(crate) fn define_types(builder: &mut GraphBuilder<'_>, script: &SchemaScript<'_>) -> Result<()> {
    for item in syntax::split_script(script.text) {
        let (defined, offset) = match item {
            ScriptItem::Statement { text, offset } => (define_statement(builder, &text), offset),
            ScriptItem::Meta { text, offset } => (
                Err(Error::at(
                    ErrorCode::InvalidSchemaDefinition,
                    crate::span::Span::new(0, text.len()),
                    format!("meta-command `{text}` in a schema file: it holds only type declarations"),
                )),
                offset,
            ),
        };
        defined.map_err(|e| located(e.shifted(offset), script))?;
    }
    Ok(())
}

/// Turns a span into the script into the file's line and column: the import streams
/// its other files and reports every error the same way, as `file:line:column`.
fn located(err: Error, script: &SchemaScript<'_>) -> Error {
    let position = err.position(script.text);
    let err = Error { span: None, ..err }.in_file(script.file);
    match position {
        Some(p) => err.at_location(p.line, p.column),
        None => err,
    }
}

/// Parses, binds and declares one statement; spans are relative to its text.
fn define_statement(builder: &mut GraphBuilder<'_>, text: &str) -> Result<()> {
    let statement = syntax::parse_statement(text)?;
    if let ast::StatementKind::Query(_) | ast::StatementKind::Transaction(_) = statement.kind {
        return Err(Error::at(
            ErrorCode::InvalidSchemaDefinition,
            statement.span,
            "a schema file holds only CREATE NODE TYPE and CREATE RELATIONSHIP TYPE statements",
        )
        .with_hint("load data with --nodes and --relationships, or run statements with `steppe run`"));
    }
    let view = SchemaView { schema: builder.graph().schema(), catalog: builder.graph().catalog() };
    match binder::bind(&statement, view, &Params::new())? {
        bound::Statement::DefineNodeType(decl) => define_node_type(builder, &decl).map_err(|e| e.or_span(decl.span)),
        bound::Statement::DefineRelType(decl) => define_rel_type(builder, &decl).map_err(|e| e.or_span(decl.span)),
        bound::Statement::CreateConstraint(decl) => Err(Error::at(
            ErrorCode::InvalidSchemaDefinition,
            decl.span,
            "an import's schema file declares types only: the import does not check constraints",
        )
        .with_hint("run CREATE CONSTRAINT on the database after the import; it checks the data then")),
        bound::Statement::DropConstraint(decl) => {
            Err(Error::at(ErrorCode::InvalidSchemaDefinition, decl.span, "an import's schema file declares types only"))
        }
        bound::Statement::Query(_) | bound::Statement::Transaction(_) => {
            Err(Error::internal("a query bound from a type declaration"))
        }
        bound::Statement::CreateIndex(_) | bound::Statement::DropIndex { .. } => Err(Error::at(
            ErrorCode::InvalidSchemaDefinition,
            statement.span,
            "a schema file holds only CREATE NODE TYPE and CREATE RELATIONSHIP TYPE statements",
        )
        .with_hint("create indexes after the import, with `steppe run`")),
    }
}

fn define_node_type(builder: &mut GraphBuilder<'_>, decl: &bound::NodeTypeDecl) -> Result<()> {
    let label = builder.label_for_definition(&decl.label);
    let properties = property_defs(builder, &decl.properties);
    let key = decl.key.as_ref().map(|k| builder.prop_key(k));
    let ty = NodeType { label, properties, key };
    let graph = builder.graph();
    if let Some(existing) = graph.schema().node_type(label) {
        if node_type_ddl(existing, graph.catalog()) == node_type_ddl(&ty, graph.catalog()) {
            return Ok(());
        }
    }
    builder.define_node_type(ty)
}

fn define_rel_type(builder: &mut GraphBuilder<'_>, decl: &bound::RelTypeDecl) -> Result<()> {
    let rel_type = builder.rel_type_for_definition(&decl.name);
    let mut side = |labels: &bound::EndpointDecl| match labels {
        None => EndpointLabels::Any,
        Some(names) => EndpointLabels::OneOf(names.iter().map(|n| builder.label_for_definition(n)).collect()),
    };
    let endpoints = decl.endpoints.iter().map(|(from, to)| (side(from), side(to))).collect();
    let properties = property_defs(builder, &decl.properties);
    let ty = RelType { rel_type, endpoints, properties };
    let graph = builder.graph();
    if let Some(existing) = graph.schema().rel_type(rel_type) {
        if rel_type_ddl(existing, graph.catalog()) == rel_type_ddl(&ty, graph.catalog()) {
            return Ok(());
        }
    }
    builder.define_rel_type(ty)
}

fn property_defs(builder: &mut GraphBuilder<'_>, props: &[bound::PropertyDecl]) -> Vec<PropertyDef> {
    props
        .iter()
        .map(|p| PropertyDef { key: builder.prop_key(&p.key), ty: p.ty.clone(), required: p.required })
        .collect()
}
