//! Planning: a bound query → a [`LogicalOp`] tree.
//!
//! Pure: it reads the bound query only (no graph, no statistics). Each clause becomes
//! operators over the rows of the clauses before it; a MATCH starts from the most
//! selective node it can tell from the query alone (already bound, then a key lookup,
//! then a label scan, then all nodes) and expands from there.

mod build;
mod logical;

pub use build::MAX_PLAN_DEPTH;
pub use logical::{LogicalOp, PathSpec, Step};

use crate::binder::bound;
use crate::error::Result;

pub fn plan(query: &bound::Query) -> Result<LogicalOp> {
    let mut inputs = query.parts.iter().map(build::plan_single_query).collect::<Result<Vec<_>>>()?;
    if inputs.len() == 1 {
        return Ok(inputs.remove(0));
    }
    let all = query.union_all.iter().all(|a| *a);
    Ok(LogicalOp::Union { inputs, all })
}
