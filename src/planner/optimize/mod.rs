//! `planner::optimize`: the naive plan the builder makes, rewritten by named passes in a
//! fixed order. Each pass is `LogicalOp → LogicalOp` and keeps the query's answers; each
//! may be switched off ([`Passes`]) so that tests can compare answers with and without it.
//!
//! The order, and why:
//! 1. `plan_patterns` turns each `MatchPattern` into a start and expansions chosen by cost
//!    (`start.rs`); it must come first, since every later pass reads those operators.
//!    Switched off, each part starts at its first node and expands right, as written.
//!    Right after it, `unwind_collected` makes a list collected per group and unwound
//!    right after, read by nothing else, the rows it was made of (a projection of the keys
//!    and the value, nulls dropped); before `push_filters`, which then moves the conditions
//!    on the unwound value down to the pattern, and the aggregation passes, which then see
//!    the aggregation after it over the pattern.
//! 2. `push_filters` moves each WHERE condition down to the operator that binds the last
//!    variable it reads, so that no row is made that a condition could have dropped.
//!    Right after it, `push_semi_applies` moves a `[NOT] EXISTS { … }` below the
//!    expansions that bind nothing it reads, where the fewest rows reach it; it needs the
//!    patterns planned, and comes before the passes that rewrite the operators it crosses.
//!    Then `push_subquery_values` does the same for an EXISTS, COUNT or COLLECT used as a
//!    value (`COUNT { … } >= 5`), and moves the conditions on the value down after it;
//!    before `count_rows`, which then reads the count off the adjacency where it now is.
//!    Then `inline_computed` writes the values a WITH computes (`m.year - a.year AS lag`)
//!    into the filters and the aggregation right above it that read them, and drops the
//!    projection; after `push_filters`, which would move conditions of the WHERE below the
//!    value's computation, and before the counting and folding passes, which then find
//!    the aggregation right over the pattern and the WHERE a condition of the expansion.
//! 3. `prune_paths` moves `all(k IN ks WHERE …)` conditions on a variable-length list into
//!    the search's step, so that failing paths are never extended; it needs them pushed onto
//!    the expansion, and comes before `count_rows`, which can then count the paths.
//! 4. `join_on_values` turns a node scan repeated per row under a filter equating the
//!    node's value with the row's into a `ValueHashJoin`; it needs the conditions pushed
//!    onto the scan, and comes before the passes that read aggregates over the plan.
//!    Right after it, `join_value_keys` moves an equality between values of a hash join's
//!    two sides from the filter above the join into its key; before the counting passes,
//!    which then see the join's key whole (they leave a join keyed on values alone).
//! 5. `fold_collected_lists` makes each fold of a collected list that is read only through
//!    folds (`size(ys)`, `size([y IN ys WHERE …])`, `reduce(…, y IN ys | …)`) an aggregate
//!    of its own, so the list is never built; before the passes that rewrite aggregations,
//!    which then see plain counts (and `fold_groups` folds them over the pattern).
//!    Right after it, `filter_any_groups` filters the rows by the condition of a folded
//!    `any(…)` that a WHERE keeps groups by, when that fold is all the aggregation
//!    computes; before `fuse_filters`, which fuses that condition into the expansion, and
//!    `fold_groups`, which then folds only the rows that pass.
//!    Right before `count_rows`, `aggregate_union_branches` aggregates each branch of a
//!    `CALL { … UNION ALL … }` alone under an aggregation of counts, minimums and maximums,
//!    then combines the branches' groups; before `count_rows` and `fold_groups`, which
//!    then find each branch's aggregation right over its pattern.
//!    `count_rows` answers aggregates that only count the last hop from the store's
//!    counts or per row (`rewrite.rs`); it needs the hop's conditions pushed onto it.
//!    It also counts a join's build side per key (`count_join.rs`, and
//!    `count_value_join.rs` after `join_on_values`).
//!    Right after it, `count_semi_joins` answers a condition on such a per-row count of a
//!    node met on many rows from the set of the label's nodes that pass it, made once.
//!    Then `intersect_cycles` makes the last two hops of a cycle (an expansion
//!    to a new node, then one into a bound node, or a hash join building that expansion)
//!    one intersection of the two bound nodes' neighbours; after `count_rows`, so that a
//!    counted closing hop (`ExpandCount` into the bound node) is counted by it too.
//! 6. `join_sets` groups a hash join's build side per key into the distinct values an
//!    aggregation above reads without regard to repeats; after `count_rows`, which counts
//!    through a join when the aggregation only counts.
//!    Right after it, `union_optionals` runs OPTIONAL MATCHes that read nothing of each
//!    other side by side (one `Optional` over the `Union` of their inner plans) under an
//!    aggregation that ignores repeats, instead of making the product of their rows.
//!    Then `group_optional_rows` groups an OPTIONAL MATCH's rows per input row by what an
//!    aggregation above reads of them, with their number, when it counts them; after
//!    `union_optionals`, whose union it may group, and before `fold_groups`, which folds
//!    the grouping over the inner pattern.
//! 7. `distinct_before_expand` makes the rows reaching each expansion under an aggregation
//!    that ignores repeats distinct on what is read above; after the counting rewrites,
//!    which answer some of those aggregations without the expansions at all.
//!    Right after it, `fold_ordered_collects` folds an ORDER BY whose only use is the order
//!    of the next aggregation's collects, each read at one end (`head(collect(x))`), into
//!    that aggregation; before `use_top_k`, which would read the sort, and `prune_projections`.
//! 8. `use_top_k` turns `ORDER BY … LIMIT` into a bounded top-k buffer.
//! 9. `prune_projections` drops projected values and paths that nothing reads.
//!    Right after it, `reverse_semi_probes` makes an `EXISTS { … }` whose inner plan joins
//!    one hop from the outer node with a build side a `SemiHashJoin` on that node, the
//!    hop walked back from the build side once; before `fuse_filters`, which then fuses the
//!    hop's conditions into the walk.
//! 10. `fuse_filters` joins each filter into the scan or expansion below it, so that
//!     the passes before see plain filters; EXPLAIN then shows the fused operators.
//!     Right after it, `semi_joins` answers an `EXISTS { … }` whose inner plan joins the
//!     outer row with a build side from a set of the build side's keys, made once; last
//!     but the two below, so that the inner plan is final (its filters fused) first.
//!     Right after it, `semi_join_scans` reads a scan under semi-joins keyed on its node
//!     from their sets when one of them must hold each row; it needs the semi-joins made.
//!     Then `memo_subqueries` marks each EXISTS, COUNT or COLLECT subquery left that reads
//!     only a few outer slots to be answered once per distinct value of them; after
//!     `semi_joins`, which answers some of them without running them at all.
//! 11. `stop_searches` lets a shortest-path search from one end under a top-k by the
//!     path's length stop at the depth that gives enough rows; after `use_top_k` and
//!     `fuse_filters`, since it needs the top-k and the end's conditions inside the search.
//! 12. `fold_groups` makes an aggregation still left over a scan or one expansion a
//!     `GroupFold`, which folds each input into its group without a row; last, so that the
//!     counting rewrites come first and the filters it reads are fused.

