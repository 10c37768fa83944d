//! `v.key =~ 'constant'`: a conjunct compiled so that a scan tests each candidate without
//! a row, reading a packed string in place (`Graph::node_str`) and matching it with the
//! pattern compiled once, with the conjunct (`exec/regex_cache.rs`); a string without the
//! pattern's literal prefix is refused before the regular expression runs. Interpreted,
//! each of 600,000 people at M cost a copy of its row and a string built from the column
//! (workload5 regex_names).
//! Any other value (a string not stored packed, a number, a null) and a pattern that
//! does not compile go to the interpreter, so the answers and the errors are its own.

use super::{Bindings, Entity, Property, Verdict};
use crate::binder::bound::{Expr, ExprKind};
use crate::error::Result;
use crate::exec::expr::eval;
use crate::exec::regex_cache::{compile_whole, literal_prefix};
use crate::store::Graph;
use crate::syntax::ast::BinaryOp;
use crate::value::Value;
use regex::Regex;

#[derive(Debug, Clone)]
pub(super) struct RegexMatch {
    pub(super) property: Property,
    /// The pattern compiled once, with the literal every match starts with; `None` when
    /// it does not compile (the interpreter raises the error).
    compiled: Option<(Regex, String)>,
    /// The conjunct as written, for the values the fast path does not take.
    source: Expr,
}

impl RegexMatch {
    /// `Some` when `conjunct` is `variable.key =~ 'pattern'`.
    pub(super) fn of(conjunct: &Expr) -> Option<RegexMatch> {
        let ExprKind::Binary(BinaryOp::RegexMatch, lhs, rhs) = &conjunct.kind else { return None };
        let ExprKind::Literal(Value::String(pattern)) = &rhs.kind else { return None };
        let compiled = compile_whole(pattern).ok().map(|r| (r, literal_prefix(pattern).to_string()));
        Some(RegexMatch { property: Property::of(lhs)?, compiled, source: conjunct.clone() })
    }

    pub(super) fn eval<B: Bindings>(&self, row: &B, graph: &Graph) -> Result<Verdict> {
        let key = self.property.key.resolve(graph.catalog());
        if let (Some(Entity::Node(node)), Some(key), Some((regex, prefix))) =
            (row.entity(self.property.slot), key, &self.compiled)
        {
            if let Some(text) = graph.node_str(node, key) {
                // A string without the literal every match starts with cannot match.
                return Ok(Verdict::of_bool(text.starts_with(prefix.as_str()) && regex.is_match(text)));
            }
        }
        Ok(Verdict::of(&eval(&self.source, &row.to_row(), graph)?))
    }
}
