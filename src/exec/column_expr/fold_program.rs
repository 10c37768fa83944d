//! A grouping key or aggregate argument of `GroupFold` over the entities the fold binds
//! (the scanned node; or the expanded node, relationship and far node), compiled once
//! into a small program: `CASE WHEN k.weight < 0.25 THEN 'weak' … END`,
//! `(m.year - p.year) / 10 * 10` over a membership and its person, `type(r)`,
//! `r.year / 25 * 25`.
//!
//! Interpreted, each such key cost every input a walk of the expression tree on a row the
//! fold had to write its entities into, a `Value` at each step and a hash of the resulting
//! `Value`s (workload9 case_key_untyped_rel_scan: 1.6 s over 4.5 million relationships,
//! Kuzu 0.22 s). A [`FoldProgram`] reads each property off its column as a [`Cell`] and
//! applies `cell.rs`'s operators, which are the interpreter's; its result is an [`Out`]:
//! a cell, a string literal of the program (a `THEN 'weak'`) by its number, or a
//! relationship type by its id, each a word or two that find the group without a `Value`.
//!
//! As with [`super::ColumnExpr`], anything a cell does not decide (a string property, an
//! overflow, a division by zero, `type()` of a node) is `Cell::Defer`, and the caller asks
//! the interpreter, which gives the value or raises the error. Operands of an operator
//! are all computed (no short-circuit but `AND`/`OR`'s left side and `CASE`'s first hit),
//! which is safe because a cell never raises anything.

use super::cell::{self, Cell};
use super::number_function;
use super::text::TextTest;
use crate::binder::bound::{Expr, ExprKind, Function, PropKeyRef, Slot};
use crate::exec::predicate::Entity;
use crate::exec::Row;
use crate::store::{Graph, NodeId, RelTypeId, NO_LABEL_SET};
use crate::syntax::ast::{BinaryOp, UnaryOp};
use crate::value::types::CypherType;
use crate::value::Value;
use std::sync::Arc;

/// A compiled key: its tree and the string literals it may give.
#[derive(Debug, Clone)]
pub(crate) struct FoldProgram {
    pub(super) root: Step,
    texts: Vec<Arc<str>>,
    /// A key that reads one node's labels only (`labels(a)[0]`): the expression, computed
    /// for a node of each label set the key meets (`Step::Labels`).
    pub(super) of_labels: Option<Expr>,
    /// The properties the program reads more than once (`k.weight` of `CASE WHEN
    /// k.weight < 0.25 … WHEN k.weight < 0.75 …`, the element of a folded quantifier's
    /// verdict code), each read once per evaluation before the walk ([`Reads`]); their
    /// `Step::Property` carries the index here.
    reads: Vec<(Slot, PropKeyRef)>,
}

/// At most this many repeated reads are read ahead (the cells sit on the stack).
const MAX_READS: usize = 8;

/// A `Step::Property` read as it is met, not ahead.
const NOT_READ_AHEAD: u8 = u8::MAX;

/// One value of a program: a cell, the string literal `texts[i]`, a relationship type's
/// name, or the value of a labels-only key for the label set numbered `set` (that of `node`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Out {
    Cell(Cell),
    Text(u32),
    RelType(RelTypeId),
    LabelSet { set: u32, node: NodeId },
}

impl Out {
    /// The cell of a value that is one (a string or a type's name is no cell: `Defer`).
    fn cell(self) -> Cell {
        match self {
            Out::Cell(c) => c,
            Out::Text(_) | Out::RelType(_) | Out::LabelSet { .. } => Cell::Defer,
        }
    }
}

