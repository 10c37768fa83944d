//! `plan_repeat`: a quantified path pattern becomes one `Repeat` operator, which matches
//! its inner chain itself (the inner conditions are checked per iteration, where they
//! belong, not by the MATCH's filters).

use super::build::{boxed, check_depth, with_filter, Planner};
use super::pattern::node_predicate;
use super::{LogicalOp, RepeatSpec};
use crate::binder::bound::{NodePattern, QuantifiedPattern, RelPattern};
use crate::error::Result;

impl Planner<'_> {
    /// The step `rel` (a quantified path pattern) from `from` to `to`; `backwards` when
    /// the plan walks it right to left.
    pub(super) fn plan_repeat(
        &mut self,
        input: LogicalOp,
        (rel, pattern): (&RelPattern, &QuantifiedPattern),
        from: &NodePattern,
        to: &NodePattern,
        backwards: bool,
    ) -> Result<LogicalOp> {
        let into = self.bound.contains(&to.slot);
        // Its relationships differ from every other of the MATCH, before and after it.
        let exclude = self.match_rels.iter().map(|(s, _)| *s).collect();
        self.match_rels.push((rel.slot, true));
        self.bound.insert(rel.slot);
        self.bound.insert(to.slot);
        self.bound.extend(pattern.groups.iter().map(|(_, group)| *group));
        let (min, max) = rel.length.unwrap_or((1, None));
        let spec = RepeatSpec {
            from: from.slot,
            rel: rel.slot,
            to: to.slot,
            pattern: pattern.clone(),
            min,
            max,
            reversed: backwards,
        };
        let op = LogicalOp::Repeat { input: boxed(input), spec: Box::new(spec), into, exclude };
        let predicate = if into { None } else { node_predicate(to, None) };
        check_depth(with_filter(op, predicate))
    }
}
