//! Conditions compiled for the loops of scans and expansions.
//!
//! A condition is a conjunction; each of its conjuncts of a common simple form
//! (`v.key <cmp> constant`, `constant <cmp> v.key`, `v.key STARTS WITH constant` (or
//! `ENDS WITH`, `CONTAINS`), `v:Label`, `v.key IS [NOT] NULL`, where `v` is a variable) becomes a [`Test`] that reads the store directly: the constant is
//! taken out of the expression once (the binder has put a parameter's value there), and a
//! test builds no value but the one property it reads. Every other conjunct is evaluated by
//! the interpreter (`expr.rs`), so the compiled form only ever takes a shortcut to the
//! interpreter's answer: a stored integer or float against a constant of its kind is
//! compared as numbers, any other pair by the interpreter's `compare_values` (a unit test
//! holds the two to the same answers), and anything off the fast path (a property a live
//! entity does not hold, a slot that holds no node or relationship) is handed to the
//! interpreter's own functions.
//!
//! A condition reads its variables through [`Bindings`]: a row, or a [`Candidate`], the
//! row of a scan or an expansion with the candidate's node and relationship ids beside it.
//! Testing a candidate before writing it into the row means a rejected one costs no
//! writes, and an expansion that only counts never writes at all. `columns.rs` tests a
//! condition over many candidates at once.

mod any_of;
mod arith_compare;
mod columns;
mod compare_properties;
mod entities_program;
mod in_entities;
mod in_list;
mod logic;
mod program;
mod regex_match;
mod row_constants;
mod string_function;
mod text_chain;

use any_of::AnyOf;
use arith_compare::ArithCompare;
pub use columns::{Candidates, Ids, Narrowing};
use compare_properties::CompareProperties;
use entities_program::EntitiesProgram;
use in_entities::InEntities;
use in_list::InList;
use logic::Combined;
use program::Program;
use regex_match::RegexMatch;
use string_function::FunctionMatch;
use text_chain::TextChain;

use std::borrow::Cow;

use super::expr::{self, compare_values, eval};
use super::row::Row;
use crate::binder::bound::{Expr, ExprKind, LabelRef, PropKeyRef, Slot};
use crate::error::Result;
use crate::span::Span;
use crate::store::{CmpOp, Compare, Graph, NodeId, Number, RelId};
use crate::syntax::ast::{BinaryOp, UnaryOp};
use crate::value::Value;

/// A node or a relationship, by id: what a scan or an expansion binds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Entity {
    Node(NodeId),
    Rel(RelId),
}

impl Entity {
    fn of(value: &Value) -> Option<Entity> {
        match value {
            Value::Node(node) => Some(Entity::Node(*node)),
            Value::Relationship(rel) => Some(Entity::Rel(*rel)),
            _ => None,
        }
    }

    pub fn value(self) -> Value {
        match self {
            Entity::Node(node) => Value::Node(node),
            Entity::Rel(rel) => Value::Relationship(rel),
        }
    }
}

/// Where a condition finds its variables.
pub trait Bindings {
    /// The node or relationship in `slot`, if it holds one: all a compiled test reads.
    fn entity(&self, slot: Slot) -> Option<Entity>;

    /// The value in `slot`, for the interpreter's functions (off the fast path).
    fn value(&self, slot: Slot) -> Cow<'_, Value>;

    /// The bindings as one row, for the interpreter (off the fast path).
    fn to_row(&self) -> Cow<'_, Row>;
}

impl Bindings for Row {
    fn entity(&self, slot: Slot) -> Option<Entity> {
        Entity::of(self.get(slot))
    }

    fn value(&self, slot: Slot) -> Cow<'_, Value> {
        Cow::Borrowed(self.get(slot))
    }

    fn to_row(&self) -> Cow<'_, Row> {
        Cow::Borrowed(self)
    }
}

/// A row with a candidate's entities for some of its slots, not yet written into it.
/// (Entities rather than values: a test then reads an id, and no `Value` is built for a
/// candidate that fails.)
pub struct Candidate<'a> {
    pub row: &'a Row,
    pub bound: &'a [(Slot, Entity)],
}

impl Candidate<'_> {
    fn bound(&self, slot: Slot) -> Option<Entity> {
        self.bound.iter().find(|(s, _)| *s == slot).map(|&(_, entity)| entity)
    }
}

impl Bindings for Candidate<'_> {
    fn entity(&self, slot: Slot) -> Option<Entity> {
        self.bound(slot).or_else(|| self.row.entity(slot))
    }

    fn value(&self, slot: Slot) -> Cow<'_, Value> {
        match self.bound(slot) {
            Some(entity) => Cow::Owned(entity.value()),
            None => Cow::Borrowed(self.row.get(slot)),
        }
    }

    fn to_row(&self) -> Cow<'_, Row> {
        let mut row = self.row.clone();
        for &(slot, entity) in self.bound {
            row.set(slot, entity.value());
        }
        Cow::Owned(row)
    }
}

/// A condition taken apart into its conjuncts, each compiled where it can be.
#[derive(Debug, Clone)]
pub struct Predicate {
    tests: Vec<Test>,
    /// No conjunct is interpreted.
    compiled: bool,
    /// The condition as written, when an interpreted conjunct inside an `AND` may give a
    /// value that is no boolean: that fails the whole `AND`, and the interpreter, run on
    /// the whole, gives exactly its error. (Only then is it kept: filters inside OPTIONAL
    /// MATCH and EXISTS are built once per outer row.)
    whole: Option<Expr>,
}

