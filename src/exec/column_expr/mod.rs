//! Expressions over one variable's properties, compiled once into a small program and
//! evaluated down the columns of a batch of nodes (`NOT p.year < 1950 AND (p.weight > 0.5
//! XOR p.year % 2 = 0)`, `CASE o.year % 3 WHEN 0 THEN o.weight > 0.9 … END`).
//!
//! Interpreted, such a condition cost every node of a label a walk of the expression
//! tree with a `Value` at each step (workload6 not_xor_whole_label: 86 ms over a million
//! people, Kuzu 8 ms). A [`ColumnExpr`] is compiled from a bound expression made of the
//! variable's properties, literals (null, booleans, numbers), arithmetic, comparisons,
//! `NOT`/`AND`/`OR`/`XOR`, `IS [NOT] NULL`, `IN` a list of literals and `CASE`. Over a
//! batch, each property is read in one loop over its column (`Graph::node_numbers`;
//! value by value where the column is not all numbers of one kind) and each operator is
//! one loop over the cells of its operands ([`Cell`]).
//!
//! The answer is the interpreter's for every element whose cells are nulls, booleans and
//! numbers; anything else (a string, an overflow, a division by zero, `NOT 3`) is
//! `Cell::Defer`, and the caller asks the interpreter for that element, which gives the
//! value or raises the error. Every operand is computed for every element (no
//! short-circuit), which is safe because a cell never raises anything: a `Defer` only
//! matters where the interpreter's own order of evaluation would have reached it (the
//! left side of a false `AND` decides alone, a `CASE` takes its first branch that hits).

mod batch;
pub(crate) mod block;
pub(crate) mod cell;
mod fold_block;
mod fold_program;
mod number_function;
mod reduce;
#[cfg(test)]
mod tests;
mod text;

pub(crate) use batch::truth_at;
pub(crate) use block::Block;
pub(crate) use cell::Cell;
pub(crate) use fold_block::BlockInputs;
pub(crate) use fold_program::{FoldProgram, Out};
pub(crate) use reduce::{reduce_cells, CompiledStep};
use text::TextTest;

use crate::binder::bound::{Expr, ExprKind, Function, PropKeyRef, Slot};
use crate::exec::predicate::Entity;
use crate::store::Graph;
use crate::syntax::ast::{BinaryOp, UnaryOp};
use crate::value::types::CypherType;
use crate::value::Value;

/// A compiled expression of one variable's properties.
#[derive(Debug, Clone)]
pub(crate) enum ColumnExpr {
    Property(PropKeyRef),
    Constant(Cell),
    Negate(Box<ColumnExpr>),
    Not(Box<ColumnExpr>),
    Arithmetic(BinaryOp, Box<ColumnExpr>, Box<ColumnExpr>),
    Compare(BinaryOp, Box<ColumnExpr>, Box<ColumnExpr>),
    /// `AND`, `OR`, `XOR`.
    Logic(BinaryOp, Box<ColumnExpr>, Box<ColumnExpr>),
    IsNull(Box<ColumnExpr>, bool),
    InList(Box<ColumnExpr>, Vec<Cell>),
    /// `toString(e) STARTS WITH 'lit'` and the other string tests of a literal (`text.rs`).
    Text(Box<ColumnExpr>, TextTest),
    Case(Box<Case>),
    /// `toInteger(e)`, `abs(e)`, `floor(e)` … (`number_function.rs`).
    Function(Function, Box<ColumnExpr>),
    /// `e IS [NOT] :: TYPE`.
    TypeTest(Box<ColumnExpr>, CypherType, bool),
}

#[derive(Debug, Clone)]
pub(crate) struct Case {
    subject: Option<ColumnExpr>,
    whens: Vec<(ColumnExpr, ColumnExpr)>,
    otherwise: Option<ColumnExpr>,
}

impl ColumnExpr {
    /// `expr` compiled, with the one variable whose properties it reads; `None` when it
    /// holds anything else, reads no property or the properties of several variables.
    pub(crate) fn compile(expr: &Expr) -> Option<(Slot, ColumnExpr)> {
        let mut slot = None;
        let program = compile(expr, &mut slot)?;
        Some((slot?, program))
    }

