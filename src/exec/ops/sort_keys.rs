//! The sort keys of the rows a `Sort` or `TopK` holds, a column per key, so that ordering
//! many rows compares plain numbers where it can instead of `Value`s, and makes no
//! vector per row.
//!
//! A column holding only integers and nulls keeps them as `Option<i64>`; one holding only
//! floats and nulls keeps each float's rank (a `u64` that orders as ORDER BY orders floats:
//! NaN above every other float, `-0.0` equal to `0.0`); nulls come after every number, as
//! ORDER BY puts them ascending. Any other column (strings, a mix of integers and floats,
//! lists…) keeps the values themselves and compares them with `Value::order`. A column
//! turns into values when a value of another kind arrives, so the order is always
//! openCypher's, whatever the rows hold. Descending keys compare the other way round, as
//! `compare_keys` does (nulls then first).

use std::cmp::Ordering;

use crate::value::Value;

pub(super) struct SortKeys {
    columns: Vec<Column>,
    descending: Vec<bool>,
}

/// One key's values for every row held, in row order.
enum Column {
    Ints(Vec<Option<i64>>),
    /// Float ranks ([`float_rank`]).
    Floats(Vec<Option<u64>>),
    Values(Vec<Value>),
}

impl SortKeys {
    /// Keys for a sort whose key `i` is descending when `descending[i]`.
    pub(super) fn new(descending: Vec<bool>) -> SortKeys {
        SortKeys { columns: descending.iter().map(|_| Column::Ints(Vec::new())).collect(), descending }
    }

    /// The number of rows whose keys are held.
    pub(super) fn len(&self) -> usize {
        match self.columns.first() {
            Some(column) => column.len(),
            None => 0,
        }
    }

    /// Appends the next row's value of key `key` (each key gets one value per row, in row
    /// order; the keys may be filled one after the other).
    pub(super) fn push(&mut self, key: usize, value: Value) {
        if let Some(column) = self.columns.get_mut(key) {
            column.push(value);
        }
    }

    /// Drops the last row's keys.
    pub(super) fn pop(&mut self) {
        let len = self.len().saturating_sub(1);
        self.columns.iter_mut().for_each(|c| c.truncate(len));
    }

    /// Keeps the keys of the rows whose `keep` is true, in order.
    pub(super) fn retain(&mut self, keep: &[bool]) {
        for column in &mut self.columns {
            match column {
                Column::Ints(v) => retain_marked(v, keep),
                Column::Floats(v) => retain_marked(v, keep),
                Column::Values(v) => retain_marked(v, keep),
            }
        }
    }

    /// ORDER BY's order of rows `a` and `b` by their keys (ties `Equal`).
    pub(super) fn compare(&self, a: usize, b: usize) -> Ordering {
        for (column, &descending) in self.columns.iter().zip(&self.descending) {
            let order = column.compare(a, b);
            if order.is_ne() {
                return if descending { order.reverse() } else { order };
            }
        }
        Ordering::Equal
    }
}

impl Column {
    fn len(&self) -> usize {
        match self {
            Column::Ints(v) => v.len(),
            Column::Floats(v) => v.len(),
            Column::Values(v) => v.len(),
        }
    }

    fn truncate(&mut self, len: usize) {
        match self {
            Column::Ints(v) => v.truncate(len),
            Column::Floats(v) => v.truncate(len),
            Column::Values(v) => v.truncate(len),
        }
    }

    fn push(&mut self, value: Value) {
        match (&mut *self, value) {
            (Column::Ints(v), Value::Null) => v.push(None),
            (Column::Ints(v), Value::Int(i)) => v.push(Some(i)),
            (Column::Floats(v), Value::Null) => v.push(None),
            (Column::Floats(v), Value::Float(f)) => v.push(Some(float_rank(f))),
            // Nothing but nulls so far: they are nulls among floats too.
            (Column::Ints(v), Value::Float(f)) if v.iter().all(Option::is_none) => {
                let mut ranks = vec![None; v.len()];
                ranks.push(Some(float_rank(f)));
                *self = Column::Floats(ranks);
            }
            (Column::Values(v), value) => v.push(value),
            (_, value) => {
                let mut values = self.values();
                values.push(value);
                *self = Column::Values(values);
            }
        }
    }

    /// The column as values that order as it does.
    fn values(&self) -> Vec<Value> {
        match self {
            Column::Ints(v) => v.iter().map(|i| i.map_or(Value::Null, Value::Int)).collect(),
            Column::Floats(v) => v.iter().map(|r| r.map_or(Value::Null, |r| Value::Float(float_of_rank(r)))).collect(),
            Column::Values(v) => v.clone(),
        }
    }

