//! Running folds for `sum`, `avg`, `min` and `max`: what `State` keeps instead of every
//! value, so that an aggregation over many rows holds a few numbers per group instead of
//! a `Value` per row. Each gives exactly what the aggregation over the collected values
//! gives: numbers added in arrival order from the empty sum (as `Iterator::sum`), integers
//! summed with overflow checked, the first least and the last greatest in Cypher's order.
//! A `sum`/`avg` whose first value is not a number (durations) keeps collecting values.
//!
//! `stDev`/`stDevP` keep each number as a float (8 bytes, not a `Value`) and, while every
//! number is an integer, their count, sum and sum of squares exactly (`Moments`): the
//! deviation is then computed from those, `sqrt((n·Σx² − (Σx)²) / (n·(n − 1)))` with one
//! rounding of the exact numerator, which is both more accurate than the two passes over
//! floats and the same whatever the order of the values, so a stored-order fold can add up
//! moments per input node (`stored_rel_fold.rs`). Floats (or sums too large for 128 bits)
//! take the two passes over the kept floats in arrival order, as before.

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
    /// `stDev`/`stDevP` over numbers so far.
    Deviation(Deviation),
}

#[derive(Debug, Clone)]
pub(super) struct Deviation {
    /// Every number as a float, in arrival order, for the two passes when `exact` is gone;
    /// false in `complete` once moments were added without their numbers.
    values: Vec<f64>,
    complete: bool,
    /// While every number is an integer: their moments, exactly (`None` after a float or
    /// an overflow of 128 bits).
    exact: Option<Moments>,
    other: Option<&'static str>,
}

/// The count, sum and sum of squares of integers, exactly.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Moments {
    pub n: u64,
    pub sum: i128,
    pub squares: i128,
}

impl Moments {
    /// `x` added; `None` on an overflow.
    pub fn with(self, x: i64) -> Option<Moments> {
        let x = i128::from(x);
        Some(Moments { n: self.n + 1, sum: self.sum.checked_add(x)?, squares: self.squares.checked_add(x * x)? })
    }

    /// Both added; `None` on an overflow.
    pub fn merged(self, other: Moments) -> Option<Moments> {
        Some(Moments {
            n: self.n + other.n,
            sum: self.sum.checked_add(other.sum)?,
            squares: self.squares.checked_add(other.squares)?,
        })
    }

    /// The standard deviation (`sample`: over n − 1); `None` when the numerator
    /// overflows.
    fn deviation(self, sample: bool) -> Option<f64> {
        if self.n == 0 || sample && self.n < 2 {
            return Some(0.0);
        }
        let n = i128::from(self.n);
        // n·Σx² − (Σx)² is n² times the population variance: never negative.
        let numerator = n.checked_mul(self.squares)?.checked_sub(self.sum.checked_mul(self.sum)?)?;
        let per = if sample { n - 1 } else { n };
        Some((numerator as f64 / n.checked_mul(per)? as f64).sqrt())
    }
}