/// One conjunct.
#[derive(Debug, Clone)]
enum Test {
    /// `slot.key <op> constant`, or `constant <op> slot.key` when `constant_first`.
    Compare { property: Property, op: BinaryOp, constant: Value, constant_first: bool },
    /// `slot:A:B`: true when the node has every label.
    HasLabels { slot: Slot, labels: Vec<LabelRef>, source: Expr },
    /// `slot.key IS NULL`, or `IS NOT NULL` when `negated`.
    IsNull { property: Property, negated: bool },
    /// `slot.key STARTS WITH constant` (or `ENDS WITH`, `CONTAINS`: `op`).
    StringMatch { property: Property, op: BinaryOp, constant: Value },
    /// `toLower(slot.key) STARTS WITH 'constant'` and its kin (`string_function.rs`).
    FunctionMatch(Box<FunctionMatch>),
    /// `substring(o.name, 13, 1) = '7'`, `size(split(o.name, ' ')[1]) = 3` (`text_chain.rs`).
    TextChain(Box<TextChain>),
    /// `slot.key IN [constant, …]` (`in_list.rs`).
    InList(Box<InList>),
    /// `slot IN list` of nodes or relationships the input row fixed (`in_entities.rs`).
    InEntities(Box<InEntities>),
    /// `slot.key =~ 'pattern'` (`regex_match.rs`).
    RegexMatch(Box<RegexMatch>),
    /// `a OR b OR …` of compiled tests (`any_of.rs`).
    AnyOf(Box<AnyOf>),
    /// `NOT a`, `a XOR b` of compiled tests (`logic.rs`).
    Logic(Box<Combined>),
    /// `p.year % 2 = 0`: arithmetic on a property compared with a constant (`arith_compare.rs`).
    ArithCompare(Box<ArithCompare>),
    /// `u.year = d.year`: properties of two variables compared (`compare_properties.rs`).
    CompareProperties(Box<CompareProperties>),
    /// A condition over one variable's properties as a column program (`program.rs`).
    Program(Box<Program>),
    /// A condition over several variables' properties (and numbers the row holds) as a
    /// program of cells (`entities_program.rs`).
    Entities(Box<EntitiesProgram>),
    /// `slot <> other` over two variables (a relationship differing from the MATCH's
    /// others): true when they hold different nodes or different relationships; any other
    /// pair of values is the interpreter's (`source`). The candidate's slot is `slot`
    /// when the planner wrote it first, as `uniqueness` does; either may be the one bound.
    Differs { slot: Slot, other: Slot, source: Expr },
    /// Anything else, evaluated by the interpreter.
    Interpreted(Expr),
}

/// `slot.key`, with the span of the expression for the interpreter's errors.
#[derive(Debug, Clone)]
struct Property {
    slot: Slot,
    key: PropKeyRef,
    span: Span,
}

impl Predicate {
    /// Compiles each conjunct of `predicate` that has a simple form.
    pub fn compile(predicate: &Expr) -> Predicate {
        // The planner's split: the conjuncts in the order the interpreter evaluates them.
        let tests: Vec<Test> = crate::planner::conjuncts(predicate).into_iter().map(Test::compile).collect();
        let interpreted = tests.iter().any(|t| matches!(t, Test::Interpreted(_)));
        let whole = (interpreted && tests.len() > 1).then(|| predicate.clone());
        Predicate { tests, compiled: !interpreted, whole }
    }

    /// Whether the condition holds for `row` (true; not false, not null), with the
    /// interpreter's semantics: conjuncts in order, the first false one decides (those
    /// after it are not evaluated, so they raise no error), a null one leaves the answer
    /// open.
    pub fn holds<B: Bindings>(&self, row: &B, graph: &Graph) -> Result<bool> {
        let mut all_true = true;
        for test in &self.tests {
            match test.eval(row, graph)? {
                Verdict::True => {}
                Verdict::False => return Ok(false),
                Verdict::Null => all_true = false,
                // A lone condition that is no boolean is simply not true; inside an AND it
                // is an error, which the interpreter raises with the exact position and
                // order of evaluation.
                Verdict::Other => match &self.whole {
                    Some(whole) => return Ok(expr::is_true(&eval(whole, &row.to_row(), graph)?)),
                    None => return Ok(false),
                },
            }
        }
        Ok(all_true)
    }

    /// Whether every conjunct is compiled: then testing a [`Candidate`] never builds a row.
    pub fn is_compiled(&self) -> bool {
        self.whole.is_none() && self.compiled
    }

    /// How many conjuncts were compiled, and how many there are (for tests).
    #[cfg(test)]
    pub fn compiled(&self) -> (usize, usize) {
        let n = self.tests.iter().filter(|t| !matches!(t, Test::Interpreted(_))).count();
        (n, self.tests.len())
    }
}

/// What one conjunct gave.
enum Verdict {
    True,
    False,
    Null,
    /// A value that is no boolean (only an interpreted conjunct can give one).
    Other,
}

impl Verdict {
    fn of_bool(holds: bool) -> Verdict {
        if holds {
            Verdict::True
        } else {
            Verdict::False
        }
    }

