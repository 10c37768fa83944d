//! Property storage: columns, never a map per entity.
//!
//! The graph keeps one [`PropertyTable`] for all nodes, whose row is the node's id, and
//! one per relationship type, whose row a relationship's record names. A table has a
//! column per property key: a bitset of the rows holding a value, and the cells, unboxed
//! when the column holds only integers or only floats. Reading a property is two array
//! reads, and a scan over nodes or a type's relationships reads a column in order.
//!
//! [`PropertyMap`] is the properties of one entity on its way in (a `CREATE`, an import
//! row): sorted, deduplicated, without nulls.

use super::index::BitSet;
pub use super::narrow::{FloatCells, IntCells, StrCells};
use super::PropKeyId;
use crate::value::Value;

/// The properties of one entity, sorted by key, without nulls.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PropertyMap {
    entries: Vec<(PropKeyId, Value)>,
}

impl PropertyMap {
    pub fn from_entries(mut entries: Vec<(PropKeyId, Value)>) -> PropertyMap {
        entries.retain(|(_, v)| !v.is_null());
        entries.sort_by_key(|(k, _)| *k);
        // A later entry for the same key wins, as in a Cypher map literal.
        entries.reverse();
        entries.dedup_by_key(|(k, _)| *k);
        entries.reverse();
        entries.shrink_to_fit();
        PropertyMap { entries }
    }

    pub fn get(&self, key: PropKeyId) -> Option<&Value> {
        self.entries.binary_search_by_key(&key, |(k, _)| *k).ok().map(|i| &self.entries[i].1)
    }

    /// Sets (or, with `None`, removes) a property; returns the old value.
    pub fn set(&mut self, key: PropKeyId, value: Option<Value>) -> Option<Value> {
        let value = value.filter(|v| !v.is_null());
        match (self.entries.binary_search_by_key(&key, |(k, _)| *k), value) {
            (Ok(i), Some(v)) => Some(std::mem::replace(&mut self.entries[i].1, v)),
            (Ok(i), None) => Some(self.entries.remove(i).1),
            (Err(i), Some(v)) => {
                self.entries.insert(i, (key, v));
                None
            }
            (Err(_), None) => None,
        }
    }

    pub fn iter(&self) -> impl Iterator<Item = (PropKeyId, &Value)> {
        self.entries.iter().map(|(k, v)| (*k, v))
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn into_entries(self) -> Vec<(PropKeyId, Value)> {
        self.entries
    }
}

/// The properties of a set of entities, stored by column.
///
/// For relationships, rows are appended and never reused; for nodes, the row is the id.
/// The row of a deleted entity is cleared.
#[derive(Debug, Clone, Default)]
pub struct PropertyTable {
    n_rows: u32,
    columns: Vec<Column>,
    /// The column of each key, by key id (`NO_COLUMN` for none): a read finds its column
    /// without comparing keys.
    column_of: Vec<u32>,
}

const NO_COLUMN: u32 = u32::MAX;

#[derive(Debug, Clone)]
struct Column {
    key: PropKeyId,
    /// Which rows hold a value; rows past the end hold none, so a rarely used key costs little.
    present: BitSet,
    cells: Cells,
}

/// A column's cells by row. A column holding only integers (or only floats) keeps them
/// unboxed and narrow (see `narrow.rs`: a year in a byte, a four-place weight in two)
/// instead of a 24-byte `Value` each; the first value of another type turns it into `Any`.
#[derive(Debug, Clone)]
pub(super) enum Cells {
    Int(IntCells),
    Float(FloatCells),
    Str(StrCells),
    Any(Vec<Value>),
}

impl Cells {
    fn for_value(value: &Value) -> Cells {
        match value {
            Value::Int(i) => Cells::Int(IntCells::with_base(*i)),
            Value::Float(f) => Cells::Float(FloatCells::for_first(*f)),
            Value::String(_) => Cells::Str(StrCells::default()),
            _ => Cells::Any(Vec::new()),
        }
    }

    fn get(&self, row: usize) -> Option<Value> {
        match self {
            Cells::Int(v) => v.get(row).map(Value::Int),
            Cells::Float(v) => v.get(row).map(Value::Float),
            Cells::Str(v) => v.get(row).map(Value::string),
            Cells::Any(v) => v.get(row).cloned(),
        }
    }

