//! `NodeHashJoin`: the rows of the probe side joined with those of the build side that
//! bind the same nodes.
//!
//! The build side reads nothing bound before it (the planner sees to that, `join.rs`), so
//! it runs once, when the first probe row arrives, and its rows stay in a hash table by
//! their key values, charged to the statement's memory (`memory.rs`). A rewind (an inner
//! plan run again for the next row of an `Optional`) keeps the table.

use std::collections::hash_map::Entry;

use crate::binder::bound::Slot;
use crate::error::Result;
use crate::exec::memory::{value_bytes, Held};
use crate::exec::{ExecCtx, Operator, Row};
use crate::value::Value;

pub struct HashJoin {
    probe: Box<dyn Operator>,
    /// The build side, until it has been run into `table`.
    build: Option<Box<dyn Operator>>,
    keys: Vec<Slot>,
    build_slots: Vec<Slot>,
    /// Per key values, the build rows' values of `build_slots`.
    table: foldhash::HashMap<Vec<Value>, Vec<Vec<Value>>>,
    held: Held,
    /// The probe row being joined, and the build rows it meets not yet given.
    current: Option<(Row, Vec<Value>, usize)>,
}

impl HashJoin {
    pub fn new(
        probe: Box<dyn Operator>,
        build: Box<dyn Operator>,
        keys: Vec<Slot>,
        build_slots: Vec<Slot>,
    ) -> HashJoin {
        HashJoin {
            probe,
            build: Some(build),
            keys,
            build_slots,
            table: foldhash::HashMap::default(),
            held: Held::default(),
            current: None,
        }
    }

    /// Runs the build side to its end into the table; a row with a null key meets nothing.
    fn fill(&mut self, ctx: &mut ExecCtx<'_, '_>) -> Result<()> {
        let Some(mut build) = self.build.take() else { return Ok(()) };
        while let Some(row) = build.next(ctx)? {
            ctx.cancel.tick()?;
            let key = row.project(&self.keys);
            if key.iter().any(Value::is_null) {
                continue;
            }
            let values = row.project(&self.build_slots);
            let mut bytes = values.iter().map(value_bytes).sum::<u64>() + 24;
            let entry = self.table.entry(key);
            if let Entry::Vacant(_) = entry {
                bytes += entry.key().iter().map(value_bytes).sum::<u64>() + 48;
            }
            self.held.add(bytes)?;
            entry.or_default().push(values);
        }
        Ok(())
    }
}

impl Operator for HashJoin {
    fn next(&mut self, ctx: &mut ExecCtx<'_, '_>) -> Result<Option<Row>> {
        self.fill(ctx)?;
        loop {
            if let Some((row, key, at)) = &mut self.current {
                if let Some(values) = self.table.get(key).and_then(|rows| rows.get(*at)) {
                    *at += 1;
                    let mut out = row.clone();
                    for (slot, value) in self.build_slots.iter().zip(values) {
                        out.set(*slot, value.clone());
                    }
                    return Ok(Some(out));
                }
            }
            let Some(row) = self.probe.next(ctx)? else {
                self.current = None;
                return Ok(None);
            };
            let key = row.project(&self.keys);
            self.current = (!key.iter().any(Value::is_null)).then_some((row, key, 0));
        }
    }

    fn rewind(&mut self) -> bool {
        self.current = None;
        self.probe.rewind()
    }
}
