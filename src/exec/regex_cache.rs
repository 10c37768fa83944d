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
        let regex = compile_whole(pattern)?;
        let res = regex.is_match(text);
        if compiled.len() >= MAX_PATTERNS {
            compiled.remove(0);
        }
        compiled.push((pattern.to_string(), regex));
        Ok(res)
    })
}

/// `pattern` compiled to match a whole string, as `=~` matches.
pub fn compile_whole(pattern: &str) -> Result<Regex, regex::Error> {
    Regex::new(&format!("^(?:{pattern})$"))
}

/// A literal every string matching all of `pattern` starts with (`Person 1` of
/// `Person 1[0-9]*7`), so a string without it is refused by one comparison. It is the
/// pattern's leading run of plain characters, less its last when a quantifier follows
/// (`ab*`: only `a` is certain), and empty when the pattern has an alternation anywhere
/// (`a|b` starts with neither for sure) or opens with anything but a plain character
/// (a group, an inline flag such as `(?i)`, an escape, a class).
pub fn literal_prefix(pattern: &str) -> &str {
    if pattern.contains('|') {
        return "";
    }
    // Spaces and `#` are plain here: verbose mode needs a flag, which opens with `(`.
    let special = |c: char| "\\.+*?()|[]{}^$".contains(c);
    let end = pattern.find(special).unwrap_or(pattern.len());
    let prefix = &pattern[..end];
    match pattern[end..].chars().next() {
        Some('*' | '?' | '+' | '{') => match prefix.char_indices().last() {
            Some((last, _)) => &prefix[..last],
            None => "",
        },
        _ => prefix,
    }
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
    fn the_literal_prefix_starts_every_match() {
        assert_eq!(literal_prefix("Person 1[0-9]*7"), "Person 1");
        assert_eq!(literal_prefix("Org.*"), "Org");
        assert_eq!(literal_prefix("abc*"), "ab");
        assert_eq!(literal_prefix("ab{2}"), "a");
        assert_eq!(literal_prefix("a|b"), "");
        assert_eq!(literal_prefix("(?i)abc"), "");
        assert_eq!(literal_prefix("\\d+"), "");
        assert_eq!(literal_prefix("élan+"), "éla");
        assert_eq!(literal_prefix("exact"), "exact");
        // Whatever the prefix, a string that matches starts with it.
        for (pattern, text) in [("Person 1[0-9]*7", "Person 1007"), ("abc*", "ab"), ("ab{2}", "abb")] {
            assert_eq!(matches_whole(pattern, text).ok(), Some(true));
            assert!(text.starts_with(literal_prefix(pattern)));
        }
    }

    #[test]
    fn a_bad_pattern_is_an_error() {
        assert!(matches_whole("(", "x").is_err());
    }
}
