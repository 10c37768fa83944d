//! The EXPLAIN text of one logical operator: its name and arguments on one line, with
//! variables by name. The tree's layout is `LogicalOp::render_with`'s.

use super::logical::{CollectEnd, ColumnSource, FoldOrder, Hop, LogicalOp, PathSpec, RepeatSpec, SemiJoinOutput};
use crate::binder::bound::{AggregateCall, Expr, ExprKind, RelTypeRef, Slot, SubqueryKind};
use crate::syntax::ast::RelDirection;

impl Hop {
    /// EXPLAIN's line for an operator over this hop: `Expand`, `ExpandInto` or
    /// `ExpandBound`, followed by `suffix`, then the pattern.
    fn describe(&self, suffix: &str, name: &dyn Fn(Slot) -> String) -> String {
        let (left, right) = arrows(self.direction);
        let op = match (self.into, self.rel_bound) {
            (_, true) => "ExpandBound",
            (true, false) => "ExpandInto",
            (false, false) => "Expand",
        };
        let (from, rel, to) = (name(self.from), name(self.rel), name(self.to));
        format!("{op}{suffix} ({from}){left}[{rel}{}]{right}({to})", type_text(&self.types))
    }
}

impl LogicalOp {
    /// The operator's name and arguments, one line, slots as `$n`.
    pub(super) fn header(&self) -> String {
        self.header_with(&|slot| slot.to_string())
    }

