//! Conditions tested on columns of candidates rather than on one row at a time.
//!
//! A scan's chunk of candidate nodes, or the relationships an expansion found for a
//! batch of nodes, are [`Candidates`]: a column of entities per slot they bind. A
//! condition whose every conjunct is compiled and reads only those slots
//! ([`Predicate::reads_only`]) narrows them conjunct by conjunct ([`Predicate::narrow`]):
//! a comparison, string match or null test of a property by the store's column
//! predicate ([`Graph::retain_nodes_where`], a loop over the property's column in its
//! own encoding), a label test as a loop over the label's bitset, anything else
//! candidate by candidate through the compiled test; each conjunct sees only the
//! candidates the ones before it let through, the most selective first ([`Narrowing`]).
//!
//! That gives the answer of testing row by row. A candidate passes exactly when every
//! conjunct is true, and the order in which conjuncts are tried could only show through
//! an error; but a compiled conjunct on a slot that holds a live node or relationship is
//! never an error (a missing property is null, a label test true or false).

use super::{cmp_op, Candidate, Entity, Predicate, Test, Verdict};
use crate::binder::bound::{LabelRef, Slot};
use crate::error::Result;
use crate::exec::row::Row;
use crate::store::{Graph, NodeId, PropertyTest, RelChunk, RelId, RelTypeId, TestOp};
use crate::syntax::ast::BinaryOp;
use crate::value::Value;

/// The ids a slot takes across the candidates.
#[derive(Debug, Clone, PartialEq)]
pub enum Ids {
    Nodes(Vec<NodeId>),
    Rels(Vec<RelId>),
    /// A relationship-type scan's chunk: its relationships, and where their properties are.
    Scanned(RelChunk),
}

impl Ids {
    fn entity(&self, i: usize) -> Entity {
        match self {
            Ids::Nodes(ids) => Entity::Node(ids[i]),
            Ids::Rels(ids) => Entity::Rel(ids[i]),
            Ids::Scanned(chunk) => Entity::Rel(chunk.ids[i]),
        }
    }
}

/// Candidates as columns: each binds every slot of `columns` to its entity there (a
/// slot the condition does not read may be left out), and carries a tag (the caller's
/// number for it, such as the row of a batch it came from).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Candidates {
    pub columns: Vec<(Slot, Ids)>,
    pub tags: Vec<u32>,
}

impl Candidates {
    /// Nodes for one slot.
    pub fn of_nodes(slot: Slot, nodes: Vec<NodeId>) -> Candidates {
        let tags = vec![0; nodes.len()];
        Candidates { columns: vec![(slot, Ids::Nodes(nodes))], tags }
    }

    pub fn len(&self) -> usize {
        self.tags.len()
    }

    pub(super) fn column(&self, slot: Slot) -> Option<&Ids> {
        self.columns.iter().find(|(s, _)| *s == slot).map(|(_, ids)| ids)
    }
}

impl Predicate {
    /// Whether the condition can be tested on [`Candidates`] binding `slots`
    /// ([`Predicate::narrow`]): every conjunct is compiled and reads one of them.
    pub fn reads_only(&self, slots: &[Slot]) -> bool {
        // `a <> b` may read its other side from the row beside the candidates (the row
        // their caller keeps fixed over them), as long as one side is a candidate's.
        let reads_candidate = |t: &Test| {
            t.slot().is_some_and(|s| slots.contains(&s)) || t.other_slot().is_some_and(|s| slots.contains(&s))
        };
        // A conjunct that may fail is tried on every candidate, and the candidates it
        // fails on are left to the row-by-row test (`narrow`), so any order will do.
        self.is_compiled() && self.tests.iter().all(reads_candidate)
    }

    /// Whether any conjunct reads `slot` (so candidates need a column for it).
    pub fn reads(&self, slot: Slot) -> bool {
        self.tests.iter().any(|t| t.reads_slot(slot))
    }

