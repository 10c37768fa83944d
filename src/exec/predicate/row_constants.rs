//! Comparisons with a value the input row fixes, made comparisons with a constant.
//!
//! A scan repeated for each input row (`MATCH (a:Person {id: $p}), (b:Person) WHERE
//! b.year = a.year`), or an expansion from each (`(a)-[r]->(b) WHERE r.year > a.year`), tests a conjunct such as `b.year = a.year` on every candidate `b`,
//! yet its right side is the same for all of them: it reads only the input row, which the
//! scan keeps fixed over its candidates, and the graph, which no write changes while a
//! scan is between candidates (`write.rs`'s eager barrier). So when the input row
//! arrives, that side is computed once and the conjunct becomes `b.year = <value>`, a
//! compiled [`Test::Compare`] (or a string match) that the store's column predicates
//! answer a chunk of candidates at a time, like a literal.
//!
//! `x IN list` with a list the input row fixes is made the same way a test against that
//! list, built once per input row: `b.id IN ids` a compiled `IN` of constants
//! (`in_list.rs`), `o IN orgs` of a collected list of nodes a look-up in a hash set of
//! their ids (`in_entities.rs`), instead of a walk through the list for each candidate.
//!
//! The other side must be plainly deterministic (literals, variables, their
//! properties, arithmetic), so computing it once gives what computing it per candidate
//! gives. If computing it fails, the conjunct stays interpreted for that row, so the error
//! is raised, as before, only when a candidate reaches it.

use super::{is_comparison, InEntities, InList, Predicate, Property, Test};
use crate::binder::bound::{Expr, ExprKind, Slot};
use crate::exec::expr::eval;
use crate::exec::row::Row;
use crate::store::Graph;
use crate::syntax::ast::{BinaryOp, UnaryOp};

/// A conjunct `slot.key <op> operand` (or `operand <op> slot.key`) whose operand the
/// input row fixes; for `IN`, also `slot IN operand`.
struct RowComparison<'a> {
    subject: Subject,
    op: BinaryOp,
    operand: &'a Expr,
    operand_first: bool,
    /// The conjunct, for `IN` tests of an entity (their answer for a slot holding none).
    source: &'a Expr,
}

/// What the operand is compared with: a candidate's property, or (`IN` only) the
/// candidate itself.
enum Subject {
    Property(Property),
    Entity(Slot),
}

impl Predicate {
    /// Whether some conjunct compares a property of one of `candidates` (the slots an
    /// operator binds for each input row) with a value the input row fixes: then
    /// [`Predicate::with_row_constants`] makes it a compiled test.
    pub fn has_row_constants(&self, candidates: &[Slot]) -> bool {
        self.tests.iter().any(|t| RowComparison::of(t, candidates).is_some())
    }

    /// Whether, once the input row's values are put in ([`Predicate::with_row_constants`],
    /// each computed without error), the condition reads only `slots`.
    pub fn reads_only_given_row(&self, candidates: &[Slot], slots: &[Slot]) -> bool {
        let mut bound = self.clone();
        for test in &mut bound.tests {
            if let Some(comparison) = RowComparison::of(test, candidates) {
                // The value does not matter for what the test reads.
                if let Some(compiled) = comparison.with_constant(crate::value::Value::list(Vec::new())) {
                    *test = compiled;
                }
            }
        }
        bound.refresh();
        bound.reads_only(slots)
    }

    /// The condition for the `candidates` beside `row`: each conjunct comparing a
    /// property of one of them with a value `row` fixes compares it with that value,
    /// computed now; one whose value cannot be computed stays as it is.
    pub fn with_row_constants(&self, candidates: &[Slot], row: &Row, graph: &Graph) -> Predicate {
        let mut bound = self.clone();
        for test in &mut bound.tests {
            let Some(comparison) = RowComparison::of(test, candidates) else { continue };
            if let Some(compiled) = eval(comparison.operand, row, graph).ok().and_then(|v| comparison.with_constant(v))
            {
                *test = compiled;
            }
        }
        bound.refresh();
        bound
    }