mod aggregate_union_branches;
#[cfg(test)]
mod aggregate_union_tests;
mod count_join;
#[cfg(test)]
mod count_join_tests;
mod count_optional;
mod count_path_lengths;
mod count_paths;
mod count_rows;
#[cfg(test)]
mod count_semi_join_tests;
mod count_semi_joins;
mod count_star;
mod count_value_join;
mod distinct_before_expand;
mod filter_any_groups;
#[cfg(test)]
mod filter_any_tests;
mod fold_collected_lists;
#[cfg(test)]
mod fold_collected_tests;
mod fold_groups;
mod fold_ordered_collects;
mod fuse_filters;
mod group_optional_rows;
#[cfg(test)]
mod group_optional_tests;
mod inline_computed;
#[cfg(test)]
mod inline_computed_tests;
mod intersect_cycles;
#[cfg(test)]
mod intersect_tests;
mod join_chains;
mod join_on_values;
mod join_sets;
mod join_value_keys;
mod memo_subqueries;
#[cfg(test)]
mod memo_subquery_tests;
mod never_fails;
#[cfg(test)]
mod ordered_collect_tests;
#[cfg(test)]
mod path_tests;
mod plan_patterns;
#[cfg(test)]
mod product_aggregate_tests;
mod product_aggregates;
mod prune_paths;
mod prune_projections;
mod push_filters;
mod push_semi_applies;
#[cfg(test)]
mod push_subquery_value_tests;
mod push_subquery_values;
mod quantified_folds;
mod reads_after;
mod reverse_semi_probes;
#[cfg(test)]
mod semi_apply_tests;
#[cfg(test)]
mod semi_join_scan_tests;
mod semi_join_scans;
#[cfg(test)]
mod semi_join_tests;
mod semi_joins;
mod shortest_end;
mod stop_searches;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod union_optional_tests;
mod union_optionals;
mod unwind_collected;
mod use_top_k;
#[cfg(test)]
mod weighted_count_tests;

use super::stats::Statistics;
use super::{LogicalOp, Options};
use crate::error::Result;
pub(super) use never_fails::never_fails;

/// What every pass may read besides the plan.
pub struct Ctx<'s> {
    pub stats: &'s dyn Statistics,
    pub options: Options,
}