#[derive(Debug, Clone)]
pub(super) enum Step {
    /// A property, and its index in `FoldProgram::reads` (or `NOT_READ_AHEAD`).
    Property(Slot, PropKeyRef, u8),
    /// A variable given as a cell.
    Var(Slot),
    Constant(Out),
    /// `type(r)`.
    Type(Slot),
    /// The label set of the node in the slot: the whole of a labels-only key (its value
    /// one per set, `FoldProgram::of_labels`), never an operand.
    Labels(Slot),
    Negate(Box<Step>),
    Not(Box<Step>),
    Arithmetic(BinaryOp, Box<Step>, Box<Step>),
    Compare(BinaryOp, Box<Step>, Box<Step>),
    /// `AND`, `OR`, `XOR`.
    Logic(BinaryOp, Box<Step>, Box<Step>),
    IsNull(Box<Step>, bool),
    InList(Box<Step>, Vec<Cell>),
    Case(Box<Case>),
    /// `toInteger(e)`, `abs(e)` … (`number_function.rs`).
    Function(Function, Box<Step>),
    /// `e IS [NOT] :: TYPE`.
    TypeTest(Box<Step>, CypherType, bool),
    /// `toString(e) STARTS WITH 'lit'` and the other string tests of a literal (`text.rs`).
    Text(Box<Step>, TextTest),
}

#[derive(Debug, Clone)]
pub(super) struct Case {
    pub(super) subject: Option<Step>,
    pub(super) whens: Vec<(Step, Step)>,
    pub(super) otherwise: Option<Step>,
}

impl FoldProgram {
    /// `expr` compiled, when it reads only properties (and relationship types) of the
    /// entities in `bound` and is made of what a cell computes; `None` otherwise, and for
    /// a bare property or literal, which the fold reads as they are.
    pub(crate) fn compile(expr: &Expr, bound: &[Slot]) -> Option<FoldProgram> {
        if matches!(expr.kind, ExprKind::Property(..) | ExprKind::Literal(_)) {
            return None;
        }
        if let Some(node) = labels_key(expr).filter(|node| bound.contains(node)) {
            let root = Step::Labels(node);
            return Some(FoldProgram { root, texts: Vec::new(), of_labels: Some(expr.clone()), reads: Vec::new() });
        }
        let mut texts = Vec::new();
        let root = compile(expr, Scope { entities: bound, vars: &[] }, &mut texts)?;
        Some(FoldProgram::with_reads(root, texts))
    }

    /// The program of `root`, its repeated property reads numbered to be read ahead.
    fn with_reads(mut root: Step, texts: Vec<Arc<str>>) -> FoldProgram {
        let mut seen: Vec<(Slot, PropKeyRef, usize)> = Vec::new();
        root.visit_properties(&mut |slot, key, _| match seen
            .iter_mut()
            .find(|(s, k, _)| *s == slot && k.name == key.name)
        {
            Some((.., n)) => *n += 1,
            None => seen.push((slot, key.clone(), 1)),
        });
        let reads: Vec<(Slot, PropKeyRef)> =
            seen.into_iter().filter(|(.., n)| *n > 1).map(|(s, k, _)| (s, k)).take(MAX_READS).collect();
        if !reads.is_empty() {
            root.visit_properties(&mut |slot, key, at| {
                if let Some(i) = reads.iter().position(|(s, k)| *s == slot && k.name == key.name) {
                    *at = i as u8;
                }
            });
        }
        FoldProgram { root, texts, of_labels: None, reads }
    }

    /// How many properties it reads ahead.
    #[cfg(test)]
    pub(super) fn read_ahead(&self) -> usize {
        self.reads.len()
    }

    /// The value for the entities `bound` holds (an entity of a slot it does not hold: `Defer`).
    pub(crate) fn eval(&self, graph: &Graph, bound: &[(Slot, Entity)]) -> Out {
        let reads = Reads::of(self, graph, bound);
        self.root.eval(graph, Env { entities: bound, cells: &[], sets: &[], reads: reads.cells() })
    }

    /// [`FoldProgram::eval`] reading label sets from `sets` (`Graph::label_set_numbers`,
    /// taken when the program has read many) where it has the node.
    pub(crate) fn eval_with_sets(&self, graph: &Graph, bound: &[(Slot, Entity)], sets: &[u8]) -> Out {
        let reads = Reads::of(self, graph, bound);
        self.root.eval(graph, Env { entities: bound, cells: &[], sets, reads: reads.cells() })
    }

