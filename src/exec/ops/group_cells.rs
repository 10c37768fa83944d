//! `GroupFold`'s groups found by what their keys read (`planner::fold_reads`), packed into
//! machine words: a number as its kind and bits, a string by its number in a table of the
//! strings seen (looked up by the bytes read in place, no `Value` made), a node or
//! relationship by its id. The words find the group in one hash of a few integers,
//! without evaluating the keys or hashing `Value`s: `(m.year - p.year) / 10 * 10` by the
//! two years, `p.id, p.name` by `p`.
//!
//! The keys are functions of those reads, so equal words mean equal key values: a group
//! found by its words is the one the keys' values would find. The first input with new
//! words finds its group by evaluating the keys (`Aggregate`'s groups by `Value`, so `1`
//! and `1.0` still meet there), and its error, if any, is the row path's.
//! A read of a kind not packed (a list, a map, a temporal value) is grouped by its keys'
//! values, as without the cache.

use crate::binder::bound::{PropKeyRef, Slot};
use crate::exec::ops::fold_value::Working;
use crate::exec::predicate::Entity;
use crate::planner::FoldRead;
use crate::store::{Graph, Number};
use crate::value::Value;

/// Past this many entries the table stops growing (the inputs then find their groups by
/// their keys' values): keys that are nearly all distinct gain nothing from it.
const MAX_ENTRIES: usize = 1 << 20;

/// The tags that tell the words' kinds apart (`1` and `1.0` are different reads); none
/// is 0, the tag of no read.
const NULL: u64 = 8;
const FALSE: u64 = 1;
const TRUE: u64 = 2;
const INT: u64 = 3;
const FLOAT: u64 = 4;
const STRING: u64 = 5;
const NODE: u64 = 6;
const REL: u64 = 7;

/// After this many inputs the cache checks that it pays: when fewer than half of them
/// found their group by their words (keys of nearly distinct reads, such as
/// `right(p.name, 1)` over distinct names), packing and remembering is work on top of
/// evaluating the keys, so the fold stops packing and evaluates the keys alone.
const TRIAL_INPUTS: u64 = 4096;

/// At most this many reads are packed (the keys of a fold mostly read one or two).
pub(super) const MAX_READS: usize = 4;

/// The packed reads of one input: the reads' tags in the first word, a byte each, then
/// each read's payload. A fixed array, so that it hashes and compares inline.
type Words = [u64; MAX_READS + 1];

pub(super) struct CellGroups {
    reads: Vec<FoldRead>,
    /// The words of the input being grouped.
    words: Words,
    table: foldhash::HashMap<Words, usize>,
    /// The strings read so far, each with its number.
    strings: Strings,
    /// Inputs looked up so far, and those found by their words, until the trial ends.
    tried: u64,
    found: u64,
    /// Set when the trial showed the cache does not pay: every input is then grouped by
    /// its keys' values.
    off: bool,
}

/// The strings read so far, each with its number, and the bytes they keep that were not
/// counted yet.
#[derive(Default)]
struct Strings {
    numbers: foldhash::HashMap<Box<str>, u64>,
    uncounted: u64,
}

impl CellGroups {
    /// The cache for `reads`; `None` for more than [`MAX_READS`].
    pub(super) fn new(reads: Vec<FoldRead>) -> Option<CellGroups> {
        (reads.len() <= MAX_READS).then(|| CellGroups {
            reads,
            words: [0; MAX_READS + 1],
            table: foldhash::HashMap::default(),
            strings: Strings::default(),
            tried: 0,
            found: 0,
            off: false,
        })
    }

    /// The group of the input `working` holds, if its words are known; false in the
    /// second place when a read is of a kind not packed (it is then grouped by its keys).
    pub(super) fn find(&mut self, working: &Working, graph: &Graph) -> (Option<usize>, bool) {
        if self.off || !self.pack(working, graph) {
            return (None, false);
        }
        let group = self.table.get(&self.words).copied();
        self.judge(group.is_some());
        (group, true)
    }

