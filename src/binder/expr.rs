//! Binding expressions: variables to slots, parameters substituted, functions resolved
//! and checked for arity, aggregates lifted out into the projection.

use std::sync::Arc;

use super::bound::{self, AggregateCall, ExprKind, MapProjectionValue, SubqueryKind, Type};
use super::clause::PatternUse;
use super::functions::{self, Callee};
use super::Binder;
use crate::error::{Error, ErrorCode, Result};
use crate::span::Span;
use crate::syntax::ast::{self, BinaryOp, Literal, UnaryOp};
use crate::value::Value;

/// Where aggregates may appear: only directly in WITH/RETURN items.
enum AggregateSink<'s> {
    Forbidden,
    /// Inside an aggregate's arguments.
    Nested,
    Collect(&'s mut Vec<AggregateCall>),
}

impl Binder<'_> {
    pub(super) fn bind_expr(&mut self, expr: &ast::Expr) -> Result<bound::Expr> {
        self.bind(expr, &mut AggregateSink::Forbidden)
    }

    pub(super) fn bind_predicate(&mut self, expr: &ast::Expr) -> Result<bound::Expr> {
        self.in_predicate = true;
        let bound = self.bind_expr(expr)?;
        if !matches!(bound.ty, Type::Bool | Type::Any) {
            return Err(Error::at(
                ErrorCode::InvalidArgumentType,
                expr.span,
                format!("WHERE needs a boolean, but this is {}", super::pattern::a_type_word(bound.ty)),
            ));
        }
        Ok(bound)
    }

    pub(super) fn bind_expr_with_aggregates(
        &mut self,
        expr: &ast::Expr,
        out: &mut Vec<AggregateCall>,
    ) -> Result<bound::Expr> {
        self.bind(expr, &mut AggregateSink::Collect(out))
    }

    pub(super) fn param(&self, name: &str, span: Span) -> Result<Value> {
        self.params.get(name).cloned().ok_or_else(|| {
            Error::at(ErrorCode::ParameterMissing, span, format!("parameter ${name} has no value"))
                .with_hint(format!("set it with --param {name}=<value>, or :param {name} => <value>"))
        })
    }

    fn bind(&mut self, expr: &ast::Expr, aggregates: &mut AggregateSink<'_>) -> Result<bound::Expr> {
        let span = expr.span;
        let in_predicate = std::mem::take(&mut self.in_predicate);
        let (kind, ty) = match &expr.kind {
            ast::ExprKind::Literal(lit) => literal(lit),
            ast::ExprKind::Parameter(name) => {
                let value = self.param(name, span)?;
                let ty = value_type(&value);
                (ExprKind::Literal(value), ty)
            }
            ast::ExprKind::Variable(name) => {
                let (slot, ty) = self.lookup(name, span)?;
                (ExprKind::Slot(slot), ty)
            }
            ast::ExprKind::List(items) => {
                let items = items.iter().map(|e| self.bind(e, aggregates)).collect::<Result<_>>()?;
                (ExprKind::List(items), Type::List)
            }
            ast::ExprKind::Map(entries) => {
                let entries = entries
                    .iter()
                    .map(|(k, v)| Ok((Arc::from(k.name.as_str()), self.bind(v, aggregates)?)))
                    .collect::<Result<_>>()?;
                (ExprKind::Map(entries), Type::Map)
            }
            ast::ExprKind::Property(owner, key) => {
                let owner = self.bind(owner, aggregates)?;
                (self.bind_property(owner, key, span)?, Type::Any)
            }
            ast::ExprKind::Index(list, index) => {
                let list = self.bind(list, aggregates)?;
                let index = self.bind(index, aggregates)?;
                (ExprKind::Index(Box::new(list), Box::new(index)), Type::Any)
            }
            ast::ExprKind::Slice(list, from, to) => {
                let list = self.bind(list, aggregates)?;
                let from = from.as_ref().map(|e| self.bind(e, aggregates)).transpose()?.map(Box::new);
                let to = to.as_ref().map(|e| self.bind(e, aggregates)).transpose()?.map(Box::new);
                (ExprKind::Slice(Box::new(list), from, to), Type::List)
            }
            ast::ExprKind::HasLabels(owner, labels) => {
                let owner = self.bind(owner, aggregates)?;
                let labels = labels.iter().map(|l| self.label_ref(l)).collect::<Result<_>>()?;
                (ExprKind::HasLabels(Box::new(owner), labels), Type::Bool)
            }
            ast::ExprKind::LabelTest(owner, test) => {
                let owner = self.bind(owner, aggregates)?;
                return Ok(bound::Expr { span, ..self.bind_label_test(owner, test)? });
            }
            ast::ExprKind::Unary(op, operand) => {
                self.in_predicate = *op == UnaryOp::Not;
                let operand = self.bind(operand, aggregates)?;
                if *op == UnaryOp::Not {
                    expect_boolean("NOT", &operand)?;
                }
                let ty = match op {
                    UnaryOp::Not => Type::Bool,
                    _ => operand.ty,
                };
                (ExprKind::Unary(*op, Box::new(operand)), ty)
            }
            ast::ExprKind::Binary(op, lhs, rhs) => {
                let logical = matches!(op, BinaryOp::And | BinaryOp::Or | BinaryOp::Xor);
                self.in_predicate = logical;
                let lhs = self.bind(lhs, aggregates)?;
                self.in_predicate = logical;
                let rhs = self.bind(rhs, aggregates)?;
                if matches!(op, BinaryOp::And | BinaryOp::Or | BinaryOp::Xor) {
                    let word = format!("{op:?}").to_uppercase();
                    expect_boolean(&word, &lhs)?;
                    expect_boolean(&word, &rhs)?;
                }
                check_operand_types(*op, &lhs, &rhs)?;
                let ty = binary_type(*op, lhs.ty, rhs.ty);
                (ExprKind::Binary(*op, Box::new(lhs), Box::new(rhs)), ty)
            }
            ast::ExprKind::TypeTest { expr: inner, ty, negated } => {
                let inner = self.bind(inner, aggregates)?;
                (ExprKind::TypeTest { expr: Box::new(inner), ty: ty.clone(), negated: *negated }, Type::Bool)
            }
            ast::ExprKind::IsNull { expr: inner, negated } => {
                let inner = self.bind(inner, aggregates)?;
                (ExprKind::IsNull { expr: Box::new(inner), negated: *negated }, Type::Bool)
            }
            ast::ExprKind::FunctionCall { name, distinct, args } => {
                return self.bind_call(name, *distinct, args, span, aggregates)
            }
            ast::ExprKind::CountStar => {
                return self.bind_aggregate(bound::AggregateFunction::CountStar, false, &[], span, aggregates);
            }
            ast::ExprKind::Case { subject, whens, otherwise } => {
                let subject = subject.as_ref().map(|e| self.bind(e, aggregates)).transpose()?.map(Box::new);
                let whens = whens
                    .iter()
                    .map(|(w, t)| {
                        self.in_predicate = subject.is_none();
                        let condition = self.bind(w, aggregates)?;
                        if subject.is_none() {
                            expect_boolean("WHEN", &condition)?;
                        }
                        Ok((condition, self.bind(t, aggregates)?))
                    })
                    .collect::<Result<Vec<_>>>()?;
                let otherwise = otherwise.as_ref().map(|e| self.bind(e, aggregates)).transpose()?.map(Box::new);
                (ExprKind::Case { subject, whens, otherwise }, Type::Any)
            }
            ast::ExprKind::ListComprehension { variable, list, filter, map } => {
                let list = self.bind(list, aggregates)?;
                let (slot, filter, map) = self.in_inner_scope(variable, element_type(&list), |b| {
                    let filter = filter.as_ref().map(|e| b.bind_predicate(e)).transpose()?.map(Box::new);
                    let map = map.as_ref().map(|e| b.bind_expr(e)).transpose()?.map(Box::new);
                    Ok((filter, map))
                })?;
                (ExprKind::ListComprehension { slot, list: Box::new(list), filter, map }, Type::List)
            }
            ast::ExprKind::Quantifier { kind, variable, list, filter } => {
                let list = self.bind(list, aggregates)?;
                let (slot, filter, ()) = self.in_inner_scope(variable, element_type(&list), |b| {
                    let filter = filter.as_ref().map(|e| b.bind_predicate(e)).transpose()?.map(Box::new);
                    Ok((filter, ()))
                })?;
                (ExprKind::Quantifier { kind: *kind, slot, list: Box::new(list), filter }, Type::Bool)
            }
            ast::ExprKind::Reduce { accumulator, init, variable, list, expr: body } => {
                let init = self.bind(init, aggregates)?;
                let list = self.bind(list, aggregates)?;
                (self.bind_reduce(accumulator, init, variable, list, body)?, Type::Any)
            }
            ast::ExprKind::PatternPredicate(element) => {
                if !in_predicate {
                    return Err(Error::at(
                        ErrorCode::UnexpectedSyntax,
                        span,
                        "a pattern can only be used as a predicate (in WHERE, with NOT/AND/OR, or in exists())",
                    )
                    .with_hint("to get the matches as a list, use a pattern comprehension: [p = (a)-->(b) | p]"));
                }
                self.bind_pattern_predicate(element, span)?
            }
            ast::ExprKind::PatternComprehension { path_variable, pattern, filter, map } => {
                let saved = self.scope.clone();
                let result = self.bind_pattern_comprehension(path_variable, pattern, filter.as_deref(), map);
                self.scope = saved;
                (result?, Type::List)
            }
            ast::ExprKind::Exists(inner) => {
                self.in_predicate = true;
                let of_pattern = is_pattern(inner);
                let inner = self.bind(inner, aggregates)?;
                match inner.kind {
                    // exists((a)-->(b)) is the pattern predicate itself.
                    ExprKind::PatternExists(_) => (inner.kind, Type::Bool),
                    ExprKind::Subquery(ref subquery) if subquery.kind == SubqueryKind::Exists && of_pattern => {
                        (inner.kind, Type::Bool)
                    }
                    _ => (ExprKind::Call(bound::Function::Exists, vec![inner]), Type::Bool),
                }
            }
            ast::ExprKind::MapProjection { variable, items } => self.bind_map_projection(variable, items, span)?,
            ast::ExprKind::Subquery(kind, query) => self.bind_expression_subquery(*kind, query, span)?,
        };
        Ok(bound::Expr { kind, ty, span })
    }

    /// `owner.key`: a property of a node, relationship, map or date.
    fn bind_property(&mut self, owner: bound::Expr, key: &ast::Ident, span: Span) -> Result<ExprKind> {
        if matches!(owner.ty, Type::Int | Type::Float | Type::Bool | Type::String | Type::List | Type::Path) {
            return Err(Error::at(
                ErrorCode::InvalidArgumentType,
                span,
                format!("cannot read property `{}` of {}", key.name, super::pattern::a_type_word(owner.ty)),
            )
            // A path's property is a compile-time SyntaxError in openCypher; a scalar's a TypeError.
            .as_kind(if owner.ty == Type::Path {
                crate::ErrorKind::SyntaxError
            } else {
                crate::ErrorKind::TypeError
            }));
        }
        // Only a graph entity's keys are checked against the schema; a map's are free.
        let key_ref = if matches!(owner.ty, Type::Node | Type::Relationship) {
            let key_ref = self.prop_key_ref(key)?;
            self.check_declared_key(&owner, key, key_ref.id)?;
            key_ref
        } else {
            bound::NameRef { name: key.name.as_str().into(), id: self.view.catalog.prop_key(&key.name) }
        };
        Ok(ExprKind::Property(Box::new(owner), key_ref))
    }

    /// `reduce(acc = init, x IN list | body)`: `acc` and `x` are visible in `body` only.
    fn bind_reduce(
        &mut self,
        accumulator: &ast::Ident,
        init: bound::Expr,
        variable: &ast::Ident,
        list: bound::Expr,
        body: &ast::Expr,
    ) -> Result<ExprKind> {
        let saved = self.scope.clone();
        let acc = self.declare_shadowing(accumulator, Type::Any);
        let slot = self.declare_shadowing(variable, Type::Any);
        let body = self.bind_expr(body);
        self.scope = saved;
        Ok(ExprKind::Reduce {
            accumulator: acc,
            init: Box::new(init),
            slot,
            list: Box::new(list),
            expr: Box::new(body?),
        })
    }

    /// `[p = (a)-->(b) WHERE … | …]`; the caller restores the scope afterwards.
    fn bind_pattern_comprehension(
        &mut self,
        path_variable: &Option<ast::Ident>,
        pattern: &ast::PatternElement,
        filter: Option<&ast::Expr>,
        map: &ast::Expr,
    ) -> Result<ExprKind> {
        let part = ast::PatternPart {
            path_variable: path_variable.clone(),
            shortest: None,
            selector: false,
            element: pattern.clone(),
            where_: None,
            span: pattern.span,
        };
        let part = self.bind_pattern_part(&part, PatternUse::Match)?;
        let filter = filter.map(|e| self.bind_predicate(e)).transpose()?.map(Box::new);
        let map = Box::new(self.bind_expr(map)?);
        Ok(ExprKind::PatternComprehension { part: Box::new(part), filter, map })
    }

    /// `size([pattern WHERE f | m])` is `COUNT { MATCH pattern WHERE f }` when evaluating
    /// `m` cannot fail (it then only pads the list it is the length of), so the planner
    /// answers it as any COUNT: an expansion counted per row, a memo, a join. The
    /// comprehension is bound first, for its errors and to see its `m`; the slots that took
    /// are given back. None: not such a call.
    fn size_as_count(&mut self, argument: &ast::Expr, span: Span) -> Result<Option<bound::Expr>> {
        let ast::ExprKind::PatternComprehension { path_variable, pattern, filter, map } = &argument.kind else {
            return Ok(None);
        };
        let (saved_scope, slots_before) = (self.scope.clone(), self.n_slots);
        let bound = self.bind_pattern_comprehension(path_variable, pattern, filter.as_deref(), map);
        self.scope = saved_scope;
        let ExprKind::PatternComprehension { map: bound_map, .. } = bound? else {
            return Ok(None);
        };
        if !reads_without_failing(&bound_map) {
            return Ok(None);
        }
        self.forget_slots_from(slots_before);
        let mut part = predicate_part(pattern);
        part.path_variable = path_variable.clone();
        let pattern = ast::Pattern { parts: vec![part], span: pattern.span };
        let where_ = filter.as_deref().cloned();
        let matched = ast::Clause::Match(ast::Match { optional: false, pattern, where_, span: argument.span });
        let first = ast::SingleQuery { clauses: vec![matched], finish: None, span: argument.span };
        let query = ast::Query { first, unions: Vec::new() };
        let (kind, ty) = self.bind_expression_subquery(SubqueryKind::Count, &query, span)?;
        Ok(Some(bound::Expr { kind, ty, span }))
    }

    /// Gives back the slots numbered from `first` on (a binding that was only a check).
    fn forget_slots_from(&mut self, first: u32) {
        self.slot_names.retain(|slot, _| slot.0 < first);
        self.n_slots = first;
    }

    /// A pattern used as a condition (`WHERE (a)-[:T]->(:L)`) is `EXISTS { MATCH pattern }`,
    /// as Neo4j defines it, so the planner chooses how to answer it by cost like any
    /// EXISTS (a semi-join from a selective far end, or an expansion per row). It is first
    /// bound as a pattern predicate for that form's checks (it may name only variables
    /// bound before). A bare hop (`NOT (p)-[:KNOWS]-()`) stays a pattern predicate: a
    /// filter answers it from the node's degree inside the scan (`exec/bare_hop.rs`),
    /// cheaper than any operator per row; otherwise the slots that binding took are
    /// given back.
    fn bind_pattern_predicate(&mut self, element: &ast::PatternElement, span: Span) -> Result<(ExprKind, Type)> {
        let slots_before = self.n_slots;
        let part = self.bind_predicate_pattern(element)?;
        if part.is_bare_hop() {
            return Ok((ExprKind::PatternExists(Box::new(part)), Type::Bool));
        }
        self.forget_slots_from(slots_before);
        let pattern = ast::Pattern { parts: vec![predicate_part(element)], span: element.span };
        let matched = ast::Clause::Match(ast::Match { optional: false, pattern, where_: None, span: element.span });
        let first = ast::SingleQuery { clauses: vec![matched], finish: None, span: element.span };
        self.bind_expression_subquery(SubqueryKind::Exists, &ast::Query { first, unions: Vec::new() }, span)
    }

    fn bind_predicate_pattern(&mut self, element: &ast::PatternElement) -> Result<bound::PatternPart> {
        self.bind_pattern_part(&predicate_part(element), PatternUse::Predicate)
    }

    fn bind_map_projection(
        &mut self,
        variable: &ast::Ident,
        items: &[ast::MapProjectionItem],
        span: Span,
    ) -> Result<(ExprKind, Type)> {
        let (slot, ty) = self.lookup(&variable.name, variable.span)?;
        let base = Box::new(bound::Expr { kind: ExprKind::Slot(slot), ty, span: variable.span });
        let mut all_properties = false;
        let mut entries = Vec::new();
        for item in items {
            match item {
                ast::MapProjectionItem::AllProperties(_) => all_properties = true,
                ast::MapProjectionItem::Property(key) => {
                    let key_ref =
                        bound::NameRef { name: key.name.as_str().into(), id: self.view.catalog.prop_key(&key.name) };
                    entries.push((Arc::from(key.name.as_str()), MapProjectionValue::Property(key_ref)));
                }
                ast::MapProjectionItem::Entry(key, value) => {
                    entries.push((Arc::from(key.name.as_str()), MapProjectionValue::Expr(self.bind_expr(value)?)));
                }
                ast::MapProjectionItem::Variable(var) => {
                    let (s, t) = self.lookup(&var.name, var.span)?;
                    let value = bound::Expr { kind: ExprKind::Slot(s), ty: t, span: var.span };
                    entries.push((Arc::from(var.name.as_str()), MapProjectionValue::Expr(value)));
                }
            }
        }
        let _ = span;
        Ok((ExprKind::MapProjection { base, all_properties, entries }, Type::Map))
    }

    /// Binds `body` with `variable` declared (shadowing any outer one); restores the scope.
    fn in_inner_scope<A, B>(
        &mut self,
        variable: &ast::Ident,
        ty: Type,
        body: impl FnOnce(&mut Self) -> Result<(A, B)>,
    ) -> Result<(bound::Slot, A, B)> {
        let saved = self.scope.clone();
        let slot = self.declare_shadowing(variable, ty);
        let result = body(self);
        self.scope = saved;
        let (a, b) = result?;
        Ok((slot, a, b))
    }

    fn declare_shadowing(&mut self, variable: &ast::Ident, ty: Type) -> bound::Slot {
        let slot = self.named_slot(&variable.name);
        self.scope.insert(&variable.name, slot, ty);
        slot
    }

    fn bind_call(
        &mut self,
        name: &ast::Ident,
        distinct: bool,
        args: &[ast::Expr],
        span: Span,
        aggregates: &mut AggregateSink<'_>,
    ) -> Result<bound::Expr> {
        if let Some(kind) = self.load_csv_function(name, args) {
            return Ok(bound::Expr { kind, ty: Type::Any, span });
        }
        let callee = functions::resolve(name)?;
        if let (Callee::Scalar(bound::Function::Size), false, [argument]) = (&callee, distinct, args) {
            if let Some(counted) = self.size_as_count(argument, span)? {
                return Ok(counted);
            }
        }
        match callee {
            Callee::Aggregate(function) => self.bind_aggregate(function, distinct, args, span, aggregates),
            Callee::Scalar(function) => {
                if distinct {
                    return Err(Error::at(
                        ErrorCode::UnexpectedSyntax,
                        span,
                        format!("DISTINCT only applies to aggregates, not {}", name.name),
                    ));
                }
                functions::check_arity(function, name, args.len(), span)?;
                let args = args.iter().map(|a| self.bind(a, aggregates)).collect::<Result<Vec<_>>>()?;
                functions::check_argument_types(function, &args)?;
                let ty = functions::result_type(function);
                Ok(bound::Expr { kind: ExprKind::Call(function, args), ty, span })
            }
        }
    }

    /// `linenumber()` and `file()` read the slots of the LOAD CSV before them (null without one).
    fn load_csv_function(&self, name: &ast::Ident, args: &[ast::Expr]) -> Option<ExprKind> {
        let lower = name.name.to_lowercase();
        if !args.is_empty() || !matches!(lower.as_str(), "linenumber" | "file") {
            return None;
        }
        Some(match self.load_csv {
            Some((line, _)) if lower == "linenumber" => ExprKind::Slot(line),
            Some((_, file)) => ExprKind::Slot(file),
            None => ExprKind::Literal(Value::Null),
        })
    }

    fn bind_aggregate(
        &mut self,
        function: bound::AggregateFunction,
        distinct: bool,
        args: &[ast::Expr],
        span: Span,
        aggregates: &mut AggregateSink<'_>,
    ) -> Result<bound::Expr> {
        let sink = match aggregates {
            AggregateSink::Forbidden => {
                return Err(Error::at(
                    ErrorCode::InvalidAggregation,
                    span,
                    "aggregate functions are only allowed in WITH and RETURN items",
                ))
            }
            AggregateSink::Nested => {
                return Err(Error::at(
                    ErrorCode::NestedAggregation,
                    span,
                    "an aggregate cannot be used inside another aggregate",
                ))
            }
            AggregateSink::Collect(sink) => sink,
        };
        let expected = functions::aggregate_arity(function);
        if args.len() != expected {
            return Err(Error::at(
                ErrorCode::InvalidNumberOfArguments,
                span,
                format!("this aggregate takes {expected} argument(s), got {}", args.len()),
            ));
        }
        // Arguments are bound with aggregates forbidden: no nesting.
        let mut bound_args =
            args.iter().map(|a| self.bind(a, &mut AggregateSink::Nested)).collect::<Result<Vec<_>>>()?.into_iter();
        let arg = bound_args.next();
        let extra = bound_args.next();
        if let Some(random) = arg.as_ref().and_then(find_rand) {
            return Err(Error::at(
                ErrorCode::NonConstantExpression,
                random,
                "rand() inside an aggregate would give a different answer on every run",
            ));
        }
        let slot = self.new_slot();
        let ty = functions::aggregate_type(function);
        sink.push(AggregateCall { function, distinct, arg, extra, slot, span });
        Ok(bound::Expr { kind: ExprKind::Slot(slot), ty, span })
    }
}