    /// Stores `value` at `row`; false if this column's type cannot hold it.
    fn put(&mut self, row: usize, value: Value) -> bool {
        match (self, value) {
            (Cells::Int(v), Value::Int(i)) => v.put(row, i),
            (Cells::Float(v), Value::Float(f)) => v.put(row, f),
            (Cells::Str(v), Value::String(x)) => return v.put(row, &x),
            (Cells::Any(v), value) => {
                if v.len() <= row {
                    v.resize(row + 1, Value::Null);
                }
                v[row] = value;
            }
            _ => return false,
        }
        true
    }

    /// Clears a cell the column no longer holds (so an `Any` column frees its value and
    /// a string column its text).
    fn clear(&mut self, row: usize) {
        match self {
            Cells::Any(v) => {
                if let Some(cell) = v.get_mut(row) {
                    *cell = Value::Null;
                }
            }
            Cells::Str(v) => v.clear(row),
            Cells::Int(_) | Cells::Float(_) => {}
        }
    }

    /// The cells of a column of `Value`s, packed as strings when every value in a row
    /// `present` names is one (a snapshot written before string columns, or one whose
    /// other values have since gone).
    pub(super) fn from_values(values: Vec<Value>, present: &BitSet) -> Cells {
        let held = values.iter().enumerate().map(|(row, v)| Some(v).filter(|_| present.contains(row as u32)));
        match StrCells::from_values(held).filter(|_| !values.is_empty()) {
            Some(strings) => Cells::Str(strings),
            None => Cells::Any(values),
        }
    }

    /// The same cells as `Any`, for a value of another type.
    fn widen(&mut self, present: &BitSet) {
        let len = match self {
            Cells::Int(v) => v.len(),
            Cells::Float(v) => v.len(),
            Cells::Str(v) => v.len(),
            Cells::Any(_) => return,
        };
        let cells = (0..len).map(|row| if present.contains(row as u32) { self.get(row) } else { None });
        *self = Cells::Any(cells.map(|v| v.unwrap_or(Value::Null)).collect());
    }
}

/// A number as a column stores it, read without building a [`Value`]: what a compiled
/// comparison in a scan's loop reads.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Number {
    Int(i64),
    Float(f64),
}

/// A column of numbers of one kind, for loops over many rows (a scan's chunk).
pub struct Numbers<'a> {
    present: &'a BitSet,
    pub cells: NumberCells<'a>,
}

/// The cells of a [`Numbers`] column, by row.
#[derive(Clone, Copy)]
pub enum NumberCells<'a> {
    Int(&'a IntCells),
    Float(&'a FloatCells),
}

impl Numbers<'_> {
    /// The rows holding a number, in order.
    pub fn rows(&self) -> impl Iterator<Item = u32> + '_ {
        self.present.iter()
    }

    /// Sets `out` to a bit per row of `start..start + len`: whether it holds a number.
    pub fn held_bits(&self, start: u32, len: usize, out: &mut [u64]) {
        self.present.copy_bits(start, len, out)
    }

    /// `row`, when it holds a number.
    #[inline]
    pub fn held(&self, row: u32) -> Option<u32> {
        self.present.contains(row).then_some(row)
    }

    /// The integer at `row`; `None` when the row holds none (or the column holds floats).
    #[cfg(test)]
    pub fn int(&self, row: u32) -> Option<i64> {
        match self.cells {
            NumberCells::Int(cells) if self.present.contains(row) => cells.get(row as usize),
            _ => None,
        }
    }

    /// The float at `row`; `None` when the row holds none (or the column holds integers).
    #[cfg(test)]
    pub fn float(&self, row: u32) -> Option<f64> {
        match self.cells {
            NumberCells::Float(cells) if self.present.contains(row) => cells.get(row as usize),
            _ => None,
        }
    }
}

impl Column {
    #[inline]
    fn number(&self, row: u32) -> Option<Number> {
        if !self.present.contains(row) {
            return None;
        }
        match &self.cells {
            Cells::Int(v) => v.get(row as usize).map(Number::Int),
            Cells::Float(v) => v.get(row as usize).map(Number::Float),
            Cells::Str(_) => None,
            Cells::Any(v) => match v.get(row as usize)? {
                Value::Int(i) => Some(Number::Int(*i)),
                Value::Float(f) => Some(Number::Float(*f)),
                _ => None,
            },
        }
    }