    fn of(value: &Value) -> Verdict {
        match value {
            Value::Bool(true) => Verdict::True,
            Value::Bool(false) => Verdict::False,
            Value::Null => Verdict::Null,
            _ => Verdict::Other,
        }
    }
}

impl Test {
    /// The one slot a compiled conjunct reads; `None` for an interpreted one.
    fn slot(&self) -> Option<Slot> {
        match self {
            Test::Compare { property, .. } | Test::IsNull { property, .. } | Test::StringMatch { property, .. } => {
                Some(property.slot)
            }
            Test::HasLabels { slot, .. } | Test::Differs { slot, .. } => Some(*slot),
            Test::FunctionMatch(m) => Some(m.property.slot),
            Test::TextChain(m) => Some(m.property.slot),
            Test::InList(m) => Some(m.property.slot),
            Test::InEntities(m) => Some(m.slot),
            Test::RegexMatch(m) => Some(m.property.slot),
            Test::AnyOf(m) => m.slot(),
            Test::Logic(m) => m.slot(),
            Test::ArithCompare(m) => Some(m.property.slot),
            Test::CompareProperties(m) => Some(m.left.slot),
            Test::Program(m) => Some(m.slot),
            Test::Entities(m) => m.entities.first().copied(),
            Test::Interpreted(_) => None,
        }
    }

    /// Whether the conjunct can fail on a live entity (a string function of a value that
    /// is no string): then it is tried only in the order written.
    fn may_fail(&self) -> bool {
        match self {
            Test::FunctionMatch(_) | Test::TextChain(_) | Test::RegexMatch(_) | Test::ArithCompare(_) => true,
            Test::Logic(m) => m.may_fail(),
            Test::Program(m) => m.may_fail(),
            Test::Entities(m) => m.may_fail(),
            _ => false,
        }
    }

    /// The slot it reads besides [`Test::slot`]: the other side of `a <> b`.
    fn other_slot(&self) -> Option<Slot> {
        match self {
            Test::Differs { other, .. } => Some(*other),
            Test::CompareProperties(m) => Some(m.other_slot()),
            Test::Entities(m) => m.entities.get(1).copied(),
            _ => None,
        }
    }

    /// Whether the conjunct reads `slot` (a compiled one; an interpreted one reads no
    /// candidate's column).
    fn reads_slot(&self, slot: Slot) -> bool {
        match self {
            Test::Entities(m) => m.reads(slot),
            _ => self.slot() == Some(slot) || self.other_slot() == Some(slot),
        }
    }

    fn compile(conjunct: &Expr) -> Test {
        match &conjunct.kind {
            ExprKind::Binary(BinaryOp::Ne, lhs, rhs)
                if matches!((&lhs.kind, &rhs.kind), (ExprKind::Slot(_), ExprKind::Slot(_))) =>
            {
                if let (ExprKind::Slot(slot), ExprKind::Slot(other)) = (&lhs.kind, &rhs.kind) {
                    return Test::Differs { slot: *slot, other: *other, source: conjunct.clone() };
                }
            }
            ExprKind::Binary(op, lhs, rhs) if is_comparison(*op) => {
                match (Property::of(lhs), constant(rhs), Property::of(rhs), constant(lhs)) {
                    (Some(property), Some(constant), ..) => {
                        return Test::Compare { property, op: *op, constant, constant_first: false }
                    }
                    (_, _, Some(property), Some(constant)) => {
                        return Test::Compare { property, op: *op, constant, constant_first: true }
                    }
                    _ => {
                        if let Some(m) = CompareProperties::of(conjunct) {
                            return Test::CompareProperties(Box::new(m));
                        }
                    }
                }
            }
            ExprKind::Binary(op @ (BinaryOp::StartsWith | BinaryOp::EndsWith | BinaryOp::Contains), lhs, rhs) => {
                if let (Some(property), Some(constant)) = (Property::of(lhs), constant(rhs)) {
                    return Test::StringMatch { property, op: *op, constant };
                }
            }
            ExprKind::HasLabels(owner, labels) => {
                if let ExprKind::Slot(slot) = owner.kind {
                    return Test::HasLabels { slot, labels: labels.clone(), source: conjunct.clone() };
                }
            }
            ExprKind::IsNull { expr, negated } => {
                if let Some(property) = Property::of(expr) {
                    return Test::IsNull { property, negated: *negated };
                }
            }
            _ => {}
        }
        if let Some(m) = InList::of(conjunct) {
            return Test::InList(Box::new(m));
        }
        if let Some(m) = RegexMatch::of(conjunct) {
            return Test::RegexMatch(Box::new(m));
        }
        if let Some(m) = AnyOf::of(conjunct) {
            return Test::AnyOf(Box::new(m));
        }
        // Before NOT/XOR of tests and arithmetic compared: over nulls, booleans and
        // numbers the program computes a batch of nodes down the columns.
        if let Some(m) = Program::of(conjunct) {
            return Test::Program(Box::new(m));
        }
        if let Some(m) = Combined::of(conjunct) {
            return Test::Logic(Box::new(m));
        }
        if let Some(m) = ArithCompare::of(conjunct) {
            return Test::ArithCompare(Box::new(m));
        }
        if let Some(m) = FunctionMatch::of(conjunct) {
            return Test::FunctionMatch(Box::new(m));
        }
        if let Some(m) = TextChain::of(conjunct) {
            return Test::TextChain(Box::new(m));
        }
        match EntitiesProgram::of(conjunct) {
            Some(m) => Test::Entities(Box::new(m)),
            None => Test::Interpreted(conjunct.clone()),
        }
    }