    /// Writes into `current` (this condition with an earlier row's values put in) the
    /// values of `row`: only the conjuncts that compare with the row are replaced, so a
    /// row of an expansion with few candidates costs no copy of the rest.
    pub fn put_row_constants(&self, candidates: &[Slot], row: &Row, graph: &Graph, current: &mut Predicate) {
        for (test, slot) in self.tests.iter().zip(current.tests.iter_mut()) {
            let Some(comparison) = RowComparison::of(test, candidates) else { continue };
            let value = eval(comparison.operand, row, graph).ok();
            // The rows of a scan or an expansion often all carry one collected list: its
            // test is built once, not once per row.
            if value.as_ref().is_some_and(|v| slot.is_built_from(v)) {
                continue;
            }
            *slot = match value.and_then(|v| comparison.with_constant(v)) {
                Some(compiled) => compiled,
                None => test.clone(),
            };
        }
        current.compiled = !current.tests.iter().any(|t| matches!(t, Test::Interpreted(_)));
        current.whole = if current.compiled { None } else { self.whole.clone() };
    }

    /// Recomputes whether every conjunct is compiled, after conjuncts were replaced.
    fn refresh(&mut self) {
        self.compiled = !self.tests.iter().any(|t| matches!(t, Test::Interpreted(_)));
        if self.compiled {
            self.whole = None;
        }
    }
}

impl Test {
    /// Whether this is an `IN` test built from the very list `value` holds.
    fn is_built_from(&self, value: &crate::value::Value) -> bool {
        let crate::value::Value::List(items) = value else { return false };
        match self {
            Test::InList(m) => m.is_of(items),
            Test::InEntities(m) => m.is_of(items),
            _ => false,
        }
    }
}

impl<'a> RowComparison<'a> {
    /// The conjunct as a comparison (or string match) of a property of one of
    /// `candidates` with an operand that reads none of them, when it is one.
    fn of(test: &'a Test, candidates: &[Slot]) -> Option<RowComparison<'a>> {
        let conjunct = match test {
            Test::Interpreted(conjunct) => conjunct,
            Test::CompareProperties(m) => &m.source,
            Test::Entities(m) => &m.source,
            _ => return None,
        };
        let ExprKind::Binary(op, lhs, rhs) = &conjunct.kind else { return None };
        if *op == BinaryOp::In {
            return Self::membership(conjunct, (lhs, rhs), candidates);
        }
        let string_match = matches!(op, BinaryOp::StartsWith | BinaryOp::EndsWith | BinaryOp::Contains);
        if !is_comparison(*op) && !string_match {
            return None;
        }
        let of_slot = |e: &Expr| Property::of(e).filter(|p| candidates.contains(&p.slot)).map(Subject::Property);
        let comparison = |subject, operand, operand_first| RowComparison {
            subject,
            op: *op,
            operand,
            operand_first,
            source: conjunct,
        };
        if let (Some(subject), true) = (of_slot(lhs), fixed_by_row(rhs, candidates)) {
            return Some(comparison(subject, &**rhs, false));
        }
        // `'x' STARTS WITH b.name` is no test of the property against a prefix.
        match (of_slot(rhs), fixed_by_row(lhs, candidates) && !string_match) {
            (Some(subject), true) => Some(comparison(subject, &**lhs, true)),
            _ => None,
        }
    }

    /// `slot.key IN operand` or `slot IN operand`, `slot` one of `candidates`.
    fn membership(
        conjunct: &'a Expr,
        (lhs, rhs): (&'a Expr, &'a Expr),
        candidates: &[Slot],
    ) -> Option<RowComparison<'a>> {
        if !fixed_by_row(rhs, candidates) {
            return None;
        }
        let subject = match &lhs.kind {
            ExprKind::Slot(slot) if candidates.contains(slot) => Subject::Entity(*slot),
            _ => Subject::Property(Property::of(lhs).filter(|p| candidates.contains(&p.slot))?),
        };
        Some(RowComparison { subject, op: BinaryOp::In, operand: rhs, operand_first: false, source: conjunct })
    }

    /// The compiled test with the operand's value as its constant; `None` for an `IN`
    /// whose value is no list the compiled tests take (the interpreter answers then).
    fn with_constant(self, constant: crate::value::Value) -> Option<Test> {
        let RowComparison { subject, op, operand_first, source, .. } = self;
        match (subject, op) {
            (Subject::Property(property), BinaryOp::In) => match constant {
                crate::value::Value::List(items) => Some(Test::InList(Box::new(InList::with_items(property, items)))),
                _ => None,
            },
            (Subject::Entity(slot), _) => match constant {
                crate::value::Value::List(items) => {
                    InEntities::of_items(slot, items, source).map(|m| Test::InEntities(Box::new(m)))
                }
                _ => None,
            },
            (Subject::Property(property), op) if is_comparison(op) => {
                Some(Test::Compare { property, op, constant, constant_first: operand_first })
            }
            (Subject::Property(property), op) => Some(Test::StringMatch { property, op, constant }),
        }
    }
}

