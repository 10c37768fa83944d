//! `SemiHashJoin`: `[NOT] EXISTS { … }` answered by a set built once.
//!
//! The planner gives it only a subquery whose plan joined the outer row, by hash, with a
//! build side that reads nothing of the row (`optimize/semi_joins.rs`). Run per row, that
//! plan probed the same table once per input row through an `Argument`, a rewind and a
//! pushed argument row each time; here the build side runs once, when the first input
//! row arrives, into the set of its key values, and each input row costs one lookup. A
//! rewind (an inner plan run again for the next row of an `Optional`) keeps the set.

use super::hash_join::JoinKey;
use crate::binder::bound::Slot;
use crate::error::Result;
use crate::exec::memory::Held;
use crate::exec::{ExecCtx, Operator, Row};
use crate::planner::SemiJoinOutput;
use crate::value::Value;

pub struct SemiHashJoin {
    input: Box<dyn Operator>,
    /// The build side, until it has been run into `found`.
    build: Option<Box<dyn Operator>>,
    keys: Vec<Slot>,
    output: SemiJoinOutput,
    found: foldhash::HashSet<JoinKey>,
    held: Held,
}

impl SemiHashJoin {
    pub fn new(
        input: Box<dyn Operator>,
        build: Box<dyn Operator>,
        keys: Vec<Slot>,
        output: SemiJoinOutput,
    ) -> SemiHashJoin {
        SemiHashJoin { input, build: Some(build), keys, output, found: Default::default(), held: Held::default() }
    }

    /// Runs the build side to its end into the set; a row with a null key adds nothing.
    fn fill(&mut self, ctx: &mut ExecCtx<'_, '_>) -> Result<()> {
        let Some(mut build) = self.build.take() else { return Ok(()) };
        while let Some(row) = build.next(ctx)? {
            ctx.cancel.tick()?;
            let Some(key) = JoinKey::of(&row, &self.keys) else { continue };
            let bytes = key.bytes() + 8;
            if self.found.insert(key) {
                self.held.add(bytes)?;
            }
        }
        Ok(())
    }

    /// Whether `row`'s keys are in the set (never, with a null among them).
    fn matches(&self, row: &Row) -> bool {
        JoinKey::of(row, &self.keys).is_some_and(|key| self.found.contains(&key))
    }
}

impl Operator for SemiHashJoin {
    fn next(&mut self, ctx: &mut ExecCtx<'_, '_>) -> Result<Option<Row>> {
        self.fill(ctx)?;
        while let Some(mut row) = self.input.next(ctx)? {
            let found = self.matches(&row);
            match self.output {
                SemiJoinOutput::Matching if found => return Ok(Some(row)),
                SemiJoinOutput::NotMatching if !found => return Ok(Some(row)),
                SemiJoinOutput::Mark(slot) => {
                    row.set(slot, Value::Bool(found));
                    return Ok(Some(row));
                }
                _ => {}
            }
        }
        Ok(None)
    }

    fn rewind(&mut self) -> bool {
        self.input.rewind()
    }
}
