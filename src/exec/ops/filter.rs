//! Keeping the rows for which a predicate is true (not false, not null).

use crate::binder::bound::Expr;
use crate::error::Result;
use crate::exec::expr::{eval, is_true};
use crate::exec::{ExecCtx, Operator, Row};

pub struct Filter {
    input: Box<dyn Operator>,
    predicate: Expr,
}

impl Filter {
    pub fn new(input: Box<dyn Operator>, predicate: Expr) -> Filter {
        Filter { input, predicate }
    }
}

impl Operator for Filter {
    fn next(&mut self, ctx: &mut ExecCtx<'_, '_>) -> Result<Option<Row>> {
        while let Some(row) = self.input.next(ctx)? {
            if is_true(&eval(&self.predicate, &row, ctx.graph())?) {
                return Ok(Some(row));
            }
        }
        Ok(None)
    }
}
