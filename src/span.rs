//! Source positions.
//!
//! A [`Span`] is a byte range into the text a statement came from. Positions shown to
//! users are 1-based line and column numbers, counted in characters, computed here
//! from byte offsets only when an error is rendered.

/// A half-open byte range `start..end` into a source text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// This span moved `offset` bytes to the right, for a statement cut out of a larger text.
    pub fn shifted(self, offset: usize) -> Span {
        Span::new(self.start + offset, self.end + offset)
    }

    pub fn len(self) -> usize {
        self.end.saturating_sub(self.start)
    }

    pub fn is_empty(self) -> bool {
        self.len() == 0
    }
}

/// A 1-based line and column (in characters) in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineCol {
    pub line: usize,
    pub column: usize,
}

impl LineCol {
    /// The line and column of byte `offset` in `text`.
    ///
    /// An offset past the end, or inside a multi-byte character, is clamped to the
    /// nearest character boundary before it, so a bad span never panics.
    pub fn of(text: &str, offset: usize) -> LineCol {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let before = &text[..offset];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before[line_start..].chars().count() + 1;
        LineCol { line, column }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_are_one_based_and_count_characters() {
        let text = "MATCH (n)\nRETURN é, m";
        assert_eq!(LineCol::of(text, 0), LineCol { line: 1, column: 1 });
        assert_eq!(LineCol::of(text, 10), LineCol { line: 2, column: 1 });
        // 'm' comes after the two-byte 'é'.
        let m = text.rfind('m').unwrap_or_default();
        assert_eq!(LineCol::of(text, m), LineCol { line: 2, column: 11 });
    }

    #[test]
    fn offsets_out_of_range_are_clamped() {
        assert_eq!(LineCol::of("ab", 99), LineCol { line: 1, column: 3 });
        assert_eq!(LineCol::of("é", 1), LineCol { line: 1, column: 1 });
    }
}
