//! A property of one variable compared with a property of another (`u.year = d.year`,
//! `m.year >= o.year`): a conjunct compiled, so that an expansion or a join tests each
//! candidate without a row.
//!
//! Interpreted, every candidate cost a copy of its row and the interpreter's walk of the
//! expression (half of an undirected same-year count at M). Compiled, two stored numbers
//! of one kind are compared in place; any other pair of values is read as the interpreter
//! reads properties and compared with its operator, so answers and errors are its own.

use super::{cmp_op, compare_values, is_comparison, Bindings, Property, Verdict};
use crate::binder::bound::{Expr, ExprKind, Slot};
use crate::error::Result;
use crate::store::{Compare, Graph, Number};
use crate::syntax::ast::BinaryOp;

#[derive(Debug, Clone)]
pub(super) struct CompareProperties {
    pub(super) left: Property,
    op: BinaryOp,
    pub(super) right: Property,
    /// The conjunct as written: an expansion whose input row fixes one side makes it a
    /// comparison with that side's value (`row_constants.rs`).
    pub(super) source: Expr,
}

impl CompareProperties {
    /// `Some` when `conjunct` is `a.key <op> b.key` over two different variables (one
    /// variable's two properties are a column program's, `program.rs`).
    pub(super) fn of(conjunct: &Expr) -> Option<CompareProperties> {
        let ExprKind::Binary(op, lhs, rhs) = &conjunct.kind else { return None };
        if !is_comparison(*op) {
            return None;
        }
        let (left, right) = (Property::of(lhs)?, Property::of(rhs)?);
        (left.slot != right.slot).then(|| CompareProperties { left, op: *op, right, source: conjunct.clone() })
    }

    /// The variable read besides [`CompareProperties::left`]'s.
    pub(super) fn other_slot(&self) -> Slot {
        self.right.slot
    }

    pub(super) fn eval<B: Bindings>(&self, row: &B, graph: &Graph) -> Result<Verdict> {
        if let Some(holds) = self.compare_stored(row, graph) {
            return Ok(Verdict::of_bool(holds));
        }
        let left = self.left.read(row, graph)?;
        let right = self.right.read(row, graph)?;
        Ok(Verdict::of(&compare_values(self.op, &left, &right)))
    }

    /// Both sides stored as numbers of one kind: compared as Rust compares them, which is
    /// the interpreter's comparison for two integers or two floats (NaN unordered and
    /// unequal). `None` leaves any other pair to the general path.
    fn compare_stored<B: Bindings>(&self, row: &B, graph: &Graph) -> Option<bool> {
        let op = cmp_op(self.op, false)?;
        match (self.left.stored_number(row, graph)?, self.right.stored_number(row, graph)?) {
            (Number::Int(l), Number::Int(r)) => Some(Compare { op, constant: r }.holds(Some(l))),
            (Number::Float(l), Number::Float(r)) => Some(Compare { op, constant: r }.holds(Some(l))),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::binder::Params;
    use crate::Database;

    /// For values of every kind a property holds, on both sides and in both orders, the
    /// compiled comparison keeps exactly the pairs the interpreter keeps (the same
    /// comparison inside a list comprehension, which stays interpreted).
    #[test]
    fn two_properties_compare_as_the_interpreter_compares_them() {
        let mut db = Database::empty();
        let setup = "UNWIND [null, -1, 2009, 2009.0, -0.0, 0.0, 0.05, 0.0 / 0.0, '', 'Org 1', 'Org 12', true, false, [1], [1, 2]] AS v
                     WITH collect(v) AS vs
                     UNWIND range(0, size(vs)) AS i
                     CREATE (:A {id: i, v: vs[i]}), (:B {id: i, v: vs[i]})";
        db.execute_script(setup, &Params::new()).unwrap_or_else(|e| panic!("{}", e.message));
        for op in ["=", "<>", "<", "<=", ">", ">="] {
            let mut pairs = |condition: &str| {
                let text =
                    format!("MATCH (a:A) MATCH (b:B) WHERE {condition} RETURN a.id AS a, b.id AS b ORDER BY a, b");
                db.execute(&text, &Params::new()).map(|r| r.rows).unwrap_or_else(|e| panic!("{}", e.message))
            };
            let compiled = pairs(&format!("a.v {op} b.v"));
            assert_eq!(compiled, pairs(&format!("[one IN [1] | a.v {op} b.v][0]")), "{op}");
            assert!(!compiled.is_empty(), "{op}");
        }
    }
}
