//! String functions of one node's string property, computed on the column's bytes in
//! place: `right(p.name, 1)` or `toUpper(substring(o.name, 0, 3))` as a grouping key of
//! `GroupFold` over many nodes, with one string made per node (the result) instead of the
//! property's copy and one per function.
//!
//! Only a chain of `left`, `right`, `substring` (non-negative integer literals as their
//! counts), `toUpper`, `toLower`, `trim` and `split(s, 'literal')[integer literal]` (one
//! piece, borrowed, null when there is no such piece) over a property is compiled; each step does
//! what `exec/functions.rs` does for a string and such arguments, so the value is the
//! interpreter's. A node whose property is not a packed string (missing, a number) is
//! left to the interpreter, which gives the null or raises the type error.

use std::borrow::Cow;
use std::sync::Arc;

use crate::binder::bound::{Expr, ExprKind, Function, PropKeyRef, Slot};
use crate::value::Value;

/// One function of the chain, innermost first.
#[derive(Debug, Clone, PartialEq)]
enum Step {
    Left(usize),
    Right(usize),
    Substring(usize, Option<usize>),
    ToUpper,
    ToLower,
    Trim,
    /// `split(s, separator)[index]`.
    SplitAt(Arc<str>, i64),
}

/// A compiled chain of string functions over `slot.key`.
#[derive(Debug, Clone)]
pub(crate) struct StringSteps {
    pub(crate) slot: Slot,
    pub(crate) key: PropKeyRef,
    steps: Vec<Step>,
}

impl StringSteps {
    /// `expr` compiled when it is such a chain over a property of a slot.
    pub(crate) fn of(expr: &Expr) -> Option<StringSteps> {
        StringSteps::chain(expr, false)
    }

    /// `expr` compiled when it is such a chain or, with `bare`, the property alone.
    pub(crate) fn chain(expr: &Expr, bare: bool) -> Option<StringSteps> {
        let mut steps = Vec::new();
        let mut at = expr;
        loop {
            match &at.kind {
                ExprKind::Property(owner, key) => {
                    let ExprKind::Slot(slot) = owner.kind else { return None };
                    if steps.is_empty() && !bare {
                        // A bare property is read as it is, not through here.
                        return None;
                    }
                    steps.reverse();
                    return Some(StringSteps { slot, key: key.clone(), steps });
                }
                ExprKind::Call(function, args) => {
                    let (step, inner) = step_of(*function, args)?;
                    steps.push(step);
                    at = inner;
                }
                ExprKind::Index(list, index) => {
                    let (ExprKind::Call(Function::Split, args), ExprKind::Literal(Value::Int(i))) =
                        (&list.kind, &index.kind)
                    else {
                        return None;
                    };
                    let [s, Expr { kind: ExprKind::Literal(Value::String(separator)), .. }] = args.as_slice() else {
                        return None;
                    };
                    steps.push(Step::SplitAt(separator.clone(), *i));
                    at = s;
                }
                _ => return None,
            }
        }
    }

    /// The chain's value for the string `text`.
    pub(super) fn apply(&self, text: &str) -> Value {
        self.apply_str(text).map_or(Value::Null, |s| Value::string(&*s))
    }

    /// The chain's string for `text`, borrowed from it where no step changed a character;
    /// `None` for null (a piece `split` does not give).
    pub(crate) fn apply_str<'t>(&self, text: &'t str) -> Option<Cow<'t, str>> {
        let mut s: Cow<'t, str> = Cow::Borrowed(text);
        for step in &self.steps {
            s = match step {
                Step::Left(n) => cut(s, 0, Some(*n)),
                Step::Right(n) => {
                    let len = s.chars().count();
                    cut(s, len.saturating_sub(*n), None)
                }
                Step::Substring(start, len) => cut(s, *start, *len),
                Step::ToUpper => Cow::Owned(s.to_uppercase()),
                Step::ToLower => Cow::Owned(s.to_lowercase()),
                Step::Trim => match s {
                    Cow::Borrowed(b) => Cow::Borrowed(b.trim()),
                    Cow::Owned(o) => Cow::Owned(o.trim().to_string()),
                },
                Step::SplitAt(separator, index) => match s {
                    Cow::Borrowed(b) => Cow::Borrowed(piece(b, separator, *index)?),
                    Cow::Owned(o) => Cow::Owned(piece(&o, separator, *index)?.to_string()),
                },
            };
        }
        Some(s)
    }
}