    /// Whether it is a key of one node's labels (it reads a label set per input).
    pub(crate) fn reads_labels(&self) -> bool {
        matches!(self.root, Step::Labels(_))
    }

    /// `expr` compiled over the variables `vars`, each given as a cell (a `reduce()` step
    /// over its accumulator and item); `None` when it reads anything else or holds what a
    /// cell does not compute.
    pub(crate) fn compile_over_cells(expr: &Expr, vars: &[Slot]) -> Option<FoldProgram> {
        let mut texts = Vec::new();
        let root = compile(expr, Scope { entities: &[], vars }, &mut texts)?;
        Some(FoldProgram::with_reads(root, texts))
    }

    /// The value for the variables' cells `cells`.
    pub(crate) fn eval_cells(&self, graph: &Graph, cells: &[(Slot, Cell)]) -> Out {
        let reads = Reads::of(self, graph, &[]);
        self.root.eval(graph, Env { entities: &[], cells, sets: &[], reads: reads.cells() })
    }

    /// `expr` compiled over the properties (and types) of the entities in `entities` and
    /// the variables `vars` given as cells (a condition of a scan over a relationship,
    /// its ends and the input row's values); `None` when it reads anything else or holds
    /// what a cell does not compute.
    pub(crate) fn compile_over(expr: &Expr, entities: &[Slot], vars: &[Slot]) -> Option<FoldProgram> {
        let mut texts = Vec::new();
        let root = compile(expr, Scope { entities, vars }, &mut texts)?;
        Some(FoldProgram::with_reads(root, texts))
    }

    /// The value for the entities `entities` and the variables' cells `cells`.
    pub(crate) fn eval_over(&self, graph: &Graph, entities: &[(Slot, Entity)], cells: &[(Slot, Cell)]) -> Out {
        let reads = Reads::of(self, graph, entities);
        self.root.eval(graph, Env { entities, cells, sets: &[], reads: reads.cells() })
    }

    /// Whether its value is always a boolean or null (a condition).
    pub(crate) fn is_boolean(&self) -> bool {
        self.root.is_boolean()
    }

    /// Whether the interpreter could raise an error where the program's cells are live
    /// values: arithmetic (overflow, division by zero, a string), or logic over an
    /// operand that may be no boolean (a property holding a number).
    pub(crate) fn may_fail(&self) -> bool {
        self.root.may_fail()
    }

    /// The interpreter's value of `out`; `None` for `Defer`.
    pub(crate) fn value(&self, out: Out, graph: &Graph) -> Option<Value> {
        match out {
            Out::Cell(c) => c.value(),
            Out::Text(i) => Some(Value::String(self.texts[i as usize].clone())),
            Out::RelType(ty) => Some(Value::String(graph.catalog().rel_type_name(ty).clone())),
            Out::LabelSet { node, .. } => self.labels_value(node, graph),
        }
    }

    /// The labels-only key's value for `node` (the same for every node of its label set).
    fn labels_value(&self, node: NodeId, graph: &Graph) -> Option<Value> {
        let (expr, Step::Labels(slot)) = (self.of_labels.as_ref()?, &self.root) else { return None };
        let mut row = Row::new(slot.0 as usize + 1);
        row.set(*slot, Value::Node(node));
        crate::exec::expr::eval(expr, &row, graph).ok()
    }
}

impl Step {
    /// The step's value: a cell, or a string literal or a type's name.
    fn eval(&self, graph: &Graph, env: Env) -> Out {
        match self {
            Step::Constant(out) => *out,
            Step::Type(slot) => match env.entity(*slot).and_then(|e| rel_type(graph, e)) {
                Some(ty) => Out::RelType(ty),
                None => Out::Cell(Cell::Defer),
            },
            Step::Labels(slot) => match env.entity(*slot) {
                Some(Entity::Node(node)) => match env.label_set(graph, node).and_then(|s| u32::try_from(s).ok()) {
                    Some(set) => Out::LabelSet { set, node },
                    None => Out::Cell(Cell::Defer),
                },
                _ => Out::Cell(Cell::Defer),
            },
            Step::Case(case) => match case.branch(graph, env) {
                Ok(Some(then)) => then.eval(graph, env),
                Ok(None) => Out::Cell(Cell::Null),
                Err(()) => Out::Cell(Cell::Defer),
            },
            _ => Out::Cell(self.cell(graph, env)),
        }
    }

