//! Provenance of single properties, shared by the binder, the store's schema checks and
//! the functions that read it.
//!
//! A node property `k` carries its own sources and quotes in two companion properties,
//! `k__sources` and `k__quotes` (lists of strings, in the same order: article ids and
//! the words of each that support the value). They are ordinary properties to the
//! store, so they are journalled, snapshotted and exported like any other and need no
//! change to the store's layout; `k__rule` (a string) says how a derived value was worked
//! out, which marks it inferred; `keys()` and `properties()` leave them out, and
//! `sources(n, 'k')` / `quotes(n, 'k')` read them. A relationship is one claim as a
//! whole: its provenance is its own `sources` and `quotes`.
//!
//! In a typed graph a companion of any declared property may be written without being
//! declared. Declaring one (`age__sources LIST<STRING>`) is a rule: every node of the
//! type that has `age` must give it a non-empty `age__sources`; likewise a relationship
//! type that declares `sources` requires every relationship of it to name one.

/// The suffix of the property that holds a property's sources.
pub const SOURCES_SUFFIX: &str = "__sources";
/// The suffix of the property that holds a property's quotes.
pub const QUOTES_SUFFIX: &str = "__quotes";
/// The suffix of the property that says how a derived value was worked out (a date from
/// a weekday); its presence marks the value as inferred.
pub const RULE_SUFFIX: &str = "__rule";

/// Which companion of a property.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Companion {
    Sources,
    Quotes,
    Rule,
}

impl Companion {
    fn suffix(self) -> &'static str {
        match self {
            Companion::Sources => SOURCES_SUFFIX,
            Companion::Quotes => QUOTES_SUFFIX,
            Companion::Rule => RULE_SUFFIX,
        }
    }

    /// The name of this companion of `key`: `age` → `age__sources`.
    pub fn of(self, key: &str) -> String {
        format!("{key}{}", self.suffix())
    }
}

/// The property a companion belongs to: `age__sources` → `age`; None for any other name.
pub fn subject_of(name: &str) -> Option<&str> {
    [SOURCES_SUFFIX, QUOTES_SUFFIX, RULE_SUFFIX]
        .iter()
        .find_map(|suffix| name.strip_suffix(suffix))
        .filter(|subject| !subject.is_empty())
}

/// Whether a property name is a companion (hidden from `keys()` and `properties()`).
pub fn is_companion(name: &str) -> bool {
    subject_of(name).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn companions_name_their_subject() {
        assert_eq!(Companion::Sources.of("age"), "age__sources");
        assert_eq!(subject_of("age__sources"), Some("age"));
        assert_eq!(subject_of("date__quotes"), Some("date"));
        assert_eq!(subject_of("__sources"), None);
        assert_eq!(subject_of("sources"), None);
        assert!(!is_companion("alias_sources"));
    }
}