    /// Counts a lookup during the trial, and turns the cache off when it does not pay.
    fn judge(&mut self, found: bool) {
        if self.tried >= TRIAL_INPUTS {
            return;
        }
        self.tried += 1;
        self.found += u64::from(found);
        if self.tried == TRIAL_INPUTS && self.found * 2 < self.tried {
            self.off = true;
            self.table = foldhash::HashMap::default();
            self.strings = Strings::default();
        }
    }

    /// Keeps `group` as that of the words last packed; returns the bytes kept more.
    pub(super) fn remember(&mut self, group: usize) -> u64 {
        if self.table.len() >= MAX_ENTRIES {
            return 0;
        }
        self.table.insert(self.words, group);
        std::mem::size_of::<Words>() as u64 + 16 + std::mem::take(&mut self.strings.uncounted)
    }

    /// Packs the reads of the input `working` holds into `words`; false when one is of a
    /// kind not packed.
    fn pack(&mut self, working: &Working, graph: &Graph) -> bool {
        self.words = [0; MAX_READS + 1];
        for (i, read) in self.reads.iter().enumerate() {
            let packed = match read {
                FoldRead::Entity(slot) => match working.bound_entity(*slot) {
                    Some(Entity::Node(id)) => Some([NODE, u64::from(id.0)]),
                    Some(Entity::Rel(id)) => Some([REL, u64::from(id.0)]),
                    None => None,
                },
                FoldRead::Property(slot, key) => property_words(working, (*slot, key), graph, &mut self.strings),
            };
            let Some([tag, payload]) = packed else { return false };
            self.words[0] |= tag << (8 * i);
            self.words[i + 1] = payload;
        }
        true
    }
}

/// The words of `slot.key` for a bound entity: a number off its column, a string in place,
/// else its value when it is of a packed kind.
fn property_words(
    working: &Working,
    (slot, key): (Slot, &PropKeyRef),
    graph: &Graph,
    strings: &mut Strings,
) -> Option<[u64; 2]> {
    let entity = working.bound_entity(slot)?;
    let Some(key) = key.resolve(graph.catalog()) else { return Some([NULL, 0]) };
    let number = match entity {
        Entity::Node(id) => graph.node_number(id, key),
        Entity::Rel(id) => graph.rel_number(id, key),
    };
    if let Some(number) = number {
        return Some(number_words(number));
    }
    if let Entity::Node(id) = entity {
        if let Some(text) = graph.node_str(id, key) {
            return Some([STRING, strings.number(text)?]);
        }
    }
    let value = match entity {
        Entity::Node(id) => graph.node_property(id, key),
        Entity::Rel(id) => graph.rel_property(id, key),
    };
    Some(match value.unwrap_or(Value::Null) {
        Value::Null => [NULL, 0],
        Value::Bool(b) => [if b { TRUE } else { FALSE }, 0],
        Value::Int(i) => number_words(Number::Int(i)),
        Value::Float(f) => number_words(Number::Float(f)),
        Value::String(s) => [STRING, strings.number(&s)?],
        _ => return None,
    })
}

fn number_words(number: Number) -> [u64; 2] {
    match number {
        Number::Int(i) => [INT, i as u64],
        // By its bits: `0.0` and `-0.0`, and each NaN, are different reads.
        Number::Float(f) => [FLOAT, f.to_bits()],
    }
}

impl Strings {
    /// The number of `text` among the strings seen, given it when it is new; `None` once
    /// the table is full (the input is then grouped by its keys' values).
    fn number(&mut self, text: &str) -> Option<u64> {
        if let Some(&n) = self.numbers.get(text) {
            return Some(n);
        }
        if self.numbers.len() >= MAX_ENTRIES {
            return None;
        }
        let n = self.numbers.len() as u64;
        self.numbers.insert(text.into(), n);
        self.uncounted += text.len() as u64 + 32;
        Some(n)
    }
}
