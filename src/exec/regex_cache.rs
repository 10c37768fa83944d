//! Compiled regular expressions for `=~`, kept per thread by their pattern.
//!
//! `n.name =~ 'A.*'` over a label compares every node with one pattern; compiling it
//! for each row cost far more than the match itself (6 s for 60,000 people at S, where
//! Kuzu takes 35 ms). The cache keeps the last few patterns compiled, so a constant
//! pattern is compiled once per statement and thread, and a pattern that changes from row
//! to row (`=~ x.pattern`) still works, only without the saving.

use std::cell::RefCell;

use regex::Regex;

/// How many distinct patterns are kept; past it the oldest is dropped.
const MAX_PATTERNS: usize = 16;

thread_local! {
    /// Anchored patterns with what they compiled to, the most recently used last.
    static COMPILED: RefCell<Vec<(String, Regex)>> = const { RefCell::new(Vec::new()) };
}

/// Whether all of `text` matches `pattern` (openCypher's `=~` matches the whole string),
/// or the regex crate's error when the pattern does not compile.
pub fn matches_whole(pattern: &str, text: &str) -> Result<bool, regex::Error> {
    COMPILED.with(|cell| {
        let mut compiled = cell.borrow_mut();
        if let Some(at) = compiled.iter().position(|(p, _)| p == pattern) {
            let res = compiled[at].1.is_match(text);
            let last = compiled.len() - 1;
            compiled.swap(at, last);
            return Ok(res);
        }
        let regex = Regex::new(&format!("^(?:{pattern})$"))?;
        let res = regex.is_match(text);
        if compiled.len() >= MAX_PATTERNS {
            compiled.remove(0);
        }
        compiled.push((pattern.to_string(), regex));
        Ok(res)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_the_whole_string_only() {
        assert_eq!(matches_whole("Person 1[0-9]*7", "Person 1007").ok(), Some(true));
        assert_eq!(matches_whole("Person 1[0-9]*7", "Person 10071").ok(), Some(false));
        assert_eq!(matches_whole("a|b", "ab").ok(), Some(false));
    }

    #[test]
    fn a_cached_pattern_answers_as_a_fresh_one() {
        for _ in 0..3 {
            assert_eq!(matches_whole("x+", "xxx").ok(), Some(true));
            assert_eq!(matches_whole("x+", "xy").ok(), Some(false));
        }
    }

    #[test]
    fn more_patterns_than_kept_still_match() {
        for i in 0..(MAX_PATTERNS * 2) {
            let pattern = format!("p{i}");
            assert_eq!(matches_whole(&pattern, &pattern).ok(), Some(true));
        }
        assert_eq!(matches_whole("p0", "p0").ok(), Some(true));
    }

    #[test]
    fn a_bad_pattern_is_an_error() {
        assert!(matches_whole("(", "x").is_err());
    }
}