fn find_rand(expr: &bound::Expr) -> Option<Span> {
    let mut found = None;
    expr.visit(&mut |e| {
        if matches!(e.kind, ExprKind::Call(bound::Function::Rand, _)) {
            found.get_or_insert(e.span);
        }
    });
    found
}

fn literal(lit: &Literal) -> (ExprKind, Type) {
    let value = match lit {
        Literal::Null => Value::Null,
        Literal::Bool(b) => Value::Bool(*b),
        Literal::Int(i) => Value::Int(*i),
        Literal::Float(f) => Value::Float(*f),
        Literal::String(s) => Value::string(s.as_str()),
    };
    let ty = value_type(&value);
    (ExprKind::Literal(value), ty)
}

pub(super) fn value_type(value: &Value) -> Type {
    match value {
        Value::Null => Type::Any,
        Value::Bool(_) => Type::Bool,
        Value::Int(_) => Type::Int,
        Value::Float(_) => Type::Float,
        Value::String(_) => Type::String,
        Value::List(_) => Type::List,
        Value::Map(_) => Type::Map,
        Value::Date(_) => Type::Date,
        Value::LocalTime(_)
        | Value::Time(_)
        | Value::LocalDateTime(_)
        | Value::DateTime(_)
        | Value::Duration(_)
        | Value::Point(_) => Type::Any,
        Value::Node(_) => Type::Node,
        Value::Relationship(_) => Type::Relationship,
        Value::Path(_) => Type::Path,
    }
}

