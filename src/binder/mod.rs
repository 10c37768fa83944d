//! Binding: AST + schema + parameters → a checked, typed [`bound::Statement`].
//!
//! The binder resolves variables to row slots and names to catalog ids, substitutes
//! parameters, and raises every semantic, type and schema error a query can have before
//! it runs, each with the span of the text at fault. It reads the schema and the
//! catalog of names; it never reads graph data.

pub mod bound;
pub mod catalogue;
mod clause;
mod constraint;
mod declared;
pub use clause::check_count;
pub use functions::function_names;
mod expr;
mod functions;
mod index;
mod labels;
mod pattern;
mod projection;
mod quantified;
mod schema;
mod scope;
mod signatures;
mod subquery;

use std::collections::{BTreeMap, HashMap};

use crate::error::{Error, ErrorCode, Result};
use crate::span::Span;
use crate::store::{Catalog, Schema};
use crate::syntax::ast;
use crate::value::Value;
use bound::{NameRef, Slot, Type};
use scope::Scope;

/// Query parameters by name (`$name`).
pub type Params = BTreeMap<String, Value>;

/// What the binder may know of a graph: its names and its declared types.
#[derive(Clone, Copy)]
pub struct SchemaView<'a> {
    pub schema: &'a Schema,
    pub catalog: &'a Catalog,
}

pub fn bind(statement: &ast::Statement, view: SchemaView<'_>, params: &Params) -> Result<bound::Statement> {
    match &statement.kind {
        ast::StatementKind::Query(query) => Binder::new(view, params).bind_query(query).map(bound::Statement::Query),
        ast::StatementKind::CreateNodeType(def) => schema::bind_node_type(def).map(bound::Statement::DefineNodeType),
        ast::StatementKind::CreateRelType(def) => schema::bind_rel_type(def, view).map(bound::Statement::DefineRelType),
        ast::StatementKind::CreateIndex(def) => index::bind_create_index(def, statement.span),
        ast::StatementKind::DropIndex { name, if_exists } => Ok(bound::Statement::DropIndex {
            name: name.name.as_str().into(),
            if_exists: *if_exists,
            span: statement.span,
        }),
        ast::StatementKind::Transaction(command) => Ok(bound::Statement::Transaction(*command)),
        ast::StatementKind::CreateConstraint(def) => {
            constraint::bind_create_constraint(def, view).map(bound::Statement::CreateConstraint)
        }
        ast::StatementKind::DropConstraint(def) => {
            Ok(bound::Statement::DropConstraint(constraint::bind_drop_constraint(def)))
        }
    }
}

pub(crate) struct Binder<'a> {
    view: SchemaView<'a>,
    params: &'a Params,
    n_slots: u32,
    scope: Scope,
    /// The relationship variables of the pattern being bound: one may not appear twice.
    pattern_rels: Vec<String>,
    /// Whether the expression being bound stands where a boolean predicate is wanted:
    /// only there may a pattern be used as an expression (`WHERE (a)-->()`).
    in_predicate: bool,
    /// Whether the query being bound is a lone CALL, which yields all its columns
    /// without YIELD; inside a query a CALL yields only what YIELD names.
    standalone_call: bool,
    /// The variable name of each named slot of the query part being bound (for EXPLAIN).
    slot_names: HashMap<Slot, String>,
    /// The labels or types each entity variable is known to have (`declared.rs`).
    known: Vec<(Slot, declared::Known)>,
    /// Inside an expression subquery: the outer variables, which stay visible past its WITHs.
    imports: Vec<(String, Slot, Type)>,
    /// The slots of the last LOAD CSV's line number and file, for `linenumber()` and `file()`.
    load_csv: Option<(Slot, Slot)>,
    /// Conditions a MATCH pattern adds to its WHERE: a variable-length relationship whose
    /// variable is already bound to a list matches into a new slot that must equal it.
    equijoins: Vec<bound::Expr>,
    /// The first slot of the pattern being bound: variables from here on are its own, which
    /// a quantified path pattern inside it may not read (`quantified.rs`).
    pattern_from: u32,
}