    fn get(&self, row: u32) -> Option<Value> {
        if self.present.contains(row) {
            self.cells.get(row as usize)
        } else {
            None
        }
    }
}

impl PropertyTable {
    /// Moves the rows so that each relationship's row is its position in the arrays
    /// just built: `rows` are the live rows in the order of their relationships' ids, and
    /// `ranks` (when the positions are not in that order) the rank at each position.
    /// Every other row (a deleted relationship's) is dropped.
    pub(super) fn move_rows_to_positions(&mut self, rows: &[u32], ranks: Option<&Vec<u32>>) {
        let by_position: Vec<u32>;
        let old_rows = match ranks {
            Some(ranks) => {
                by_position = ranks.iter().filter_map(|&rank| rows.get(rank as usize).copied()).collect();
                &by_position
            }
            None => rows,
        };
        let in_place = old_rows.iter().enumerate().all(|(k, &row)| row == k as u32);
        if in_place && self.n_rows as usize == old_rows.len() {
            return;
        }
        *self = self.reordered(old_rows);
    }

    /// Heap bytes held (a value in an `Any` column counted at its inline size).
    pub(super) fn heap_bytes(&self) -> usize {
        let cells = |c: &Cells| match c {
            Cells::Int(v) => v.heap_bytes(),
            Cells::Float(v) => v.heap_bytes(),
            Cells::Str(v) => v.heap_bytes(),
            Cells::Any(v) => v.capacity() * std::mem::size_of::<Value>(),
        };
        let columns: usize = self.columns.iter().map(|c| c.present.heap_bytes() + cells(&c.cells)).sum();
        columns + self.column_of.capacity() * 4
    }

    /// The table whose row `k` holds what row `old_rows[k]` holds here.
    fn reordered(&self, old_rows: &[u32]) -> PropertyTable {
        let n = old_rows.len() as u32;
        // Where each row here goes (`u32::MAX`: nowhere).
        let mut dest = vec![u32::MAX; self.n_rows as usize];
        for (k, &old) in old_rows.iter().enumerate() {
            if let Some(d) = dest.get_mut(old as usize) {
                *d = k as u32;
            }
        }
        let columns = self
            .columns
            .iter()
            .map(|c| {
                let mut words = vec![0u64; (n as usize).div_ceil(64)];
                for (k, &old) in old_rows.iter().enumerate() {
                    if c.present.contains(old) {
                        words[k / 64] |= 1 << (k % 64);
                    }
                }
                let cells = match &c.cells {
                    Cells::Int(v) => Cells::Int(v.scatter(&dest, n)),
                    Cells::Float(v) => Cells::Float(v.scatter(&dest, n)),
                    Cells::Str(v) => Cells::Str(v.scatter(&dest, n)),
                    Cells::Any(v) => Cells::Any(
                        old_rows.iter().map(|&r| v.get(r as usize).cloned().unwrap_or(Value::Null)).collect(),
                    ),
                };
                (c.key, BitSet::from_words(words), cells)
            })
            .collect();
        PropertyTable::from_columns(n, columns)
    }

    /// A table of `n_rows` rows from its columns: (key, which rows hold a value, cells).
    pub(super) fn from_columns(n_rows: u32, columns: Vec<(PropKeyId, BitSet, Cells)>) -> PropertyTable {
        let mut table = PropertyTable { n_rows, columns: Vec::new(), column_of: Vec::new() };
        for (key, present, cells) in columns {
            table.add_column(Column { key, present, cells });
        }
        table
    }

    fn add_column(&mut self, column: Column) -> usize {
        let key = column.key.0 as usize;
        if self.column_of.len() <= key {
            self.column_of.resize(key + 1, NO_COLUMN);
        }
        self.column_of[key] = self.columns.len() as u32;
        self.columns.push(column);
        self.columns.len() - 1
    }

    #[inline]
    fn column(&self, key: PropKeyId) -> Option<usize> {
        match self.column_of.get(key.0 as usize) {
            Some(&i) if i != NO_COLUMN => Some(i as usize),
            _ => None,
        }
    }

