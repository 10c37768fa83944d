//! Subqueries: `CALL { … }` (with its importing WITH or scope clause), the expression
//! subqueries `EXISTS/COUNT/COLLECT { … }`, `FOREACH`, and `LOAD CSV`.
//!
//! Neo4j scopes the two kinds differently. An expression subquery sees every variable of
//! the row around it, in every clause (a WITH inside does not drop them), and may not
//! shadow one. A `CALL { … }` sees only what it imports (`CALL (x) { … }`, `CALL (*)`, or
//! a first `WITH x` that only names outer variables), and what it returns must be new.

use super::bound::{self, Clause, Slot, SubqueryKind, Type};
use super::scope::Scope;
use super::Binder;
use crate::error::{Error, ErrorCode, Result};
use crate::span::Span;
use crate::syntax::ast;

/// What a subquery body may be: the clauses it may hold and how its parts must end.
#[derive(Clone, Copy, PartialEq, Eq)]
enum BodyUse {
    /// `EXISTS/COUNT { … }`: reads only; RETURN optional.
    Expression,
    /// `COLLECT { … }`: reads only; RETURN of exactly one column.
    Collect,
    /// `CALL { … }`: anything; RETURN or no RETURN in every part alike.
    Call,
}

impl Binder<'_> {
    /// `EXISTS/COUNT/COLLECT { … }` at `span`.
    pub(super) fn bind_expression_subquery(
        &mut self,
        kind: SubqueryKind,
        query: &ast::Query,
        span: Span,
    ) -> Result<(bound::ExprKind, Type)> {
        let outer = self.scope.clone();
        let saved_imports = std::mem::replace(&mut self.imports, outer.entries().to_vec());
        let how = if kind == SubqueryKind::Collect { BodyUse::Collect } else { BodyUse::Expression };
        let body = self.bind_body(query, how, false, span, &mut |_, _| Ok(outer.clone()));
        self.imports = saved_imports;
        self.scope = outer;
        let (body, _) = body?;
        let slot = self.new_slot();
        let ty = match kind {
            SubqueryKind::Exists => Type::Bool,
            SubqueryKind::Count => Type::Int,
            SubqueryKind::Collect => Type::List,
        };
        Ok((bound::ExprKind::Subquery(Box::new(bound::Subquery { kind, body, slot, span })), ty))
    }

    /// `[OPTIONAL] CALL [(…)] { … } [IN TRANSACTIONS …]`
    pub(super) fn bind_call_subquery(&mut self, c: &ast::CallSubquery) -> Result<Clause> {
        let outer = self.scope.clone();
        let saved_imports = std::mem::take(&mut self.imports);
        let saved_standalone = std::mem::replace(&mut self.standalone_call, false);
        let by_with = c.scope.is_none();
        let body = self.bind_body(&c.query, BodyUse::Call, by_with, c.span, &mut |binder, part| {
            let imported = binder.call_imports(c.scope.as_ref(), part, &outer)?;
            if !by_with {
                // What a scope clause imports stays visible through the body's WITHs, as in
                // Neo4j (`CALL (p) { WITH rand() AS r SET p.x = r … }`).
                binder.imports = imported.entries().to_vec();
            }
            Ok(imported)
        });
        self.imports = saved_imports;
        self.standalone_call = saved_standalone;
        let inner_scope = std::mem::replace(&mut self.scope, outer);
        let (body, columns) = body?;
        for (name, slot) in columns.iter().zip(&body.output) {
            if self.scope.get(name).is_some() {
                return Err(Error::at(
                    ErrorCode::VariableAlreadyBound,
                    c.span,
                    format!("variable `{name}` is already declared in the outer scope; return it under another name"),
                ));
            }
            let ty = inner_scope.get(name).map_or(Type::Any, |(_, t)| t);
            self.scope.insert(name, *slot, ty);
        }
        let in_transactions = c.in_transactions.as_ref().map(|t| self.bind_in_transactions(t)).transpose()?;
        Ok(Clause::Subquery(bound::CallSubquery { optional: c.optional, body, in_transactions, span: c.span }))
    }

    fn bind_in_transactions(&mut self, t: &ast::InTransactions) -> Result<bound::InTransactions> {
        let batch = t.batch.as_ref().map(|e| self.bind_count(e, "OF … ROWS")).transpose()?;
        if let Some(bound::Expr { kind: bound::ExprKind::Literal(crate::Value::Int(0)), span, .. }) = batch {
            return Err(Error::at(ErrorCode::InvalidArgumentValue, span, "a batch needs at least one row"));
        }
        let report = match &t.report {
            Some(variable) if t.on_error == ast::OnError::Fail => {
                return Err(Error::at(
                    ErrorCode::InvalidClauseComposition,
                    variable.span,
                    "REPORT STATUS needs ON ERROR CONTINUE or ON ERROR BREAK",
                ))
            }
            Some(variable) => Some(self.declare(variable, Type::Map)?),
            None => None,
        };
        Ok(bound::InTransactions { batch, on_error: t.on_error, report })
    }

    /// The scope a `CALL { … }` part starts in, and the clauses left to bind (an
    /// importing WITH is consumed here).
    fn call_imports(
        &mut self,
        scope: Option<&ast::SubqueryScope>,
        part: &ast::SingleQuery,
        outer: &Scope,
    ) -> Result<Scope> {
        let mut imported = Scope::default();
        match scope {
            Some(ast::SubqueryScope::All) => return Ok(outer.clone()),
            Some(ast::SubqueryScope::Variables(names)) => {
                for name in names {
                    let (slot, ty) = self.lookup_in(outer, name)?;
                    imported.insert(&name.name, slot, ty);
                }
            }
            None => {
                if let Some(ast::Clause::With(with)) = part.clauses.first() {
                    if importing_with(with, outer) {
                        check_importing_with(with, outer)?;
                        if with.projection.star {
                            return Ok(outer.clone());
                        }
                        for item in &with.projection.items {
                            if let ast::ExprKind::Variable(name) = &item.expr.kind {
                                let ident = ast::Ident { name: name.clone(), span: item.expr.span };
                                let (slot, ty) = self.lookup_in(outer, &ident)?;
                                imported.insert(name, slot, ty);
                            }
                        }
                    }
                }
            }
        }
        Ok(imported)
    }

    fn lookup_in(&mut self, scope: &Scope, name: &ast::Ident) -> Result<(Slot, Type)> {
        let saved = std::mem::replace(&mut self.scope, scope.clone());
        let found = self.lookup(&name.name, name.span);
        self.scope = saved;
        found
    }

    /// Binds every UNION part of a subquery, each from the scope `start` gives it, and
    /// maps the parts' columns onto one set of slots.
    fn bind_body(
        &mut self,
        query: &ast::Query,
        how: BodyUse,
        imports_by_with: bool,
        span: Span,
        start: &mut dyn FnMut(&mut Self, &ast::SingleQuery) -> Result<Scope>,
    ) -> Result<(bound::SubqueryBody, Vec<String>)> {
        let mut parts = Vec::new();
        let mut columns: Option<Vec<String>> = None;
        let mut types = Vec::new();
        for (i, part) in query.parts().enumerate() {
            self.scope = start(self, part)?;
            let skip_import = imports_by_with && starts_with_import(part, &self.scope);
            let (bound_part, part_columns) = self.bind_part(part, how, skip_import)?;
            let part_span = query.unions.get(i.wrapping_sub(1)).map_or(part.span, |u| u.span);
            match &columns {
                None => {
                    types = part_columns.iter().map(|c| self.scope.get(c).map_or(Type::Any, |(_, t)| t)).collect();
                    columns = Some(part_columns);
                }
                Some(first) if *first != part_columns => {
                    return Err(Error::at(
                        ErrorCode::DifferentColumnsInUnion,
                        part_span,
                        format!(
                            "all parts of a UNION must return the same columns: [{}] and [{}]",
                            first.join(", "),
                            part_columns.join(", ")
                        ),
                    ))
                }
                Some(_) => {}
            }
            parts.push(bound_part);
        }
        let columns = columns.unwrap_or_default();
        if how == BodyUse::Collect && columns.len() != 1 {
            return Err(Error::at(
                ErrorCode::InvalidClauseComposition,
                span,
                "a COLLECT subquery must end with a RETURN of exactly one column",
            ));
        }
        let output = match parts.as_slice() {
            [only] => only.output.clone(),
            _ => columns.iter().map(|_| self.new_slot()).collect(),
        };
        // The rows after the subquery see its columns (in the slots the parts map onto).
        let mut after = Scope::default();
        for ((name, slot), ty) in columns.iter().zip(&output).zip(types) {
            after.insert(name, *slot, ty);
        }
        self.scope = after;
        let union_all = query.unions.iter().all(|u| u.all);
        if query.unions.iter().any(|u| u.all) && !union_all {
            return Err(Error::at(ErrorCode::InvalidClauseComposition, span, "cannot mix UNION and UNION ALL"));
        }
        Ok((bound::SubqueryBody { parts, union_all, output }, columns))
    }

    /// One part of a subquery: its clauses, and its RETURN's slots and names.
    fn bind_part(
        &mut self,
        part: &ast::SingleQuery,
        how: BodyUse,
        skip_import: bool,
    ) -> Result<(bound::SubqueryPart, Vec<String>)> {
        let n = part.clauses.len();
        for (i, clause) in part.clauses.iter().enumerate() {
            if matches!(clause, ast::Clause::Return(_)) && i + 1 < n {
                return Err(Error::at(
                    ErrorCode::InvalidClauseComposition,
                    part.clauses[i + 1].span(),
                    "RETURN must be the last clause",
                ));
            }
            if how != BodyUse::Call && clause.writes() {
                return Err(Error::at(
                    ErrorCode::InvalidClauseComposition,
                    clause.span(),
                    "an expression subquery can only read: CREATE, MERGE, SET, REMOVE and DELETE are not allowed in it",
                ));
            }
        }
        if how == BodyUse::Call && part.finish.is_none() {
            if let Some(last) = part.clauses.last().filter(|c| !c.writes() && !matches!(c, ast::Clause::Return(_))) {
                if !matches!(last, ast::Clause::Call(_)) {
                    return Err(Error::at(
                        ErrorCode::InvalidClauseComposition,
                        last.span(),
                        format!("a CALL subquery cannot end with {}: add a RETURN clause", last.name()),
                    ));
                }
            }
        }
        let mut clauses = Vec::new();
        let mut output = Vec::new();
        let mut columns = Vec::new();
        for clause in part.clauses.iter().skip(usize::from(skip_import)) {
            match clause {
                ast::Clause::Return(ret) => {
                    let (projection, names) = self.bind_projection(&ret.projection, None, ret.span, true)?;
                    output = projection.kept[..names.len()].to_vec();
                    columns = names;
                    clauses.push(Clause::Project(projection));
                }
                other => clauses.push(self.bind_clause(other)?),
            }
        }
        Ok((bound::SubqueryPart { clauses, output }, columns))
    }

    /// `FOREACH (x IN list | clauses)`: `x` and what the clauses bind stay inside.
    pub(super) fn bind_foreach(&mut self, f: &ast::Foreach) -> Result<Clause> {
        let list = self.bind_expr(&f.list)?;
        let saved = self.scope.clone();
        let result = self.bind_foreach_body(f);
        self.scope = saved;
        let (slot, clauses) = result?;
        Ok(Clause::Foreach { slot, list, clauses })
    }

    fn bind_foreach_body(&mut self, f: &ast::Foreach) -> Result<(Slot, Vec<Clause>)> {
        let slot = self.declare(&f.variable, Type::Any)?;
        let mut clauses = Vec::new();
        for clause in &f.clauses {
            if !clause.writes() || matches!(clause, ast::Clause::Subquery(_)) {
                return Err(Error::at(
                    ErrorCode::InvalidClauseComposition,
                    clause.span(),
                    format!(
                        "FOREACH can only hold updating clauses (CREATE, MERGE, SET, REMOVE, DELETE, FOREACH), not {}",
                        clause.name()
                    ),
                ));
            }
            clauses.push(self.bind_clause(clause)?);
        }
        Ok((slot, clauses))
    }

    /// `LOAD CSV … AS row`
    pub(super) fn bind_load_csv(&mut self, l: &ast::LoadCsv) -> Result<Clause> {
        let url = self.bind_expr(&l.url)?;
        let terminator = match &l.terminator {
            None => b',',
            Some((text, span)) => match text.as_bytes() {
                [byte] if byte.is_ascii() => *byte,
                _ => {
                    return Err(Error::at(
                        ErrorCode::InvalidArgumentValue,
                        *span,
                        format!("FIELDTERMINATOR must be one ASCII character, got {text:?}"),
                    ))
                }
            },
        };
        let slot = self.declare(&l.variable, if l.headers { Type::Map } else { Type::List })?;
        let (line_slot, file_slot) = (self.new_slot(), self.new_slot());
        self.load_csv = Some((line_slot, file_slot));
        Ok(Clause::LoadCsv(bound::LoadCsv {
            headers: l.headers,
            url,
            slot,
            terminator,
            line_slot,
            file_slot,
            span: l.span,
        }))
    }

    /// The imported variables a WITH projection keeps besides its own items: in an
    /// expression subquery every outer variable stays visible. An item may not shadow one.
    pub(super) fn keep_imports(
        &self,
        declared: &[&str],
        columns: &mut Scope,
        kept: &mut Vec<Slot>,
        span: Span,
    ) -> Result<()> {
        for (name, slot, ty) in &self.imports {
            match columns.get(name) {
                _ if declared.contains(&name.as_str()) => {
                    return Err(Error::at(
                        ErrorCode::VariableAlreadyBound,
                        span,
                        format!("`{name}` is a variable of the outer scope; a subquery cannot declare it again"),
                    ))
                }
                Some(_) => {}
                None => {
                    columns.insert(name, *slot, *ty);
                    kept.push(*slot);
                }
            }
        }
        Ok(())
    }
}

