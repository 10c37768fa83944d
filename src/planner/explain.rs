//! EXPLAIN and PROFILE text: the plan tree with, per operator, its variables by name,
//! its predicates as Cypher, and its estimated rows (`cardinality.rs`); PROFILE adds the
//! rows and time each operator took, and marks an estimate off by 10× or more.

use std::collections::HashMap;

use super::cardinality;
use super::logical::LogicalOp;
use super::stats::Statistics;
use crate::binder::bound::{self, Expr, ExprKind, Slot};
use crate::syntax::ast::{BinaryOp, UnaryOp};
use crate::syntax::quote_name;

/// The variable names of a query's slots, per query part (a UNION has several).
pub struct SlotNames<'q> {
    parts: Vec<&'q [Option<String>]>,
}

impl<'q> SlotNames<'q> {
    pub fn of(query: &'q bound::Query) -> SlotNames<'q> {
        SlotNames { parts: query.parts.iter().map(|p| p.slot_names.as_slice()).collect() }
    }

    /// A namer for part `part`: the variable's name, or `anon_N` for a slot the query
    /// does not name (as Neo4j shows them).
    fn namer(&self, part: usize) -> impl Fn(Slot) -> String + '_ {
        let names = self.parts.get(part).copied().unwrap_or(&[]);
        move |slot: Slot| match names.get(slot.0 as usize) {
            Some(Some(name)) => quote_name(name),
            _ => format!("anon_{}", slot.0),
        }
    }
}

/// Measured figures of one operator, in the order `LogicalOp::render` visits them.
#[derive(Debug, Clone, Copy)]
pub struct Measured {
    pub rows: u64,
    pub millis: f64,
    /// The most the operator held at once, in bytes (`exec::memory`'s estimate).
    pub memory: u64,
    /// The threads it ran on: more than one for a split scan (`exec/parallel.rs`).
    pub threads: u32,
}

/// EXPLAIN: the tree with names, predicates and estimated rows.
pub fn explain(plan: &LogicalOp, names: &SlotNames<'_>, stats: &dyn Statistics) -> String {
    annotate(plan, names, stats, &mut |est, _| format!("  (est. rows: {})", rows_text(est)))
}

/// PROFILE: EXPLAIN's text with each operator's actual rows and time; `!` after the
/// estimate when it was off by 10× or more either way.
pub fn profile(plan: &LogicalOp, names: &SlotNames<'_>, stats: &dyn Statistics, measured: &[Measured]) -> String {
    annotate(plan, names, stats, &mut |est, index| match measured.get(index) {
        Some(m) => {
            let off = (m.rows as f64).max(1.0) / est.max(1.0);
            let mark = if !(0.1..10.0).contains(&off) { " !" } else { "" };
            let threads = if m.threads > 1 { format!(", threads: {}", m.threads) } else { String::new() };
            format!(
                "  (est. rows: {}{mark}, rows: {}, time: {:.3} ms, memory: {}{threads})",
                rows_text(est),
                m.rows,
                m.millis,
                crate::limits::HumanBytes(m.memory)
            )
        }
        None => format!("  (est. rows: {})", rows_text(est)),
    })
}

/// Renders `plan` with each operator's header written with names, and `note(estimate,
/// index)` after it, index counting operators in render order.
fn annotate(
    plan: &LogicalOp,
    names: &SlotNames<'_>,
    stats: &dyn Statistics,
    note: &mut dyn FnMut(f64, usize) -> String,
) -> String {
    let estimates = cardinality::estimate(plan, stats);
    let parts = query_parts(plan);
    let mut index = 0;
    plan.render_with(
        &mut |op| {
            let part = parts.get(&(op as *const LogicalOp as usize)).copied().unwrap_or(0);
            let name = names.namer(part);
            let mut header = op.header_with(&name);
            if let Some(text) = predicate_text(op, &name) {
                header.push(' ');
                header.push_str(&text);
            }
            header
        },
        &mut |op| {
            let est = estimates.get(&(op as *const LogicalOp as usize)).copied().unwrap_or(0.0);
            let text = note(est, index);
            index += 1;
            text
        },
    )
}