/// A boolean operator's operand whose type is known before the query runs must be a
/// boolean: `false AND 123` is an error even though it would short-circuit to false.
fn expect_boolean(operator: &str, operand: &bound::Expr) -> Result<()> {
    if matches!(operand.ty, Type::Bool | Type::Any) {
        return Ok(());
    }
    Err(Error::at(
        ErrorCode::InvalidArgumentType,
        operand.span,
        format!("{operator} needs booleans, but this is {}", super::pattern::a_type_word(operand.ty)),
    ))
}

/// The element type of a list whose elements all have one known type (`['a', 'b']`),
/// so that `[x IN ['a'] | x % 2]` is refused before it runs.
fn element_type(list: &bound::Expr) -> Type {
    let mut types: Vec<Type> = match &list.kind {
        ExprKind::List(items) => items.iter().map(|e| e.ty).collect(),
        ExprKind::Literal(Value::List(items)) => items.iter().map(value_type).collect(),
        _ => return Type::Any,
    };
    types.dedup();
    match types.as_slice() {
        [one] => *one,
        _ => Type::Any,
    }
}

/// Operators applied to operands whose types are known before the query runs and
/// that no value of those types could satisfy (`1 IN true`, `'a' % 2`). Types this
/// check does not know (temporal values, `Any`) are left to run time.
fn check_operand_types(op: BinaryOp, lhs: &bound::Expr, rhs: &bound::Expr) -> Result<()> {
    use BinaryOp::*;
    use Type as T;
    let plain = |t: Type| {
        matches!(t, T::Bool | T::Int | T::Float | T::String | T::List | T::Map | T::Node | T::Relationship | T::Path)
    };
    let numeric = |t: Type| matches!(t, T::Int | T::Float);
    let (l, r) = (lhs.ty, rhs.ty);
    let refused = match op {
        In => plain(r) && r != T::List,
        // `||` joins two strings or two lists.
        Concat => plain(l) && plain(r) && !(l == r && matches!(l, T::String | T::List)),
        Sub | Mul | Div | Mod | Pow => plain(l) && plain(r) && !(numeric(l) && numeric(r)),
        Add => {
            let concatenable = |t: Type| matches!(t, T::String | T::Int | T::Float | T::Bool);
            plain(l)
                && plain(r)
                && !(numeric(l) && numeric(r))
                && !(l == T::String && concatenable(r) || r == T::String && concatenable(l))
                && l != T::List
                && r != T::List
        }
        _ => false,
    };
    if !refused {
        return Ok(());
    }
    let word = super::pattern::a_type_word;
    let message = match op {
        In => format!("IN needs a list on its right, but this is {}", word(r)),
        Concat => format!("|| joins two strings or two lists, not {} and {}", word(l), word(r)),
        _ => format!("cannot apply {op:?} to {} and {}", word(l), word(r)),
    };
    let span = if op == In { rhs.span } else { lhs.span.cover(rhs.span) };
    Err(Error::at(ErrorCode::InvalidArgumentType, span, message))
}

