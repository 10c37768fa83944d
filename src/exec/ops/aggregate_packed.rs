//! Values packed into four machine words, for the sets of values a DISTINCT aggregate has
//! seen (`count(DISTINCT [a.id, o.id])`): a null, a boolean, an integer, a node or a
//! relationship, or a list of up to three of them. A packed value hashes and compares as
//! 32 bytes, and a set of them frees nothing value by value, where a set of `Value`s
//! hashes each element through Cypher's equivalence and keeps an allocated list per entry.
//!
//! Two values pack to the same words exactly when they are equal in Cypher's sense
//! (`Value`'s `Eq`): integers and floats are equal across kinds (`1 = 1.0`), so no float
//! is packed, and a set holding one leaves packing (`Seen` in `aggregate.rs`).

// The kind of a packed scalar is in the low byte of the first word (a list's elements'
// kinds in the bytes after its length): the tags `group_words.rs` packs grouping keys with,
// of the kinds equal exactly when their words are (no float, no string).
use super::group_words::{FALSE, INT, LIST, NODE, NULL, REL, TRUE};
use crate::store::{NodeId, RelId};
use crate::value::Value;

pub(super) type Packed = [u64; 4];

/// The most elements a packed list holds: one word each after the first.
const MAX_LIST: usize = 3;

/// `value` packed, when it is of a kind that packs.
pub(super) fn pack(value: &Value) -> Option<Packed> {
    match value {
        Value::List(items) => pack_list(items),
        scalar => {
            let (kind, word) = scalar_words(scalar)?;
            Some([kind, word, 0, 0])
        }
    }
}

/// A list of `items` packed, when it is short and each item a scalar that packs.
pub(super) fn pack_list(items: &[Value]) -> Option<Packed> {
    if items.len() > MAX_LIST {
        return None;
    }
    let mut words = [LIST | (items.len() as u64) << 8, 0, 0, 0];
    for (i, item) in items.iter().enumerate() {
        let (kind, word) = scalar_words(item)?;
        words[0] |= kind << (16 + 8 * i);
        words[i + 1] = word;
    }
    Some(words)
}

fn scalar_words(value: &Value) -> Option<(u64, u64)> {
    Some(match value {
        Value::Null => (NULL, 0),
        Value::Bool(false) => (FALSE, 0),
        Value::Bool(true) => (TRUE, 0),
        Value::Int(i) => (INT, *i as u64),
        Value::Node(id) => (NODE, u64::from(id.0)),
        Value::Relationship(id) => (REL, u64::from(id.0)),
        _ => return None,
    })
}

/// The value `words` packs: the inverse of [`pack`].
pub(super) fn unpack(words: &Packed) -> Value {
    let kind = words[0] & 0xff;
    if kind != LIST {
        return scalar(kind, words[1]);
    }
    let len = ((words[0] >> 8) & 0xff) as usize;
    let items = (0..len.min(MAX_LIST)).map(|i| scalar((words[0] >> (16 + 8 * i)) & 0xff, words[i + 1])).collect();
    Value::list(items)
}

fn scalar(kind: u64, word: u64) -> Value {
    match kind {
        FALSE => Value::Bool(false),
        TRUE => Value::Bool(true),
        INT => Value::Int(word as i64),
        NODE => Value::Node(NodeId(word as u32)),
        REL => Value::Relationship(RelId(word as u32)),
        _ => Value::Null,
    }
}

/// `words` in one word, when its kinds (the first word) are known apart: a scalar is its
/// payload; a list of two items whose payloads fit in 32 bits each (ids, small integers:
/// `[a.id, o.id]`) is the two side by side. Among values of one first word, two narrow to
/// the same word exactly when they pack alike, so a DISTINCT set of one first word can
/// keep a word per value, a quarter of the memory.
pub(super) fn narrow(words: &Packed) -> Option<u64> {
    match list_len(words[0]) {
        None | Some(0 | 1) => Some(words[1]),
        Some(2) if words[1] >> 32 == 0 && words[2] >> 32 == 0 => Some(words[1] | words[2] << 32),
        Some(_) => None,
    }
}

/// The packed words `narrow` made `word` of, the first word being `first`.
pub(super) fn widen(first: u64, word: u64) -> Packed {
    match list_len(first) {
        Some(2) => [first, word & 0xffff_ffff, word >> 32, 0],
        _ => [first, word, 0, 0],
    }
}

/// The length of the list the first word `first` packs, `None` for a scalar.
fn list_len(first: u64) -> Option<u64> {
    (first & 0xff == LIST).then_some((first >> 8) & 0xff)
}

/// A node's id packed as [`pack`] packs `Value::Node`.
pub(super) fn pack_node(id: NodeId) -> Packed {
    [NODE, u64::from(id.0), 0, 0]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packed_values_come_back_equal() {
        let values = [
            Value::Null,
            Value::Bool(true),
            Value::Int(-7),
            Value::Node(NodeId(3)),
            Value::list(vec![Value::Int(1), Value::Node(NodeId(2)), Value::Null]),
            Value::list(vec![]),
        ];
        for value in values {
            let packed = pack(&value);
            assert_eq!(packed.map(|w| unpack(&w)), Some(value));
        }
    }

    #[test]
    fn floats_strings_and_long_lists_do_not_pack() {
        assert_eq!(pack(&Value::Float(1.0)), None);
        assert_eq!(pack(&Value::list(vec![Value::Int(1), Value::Float(1.0)])), None);
        assert_eq!(pack(&Value::list(vec![Value::Int(1); 4])), None);
        assert_eq!(pack(&Value::String("a".into())), None);
    }

    #[test]
    fn a_list_and_its_first_element_pack_apart() {
        assert_ne!(pack(&Value::Int(1)), pack(&Value::list(vec![Value::Int(1)])));
        assert_ne!(pack(&Value::list(vec![Value::Int(1)])), pack(&Value::list(vec![Value::Int(1), Value::Null])));
    }

    #[test]
    fn narrowed_values_widen_back_and_stay_apart() {
        let values = [
            Value::list(vec![Value::Int(7), Value::Int(9)]),
            Value::list(vec![Value::Int(9), Value::Int(7)]),
            Value::list(vec![Value::Int(0), Value::Int(0)]),
            Value::Int(-3),
            Value::list(vec![Value::Node(NodeId(4))]),
        ];
        let mut seen = Vec::new();
        for value in values {
            let words = pack(&value).unwrap_or_default();
            let word = narrow(&words);
            assert!(words[0] != 0 && word.is_some(), "{value} packs narrow");
            let word = word.unwrap_or_default();
            assert_eq!(widen(words[0], word), words);
            seen.push((words[0], word));
        }
        let (a, b) = (seen[0], seen[1]);
        assert_ne!(a, b);
        // Payloads past 32 bits, or three items, stay wide.
        let wide = pack(&Value::list(vec![Value::Int(1 << 40), Value::Int(1)]));
        assert_eq!(wide.and_then(|w| narrow(&w)), None);
        let negative = pack(&Value::list(vec![Value::Int(-1), Value::Int(1)]));
        assert_eq!(negative.and_then(|w| narrow(&w)), None);
        let three = pack(&Value::list(vec![Value::Int(1); 3]));
        assert_eq!(three.and_then(|w| narrow(&w)), None);
    }
}
