//! Cells in as few bytes as their values need.
//!
//! A column of strings keeps them one after another in one buffer, each row naming its
//! bytes by start and length: 8 bytes a row and the text, where a `Value` each would be
//! 24 bytes and an allocation of its own (a 13-character name: 21 bytes against about 72).
//!
//! A column of integers keeps each cell as its difference from a base, in the narrowest
//! of 1, 2 or 4 bytes that holds every difference so far, or as the integer itself in 8.
//! Years take a byte a cell instead of eight. A column of floats whose every value is
//! a decimal with at most [`MAX_DECIMALS`] places (a weight of `0.2369`, a price of
//! `12.5`) keeps the integers `value × 10^places`, themselves narrow, and gives back
//! `integer / 10^places`; any other float turns the column into plain 8-byte floats.
//!
//! Nothing is lost: a float is encoded only when decoding gives back its very bits
//! (IEEE division is correctly rounded, so `2369 / 10^4` is the double nearest to
//! 0.2369, which is what parsing "0.2369" gave), so `-0.0`, NaN, the infinities and
//! floats with long fractions stay plain. A value that does not fit widens the whole
//! column first, so a write never fails.

use crate::value::Value;

/// The most decimal places a float column is encoded with.
pub const MAX_DECIMALS: u8 = 9;

const POW10: [f64; MAX_DECIMALS as usize + 1] = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9];

/// Integers of magnitude up to 2^53 convert to `f64` and back exactly.
const EXACT_IN_F64: i64 = 1 << 53;

/// Integer cells: `base + difference`, the differences in the narrowest width that holds them.
#[derive(Debug, Clone)]
pub struct IntCells {
    base: i64,
    diffs: Diffs,
}

/// The differences from the base; `Wide` holds the integers themselves (base 0).
#[derive(Debug, Clone)]
pub enum Diffs {
    Byte(Vec<i8>),
    Short(Vec<i16>),
    Int(Vec<i32>),
    Wide(Vec<i64>),
}

macro_rules! on_diffs {
    ($diffs:expr, $v:ident => $body:expr) => {
        match $diffs {
            Diffs::Byte($v) => $body,
            Diffs::Short($v) => $body,
            Diffs::Int($v) => $body,
            Diffs::Wide($v) => $body,
        }
    };
}

impl IntCells {
    /// Heap bytes held.
    pub fn heap_bytes(&self) -> usize {
        on_diffs!(&self.diffs, v => v.capacity() * std::mem::size_of_val(&v.first().copied().unwrap_or_default()))
    }

    /// An empty column whose differences are taken from `base` (its first value, say).
    pub fn with_base(base: i64) -> IntCells {
        IntCells { base, diffs: Diffs::Byte(Vec::new()) }
    }

    /// The cells `values`, in the narrowest width that holds them all.
    pub fn from_values(values: &[i64]) -> IntCells {
        IntCells::from_values_where(values, |_| true)
    }

    /// The cells `values` where `counts` says a row holds one, in the narrowest width
    /// that holds those (a snapshot's columns, whose empty rows' cells mean nothing); the
    /// other rows get the base.
    pub fn from_values_where(values: &[i64], counts: impl Fn(usize) -> bool) -> IntCells {
        let counted = || values.iter().enumerate().filter(|&(i, _)| counts(i)).map(|(_, &x)| x);
        let (Some(min), Some(max)) = (counted().min(), counted().max()) else {
            return IntCells { base: 0, diffs: Diffs::Byte(vec![0; values.len()]) };
        };
        // The middle of the range as base, so that signed differences reach both ends;
        // 0 for the integers themselves.
        let middle = ((i128::from(min) + i128::from(max)) / 2) as i64;
        let diffs = Diffs::for_span(middle, min, max);
        let base = if let Diffs::Wide(_) = diffs { 0 } else { middle };
        let mut cells = IntCells { base, diffs };
        let counted_or_base = values.iter().enumerate().map(|(i, &x)| if counts(i) { x } else { base });
        on_diffs!(&mut cells.diffs, v => fill(v, counted_or_base, base));
        cells
    }