/// Which query part each operator belongs to: the inputs of a top-level `Union` are the
/// parts in order; every other plan is part 0.
fn query_parts(plan: &LogicalOp) -> HashMap<usize, usize> {
    let mut parts = HashMap::new();
    fn mark(op: &LogicalOp, part: usize, parts: &mut HashMap<usize, usize>) {
        parts.insert(op as *const LogicalOp as usize, part);
        for child in op.children() {
            mark(child, part, parts);
        }
    }
    match plan {
        LogicalOp::Union { inputs, .. } => {
            parts.insert(plan as *const LogicalOp as usize, 0);
            for (i, input) in inputs.iter().enumerate() {
                mark(input, i, &mut parts);
            }
        }
        _ => mark(plan, 0, &mut parts),
    }
    parts
}

/// The conditions or values an operator checks or seeks, as Cypher.
fn predicate_text(op: &LogicalOp, name: &dyn Fn(Slot) -> String) -> Option<String> {
    match op {
        LogicalOp::Filter { predicate, .. } => Some(expr_text(predicate, name)),
        LogicalOp::ExpandCount { predicate: Some(p), .. }
        | LogicalOp::OptionalExpandCount { predicate: Some(p), .. }
        | LogicalOp::RelTypeScan { predicate: Some(p), .. }
        | LogicalOp::ColumnAggregate { source: super::ColumnSource::ScannedRels { predicate: Some(p), .. }, .. }
        | LogicalOp::FilteredScan { predicate: p, .. }
        | LogicalOp::SemiJoinScan { predicate: Some(p), .. }
        | LogicalOp::FilteredExpand { predicate: p, .. } => Some(format!("where {}", expr_text(p, name))),
        LogicalOp::ExpandIntersect { near, predicate, .. } => {
            let both: Vec<Expr> = near.iter().chain(predicate).cloned().collect();
            super::predicates::conjunction(both).map(|p| format!("where {}", expr_text(&p, name)))
        }
        LogicalOp::NodeByKey { value, .. } => Some(format!("= {}", expr_text(value, name))),
        LogicalOp::ValueHashJoin { probe_key, build_key, .. } => {
            Some(format!("on {} = {}", expr_text(probe_key, name), expr_text(build_key, name)))
        }
        LogicalOp::HashJoin { values, .. } if !values.is_empty() => {
            let pairs: Vec<String> =
                values.iter().map(|(p, b)| format!("{} = {}", expr_text(p, name), expr_text(b, name))).collect();
            Some(format!("on {}", pairs.join(" AND ")))
        }
        LogicalOp::NodeByKeys { values, .. } => Some(format!("IN {}", expr_text(values, name))),
        LogicalOp::NodeIndexSeek { seek, .. } | LogicalOp::RelIndexSeek { seek, .. } => Some(seek_text(seek, name)),
        LogicalOp::VarExpand { path, .. } => step_text(&path.step, name),
        LogicalOp::VarExpandCount { path, predicate, .. } | LogicalOp::VarExpandEnds { path, predicate, .. } => {
            let end = predicate.as_ref().map(|p| format!("where {}", expr_text(p, name)));
            let parts: Vec<String> = step_text(&path.step, name).into_iter().chain(end).collect();
            (!parts.is_empty()).then(|| parts.join(" AND "))
        }
        LogicalOp::ShortestPath { path, filters, end_filter, stop_after, .. } => {
            let each = filters.iter().map(|f| element_filter_text(f, name));
            let end = end_filter.as_ref().map(|p| format!("where {}", expr_text(p, name)));
            let stop =
                stop_after.as_ref().map(|k| format!("stops after the depth reaching {} rows", expr_text(k, name)));
            let parts: Vec<String> =
                step_text(&path.step, name).into_iter().chain(each).chain(end).chain(stop).collect();
            (!parts.is_empty()).then(|| parts.join(" AND "))
        }
        _ => None,
    }
}

