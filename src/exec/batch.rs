//! Batches: many rows that share every slot but a few, those few given as columns.
//!
//! Operators pass rows one at a time ([`super::Operator::next`]). Where one operator
//! makes many rows that differ in one or two slots (a scan's chunk of candidates, a
//! counting expansion over them), it can also hand them over as one [`Batch`]
//! ([`super::Operator::next_batch`]), and an operator above that understands the columns
//! works on a column at once instead of a row at a time: no row is copied for each
//! candidate. Any other operator reads the same rows through `next`, or through
//! [`Batch::into_rows`].

use super::row::Row;
use crate::binder::bound::Slot;
use crate::store::NodeId;
use crate::value::Value;

/// The values one slot takes across a batch.
#[derive(Debug, Clone, PartialEq)]
pub enum Column {
    Nodes(Vec<NodeId>),
    Ints(Vec<i64>),
}

impl Column {
    fn len(&self) -> usize {
        match self {
            Column::Nodes(v) => v.len(),
            Column::Ints(v) => v.len(),
        }
    }

    fn value(&self, i: usize) -> Value {
        match self {
            Column::Nodes(v) => Value::Node(v[i]),
            Column::Ints(v) => Value::Int(v[i]),
        }
    }
}

/// Rows that hold `row`'s values, except in the slots of `columns`, where row `i` holds
/// each column's `i`-th value. Every column has the batch's length.
#[derive(Debug, Clone, PartialEq)]
pub struct Batch {
    pub row: Row,
    columns: Vec<(Slot, Column)>,
    len: usize,
}

impl Batch {
    /// One row.
    pub fn single(row: Row) -> Batch {
        Batch { row, columns: Vec::new(), len: 1 }
    }

    /// `row` with each of `nodes` in `slot`.
    pub fn of_nodes(row: Row, slot: Slot, nodes: Vec<NodeId>) -> Batch {
        let len = nodes.len();
        Batch { row, columns: vec![(slot, Column::Nodes(nodes))], len }
    }

    /// Adds a column; `None` when its length is not the batch's.
    pub fn with_column(mut self, slot: Slot, column: Column) -> Option<Batch> {
        if column.len() != self.len {
            return None;
        }
        self.columns.retain(|(s, _)| *s != slot);
        self.columns.push((slot, column));
        Some(self)
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The columns, by slot.
    pub fn columns(&self) -> &[(Slot, Column)] {
        &self.columns
    }

    /// The column of `slot`, if the slot varies.
    pub fn column(&self, slot: Slot) -> Option<&Column> {
        self.columns.iter().find(|(s, _)| *s == slot).map(|(_, c)| c)
    }

    /// The template row and the nodes, when the batch's one column is nodes in `slot`;
    /// otherwise the batch back.
    pub fn into_nodes_of(self, slot: Slot) -> std::result::Result<(Row, Vec<NodeId>), Batch> {
        match <[(Slot, Column); 1]>::try_from(self.columns) {
            Ok([(s, Column::Nodes(nodes))]) if s == slot => Ok((self.row, nodes)),
            Ok([column]) => Err(Batch { row: self.row, columns: vec![column], len: self.len }),
            Err(columns) => Err(Batch { row: self.row, columns, len: self.len }),
        }
    }

    /// The rows, one by one (the last one takes the template itself, so a batch of one
    /// row copies nothing).
    pub fn into_rows(self) -> impl Iterator<Item = Row> {
        let Batch { row, columns, len } = self;
        let mut template = Some(row);
        (0..len).map(move |i| {
            let mut row = if i + 1 == len { template.take() } else { template.clone() }.unwrap_or_default();
            for (slot, column) in &columns {
                row.set(*slot, column.value(i));
            }
            row
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_batch_gives_its_template_with_each_columns_values() {
        let mut row = Row::new(3);
        row.set(Slot(0), Value::Int(7));
        let batch = Batch::of_nodes(row, Slot(1), vec![NodeId(4), NodeId(9)]);
        assert_eq!(batch.clone().with_column(Slot(2), Column::Ints(vec![1])), None);
        let batch = batch.with_column(Slot(2), Column::Ints(vec![1, 2])).unwrap();
        assert_eq!(batch.column(Slot(2)), Some(&Column::Ints(vec![1, 2])));
        let rows: Vec<Vec<Value>> = batch.into_rows().map(|r| r.project(&[Slot(0), Slot(1), Slot(2)])).collect();
        assert_eq!(
            rows,
            vec![
                vec![Value::Int(7), Value::Node(NodeId(4)), Value::Int(1)],
                vec![Value::Int(7), Value::Node(NodeId(9)), Value::Int(2)],
            ]
        );
        assert_eq!(Batch::single(Row::new(1)).len(), 1);
    }
}