    /// Whether its value is always a boolean or null (a condition).
    pub(crate) fn is_boolean(&self) -> bool {
        match self {
            ColumnExpr::Constant(c) => matches!(c, Cell::Bool(_) | Cell::Null),
            ColumnExpr::Not(_)
            | ColumnExpr::Compare(..)
            | ColumnExpr::Logic(..)
            | ColumnExpr::IsNull(..)
            | ColumnExpr::InList(..)
            | ColumnExpr::Text(..)
            | ColumnExpr::TypeTest(..) => true,
            ColumnExpr::Case(case) => {
                case.whens.iter().all(|(_, then)| then.is_boolean())
                    && case.otherwise.as_ref().is_none_or(ColumnExpr::is_boolean)
            }
            ColumnExpr::Property(_) | ColumnExpr::Negate(_) | ColumnExpr::Arithmetic(..) | ColumnExpr::Function(..) => {
                false
            }
        }
    }

    /// Whether the interpreter could raise an error on a live entity: arithmetic
    /// (overflow, division by zero, a string), or logic over a value that may be no
    /// boolean.
    pub(crate) fn may_fail(&self) -> bool {
        match self {
            ColumnExpr::Property(_) | ColumnExpr::Constant(_) => false,
            // A function raises on a value of another kind (`abs(true)`) or overflows.
            ColumnExpr::Negate(_) | ColumnExpr::Arithmetic(..) | ColumnExpr::Function(..) => true,
            ColumnExpr::Not(e) => !e.is_boolean() || e.may_fail(),
            ColumnExpr::Logic(_, l, r) => !l.is_boolean() || !r.is_boolean() || l.may_fail() || r.may_fail(),
            ColumnExpr::Compare(_, l, r) => l.may_fail() || r.may_fail(),
            ColumnExpr::IsNull(e, _)
            | ColumnExpr::InList(e, _)
            | ColumnExpr::Text(e, _)
            | ColumnExpr::TypeTest(e, ..) => e.may_fail(),
            ColumnExpr::Case(case) => {
                let parts = case.subject.iter().chain(case.whens.iter().flat_map(|(w, t)| [w, t]));
                parts.chain(case.otherwise.iter()).any(ColumnExpr::may_fail)
            }
        }
    }

    /// The value for one node or relationship.
    pub(crate) fn eval_one(&self, graph: &Graph, entity: Entity) -> Cell {
        match self {
            ColumnExpr::Property(key) => read_one(graph, entity, key),
            ColumnExpr::Constant(c) => *c,
            ColumnExpr::Negate(e) => cell::negate(e.eval_one(graph, entity)),
            ColumnExpr::Not(e) => cell::not(e.eval_one(graph, entity)),
            ColumnExpr::Arithmetic(op, l, r) => {
                cell::arithmetic(*op, l.eval_one(graph, entity), r.eval_one(graph, entity))
            }
            ColumnExpr::Compare(op, l, r) => cell::compare(*op, l.eval_one(graph, entity), r.eval_one(graph, entity)),
            ColumnExpr::Logic(op, l, r) => {
                let left = l.eval_one(graph, entity);
                // The left side of a false AND (a true OR) decides alone.
                if matches!((op, left), (BinaryOp::And, Cell::Bool(false)) | (BinaryOp::Or, Cell::Bool(true))) {
                    return left;
                }
                cell::logic(*op, left, r.eval_one(graph, entity))
            }
            ColumnExpr::IsNull(e, negated) => cell::is_null(e.eval_one(graph, entity), *negated),
            ColumnExpr::InList(e, items) => cell::in_items(e.eval_one(graph, entity), items),
            ColumnExpr::Text(e, test) => test.test(e.eval_one(graph, entity)),
            ColumnExpr::Case(case) => case.eval_one(graph, entity),
            ColumnExpr::Function(f, e) => number_function::apply_cell(*f, e.eval_one(graph, entity)),
            ColumnExpr::TypeTest(e, ty, negated) => {
                number_function::type_test_cell(ty, *negated, e.eval_one(graph, entity))
            }
        }
    }
}

impl Case {
    fn eval_one(&self, graph: &Graph, entity: Entity) -> Cell {
        let subject = self.subject.as_ref().map(|s| s.eval_one(graph, entity));
        for (when, then) in &self.whens {
            match cell::case_hit(subject, when.eval_one(graph, entity)) {
                Err(()) => return Cell::Defer,
                Ok(true) => return then.eval_one(graph, entity),
                Ok(false) => {}
            }
        }
        self.otherwise.as_ref().map_or(Cell::Null, |e| e.eval_one(graph, entity))
    }
}

/// The property `key` of one entity as a cell.
fn read_one(graph: &Graph, entity: Entity, key: &PropKeyRef) -> Cell {
    let Some(key) = key.resolve(graph.catalog()) else { return Cell::Null };
    match entity {
        Entity::Node(node) => match graph.node_number(node, key) {
            Some(n) => Cell::of_number(Some(n)),
            None => Cell::of_value(graph.node_property(node, key).as_ref()),
        },
        Entity::Rel(rel) => match graph.rel_number(rel, key) {
            Some(n) => Cell::of_number(Some(n)),
            None => Cell::of_value(graph.rel_property(rel, key).as_ref()),
        },
    }
}

