//! `toString(x) STARTS WITH 'lit'` (or `ENDS WITH`, `CONTAINS`, `=`, `<>`) in a column
//! program: the text of an integer or a boolean is written into a small buffer on the
//! stack and tested, with no string made (workload8 string_prefix_rel_whole_type tested
//! `toString(m.year) STARTS WITH '19'` for every relationship of a type through the
//! interpreter). A float's text (`1.0`, `1e20`) and any other kind are left to the
//! interpreter (`Cell::Defer`); a null gives null, as `toString(null)` is null.

use std::fmt::Write;
use std::sync::Arc;

use super::Cell;
use crate::syntax::ast::BinaryOp;

/// The string test of `toString(x) op text`: `op` is one of [`TextTest::takes`].
#[derive(Debug, Clone)]
pub(crate) struct TextTest {
    op: BinaryOp,
    text: Arc<str>,
}

impl TextTest {
    /// The operators a text test takes.
    pub(crate) fn takes(op: BinaryOp) -> bool {
        matches!(op, BinaryOp::StartsWith | BinaryOp::EndsWith | BinaryOp::Contains | BinaryOp::Eq | BinaryOp::Ne)
    }

    pub(crate) fn new(op: BinaryOp, text: Arc<str>) -> TextTest {
        TextTest { op, text }
    }

    /// The test on the text of `value`.
    #[inline]
    pub(crate) fn test(&self, value: Cell) -> Cell {
        let mut buffer = Digits::default();
        let written = match value {
            Cell::Null => return Cell::Null,
            Cell::Int(i) => write!(buffer, "{i}"),
            Cell::Bool(b) => write!(buffer, "{b}"),
            Cell::Float(_) | Cell::Defer => return Cell::Defer,
        };
        if written.is_err() {
            return Cell::Defer;
        }
        let Ok(text) = std::str::from_utf8(buffer.written()) else {
            return Cell::Defer;
        };
        super::cell::boolean(match self.op {
            BinaryOp::StartsWith => text.starts_with(&*self.text),
            BinaryOp::EndsWith => text.ends_with(&*self.text),
            BinaryOp::Contains => text.contains(&*self.text),
            BinaryOp::Eq => text == &*self.text,
            BinaryOp::Ne => text != &*self.text,
            _ => return Cell::Defer,
        })
    }
}

/// Room for the text of any integer (20 characters with its sign) or boolean.
#[derive(Default)]
struct Digits {
    bytes: [u8; 24],
    len: usize,
}

impl Digits {
    fn written(&self) -> &[u8] {
        &self.bytes[..self.len]
    }
}

impl Write for Digits {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        let end = self.len + s.len();
        let room = self.bytes.get_mut(self.len..end).ok_or(std::fmt::Error)?;
        room.copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}