/// The properties every relationship of a variable-length step must have, as a map, and
/// the conditions each must meet (`all(k IN relationships WHERE …)`).
fn step_text(step: &super::Step, name: &dyn Fn(Slot) -> String) -> Option<String> {
    let entries: Vec<String> =
        step.properties.iter().map(|(k, v)| format!("{}: {}", quote_name(&k.name), expr_text(v, name))).collect();
    let properties = (!entries.is_empty()).then(|| format!("each {{{}}}", entries.join(", ")));
    let conditions = step.filters.iter().map(|f| element_filter_text(f, name));
    let parts: Vec<String> = properties.into_iter().chain(conditions).collect();
    (!parts.is_empty()).then(|| parts.join(" AND "))
}

/// `all(x IN relationships WHERE …)` or `none(x IN nodes WHERE …)`: a condition every
/// element a path search reaches must meet.
fn element_filter_text(filter: &super::ElementFilter, name: &dyn Fn(Slot) -> String) -> String {
    let quantifier = if filter.negated { "none" } else { "all" };
    let what = if filter.nodes { "nodes" } else { "relationships" };
    format!("{quantifier}({} IN {what} WHERE {})", name(filter.slot), expr_text(&filter.predicate, name))
}

/// The values an index seek looks for, after its kind (`=`, `IN`, `range`, …).
fn seek_text(seek: &super::SeekExpr, name: &dyn Fn(Slot) -> String) -> String {
    use super::SeekExpr;
    let bound = |(e, inclusive): &(Expr, bool), op: &str| {
        format!("{op}{} {}", if *inclusive { "=" } else { "" }, expr_text(e, name))
    };
    match seek {
        SeekExpr::Equal(e) | SeekExpr::AnyOf(e) | SeekExpr::Prefix(e) => expr_text(e, name),
        SeekExpr::Range { lower, upper } => {
            let sides: Vec<String> =
                lower.iter().map(|l| bound(l, ">")).chain(upper.iter().map(|u| bound(u, "<"))).collect();
            sides.join(", ")
        }
    }
}

/// A bound expression as Cypher text, variables by name; what has no short form is `…`.
pub fn expr_text(expr: &Expr, name: &dyn Fn(Slot) -> String) -> String {
    let text = |e: &Expr| expr_text(e, name);
    match &expr.kind {
        ExprKind::Literal(v) => v.to_string(),
        ExprKind::Slot(slot) => name(*slot),
        ExprKind::Property(owner, key) => format!("{}.{}", text(owner), quote_name(&key.name)),
        ExprKind::List(items) => format!("[{}]", items.iter().map(text).collect::<Vec<_>>().join(", ")),
        ExprKind::Map(entries) => {
            let entries: Vec<String> = entries.iter().map(|(k, v)| format!("{}: {}", quote_name(k), text(v))).collect();
            format!("{{{}}}", entries.join(", "))
        }
        ExprKind::Unary(UnaryOp::Not, inner) => format!("NOT {}", operand(inner, name)),
        ExprKind::Unary(UnaryOp::Neg, inner) => format!("-{}", operand(inner, name)),
        ExprKind::Unary(UnaryOp::Pos, inner) => format!("+{}", operand(inner, name)),
        ExprKind::Binary(op, lhs, rhs) => {
            let side = |e: &Expr| {
                let inner = expr_text(e, name);
                if precedence(e) < precedence(expr) || (precedence(e) == precedence(expr) && !associative(*op)) {
                    format!("({inner})")
                } else {
                    inner
                }
            };
            format!("{} {} {}", side(lhs), op_text(*op), side(rhs))
        }
        ExprKind::IsNull { expr, negated } => {
            format!("{} IS {}NULL", operand(expr, name), if *negated { "NOT " } else { "" })
        }
        ExprKind::Index(list, index) => format!("{}[{}]", operand(list, name), text(index)),
        ExprKind::HasLabels(owner, labels) => {
            let labels: String = labels.iter().map(|l| format!(":{}", quote_name(&l.name))).collect();
            format!("{}{labels}", operand(owner, name))
        }
        ExprKind::Call(function, args) => {
            let function = format!("{function:?}");
            let mut chars = function.chars();
            let function: String = chars.next().map(|c| c.to_lowercase().chain(chars).collect()).unwrap_or_default();
            format!("{function}({})", args.iter().map(text).collect::<Vec<_>>().join(", "))
        }
        ExprKind::Case { subject, whens, otherwise } => {
            let mut parts = vec!["CASE".to_string()];
            parts.extend(subject.iter().map(|e| text(e)));
            for (when, then) in whens {
                parts.push(format!("WHEN {} THEN {}", text(when), text(then)));
            }
            parts.extend(otherwise.iter().map(|e| format!("ELSE {}", text(e))));
            parts.push("END".into());
            parts.join(" ")
        }
        ExprKind::PatternExists(_) => "EXISTS(pattern)".into(),
        ExprKind::Subquery(sub) => match sub.kind {
            bound::SubqueryKind::Exists => "EXISTS { … }".into(),
            bound::SubqueryKind::Count => "COUNT { … }".into(),
            bound::SubqueryKind::Collect => "COLLECT { … }".into(),
        },
        _ => "…".into(),
    }
}