    /// The candidates (by index, in order) for which the condition holds (live
    /// entities, `row` holding every other slot; only for a condition that
    /// [`Predicate::reads_only`] their slots; `rel_type` the one type of every
    /// relationship among them, when they have one): conjunct by conjunct, each one tried only on those every
    /// conjunct before it let through, in the order `narrowing` has learnt (the one that
    /// has let the fewest through first).
    ///
    /// A conjunct that may fail (arithmetic, a string function) is tried on every
    /// candidate, and a candidate on which it fails is left out of the narrowing and
    /// tested at the end by [`Predicate::holds`], conjuncts in the written order: so an
    /// error is raised exactly when testing row by row raises it, whatever order the
    /// narrowing takes.
    pub fn narrow(
        &self,
        row: &Row,
        candidates: &Candidates,
        rel_type: Option<RelTypeId>,
        graph: &Graph,
        narrowing: &mut Narrowing,
    ) -> Result<Vec<u32>> {
        let all = || (0..candidates.len() as u32).collect::<Vec<u32>>();
        let mut alive = all();
        let mut recheck = Vec::new();
        narrowing.fit(self.tests.len());
        let column = Column { row, candidates, rel_type, graph };
        for test in self.tests.iter().filter(|t| t.may_fail()) {
            let mut passed = all();
            column.retain(test, &mut passed, &mut recheck);
            alive = if alive.len() == candidates.len() { passed } else { intersection(&alive, &passed) };
        }
        for k in 0..narrowing.order.len() {
            let t = narrowing.order[k];
            if alive.is_empty() {
                break;
            }
            let test = &self.tests[t];
            if test.may_fail() {
                continue;
            }
            let before = alive.len();
            column.retain(test, &mut alive, &mut recheck);
            narrowing.record(t, before, alive.len());
        }
        narrowing.reorder();
        if !recheck.is_empty() {
            recheck.sort_unstable();
            recheck.dedup();
            let mut bound = Vec::with_capacity(candidates.columns.len());
            for i in recheck {
                column.bind(i, &mut bound);
                if self.holds(&Candidate { row, bound: &bound }, graph)? {
                    alive.push(i);
                }
            }
            alive.sort_unstable();
        }
        Ok(alive)
    }
}

/// The candidates and what a conjunct over them reads beside them.
struct Column<'a> {
    row: &'a Row,
    candidates: &'a Candidates,
    rel_type: Option<RelTypeId>,
    graph: &'a Graph,
}

impl Column<'_> {
    /// Sets `bound` to candidate `i`'s entities.
    fn bind(&self, i: u32, bound: &mut Vec<(Slot, Entity)>) {
        bound.clear();
        bound.extend(self.candidates.columns.iter().map(|(slot, ids)| (*slot, ids.entity(i as usize))));
    }

    /// Keeps the candidates of `alive` for which `test` is true: by a column loop where
    /// it has one, else candidate by candidate; a candidate on which it fails (or which
    /// its column loop leaves undecided and then fails) goes to `recheck`.
    fn retain(&self, test: &Test, alive: &mut Vec<u32>, recheck: &mut Vec<u32>) {
        let undecided = match test {
            Test::Program(program) => program.retain_by_column(self.candidates, self.graph, alive),
            Test::Entities(program) => {
                program.retain_by_column((self.candidates, self.row), self.rel_type, self.graph, alive)
            }
            _ => None,
        };
        match undecided {
            Some(undecided) if undecided.is_empty() => return,
            Some(undecided) => {
                let mut decided = undecided;
                self.retain_one_by_one(test, &mut decided, recheck);
                alive.extend(decided);
                alive.sort_unstable();
                return;
            }
            None => {}
        }
        if !test.retain_by_column(self.candidates, self.rel_type, self.graph, alive) {
            self.retain_one_by_one(test, alive, recheck);
        }
    }

    fn retain_one_by_one(&self, test: &Test, alive: &mut Vec<u32>, recheck: &mut Vec<u32>) {
        let mut bound = Vec::with_capacity(self.candidates.columns.len());
        retain(alive, |i| {
            self.bind(i, &mut bound);
            let candidate = Candidate { row: self.row, bound: &bound };
            match test.eval(&candidate, self.graph) {
                Ok(verdict) => matches!(verdict, Verdict::True),
                Err(_) => {
                    recheck.push(i);
                    false
                }
            }
        });
    }
}

/// The items in both ascending lists.
fn intersection(a: &[u32], b: &[u32]) -> Vec<u32> {
    let mut out = Vec::with_capacity(a.len().min(b.len()));
    let mut j = 0;
    for &item in a {
        while j < b.len() && b[j] < item {
            j += 1;
        }
        if j < b.len() && b[j] == item {
            out.push(item);
        }
    }
    out
}

/// Keeps the items for which `pass` is true, in order (a closure that may keep state).
fn retain<T: Copy>(items: &mut Vec<T>, mut pass: impl FnMut(T) -> bool) {
    items.retain(|&item| pass(item));
}

/// The order in which a condition's conjuncts are tried on a scan's chunks: at first as
/// written, then the one that has let the smallest share of its candidates through
/// first, so the later ones see as few candidates as can be. Any order gives the same
/// answer: a compiled conjunct on a live entity is true, false or null, never an error.
#[derive(Debug, Clone, Default)]
pub struct Narrowing {
    order: Vec<usize>,
    /// Per conjunct: candidates tried, candidates let through.
    seen: Vec<(u64, u64)>,
}

impl Narrowing {
    fn fit(&mut self, n: usize) {
        if self.order.len() != n {
            self.order = (0..n).collect();
            self.seen = vec![(0, 0); n];
        }
    }