    fn compare(&self, a: usize, b: usize) -> Ordering {
        match self {
            Column::Ints(v) => nulls_last(v.get(a), v.get(b)),
            Column::Floats(v) => nulls_last(v.get(a), v.get(b)),
            Column::Values(v) => match (v.get(a), v.get(b)) {
                (Some(x), Some(y)) => x.order(y),
                _ => Ordering::Equal,
            },
        }
    }
}

/// Ascending order of two numbers of one column, a null after every number.
#[inline]
fn nulls_last<T: Ord>(a: Option<&Option<T>>, b: Option<&Option<T>>) -> Ordering {
    match (a, b) {
        (Some(Some(x)), Some(Some(y))) => x.cmp(y),
        (Some(Some(_)), Some(None)) => Ordering::Less,
        (Some(None), Some(Some(_))) => Ordering::Greater,
        _ => Ordering::Equal,
    }
}

/// Keeps the items of `v` whose mark in `keep` is true (an item with no mark is kept).
fn retain_marked<T>(v: &mut Vec<T>, keep: &[bool]) {
    let mut at = keep.iter();
    v.retain(|_| at.next().copied().unwrap_or(true));
}

/// A float's place in ORDER BY's ascending order of floats: NaN above every other float
/// (all NaNs tie), `-0.0` as `0.0`.
fn float_rank(f: f64) -> u64 {
    if f.is_nan() {
        return u64::MAX;
    }
    let bits = if f == 0.0 { 0 } else { f.to_bits() };
    if bits >> 63 == 1 {
        !bits
    } else {
        bits | (1 << 63)
    }
}

/// A float of rank `rank` (the rank's NaN or `0.0` for `-0.0`, which order the same).
fn float_of_rank(rank: u64) -> f64 {
    if rank == u64::MAX {
        return f64::NAN;
    }
    if rank >> 63 == 1 {
        f64::from_bits(rank & !(1 << 63))
    } else {
        f64::from_bits(!rank)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The order `SortKeys` gives `rows` (one key each), as row indices, stable.
    fn sorted(rows: &[Value], descending: bool) -> Vec<usize> {
        let mut keys = SortKeys::new(vec![descending]);
        rows.iter().for_each(|v| keys.push(0, v.clone()));
        let mut order: Vec<usize> = (0..rows.len()).collect();
        order.sort_by(|&a, &b| keys.compare(a, b));
        order
    }

    /// The order `Value::order` gives, stable.
    fn expected(rows: &[Value], descending: bool) -> Vec<usize> {
        let mut order: Vec<usize> = (0..rows.len()).collect();
        order.sort_by(|&a, &b| if descending { rows[b].order(&rows[a]) } else { rows[a].order(&rows[b]) });
        order
    }

    #[test]
    fn numbers_nulls_and_mixed_kinds_order_as_values_do() {
        let cases: Vec<Vec<Value>> = vec![
            vec![Value::Int(3), Value::Null, Value::Int(-7), Value::Int(i64::MAX), Value::Int(3), Value::Int(i64::MIN)],
            vec![
                Value::Float(0.5),
                Value::Float(f64::NAN),
                Value::Null,
                Value::Float(-0.0),
                Value::Float(0.0),
                Value::Float(f64::NEG_INFINITY),
                Value::Float(f64::INFINITY),
                Value::Float(-2.5),
            ],
            vec![Value::Null, Value::Null, Value::Float(1.5), Value::Float(-1.0), Value::Null],
            vec![Value::Int(2), Value::Float(1.5), Value::Null, Value::Int(1), Value::Float(f64::NAN), Value::Int(2)],
            vec![
                Value::Float(2.0),
                Value::Int(2),
                Value::string("b"),
                Value::Null,
                Value::string("a"),
                Value::Bool(true),
            ],
        ];
        for rows in &cases {
            for descending in [false, true] {
                assert_eq!(sorted(rows, descending), expected(rows, descending), "{rows:?} descending {descending}");
            }
        }
    }

    #[test]
    fn retain_and_pop_keep_the_other_rows_keys() {
        let mut keys = SortKeys::new(vec![false, true]);
        for (a, b) in [(1, 9.0), (2, 8.0), (1, 7.0), (0, 6.0)] {
            keys.push(0, Value::Int(a));
            keys.push(1, Value::Float(b));
        }
        keys.pop();
        assert_eq!(keys.len(), 3);
        keys.retain(&[true, false, true]);
        assert_eq!(keys.len(), 2);
        // (1, 9.0) before (1, 7.0): the second key is descending.
        assert_eq!(keys.compare(0, 1), Ordering::Less);
    }

    #[test]
    fn a_float_rank_gives_back_its_float() {
        for f in [0.0, 1.5, -1.5, f64::MAX, f64::MIN, f64::INFINITY, f64::NEG_INFINITY, 1e-300] {
            assert_eq!(float_of_rank(float_rank(f)), f);
        }
        assert!(float_of_rank(float_rank(f64::NAN)).is_nan());
    }
}