/// Whether a CALL part's first clause is an importing WITH: it names outer variables.
fn starts_with_import(part: &ast::SingleQuery, imported: &Scope) -> bool {
    match part.clauses.first() {
        Some(ast::Clause::With(with)) => importing_with(with, imported) && !imported.is_empty(),
        _ => false,
    }
}

fn importing_with(with: &ast::With, outer: &Scope) -> bool {
    (with.projection.star && !outer.is_empty())
        || with.projection.items.iter().any(|item| match &item.expr.kind {
            ast::ExprKind::Variable(name) => outer.get(name).is_some(),
            _ => false,
        })
}

/// An importing WITH may only name outer variables: no alias to another name, no
/// expression, WHERE, DISTINCT, ORDER BY, SKIP or LIMIT (Neo4j's rule).
fn check_importing_with(with: &ast::With, outer: &Scope) -> Result<()> {
    let p = &with.projection;
    let plain = p.items.iter().all(|item| match &item.expr.kind {
        ast::ExprKind::Variable(name) => {
            outer.get(name).is_some() && item.alias.as_ref().is_none_or(|a| a.name == *name)
        }
        _ => false,
    });
    if plain && !p.distinct && p.order_by.is_empty() && p.skip.is_none() && p.limit.is_none() && with.where_.is_none() {
        return Ok(());
    }
    Err(Error::at(
        ErrorCode::InvalidClauseComposition,
        with.span,
        "an importing WITH may only name outer variables (no alias, expression, DISTINCT, WHERE, ORDER BY, SKIP or LIMIT)",
    )
    .with_hint("import with a scope clause instead: CALL (x) { … }"))
}