#[derive(Debug, Clone)]
pub(super) struct NumberSum {
    count: u64,
    /// Whether every number was an integer.
    ints: bool,
    /// The integers' running sum, exactly, and the least and greatest it has been: the sum
    /// overflowed `i64` exactly when one of those passes its range (so a sum folded on
    /// another thread and added after this one overflows where adding in turn would,
    /// `Fold::merge`).
    int_run: IntRun,
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
                Some(Fold::Numbers(NumberSum {
                    count: 0,
                    ints: true,
                    int_run: IntRun::default(),
                    float_sum: zero,
                    other: None,
                }))
            }
            AggregateFunction::StDev | AggregateFunction::StDevP
                if matches!(value, Value::Int(_) | Value::Float(_)) =>
            {
                let exact = Some(Moments::default());
                Some(Fold::Deviation(Deviation { values: Vec::new(), complete: true, exact, other: None }))
            }
            AggregateFunction::Min => Some(Fold::Extreme { want: Ordering::Less, best: None }),
            AggregateFunction::Max => Some(Fold::Extreme { want: Ordering::Greater, best: None }),
            _ => None,
        }
    }

    /// Adds a non-null value; returns the bytes it keeps more.
    pub(super) fn add(&mut self, value: Value) -> u64 {
        match self {
            Fold::Numbers(sum) => sum.add(&value),
            Fold::Deviation(deviation) => return deviation.add(&value),
            Fold::Extreme { want, best } => {
                let replace = match (best.as_ref(), &value) {
                    // Two integers are ordered as integers (`Value::order`'s answer, without
                    // its walk through the kinds).
                    (Some(Value::Int(b)), Value::Int(x)) => match want {
                        Ordering::Less => x < b,
                        _ => x >= b,
                    },
                    (None, _) => true,
                    (Some(b), _) if *want == Ordering::Less => value.order(b) == Ordering::Less,
                    (Some(b), _) => value.order(b) != Ordering::Less,
                };
                if replace {
                    *best = Some(value);
                }
            }
        }
        0
    }

    /// Adds the moments of integers given without them (a stored-order fold's, over a
    /// column whose integers are small enough never to overflow them); false, with nothing
    /// added, when this is no `stDev` fold still exact.
    pub(super) fn add_moments(&mut self, moments: Moments) -> bool {
        let Fold::Deviation(deviation) = self else { return false };
        match deviation.exact.and_then(|m| m.merged(moments)) {
            Some(merged) => {
                deviation.exact = Some(merged);
                deviation.complete = false;
                true
            }
            None => false,
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
            Fold::Deviation(deviation) => deviation.finish(function == AggregateFunction::StDev, span),
        }
    }
}

impl Deviation {
    fn add(&mut self, value: &Value) -> u64 {
        let x = match value {
            Value::Int(i) => {
                self.exact = self.exact.and_then(|m| m.with(*i));
                *i as f64
            }
            Value::Float(f) => {
                self.exact = None;
                *f
            }
            other => {
                self.other.get_or_insert(other.type_name());
                return 0;
            }
        };
        self.values.push(x);
        8
    }

    fn finish(self, sample: bool, span: Span) -> Result<Value> {
        if let Some(type_name) = self.other {
            return Err(not_a_number(type_name, span));
        }
        if let Some(deviation) = self.exact.and_then(|m| m.deviation(sample)) {
            return Ok(Value::Float(deviation));
        }
        if !self.complete {
            return Err(Error::internal("a stDev folded by moments overflowed them"));
        }
        Ok(Value::Float(two_passes(&self.values, sample)))
    }
}

/// The standard deviation of `xs` (`sample`: over n − 1): the mean, then the squared
/// differences from it, each summed in order.
pub(super) fn two_passes(xs: &[f64], sample: bool) -> f64 {
    let n = xs.len() as f64;
    if xs.len() < 2 && sample || xs.is_empty() {
        return 0.0;
    }
    let mean = xs.iter().sum::<f64>() / n;
    let squares: f64 = xs.iter().map(|x| (x - mean).powi(2)).sum();
    (squares / if sample { n - 1.0 } else { n }).sqrt()
}

/// A running sum of integers in 128 bits (no `i64` sum of fewer than 2^64 terms passes
/// it) and its least and greatest values so far, the empty sum included.
#[derive(Debug, Clone, Copy, Default)]
struct IntRun {
    sum: i128,
    low: i128,
    high: i128,
}

impl IntRun {
    fn add(&mut self, x: i64) {
        self.sum += i128::from(x);
        self.low = self.low.min(self.sum);
        self.high = self.high.max(self.sum);
    }

    /// The sum, `None` when adding in turn overflowed `i64` on the way.
    fn total(&self) -> Option<i64> {
        let fits = |x: i128| i64::try_from(x).is_ok();
        (fits(self.low) && fits(self.high)).then_some(self.sum as i64)
    }

    /// `later`'s terms added after these.
    fn then(self, later: IntRun) -> IntRun {
        let sum = self.sum + later.sum;
        IntRun { sum, low: self.low.min(self.sum + later.low), high: self.high.max(self.sum + later.high) }
    }
}