/// The step of `function(args)` and the expression it applies to.
fn step_of(function: Function, args: &[Expr]) -> Option<(Step, &Expr)> {
    let count = |e: &Expr| match e.kind {
        ExprKind::Literal(Value::Int(n)) if n >= 0 => usize::try_from(n).ok(),
        _ => None,
    };
    Some(match (function, args) {
        (Function::Left, [s, n]) => (Step::Left(count(n)?), s),
        (Function::Right, [s, n]) => (Step::Right(count(n)?), s),
        (Function::Substring, [s, start]) => (Step::Substring(count(start)?, None), s),
        (Function::Substring, [s, start, len]) => (Step::Substring(count(start)?, Some(count(len)?)), s),
        (Function::ToUpper, [s]) => (Step::ToUpper, s),
        (Function::ToLower, [s]) => (Step::ToLower, s),
        (Function::Trim, [s]) => (Step::Trim, s),
        _ => return None,
    })
}

/// `split(s, separator)[index]` as the interpreter computes it (Rust's `split`, a
/// negative index counted from the end); `None` past either end.
fn piece<'s>(s: &'s str, separator: &str, index: i64) -> Option<&'s str> {
    let at = match usize::try_from(index) {
        Ok(at) => at,
        Err(_) => {
            let n = s.split(separator).count() as i64;
            usize::try_from(n + index).ok()?
        }
    };
    s.split(separator).nth(at)
}

/// The characters of `s` from `start` on, at most `len` of them (all when `None`).
fn cut(s: Cow<'_, str>, start: usize, len: Option<usize>) -> Cow<'_, str> {
    let byte_at = |s: &str, chars: usize| s.char_indices().nth(chars).map_or(s.len(), |(i, _)| i);
    let from = byte_at(&s, start);
    let to = match len {
        Some(n) => from + byte_at(&s[from..], n),
        None => s.len(),
    };
    match s {
        Cow::Borrowed(b) => Cow::Borrowed(&b[from..to]),
        Cow::Owned(o) => Cow::Owned(o[from..to].to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::binder::bound::Type;
    use crate::exec::expr::eval;
    use crate::exec::Row;
    use crate::span::Span;
    use crate::store::Graph;

    fn expr(kind: ExprKind) -> Expr {
        Expr { kind, ty: Type::Any, span: Span::default() }
    }

    fn int(n: i64) -> Expr {
        expr(ExprKind::Literal(Value::Int(n)))
    }

    /// Each chain over each text gives what the interpreter gives for the same text.
    #[test]
    fn the_chains_give_the_interpreters_values() {
        let texts = ["Person 12345", "", "  padded  ", "héllo wörld", "ǅemal", "ß", "x"];
        let calls: Vec<(Function, Vec<Expr>)> = vec![
            (Function::Left, vec![int(3)]),
            (Function::Left, vec![int(0)]),
            (Function::Left, vec![int(40)]),
            (Function::Right, vec![int(1)]),
            (Function::Right, vec![int(7)]),
            (Function::Right, vec![int(40)]),
            (Function::Substring, vec![int(0), int(3)]),
            (Function::Substring, vec![int(2)]),
            (Function::Substring, vec![int(9), int(2)]),
            (Function::Substring, vec![int(50)]),
            (Function::ToUpper, vec![]),
            (Function::ToLower, vec![]),
            (Function::Trim, vec![]),
        ];
        let graph = Graph::default();
        let slot = Slot(0);
        for text in texts {
            for (outer, outer_args) in &calls {
                for (inner, inner_args) in &calls {
                    let literal = expr(ExprKind::Literal(Value::string(text)));
                    let wrap = |f: Function, args: &[Expr], arg: Expr| {
                        let mut all = vec![arg];
                        all.extend(args.iter().cloned());
                        expr(ExprKind::Call(f, all))
                    };
                    let chain = wrap(*outer, outer_args, wrap(*inner, inner_args, literal.clone()));
                    let interpreted = eval(&chain, &Row::default(), &graph).ok();
                    // The same chain over a property, applied to the text.
                    let key = PropKeyRef { id: None, name: "name".into() };
                    let owner = expr(ExprKind::Slot(slot));
                    let property = expr(ExprKind::Property(Box::new(owner), key));
                    let compiled = StringSteps::of(&wrap(*outer, outer_args, wrap(*inner, inner_args, property)));
                    let Some(compiled) = compiled else { panic!("{outer:?}({inner:?}) not compiled") };
                    assert_eq!(Some(compiled.apply(text)), interpreted, "{outer:?}({inner:?}({text:?}))");
                }
            }
        }
    }

    #[test]
    fn other_shapes_are_not_compiled() {
        let key = PropKeyRef { id: None, name: "name".into() };
        let property = expr(ExprKind::Property(Box::new(expr(ExprKind::Slot(Slot(0)))), key));
        assert!(StringSteps::of(&property).is_none());
        assert!(StringSteps::of(&expr(ExprKind::Call(Function::Left, vec![property.clone(), int(-1)]))).is_none());
        let replace = expr(ExprKind::Call(
            Function::Replace,
            vec![property, expr(ExprKind::Literal(Value::string("a"))), expr(ExprKind::Literal(Value::string("b")))],
        ));
        assert!(StringSteps::of(&replace).is_none());
    }
}