/// `e` compiled, every property it reads being of the variable in `slot` (set by the
/// first one met).
fn compile(e: &Expr, slot: &mut Option<Slot>) -> Option<ColumnExpr> {
    let boxed = |e: &Expr, slot: &mut Option<Slot>| compile(e, slot).map(Box::new);
    Some(match &e.kind {
        ExprKind::Property(owner, key) => {
            let ExprKind::Slot(owner) = owner.kind else { return None };
            if *slot.get_or_insert(owner) != owner {
                return None;
            }
            ColumnExpr::Property(key.clone())
        }
        ExprKind::Literal(value) => ColumnExpr::Constant(literal(value)?),
        ExprKind::Unary(UnaryOp::Neg, inner) => match compile(inner, slot)? {
            // A negative literal is one constant.
            ColumnExpr::Constant(c) if cell::negate(c) != Cell::Defer => ColumnExpr::Constant(cell::negate(c)),
            inner => ColumnExpr::Negate(Box::new(inner)),
        },
        ExprKind::Unary(UnaryOp::Not, inner) => ColumnExpr::Not(boxed(inner, slot)?),
        ExprKind::Binary(op, l, r) => binary(*op, l, r, slot)?,
        ExprKind::IsNull { expr, negated } => ColumnExpr::IsNull(boxed(expr, slot)?, *negated),
        ExprKind::Case { subject, whens, otherwise } => {
            let subject = match subject {
                Some(s) => Some(compile(s, slot)?),
                None => None,
            };
            let whens =
                whens.iter().map(|(w, t)| Some((compile(w, slot)?, compile(t, slot)?))).collect::<Option<Vec<_>>>()?;
            let otherwise = match otherwise {
                Some(o) => Some(compile(o, slot)?),
                None => None,
            };
            ColumnExpr::Case(Box::new(Case { subject, whens, otherwise }))
        }
        ExprKind::Call(function, args) if number_function::takes(*function, args.len()) => {
            match compile(&args[0], slot)? {
                // A function of a literal is one constant (`toInteger($limit)`), unless it fails.
                ColumnExpr::Constant(c) if number_function::apply_cell(*function, c) != Cell::Defer => {
                    ColumnExpr::Constant(number_function::apply_cell(*function, c))
                }
                arg => ColumnExpr::Function(*function, Box::new(arg)),
            }
        }
        ExprKind::TypeTest { expr, ty, negated } => ColumnExpr::TypeTest(boxed(expr, slot)?, ty.clone(), *negated),
        _ => return None,
    })
}

fn binary(op: BinaryOp, l: &Expr, r: &Expr, slot: &mut Option<Slot>) -> Option<ColumnExpr> {
    use BinaryOp::*;
    if op == In {
        let ExprKind::Literal(Value::List(items)) = &r.kind else { return None };
        let items = items.iter().map(literal).collect::<Option<Vec<_>>>()?;
        return Some(ColumnExpr::InList(Box::new(compile(l, slot)?), items));
    }
    if let (true, ExprKind::Call(Function::ToString, args), ExprKind::Literal(Value::String(text))) =
        (TextTest::takes(op), &l.kind, &r.kind)
    {
        let [arg] = args.as_slice() else { return None };
        return Some(ColumnExpr::Text(Box::new(compile(arg, slot)?), TextTest::new(op, text.clone())));
    }
    let (l, r) = (Box::new(compile(l, slot)?), Box::new(compile(r, slot)?));
    Some(match op {
        Add | Sub | Mul | Div | Mod => match (&*l, &*r) {
            // Arithmetic on two literals is done once (`$year + 2`), unless it fails.
            (ColumnExpr::Constant(a), ColumnExpr::Constant(b)) if cell::arithmetic(op, *a, *b) != Cell::Defer => {
                ColumnExpr::Constant(cell::arithmetic(op, *a, *b))
            }
            _ => ColumnExpr::Arithmetic(op, l, r),
        },
        Eq | Ne | Lt | Le | Gt | Ge => ColumnExpr::Compare(op, l, r),
        And | Or | Xor => ColumnExpr::Logic(op, l, r),
        _ => return None,
    })
}

/// A literal a cell holds: null, a boolean or a number.
fn literal(value: &Value) -> Option<Cell> {
    Some(Cell::of_value(Some(value))).filter(|c| *c != Cell::Defer)
}
