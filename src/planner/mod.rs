//! Planning: a bound query → a [`LogicalOp`] tree.
//!
//! Pure: it reads the bound query and the graph's [`Statistics`] (counts per label and
//! per type, which keys are indexed), never a node or a relationship. Each clause becomes
//! operators over the rows of the clauses before it. A MATCH part starts where matching it
//! is estimated to be cheapest (`start.rs`: a bound node, a key seek, the smallest label)
//! and expands from there; each WHERE condition is checked right after the operator that
//! binds the last variable it reads (`pattern.rs`), and key conditions become seeks.
//! Aggregations that only count relationships read the store's counts (`rewrite.rs`);
//! ORDER BY with LIMIT keeps only the top rows (`TopK`).

mod build;
mod cardinality;
mod clustered;
mod column_aggregate;
mod column_top;
mod count_flip;
mod degree_top;
mod distinct_fold;
mod end_labels;
mod estimate;
mod explain;
mod fold_reads;
mod group_flip;
mod group_fold;
mod index_seek;
mod join;
mod label_set_count;
mod label_union;
mod logical;
mod logical_text;
mod optimize;
mod part_join;
mod part_order;
mod part_skew;
mod pattern;
mod predicates;
mod presence_count;
mod rel_column_top;
mod rel_scan;
mod repeat;
mod rewrite;
mod shortest_repeat;
mod start;
mod stats;
mod stored_rel_fold;
mod subquery;
mod unwind_in;
mod weighted;

pub use build::MAX_PLAN_DEPTH;
pub use cardinality::{estimated_rows, rows_walked};
pub use clustered::clustered_slots;
pub use column_top::ColumnKey;
pub use explain::{explain, expr_text, profile, Measured, SlotNames};
pub use fold_reads::{fold_reads, FoldRead};
pub use group_fold::{one_property, reads_any, varies};
pub use index_seek::SeekExpr;
pub use label_set_count::labels_only_node;
pub use logical::{
    CollectEnd, ColumnSource, ElementFilter, FoldOrder, Hop, LogicalOp, PathSpec, RepeatSpec, SemiJoinOutput, Step,
};
pub use optimize::{optimize, Passes, PASSES};
pub use predicates::{conjuncts, disjuncts, free_slots};
pub use rel_scan::RelScan;
pub use stats::Statistics;
pub use stored_rel_fold::{extreme_step, far_labels};

use crate::binder::bound;
use crate::error::Result;

/// How the planner chooses where a pattern part starts and in which order it expands.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Options {
    /// By estimated cost (`start.rs`), hash joins included (`join.rs`).
    #[default]
    Cost,
    /// By estimated cost, expanding only (no hash join): for checking that joins change
    /// no answer.
    CostWithoutJoins,
    /// By estimated cost, with a hash join wherever one is allowed (its cost taken as a
    /// hundredth): for checking the joins themselves on small graphs, where they rarely pay.
    PreferJoins,
    /// At the part's first node, expanding right: the pattern as written, for checking
    /// that other plans give the same answers.
    FirstNode,
    /// At the part's last node, expanding left.
    LastNode,
    /// By estimated cost, with a relationship-type scan wherever one is allowed (its cost
    /// taken as a hundredth, `rel_scan.rs`): for checking the scans on small graphs.
    PreferRelScans,
    /// By estimated cost, with a `GroupFold` in stored order wherever one is allowed,
    /// whatever share of the type it reaches (`stored_rel_fold.rs`): for checking that
    /// order's answers, and timing it against node by node.
    PreferStoredFolds,
}

pub fn plan(query: &bound::Query, stats: &dyn Statistics) -> Result<LogicalOp> {
    plan_with(query, stats, Options::default())
}

pub fn plan_with(query: &bound::Query, stats: &dyn Statistics, options: Options) -> Result<LogicalOp> {
    plan_with_passes(query, stats, options, Passes::all())
}

/// The naive plan of `query` (`build.rs`), rewritten by the optimizer's passes that
/// `passes` leaves on (`optimize/`).
pub fn plan_with_passes(
    query: &bound::Query,
    stats: &dyn Statistics,
    options: Options,
    passes: Passes,
) -> Result<LogicalOp> {
    optimize(naive_plan(query, stats, options)?, stats, options, passes)
}

/// The plan as the clauses read, before any pass: each MATCH still a `MatchPattern`.
pub fn naive_plan(query: &bound::Query, stats: &dyn Statistics, options: Options) -> Result<LogicalOp> {
    let mut inputs =
        query.parts.iter().map(|part| build::plan_single_query(part, stats, options)).collect::<Result<Vec<_>>>()?;
    if inputs.len() == 1 {
        return Ok(inputs.remove(0));
    }
    let all = query.union_all.iter().all(|a| *a);
    Ok(LogicalOp::Union { inputs, all })
}
