//! Groups folded over consecutive ranges of one scan, on threads of their own
//! (`exec/parallel.rs`), put together in range order: the groups of the first range in
//! their order, then each group the later ranges make new, in theirs, which is the order
//! of first appearance over the whole scan. Each state takes the later one's as if its
//! values had come after its own: counts add up, collected values are appended, folds
//! merge (`Fold::merge`), and a `count(DISTINCT …)` counts the union of the values seen.
//!
//! [`mergeable`] says which aggregates merge so. The others (`reduce`, whose steps run in
//! turn; percentiles, whose fraction is a first row's; DISTINCT ones but `count`, whose
//! kept values depend on which came first) keep the scan on one thread.

use super::{Groups, Seen, State};
use crate::binder::bound::{AggregateCall, AggregateFunction};
use crate::error::Result;
use crate::exec::memory::Held;
use crate::value::Value;

/// Whether `call`'s states can be merged exactly as [`Groups::append`] does.
pub(in crate::exec::ops) fn mergeable(call: &AggregateCall) -> bool {
    use AggregateFunction as A;
    match call.function {
        A::CountStar | A::Count => call.extra.is_none(),
        A::Sum | A::Avg | A::Min | A::Max | A::Collect | A::StDev | A::StDevP => !call.distinct && call.extra.is_none(),
        A::Reduce | A::PercentileCont | A::PercentileDisc => false,
    }
}

impl Groups {
    /// `later`'s groups put after these, as though its inputs had come after this one's;
    /// false when a state cannot take the later one exactly (a `sum` that collected values
    /// before a later fold of numbers): the caller folds on one thread then. The memory
    /// `later` held comes with it: `later_bytes` (its `Held` let go on its own thread).
    pub(in crate::exec::ops) fn append(
        &mut self,
        later: Groups,
        later_bytes: u64,
        aggregates: &[AggregateCall],
    ) -> Result<bool> {
        let Groups { packed, index, states, held, .. } = later;
        debug_assert_eq!(held.bytes(), 0, "a later range's memory is counted by its caller");
        let n = aggregates.len();
        let mut states = states.into_iter();
        for key in super::keys_in_order(packed, index) {
            let group = self.group_of(&key, aggregates);
            let mine = self.states_of(group, n);
            for (state, later) in mine.iter_mut().zip(states.by_ref().take(n)) {
                if !state.merge(later) {
                    return Ok(false);
                }
            }
        }
        self.held.add(later_bytes)?;
        Ok(true)
    }

    /// Lets go of the memory the groups hold, on this thread's count, and says how much it
    /// was: a worker hands its groups on so, and the merging thread counts them again.
    pub(in crate::exec::ops) fn let_go_of_memory(&mut self) -> u64 {
        let bytes = self.held.bytes();
        self.held = Held::default();
        bytes
    }
}

impl State {
    /// `later` taken after this state's own values; false when it cannot be exactly.
    fn merge(&mut self, later: State) -> bool {
        let State { count, values, seen, fold, .. } = later;
        if let (Some(mine), Some(theirs)) = (&mut self.seen, seen) {
            // `count(DISTINCT …)`, the only DISTINCT aggregate merged: the union's size.
            self.count += mine.take_all(theirs);
            return true;
        }
        self.count += count;
        match (&mut self.fold, fold) {
            (Some(mine), Some(theirs)) => mine.merge(theirs),
            // Values a later fold took up would have gone into this one's list: lost.
            (None, Some(_)) if !self.values.is_empty() => false,
            (None, Some(theirs)) => {
                self.fold = Some(theirs);
                true
            }
            (Some(mine), None) => {
                // The later state collected values its first did not fold: they go into
                // this fold in turn, as they would have.
                values.into_iter().for_each(|v| {
                    mine.add(v);
                });
                true
            }
            (None, None) => {
                self.values.extend(values);
                true
            }
        }
    }
}

impl Seen {
    /// Inserts every value `later` has seen; returns how many were new.
    fn take_all(&mut self, later: Seen) -> i64 {
        let fresh: Vec<bool> = match later {
            Seen::Nodes(ids, _) => ids.into_iter().map(|id| self.insert(&Value::Node(id))).collect(),
            Seen::Narrow(first, set) => {
                set.into_iter().map(|word| self.insert_packed(super::widen(first, word))).collect()
            }
            Seen::Packed(set) => set.into_iter().map(|words| self.insert_packed(words)).collect(),
            Seen::Values(set) => set.into_iter().map(|value| self.insert(&value)).collect(),
            // Never merged: a DISTINCT aggregate counted in runs keeps to one thread.
            Seen::Runs(_) => Vec::new(),
        };
        fresh.into_iter().filter(|&new| new).count() as i64
    }
}