    fn eval<B: Bindings>(&self, row: &B, graph: &Graph) -> Result<Verdict> {
        Ok(match self {
            Test::Compare { property, op, constant, constant_first } => {
                if let Some(holds) = property.compare_stored(row, graph, *op, (constant, *constant_first)) {
                    return Ok(Verdict::of_bool(holds));
                }
                let value = property.read(row, graph)?;
                let (l, r) = if *constant_first { (constant, &value) } else { (&value, constant) };
                Verdict::of(&compare_values(*op, l, r))
            }
            Test::HasLabels { slot, labels, source } => match row.entity(*slot) {
                Some(Entity::Node(node)) => {
                    let catalog = graph.catalog();
                    let has = |l: &LabelRef| l.resolve(catalog).is_some_and(|l| graph.node_has_label(node, l));
                    if labels.iter().all(has) {
                        Verdict::True
                    } else {
                        Verdict::False
                    }
                }
                // Null, or no node (a type error): as the interpreter says.
                _ => Verdict::of(&eval(source, &row.to_row(), graph)?),
            },
            Test::IsNull { property, negated } => {
                if property.read(row, graph)?.is_null() != *negated {
                    Verdict::True
                } else {
                    Verdict::False
                }
            }
            Test::StringMatch { property, op, constant } => {
                let value = property.read(row, graph)?;
                Verdict::of(&expr::apply_binary(*op, value, constant.clone(), property.span)?)
            }
            Test::Differs { slot, other, source } => match (row.entity(*slot), row.entity(*other)) {
                (Some(Entity::Rel(a)), Some(Entity::Rel(b))) => Verdict::of_bool(a != b),
                (Some(Entity::Node(a)), Some(Entity::Node(b))) => Verdict::of_bool(a != b),
                _ => Verdict::of(&eval(source, &row.to_row(), graph)?),
            },
            Test::FunctionMatch(m) => m.eval(row, graph)?,
            Test::TextChain(m) => m.eval(row, graph)?,
            Test::InList(m) => m.eval(row, graph)?,
            Test::InEntities(m) => m.eval(row, graph)?,
            Test::RegexMatch(m) => m.eval(row, graph)?,
            Test::AnyOf(m) => m.eval(row, graph)?,
            Test::Logic(m) => m.eval(row, graph)?,
            Test::ArithCompare(m) => m.eval(row, graph)?,
            Test::CompareProperties(m) => m.eval(row, graph)?,
            Test::Program(m) => m.eval(row, graph)?,
            Test::Entities(m) => m.eval(row, graph)?,
            Test::Interpreted(e) => Verdict::of(&eval(e, &row.to_row(), graph)?),
        })
    }
}

impl Property {
    /// `Some` when `e` is `variable.key`.
    fn of(e: &Expr) -> Option<Property> {
        match &e.kind {
            ExprKind::Property(owner, key) => match owner.kind {
                ExprKind::Slot(slot) => Some(Property { slot, key: key.clone(), span: e.span }),
                _ => None,
            },
            _ => None,
        }
    }

    /// `slot.key <op> constant` (or the reverse) read straight from the column, when the
    /// property is stored as a number of the constant's kind ([`Compare`], the store's): no `Value` is
    /// built or moved. `None` leaves it to the general path, which gives the
    /// same answer for these pairs (a unit test holds it to that).
    fn compare_stored<B: Bindings>(
        &self,
        row: &B,
        graph: &Graph,
        op: BinaryOp,
        (constant, constant_first): (&Value, bool),
    ) -> Option<bool> {
        match (self.stored_number(row, graph)?, constant) {
            (Number::Int(v), Value::Int(c)) => Some(compare(op, *c, constant_first)?.holds(Some(v))),
            (Number::Float(v), Value::Float(c)) => Some(compare(op, *c, constant_first)?.holds(Some(v))),
            _ => None,
        }
    }

    /// The property's number as stored, when its slot holds a live node or relationship
    /// that has one.
    fn stored_number<B: Bindings>(&self, row: &B, graph: &Graph) -> Option<Number> {
        let key = self.key.resolve(graph.catalog())?;
        match row.entity(self.slot)? {
            Entity::Node(node) => graph.node_number(node, key),
            Entity::Rel(rel) => graph.rel_number(rel, key),
        }
    }

    /// The property's value: straight from the store when the slot holds a node or a
    /// relationship that has it; otherwise (no such property, a deleted entity, null, a
    /// map, …) the interpreter's property read gives the value or the error.
    fn read<B: Bindings>(&self, row: &B, graph: &Graph) -> Result<Value> {
        let stored = match (row.entity(self.slot), self.key.resolve(graph.catalog())) {
            (Some(Entity::Node(node)), Some(key)) => graph.node_property(node, key),
            (Some(Entity::Rel(rel)), Some(key)) => graph.rel_property(rel, key),
            _ => None,
        };
        match stored {
            Some(value) => Ok(value),
            None => expr::property(&row.value(self.slot), &self.key, graph, self.span),
        }
    }
}