    /// The step's value as a cell (a string is `Defer`): operands are computed this way,
    /// so that no `Out` is built and taken apart at each node of the tree.
    fn cell(&self, graph: &Graph, env: Env) -> Cell {
        match self {
            Step::Constant(out) => out.cell(),
            Step::Type(_) | Step::Labels(_) => Cell::Defer,
            Step::Case(case) => match case.branch(graph, env) {
                Ok(Some(then)) => then.cell(graph, env),
                Ok(None) => Cell::Null,
                Err(()) => Cell::Defer,
            },
            Step::Property(slot, key, at) => match (env.reads.get(usize::from(*at)), env.entity(*slot)) {
                (Some(&read_ahead), _) => read_ahead,
                (None, Some(entity)) => read(graph, entity, key),
                (None, None) => Cell::Defer,
            },
            Step::Var(slot) => env.cell(*slot),
            Step::Negate(e) => cell::negate(e.cell(graph, env)),
            Step::Not(e) => cell::not(e.cell(graph, env)),
            Step::Arithmetic(op, l, r) => cell::arithmetic(*op, l.cell(graph, env), r.cell(graph, env)),
            Step::Compare(op, l, r) => cell::compare(*op, l.cell(graph, env), r.cell(graph, env)),
            Step::Logic(op, l, r) => {
                let left = l.cell(graph, env);
                // The left side of a false AND (a true OR) decides alone.
                if matches!((op, left), (BinaryOp::And, Cell::Bool(false)) | (BinaryOp::Or, Cell::Bool(true))) {
                    return left;
                }
                cell::logic(*op, left, r.cell(graph, env))
            }
            Step::IsNull(e, negated) => match e.eval(graph, env) {
                // A string or a type's name is not null.
                Out::Text(_) | Out::RelType(_) | Out::LabelSet { .. } => cell::boolean(*negated),
                Out::Cell(c) => cell::is_null(c, *negated),
            },
            Step::InList(e, items) => cell::in_items(e.cell(graph, env), items),
            Step::Text(e, test) => test.test(e.cell(graph, env)),
            Step::Function(f, e) => number_function::apply_cell(*f, e.cell(graph, env)),
            Step::TypeTest(e, ty, negated) => match e.eval(graph, env) {
                // A string literal or a type's name is a STRING; a label set's value, the interpreter's.
                Out::Text(_) | Out::RelType(_) | Out::LabelSet { .. } => Cell::Defer,
                Out::Cell(c) => number_function::type_test_cell(ty, *negated, c),
            },
        }
    }
}

impl Step {
    /// Calls `f` on each property read in the tree, with its read-ahead index.
    fn visit_properties(&mut self, f: &mut impl FnMut(Slot, &PropKeyRef, &mut u8)) {
        match self {
            Step::Property(slot, key, at) => f(*slot, key, at),
            Step::Var(_) | Step::Constant(_) | Step::Type(_) | Step::Labels(_) => {}
            Step::Negate(e)
            | Step::Not(e)
            | Step::IsNull(e, _)
            | Step::InList(e, _)
            | Step::Function(_, e)
            | Step::TypeTest(e, ..)
            | Step::Text(e, _) => e.visit_properties(f),
            Step::Arithmetic(_, l, r) | Step::Compare(_, l, r) | Step::Logic(_, l, r) => {
                l.visit_properties(f);
                r.visit_properties(f);
            }
            Step::Case(case) => {
                let Case { subject, whens, otherwise } = &mut **case;
                let parts = subject.iter_mut().chain(whens.iter_mut().flat_map(|(w, t)| [w, t]));
                parts.chain(otherwise.iter_mut()).for_each(|e| e.visit_properties(f));
            }
        }
    }