/// One named rewrite of the plan.
pub struct Pass {
    pub name: &'static str,
    pub run: fn(LogicalOp, &Ctx<'_>) -> Result<LogicalOp>,
}

/// The passes, in the order they run (see the module comment for why).
pub const PASSES: [Pass; 29] = [
    Pass { name: "plan_patterns", run: plan_patterns::plan_patterns },
    Pass { name: "unwind_collected", run: unwind_collected::unwind_collected },
    Pass { name: "push_filters", run: push_filters::push_filters },
    Pass { name: "push_semi_applies", run: push_semi_applies::push_semi_applies },
    Pass { name: "push_subquery_values", run: push_subquery_values::push_subquery_values },
    Pass { name: "inline_computed", run: inline_computed::inline_computed },
    Pass { name: "prune_paths", run: prune_paths::prune_paths },
    Pass { name: "join_on_values", run: join_on_values::join_on_values },
    Pass { name: "join_value_keys", run: join_value_keys::join_value_keys },
    Pass { name: "fold_collected_lists", run: fold_collected_lists::fold_collected_lists },
    Pass { name: "filter_any_groups", run: filter_any_groups::filter_any_groups },
    Pass { name: "aggregate_union_branches", run: aggregate_union_branches::aggregate_union_branches },
    Pass { name: "count_rows", run: count_rows::count_rows },
    Pass { name: "count_semi_joins", run: count_semi_joins::count_semi_joins },
    Pass { name: "intersect_cycles", run: intersect_cycles::intersect_cycles },
    Pass { name: "join_sets", run: join_sets::join_sets },
    Pass { name: "union_optionals", run: union_optionals::union_optionals },
    Pass { name: "group_optional_rows", run: group_optional_rows::group_optional_rows },
    Pass { name: "distinct_before_expand", run: distinct_before_expand::distinct_before_expand },
    Pass { name: "fold_ordered_collects", run: fold_ordered_collects::fold_ordered_collects },
    Pass { name: "use_top_k", run: use_top_k::use_top_k },
    Pass { name: "prune_projections", run: prune_projections::prune_projections },
    Pass { name: "reverse_semi_probes", run: reverse_semi_probes::reverse_semi_probes },
    Pass { name: "fuse_filters", run: fuse_filters::fuse_filters },
    Pass { name: "semi_joins", run: semi_joins::semi_joins },
    Pass { name: "semi_join_scans", run: semi_join_scans::semi_join_scans },
    Pass { name: "memo_subqueries", run: memo_subqueries::memo_subqueries },
    Pass { name: "stop_searches", run: stop_searches::stop_searches },
    Pass { name: "fold_groups", run: fold_groups::fold_groups },
];

/// Which passes run: all by default.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Passes {
    /// Bit i set: `PASSES[i]` is switched off.
    off: u32,
}

impl Passes {
    /// Every pass.
    pub fn all() -> Passes {
        Passes::default()
    }

    /// These passes without the one named `name`; `None` for a name no pass has.
    pub fn without(self, name: &str) -> Option<Passes> {
        let i = PASSES.iter().position(|p| p.name == name)?;
        Some(Passes { off: self.off | (1 << i) })
    }

    /// The names of all passes, in order.
    pub fn names() -> impl Iterator<Item = &'static str> {
        PASSES.iter().map(|p| p.name)
    }

    fn runs(&self, i: usize) -> bool {
        self.off & (1 << i) == 0
    }
}

/// `plan` rewritten by every pass that `passes` leaves on, in order. `plan_patterns` always
/// runs (no plan runs with a `MatchPattern` left); switched off, it plans each part as
/// written.
pub fn optimize(plan: LogicalOp, stats: &dyn Statistics, options: Options, passes: Passes) -> Result<LogicalOp> {
    let mut plan = plan;
    for (i, pass) in PASSES.iter().enumerate() {
        let ctx = match (i, passes.runs(i)) {
            (0, false) => Ctx { stats, options: Options::FirstNode },
            (_, false) => continue,
            _ => Ctx { stats, options },
        };
        plan = (pass.run)(plan, &ctx)?;
    }
    Ok(plan)
}

/// `op` with `f` applied to each of its children, in order.
pub(super) fn map_children(mut op: LogicalOp, f: &mut dyn FnMut(LogicalOp) -> Result<LogicalOp>) -> Result<LogicalOp> {
    for child in op.children_mut() {
        let taken = std::mem::replace(child, LogicalOp::Start);
        *child = f(taken)?;
    }
    Ok(op)
}

/// `op` rewritten bottom-up: `f` applied to each operator after its children.
pub(super) fn rewrite_up(op: LogicalOp, f: &mut dyn FnMut(LogicalOp) -> Result<LogicalOp>) -> Result<LogicalOp> {
    let op = map_children(op, &mut |child| rewrite_up(child, f))?;
    f(op)
}