/// `value op constant`, or with `constant_first`, `constant op value`, as the store's
/// operator on `value op' constant`; `None` for an operator that is no comparison.
pub(super) fn cmp_op(op: BinaryOp, constant_first: bool) -> Option<CmpOp> {
    let op = match op {
        BinaryOp::Eq => CmpOp::Eq,
        BinaryOp::Ne => CmpOp::Ne,
        BinaryOp::Lt => CmpOp::Lt,
        BinaryOp::Le => CmpOp::Le,
        BinaryOp::Gt => CmpOp::Gt,
        BinaryOp::Ge => CmpOp::Ge,
        _ => return None,
    };
    Some(if constant_first { op.flipped() } else { op })
}

/// A comparison of a stored number with a constant of its kind, with Rust's comparisons
/// of integers and floats: for two integers, or two floats, these are the interpreter's
/// (NaN is unordered and unequal; a unit test holds them to that).
fn compare<T>(op: BinaryOp, constant: T, constant_first: bool) -> Option<Compare<T>> {
    Some(Compare { op: cmp_op(op, constant_first)?, constant })
}

fn is_comparison(op: BinaryOp) -> bool {
    matches!(op, BinaryOp::Eq | BinaryOp::Ne | BinaryOp::Lt | BinaryOp::Le | BinaryOp::Gt | BinaryOp::Ge)
}

/// The value of a constant: a literal (a parameter's value is one), a signed number, or
/// arithmetic on constant numbers (`$year + 2`).
fn constant(e: &Expr) -> Option<Value> {
    match &e.kind {
        ExprKind::Literal(value) => Some(value.clone()),
        ExprKind::Binary(op, lhs, rhs) => {
            crate::exec::expr::number_arithmetic(*op, &constant(lhs)?, &constant(rhs)?).or_else(|| folded(e))
        }
        ExprKind::Unary(op @ (UnaryOp::Neg | UnaryOp::Pos), operand) => match (op, &operand.kind) {
            (UnaryOp::Pos, ExprKind::Literal(v @ (Value::Int(_) | Value::Float(_)))) => Some(v.clone()),
            (UnaryOp::Neg, ExprKind::Literal(Value::Int(i))) => i.checked_neg().map(Value::Int),
            (UnaryOp::Neg, ExprKind::Literal(Value::Float(f))) => Some(Value::Float(-f)),
            _ => None,
        },
        ExprKind::Call(..) => folded(e),
        _ => None,
    }
}