    /// The base and the cells as a slice of their width, for loops over many rows that
    /// should not ask for the width at every one.
    pub fn slice(&self) -> (i64, IntSlice<'_>) {
        let slice = match &self.diffs {
            Diffs::Byte(v) => IntSlice::Byte(v),
            Diffs::Short(v) => IntSlice::Short(v),
            Diffs::Int(v) => IntSlice::Int(v),
            Diffs::Wide(v) => IntSlice::Wide(v),
        };
        (self.base, slice)
    }

    /// A column from its base and differences, as [`IntCells::into_parts`] gave them.
    pub fn from_parts(base: i64, diffs: Diffs) -> IntCells {
        let base = if let Diffs::Wide(_) = diffs { 0 } else { base };
        IntCells { base, diffs }
    }

    /// The base and the differences, for writing out.
    pub fn into_parts(self) -> (i64, Diffs) {
        (self.base, self.diffs)
    }

    /// A bound on the magnitude of every cell: what the width of the differences allows
    /// around the base (`u64::MAX` for 8-byte cells).
    pub fn magnitude_bound(&self) -> u64 {
        let (lo, hi): (i128, i128) = match &self.diffs {
            Diffs::Byte(_) => (i8::MIN.into(), i8::MAX.into()),
            Diffs::Short(_) => (i16::MIN.into(), i16::MAX.into()),
            Diffs::Int(_) => (i32::MIN.into(), i32::MAX.into()),
            Diffs::Wide(_) => return u64::MAX,
        };
        let base = i128::from(self.base);
        let most = (base + lo).unsigned_abs().max((base + hi).unsigned_abs());
        u64::try_from(most).unwrap_or(u64::MAX)
    }

    pub(crate) fn len(&self) -> usize {
        on_diffs!(&self.diffs, v => v.len())
    }

    /// Bytes a cell takes.
    #[cfg(test)]
    fn width(&self) -> usize {
        on_diffs!(&self.diffs, v => cell_size(v))
    }

    #[inline]
    pub fn get(&self, row: usize) -> Option<i64> {
        let base = self.base;
        match &self.diffs {
            Diffs::Byte(v) => v.get(row).map(|&d| base + i64::from(d)),
            Diffs::Short(v) => v.get(row).map(|&d| base + i64::from(d)),
            Diffs::Int(v) => v.get(row).map(|&d| base + i64::from(d)),
            Diffs::Wide(v) => v.get(row).copied(),
        }
    }

    /// Stores `x` at `row`, the rows before it that held nothing getting the base;
    /// widens the column first when `x` is too far from the base for its width.
    pub fn put(&mut self, row: usize, x: i64) {
        if !self.diffs.holds(self.base, x) {
            self.widen_for(x);
        }
        let base = self.base;
        on_diffs!(&mut self.diffs, v => {
            if v.len() <= row {
                v.resize(row + 1, narrow(base, base));
            }
            v[row] = narrow(x, base);
        });
    }

    /// The same cells in a width that also holds `x`.
    fn widen_for(&mut self, x: i64) {
        let len = self.len();
        let values: Vec<i64> = (0..len).filter_map(|row| self.get(row)).collect();
        let (min, max) = values.iter().fold((x, x), |(lo, hi), &v| (lo.min(v), hi.max(v)));
        // The base stays, so a column only ever widens; past 4 bytes it holds the integers.
        let mut diffs = Diffs::for_span(self.base, min, max);
        if let Diffs::Wide(_) = diffs {
            self.base = 0;
        } else if diffs.rank() < self.diffs.rank() {
            diffs = self.diffs.empty_like();
        }
        let base = self.base;
        on_diffs!(&mut diffs, v => fill(v, values.iter().copied(), base));
        self.diffs = diffs;
    }

    /// The cells at `rows`, 0 for a row `holds` says holds nothing, for writing out.
    pub fn gather(&self, rows: &[u32], holds: impl Fn(u32) -> bool) -> Vec<i64> {
        rows.iter().map(|&r| if holds(r) { self.get(r as usize).unwrap_or(0) } else { 0 }).collect()
    }

    /// The column of `bound` rows whose row `rows[i]` holds this column's cell `i`.
    pub fn scatter(&self, rows: &[u32], bound: u32) -> IntCells {
        let mut diffs = self.diffs.empty_like();
        let base = self.base;
        on_diffs!(&mut diffs, out => {
            out.resize(bound as usize, narrow(base, base));
            for (i, &row) in rows.iter().enumerate() {
                if let (Some(slot), Some(x)) = (out.get_mut(row as usize), self.get(i)) {
                    *slot = narrow(x, base);
                }
            }
        });
        IntCells { base, diffs }
    }
}