    /// The operator's name and arguments, one line, each slot written by `name`.
    pub(super) fn header_with(&self, name: &dyn Fn(Slot) -> String) -> String {
        let slots = |s: &[Slot]| slot_list(s, name);
        match self {
            LogicalOp::Start => "Start".into(),
            LogicalOp::Argument => "Argument".into(),
            LogicalOp::NodeScan { slot, label: Some(label), .. } => {
                format!("NodeByLabelScan {}:{}", name(*slot), label.name)
            }
            LogicalOp::NodeScan { slot, label: None, .. } => format!("AllNodesScan {}", name(*slot)),
            LogicalOp::UnionNodeByLabelsScan { slot, labels, .. } => {
                let names: Vec<&str> = labels.iter().map(|l| &*l.name).collect();
                format!("UnionNodeByLabelsScan {}:{}", name(*slot), names.join("|"))
            }
            LogicalOp::MatchPattern { pattern, .. } => format!("MatchPattern {} part(s)", pattern.parts.len()),
            LogicalOp::FilteredScan { slot, label: Some(label), .. } => {
                format!("FilteredNodeByLabelScan {}:{}", name(*slot), label.name)
            }
            LogicalOp::FilteredScan { slot, label: None, .. } => format!("FilteredAllNodesScan {}", name(*slot)),
            LogicalOp::FilteredExpand { hop, .. } => format!("Filtered{}", hop.describe("", name)),
            LogicalOp::NodeByKey { slot, label, key, .. } => {
                format!("NodeByKeyLookup {}:{}({})", name(*slot), label.name, key.name)
            }
            LogicalOp::NodeByKeys { slot, label, key, .. } => {
                format!("NodeByKeysLookup {}:{}({})", name(*slot), label.name, key.name)
            }
            LogicalOp::NodeIndexSeek { slot, label, key, seek, .. } => {
                format!("NodeIndexSeek {}:{}({}) {}", name(*slot), label.name, key.name, seek.describe())
            }
            LogicalOp::RelIndexSeek { rel, start, end, ty, key, seek, .. } => {
                let (start, rel, end) = (name(*start), name(*rel), name(*end));
                format!("RelIndexSeek ({start})-[{rel}:{}({})]->({end}) {}", ty.name, key.name, seek.describe())
            }
            LogicalOp::RelTypeScan { scan, predicate, .. } => {
                let op = if predicate.is_some() { "FilteredRelationshipTypeScan" } else { "RelationshipTypeScan" };
                format!("{op} {}", scan.describe(name))
            }
            LogicalOp::RelCountFromStore { types, type_slots, count_slots, .. } => {
                let by = if type_slots.is_empty() { String::new() } else { format!(" types {}", slots(type_slots)) };
                format!("RelCountFromStore ()-[{}]->(){by} counts {}", type_text(types), slots(count_slots))
            }
            LogicalOp::NodeDegreeTop { node, label, slot, direction, types, keep, descending, far_labels, .. } => {
                let (left, right) = arrows(*direction);
                let label = label.as_ref().map_or(String::new(), |l| format!(":{}", l.name));
                let far: String = far_labels.iter().map(|l| format!(":{}", l.name)).collect();
                let order = if *descending { "most" } else { "fewest" };
                let (node, types, slot) = (name(*node), type_text(types), name(*slot));
                format!("NodeDegreeTop ({node}{label}){left}[{types}]{right}({far}) into {slot} keep {keep} {order}")
            }
            LogicalOp::NodePresenceCount { node, label, key, holding, count_slots, .. } => {
                let label = label.as_ref().map_or(String::new(), |l| format!(":{}", l.name));
                let test = if *holding { "IS NOT NULL" } else { "IS NULL" };
                let node = name(*node);
                format!(
                    "NodePresenceCount ({node}{label}) where {node}.{} {test} counts {}",
                    key.name,
                    slots(count_slots)
                )
            }
            LogicalOp::LabelSetCount { node, label, keys, count_slots, .. } => {
                let label = label.as_ref().map_or(String::new(), |l| format!(":{}", l.name));
                let keys: Vec<Slot> = keys.iter().map(|(slot, _)| *slot).collect();
                format!("LabelSetCount ({}{label}) keys {} counts {}", name(*node), slots(&keys), slots(count_slots))
            }
            LogicalOp::NodeColumnTop { node, keys, skip, limit, drops_skip, .. } => {
                super::column_top::describe(*node, keys, (skip.as_ref(), limit, *drops_skip), name)
            }
            LogicalOp::RelColumnTop { rel, key, descending, skip, limit, .. } => {
                super::rel_column_top::describe((*rel, key, *descending), skip.as_ref(), limit, name)
            }
            LogicalOp::ColumnAggregate { source, aggregates, .. } => {
                let of = match source {
                    ColumnSource::Nodes { slot, label: Some(label) } => format!("({}:{})", name(*slot), label.name),
                    ColumnSource::Nodes { slot, label: None } => format!("({})", name(*slot)),
                    ColumnSource::Rels { slot, types, type_slots } if type_slots.is_empty() => {
                        format!("()-[{}{}]->()", name(*slot), type_text(types))
                    }
                    ColumnSource::Rels { slot, types, type_slots } => {
                        format!("()-[{}{}]->() types {}", name(*slot), type_text(types), slots(type_slots))
                    }
                    ColumnSource::ScannedRels { scan, type_slots, .. } if type_slots.is_empty() => scan.describe(name),
                    ColumnSource::ScannedRels { scan, type_slots, .. } => {
                        format!("{} types {}", scan.describe(name), slots(type_slots))
                    }
                };
                format!("ColumnAggregate {of} aggregates [{}]", aggregate_texts(aggregates, name).join(", "))
            }
            LogicalOp::NodeDegree { node, slot, direction, types, .. } => {
                let (left, right) = arrows(*direction);
                format!("NodeDegree ({}){left}[{}]{right}() into {}", name(*node), type_text(types), name(*slot))
            }
            LogicalOp::DegreeValue { node, slot, direction, types, .. } => {
                let (left, right) = arrows(*direction);
                format!("DegreeValue ({}){left}[{}]{right}() into {}", name(*node), type_text(types), name(*slot))
            }
            LogicalOp::HashJoin { keys, build_slots, values, .. } if keys.is_empty() && !values.is_empty() => {
                format!("ValueHashJoin build {}", slots(build_slots))
            }
            LogicalOp::HashJoin { keys, build_slots, .. } if keys.is_empty() => {
                format!("CartesianProduct build {}", slots(build_slots))
            }
            LogicalOp::HashJoin { keys, build_slots, .. } => {
                format!("NodeHashJoin {} build {}", slots(keys), slots(build_slots))
            }
            LogicalOp::CountingHashJoin { keys, build_rels, probe_rels, slot, .. } => format!(
                "CountingHashJoin {} build {} apart from {} into {}",
                slots(keys),
                slots(build_rels),
                slots(probe_rels),
                name(*slot)
            ),
            LogicalOp::ValueHashJoin { build_slots, .. } => format!("ValueHashJoin build {}", slots(build_slots)),
            LogicalOp::Expand { hop, .. } => hop.describe("", name),
            LogicalOp::ExpandCount { hop, predicate, slot, .. } => {
                let filtered = if predicate.is_some() { " filtered" } else { "" };
                format!("{}{filtered} into {}", hop.describe("Count", name), name(*slot))
            }
            LogicalOp::OptionalExpandCount { hop, slot, .. } => {
                format!("Optional{} into {}", hop.describe("Count", name), name(*slot))
            }
            LogicalOp::ExpandIntersect { first, second, count, .. } => intersect_text(first, second, *count, name),
            LogicalOp::VarExpand { path, into, .. } => {
                format!("{} {}", if *into { "VarExpandInto" } else { "VarExpand" }, path_text(path, name))
            }
            LogicalOp::VarExpandCount { path, into, slot, by_length, .. } => {
                let op = if *into { "VarExpandIntoCount" } else { "VarExpandCount" };
                let lengths = by_length.map_or(String::new(), |l| format!(" per length {}", name(l)));
                format!("{op} {} into {}{lengths}", path_text(path, name), name(*slot))
            }
            LogicalOp::VarExpandEnds { path, into, paths, shortest, .. } => {
                let op = if *into { "VarExpandIntoEnds" } else { "VarExpandEnds" };
                let counted = paths.map_or(String::new(), |p| format!(" paths into {}", name(p)));
                let nearest = shortest.map_or(String::new(), |s| format!(" shortest into {}", name(s)));
                format!("{op} {}{counted}{nearest}", path_text(path, name))
            }
            LogicalOp::ShortestPath { path, all, filters, single_source, .. } => {
                let op = if *all { "AllShortestPaths" } else { "ShortestPath" };
                let filtered =
                    if filters.is_empty() { String::new() } else { format!(" filtered ({})", filters.len()) };
                let source = if *single_source { format!(" from {}", name(path.from)) } else { String::new() };
                format!("{op} {}{filtered}{source}", path_text(path, name))
            }
            LogicalOp::Repeat { spec, into, .. } => {
                format!("{} {}", if *into { "RepeatInto(Trail)" } else { "Repeat(Trail)" }, repeat_text(spec, name))
            }
            LogicalOp::Filter { .. } => "Filter".into(),
            LogicalOp::SelectShortest { k, groups, .. } => {
                format!("SelectShortest {k}{}", if *groups { " groups" } else { "" })
            }
            LogicalOp::Optional { new_slots, .. } => format!("Optional {}", slots(new_slots)),
            LogicalOp::SemiApply { negated, memo, .. } => {
                let op = if *negated { "AntiSemiApply" } else { "SemiApply" };
                format!("{op}{}", memo_text(memo.as_deref(), &slots))
            }
            LogicalOp::SemiHashJoin { keys, output, .. } => match output {
                SemiJoinOutput::Matching => format!("SemiHashJoin {}", slots(keys)),
                SemiJoinOutput::NotMatching => format!("AntiSemiHashJoin {}", slots(keys)),
                SemiJoinOutput::Mark(slot) => format!("SemiHashJoin {} into {}", slots(keys), name(*slot)),
            },
            LogicalOp::SemiJoinScan { slot, label, outputs, any_of, .. } => {
                let scanned = label.as_ref().map_or(name(*slot), |l| format!("{}:{}", name(*slot), l.name));
                let sets: Vec<String> = outputs.iter().map(|o| semi_join_output_text(*o, name)).collect();
                let any = if any_of.is_empty() { String::new() } else { format!(" one of {}", slots(any_of)) };
                format!("SemiJoinScan {scanned} sets [{}]{any}", sets.join(", "))
            }
            LogicalOp::Apply { output, optional, transactions, .. } => {
                let op = if *optional { "OptionalApply" } else { "Apply" };
                let batched = if transactions.is_some() { " in transactions" } else { "" };
                format!("{op} {}{batched}", slots(output))
            }
            LogicalOp::SubqueryValue { kind, slot, memo, .. } => {
                format!("{}Subquery into {}{}", kind_name(*kind), name(*slot), memo_text(memo.as_deref(), &slots))
            }
            LogicalOp::LoadCsv { load, .. } => format!("LoadCsv {}", name(load.slot)),
            LogicalOp::BuildPath { slot, .. } => format!("BuildPath {}", name(*slot)),
            LogicalOp::Unwind { slot, .. } => format!("Unwind {}", name(*slot)),
            LogicalOp::Project { items, .. } => {
                format!("Project {}", slots(&items.iter().map(|(s, _)| *s).collect::<Vec<_>>()))
            }
            LogicalOp::Aggregate { keys, aggregates, .. } => format!(
                "Aggregate keys [{}] aggregates [{}]",
                key_texts(keys, name).join(", "),
                aggregate_texts(aggregates, name).join(", ")
            ),
            LogicalOp::GroupFold { keys, aggregates, order, input } => format!(
                "GroupFold keys [{}] aggregates [{}]{}",
                key_texts(keys, name).join(", "),
                aggregate_texts(aggregates, name).join(", "),
                stored_order_text(*order, input, name)
            ),
            LogicalOp::ProductAggregate { aggregates, build_side, .. } => {
                let texts = aggregate_texts(aggregates, name);
                let side = |build: bool| {
                    let of_side = texts.iter().zip(build_side).filter(|(_, b)| **b == build);
                    of_side.map(|(t, _)| t.as_str()).collect::<Vec<_>>().join(", ")
                };
                format!("ProductAggregate probe side [{}] build side [{}]", side(false), side(true))
            }
            LogicalOp::OrderedAggregate { keys, aggregates, order, ends, .. } => format!(
                "OrderedAggregate keys [{}] aggregates [{}] keeping {} by {}",
                key_texts(keys, name).join(", "),
                aggregate_texts(aggregates, name).join(", "),
                end_texts(ends, aggregates, name).join(", "),
                order_texts(order, name).join(", ")
            ),
            LogicalOp::AggregateEach { keys, aggregates, list, each, .. } => format!(
                "AggregateEach keys [{}] aggregates [{}] of each {} in {}",
                key_texts(keys, name).join(", "),
                aggregate_texts(aggregates, name).join(", "),
                name(*each),
                name(*list)
            ),
            LogicalOp::Distinct { slots: s, .. } => format!("Distinct {}", slots(s)),
            LogicalOp::Sort { keys, .. } => format!("Sort {} key(s)", keys.len()),
            LogicalOp::TopK { keys, .. } => format!("TopK {} key(s)", keys.len()),
            LogicalOp::Skip { .. } => "Skip".into(),
            LogicalOp::Limit { .. } => "Limit".into(),
            LogicalOp::Retain { slots: s, .. } => format!("Retain {}", slots(s)),
            LogicalOp::Create { pattern, .. } => format!("Create {} part(s)", pattern.parts.len()),
            LogicalOp::Merge { .. } => "Merge".into(),
            LogicalOp::SetProperties { items, .. } => format!("Set {} item(s)", items.len()),
            LogicalOp::Remove { items, .. } => format!("Remove {} item(s)", items.len()),
            LogicalOp::Delete { detach: true, .. } => "DetachDelete".into(),
            LogicalOp::Delete { .. } => "Delete".into(),
            LogicalOp::ProcedureCall { call, .. } => format!("ProcedureCall {:?}", call.procedure),
            LogicalOp::Union { all: true, .. } => "UnionAll".into(),
            LogicalOp::Union { .. } => "Union".into(),
            LogicalOp::ProduceResults { slots: s, .. } => format!("ProduceResults {}", slots(s)),
        }
    }
}

