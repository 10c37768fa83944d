//! A row: one value per slot of the query.

use crate::binder::bound::Slot;
use crate::value::Value;

#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Row {
    values: Vec<Value>,
}

impl Row {
    pub fn new(width: usize) -> Row {
        Row { values: vec![Value::Null; width] }
    }

    pub fn get(&self, slot: Slot) -> &Value {
        static NULL: Value = Value::Null;
        self.values.get(slot.0 as usize).unwrap_or(&NULL)
    }

    pub fn set(&mut self, slot: Slot, value: Value) {
        let i = slot.0 as usize;
        if self.values.len() <= i {
            self.values.resize(i + 1, Value::Null);
        }
        self.values[i] = value;
    }

    /// Clears every slot not in `keep`.
    pub fn retain(&mut self, keep: &[Slot]) {
        for (i, value) in self.values.iter_mut().enumerate() {
            if !keep.iter().any(|s| s.0 as usize == i) {
                *value = Value::Null;
            }
        }
    }

    /// A row holding `slots`' values at positions 0, 1, …: a query part's output.
    pub fn produce(&self, slots: &[Slot]) -> Row {
        Row { values: self.project(slots) }
    }

    /// The values of every slot, for estimates of the row's size.
    pub fn values(&self) -> &[Value] {
        &self.values
    }

    pub fn project(&self, slots: &[Slot]) -> Vec<Value> {
        slots.iter().map(|s| self.get(*s).clone()).collect()
    }
}
