//! UNION and UNION ALL: the rows of each part in turn.

use std::collections::HashSet;

use crate::error::Result;
use crate::exec::{ExecCtx, Operator, Row};

pub struct Union {
    inputs: Vec<Box<dyn Operator>>,
    current: usize,
    all: bool,
    seen: HashSet<Row>,
    held: crate::exec::memory::Held,
}

impl Union {
    pub fn new(inputs: Vec<Box<dyn Operator>>, all: bool) -> Union {
        Union { inputs, current: 0, all, seen: HashSet::new(), held: Default::default() }
    }
}

impl Operator for Union {
    fn next(&mut self, ctx: &mut ExecCtx<'_, '_>) -> Result<Option<Row>> {
        while let Some(input) = self.inputs.get_mut(self.current) {
            match input.next(ctx)? {
                Some(row) if self.all => return Ok(Some(row)),
                Some(row) if self.seen.insert(row.clone()) => {
                    self.held.add_row(&row)?;
                    return Ok(Some(row));
                }
                Some(_) => {}
                None => self.current += 1,
            }
        }
        Ok(None)
    }

    /// Every part rewound, and the rows seen forgotten: an OPTIONAL MATCH's branches run
    /// side by side (`union_optionals`) are one union per input row.
    fn rewind(&mut self) -> bool {
        if !self.inputs.iter_mut().all(|input| input.rewind()) {
            return false;
        }
        self.current = 0;
        self.seen.clear();
        self.held.clear();
        true
    }
}