/// The value of `e` when it reads no variable and calls no function whose answer varies
/// (`'Person ' + toString(309)`, a parameter's string built up): the interpreter's
/// answer, computed once; `None` when computing it fails, so that the interpreter raises
/// the error when and where it did (a candidate reaching the conjunct).
///
/// workload9's prefix_built_from_parameter tested `p.name STARTS WITH 'Person ' +
/// toString($person / 100)` by interpreting it for each of 60,000 people (51 ms at S,
/// Kuzu 15 ms); folded, it is a compiled string match.
fn folded(e: &Expr) -> Option<Value> {
    use crate::binder::bound::{Function, TemporalForm};
    if !crate::planner::free_slots(e)?.is_empty() {
        return None;
    }
    let mut varies = false;
    e.visit(&mut |e| {
        varies |= matches!(
            e.kind,
            ExprKind::Call(
                Function::Rand
                    | Function::RandomUuid
                    | Function::Timestamp
                    | Function::Temporal(
                        _,
                        TemporalForm::Construct
                            | TemporalForm::Transaction
                            | TemporalForm::Statement
                            | TemporalForm::Realtime
                    ),
                _
            )
        );
    });
    if varies {
        return None;
    }
    eval(e, &Row::new(0), &Graph::new()).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::binder::bound::{NameRef, Type};
    use crate::store::PropKeyId;

    fn expr(kind: ExprKind) -> Expr {
        Expr { kind, ty: Type::Any, span: Span::default() }
    }

    fn prop(slot: u32, key: &str) -> Expr {
        let key = NameRef { name: key.into(), id: Some(PropKeyId(0)) };
        expr(ExprKind::Property(Box::new(expr(ExprKind::Slot(Slot(slot)))), key))
    }

    fn lit(value: Value) -> Expr {
        expr(ExprKind::Literal(value))
    }

    fn and(a: Expr, b: Expr) -> Expr {
        expr(ExprKind::Binary(BinaryOp::And, Box::new(a), Box::new(b)))
    }

    fn cmp(op: BinaryOp, a: Expr, b: Expr) -> Expr {
        expr(ExprKind::Binary(op, Box::new(a), Box::new(b)))
    }

    fn call(function: crate::binder::bound::Function, args: Vec<Expr>) -> Expr {
        expr(ExprKind::Call(function, args))
    }

    #[test]
    fn a_side_that_reads_no_variable_is_folded_once_unless_it_varies_or_fails() {
        use crate::binder::bound::Function;
        let graph = Graph::new();
        // 'Person ' + toString(309): a compiled prefix match, answering as the interpreter.
        let prefix =
            cmp(BinaryOp::Add, lit(Value::string("Person ")), call(Function::ToString, vec![lit(Value::Int(309))]));
        let starts = cmp(BinaryOp::StartsWith, prop(0, "name"), prefix);
        let predicate = Predicate::compile(&starts);
        assert_eq!(predicate.compiled(), (1, 1));
        for name in ["Person 3091", "Person 31", "x"] {
            let mut row = Row::new(1);
            row.set(Slot(0), Value::map([("name".into(), Value::string(name))].into_iter().collect()));
            let expected = expr::is_true(&eval(&starts, &row, &graph).unwrap_or(Value::Null));
            assert_eq!(predicate.holds(&row, &graph).ok(), Some(expected), "{name}");
        }
        // rand() varies, 1 / 0 fails, a variable is no constant: each stays interpreted.
        let random = cmp(BinaryOp::Lt, prop(0, "w"), call(Function::Rand, vec![]));
        let failing = cmp(BinaryOp::Lt, prop(0, "w"), cmp(BinaryOp::Div, lit(Value::Int(1)), lit(Value::Int(0))));
        let variable = cmp(BinaryOp::Lt, prop(0, "w"), call(Function::ToString, vec![prop(1, "x")]));
        for condition in [random, failing, variable] {
            let tests = Predicate::compile(&condition).tests;
            assert!(!matches!(tests[..], [Test::Compare { .. }]), "{tests:?}");
        }
    }

    #[test]
    fn simple_conjuncts_compile_and_the_rest_stay_interpreted() {
        let neg = expr(ExprKind::Unary(UnaryOp::Neg, Box::new(lit(Value::Float(0.5)))));
        let label = expr(ExprKind::HasLabels(
            Box::new(expr(ExprKind::Slot(Slot(2)))),
            vec![NameRef { name: "L".into(), id: None }],
        ));
        let is_null = expr(ExprKind::IsNull { expr: Box::new(prop(1, "x")), negated: true });
        // Arithmetic on two variables' properties: a program of cells (entities_program.rs).
        let sum = cmp(BinaryOp::Add, prop(0, "year"), prop(1, "year"));
        let compiled = [
            cmp(BinaryOp::Gt, sum, lit(Value::Int(3))),
            cmp(BinaryOp::StartsWith, prop(1, "name"), lit(Value::string("Org"))),
            cmp(BinaryOp::Ge, prop(1, "year"), lit(Value::Int(2009))),
            cmp(BinaryOp::Lt, neg, prop(0, "w")),
            label,
            is_null,
            cmp(BinaryOp::In, prop(0, "a"), lit(Value::list(vec![]))),
            cmp(BinaryOp::Eq, prop(0, "a"), prop(1, "b")),
        ];
        let interpreted = [
            // A list read from a function of a property: no list of cells.
            cmp(BinaryOp::In, prop(0, "a"), call(crate::binder::bound::Function::Keys, vec![prop(1, "b")])),
            // The list read from another property: not a constant list.
            cmp(BinaryOp::In, prop(0, "a"), prop(1, "b")),
            // The property as the prefix: not a test of a property against a constant.
            cmp(BinaryOp::StartsWith, lit(Value::string("Org")), prop(0, "name")),
        ];
        let all = compiled.iter().chain(&interpreted).cloned().reduce(and).unwrap();
        assert_eq!(Predicate::compile(&all).compiled(), (8, 11));
        // A tree of ANDs in any shape gives the same conjuncts in the same order.
        let nested = and(compiled[0].clone(), and(interpreted[0].clone(), compiled[1].clone()));
        let predicate = Predicate::compile(&nested);
        assert_eq!(predicate.compiled(), (2, 3));
        assert!(matches!(predicate.tests[1], Test::Interpreted(_)));
    }

    /// An OR of compiled tests is one compiled conjunct, narrowed by column when its
    /// sides read one variable; an OR with any side the interpreter's stays interpreted.
    #[test]
    fn a_disjunction_of_compiled_tests_compiles() {
        let or = |a: Expr, b: Expr| expr(ExprKind::Binary(BinaryOp::Or, Box::new(a), Box::new(b)));
        let is_null = expr(ExprKind::IsNull { expr: Box::new(prop(0, "year")), negated: false });
        let one_slot = or(is_null, cmp(BinaryOp::Lt, prop(0, "w"), lit(Value::Float(0.001))));
        let predicate = Predicate::compile(&one_slot);
        assert_eq!(predicate.compiled(), (1, 1));
        assert!(predicate.reads_only(&[Slot(0)]));
        let two_slots = or(
            cmp(BinaryOp::Eq, prop(0, "year"), lit(Value::Int(1))),
            cmp(BinaryOp::StartsWith, prop(1, "name"), lit(Value::string("C"))),
        );
        let predicate = Predicate::compile(&two_slots);
        assert_eq!(predicate.compiled(), (1, 1));
        assert!(!predicate.reads_only(&[Slot(0), Slot(1)]));
        // A side that may fail (arithmetic): the whole OR is a column program.
        let sum = cmp(BinaryOp::Add, prop(0, "year"), lit(Value::Int(1)));
        let may_fail = or(cmp(BinaryOp::Gt, sum, lit(Value::Int(3))), one_slot.clone());
        let predicate = Predicate::compile(&may_fail);
        assert!(matches!(predicate.tests[0], Test::Program(_)));
        // A side reading another variable: a program over both.
        let other = cmp(BinaryOp::Add, prop(1, "year"), lit(Value::Int(1)));
        let two = or(cmp(BinaryOp::Gt, other, lit(Value::Int(3))), one_slot);
        let predicate = Predicate::compile(&two);
        assert!(matches!(predicate.tests[0], Test::Entities(_)));
        assert!(predicate.reads_only(&[Slot(0), Slot(1)]));
    }

    /// NOT and XOR of compiled tests, and arithmetic on one node's properties compared
    /// with a constant, compile (as column programs); arithmetic may fail, and still the
    /// condition is narrowed by columns (the candidates it fails on are tested in order).
    #[test]
    fn logic_and_arithmetic_on_a_property_compile() {
        let not =
            expr(ExprKind::Unary(UnaryOp::Not, Box::new(cmp(BinaryOp::Lt, prop(0, "year"), lit(Value::Int(1950))))));
        let modulo = cmp(BinaryOp::Mod, prop(0, "year"), lit(Value::Int(2)));
        let even = cmp(BinaryOp::Eq, modulo, lit(Value::Int(0)));
        let xor = cmp(BinaryOp::Xor, cmp(BinaryOp::Gt, prop(0, "w"), lit(Value::Float(0.5))), even.clone());
        let predicate = Predicate::compile(&and(not.clone(), xor));
        assert_eq!(predicate.compiled(), (2, 2));
        assert!(predicate.reads_only(&[Slot(0)]));
        assert!(predicate.tests.iter().all(|t| matches!(t, Test::Program(_))));
        assert!(predicate.tests[1].may_fail() && !predicate.tests[0].may_fail());
        assert!(Predicate::compile(&even).reads_only(&[Slot(0)]));
        assert!(Predicate::compile(&not).reads_only(&[Slot(0)]));
        // Arithmetic of two properties of one node is a column program; of two nodes, a
        // program of cells over both.
        let one = cmp(BinaryOp::Eq, cmp(BinaryOp::Sub, prop(0, "a"), prop(0, "b")), lit(Value::Int(0)));
        assert_eq!(Predicate::compile(&one).compiled(), (1, 1));
        let two = cmp(BinaryOp::Eq, cmp(BinaryOp::Sub, prop(0, "a"), prop(1, "b")), lit(Value::Int(0)));
        assert!(matches!(Predicate::compile(&two).tests[..], [Test::Entities(_)]));
    }

    /// A condition over the properties of several variables is one program; the
    /// candidates need a column for each variable it reads, and one it reads bare (a
    /// number the row holds) is read from the row.
    #[test]
    fn a_condition_over_several_variables_is_a_program() {
        let case = expr(ExprKind::Case {
            subject: None,
            whens: vec![(
                cmp(BinaryOp::Lt, prop(2, "year"), lit(Value::Int(1950))),
                cmp(BinaryOp::Gt, prop(1, "w"), lit(Value::Float(0.99))),
            )],
            otherwise: Some(Box::new(cmp(BinaryOp::Lt, prop(1, "w"), prop(0, "w")))),
        });
        let predicate = Predicate::compile(&case);
        assert_eq!(predicate.compiled(), (1, 1));
        assert!(matches!(predicate.tests[0], Test::Entities(_)));
        assert!(predicate.reads(Slot(0)) && predicate.reads(Slot(1)) && predicate.reads(Slot(2)));
        assert!(!predicate.reads(Slot(3)) && !predicate.tests[0].may_fail());
        assert!(predicate.reads_only(&[Slot(1), Slot(2)]));
        // Arithmetic may fail; a number of the row is read bare.
        let minus = cmp(BinaryOp::Sub, prop(0, "year"), expr(ExprKind::Slot(Slot(3))));
        let predicate = Predicate::compile(&cmp(BinaryOp::Lt, prop(1, "year"), minus));
        assert!(matches!(predicate.tests[0], Test::Entities(_)));
        assert!(predicate.tests[0].may_fail() && predicate.reads(Slot(3)));
        // A variable read both bare and by its properties is the interpreter's.
        let is_null = expr(ExprKind::IsNull { expr: Box::new(expr(ExprKind::Slot(Slot(0)))), negated: false });
        let both = expr(ExprKind::Case {
            subject: None,
            whens: vec![(is_null, cmp(BinaryOp::Gt, prop(0, "a"), prop(1, "b")))],
            otherwise: None,
        });
        assert_eq!(Predicate::compile(&both).compiled(), (0, 1));
        // A value that may be no boolean (a bare property, a CASE of numbers) is the
        // interpreter's, which raises the error an AND of it gives.
        let number = expr(ExprKind::Case {
            subject: None,
            whens: vec![(cmp(BinaryOp::Gt, prop(0, "a"), prop(1, "b")), lit(Value::Int(1)))],
            otherwise: None,
        });
        assert_eq!(Predicate::compile(&and(prop(0, "flag"), number)).compiled(), (0, 2));
    }

    /// `a <> b` over two variables is compiled, and answers as the interpreter does for
    /// every pair of values: nodes and relationships by id, anything else (null, a node
    /// beside a relationship, other values) by the interpreter itself.
    #[test]
    fn a_variable_differing_from_another_answers_as_the_interpreter_does() {
        use crate::store::{NodeId, RelId};
        let differs = cmp(BinaryOp::Ne, expr(ExprKind::Slot(Slot(0))), expr(ExprKind::Slot(Slot(1))));
        let predicate = Predicate::compile(&differs);
        assert_eq!(predicate.compiled(), (1, 1));
        assert!(predicate.reads_only(&[Slot(0)]) && predicate.reads_only(&[Slot(1)]));
        assert!(!predicate.reads_only(&[Slot(2)]));
        let values = [
            Value::Null,
            Value::Node(NodeId(1)),
            Value::Node(NodeId(2)),
            Value::Relationship(RelId(1)),
            Value::Relationship(RelId(2)),
            Value::Int(1),
        ];
        let graph = Graph::new();
        for a in &values {
            for b in &values {
                let mut row = Row::new(2);
                row.set(Slot(0), a.clone());
                row.set(Slot(1), b.clone());
                let expected = expr::is_true(&eval(&differs, &row, &graph).unwrap());
                assert_eq!(predicate.holds(&row, &graph).unwrap(), expected, "{a:?} <> {b:?}");
                // The candidate's entity beside the row, as an expansion tests it.
                if let Some(entity) = Entity::of(a) {
                    let mut rest = Row::new(2);
                    rest.set(Slot(1), b.clone());
                    let candidate = Candidate { row: &rest, bound: &[(Slot(0), entity)] };
                    assert_eq!(predicate.holds(&candidate, &graph).unwrap(), expected, "{a:?} <> {b:?} as a candidate");
                }
            }
        }
    }

    /// The store's column predicates answer `value op constant` by
    /// `store::holds_value`: it is true exactly when the interpreter's operator gives
    /// true, for values of every kind a property holds against constants of every kind.
    #[test]
    fn the_store_tests_answer_as_the_interpreter_does() {
        use crate::store::{holds_value, TestOp};
        let values = [
            Value::Null,
            Value::Int(-1),
            Value::Int(2009),
            Value::Float(2009.0),
            Value::Float(-0.0),
            Value::Float(0.05),
            Value::Float(f64::NAN),
            Value::string(""),
            Value::string("Organization 12"),
            Value::string("Organization 1"),
            Value::string("zé"),
            Value::Bool(true),
            Value::list(vec![Value::Int(1)]),
        ];
        let ops = [
            (BinaryOp::Eq, TestOp::Cmp(CmpOp::Eq)),
            (BinaryOp::Ne, TestOp::Cmp(CmpOp::Ne)),
            (BinaryOp::Lt, TestOp::Cmp(CmpOp::Lt)),
            (BinaryOp::Le, TestOp::Cmp(CmpOp::Le)),
            (BinaryOp::Gt, TestOp::Cmp(CmpOp::Gt)),
            (BinaryOp::Ge, TestOp::Cmp(CmpOp::Ge)),
            (BinaryOp::StartsWith, TestOp::StartsWith),
            (BinaryOp::EndsWith, TestOp::EndsWith),
            (BinaryOp::Contains, TestOp::Contains),
        ];
        for (binary, op) in ops {
            for v in &values {
                for c in &values {
                    let interpreted = expr::apply_binary(binary, v.clone(), c.clone(), Span::default());
                    let want = matches!(interpreted, Ok(Value::Bool(true)));
                    assert_eq!(holds_value(op, Some(v), c), want, "{v:?} {binary:?} {c:?}");
                }
            }
        }
        for v in &values {
            assert_eq!(holds_value(TestOp::IsNull, Some(v), &Value::Null), v.is_null());
            assert_eq!(holds_value(TestOp::IsNotNull, Some(v), &Value::Null), !v.is_null());
        }
        assert!(holds_value(TestOp::IsNull, None, &Value::Null));
    }

    #[test]
    fn the_column_loops_compare_as_the_interpreter_does() {
        let floats = [f64::NEG_INFINITY, -1.5, -0.0, 0.0, 0.5, f64::INFINITY, f64::NAN];
        let ints = [i64::MIN, -1, 0, 2, i64::MAX];
        let ops = [BinaryOp::Eq, BinaryOp::Ne, BinaryOp::Lt, BinaryOp::Le, BinaryOp::Gt, BinaryOp::Ge];
        for op in ops {
            for constant_first in [false, true] {
                let expected = |v: Value, c: Value| {
                    let (l, r) = if constant_first { (&c, &v) } else { (&v, &c) };
                    compare_values(op, l, r) == Value::Bool(true)
                };
                for (&v, &c) in floats.iter().flat_map(|v| floats.iter().map(move |c| (v, c))) {
                    let compare = compare(op, c, constant_first).unwrap();
                    let want = expected(Value::Float(v), Value::Float(c));
                    assert_eq!(compare.holds(Some(v)), want, "{v} {op:?} {c}, constant first: {constant_first}");
                }
                for (&v, &c) in ints.iter().flat_map(|v| ints.iter().map(move |c| (v, c))) {
                    let compare = compare(op, c, constant_first).unwrap();
                    let want = expected(Value::Int(v), Value::Int(c));
                    assert_eq!(compare.holds(Some(v)), want, "{v} {op:?} {c}, constant first: {constant_first}");
                }
                assert!(!compare(op, 1, constant_first).unwrap().holds(None));
            }
        }
        assert!(compare(BinaryOp::Add, 1, false).is_none());
    }
}