/// An operand, in parentheses when it is itself an operation.
fn operand(expr: &Expr, name: &dyn Fn(Slot) -> String) -> String {
    let text = expr_text(expr, name);
    match expr.kind {
        ExprKind::Binary(..) | ExprKind::Unary(UnaryOp::Not, _) | ExprKind::IsNull { .. } => format!("({text})"),
        _ => text,
    }
}

/// How tightly an expression binds: an operand binding less tightly than its operator
/// needs parentheses.
fn precedence(expr: &Expr) -> u8 {
    match &expr.kind {
        ExprKind::Binary(op, ..) => match op {
            BinaryOp::Or => 1,
            BinaryOp::Xor => 2,
            BinaryOp::And => 3,
            BinaryOp::Add | BinaryOp::Sub => 6,
            BinaryOp::Mul | BinaryOp::Div | BinaryOp::Mod => 7,
            BinaryOp::Pow => 8,
            _ => 5,
        },
        ExprKind::Unary(UnaryOp::Not, _) => 4,
        ExprKind::IsNull { .. } => 5,
        _ => 9,
    }
}

/// Whether `a op (b op c)` reads the same as `a op b op c`.
fn associative(op: BinaryOp) -> bool {
    matches!(op, BinaryOp::And | BinaryOp::Or | BinaryOp::Xor | BinaryOp::Add | BinaryOp::Mul)
}

fn op_text(op: BinaryOp) -> &'static str {
    match op {
        BinaryOp::Or => "OR",
        BinaryOp::Xor => "XOR",
        BinaryOp::And => "AND",
        BinaryOp::Eq => "=",
        BinaryOp::Ne => "<>",
        BinaryOp::Lt => "<",
        BinaryOp::Le => "<=",
        BinaryOp::Gt => ">",
        BinaryOp::Ge => ">=",
        BinaryOp::RegexMatch => "=~",
        BinaryOp::StartsWith => "STARTS WITH",
        BinaryOp::EndsWith => "ENDS WITH",
        BinaryOp::Contains => "CONTAINS",
        BinaryOp::In => "IN",
        BinaryOp::Add => "+",
        BinaryOp::Sub => "-",
        BinaryOp::Mul => "*",
        BinaryOp::Div => "/",
        BinaryOp::Mod => "%",
        BinaryOp::Pow => "^",
        BinaryOp::Concat => "||",
    }
}

/// Estimated rows, rounded: whole numbers, three significant digits above 1000.
fn rows_text(rows: f64) -> String {
    if rows < 1000.0 {
        format!("{}", rows.round() as u64)
    } else {
        let digits = rows.log10().floor() as i32 - 2;
        let unit = 10f64.powi(digits);
        format!("{}", ((rows / unit).round() * unit) as u64)
    }
}
