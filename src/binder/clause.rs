//! Binding clauses: `bind_<clause>` for each.

use super::bound::{self, Clause, Slot, Type};
use super::projection::Projected;
use super::{functions, Binder};
use crate::error::{Error, ErrorCode, Result};
use crate::span::Span;
use crate::syntax::ast;

/// RETURN only last; a query ends with RETURN, with a clause that writes, or with FINISH.
pub fn check_clause_order(query: &ast::SingleQuery) -> Result<()> {
    let n = query.clauses.len();
    for (i, c) in query.clauses.iter().enumerate() {
        if matches!(c, ast::Clause::Return(_)) && i + 1 < n {
            return Err(Error::at(
                ErrorCode::InvalidClauseComposition,
                query.clauses[i + 1].span(),
                "RETURN must be the last clause",
            ));
        }
    }
    if query.finish.is_some() {
        // FINISH closes the query whatever its last clause is.
        return Ok(());
    }
    let returning_call =
        |c: &ast::CallSubquery| c.query.first.clauses.last().is_some_and(|l| matches!(l, ast::Clause::Return(_)));
    match query.clauses.last() {
        Some(ast::Clause::Match(_) | ast::Clause::With(_) | ast::Clause::Unwind(_) | ast::Clause::LoadCsv(_)) => {
            let last = query.clauses.last().map(|c| (c.span(), c.name())).unwrap_or((query.span, "query"));
            Err(Error::at(
                ErrorCode::InvalidClauseComposition,
                Span::new(last.0.end, last.0.end),
                format!("a query cannot end with {}: add a RETURN clause", last.1),
            ))
        }
        Some(ast::Clause::Subquery(c)) if returning_call(c) => Err(Error::at(
            ErrorCode::InvalidClauseComposition,
            Span::new(c.span.end, c.span.end),
            "a query cannot end with a CALL subquery that returns: add a RETURN clause",
        )),
        _ => Ok(()),
    }
}