/// ` memo on [o]` for a subquery answered once per distinct value of the outer slots
/// its inner plan reads; ` memo once` when it reads none of them.
fn memo_text(memo: Option<&[Slot]>, slots: &dyn Fn(&[Slot]) -> String) -> String {
    match memo {
        None => String::new(),
        Some([]) => " memo once".into(),
        Some(keys) => format!(" memo on {}", slots(keys)),
    }
}

fn kind_name(kind: SubqueryKind) -> &'static str {
    match kind {
        SubqueryKind::Exists => "Exists",
        SubqueryKind::Count => "Count",
        SubqueryKind::Collect => "Collect",
    }
}

/// `($0)-[$1:T*1..3]->($2)`
fn path_text(path: &PathSpec, name: &dyn Fn(Slot) -> String) -> String {
    let PathSpec { step, min, max, .. } = path;
    let (from, rel, to) = (name(path.from), name(path.rel), name(path.to));
    let types = type_text(&step.types);
    let max = max.map_or(String::new(), |m| m.to_string());
    let (left, right) = arrows(step.direction);
    format!("({from}){left}[{rel}{types}*{min}..{max}]{right}({to})")
}

/// `($0) (($1)-[$2:T]->($3)){1,3} ($4)`, in the pattern's order however it is walked.
fn repeat_text(spec: &RepeatSpec, name: &dyn Fn(Slot) -> String) -> String {
    let pattern = &spec.pattern;
    let mut inner = String::new();
    for (i, node) in pattern.nodes.iter().enumerate() {
        inner.push_str(&format!("({})", name(node.slot)));
        if let Some(rel) = pattern.rels.get(i) {
            let (left, right) = arrows(rel.direction);
            inner.push_str(&format!("{left}[{}{}]{right}", name(rel.slot), type_text(&rel.types)));
        }
    }
    let (left, right) = if spec.reversed { (spec.to, spec.from) } else { (spec.from, spec.to) };
    let max = spec.max.map_or(String::new(), |m| m.to_string());
    format!("({}) ({inner}){{{},{max}}} ({})", name(left), spec.min, name(right))
}

