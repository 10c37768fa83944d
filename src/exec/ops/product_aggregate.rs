//! `LogicalOp::ProductAggregate`: aggregates over the product of two inputs, each
//! reading one side, made from each side aggregated alone (`optimize/product_aggregates.rs`
//! says why the values are the same).
//!
//! Each side runs once into an `Aggregate` with no keys, its own aggregates and a count of
//! its rows; then `count(*)` is the product of the counts, `count(x)` a side's count times
//! the other side's rows, and every other aggregate (DISTINCT ones, `min`, `max`) the
//! side's own value when the other side has rows, else the aggregate over nothing.

use super::aggregate::{aggregate_values, Aggregate};
use crate::binder::bound::{AggregateCall, AggregateFunction, Slot};
use crate::error::{Error, Result};
use crate::exec::{ExecCtx, Operator, Row};
use crate::value::Value;

pub struct ProductAggregate {
    probe: Aggregate,
    build: Aggregate,
    aggregates: Vec<AggregateCall>,
    build_side: Vec<bool>,
    /// Where each side's private aggregation puts its count of rows: a variable of the
    /// build side, which no aggregate writes, and which these rows never hand on.
    rows_slot: Slot,
    done: bool,
}

/// The aggregates of a `ProductAggregate`, which side each reads, and the build side's
/// variables.
pub struct Sides<'p> {
    pub aggregates: &'p [AggregateCall],
    pub build_side: &'p [bool],
    pub build_slots: &'p [Slot],
}

impl ProductAggregate {
    pub fn new(probe: Box<dyn Operator>, build: Box<dyn Operator>, sides: Sides<'_>) -> Result<ProductAggregate> {
        let Some(&rows_slot) = sides.build_slots.first() else {
            return Err(Error::internal("ProductAggregate without a build-side variable"));
        };
        let side_calls = |build: bool| {
            let span = sides.aggregates.first().map(|a| a.span).unwrap_or_default();
            let rows = AggregateCall {
                function: AggregateFunction::CountStar,
                distinct: false,
                arg: None,
                extra: None,
                slot: rows_slot,
                span,
            };
            let own = sides.aggregates.iter().zip(sides.build_side).filter(|(_, b)| **b == build);
            own.map(|(call, _)| call.clone()).chain([rows]).collect::<Vec<_>>()
        };
        Ok(ProductAggregate {
            probe: Aggregate::new(probe, Vec::new(), side_calls(false)),
            build: Aggregate::new(build, Vec::new(), side_calls(true)),
            aggregates: sides.aggregates.to_vec(),
            build_side: sides.build_side.to_vec(),
            rows_slot,
            done: false,
        })
    }

    /// The product's value of aggregate `call`, read on its side's row `own` (of `own_rows`
    /// rows) beside `other_rows` rows on the other side.
    fn value(call: &AggregateCall, own: &Row, own_rows: i64, other_rows: i64, ctx: &ExecCtx<'_, '_>) -> Result<Value> {
        Ok(match (call.function, call.distinct) {
            (AggregateFunction::CountStar, _) => Value::Int(own_rows.saturating_mul(other_rows)),
            (AggregateFunction::Count, false) => match own.get(call.slot) {
                Value::Int(n) => Value::Int(n.saturating_mul(other_rows)),
                _ => return Err(Error::internal("a side's count that is no integer")),
            },
            _ if other_rows > 0 => own.get(call.slot).clone(),
            _ => aggregate_values(call, Vec::new(), ctx)?,
        })
    }
}

impl Operator for ProductAggregate {
    fn next(&mut self, ctx: &mut ExecCtx<'_, '_>) -> Result<Option<Row>> {
        if std::mem::replace(&mut self.done, true) {
            return Ok(None);
        }
        let (Some(probe), Some(build)) = (self.probe.next(ctx)?, self.build.next(ctx)?) else {
            return Err(Error::internal("an aggregation without keys gave no row"));
        };
        let rows_of = |row: &Row| match row.get(self.rows_slot) {
            Value::Int(n) => Ok(*n),
            _ => Err(Error::internal("a side's count of rows that is no integer")),
        };
        let (probe_rows, build_rows) = (rows_of(&probe)?, rows_of(&build)?);
        let mut row = Row::new(ctx.width);
        for (call, &on_build) in self.aggregates.iter().zip(&self.build_side) {
            let value = match on_build {
                true => Self::value(call, &build, build_rows, probe_rows, ctx)?,
                false => Self::value(call, &probe, probe_rows, build_rows, ctx)?,
            };
            row.set(call.slot, value);
        }
        Ok(Some(row))
    }
}