    /// Whether its value is always a boolean or null.
    fn is_boolean(&self) -> bool {
        match self {
            Step::Constant(out) => matches!(out, Out::Cell(Cell::Bool(_) | Cell::Null)),
            Step::Not(_)
            | Step::Compare(..)
            | Step::Logic(..)
            | Step::IsNull(..)
            | Step::InList(..)
            | Step::Text(..)
            | Step::TypeTest(..) => true,
            Step::Case(case) => {
                case.whens.iter().all(|(_, then)| then.is_boolean())
                    && case.otherwise.as_ref().is_none_or(Step::is_boolean)
            }
            Step::Property(..)
            | Step::Var(_)
            | Step::Type(_)
            | Step::Labels(_)
            | Step::Negate(_)
            | Step::Arithmetic(..)
            | Step::Function(..) => false,
        }
    }

    /// See [`FoldProgram::may_fail`].
    fn may_fail(&self) -> bool {
        match self {
            Step::Property(..) | Step::Var(_) | Step::Constant(_) | Step::Type(_) | Step::Labels(_) => false,
            // A function raises on a value of another kind (`abs(true)`) or overflows.
            Step::Negate(_) | Step::Arithmetic(..) | Step::Function(..) => true,
            Step::Not(e) => !e.is_boolean() || e.may_fail(),
            Step::Logic(_, l, r) => !l.is_boolean() || !r.is_boolean() || l.may_fail() || r.may_fail(),
            Step::Compare(_, l, r) => l.may_fail() || r.may_fail(),
            Step::IsNull(e, _) | Step::InList(e, _) | Step::TypeTest(e, ..) | Step::Text(e, _) => e.may_fail(),
            Step::Case(case) => {
                let parts = case.subject.iter().chain(case.whens.iter().flat_map(|(w, t)| [w, t]));
                parts.chain(case.otherwise.iter()).any(Step::may_fail)
            }
        }
    }
}

impl Case {
    /// The branch taken: `Ok(None)` for none and no ELSE (null), `Err(())` when the
    /// interpreter must decide.
    fn branch(&self, graph: &Graph, env: Env) -> Result<Option<&Step>, ()> {
        let subject = self.subject.as_ref().map(|s| s.cell(graph, env));
        for (when, then) in &self.whens {
            if cell::case_hit(subject, when.cell(graph, env))? {
                return Ok(Some(then));
            }
        }
        Ok(self.otherwise.as_ref())
    }
}

/// What a program reads its inputs from: entities by slot, and variables given as cells.
#[derive(Clone, Copy)]
struct Env<'a> {
    entities: &'a [(Slot, Entity)],
    cells: &'a [(Slot, Cell)],
    /// Label set numbers by node id, or empty (`FoldProgram::eval_with_sets`).
    sets: &'a [u8],
    /// The cells of `FoldProgram::reads`, read ahead for this evaluation.
    reads: &'a [Cell],
}

/// The repeated reads of a program for one evaluation: each property read once, as
/// `Step::cell` would read it (a read never fails and the graph does not change during
/// an evaluation, so reading ahead changes no value).
struct Reads {
    /// `None` for a program with no repeated read (nothing to set up per evaluation).
    cells: Option<([Cell; MAX_READS], usize)>,
}

impl Reads {
    fn of(program: &FoldProgram, graph: &Graph, entities: &[(Slot, Entity)]) -> Reads {
        if program.reads.is_empty() {
            return Reads { cells: None };
        }
        let mut cells = [Cell::Defer; MAX_READS];
        for (cell, (slot, key)) in cells.iter_mut().zip(&program.reads) {
            if let Some(&(_, entity)) = entities.iter().find(|(s, _)| s == slot) {
                *cell = read(graph, entity, key);
            }
        }
        Reads { cells: Some((cells, program.reads.len())) }
    }

    fn cells(&self) -> &[Cell] {
        match &self.cells {
            Some((cells, len)) => &cells[..*len],
            None => &[],
        }
    }
}