/// `ExpandIntersect (b)-[r:T]->(c)-[s:T]->(a)`: the new node between the two bound
/// ends, or `CountIntersect … into n` when only counted.
fn intersect_text(first: &Hop, second: &Hop, count: Option<Slot>, name: &dyn Fn(Slot) -> String) -> String {
    let (l1, r1) = arrows(first.direction);
    let (l2, r2) = arrows(second.direction);
    let op = if count.is_some() { "CountIntersect" } else { "ExpandIntersect" };
    let (from, rel1, mid) = (name(first.from), name(first.rel), name(first.to));
    let (rel2, to) = (name(second.rel), name(second.to));
    let (t1, t2) = (type_text(&first.types), type_text(&second.types));
    let into = count.map_or(String::new(), |slot| format!(" into {}", name(slot)));
    format!("{op} ({from}){l1}[{rel1}{t1}]{r1}({mid}){l2}[{rel2}{t2}]{r2}({to}){into}")
}

/// `:A|B`, or nothing for any type.
pub(super) fn type_text(types: &[RelTypeRef]) -> String {
    let names: Vec<&str> = types.iter().map(|t| &*t.name).collect();
    if names.is_empty() {
        String::new()
    } else {
        format!(":{}", names.join("|"))
    }
}

/// The two ends of a relationship's arrow.
fn arrows(direction: RelDirection) -> (&'static str, &'static str) {
    match direction {
        RelDirection::Right => ("-", "->"),
        RelDirection::Left => ("<-", "-"),
        RelDirection::Both => ("-", "-"),
    }
}

