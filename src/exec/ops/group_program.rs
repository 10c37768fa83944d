//! `GroupFold`'s groups found by the values of its keys compiled to programs
//! (`column_expr/fold_program.rs`), packed into machine words: a number as its kind and
//! bits, a string literal of a key by its number, a relationship type by its id. A
//! `CASE WHEN k.weight < 0.25 THEN 'weak' …` over millions of distinct weights, or
//! `(m.year - p.year) / 10 * 10`, finds its group by one small hash of what the program
//! gave, where grouping by the keys' reads (`group_cells.rs`) meets a new read for nearly
//! every input.
//!
//! Packing is one-to-one, so equal words mean equal key values: a group found by its words
//! is the one the keys' values would find. The first input with new words finds its group
//! by those values (`Aggregate`'s groups, so `1` and `1.0` still meet there). An input whose
//! key a program cannot decide (`Defer`: a string property, an overflow) is grouped by
//! its keys' values through the interpreter, which gives the value or the error; when
//! most inputs do (the trial of `group_words.rs`), the fold goes back to the grouping it
//! would have had without programs.

use super::group_words::{number_words, WordGroups, FALSE, LABEL_SET, MAX_READS, NULL, REL_TYPE, TEXT, TRUE};
use crate::binder::bound::Slot;
use crate::exec::column_expr::{Cell, FoldProgram, Out};
use crate::exec::predicate::Entity;
use crate::store::{Graph, Number};
use crate::value::Value;

pub(super) struct ProgramGroups {
    programs: Vec<FoldProgram>,
    groups: WordGroups,
    /// The outputs of the input packed last.
    outs: Vec<Out>,
    /// Label sets by node id, for keys of a node's labels (`labels(b)[0]` over an
    /// expansion reads a far node's record per relationship, a cache miss each): taken
    /// from the store once the keys have read an eighth as many sets as there are
    /// nodes, so that the table costs little beside the reads. The store cannot change
    /// under it: writes are eager, and never run while a fold reads its input.
    sets: Vec<u8>,
    set_reads: Option<u64>,
}

/// What the programs found for an input.
pub(super) enum Found {
    Group(usize),
    /// New words: the group is that of these values (then [`ProgramGroups::remember`]).
    New,
    /// A key the programs did not decide: the interpreter must.
    Deferred,
}

impl ProgramGroups {
    /// The groups of `programs`, one per key; `None` for more keys than pack.
    pub(super) fn new(programs: Vec<FoldProgram>) -> Option<ProgramGroups> {
        let outs = Vec::with_capacity(programs.len());
        let set_reads = programs.iter().any(FoldProgram::reads_labels).then_some(0);
        (programs.len() <= MAX_READS).then(|| ProgramGroups {
            programs,
            groups: WordGroups::default(),
            outs,
            sets: Vec::new(),
            set_reads,
        })
    }

    /// Whether the trial found that the programs do not pay (nearly every input deferred
    /// or new).
    pub(super) fn is_off(&self) -> bool {
        self.groups.is_off()
    }

    /// The group of the entities `bound` holds, if their words are known.
    pub(super) fn find(&mut self, bound: &[(Slot, Entity)], graph: &Graph) -> Found {
        self.groups.clear();
        self.outs.clear();
        self.count_set_reads(graph);
        for (i, program) in self.programs.iter().enumerate() {
            let out = program.eval_with_sets(graph, bound, &self.sets);
            let Some(words) = words(out) else {
                self.groups.unpacked();
                return Found::Deferred;
            };
            self.groups.put(i, words);
            self.outs.push(out);
        }
        match self.groups.find() {
            Some(group) => Found::Group(group),
            None => Found::New,
        }
    }

    /// One more input whose keys read label sets: the table of sets taken once they are
    /// an eighth of the nodes.
    fn count_set_reads(&mut self, graph: &Graph) {
        let Some(reads) = self.set_reads.as_mut() else { return };
        *reads += 1;
        if *reads >= u64::from(graph.node_id_bound()) / 8 {
            self.sets = graph.label_set_numbers().unwrap_or_default();
            self.set_reads = None;
        }
    }

    /// The keys' values of the input found [`Found::New`], into `key`.
    pub(super) fn values(&self, graph: &Graph, key: &mut Vec<Value>) {
        key.clear();
        for (program, &out) in self.programs.iter().zip(&self.outs) {
            key.push(program.value(out, graph).unwrap_or(Value::Null));
        }
    }

    /// Forgets the groups remembered, for a new table of groups (`group_runs.rs`).
    pub(super) fn forget_groups(&mut self) {
        self.groups.forget_groups();
    }

    /// Keeps `group` as that of the words packed last; returns the bytes kept more.
    pub(super) fn remember(&mut self, group: usize) -> u64 {
        self.groups.remember(group)
    }
}

/// `[tag, payload]` of a program's output; `None` for `Defer`.
fn words(out: Out) -> Option<[u64; 2]> {
    Some(match out {
        Out::Cell(Cell::Null) => [NULL, 0],
        Out::Cell(Cell::Bool(b)) => [if b { TRUE } else { FALSE }, 0],
        Out::Cell(Cell::Int(i)) => number_words(Number::Int(i)),
        Out::Cell(Cell::Float(f)) => number_words(Number::Float(f)),
        Out::Cell(Cell::Defer) => return None,
        Out::Text(i) => [TEXT, u64::from(i)],
        Out::RelType(ty) => [REL_TYPE, u64::from(ty.0)],
        Out::LabelSet { set, .. } => [LABEL_SET, u64::from(set)],
    })
}