fn binary_type(op: BinaryOp, lhs: Type, rhs: Type) -> Type {
    use BinaryOp::*;
    match op {
        Or | Xor | And | Eq | Ne | Lt | Le | Gt | Ge | RegexMatch | StartsWith | EndsWith | Contains | In => Type::Bool,
        Concat if lhs == Type::String || rhs == Type::String => Type::String,
        Concat if lhs == Type::List || rhs == Type::List => Type::List,
        Add if lhs == Type::String || rhs == Type::String => Type::String,
        Add if lhs == Type::List || rhs == Type::List => Type::List,
        Add | Sub | Mul | Div | Mod if lhs == Type::Int && rhs == Type::Int => Type::Int,
        Add | Sub | Mul | Div | Mod | Pow
            if matches!(lhs, Type::Int | Type::Float) && matches!(rhs, Type::Int | Type::Float) =>
        {
            Type::Float
        }
        _ => Type::Any,
    }
}

/// The pattern part a pattern predicate's element stands for.
fn predicate_part(element: &ast::PatternElement) -> ast::PatternPart {
    ast::PatternPart {
        path_variable: None,
        shortest: None,
        selector: false,
        element: element.clone(),
        where_: None,
        span: element.span,
    }
}

/// Whether evaluating `expr` can never raise an error: a variable, a literal, a
/// parameter's value, or a property of a node or relationship (missing is null).
fn reads_without_failing(expr: &bound::Expr) -> bool {
    match &expr.kind {
        ExprKind::Slot(_) | ExprKind::Literal(_) => true,
        ExprKind::Property(owner, _) => {
            matches!(owner.kind, ExprKind::Slot(_)) && matches!(owner.ty, Type::Node | Type::Relationship)
        }
        _ => false,
    }
}

/// Whether `expr` is a bare pattern (`exists((a)-->(b))`'s argument).
fn is_pattern(expr: &ast::Expr) -> bool {
    matches!(expr.kind, ast::ExprKind::PatternPredicate(_))
}