/// Grouping keys as Cypher: `name` for a variable kept as it is, else `expr AS name`.
fn key_texts(keys: &[(Slot, Expr)], name: &dyn Fn(Slot) -> String) -> Vec<String> {
    keys.iter()
        .map(|(slot, e)| match e.kind {
            crate::binder::bound::ExprKind::Slot(s) if name(s) == name(*slot) => name(*slot),
            _ => format!("{} AS {}", super::expr_text(e, name), name(*slot)),
        })
        .collect()
}

/// `the first 1 of collect(a.id)` for each collect an `OrderedAggregate` keeps an end of.
fn end_texts(ends: &[CollectEnd], aggregates: &[AggregateCall], name: &dyn Fn(Slot) -> String) -> Vec<String> {
    let texts = aggregate_texts(aggregates, name);
    ends.iter()
        .filter_map(|end| {
            let at = aggregates.iter().position(|call| call.slot == end.slot)?;
            let which = if end.from_end { "last" } else { "first" };
            Some(format!("the {which} {} of {}", end.keep, texts[at]))
        })
        .collect()
}

/// Sort keys as ORDER BY writes them: `a.year DESC, a.id`.
fn order_texts(order: &[(Expr, bool)], name: &dyn Fn(Slot) -> String) -> Vec<String> {
    order
        .iter()
        .map(|(e, descending)| {
            let text = super::expr_text(e, name);
            if *descending {
                format!("{text} DESC")
            } else {
                text
            }
        })
        .collect()
}

