//! `f(v.key) <op> 'constant'`, where `f` is `toLower`, `toUpper` or `trim` and `op` one of
//! `STARTS WITH`, `ENDS WITH`, `CONTAINS`, `=`, `<>`: a conjunct compiled so that a scan
//! tests each candidate without a row (`toLower(o.name) STARTS WITH 'organization 77'`).
//!
//! The property is read in place from a column of packed strings (`Graph::node_str`), an
//! ASCII string is case-mapped byte by byte as it is compared (its `to_lowercase` is its
//! `to_ascii_lowercase`), and any other string through the very functions the interpreter
//! calls. A null is null; any other value (a number, a list) is handed to the interpreter,
//! which raises its type error, so the answers and the errors are the interpreter's.

use super::{Bindings, Entity, Property, Verdict};
use crate::binder::bound::{Expr, ExprKind, Function};
use crate::error::Result;
use crate::exec::expr::eval;
use crate::store::Graph;
use crate::syntax::ast::BinaryOp;
use crate::value::Value;

#[derive(Debug, Clone)]
pub(super) struct FunctionMatch {
    pub(super) property: Property,
    function: Function,
    op: BinaryOp,
    constant: String,
    /// The conjunct as written, for the values the fast path does not take.
    source: Expr,
}

impl FunctionMatch {
    /// `Some` when `conjunct` has the form.
    pub(super) fn of(conjunct: &Expr) -> Option<FunctionMatch> {
        let ExprKind::Binary(op, lhs, rhs) = &conjunct.kind else { return None };
        let fits =
            matches!(op, BinaryOp::StartsWith | BinaryOp::EndsWith | BinaryOp::Contains | BinaryOp::Eq | BinaryOp::Ne);
        let ExprKind::Literal(Value::String(constant)) = &rhs.kind else { return None };
        let ExprKind::Call(function @ (Function::ToLower | Function::ToUpper | Function::Trim), args) = &lhs.kind
        else {
            return None;
        };
        let [arg] = &args[..] else { return None };
        let property = Property::of(arg)?;
        fits.then(|| FunctionMatch {
            property,
            function: *function,
            op: *op,
            constant: constant.to_string(),
            source: conjunct.clone(),
        })
    }

    pub(super) fn eval<B: Bindings>(&self, row: &B, graph: &Graph) -> Result<Verdict> {
        let key = self.property.key.resolve(graph.catalog());
        if let (Some(Entity::Node(node)), Some(key)) = (row.entity(self.property.slot), key) {
            if let Some(s) = graph.node_str(node, key) {
                return Ok(Verdict::of_bool(self.holds(s)));
            }
        }
        match self.property.read(row, graph)? {
            Value::String(s) => Ok(Verdict::of_bool(self.holds(&s))),
            Value::Null => Ok(Verdict::Null),
            _ => Ok(Verdict::of(&eval(&self.source, &row.to_row(), graph)?)),
        }
    }

    /// `f(s) <op> constant`.
    fn holds(&self, s: &str) -> bool {
        let c = self.constant.as_bytes();
        match self.function {
            Function::Trim => matches_bytes(self.op, s.trim().as_bytes(), c, |b| b),
            Function::ToLower if s.is_ascii() => matches_bytes(self.op, s.as_bytes(), c, |b| b.to_ascii_lowercase()),
            Function::ToUpper if s.is_ascii() => matches_bytes(self.op, s.as_bytes(), c, |b| b.to_ascii_uppercase()),
            Function::ToLower => matches_bytes(self.op, s.to_lowercase().as_bytes(), c, |b| b),
            _ => matches_bytes(self.op, s.to_uppercase().as_bytes(), c, |b| b),
        }
    }
}

/// `map(s) <op> c`, `map` applied to each byte of `s` as it is compared.
fn matches_bytes(op: BinaryOp, s: &[u8], c: &[u8], map: impl Fn(u8) -> u8) -> bool {
    let equal = |part: &[u8]| part.len() == c.len() && part.iter().zip(c).all(|(a, b)| map(*a) == *b);
    match op {
        BinaryOp::StartsWith => s.get(..c.len()).is_some_and(equal),
        BinaryOp::EndsWith => s.len() >= c.len() && equal(&s[s.len() - c.len()..]),
        BinaryOp::Contains => c.is_empty() || s.windows(c.len()).any(equal),
        BinaryOp::Eq => equal(s),
        _ => !equal(s),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the interpreter computes: the function's string, then the operator.
    fn by_strings(function: Function, op: BinaryOp, s: &str, c: &str) -> bool {
        let mapped = match function {
            Function::ToLower => s.to_lowercase(),
            Function::ToUpper => s.to_uppercase(),
            _ => s.trim().to_string(),
        };
        match op {
            BinaryOp::StartsWith => mapped.starts_with(c),
            BinaryOp::EndsWith => mapped.ends_with(c),
            BinaryOp::Contains => mapped.contains(c),
            BinaryOp::Eq => mapped == c,
            _ => mapped != c,
        }
    }

    #[test]
    fn the_compiled_match_is_the_function_then_the_operator() {
        let strings = ["Organization 77", "ORGANIZATION 7", "  padded  ", "ÉCOLE", "ΟΔΟΣ", "straße", "", "a"];
        let constants = ["organization 7", "ORGANIZATION", "padded", "école", "οδος", "STRASSE", "", "A", "7"];
        let ops = [BinaryOp::StartsWith, BinaryOp::EndsWith, BinaryOp::Contains, BinaryOp::Eq, BinaryOp::Ne];
        let span = crate::span::Span::default();
        for function in [Function::ToLower, Function::ToUpper, Function::Trim] {
            for op in ops {
                for c in constants {
                    let m = FunctionMatch {
                        property: Property {
                            slot: crate::binder::bound::Slot(0),
                            key: crate::binder::bound::NameRef { name: "k".into(), id: None },
                            span,
                        },
                        function,
                        op,
                        constant: c.to_string(),
                        source: Expr {
                            kind: ExprKind::Literal(Value::Null),
                            ty: crate::binder::bound::Type::Any,
                            span,
                        },
                    };
                    for s in strings {
                        assert_eq!(m.holds(s), by_strings(function, op, s, c), "{function:?} {op:?} {s:?} {c:?}");
                    }
                }
            }
        }
    }
}