/// An [`IntCells`] column's differences, borrowed: each value is the base plus its cell.
#[derive(Clone, Copy)]
pub enum IntSlice<'a> {
    Byte(&'a [i8]),
    Short(&'a [i16]),
    Int(&'a [i32]),
    Wide(&'a [i64]),
}

/// Appends `values` as cells from `base`.
fn fill<T: Narrow>(cells: &mut Vec<T>, values: impl ExactSizeIterator<Item = i64>, base: i64) {
    cells.reserve_exact(values.len());
    cells.extend(values.map(|x| narrow::<T>(x, base)));
}

#[cfg(test)]
fn cell_size<T>(_: &[T]) -> usize {
    std::mem::size_of::<T>()
}

/// A difference as one of the widths; the caller has checked that it fits.
trait Narrow: Copy {
    fn from_diff(diff: i64) -> Self;
}

macro_rules! narrow_from {
    ($($t:ty),*) => {$(
        impl Narrow for $t {
            #[inline]
            fn from_diff(diff: i64) -> $t {
                diff as $t
            }
        }
    )*};
}
narrow_from!(i8, i16, i32);

impl Narrow for i64 {
    #[inline]
    fn from_diff(diff: i64) -> i64 {
        diff
    }
}

/// `x - base` as a cell of width `T` (for `Wide`, whose base is 0, `x` itself).
#[inline]
fn narrow<T: Narrow>(x: i64, base: i64) -> T {
    T::from_diff(x.wrapping_sub(base))
}

impl Diffs {
    /// The narrowest width holding `min - base` and `max - base`; `Wide` when none does.
    fn for_span(base: i64, min: i64, max: i64) -> Diffs {
        let (lo, hi) = (i128::from(min) - i128::from(base), i128::from(max) - i128::from(base));
        let within = |lo_bound: i128, hi_bound: i128| lo >= lo_bound && hi <= hi_bound;
        if within(i8::MIN.into(), i8::MAX.into()) {
            Diffs::Byte(Vec::new())
        } else if within(i16::MIN.into(), i16::MAX.into()) {
            Diffs::Short(Vec::new())
        } else if within(i32::MIN.into(), i32::MAX.into()) {
            Diffs::Int(Vec::new())
        } else {
            Diffs::Wide(Vec::new())
        }
    }

    fn rank(&self) -> u8 {
        match self {
            Diffs::Byte(_) => 0,
            Diffs::Short(_) => 1,
            Diffs::Int(_) => 2,
            Diffs::Wide(_) => 3,
        }
    }

    fn empty_like(&self) -> Diffs {
        match self {
            Diffs::Byte(_) => Diffs::Byte(Vec::new()),
            Diffs::Short(_) => Diffs::Short(Vec::new()),
            Diffs::Int(_) => Diffs::Int(Vec::new()),
            Diffs::Wide(_) => Diffs::Wide(Vec::new()),
        }
    }

    #[inline]
    fn holds(&self, base: i64, x: i64) -> bool {
        let diff = i128::from(x) - i128::from(base);
        match self {
            Diffs::Byte(_) => i8::try_from(diff).is_ok(),
            Diffs::Short(_) => i16::try_from(diff).is_ok(),
            Diffs::Int(_) => i32::try_from(diff).is_ok(),
            Diffs::Wide(_) => true,
        }
    }
}

/// Float cells: decimals as narrow integers with a common number of places, or plain floats.
#[derive(Debug, Clone)]
pub enum FloatCells {
    Decimal { places: u8, units: IntCells },
    Plain(Vec<f64>),
}

impl FloatCells {
    /// Heap bytes held.
    pub fn heap_bytes(&self) -> usize {
        match self {
            FloatCells::Decimal { units, .. } => units.heap_bytes(),
            FloatCells::Plain(v) => v.capacity() * 8,
        }
    }

    /// An empty column, to hold `first` first.
    pub fn for_first(first: f64) -> FloatCells {
        match places_of(first) {
            Some(places) => {
                let base = units_of(first, places).unwrap_or(0);
                FloatCells::Decimal { places, units: IntCells::with_base(base) }
            }
            None => FloatCells::Plain(Vec::new()),
        }
    }

    /// The cells `values`: decimals when every one is a decimal of at most
    /// [`MAX_DECIMALS`] places, else plain.
    pub fn from_values(values: &[f64]) -> FloatCells {
        FloatCells::from_values_where(values, |_| true)
    }

    /// The cells `values` where `counts` says a row holds one, as
    /// [`IntCells::from_values_where`].
    pub fn from_values_where(values: &[f64], counts: impl Fn(usize) -> bool) -> FloatCells {
        let mut places = 0;
        for (_, &x) in values.iter().enumerate().filter(|&(i, _)| counts(i)) {
            // Most columns have one number of places throughout: try it first.
            if units_of(x, places).is_some() {
                continue;
            }
            match places_of(x) {
                Some(p) if p > places => places = p,
                _ => return FloatCells::Plain(values.to_vec()),
            }
        }
        let mut units = Vec::with_capacity(values.len());
        for (i, &x) in values.iter().enumerate() {
            match units_of(x, places) {
                Some(u) => units.push(u),
                None if !counts(i) => units.push(0),
                None => return FloatCells::Plain(values.to_vec()),
            }
        }
        FloatCells::Decimal { places, units: IntCells::from_values_where(&units, counts) }
    }

    pub(crate) fn len(&self) -> usize {
        match self {
            FloatCells::Decimal { units, .. } => units.len(),
            FloatCells::Plain(v) => v.len(),
        }
    }

    /// Bytes a cell takes.
    #[cfg(test)]
    fn width(&self) -> usize {
        match self {
            FloatCells::Decimal { units, .. } => units.width(),
            FloatCells::Plain(_) => 8,
        }
    }

    #[inline]
    pub fn get(&self, row: usize) -> Option<f64> {
        match self {
            FloatCells::Decimal { places, units } => units.get(row).map(|u| decode(u, *places)),
            FloatCells::Plain(v) => v.get(row).copied(),
        }
    }

    /// Stores `x` at `row`; re-encodes the column first when `x` needs more places than
    /// it has, or turns it plain when `x` is no short decimal.
    pub fn put(&mut self, row: usize, x: f64) {
        if let FloatCells::Decimal { places, units } = self {
            if let Some(u) = units_of(x, *places) {
                units.put(row, u);
                return;
            }
            let more = places_of(x).filter(|&p| p > *places);
            *self = match more.and_then(|p| self.with_places(p)) {
                Some(wider) => wider,
                None => FloatCells::Plain((0..self.len()).filter_map(|r| self.get(r)).collect()),
            };
            return self.put(row, x);
        }
        if let FloatCells::Plain(v) = self {
            if v.len() <= row {
                v.resize(row + 1, 0.0);
            }
            v[row] = x;
        }
    }

    /// The same cells with `places` places, when every one of them has an exact encoding.
    fn with_places(&self, places: u8) -> Option<FloatCells> {
        let units: Option<Vec<i64>> = (0..self.len()).map(|r| self.get(r).and_then(|x| units_of(x, places))).collect();
        Some(FloatCells::Decimal { places, units: IntCells::from_values(&units?) })
    }

    /// The cells at `rows`, 0 for a row `holds` says holds nothing, for writing out.
    pub fn gather(&self, rows: &[u32], holds: impl Fn(u32) -> bool) -> Vec<f64> {
        rows.iter().map(|&r| if holds(r) { self.get(r as usize).unwrap_or(0.0) } else { 0.0 }).collect()
    }

    /// The column of `bound` rows whose row `rows[i]` holds this column's cell `i`.
    pub fn scatter(&self, rows: &[u32], bound: u32) -> FloatCells {
        match self {
            FloatCells::Decimal { places, units } => {
                FloatCells::Decimal { places: *places, units: units.scatter(rows, bound) }
            }
            FloatCells::Plain(v) => {
                let mut out = vec![0.0; bound as usize];
                for (&x, &row) in v.iter().zip(rows) {
                    if let Some(slot) = out.get_mut(row as usize) {
                        *slot = x;
                    }
                }
                FloatCells::Plain(out)
            }
        }
    }
}

/// The fewest units, with `places` places, whose value is at least `c` (with `strict`,
/// above it): `value >= c` is `units >= threshold`, so a comparison of a decimal column
/// with a float constant runs on its integers. Decoding is monotonic (a division by a
/// positive constant, correctly rounded), so a binary search finds it. `None` for NaN
/// or places past [`MAX_DECIMALS`].
pub fn units_threshold(places: u8, c: f64, strict: bool) -> Option<i64> {
    if c.is_nan() || places > MAX_DECIMALS {
        return None;
    }
    let reaches = |u: i64| if strict { decode(u, places) > c } else { decode(u, places) >= c };
    // Units lie within ±2^53; `hi` stands for "no units reach c".
    let (mut lo, mut hi) = (-EXACT_IN_F64, EXACT_IN_F64 + 1);
    if reaches(lo) {
        return Some(lo);
    }
    // Invariant: `lo` does not reach, `hi` does (or is past every unit).
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        if reaches(mid) {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    Some(hi)
}

#[inline]
pub(super) fn decode(units: i64, places: u8) -> f64 {
    units as f64 / POW10[places as usize]
}

/// `x × 10^places` as an integer, when dividing it back gives exactly `x`.
#[inline]
fn units_of(x: f64, places: u8) -> Option<i64> {
    let scaled = (x * POW10[places as usize]).round();
    // NaN fails this too.
    if scaled.abs().partial_cmp(&(EXACT_IN_F64 as f64)) != Some(std::cmp::Ordering::Less) {
        return None;
    }
    let units = scaled as i64;
    (decode(units, places).to_bits() == x.to_bits()).then_some(units)
}

/// The fewest decimal places that encode `x` exactly, if any up to [`MAX_DECIMALS`] do.
fn places_of(x: f64) -> Option<u8> {
    (0..=MAX_DECIMALS).find(|&p| units_of(x, p).is_some())
}

/// String cells: the text of every row in one buffer, a row's span naming its bytes.
#[derive(Debug, Clone, Default)]
pub struct StrCells {
    text: String,
    /// Each row's (start, length) in `text`; (0, 0) for a row holding nothing.
    spans: Vec<(u32, u32)>,
    /// Bytes of `text` no row names any more (overwritten or cleared).
    garbage: usize,
}

/// Below this, leftover text is not worth a compaction.
const GARBAGE_SLACK: usize = 1 << 16;

impl StrCells {
    /// The strings of `values` packed, row `i` holding the `i`-th one (and an empty
    /// string for `None`); `None` when one is no string or their text would pass 4 GiB.
    pub fn from_values<'v>(values: impl IntoIterator<Item = Option<&'v Value>>) -> Option<StrCells> {
        let mut cells = StrCells::default();
        for (row, value) in values.into_iter().enumerate() {
            match value {
                Some(Value::String(x)) if cells.put(row, x) => {}
                Some(_) => return None,
                None => cells.spans.push((0, 0)),
            }
        }
        Some(cells)
    }

    pub(crate) fn len(&self) -> usize {
        self.spans.len()
    }

    /// Heap bytes held.
    pub fn heap_bytes(&self) -> usize {
        self.text.capacity() + self.spans.capacity() * 8
    }

    #[inline]
    pub fn get(&self, row: usize) -> Option<&str> {
        let &(start, len) = self.spans.get(row)?;
        self.text.get(start as usize..start as usize + len as usize)
    }

    /// Stores `x` at `row`; false when the buffer would pass 4 GiB, which the column
    /// then leaves for `Value`s.
    pub fn put(&mut self, row: usize, x: &str) -> bool {
        let (Ok(start), Ok(len)) = (u32::try_from(self.text.len()), u32::try_from(x.len())) else {
            return false;
        };
        if start.checked_add(len).is_none() {
            return false;
        }
        self.clear(row);
        if self.spans.len() <= row {
            self.spans.resize(row + 1, (0, 0));
        }
        self.text.push_str(x);
        self.spans[row] = (start, len);
        self.compact_if_wasteful();
        true
    }

    /// Forgets what `row` held.
    pub fn clear(&mut self, row: usize) {
        if let Some(span) = self.spans.get_mut(row) {
            self.garbage += span.1 as usize;
            *span = (0, 0);
        }
    }

    /// Writes the text again without what no row names, once that is over half of it:
    /// a column rewritten in place keeps at most twice its text.
    fn compact_if_wasteful(&mut self) {
        if self.garbage > GARBAGE_SLACK && self.garbage * 2 > self.text.len() {
            let rows: Vec<u32> = (0..self.spans.len() as u32).collect();
            *self = self.scatter(&rows, self.spans.len() as u32);
        }
    }

    /// The column of `bound` rows whose row `rows[i]` holds this column's cell `i`.
    pub fn scatter(&self, rows: &[u32], bound: u32) -> StrCells {
        let mut out = StrCells { spans: vec![(0, 0); bound as usize], ..StrCells::default() };
        out.text.reserve_exact(self.text.len() - self.garbage.min(self.text.len()));
        for (i, &row) in rows.iter().enumerate() {
            if let (Some(x), Some(span)) = (self.get(i), out.spans.get_mut(row as usize)) {
                // Offsets stay within the old text's length, which fit in u32.
                *span = (out.text.len() as u32, x.len() as u32);
                out.text.push_str(x);
            }
        }
        out
    }

    /// The text of the rows `rows`, one after another, and where each one ends, for
    /// writing out; an empty string for a row `holds` says holds nothing.
    pub fn gather(&self, rows: impl ExactSizeIterator<Item = u32>, holds: impl Fn(u32) -> bool) -> (String, Vec<u32>) {
        let (mut text, mut ends) = (String::new(), Vec::with_capacity(rows.len()));
        for row in rows {
            if let Some(x) = self.get(row as usize).filter(|_| holds(row)) {
                text.push_str(x);
            }
            ends.push(text.len() as u32);
        }
        (text, ends)
    }

    /// The column whose row `i` is `text[ends[i - 1]..ends[i]]`, as [`StrCells::gather`]
    /// wrote it; `None` when an end goes back, past the text, or inside a character.
    pub fn from_ends(text: String, ends: &[u32]) -> Option<StrCells> {
        let mut spans = Vec::with_capacity(ends.len());
        let mut start = 0u32;
        for &end in ends {
            text.get(start as usize..end as usize)?;
            spans.push((start, end - start));
            start = end;
        }
        Some(StrCells { text, spans, garbage: 0 })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integer_cells_take_the_narrowest_width_and_widen_keeping_every_value() {
        let mut cells = IntCells::with_base(2000);
        for (row, year) in [1990, 2024, 2000].into_iter().enumerate() {
            cells.put(row, year);
        }
        assert_eq!(cells.width(), 1);
        cells.put(5, 1000);
        assert_eq!(cells.width(), 2);
        cells.put(6, i64::MIN);
        cells.put(7, i64::MAX);
        assert_eq!(cells.width(), 8);
        let got: Vec<_> = (0..9).map(|r| cells.get(r)).collect();
        let want = [Some(1990), Some(2024), Some(2000), Some(2000), Some(2000), Some(1000)];
        assert_eq!(&got[..6], &want);
        assert_eq!(&got[6..], &[Some(i64::MIN), Some(i64::MAX), None]);
        let packed = IntCells::from_values(&[i64::MIN, 0, i64::MAX]);
        assert_eq!((packed.width(), packed.get(0), packed.get(2)), (8, Some(i64::MIN), Some(i64::MAX)));
        assert_eq!(IntCells::from_values(&[-100, 100, 154]).width(), 1);
        assert_eq!(IntCells::from_values(&[-100, 100, 156]).width(), 2);
        assert_eq!(IntCells::from_values(&[0, 1 << 20]).width(), 4);
    }

    #[test]
    fn float_cells_keep_every_bit_of_every_value() {
        let awkward =
            [0.1, 0.2369, 12.5, -3.75, 1e-9, 123456.789, 0.0, -0.0, f64::NAN, f64::INFINITY, 1.0 / 3.0, 1e300];
        let mut cells = FloatCells::for_first(0.25);
        for (row, &x) in awkward.iter().enumerate() {
            cells.put(row, x);
            for (r, &y) in awkward[..=row].iter().enumerate() {
                assert_eq!(cells.get(r).map(f64::to_bits), Some(y.to_bits()), "cell {r} after putting {x}");
            }
        }
        assert!(matches!(cells, FloatCells::Plain(_)));
        let packed = FloatCells::from_values(&awkward);
        for (r, &y) in awkward.iter().enumerate() {
            assert_eq!(packed.get(r).map(f64::to_bits), Some(y.to_bits()));
        }
    }

    #[test]
    fn a_threshold_on_the_units_answers_as_the_floats_do() {
        let constants =
            [0.5, 0.49995, 0.12345, -0.25, 0.0, -0.0, 1e-12, 2.0, -3.0, 1e300, f64::INFINITY, f64::NEG_INFINITY];
        for places in [0u8, 2, 4, 9] {
            let units: Vec<i64> = (-30_000..30_000).step_by(7).collect();
            for &c in &constants {
                for strict in [false, true] {
                    let Some(t) = units_threshold(places, c, strict) else { panic!("no threshold for {c}") };
                    for &u in &units {
                        let x = decode(u, places);
                        assert_eq!(u >= t, if strict { x > c } else { x >= c }, "{u} at {places} places against {c}");
                    }
                }
            }
        }
        assert_eq!(units_threshold(4, f64::NAN, false), None);
    }

    #[test]
    fn string_cells_hold_their_text_through_overwrites_compaction_and_scatter() {
        let mut cells = StrCells::default();
        assert!(cells.put(2, "Kazakhstan"));
        assert!(cells.put(0, "Қазақстан"));
        assert_eq!(
            (cells.get(0), cells.get(1), cells.get(2), cells.get(3)),
            (Some("Қазақстан"), Some(""), Some("Kazakhstan"), None)
        );
        // Rewriting one row many times compacts, and keeps every other row.
        for i in 0..20_000 {
            assert!(cells.put(1, &format!("rewrite number {i}")));
        }
        assert!(cells.text.len() < 2 * GARBAGE_SLACK + 100, "{} bytes kept", cells.text.len());
        assert_eq!(
            (cells.get(0), cells.get(1), cells.get(2)),
            (Some("Қазақстан"), Some("rewrite number 19999"), Some("Kazakhstan"))
        );
        cells.clear(2);
        let (text, ends) = cells.gather([2, 0, 1].into_iter(), |r| r != 1);
        assert_eq!((text.as_str(), ends.as_slice()), ("Қазақстан", &[0, 18, 18][..]));
        let back = StrCells::from_ends(text, &ends).unwrap_or_default();
        assert_eq!((back.get(0), back.get(1), back.len()), (Some(""), Some("Қазақстан"), 3));
        let spread = back.scatter(&[5, 2, 0], 6);
        assert_eq!((spread.get(2), spread.get(5), spread.len()), (Some("Қазақстан"), Some(""), 6));
        // An end inside a character, or going back, is refused.
        assert!(StrCells::from_ends("Қ".to_string(), &[1]).is_none());
        assert!(StrCells::from_ends("ab".to_string(), &[2, 1]).is_none());
    }

    #[test]
    fn four_place_decimals_take_two_bytes_and_more_places_re_encode() {
        let weights: Vec<f64> = (0..10_000).map(|i| format!("0.{i:04}").parse().unwrap_or(0.0)).collect();
        let cells = FloatCells::from_values(&weights);
        assert!(matches!(cells, FloatCells::Decimal { places: 4, .. }), "{cells:?}");
        assert_eq!(cells.width(), 2);
        assert!(weights.iter().enumerate().all(|(r, w)| cells.get(r) == Some(*w)));
        let mut grown = FloatCells::for_first(0.5);
        grown.put(0, 0.5);
        grown.put(1, 0.125);
        grown.put(2, 2.0);
        assert!(matches!(grown, FloatCells::Decimal { places: 3, .. }));
        assert_eq!((0..3).map(|r| grown.get(r)).collect::<Vec<_>>(), vec![Some(0.5), Some(0.125), Some(2.0)]);
        let scattered = cells.scatter(&[4, 1], 6);
        assert_eq!((scattered.get(4), scattered.get(1), scattered.len()), (Some(0.0), Some(0.0001), 6));
        assert_eq!(cells.gather(&[9999, 20_000, 5], |r| r != 5), vec![0.9999, 0.0, 0.0]);
    }
}