/// EXPLAIN's note on a `GroupFold` that reads its hop's relationships in stored order.
fn stored_order_text(order: FoldOrder, input: &LogicalOp, name: &dyn Fn(Slot) -> String) -> String {
    let hop = match input {
        LogicalOp::Expand { hop, .. } | LogicalOp::FilteredExpand { hop, .. } => hop,
        _ => return String::new(),
    };
    match order {
        FoldOrder::StoredRels => format!(" over [{}{}] in stored order", name(hop.rel), type_text(&hop.types)),
        FoldOrder::Inputs => String::new(),
    }
}

/// Aggregate calls as Cypher: `count(*)`, `avg(a.weight)`, `count(DISTINCT x)`.
fn aggregate_texts(aggregates: &[AggregateCall], name: &dyn Fn(Slot) -> String) -> Vec<String> {
    use crate::binder::bound::AggregateFunction as A;
    aggregates
        .iter()
        .map(|call| {
            let function = match call.function {
                A::CountStar => return "count(*)".to_string(),
                A::Count => "count",
                A::Collect => "collect",
                A::Sum => "sum",
                A::Avg => "avg",
                A::Min => "min",
                A::Max => "max",
                A::StDev => "stDev",
                A::StDevP => "stDevP",
                A::PercentileCont => "percentileCont",
                A::PercentileDisc => "percentileDisc",
                A::Reduce => return reduce_text(call, name),
            };
            let distinct = if call.distinct { "DISTINCT " } else { "" };
            let args: Vec<String> = call.arg.iter().chain(&call.extra).map(|e| super::expr_text(e, name)).collect();
            format!("{function}({distinct}{})", args.join(", "))
        })
        .collect()
}

/// A folded `reduce` as written over the list it no longer makes:
/// `reduce(m = 0, y IN collect(pt.year) | CASE WHEN y > m THEN y ELSE m END)`.
fn reduce_text(call: &AggregateCall, name: &dyn Fn(Slot) -> String) -> String {
    let arg = call.arg.as_ref().map(|e| super::expr_text(e, name)).unwrap_or_default();
    match call.extra.as_ref().map(|e| &e.kind) {
        Some(ExprKind::Reduce { accumulator, init, slot, expr, .. }) => format!(
            "reduce({} = {}, {} IN collect({arg}) | {})",
            name(*accumulator),
            super::expr_text(init, name),
            name(*slot),
            super::expr_text(expr, name)
        ),
        _ => format!("reduce(collect({arg}))"),
    }
}

fn slot_list(slots: &[Slot], name: &dyn Fn(Slot) -> String) -> String {
    let names: Vec<String> = slots.iter().map(|&s| name(s)).collect();
    format!("[{}]", names.join(", "))
}

/// One set of a `SemiJoinScan`: what a node's being in it does.
fn semi_join_output_text(output: SemiJoinOutput, name: &dyn Fn(Slot) -> String) -> String {
    match output {
        SemiJoinOutput::Matching => "in".into(),
        SemiJoinOutput::NotMatching => "not in".into(),
        SemiJoinOutput::Mark(slot) => format!("into {}", name(slot)),
    }
}
