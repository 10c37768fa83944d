//! Keeping the rows for which a predicate is true (not false, not null).
//!
//! The predicate is compiled when the operator is built (`exec::predicate`): its simple
//! conjuncts read the store directly, the others go through the interpreter.

use crate::binder::bound::{Expr, Slot};
use crate::error::Result;
use crate::exec::ops::Counters;
use crate::exec::predicate::{Candidate, Candidates, Entity, Narrowing, Predicate};
use crate::exec::{ExecCtx, Operator, Row};
use crate::store::{Graph, RelTypeId};

pub struct Filter {
    input: Box<dyn Operator>,
    predicate: Predicate,
}

impl Filter {
    pub fn new(input: Box<dyn Operator>, predicate: &Expr) -> Filter {
        Filter { input, predicate: Predicate::compile(predicate) }
    }
}

/// A `Filter` fused into the scan or expansion below it, which tests each candidate in
/// place before copying its row. The default passes everything.
#[derive(Default)]
pub struct FusedFilter {
    predicate: Option<Predicate>,
    /// The condition as compiled and the candidates' slots, when a conjunct compares a
    /// candidate's property with a value the input row fixes (`b.year = a.year`):
    /// `predicate` is then it with the current row's values put in ([`FusedFilter::set_row`]).
    per_row: Option<(Vec<Slot>, Predicate)>,
    /// Under PROFILE: the fused operator's own counter, which gets the candidates (the
    /// `Filter`'s counter gets the rows that pass).
    candidates: Option<(Counters, usize)>,
}

impl FusedFilter {
    pub fn new(predicate: &Expr, candidates: Option<(Counters, usize)>) -> FusedFilter {
        FusedFilter { predicate: Some(Predicate::compile(predicate)), per_row: None, candidates }
    }

    /// The filter of an operator binding its candidates into `candidates` over a fixed
    /// input row: conjuncts comparing their property with a value of the row are compiled
    /// per row (`predicate/row_constants.rs`) once [`FusedFilter::set_row`] gives the row.
    pub fn with_row_constants_for(mut self, candidates: &[Slot]) -> FusedFilter {
        if let Some(predicate) = self.predicate.as_ref().filter(|p| p.has_row_constants(candidates)) {
            self.per_row = Some((candidates.to_vec(), predicate.clone()));
        }
        self
    }

    /// Puts the values of the input `row` into the conjuncts that compare with them.
    pub fn set_row(&mut self, row: &Row, graph: &Graph) {
        if let Some((candidates, predicate)) = &self.per_row {
            self.predicate = Some(predicate.with_row_constants(candidates, row, graph));
        }
    }

    /// Whether the filter can test [`Candidates`] binding `slots` a column at a time for
    /// every input row whose values compute without error ([`FusedFilter::reads_only`]
    /// says it for the current row).
    pub fn reads_only_per_row(&self, slots: &[Slot]) -> bool {
        match &self.per_row {
            Some((candidates, predicate)) => predicate.reads_only_given_row(candidates, slots),
            None => self.reads_only(slots),
        }
    }

    /// Whether there is no condition (nothing was fused): everything passes.
    pub fn is_empty(&self) -> bool {
        self.predicate.is_none()
    }

    /// Whether the filter can test [`Candidates`] binding `slots` a column at a time
    /// ([`FusedFilter::narrow`]); one that passes everything can.
    pub fn reads_only(&self, slots: &[Slot]) -> bool {
        self.predicate.as_ref().is_none_or(|p| p.reads_only(slots))
    }

    /// The candidates (indices, in order) that pass, each conjunct tried on those the
    /// ones before it let through, in the order `narrowing` has learnt (see
    /// [`Predicate::narrow`]).
    pub fn narrow(
        &self,
        row: &Row,
        candidates: &Candidates,
        rel_type: Option<RelTypeId>,
        graph: &Graph,
        narrowing: &mut Narrowing,
    ) -> Result<Vec<u32>> {
        self.count_candidates(candidates.len());
        match &self.predicate {
            Some(predicate) => predicate.narrow(row, candidates, rel_type, graph, narrowing),
            None => Ok((0..candidates.len() as u32).collect()),
        }
    }

    /// Under PROFILE, counts `n` candidates for the fused operator.
    fn count_candidates(&self, n: usize) {
        if let Some((counters, index)) = &self.candidates {
            counters.record(*index, n as u64, std::time::Duration::ZERO);
        }
    }

    /// Whether the filter reads `slot` at all.
    pub fn reads(&self, slot: Slot) -> bool {
        self.predicate.as_ref().is_some_and(|p| p.reads(slot))
    }

    /// Whether the candidate whose entities for some slots are `bound` passes (true, not
    /// false or null). A compiled condition reads them beside `row`; any other has them
    /// written into `row` first, as the interpreter reads rows. So `row` may or may not
    /// hold them afterwards: a caller that keeps the row writes them itself.
    pub fn passes(&self, row: &mut Row, bound: &[(Slot, Entity)], graph: &Graph) -> Result<bool> {
        self.count_candidates(1);
        match &self.predicate {
            None => Ok(true),
            Some(predicate) if predicate.is_compiled() => predicate.holds(&Candidate { row, bound }, graph),
            Some(predicate) => {
                for &(slot, entity) in bound {
                    row.set(slot, entity.value());
                }
                predicate.holds(row, graph)
            }
        }
    }
}

impl Operator for Filter {
    fn next(&mut self, ctx: &mut ExecCtx<'_, '_>) -> Result<Option<Row>> {
        while let Some(row) = self.input.next(ctx)? {
            if self.predicate.holds(&row, ctx.graph())? {
                return Ok(Some(row));
            }
        }
        Ok(None)
    }

    fn rewind(&mut self) -> bool {
        self.input.rewind()
    }
}
