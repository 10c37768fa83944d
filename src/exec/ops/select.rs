//! `SHORTEST k [GROUPS]` over a pattern the breadth-first search cannot take (several
//! relationships, a minimum length above 1, k above 1): every match is made, then kept
//! by length, per input row and pair of ends.

use std::collections::HashMap;

use crate::binder::bound::Slot;
use crate::error::Result;
use crate::exec::{ExecCtx, Operator, Row};
use crate::value::Value;

pub struct SelectShortest {
    input: Box<dyn Operator>,
    keys: Vec<Slot>,
    rels: Vec<(Slot, bool)>,
    k: u64,
    groups: bool,
    output: Option<std::vec::IntoIter<Row>>,
}

impl SelectShortest {
    pub fn new(input: Box<dyn Operator>, keys: Vec<Slot>, rels: Vec<(Slot, bool)>, k: u64, groups: bool) -> Self {
        SelectShortest { input, keys, rels, k, groups, output: None }
    }

    fn length(&self, row: &Row) -> usize {
        self.rels
            .iter()
            .map(|(slot, var_length)| match (var_length, row.get(*slot)) {
                (true, Value::List(items)) => items.len(),
                _ => 1,
            })
            .sum()
    }

    /// The rows of one group, shortest first (ties in the order they came), trimmed.
    fn keep(&self, mut rows: Vec<(usize, Row)>) -> Vec<Row> {
        rows.sort_by_key(|(length, _)| *length);
        let k = usize::try_from(self.k).unwrap_or(usize::MAX);
        if !self.groups {
            rows.truncate(k);
            return rows.into_iter().map(|(_, row)| row).collect();
        }
        let mut lengths = 0;
        let mut last = None;
        let mut out = Vec::new();
        for (length, row) in rows {
            if last != Some(length) {
                lengths += 1;
                last = Some(length);
            }
            if lengths > k {
                break;
            }
            out.push(row);
        }
        out
    }

    fn select_all(&mut self, ctx: &mut ExecCtx<'_, '_>) -> Result<Vec<Row>> {
        let mut order: Vec<Vec<Value>> = Vec::new();
        let mut groups: HashMap<Vec<Value>, Vec<(usize, Row)>> = HashMap::new();
        while let Some(row) = self.input.next(ctx)? {
            ctx.cancel.tick()?;
            let key = row.project(&self.keys);
            let length = self.length(&row);
            let group = groups.entry(key.clone()).or_default();
            if group.is_empty() {
                order.push(key);
            }
            group.push((length, row));
        }
        let mut out = Vec::new();
        for key in order {
            if let Some(rows) = groups.remove(&key) {
                out.extend(self.keep(rows));
            }
        }
        Ok(out)
    }
}

impl Operator for SelectShortest {
    fn next(&mut self, ctx: &mut ExecCtx<'_, '_>) -> Result<Option<Row>> {
        if self.output.is_none() {
            self.output = Some(self.select_all(ctx)?.into_iter());
        }
        Ok(self.output.as_mut().and_then(Iterator::next))
    }
}