/// Whether `e` reads only what the input row holds, none of the `candidates`, and is
/// plainly deterministic: literals (a parameter is one), variables, properties of
/// variables, arithmetic and signs of those.
fn fixed_by_row(e: &Expr, candidates: &[Slot]) -> bool {
    match &e.kind {
        ExprKind::Literal(_) => true,
        ExprKind::Slot(s) => !candidates.contains(s),
        ExprKind::Property(owner, _) => matches!(owner.kind, ExprKind::Slot(s) if !candidates.contains(&s)),
        ExprKind::Binary(
            BinaryOp::Add | BinaryOp::Sub | BinaryOp::Mul | BinaryOp::Div | BinaryOp::Mod | BinaryOp::Pow,
            lhs,
            rhs,
        ) => fixed_by_row(lhs, candidates) && fixed_by_row(rhs, candidates),
        ExprKind::Unary(UnaryOp::Neg | UnaryOp::Pos, operand) => fixed_by_row(operand, candidates),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::binder::bound::{NameRef, Type};
    use crate::span::Span;
    use crate::store::PropKeyId;
    use crate::value::Value;

    fn expr(kind: ExprKind) -> Expr {
        Expr { kind, ty: Type::Any, span: Span::default() }
    }

    fn prop(slot: u32, key: &str) -> Expr {
        let key = NameRef { name: key.into(), id: Some(PropKeyId(0)) };
        expr(ExprKind::Property(Box::new(expr(ExprKind::Slot(Slot(slot)))), key))
    }

    fn bin(op: BinaryOp, a: Expr, b: Expr) -> Expr {
        expr(ExprKind::Binary(op, Box::new(a), Box::new(b)))
    }

    #[test]
    fn a_comparison_with_the_rows_values_becomes_a_compiled_test_per_row() {
        let plus_one = bin(BinaryOp::Add, prop(0, "year"), expr(ExprKind::Literal(Value::Int(1))));
        let condition = bin(
            BinaryOp::And,
            bin(BinaryOp::Eq, prop(1, "year"), plus_one),
            bin(BinaryOp::Lt, prop(0, "weight"), prop(1, "weight")),
        );
        let predicate = Predicate::compile(&condition);
        // Two variables' properties compared, or arithmetic over them, are compiled, and
        // still take the row's value.
        assert_eq!(predicate.compiled(), (2, 2));
        assert!(predicate.has_row_constants(&[Slot(1)]));
        assert!(predicate.reads_only_given_row(&[Slot(1)], &[Slot(1)]));
        // Both sides read the scanned slot: nothing the row fixes.
        let both = Predicate::compile(&bin(BinaryOp::Eq, prop(1, "a"), prop(1, "b")));
        assert!(!both.has_row_constants(&[Slot(1)]));
        // A function call is not taken as fixed.
        let call = bin(BinaryOp::Eq, prop(1, "a"), expr(ExprKind::Unary(UnaryOp::Not, Box::new(prop(0, "b")))));
        assert!(!Predicate::compile(&call).has_row_constants(&[Slot(1)]));
    }

    #[test]
    fn the_values_put_in_place_are_those_of_a_fresh_copy() {
        let graph = Graph::new();
        let condition = bin(
            BinaryOp::And,
            bin(BinaryOp::Eq, prop(1, "a"), prop(0, "x")),
            bin(BinaryOp::Gt, prop(1, "b"), prop(0, "y")),
        );
        let predicate = Predicate::compile(&condition);
        let mut current = predicate.clone();
        for (x, y) in [(Value::Int(3), Value::Float(0.5)), (Value::Null, Value::Int(1))] {
            let mut row = Row::new(2);
            row.set(Slot(0), expr_map(x, y));
            predicate.put_row_constants(&[Slot(1)], &row, &graph, &mut current);
            let fresh = predicate.with_row_constants(&[Slot(1)], &row, &graph);
            assert_eq!(format!("{:?}", current.tests), format!("{:?}", fresh.tests));
            assert_eq!((current.compiled, current.whole.is_some()), (fresh.compiled, fresh.whole.is_some()));
        }
        // A row whose value fails to compute brings the conjunct back as written.
        let mut row = Row::new(2);
        row.set(Slot(0), Value::Int(7));
        predicate.put_row_constants(&[Slot(1)], &row, &graph, &mut current);
        assert_eq!(format!("{:?}", current.tests), format!("{:?}", predicate.tests));
    }

    /// A map value `{x: x, y: y}` standing for a node in slot 0.
    fn expr_map(x: Value, y: Value) -> Value {
        Value::map([("x".into(), x), ("y".into(), y)].into_iter().collect())
    }

    #[test]
    fn an_operand_that_cannot_be_computed_stays_interpreted() {
        let graph = Graph::new();
        // `1 + 'x'` on the row side is a type error: only a candidate reaching it raises it.
        let bad = bin(BinaryOp::Add, expr(ExprKind::Literal(Value::Int(1))), prop(0, "x"));
        let mut row = Row::new(2);
        row.set(Slot(0), Value::Int(3));
        let predicate = Predicate::compile(&bin(BinaryOp::Eq, prop(1, "a"), bad));
        let bound = predicate.with_row_constants(&[Slot(1)], &row, &graph);
        assert!(matches!(bound.tests[..], [Test::Entities(_)]), "as written: {:?}", bound.tests);
        let null = Predicate::compile(&bin(BinaryOp::Eq, prop(1, "a"), prop(0, "x")));
        row.set(Slot(0), Value::Null);
        assert!(null.with_row_constants(&[Slot(1)], &row, &graph).is_compiled());
    }

    fn slot(slot: u32) -> Expr {
        expr(ExprKind::Slot(Slot(slot)))
    }

    #[test]
    fn membership_in_a_list_the_row_fixes_answers_as_the_interpreter() {
        use crate::store::NodeId;
        let graph = Graph::new();
        let node = |id| Value::Node(NodeId(id));
        let lists = [
            vec![node(1), node(2)],
            vec![node(2), Value::Null],
            vec![Value::Null],
            vec![],
            vec![Value::Int(1), Value::Int(3)],
            vec![Value::string("a"), node(1)],
        ];
        let subjects = [node(1), node(3), expr_map(Value::Int(3), Value::Null), Value::Null];
        let conditions = [bin(BinaryOp::In, slot(1), slot(0)), bin(BinaryOp::In, prop(1, "x"), slot(0))];
        for condition in &conditions {
            let predicate = Predicate::compile(condition);
            assert!(predicate.has_row_constants(&[Slot(1)]));
            assert!(predicate.reads_only_given_row(&[Slot(1)], &[Slot(1)]));
            let mut current = predicate.clone();
            for list in &lists {
                for subject in &subjects {
                    let mut row = Row::new(2);
                    row.set(Slot(0), Value::list(list.clone()));
                    row.set(Slot(1), subject.clone());
                    let expected = eval(condition, &row, &graph).map(|v| crate::exec::expr::is_true(&v));
                    let bound = predicate.with_row_constants(&[Slot(1)], &row, &graph);
                    assert_eq!(bound.holds(&row, &graph).ok(), expected.as_ref().ok().copied(), "{list:?} {subject:?}");
                    predicate.put_row_constants(&[Slot(1)], &row, &graph, &mut current);
                    assert_eq!(current.holds(&row, &graph).ok(), expected.ok(), "{list:?} {subject:?}");
                }
            }
        }
        // A list of nodes is a compiled test; one holding other values stays interpreted.
        let entity_in = Predicate::compile(&conditions[0]);
        let mut row = Row::new(2);
        row.set(Slot(0), Value::list(lists[1].clone()));
        assert!(entity_in.with_row_constants(&[Slot(1)], &row, &graph).is_compiled());
        row.set(Slot(0), Value::list(lists[5].clone()));
        assert!(!entity_in.with_row_constants(&[Slot(1)], &row, &graph).is_compiled());
    }

    #[test]
    fn the_same_list_on_the_next_row_keeps_its_test() {
        use crate::store::NodeId;
        let graph = Graph::new();
        let predicate = Predicate::compile(&bin(BinaryOp::In, slot(1), slot(0)));
        let list = Value::list(vec![Value::Node(NodeId(1))]);
        let mut row = Row::new(2);
        row.set(Slot(0), list.clone());
        let mut current = predicate.clone();
        predicate.put_row_constants(&[Slot(1)], &row, &graph, &mut current);
        assert!(current.tests[0].is_built_from(&list));
        // An equal list that is another value is built again, and its test knows it.
        let equal = Value::list(vec![Value::Node(NodeId(1))]);
        assert!(!current.tests[0].is_built_from(&equal));
        row.set(Slot(0), equal.clone());
        predicate.put_row_constants(&[Slot(1)], &row, &graph, &mut current);
        assert!(current.tests[0].is_built_from(&equal));
    }
}
