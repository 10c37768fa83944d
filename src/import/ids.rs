//! Imported id → node, per id space (`:ID(Person)`; the unnamed space is `""`).
//!
//! Looking up ends is the relationships' hottest step (twenty million lookups at M, each
//! a cache miss in a hash table of a million entries: a quarter of the import's time in
//! a profile). So ids that are small non-negative integers, the common case, index a
//! dense array of node ids (4 bytes an id, kept at most about twice as long as the ids
//! it holds); other integers go to a hash table (foldhash, not SipHash). With string
//! ids, a string that is a number written plainly (digits, no leading zero) is the same
//! key as that number, since no other string is; other strings go to a table of their
//! own, looked up by the field's text without allocating.

use std::collections::HashMap;

use super::IdType;
use crate::store::{LabelId, NodeId, PropKeyId};
use crate::value::Value;

type Map<K> = HashMap<K, NodeId, foldhash::fast::RandomState>;

/// A slot of the dense array no id has taken.
const FREE: u32 = u32::MAX;

/// How far past the ids held the dense array may grow for a new one.
const DENSE_SLACK: usize = 1 << 16;

/// One id space's nodes.
#[derive(Default)]
pub(super) struct IdMap {
    dense: Vec<u32>,
    numbers: Map<i64>,
    texts: Map<Box<str>>,
    len: usize,
}

/// An id as an id space keys it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Key<'a> {
    Number(i64),
    Text(&'a str),
}

/// Why an id field names no node.
pub(super) enum IdError {
    /// The field is not an integer (`--id-type integer`).
    NotInteger,
    /// No node of the space has it.
    Unknown,
}

#[derive(Default)]
pub(super) struct IdSpaces {
    spaces: HashMap<String, IdMap>,
    /// Each (label, property) an id column was stored under: after the nodes, each
    /// becomes a key with an index, as Kuzu's primary key is (`GraphBuilder::add_key_index`).
    pub keyed: Vec<(LabelId, PropKeyId)>,
}

/// An id read from a nodes file, ready to be entered once its node exists.
pub(super) enum NewId {
    Int(i64),
    Str(Box<str>),
}

impl NewId {
    /// The id read as its type says; `None` if an integer id is not an integer.
    pub fn parse(text: &str, id_type: IdType) -> Option<NewId> {
        match id_type {
            IdType::String => Some(NewId::Str(text.into())),
            IdType::Integer => text.trim().parse().ok().map(NewId::Int),
        }
    }

    /// The value an `id:ID` column stores.
    pub fn value(&self) -> Value {
        match self {
            NewId::Int(i) => Value::Int(*i),
            NewId::Str(s) => Value::string(&**s),
        }
    }

    /// The id as a message names it.
    pub fn text(&self) -> String {
        match self {
            NewId::Int(i) => i.to_string(),
            NewId::Str(s) => s.to_string(),
        }
    }

    fn key(&self) -> Key<'_> {
        match self {
            NewId::Int(i) => Key::Number(*i),
            NewId::Str(s) => text_key(s),
        }
    }
}

/// A string id's key: a plainly written number is that number.
fn text_key(text: &str) -> Key<'_> {
    let bytes = text.as_bytes();
    let plain = !bytes.is_empty()
        && bytes.len() <= 18
        && bytes.iter().all(u8::is_ascii_digit)
        && (bytes.len() == 1 || bytes[0] != b'0');
    match plain.then(|| text.parse::<i64>().ok()).flatten() {
        Some(n) => Key::Number(n),
        None => Key::Text(text),
    }
}

impl IdMap {
    fn get(&self, key: Key<'_>) -> Option<NodeId> {
        match key {
            Key::Number(n) => match usize::try_from(n).ok().and_then(|i| self.dense.get(i)) {
                // A number that came before the array reached it is in the table.
                Some(&FREE) | None if !self.numbers.is_empty() => self.numbers.get(&n).copied(),
                Some(&FREE) | None => None,
                Some(&node) => Some(NodeId(node)),
            },
            Key::Text(text) => self.texts.get(text).copied(),
        }
    }

