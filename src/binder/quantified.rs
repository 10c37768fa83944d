//! Quantified path patterns: `((a)-[r]->(b) WHERE a.x < b.x){1,3}`. The inner chain is
//! bound with its variables as singletons (one iteration's node or relationship), which
//! its own conditions read; outside it each variable is declared again as a group, the
//! list of its values over the iterations, as in Neo4j 5.

use super::bound::{self, Slot, Type};
use super::clause::PatternUse;
use super::scope::Scope;
use super::Binder;
use crate::error::{Error, ErrorCode, Result};
use crate::syntax::ast;

impl Binder<'_> {
    /// The quantified path `quantified`, written as the step `rel`, as one step of the
    /// outer chain (its slot a hidden list of every relationship matched).
    pub(super) fn bind_quantified(
        &mut self,
        rel: &ast::RelPattern,
        quantified: &ast::QuantifiedPath,
        usage: PatternUse,
    ) -> Result<bound::RelPattern> {
        if usage != PatternUse::Match {
            return Err(Error::at(
                ErrorCode::InvalidPattern,
                quantified.span,
                "a quantified path pattern is only allowed in MATCH (in an expression, write EXISTS { MATCH … })",
            ));
        }
        let names = inner_variables(&quantified.element);
        for ident in &names {
            if self.scope.get(&ident.name).is_some() {
                return Err(Error::at(
                    ErrorCode::VariableAlreadyBound,
                    ident.span,
                    format!(
                        "variable `{}` is already bound; a variable inside a quantified path pattern must be new there (outside it, it is a list)",
                        ident.name
                    ),
                ));
            }
        }
        let outer = self.scope.clone();
        // The rest of this pattern is matched around the quantified path, so inside it only
        // what earlier clauses bound can be read.
        let hidden: Vec<String> = outer
            .entries()
            .iter()
            .filter(|(_, slot, _)| slot.0 >= self.pattern_from)
            .map(|(name, _, _)| name.clone())
            .collect();
        let mut inner_scope = Scope::default();
        for (name, slot, ty) in outer.entries() {
            if !hidden.contains(name) {
                inner_scope.insert(name, *slot, *ty);
            }
        }
        self.scope = inner_scope;
        let inner = self.bind_inner(quantified);
        let singletons: Vec<Option<Slot>> = names.iter().map(|i| self.scope.get(&i.name).map(|(s, _)| s)).collect();
        self.scope = outer;
        let (nodes, rels, filter) = inner.map_err(|err| explain_hidden(err, &hidden))?;
        let mut groups = Vec::new();
        for (ident, singleton) in names.iter().zip(singletons) {
            let singleton = singleton.ok_or_else(|| Error::internal("a quantified path's variable without a slot"))?;
            groups.push((singleton, self.declare(ident, Type::List)?));
        }
        let (min, max) = rel.range.map_or((1, None), |r| (r.min.unwrap_or(1), r.max));
        Ok(bound::RelPattern {
            slot: self.new_slot(),
            bound: false,
            types: Vec::new(),
            direction: ast::RelDirection::Right,
            length: Some((min, max)),
            properties: Vec::new(),
            filter: None,
            dynamic_type: None,
            quantified: Some(Box::new(bound::QuantifiedPattern { nodes, rels, filter, groups })),
            span: quantified.span,
        })
    }

    /// The inner chain and its WHERE, in the scope of singletons.
    fn bind_inner(
        &mut self,
        quantified: &ast::QuantifiedPath,
    ) -> Result<(Vec<bound::NodePattern>, Vec<bound::RelPattern>, Option<bound::Expr>)> {
        let element = &quantified.element;
        let mut nodes = vec![self.bind_node_pattern(&element.start, PatternUse::Match)?];
        let mut rels = Vec::new();
        for (rel, node) in &element.chain {
            rels.push(self.bind_rel_pattern(rel, PatternUse::Match)?);
            nodes.push(self.bind_node_pattern(node, PatternUse::Match)?);
        }
        let filter = quantified.where_.as_deref().map(|w| self.bind_predicate(w)).transpose()?;
        Ok((nodes, rels, filter))
    }
}

/// The variables named inside, each once, in order of appearance.
fn inner_variables(element: &ast::PatternElement) -> Vec<ast::Ident> {
    let mut out: Vec<ast::Ident> = Vec::new();
    let mut add = |ident: &Option<ast::Ident>| {
        if let Some(ident) = ident {
            if !out.iter().any(|o| o.name == ident.name) {
                out.push(ident.clone());
            }
        }
    };
    add(&element.start.variable);
    for (rel, node) in &element.chain {
        add(&rel.variable);
        add(&node.variable);
    }
    out
}

/// A variable of the same pattern read inside a quantified path: say why it is unknown there.
fn explain_hidden(err: Error, hidden: &[String]) -> Error {
    if err.code != ErrorCode::UndefinedVariable {
        return err;
    }
    let Some(name) = hidden.iter().find(|n| err.message == format!("variable `{n}` is not defined")) else {
        return err;
    };
    let message = format!(
        "`{name}` is bound by the same pattern; inside a quantified path pattern only variables of the pattern itself and of earlier clauses can be read"
    );
    Error { code: ErrorCode::InvalidPattern, message, hint: None, ..err }
}