    /// Every column, by key: (key, which rows hold a value, cells).
    pub(super) fn columns(&self) -> Vec<(PropKeyId, &BitSet, &Cells)> {
        // By key, so that a snapshot depends on the data and not on which key came first.
        let mut columns: Vec<_> = self.columns.iter().map(|c| (c.key, &c.present, &c.cells)).collect();
        columns.sort_by_key(|&(key, ..)| key);
        columns
    }

    /// Appends a row holding `props`; returns its number.
    pub fn push_row(&mut self, props: Vec<(PropKeyId, Value)>) -> u32 {
        self.push_row_from(props)
    }

    /// Appends a row holding `props`; returns its number.
    pub fn push_row_from(&mut self, props: impl IntoIterator<Item = (PropKeyId, Value)>) -> u32 {
        let row = self.n_rows;
        self.n_rows += 1;
        for (key, value) in props {
            self.set(row, key, Some(value));
        }
        row
    }

    /// How many rows the table has (live or cleared).
    pub(super) fn n_rows(&self) -> u32 {
        self.n_rows
    }

    /// Moves the rows so that row `k` holds what row `order[k]` held (a bulk load's
    /// relationships put in their arrays' order); rows `order` does not name are dropped.
    pub(super) fn permute_rows(&mut self, order: &[u32]) {
        *self = self.reordered(order);
    }

    pub fn get(&self, row: u32, key: PropKeyId) -> Option<Value> {
        self.columns[self.column(key)?].get(row)
    }

    /// Whether the cell equals `value`, as `get(row, key) == Some(value)`; a string
    /// column compares its text in place instead of building a string to compare.
    pub fn holds_value(&self, row: u32, key: PropKeyId, value: &Value) -> bool {
        let Some(column) = self.column(key).map(|i| &self.columns[i]) else { return false };
        match (&column.cells, value) {
            (Cells::Str(cells), Value::String(x)) => {
                column.present.contains(row) && cells.get(row as usize) == Some(&**x)
            }
            _ => column.get(row).is_some_and(|held| held == *value),
        }
    }

    /// The cell's number; `None` when it holds none or a value of another type.
    #[inline]
    pub fn number(&self, row: u32, key: PropKeyId) -> Option<Number> {
        self.columns[self.column(key)?].number(row)
    }

    /// Whether some row ever held `key`.
    /// The string at `row` of `key`'s column, borrowed: `None` unless the column packs
    /// strings and the row holds one (read it as a value then).
    pub fn str_at(&self, row: u32, key: PropKeyId) -> Option<&str> {
        let column = self.columns.get(self.column(key)?)?;
        if !column.present.contains(row) {
            return None;
        }
        match &column.cells {
            Cells::Str(cells) => cells.get(row as usize),
            _ => None,
        }
    }

    pub fn has_column(&self, key: PropKeyId) -> bool {
        self.column(key).is_some()
    }

    /// The column of `key`: which rows hold a value, and the cells (for the column
    /// predicates of `filter/`, which loop over them in their own encoding).
    pub(super) fn column_cells(&self, key: PropKeyId) -> Option<(&BitSet, &Cells)> {
        let column = &self.columns[self.column(key)?];
        Some((&column.present, &column.cells))
    }