    fn insert(&mut self, key: Key<'_>, node: NodeId) {
        self.len += 1;
        match key {
            Key::Number(n) => match usize::try_from(n) {
                Ok(i) if i < self.dense.len() => self.dense[i] = node.0,
                Ok(i) if i < 2 * self.len + DENSE_SLACK => {
                    self.dense.resize(i + 1, FREE);
                    self.dense[i] = node.0;
                }
                _ => {
                    self.numbers.insert(n, node);
                }
            },
            Key::Text(text) => {
                self.texts.insert(text.into(), node);
            }
        }
    }

    /// The node `text` names, read as `id_type` says.
    pub fn lookup(&self, text: &str, id_type: IdType) -> Result<NodeId, IdError> {
        let key = match id_type {
            IdType::Integer => Key::Number(text.trim().parse().map_err(|_| IdError::NotInteger)?),
            IdType::String => text_key(text),
        };
        self.get(key).ok_or(IdError::Unknown)
    }
}

impl IdSpaces {
    /// Whether `id` is taken in `space`.
    pub fn contains(&self, space: &str, id: &NewId) -> bool {
        self.spaces.get(space).is_some_and(|map| map.get(id.key()).is_some())
    }

    pub fn insert(&mut self, space: &str, id: NewId, node: NodeId) {
        if !self.spaces.contains_key(space) {
            self.spaces.insert(space.to_string(), IdMap::default());
        }
        if let Some(map) = self.spaces.get_mut(space) {
            map.insert(id.key(), node);
        }
    }

    /// The nodes of `space`, if any file gave it one.
    pub fn space(&self, space: &str) -> Option<&IdMap> {
        self.spaces.get(space)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_numbers_share_a_key_and_other_strings_do_not() {
        assert_eq!(text_key("120"), Key::Number(120));
        assert_eq!(text_key("0"), Key::Number(0));
        for text in ["0120", "+1", "-1", " 1", "1 ", "", "1e3", "12345678901234567890"] {
            assert_eq!(text_key(text), Key::Text(text), "{text:?}");
        }
    }

    #[test]
    fn dense_sparse_and_text_ids_are_all_found() {
        let mut spaces = IdSpaces::default();
        // 200000 comes before the array reaches it, then the array grows past it.
        let ids = [("5", 1), ("0", 2), ("200000", 3), ("9000000000", 4), ("007", 5), ("x", 6), ("-3", 7)];
        for (text, node) in ids {
            let id = NewId::parse(text, IdType::String).unwrap_or(NewId::Int(0));
            assert!(!spaces.contains("", &id));
            spaces.insert("", id, NodeId(node));
        }
        let map = spaces.space("");
        for (text, node) in ids {
            assert!(matches!(map.map(|m| m.lookup(text, IdType::String)), Some(Ok(NodeId(n))) if n == node));
        }
        for i in 6..140_000u32 {
            spaces.insert("", NewId::Int(i64::from(i)), NodeId(100 + i));
        }
        let map = spaces.space("");
        assert!(matches!(map.map(|m| m.lookup("200000", IdType::String)), Some(Ok(NodeId(3)))));
        assert!(matches!(map.map(|m| m.lookup("139999", IdType::String)), Some(Ok(NodeId(140_099)))));
        for missing in ["1", "200001", "9000000001", "y"] {
            assert!(matches!(map.map(|m| m.lookup(missing, IdType::String)), Some(Err(IdError::Unknown))));
        }
        assert!(spaces.space("other").is_none());
        let mut ints = IdSpaces::default();
        ints.insert("", NewId::Int(-3), NodeId(1));
        ints.insert("", NewId::Int(3), NodeId(2));
        let map = ints.space("");
        assert!(matches!(map.map(|m| m.lookup(" 03 ", IdType::Integer)), Some(Ok(NodeId(2)))));
        assert!(matches!(map.map(|m| m.lookup("-3", IdType::Integer)), Some(Ok(NodeId(1)))));
        assert!(matches!(map.map(|m| m.lookup("x", IdType::Integer)), Some(Err(IdError::NotInteger))));
    }
}