impl Fold {
    /// The fold of these values followed by `later`'s (the same aggregate over the next
    /// range of a split scan, `exec/parallel.rs`): the count, the integers' sum and whether
    /// it overflowed, the extremes and the non-number met first are those of adding in
    /// turn; a float sum adds the two partial sums, so it may differ in its last bits.
    /// False, with nothing changed, for folds of two kinds.
    pub(super) fn merge(&mut self, later: Fold) -> bool {
        match (self, later) {
            (Fold::Numbers(sum), Fold::Numbers(later)) => {
                sum.count += later.count;
                sum.ints &= later.ints;
                sum.int_run = sum.int_run.then(later.int_run);
                sum.float_sum += later.float_sum;
                sum.other = sum.other.or(later.other);
            }
            (Fold::Extreme { want, best }, Fold::Extreme { best: later, .. }) => {
                if let Some(value) = later {
                    // What `add` does with the later best: the first least, the last greatest.
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
            (Fold::Deviation(deviation), Fold::Deviation(later)) => {
                deviation.exact = deviation.exact.zip(later.exact).and_then(|(a, b)| a.merged(b));
                deviation.complete &= later.complete;
                deviation.values.extend(later.values);
                deviation.other = deviation.other.or(later.other);
            }
            _ => return false,
        }
        true
    }
}

fn not_a_number(type_name: &str, span: Span) -> Error {
    let message = format!("cannot aggregate a {type_name} as a number");
    Error::at(ErrorCode::InvalidArgumentType, span, message).as_kind(ErrorKind::TypeError)
}

impl NumberSum {
    fn add(&mut self, value: &Value) {
        match value {
            Value::Int(i) => {
                self.int_run.add(*i);
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
            return Err(not_a_number(type_name, span));
        }
        Ok(match function {
            AggregateFunction::Sum if self.ints => match self.int_run.total() {
                Some(total) => Value::Int(total),
                None => return Err(Error::at(ErrorCode::IntegerOverflow, span, "integer overflow in sum()")),
            },
            AggregateFunction::Sum => Value::Float(self.float_sum),
            _ if self.count == 0 => Value::Null,
            _ => Value::Float(self.float_sum / self.count as f64),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn deviation(values: &[Value], sample: bool) -> Value {
        let function = if sample { AggregateFunction::StDev } else { AggregateFunction::StDevP };
        let mut fold = Fold::start(function, &values[0]).unwrap();
        values.iter().for_each(|v| {
            fold.add(v.clone());
        });
        fold.finish(function, Span::default()).unwrap()
    }

    #[test]
    fn integers_give_the_same_deviation_in_any_order_close_to_two_passes() {
        let xs: Vec<i64> = (0..1000).map(|i| 1900 + (i * 7919) % 125).collect();
        let forward: Vec<Value> = xs.iter().map(|&x| Value::Int(x)).collect();
        let backward: Vec<Value> = forward.iter().rev().cloned().collect();
        for sample in [true, false] {
            let (Value::Float(a), Value::Float(b)) = (deviation(&forward, sample), deviation(&backward, sample)) else {
                panic!("not floats")
            };
            assert_eq!(a.to_bits(), b.to_bits());
            let floats: Vec<f64> = xs.iter().map(|&x| x as f64).collect();
            assert!((a - two_passes(&floats, sample)).abs() < 1e-9 * a);
        }
    }

    #[test]
    fn a_float_or_an_overflow_takes_the_two_passes_over_the_values_in_order() {
        let mixed = [Value::Int(3), Value::Float(4.5), Value::Int(10)];
        assert_eq!(deviation(&mixed, true), Value::Float(two_passes(&[3.0, 4.5, 10.0], true)));
        // Squares past 128 bits: the moments are dropped, the values kept.
        let huge = [Value::Int(i64::MAX), Value::Int(i64::MAX), Value::Int(i64::MIN), Value::Int(7)];
        let floats = [i64::MAX as f64, i64::MAX as f64, i64::MIN as f64, 7.0];
        assert_eq!(deviation(&huge, false), Value::Float(two_passes(&floats, false)));
    }

    #[test]
    fn moments_added_whole_join_those_of_the_values() {
        let function = AggregateFunction::StDev;
        let mut fold = Fold::start(function, &Value::Int(0)).unwrap();
        fold.add(Value::Int(5));
        let given = [7, 9, 20].iter().fold(Moments::default(), |m, &x| m.with(x).unwrap());
        assert!(fold.add_moments(given));
        let whole = [5, 7, 9, 20].map(Value::Int);
        assert_eq!(fold.finish(function, Span::default()).unwrap(), deviation(&whole, true));
        // A float among the values: the moments cannot be joined.
        let mut floats = Fold::start(function, &Value::Float(1.5)).unwrap();
        floats.add(Value::Float(1.5));
        assert!(!floats.add_moments(given));
    }

    #[test]
    fn a_value_of_another_kind_is_the_type_error() {
        let function = AggregateFunction::StDev;
        let mut fold = Fold::start(function, &Value::Int(1)).unwrap();
        fold.add(Value::Int(1));
        fold.add(Value::String("x".into()));
        let error = fold.finish(function, Span::default()).unwrap_err();
        assert!(error.message.contains("cannot aggregate a STRING"), "{}", error.message);
    }

    /// The fold of `values` in turn, and the fold of each split of them merged.
    fn merged_at_every_split(function: AggregateFunction, values: &[Value]) -> Vec<(Result<Value>, Result<Value>)> {
        let fold = |values: &[Value]| {
            let mut fold = Fold::start(function, values.first().unwrap_or(&Value::Int(0)))?;
            values.iter().for_each(|v| {
                fold.add(v.clone());
            });
            Some(fold)
        };
        (1..values.len())
            .map(|at| {
                let whole = fold(values).map(|f| f.finish(function, Span::default()));
                let (mut first, later) = (fold(&values[..at]), fold(&values[at..]));
                let merged = match (&mut first, later) {
                    (Some(first), Some(later)) => first.merge(later),
                    _ => false,
                };
                assert!(merged, "{function:?} over {values:?} split at {at}");
                (
                    whole.unwrap_or(Ok(Value::Null)),
                    first.map_or(Ok(Value::Null), |f| f.finish(function, Span::default())),
                )
            })
            .collect()
    }

    #[test]
    fn merged_folds_give_the_folds_in_turn() {
        let ints: Vec<Value> = [5, -3, 7, 7, 0, -3, 12].into_iter().map(Value::Int).collect();
        let mixed = vec![Value::Int(2), Value::Float(2.0), Value::Int(-1), Value::Float(0.5), Value::Int(2)];
        for function in [
            AggregateFunction::Sum,
            AggregateFunction::Avg,
            AggregateFunction::Min,
            AggregateFunction::Max,
            AggregateFunction::StDev,
            AggregateFunction::StDevP,
        ] {
            for values in [&ints, &mixed] {
                for (whole, merged) in merged_at_every_split(function, values) {
                    assert_eq!(whole.map_err(|e| e.code), merged.map_err(|e| e.code), "{function:?} over {values:?}");
                }
            }
        }
    }

    #[test]
    fn a_merged_integer_sum_overflows_where_the_sum_in_turn_does() {
        let sum = |xs: &[i64]| {
            let values: Vec<Value> = xs.iter().copied().map(Value::Int).collect();
            merged_at_every_split(AggregateFunction::Sum, &values)
        };
        // Up past i64 and back: an overflow in turn, whatever the split.
        for (whole, merged) in sum(&[i64::MAX - 5, 10, -10]) {
            assert_eq!(whole.clone().map_err(|e| e.code), Err(ErrorCode::IntegerOverflow));
            assert_eq!(whole.map_err(|e| e.code), merged.map_err(|e| e.code));
        }
        // A later part past i64 alone, not after the earlier one: no overflow.
        for (whole, merged) in sum(&[-10, i64::MAX, 5]) {
            assert_eq!(whole.as_ref().ok(), Some(&Value::Int(i64::MAX - 5)));
            assert_eq!(whole.ok(), merged.ok());
        }
    }

    #[test]
    fn folds_of_two_kinds_do_not_merge() {
        let mut extreme = Fold::start(AggregateFunction::Min, &Value::Int(1)).unwrap();
        let sum = Fold::start(AggregateFunction::Sum, &Value::Int(1)).unwrap();
        assert!(!extreme.merge(sum));
    }
}
