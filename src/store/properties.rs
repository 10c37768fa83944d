//! Property storage.
//!
//! Nodes keep a small sorted list of `(key, value)` pairs each. Relationships, which are
//! ten times as many in a typical graph, keep no per-relationship map at all: each
//! relationship type owns a [`RelTable`] of columns, one per property key, and a
//! relationship stores only its row number. A missing property is a `Null` cell.

use super::PropKeyId;
use crate::value::Value;

/// The properties of one node, sorted by key, without nulls.
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

/// The properties of every relationship of one type, stored by column.
///
/// Rows are appended and never reused; the row of a deleted relationship is cleared.
#[derive(Debug, Clone, Default)]
pub struct RelTable {
    n_rows: u32,
    columns: Vec<RelColumn>,
}

#[derive(Debug, Clone)]
struct RelColumn {
    key: PropKeyId,
    /// Cells by row; rows past the end are null, so a rarely used key costs little.
    cells: Vec<Value>,
}

impl RelTable {
    /// Appends a row holding `props`; returns its number.
    pub fn push_row(&mut self, props: Vec<(PropKeyId, Value)>) -> u32 {
        let row = self.n_rows;
        self.n_rows += 1;
        for (key, value) in props {
            self.set(row, key, Some(value));
        }
        row
    }

    pub fn get(&self, row: u32, key: PropKeyId) -> Option<&Value> {
        let column = self.columns.iter().find(|c| c.key == key)?;
        column.cells.get(row as usize).filter(|v| !v.is_null())
    }

    /// Sets (or, with `None`, clears) one cell; returns the old value.
    pub fn set(&mut self, row: u32, key: PropKeyId, value: Option<Value>) -> Option<Value> {
        let value = value.filter(|v| !v.is_null());
        let index = match self.columns.iter().position(|c| c.key == key) {
            Some(i) => i,
            None if value.is_none() => return None,
            None => {
                self.columns.push(RelColumn { key, cells: Vec::new() });
                self.columns.len() - 1
            }
        };
        let cells = &mut self.columns[index].cells;
        let row = row as usize;
        if cells.len() <= row {
            value.as_ref()?;
            cells.resize(row + 1, Value::Null);
        }
        let old = std::mem::replace(&mut cells[row], value.unwrap_or(Value::Null));
        Some(old).filter(|v| !v.is_null())
    }

    /// The non-null properties of a row, in column order.
    pub fn row(&self, row: u32) -> Vec<(PropKeyId, Value)> {
        self.columns
            .iter()
            .filter_map(|c| c.cells.get(row as usize).filter(|v| !v.is_null()).map(|v| (c.key, v.clone())))
            .collect()
    }

    /// Clears a row and returns what it held.
    pub fn take_row(&mut self, row: u32) -> Vec<(PropKeyId, Value)> {
        let mut taken = Vec::new();
        for column in &mut self.columns {
            if let Some(cell) = column.cells.get_mut(row as usize) {
                let value = std::mem::replace(cell, Value::Null);
                if !value.is_null() {
                    taken.push((column.key, value));
                }
            }
        }
        taken
    }
}
