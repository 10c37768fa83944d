//! `CountingHashJoin`: per probe row, the number of build rows of the same key whose
//! relationship is none of the probe row's, without making a row for each
//! (`optimize/count_join.rs`).
//!
//! A join across which a pattern's relationships must differ (`(c)-[r1:SENT]->(d)<-[r2:SENT]-(o)`,
//! joined at `d`, `r2 <> r1`) is counted as `n(d) - shared(d, r1)`: the build rows of the
//! key, less those of the key that hold the probe row's relationship. So a hub meeting `n1`
//! probe rows and `n2` build rows costs `n1 + n2` steps, not `n1 * n2` rows and tests
//! (workload12's `countries_and_orgs_meeting_at_deployments`: 5.3 M rows at S).
//!
//! Either side may hold several relationships (a chain), as long as the other holds one:
//! then a build row the probe row must differ from holds exactly one of the probe row's
//! relationships (or the probe row's one), and the rows taken away add up per relationship.
//!
//! The counts are exact whatever the graph: a relationship both sides can take (a node
//! carrying both end labels, an undirected hop, a self loop) is counted per build row
//! that holds it, so it is taken away as often as the filter would have dropped it.

use std::collections::hash_map::Entry;
use std::hash::Hash;

use crate::binder::bound::Slot;
use crate::error::Result;
use crate::exec::memory::Held;
use crate::exec::{ExecCtx, Operator, Row};
use crate::store::RelId;
use crate::value::Value;

pub struct CountingHashJoin {
    probe: Box<dyn Operator>,
    /// The build side, until it has been counted.
    build: Option<Box<dyn Operator>>,
    keys: Vec<Slot>,
    build_rels: Vec<Slot>,
    probe_rels: Vec<Slot>,
    slot: Slot,
    /// Build rows per key (its nodes' ids, [`node_key`]).
    rows: foldhash::HashMap<u64, u64>,
    /// Build rows per key and relationship they hold (those a probe row holding that
    /// relationship takes away).
    shared: foldhash::HashMap<(u64, RelId), u64>,
    held: Held,
    /// A row's distinct relationships (kept from row to row: no allocation each).
    rels: Vec<RelId>,
}

/// What the planner gives the operator besides its two inputs.
/// One of `build_rels` and `probe_rels` holds one slot, so that a build row a probe row
/// must differ from holds exactly one of the probe row's relationships, and the rows taken
/// away per relationship add up.
pub struct Counting {
    pub keys: Vec<Slot>,
    pub build_rels: Vec<Slot>,
    pub probe_rels: Vec<Slot>,
    pub slot: Slot,
}

/// The bytes an entry of `rows` holds (key, count, the table's own word); one of `shared`
/// holds a relationship id more.
const ENTRY_BYTES: u64 = 24;

impl CountingHashJoin {
    pub fn new(probe: Box<dyn Operator>, build: Box<dyn Operator>, counting: Counting) -> CountingHashJoin {
        let Counting { keys, build_rels, probe_rels, slot } = counting;
        CountingHashJoin {
            probe,
            build: Some(build),
            keys,
            build_rels,
            probe_rels,
            slot,
            rows: Default::default(),
            shared: Default::default(),
            held: Held::default(),
            rels: Vec::new(),
        }
    }

    /// Runs the build side to its end into the counts. A row with a null key meets
    /// nothing; one with a null relationship passes no `<>` test: neither is counted.
    fn fill(&mut self, ctx: &mut ExecCtx<'_, '_>) -> Result<()> {
        let Some(mut build) = self.build.take() else { return Ok(()) };
        while let Some(row) = build.next(ctx)? {
            ctx.cancel.tick()?;
            let Some(key) = node_key(&row, &self.keys) else { continue };
            let mut rels = std::mem::take(&mut self.rels);
            let all = distinct_rels(&row, &self.build_rels, &mut rels);
            self.rels = rels;
            if !all {
                continue;
            }
            for rel in &self.rels {
                self.held.add(counted(&mut self.shared, (key, *rel), ENTRY_BYTES + 8))?;
            }
            self.held.add(counted(&mut self.rows, key, ENTRY_BYTES))?;
        }
        Ok(())
    }

    /// The build rows `row` meets whose relationship is none of its own, or `None` for
    /// none: no key, no build row of its key, a null relationship (`r <> null` is null).
    fn count(&mut self, row: &Row) -> Option<u64> {
        let key = node_key(row, &self.keys)?;
        let all = *self.rows.get(&key)?;
        if !distinct_rels(row, &self.probe_rels, &mut self.rels) {
            return None;
        }
        let taken: u64 = self.rels.iter().map(|rel| self.shared.get(&(key, *rel)).copied().unwrap_or(0)).sum();
        let left = all.saturating_sub(taken);
        (left > 0).then_some(left)
    }
}

impl Operator for CountingHashJoin {
    fn next(&mut self, ctx: &mut ExecCtx<'_, '_>) -> Result<Option<Row>> {
        self.fill(ctx)?;
        while let Some(mut row) = self.probe.next(ctx)? {
            if let Some(n) = self.count(&row) {
                row.set(self.slot, Value::Int(i64::try_from(n).unwrap_or(i64::MAX)));
                return Ok(Some(row));
            }
        }
        Ok(None)
    }

    fn rewind(&mut self) -> bool {
        self.probe.rewind()
    }
}

/// The nodes of `row` in `keys` (one or two, `count_join.rs` sees to it) as one number,
/// or `None` when one is null (a null key meets nothing) or not a node.
fn node_key(row: &Row, keys: &[Slot]) -> Option<u64> {
    let id = |slot: &Slot| match row.get(*slot) {
        Value::Node(node) => Some(u64::from(node.0)),
        _ => None,
    };
    match keys {
        [one] => id(one),
        [first, second] => Some(id(first)? << 32 | id(second)?),
        _ => None,
    }
}

/// `row`'s distinct relationships in `slots` into `rels`; `false` when one is not a
/// relationship (null: `r <> null` is null, the row passes no test).
fn distinct_rels(row: &Row, slots: &[Slot], rels: &mut Vec<RelId>) -> bool {
    rels.clear();
    for slot in slots {
        let Value::Relationship(rel) = row.get(*slot) else { return false };
        if !rels.contains(rel) {
            rels.push(*rel);
        }
    }
    true
}

/// Counts one more of `key` in `table`; the bytes a new entry holds (0 for one seen).
fn counted<K: Hash + Eq>(table: &mut foldhash::HashMap<K, u64>, key: K, bytes: u64) -> u64 {
    match table.entry(key) {
        Entry::Occupied(mut seen) => {
            *seen.get_mut() += 1;
            0
        }
        Entry::Vacant(new) => {
            new.insert(1);
            bytes
        }
    }
}