    /// The column of `key` when it holds only integers or only floats.
    pub fn numbers(&self, key: PropKeyId) -> Option<Numbers<'_>> {
        let column = &self.columns[self.column(key)?];
        let cells = match &column.cells {
            Cells::Int(v) => NumberCells::Int(v),
            Cells::Float(v) => NumberCells::Float(v),
            Cells::Str(_) | Cells::Any(_) => return None,
        };
        Some(Numbers { present: &column.present, cells })
    }

    /// Sets (or, with `None`, clears) one cell; returns the old value.
    pub fn set(&mut self, row: u32, key: PropKeyId, value: Option<Value>) -> Option<Value> {
        let value = value.filter(|v| !v.is_null());
        let index = match (self.column(key), &value) {
            (Some(i), _) => i,
            (None, None) => return None,
            (None, Some(v)) => self.add_column(Column { key, present: BitSet::default(), cells: Cells::for_value(v) }),
        };
        self.n_rows = self.n_rows.max(row + 1);
        let column = &mut self.columns[index];
        let old = column.get(row);
        match value {
            None => {
                column.present.remove(row);
                column.cells.clear(row as usize);
            }
            Some(value) => {
                if !column.cells.put(row as usize, value.clone()) {
                    column.cells.widen(&column.present);
                    column.cells.put(row as usize, value);
                }
                column.present.insert(row);
            }
        }
        old
    }

    /// The non-null properties of a row, in column order.
    pub fn row(&self, row: u32) -> Vec<(PropKeyId, Value)> {
        self.columns.iter().filter_map(|c| c.get(row).map(|v| (c.key, v))).collect()
    }

    /// Clears a row and returns what it held.
    pub fn take_row(&mut self, row: u32) -> Vec<(PropKeyId, Value)> {
        let taken = self.row(row);
        for column in &mut self.columns {
            column.present.remove(row);
            column.cells.clear(row as usize);
        }
        taken
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// A value a column may be given: small and huge integers, short decimals, floats no
    /// decimal encoding holds, strings, and a value of none of those kinds.
    fn cell_value() -> impl Strategy<Value = Value> {
        prop_oneof![
            (1990i64..2025).prop_map(Value::Int),
            any::<i64>().prop_map(Value::Int),
            (0u32..10_000).prop_map(|w| Value::Float(f64::from(w) / 1e4)),
            (-1_000_000i64..1_000_000).prop_map(|c| Value::Float(c as f64 / 100.0)),
            any::<f64>().prop_map(Value::Float),
            Just(Value::Float(-0.0)),
            "[a-zé ]{0,12}".prop_map(Value::string),
            Just(Value::Bool(true)),
        ]
    }

    proptest! {
        /// Whatever widening, re-encoding or packing the cells go through, every row reads back
        /// what was last written to it, bit for bit.
        #[test]
        fn cells_read_back_every_value_written(writes in proptest::collection::vec((0u32..64, proptest::option::of(cell_value())), 1..200)) {
            let key = PropKeyId(0);
            let mut table = PropertyTable::default();
            let mut model = std::collections::HashMap::new();
            for (row, value) in writes {
                table.set(row, key, value.clone());
                match value {
                    Some(v) => model.insert(row, v),
                    None => model.remove(&row),
                };
                for r in 0..64 {
                    let (got, want) = (table.get(r, key), model.get(&r));
                    let same = match (&got, want) {
                        (Some(Value::Float(a)), Some(Value::Float(b))) => a.to_bits() == b.to_bits(),
                        (got, want) => got.as_ref() == want,
                    };
                    prop_assert!(same, "row {r}: {got:?} against {want:?}");
                }
            }
        }
    }

    #[test]
    fn typed_columns_widen_on_a_value_of_another_type_and_keep_their_cells() {
        let (a, b) = (PropKeyId(0), PropKeyId(1));
        let mut table = PropertyTable::default();
        let r0 = table.push_row(vec![(a, Value::Int(7)), (b, Value::Float(0.5))]);
        let r1 = table.push_row(vec![(b, Value::Float(1.5))]);
        assert!(matches!(table.columns[0].cells, Cells::Int(_)));
        assert_eq!(table.get(r1, a), None);
        assert_eq!((table.number(r0, a), table.number(r1, b)), (Some(Number::Int(7)), Some(Number::Float(1.5))));
        assert_eq!(table.number(r1, a), None);
        let ints = table.numbers(a).unwrap();
        assert_eq!((ints.int(r0), ints.int(r1), ints.float(r0), ints.int(99)), (Some(7), None, None, None));
        assert_eq!(table.numbers(b).unwrap().float(r1), Some(1.5));
        assert_eq!(table.set(r1, a, Some(Value::string("x"))), None);
        assert!(matches!(table.columns[0].cells, Cells::Any(_)));
        assert_eq!(table.row(r0), vec![(a, Value::Int(7)), (b, Value::Float(0.5))]);
        assert_eq!(table.get(r1, a), Some(Value::string("x")));
        // A widened column still reads its numbers as numbers, one at a time.
        assert!(table.numbers(a).is_none());
        assert_eq!((table.number(r0, a), table.number(r1, a)), (Some(Number::Int(7)), None));
        assert_eq!(table.take_row(r0), vec![(a, Value::Int(7)), (b, Value::Float(0.5))]);
        assert_eq!(table.row(r0), vec![]);
        assert_eq!(table.set(r1, b, None), Some(Value::Float(1.5)));
        assert_eq!(table.row(r1), vec![(a, Value::string("x"))]);
    }
}