impl Env<'_> {
    fn entity(self, slot: Slot) -> Option<Entity> {
        self.entities.iter().find(|(s, _)| *s == slot).map(|&(_, e)| e)
    }

    fn cell(self, slot: Slot) -> Cell {
        self.cells.iter().find(|(s, _)| *s == slot).map_or(Cell::Defer, |&(_, c)| c)
    }

    /// The node's label set number, from the table when it has the node.
    fn label_set(self, graph: &Graph, node: NodeId) -> Option<usize> {
        match self.sets.get(node.0 as usize) {
            Some(&set) if set != NO_LABEL_SET => Some(usize::from(set)),
            _ => graph.node_label_set(node),
        }
    }
}

/// What a program may read: properties and types of the entities in `entities`, and
/// the variables in `vars` as cells.
#[derive(Clone, Copy)]
struct Scope<'a> {
    entities: &'a [Slot],
    vars: &'a [Slot],
}

fn rel_type(graph: &Graph, entity: Entity) -> Option<RelTypeId> {
    match entity {
        Entity::Rel(id) => graph.rel_type_of(id),
        // `type()` of a node is the interpreter's error.
        Entity::Node(_) => None,
    }
}

/// The property `key` of one entity as a cell (a number off its column).
fn read(graph: &Graph, entity: Entity, key: &PropKeyRef) -> Cell {
    let Some(key) = key.resolve(graph.catalog()) else { return Cell::Null };
    let number = match entity {
        Entity::Node(node) => graph.node_number(node, key),
        Entity::Rel(rel) => graph.rel_number(rel, key),
    };
    if let Some(n) = number {
        return Cell::of_number(Some(n));
    }
    let value = match entity {
        Entity::Node(node) => graph.node_property(node, key),
        Entity::Rel(rel) => graph.rel_property(rel, key),
    };
    Cell::of_value(value.as_ref())
}

/// `e` compiled; every slot it reads is in `scope`.
fn compile(e: &Expr, scope: Scope, texts: &mut Vec<Arc<str>>) -> Option<Step> {
    let bound = scope.entities;
    let mut boxed = |e: &Expr| compile(e, scope, texts).map(Box::new);
    Some(match &e.kind {
        ExprKind::Slot(slot) if scope.vars.contains(slot) => Step::Var(*slot),
        ExprKind::Property(owner, key) => {
            let ExprKind::Slot(owner) = owner.kind else { return None };
            bound.contains(&owner).then(|| Step::Property(owner, key.clone(), NOT_READ_AHEAD))?
        }
        ExprKind::Call(Function::Type, args) => match args.as_slice() {
            [Expr { kind: ExprKind::Slot(slot), .. }] if bound.contains(slot) => Step::Type(*slot),
            _ => return None,
        },
        ExprKind::Literal(Value::String(text)) => {
            let at = texts.iter().position(|t| t == text).unwrap_or_else(|| {
                texts.push(text.clone());
                texts.len() - 1
            });
            Step::Constant(Out::Text(u32::try_from(at).ok()?))
        }
        ExprKind::Literal(value) => Step::Constant(Out::Cell(literal(value)?)),
        ExprKind::Unary(UnaryOp::Neg, inner) => Step::Negate(boxed(inner)?),
        ExprKind::Unary(UnaryOp::Not, inner) => Step::Not(boxed(inner)?),
        ExprKind::IsNull { expr, negated } => Step::IsNull(boxed(expr)?, *negated),
        ExprKind::TypeTest { expr, ty, negated } => Step::TypeTest(boxed(expr)?, ty.clone(), *negated),
        ExprKind::Call(function, args) if number_function::takes(*function, args.len()) => {
            let arg = boxed(&args[0])?;
            // A string is left to the interpreter (`toInteger('42')`).
            if text_operand(&arg) {
                return None;
            }
            Step::Function(*function, arg)
        }
        ExprKind::Binary(BinaryOp::In, l, r) => {
            let ExprKind::Literal(Value::List(items)) = &r.kind else { return None };
            let items = items.iter().map(literal).collect::<Option<Vec<_>>>()?;
            Step::InList(boxed(l)?, items)
        }
        ExprKind::Binary(op, l, r) if text_test(*op, l, r).is_some() => {
            let (arg, test) = text_test(*op, l, r)?;
            let arg = boxed(arg)?;
            // `toString` of a string is the string: left to the interpreter.
            if text_operand(&arg) {
                return None;
            }
            Step::Text(arg, test)
        }
        ExprKind::Binary(op, l, r) => {
            let (l, r) = (boxed(l)?, boxed(r)?);
            match op {
                BinaryOp::Add | BinaryOp::Sub | BinaryOp::Mul | BinaryOp::Div | BinaryOp::Mod => {
                    // `+` of a string is concatenation: left to the interpreter.
                    if text_operand(&l) || text_operand(&r) {
                        return None;
                    }
                    Step::Arithmetic(*op, l, r)
                }
                BinaryOp::Eq | BinaryOp::Ne | BinaryOp::Lt | BinaryOp::Le | BinaryOp::Gt | BinaryOp::Ge => {
                    Step::Compare(*op, l, r)
                }
                BinaryOp::And | BinaryOp::Or | BinaryOp::Xor => Step::Logic(*op, l, r),
                _ => return None,
            }
        }
        ExprKind::Case { subject, whens, otherwise } => {
            let subject = match subject {
                Some(s) => Some(compile(s, scope, texts)?),
                None => None,
            };
            let whens = whens
                .iter()
                .map(|(w, t)| Some((compile(w, scope, texts)?, compile(t, scope, texts)?)))
                .collect::<Option<Vec<_>>>()?;
            let otherwise = match otherwise {
                Some(o) => Some(compile(o, scope, texts)?),
                None => None,
            };
            Step::Case(Box::new(Case { subject, whens, otherwise }))
        }
        _ => return None,
    })
}