impl Binder<'_> {
    pub(super) fn bind_clause(&mut self, clause: &ast::Clause) -> Result<Clause> {
        match clause {
            ast::Clause::Match(m) => self.bind_match(m),
            ast::Clause::Unwind(u) => self.bind_unwind(u),
            ast::Clause::With(w) => {
                let (projection, _) = self.bind_projection(&w.projection, w.where_.as_ref(), w.span, false)?;
                Ok(Clause::Project(projection))
            }
            ast::Clause::Return(r) => Ok(Clause::Project(self.bind_projection(&r.projection, None, r.span, true)?.0)),
            ast::Clause::Create(c) => self.bind_create(c),
            ast::Clause::Merge(m) => self.bind_merge(m),
            ast::Clause::Set(s) => {
                Ok(Clause::Set(s.items.iter().map(|i| self.bind_set_item(i)).collect::<Result<_>>()?))
            }
            ast::Clause::Remove(r) => self.bind_remove(r),
            ast::Clause::Delete(d) => self.bind_delete(d),
            ast::Clause::Call(c) => self.bind_procedure_call(c),
            ast::Clause::Subquery(c) => self.bind_call_subquery(c),
            ast::Clause::Foreach(f) => self.bind_foreach(f),
            ast::Clause::LoadCsv(l) => self.bind_load_csv(l),
        }
    }

    fn bind_match(&mut self, m: &ast::Match) -> Result<Clause> {
        let before = self.scope.slots();
        let saved = std::mem::take(&mut self.equijoins);
        let pattern = self.bind_pattern(&m.pattern, PatternUse::Match);
        let mut conditions = std::mem::replace(&mut self.equijoins, saved);
        let pattern = pattern?;
        let filter = m.where_.as_ref().map(|w| self.bind_predicate(w)).transpose()?;
        // The equijoins of bound variable-length relationships join the WHERE.
        conditions.extend(filter);
        let filter = super::labels::conjoin(conditions);
        let new_slots = self.scope.slots().into_iter().filter(|s| !before.contains(s)).collect();
        Ok(Clause::Match(bound::MatchClause { optional: m.optional, pattern, filter, new_slots }))
    }

    fn bind_unwind(&mut self, u: &ast::Unwind) -> Result<Clause> {
        let expr = self.bind_expr(&u.expr)?;
        let slot = self.declare(&u.variable, Type::Any)?;
        Ok(Clause::Unwind { expr, slot })
    }

    fn bind_create(&mut self, c: &ast::Create) -> Result<Clause> {
        Ok(Clause::Create(self.bind_pattern(&c.pattern, PatternUse::Create)?))
    }

    fn bind_merge(&mut self, m: &ast::Merge) -> Result<Clause> {
        let before = self.scope.slots();
        let part = self.bind_pattern_part(&m.part, PatternUse::Merge)?;
        let new_slots = self.scope.slots().into_iter().filter(|s| !before.contains(s)).collect();
        let on_create = m.on_create.iter().map(|i| self.bind_set_item(i)).collect::<Result<_>>()?;
        let on_match = m.on_match.iter().map(|i| self.bind_set_item(i)).collect::<Result<_>>()?;
        Ok(Clause::Merge(bound::MergeClause { part, on_create, on_match, new_slots }))
    }

    fn bind_set_item(&mut self, item: &ast::SetItem) -> Result<bound::SetItem> {
        Ok(match item {
            ast::SetItem::Property { target, key, value, span } => bound::SetItem::Property {
                target: self.bind_expr(target)?,
                key: self.prop_key_ref(key)?,
                value: self.bind_expr(value)?,
                span: *span,
            },
            ast::SetItem::DynamicProperty { target, key, value, span } => bound::SetItem::DynamicProperty {
                target: self.bind_expr(target)?,
                key: self.bind_expr(key)?,
                value: self.bind_expr(value)?,
                span: *span,
            },
            ast::SetItem::Replace { variable, value, span } => bound::SetItem::Replace {
                slot: self.entity_slot(variable)?,
                value: self.bind_expr(value)?,
                span: *span,
            },
            ast::SetItem::Merge { variable, value, span } => {
                bound::SetItem::Merge { slot: self.entity_slot(variable)?, value: self.bind_expr(value)?, span: *span }
            }
            ast::SetItem::Labels { variable, labels, dynamic, span } => bound::SetItem::Labels {
                slot: self.node_slot(variable)?,
                labels: labels.iter().map(|l| self.label_ref(l)).collect::<Result<_>>()?,
                dynamic: dynamic.iter().map(|e| self.bind_expr(e)).collect::<Result<_>>()?,
                span: *span,
            },
        })
    }

    fn entity_slot(&self, variable: &ast::Ident) -> Result<Slot> {
        let (slot, ty) = self.lookup(&variable.name, variable.span)?;
        if !matches!(ty, Type::Node | Type::Relationship | Type::Any) {
            return Err(Error::at(
                ErrorCode::InvalidArgumentType,
                variable.span,
                format!("`{}` is not a node or relationship", variable.name),
            ));
        }
        Ok(slot)
    }

    fn node_slot(&self, variable: &ast::Ident) -> Result<Slot> {
        let (slot, ty) = self.lookup(&variable.name, variable.span)?;
        if !matches!(ty, Type::Node | Type::Any) {
            return Err(Error::at(
                ErrorCode::InvalidArgumentType,
                variable.span,
                format!("`{}` is not a node", variable.name),
            ));
        }
        Ok(slot)
    }

    fn bind_remove(&mut self, r: &ast::Remove) -> Result<Clause> {
        let mut items = Vec::new();
        for item in &r.items {
            items.push(match item {
                ast::RemoveItem::Labels { variable, labels, dynamic, span } => bound::RemoveItem::Labels {
                    slot: self.node_slot(variable)?,
                    labels: labels.iter().map(|l| self.label_ref(l)).collect::<Result<_>>()?,
                    dynamic: dynamic.iter().map(|e| self.bind_expr(e)).collect::<Result<_>>()?,
                    span: *span,
                },
                ast::RemoveItem::Property { target, key, span } => bound::RemoveItem::Property {
                    target: self.bind_expr(target)?,
                    key: self.prop_key_ref(key)?,
                    span: *span,
                },
                ast::RemoveItem::DynamicProperty { target, key, span } => bound::RemoveItem::DynamicProperty {
                    target: self.bind_expr(target)?,
                    key: self.bind_expr(key)?,
                    span: *span,
                },
            });
        }
        Ok(Clause::Remove(items))
    }

    fn bind_delete(&mut self, d: &ast::Delete) -> Result<Clause> {
        let mut exprs = Vec::new();
        for e in &d.exprs {
            let bound = self.bind_expr(e)?;
            if let bound::ExprKind::HasLabels(..) = bound.kind {
                return Err(Error::at(
                    ErrorCode::InvalidDelete,
                    e.span,
                    "DELETE removes nodes and relationships; REMOVE n:Label removes a label",
                ));
            }
            if !matches!(bound.ty, Type::Node | Type::Relationship | Type::Path | Type::Any) {
                return Err(Error::at(
                    ErrorCode::InvalidArgumentType,
                    e.span,
                    "DELETE needs a node, relationship or path",
                ));
            }
            exprs.push(bound);
        }
        Ok(Clause::Delete { detach: d.detach, exprs })
    }

    fn bind_procedure_call(&mut self, c: &ast::Call) -> Result<Clause> {
        let procedure = functions::procedure(&c.procedure)?;
        let given = c.args.as_deref().unwrap_or_default();
        let max_args = functions::procedure_max_args(procedure);
        if let Some(extra) = given.get(max_args) {
            let wanted = match max_args {
                0 => "no arguments".to_string(),
                n => format!("at most {n} argument(s)"),
            };
            return Err(Error::at(
                ErrorCode::InvalidNumberOfArguments,
                extra.span,
                format!("procedure {} takes {wanted}", c.procedure.name),
            ));
        }
        let min_args = functions::procedure_min_args(procedure);
        if given.len() < min_args {
            return Err(Error::at(
                ErrorCode::InvalidNumberOfArguments,
                c.procedure.span,
                format!("procedure {} takes {min_args} argument(s), got {}", c.procedure.name, given.len()),
            ));
        }
        let args = given.iter().map(|a| self.bind_expr(a)).collect::<Result<Vec<_>>>()?;
        let columns = functions::procedure_columns(procedure);
        let mut yields: Vec<Option<Slot>> = vec![None; columns.len()];
        let mut filter = None;
        match &c.yields {
            None if !self.standalone_call => {}
            None => {
                for (i, name) in columns.iter().enumerate() {
                    let ident = ast::Ident { name: name.to_string(), span: c.span };
                    yields[i] = Some(self.declare(&ident, Type::Any)?);
                }
            }
            Some(y) => {
                for (i, name) in columns.iter().enumerate() {
                    if y.star {
                        let ident = ast::Ident { name: name.to_string(), span: c.span };
                        yields[i] = Some(self.declare(&ident, Type::Any)?);
                    }
                }
                for (field, alias) in &y.items {
                    let Some(i) = columns.iter().position(|c| *c == field.name) else {
                        return Err(Error::at(
                            ErrorCode::UndefinedVariable,
                            field.span,
                            format!(
                                "procedure {} yields no `{}` (it yields {})",
                                c.procedure.name,
                                field.name,
                                columns.join(", ")
                            ),
                        ));
                    };
                    yields[i] = Some(self.declare(alias.as_ref().unwrap_or(field), Type::Any)?);
                }
                filter = y.where_.as_ref().map(|w| self.bind_predicate(w)).transpose()?;
            }
        }
        Ok(Clause::Call(bound::ProcedureCall { procedure, args, yields, filter, span: c.span }))
    }

    /// WITH or RETURN: items, aggregates, DISTINCT, ORDER BY, SKIP, LIMIT, WHERE.
    pub(super) fn bind_projection(
        &mut self,
        p: &ast::Projection,
        where_: Option<&ast::Expr>,
        span: Span,
        is_return: bool,
    ) -> Result<(bound::Projection, Vec<String>)> {
        let mut entries: Vec<(String, Column<'_>, Span)> = Vec::new();
        if p.star {
            // `WITH *` over no variables just passes the rows on; `RETURN *` would return nothing.
            if self.scope.is_empty() && is_return {
                return Err(Error::at(ErrorCode::NoVariablesInScope, span, "RETURN * needs variables in scope"));
            }
            let mut names: Vec<String> = self.scope.names().map(str::to_string).collect();
            names.sort();
            for name in names {
                entries.push((name, Column::InScope, span));
            }
        }
        let mut missing_alias = None;
        for item in &p.items {
            let name = match &item.alias {
                Some(alias) => alias.name.clone(),
                None => {
                    if !is_return && !matches!(item.expr.kind, ast::ExprKind::Variable(_)) {
                        // Reported after ORDER BY and WHERE are checked, as openCypher does.
                        missing_alias.get_or_insert(Error::at(
                            ErrorCode::NoExpressionAlias,
                            item.expr.span,
                            "an expression in WITH must be aliased (use AS)",
                        ));
                    }
                    item.text.clone()
                }
            };
            entries.push((name, Column::Item(item), item.expr.span));
        }
        for (i, (name, _, span)) in entries.iter().enumerate() {
            if entries[..i].iter().any(|(n, _, _)| n == name) {
                return Err(Error::at(
                    ErrorCode::ColumnNameConflict,
                    *span,
                    format!("column `{name}` is projected twice"),
                ));
            }
        }

        let mut aggregates = Vec::new();
        let mut items = Vec::new();
        let mut new_scope = super::scope::Scope::default();
        for (name, column, _) in &entries {
            let bound = match column {
                Column::InScope => {
                    let (slot, ty) = self.lookup(name, span)?;
                    bound::Expr { kind: bound::ExprKind::Slot(slot), ty, span }
                }
                Column::Item(item) => self.bind_expr_with_aggregates(&item.expr, &mut aggregates)?,
            };
            let slot = self.named_slot(name);
            if let bound::ExprKind::Slot(from) = bound.kind {
                self.carry_known(from, slot);
            }
            new_scope.insert(name, slot, bound.ty);
            items.push((slot, bound));
        }
        let aggregating = !aggregates.is_empty();

        // ORDER BY and WHERE see the new names and the old ones; after aggregation or
        // DISTINCT, the old ones only inside projected expressions (projection.rs).
        let old_scope = std::mem::take(&mut self.scope);
        let mut sort_scope = old_scope.clone();
        for (name, slot, ty) in new_scope.entries() {
            sort_scope.insert(name, *slot, *ty);
        }
        self.scope = sort_scope;
        let projected = Projected { items: &items, aggregates: &aggregates, columns: &new_scope, before: &old_scope };
        let restricted = aggregating || p.distinct;
        let order_by = p
            .order_by
            .iter()
            .map(|s| {
                let mut extra = Vec::new();
                let key = if aggregating {
                    self.bind_expr_with_aggregates(&s.expr, &mut extra)?
                } else {
                    self.bind_expr(&s.expr)?
                };
                let key = if restricted { projected.resolve_after(key, &extra)? } else { key };
                Ok((key, s.descending))
            })
            .collect::<Result<Vec<_>>>()?;
        let filter = where_
            .map(|w| {
                let predicate = self.bind_predicate(w)?;
                if restricted {
                    projected.resolve_after(predicate, &[])
                } else {
                    Ok(predicate)
                }
            })
            .transpose()?;
        if let Some(error) = missing_alias {
            return Err(error);
        }
        let items = if aggregating { projected.group_mixed_items()? } else { items };
        let mut kept: Vec<Slot> = items.iter().map(|(s, _)| *s).collect();
        if !self.imports.is_empty() {
            // Inside an expression subquery the outer variables outlive the projection.
            let declared: Vec<&str> = entries
                .iter()
                .filter(|(name, column, _)| match column {
                    Column::InScope => false,
                    Column::Item(item) => !matches!(&item.expr.kind, ast::ExprKind::Variable(v) if v == name),
                })
                .map(|(name, _, _)| name.as_str())
                .collect();
            self.keep_imports(&declared, &mut new_scope, &mut kept, span)?;
        }
        self.scope = new_scope;
        let skip = p.skip.as_ref().map(|e| self.bind_count(e, "SKIP")).transpose()?;
        let limit = p.limit.as_ref().map(|e| self.bind_count(e, "LIMIT")).transpose()?;
        let columns = entries.into_iter().map(|(n, _, _)| n).collect();
        let projection =
            bound::Projection { items, aggregates, distinct: p.distinct, order_by, skip, limit, filter, kept, span };
        Ok((projection, columns))
    }

    /// SKIP and LIMIT take a non-negative integer known before the query runs.
    pub(super) fn bind_count(&mut self, e: &ast::Expr, what: &str) -> Result<bound::Expr> {
        let bound = self.bind_expr(e)?;
        let mut reads_variable = false;
        bound.visit(&mut |x| reads_variable |= matches!(x.kind, bound::ExprKind::Slot(_)));
        if reads_variable {
            return Err(Error::at(
                ErrorCode::NonConstantExpression,
                e.span,
                format!("{what} needs a value known before the query runs, not one that depends on a row"),
            ));
        }
        if let bound::ExprKind::Literal(value) = &bound.kind {
            check_count(value, e.span, what)?;
        }
        Ok(bound)
    }
}

/// SKIP and LIMIT take a non-negative integer.
pub fn check_count(value: &crate::Value, span: Span, what: &str) -> Result<usize> {
    match value {
        crate::Value::Int(n) if *n >= 0 => Ok(*n as usize),
        crate::Value::Int(n) => Err(Error::at(
            ErrorCode::NegativeIntegerArgument,
            span,
            format!("{what} needs a non-negative integer, got {n}"),
        )),
        other => Err(Error::at(
            ErrorCode::InvalidArgumentType,
            span,
            format!("{what} needs an integer, got {} {other}", other.type_name()),
        )),
    }
}

/// Where a WITH/RETURN column comes from: a variable in scope (through `*`), or an item.
enum Column<'a> {
    InScope,
    Item(&'a ast::ProjectionItem),
}

/// How a pattern is used decides which variables may be new and what is checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PatternUse {
    Match,
    Create,
    Merge,
    /// Inside an expression: may not introduce variables (except in comprehensions).
    Predicate,
}