    fn record(&mut self, test: usize, tried: usize, passed: usize) {
        if let Some(seen) = self.seen.get_mut(test) {
            seen.0 += tried as u64;
            seen.1 += passed as u64;
        }
    }

    /// The conjuncts by the share they let through, fewest first (one never tried
    /// counts as letting all through); ties keep their order.
    fn reorder(&mut self) {
        let share = |&(tried, passed): &(u64, u64)| if tried == 0 { 1.0 } else { passed as f64 / tried as f64 };
        let seen = &self.seen;
        self.order.sort_by(|&a, &b| share(&seen[a]).total_cmp(&share(&seen[b])));
    }
}

impl Test {
    /// The conjunct as the store's column predicate over the candidates' slot, or a
    /// label test over the label's bitset: keeps the candidates (indices into
    /// `candidates`) that pass. False (and nothing done) for any other conjunct, or a
    /// slot the candidates do not bind.
    pub(super) fn retain_by_column(
        &self,
        candidates: &Candidates,
        rel_type: Option<RelTypeId>,
        graph: &Graph,
        alive: &mut Vec<u32>,
    ) -> bool {
        let catalog = graph.catalog();
        if let Test::HasLabels { slot, labels, .. } = self {
            let Some(Ids::Nodes(ids)) = candidates.column(*slot) else { return false };
            // A label the catalog does not know is on no node.
            let labels: Option<Vec<_>> = labels.iter().map(|l: &LabelRef| l.resolve(catalog)).collect();
            match labels {
                Some(labels) => {
                    alive.retain(|&i| labels.iter().all(|&l| graph.node_has_label(ids[i as usize], l)));
                }
                None => alive.clear(),
            }
            return true;
        }
        if let Test::AnyOf(any) = self {
            return any.retain_by_column(candidates, rel_type, graph, alive);
        }
        if let Test::InList(list) = self {
            return list.retain_by_column(candidates, rel_type, graph, alive);
        }
        let Some((slot, test)) = self.property_test(graph) else { return false };
        match candidates.column(slot) {
            Some(Ids::Nodes(ids)) => graph.retain_nodes_where(&test, alive, |i| ids[i as usize]),
            Some(Ids::Rels(ids)) => match rel_type {
                Some(ty) => graph.retain_rels_where(ty, &test, alive, |i| ids[i as usize]),
                None => return false,
            },
            Some(Ids::Scanned(chunk)) => match rel_type {
                Some(ty) => graph.retain_scanned_where(ty, &test, (chunk, |i: u32| i as usize), alive),
                None => return false,
            },
            None => return false,
        }
        true
    }

    /// The conjunct as the store's [`PropertyTest`] on a slot's property, for a
    /// comparison with a constant, a string match or a null test.
    fn property_test(&self, graph: &Graph) -> Option<(Slot, PropertyTest)> {
        let catalog = graph.catalog();
        let (property, op, constant) = match self {
            Test::Compare { property, op, constant, constant_first } => {
                (property, TestOp::Cmp(cmp_op(*op, *constant_first)?), constant.clone())
            }
            Test::StringMatch { property, op, constant } => {
                let op = match op {
                    BinaryOp::StartsWith => TestOp::StartsWith,
                    BinaryOp::EndsWith => TestOp::EndsWith,
                    BinaryOp::Contains => TestOp::Contains,
                    _ => return None,
                };
                (property, op, constant.clone())
            }
            Test::IsNull { property, negated } => {
                (property, if *negated { TestOp::IsNotNull } else { TestOp::IsNull }, Value::Null)
            }
            Test::HasLabels { .. }
            | Test::Differs { .. }
            | Test::CompareProperties(_)
            | Test::FunctionMatch(_)
            | Test::TextChain(_)
            | Test::InList(_)
            | Test::InEntities(_)
            | Test::RegexMatch(_)
            | Test::AnyOf(_)
            | Test::Logic(_)
            | Test::ArithCompare(_)
            | Test::Program(_)
            | Test::Entities(_)
            | Test::Interpreted(_) => return None,
        };
        Some((property.slot, PropertyTest { key: property.key.resolve(catalog), op, constant }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn narrowing_tries_the_conjunct_that_lets_fewest_through_first() {
        let mut narrowing = Narrowing::default();
        narrowing.fit(3);
        narrowing.record(0, 1000, 500);
        narrowing.record(1, 500, 450);
        narrowing.record(2, 450, 20);
        narrowing.reorder();
        assert_eq!(narrowing.order, vec![2, 0, 1]);
        // Later chunks turn the order again.
        narrowing.record(1, 100_000, 0);
        narrowing.reorder();
        assert_eq!(narrowing.order, vec![1, 2, 0]);
        // A condition with another number of conjuncts starts over, in written order.
        narrowing.fit(2);
        assert_eq!(narrowing.order, vec![0, 1]);
    }
}
