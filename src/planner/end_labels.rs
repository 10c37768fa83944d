//! Labels a typed graph's schema guarantees at the far end of an expansion, which the
//! plan then does not check per row.
//!
//! In a typed graph `CREATE RELATIONSHIP TYPE KNOWS (Person -> Person)` means every
//! `KNOWS` relationship ends at a `Person` (the store refuses a write that would break
//! it, a label's removal included), so in `(a:Person)-[:KNOWS]->(b:Person)` the test of
//! `b:Person` after the expansion passes on every row. Dropping it saves a label lookup
//! per row and leaves the expansion bare, which the counting rewrites can then answer
//! from degrees (`MATCH (p)-[:KNOWS]->(f:Person) RETURN p, count(*)`).

use super::build::Planner;
use crate::binder::bound::{NodePattern, RelPattern};
use crate::store::{Direction, LabelId};
use crate::syntax::ast::RelDirection;

impl Planner<'_> {
    /// `to` without the labels every relationship `rel` may match guarantees its far end
    /// carries, read in `direction` (the pattern's, reversed when walked backwards).
    pub(super) fn without_guaranteed_labels(
        &self,
        rel: &RelPattern,
        to: &NodePattern,
        direction: RelDirection,
    ) -> NodePattern {
        let mut to = to.clone();
        if to.labels.is_empty() || rel.length.is_some_and(|(min, _)| min == 0) || rel.quantified.is_some() {
            return to;
        }
        let direction = match direction {
            RelDirection::Right => Direction::Outgoing,
            RelDirection::Left => Direction::Incoming,
            RelDirection::Both => return to,
        };
        let Some(guaranteed) = self.guaranteed_far_label(rel, direction) else { return to };
        to.labels.retain(|l| l.id != Some(guaranteed));
        to
    }

    /// The one label the far end of every relationship of `rel`'s types carries, when the
    /// schema says so for each of them (and they are named: any type guarantees nothing).
    fn guaranteed_far_label(&self, rel: &RelPattern, direction: Direction) -> Option<LabelId> {
        let mut types = rel.types.iter().map(|t| t.id);
        let first = self.stats.guaranteed_far_label(types.next()??, direction)?;
        types.all(|t| t.and_then(|t| self.stats.guaranteed_far_label(t, direction)) == Some(first)).then_some(first)
    }
}
