//! Running folds for `sum`, `avg`, `min` and `max`: what `State` keeps instead of every
//! value, so that an aggregation over many rows holds a few numbers per group instead of
//! a `Value` per row. Each gives exactly what the aggregation over the collected values
//! gives: numbers added in arrival order from the empty sum (as `Iterator::sum`), integers
//! summed with overflow checked, the first least and the last greatest in Cypher's order.
//! A `sum`/`avg` whose first value is not a number (durations) keeps collecting values.

use std::cmp::Ordering;

use crate::binder::bound::AggregateFunction;
use crate::error::{Error, ErrorCode, ErrorKind, Result};
use crate::span::Span;
use crate::value::Value;

/// The fold of one aggregate in one group.
#[derive(Debug, Clone)]
pub(super) enum Fold {
    /// `sum`/`avg` over numbers so far.
    Numbers(NumberSum),
    /// `min` (`Ordering::Less`) or `max` (`Ordering::Greater`): the best value so far.
    Extreme { want: Ordering, best: Option<Value> },
}

#[derive(Debug, Clone)]
pub(super) struct NumberSum {
    count: u64,
    /// Whether every number was an integer.
    ints: bool,
    /// The integers' sum; `None` once it overflowed.
    int_sum: Option<i64>,
    float_sum: f64,
    /// The first value that was no number: the aggregate is then its type error.
    other: Option<&'static str>,
}

impl Fold {
    /// The fold for `function` starting with its first non-null `value`; `None` when the
    /// aggregate must collect its values (another function, or a first value that is no
    /// number for `sum`/`avg`).
    pub(super) fn start(function: AggregateFunction, value: &Value) -> Option<Fold> {
        match function {
            AggregateFunction::Sum | AggregateFunction::Avg if matches!(value, Value::Int(_) | Value::Float(_)) => {
                let zero = std::iter::empty::<f64>().sum::<f64>();
                Some(Fold::Numbers(NumberSum { count: 0, ints: true, int_sum: Some(0), float_sum: zero, other: None }))
            }
            AggregateFunction::Min => Some(Fold::Extreme { want: Ordering::Less, best: None }),
            AggregateFunction::Max => Some(Fold::Extreme { want: Ordering::Greater, best: None }),
            _ => None,
        }
    }

    /// Adds a non-null value.
    pub(super) fn add(&mut self, value: Value) {
        match self {
            Fold::Numbers(sum) => sum.add(&value),
            Fold::Extreme { want, best } => {
                let replace = match best {
                    None => true,
                    Some(b) if *want == Ordering::Less => value.order(b) == Ordering::Less,
                    Some(b) => value.order(b) != Ordering::Less,
                };
                if replace {
                    *best = Some(value);
                }
            }
        }
    }

    /// Adds a string read in place (`min`/`max` of a string property), made a `Value` only
    /// when it becomes the best so far (an equal string is the same value, so it replaces
    /// nothing); false, with nothing added, when the fold is no extreme or its best is of
    /// another kind (the value is then added as a `Value`).
    pub(super) fn offer_str(&mut self, text: &str) -> bool {
        let Fold::Extreme { want, best } = self else { return false };
        let replace = match best {
            None => true,
            Some(Value::String(b)) => text.cmp(b) == *want,
            Some(_) => return false,
        };
        if replace {
            *best = Some(Value::String(text.into()));
        }
        true
    }

    /// The aggregate's value.
    pub(super) fn finish(self, function: AggregateFunction, span: Span) -> Result<Value> {
        match self {
            Fold::Extreme { best, .. } => Ok(best.unwrap_or(Value::Null)),
            Fold::Numbers(sum) => sum.finish(function, span),
        }
    }
}

impl NumberSum {
    fn add(&mut self, value: &Value) {
        match value {
            Value::Int(i) => {
                self.int_sum = self.int_sum.and_then(|s| s.checked_add(*i));
                self.float_sum += *i as f64;
            }
            Value::Float(f) => {
                self.ints = false;
                self.float_sum += f;
            }
            other => {
                self.other.get_or_insert(other.type_name());
                return;
            }
        }
        self.count += 1;
    }

    fn finish(self, function: AggregateFunction, span: Span) -> Result<Value> {
        if let Some(type_name) = self.other {
            let message = format!("cannot aggregate a {type_name} as a number");
            return Err(Error::at(ErrorCode::InvalidArgumentType, span, message).as_kind(ErrorKind::TypeError));
        }
        Ok(match function {
            AggregateFunction::Sum if self.ints => match self.int_sum {
                Some(total) => Value::Int(total),
                None => return Err(Error::at(ErrorCode::IntegerOverflow, span, "integer overflow in sum()")),
            },
            AggregateFunction::Sum => Value::Float(self.float_sum),
            _ if self.count == 0 => Value::Null,
            _ => Value::Float(self.float_sum / self.count as f64),
        })
    }
}