impl<'a> Binder<'a> {
    fn new(view: SchemaView<'a>, params: &'a Params) -> Binder<'a> {
        Binder {
            view,
            params,
            n_slots: 0,
            scope: Scope::default(),
            pattern_rels: Vec::new(),
            in_predicate: false,
            standalone_call: false,
            slot_names: HashMap::new(),
            known: Vec::new(),
            imports: Vec::new(),
            load_csv: None,
            equijoins: Vec::new(),
            pattern_from: 0,
        }
    }

    fn new_slot(&mut self) -> Slot {
        let slot = Slot(self.n_slots);
        self.n_slots += 1;
        slot
    }

    /// A new slot for the variable `name`.
    fn named_slot(&mut self, name: &str) -> Slot {
        let slot = self.new_slot();
        self.slot_names.insert(slot, name.to_string());
        slot
    }

    fn typed(&self) -> bool {
        self.view.schema.is_typed()
    }

    fn bind_query(&mut self, query: &ast::Query) -> Result<bound::Query> {
        let first = self.bind_single_query(&query.first)?;
        let columns = first.1;
        let mut parts = vec![first.0];
        let mut union_all = Vec::new();
        for union in &query.unions {
            self.n_slots = 0;
            self.scope = Scope::default();
            self.known.clear();
            self.load_csv = None;
            let (part, part_columns) = self.bind_single_query(&union.query)?;
            if part_columns != columns {
                return Err(Error::at(
                    ErrorCode::DifferentColumnsInUnion,
                    union.span,
                    format!(
                        "all parts of a UNION must return the same columns: [{}] and [{}]",
                        columns.join(", "),
                        part_columns.join(", ")
                    ),
                ));
            }
            union_all.push(union.all);
            parts.push(part);
        }
        if query.unions.iter().any(|u| u.all) && query.unions.iter().any(|u| !u.all) {
            let span = query.unions[0].span;
            return Err(Error::at(ErrorCode::InvalidClauseComposition, span, "cannot mix UNION and UNION ALL"));
        }
        Ok(bound::Query { parts, union_all, columns })
    }

    fn bind_single_query(&mut self, query: &ast::SingleQuery) -> Result<(bound::SingleQuery, Vec<String>)> {
        clause::check_clause_order(query)?;
        self.standalone_call = matches!(query.clauses.as_slice(), [ast::Clause::Call(_)]);
        let mut clauses = Vec::new();
        let mut output = Vec::new();
        let mut columns = Vec::new();
        for c in &query.clauses {
            if let ast::Clause::Return(ret) = c {
                let (projection, names) = self.bind_projection(&ret.projection, None, ret.span, true)?;
                output = projection.kept.clone();
                columns = names;
                clauses.push(bound::Clause::Project(projection));
            } else {
                clauses.push(self.bind_clause(c)?);
            }
        }
        if let Some(bound::Clause::Call(call)) = clauses.last() {
            // A standalone CALL returns what it yields, unless FINISH closes it.
            if columns.is_empty() && query.finish.is_none() {
                output = call.yields.iter().flatten().copied().collect();
                columns = self.call_columns(call);
            }
        }
        let mut names = std::mem::take(&mut self.slot_names);
        let slot_names = (0..self.n_slots).map(|i| names.remove(&Slot(i))).collect();
        Ok((bound::SingleQuery { clauses, n_slots: self.n_slots as usize, output, slot_names }, columns))
    }

    fn call_columns(&self, call: &bound::ProcedureCall) -> Vec<String> {
        let names = functions::procedure_columns(call.procedure);
        call.yields
            .iter()
            .zip(names)
            .filter(|(s, _)| s.is_some())
            .map(|(s, name)| {
                let slot = s.unwrap_or(Slot(0));
                self.scope
                    .entries()
                    .iter()
                    .find(|(_, sl, _)| *sl == slot)
                    .map_or(name.to_string(), |(n, _, _)| n.clone())
            })
            .collect()
    }

    /// Declares a new variable; an error if the name is taken.
    fn declare(&mut self, ident: &ast::Ident, ty: Type) -> Result<Slot> {
        if self.scope.get(&ident.name).is_some() {
            return Err(Error::at(
                ErrorCode::VariableAlreadyBound,
                ident.span,
                format!("variable `{}` is already bound", ident.name),
            ));
        }
        let slot = self.named_slot(&ident.name);
        self.scope.insert(&ident.name, slot, ty);
        Ok(slot)
    }

    /// Resolves a variable use; an error naming the nearest variable in scope if unknown.
    fn lookup(&self, name: &str, span: Span) -> Result<(Slot, Type)> {
        self.scope.get(name).ok_or_else(|| {
            let err = Error::at(ErrorCode::UndefinedVariable, span, format!("variable `{name}` is not defined"));
            match crate::suggest::did_you_mean(name, self.scope.names()) {
                Some(hint) => err.with_hint(hint),
                None => err,
            }
        })
    }

    fn label_ref(&self, ident: &ast::Ident) -> Result<bound::LabelRef> {
        let id = self.view.catalog.label(&ident.name);
        if self.typed() && id.is_none_or(|l| self.view.schema.node_type(l).is_none()) {
            let known = self.view.schema.node_types().map(|t| &**self.view.catalog.label_name(t.label));
            return Err(unknown_name(ErrorCode::UnknownLabel, "label", ident, known));
        }
        Ok(NameRef { name: ident.name.as_str().into(), id })
    }

    fn rel_type_ref(&self, ident: &ast::Ident) -> Result<bound::RelTypeRef> {
        let id = self.view.catalog.rel_type(&ident.name);
        if self.typed() && id.is_none_or(|t| self.view.schema.rel_type(t).is_none()) {
            let known = self.view.schema.rel_types().map(|t| &**self.view.catalog.rel_type_name(t.rel_type));
            return Err(unknown_name(ErrorCode::UnknownRelationshipType, "relationship type", ident, known));
        }
        Ok(NameRef { name: ident.name.as_str().into(), id })
    }

    fn prop_key_ref(&self, ident: &ast::Ident) -> Result<bound::PropKeyRef> {
        let id = self.view.catalog.prop_key(&ident.name);
        let known = |name: &str| self.view.catalog.prop_key(name).is_some_and(|k| self.view.schema.knows_prop_key(k));
        // A property's sources and quotes (`age__sources`) go with any declared property.
        let companion = crate::provenance::subject_of(&ident.name).is_some_and(known);
        if self.typed() && !companion && !id.is_some_and(|k| self.view.schema.knows_prop_key(k)) {
            let mut known: Vec<&str> = self.view.catalog.prop_keys.names().iter().map(|n| &**n).collect();
            known.retain(|n| self.view.catalog.prop_key(n).is_some_and(|k| self.view.schema.knows_prop_key(k)));
            return Err(unknown_name(ErrorCode::UnknownPropertyKey, "property key", ident, known));
        }
        Ok(NameRef { name: ident.name.as_str().into(), id })
    }
}

fn unknown_name<'n>(
    code: ErrorCode,
    what: &str,
    ident: &ast::Ident,
    known: impl IntoIterator<Item = &'n str>,
) -> Error {
    let err = Error::at(code, ident.span, format!("unknown {what} `{}`: the schema does not declare it", ident.name));
    match crate::suggest::did_you_mean(&ident.name, known) {
        Some(hint) => err.with_hint(hint),
        None => err,
    }
}

#[cfg(test)]
mod tests;