/// The node of a key that reads only its labels and cannot fail on any list of labels:
/// `labels(n)`, `labels(n)[i]` for a literal `i`, `head`, `last` or `size` of
/// `labels(n)`, `n:L`. Its value is then one per label set, and computing it once per set
/// raises nothing the row path would.
fn labels_key(e: &Expr) -> Option<Slot> {
    let labels_of = |e: &Expr| match &e.kind {
        ExprKind::Call(Function::Labels, args) => match args.as_slice() {
            [Expr { kind: ExprKind::Slot(slot), .. }] => Some(*slot),
            _ => None,
        },
        _ => None,
    };
    match &e.kind {
        ExprKind::Call(Function::Labels, _) => labels_of(e),
        ExprKind::Index(list, at) if matches!(at.kind, ExprKind::Literal(Value::Int(_))) => labels_of(list),
        ExprKind::Call(Function::Head | Function::Last | Function::Size, args) => match args.as_slice() {
            [list] => labels_of(list),
            _ => None,
        },
        ExprKind::HasLabels(owner, _) => match owner.kind {
            ExprKind::Slot(slot) => Some(slot),
            _ => None,
        },
        _ => None,
    }
}

/// `toString(arg) op 'literal'` as its argument and test.
fn text_test<'e>(op: BinaryOp, l: &'e Expr, r: &Expr) -> Option<(&'e Expr, TextTest)> {
    let (ExprKind::Call(Function::ToString, args), ExprKind::Literal(Value::String(text))) = (&l.kind, &r.kind) else {
        return None;
    };
    match args.as_slice() {
        [arg] if TextTest::takes(op) => Some((arg, TextTest::new(op, text.clone()))),
        _ => None,
    }
}

/// Whether a step is a string (which no operator of a cell takes).
fn text_operand(step: &Step) -> bool {
    matches!(step, Step::Constant(Out::Text(_)) | Step::Type(_))
}

/// A literal a cell holds: null, a boolean or a number.
fn literal(value: &Value) -> Option<Cell> {
    Some(Cell::of_value(Some(value))).filter(|c| *c != Cell::Defer)
}
