//! Range indexes, as Neo4j's `CREATE INDEX … FOR (n:Label) ON (n.prop)` makes them, and
//! the registry of every index a user can name: the range indexes and the keys of
//! neo4j-admin imports (whose lookups the hash key index answers, `index.rs`).
//!
//! A range index is an ordered set of (value, entity id) pairs, ordered by the total
//! order of `ORDER BY` (`Value::order`), so that an equality, an `IN` list, a range with
//! one or two bounds and a `STARTS WITH` prefix are each a walk over one stretch of it.
//! A seek hands out candidates: every entity whose value compares as asked, in the
//! order's sense; the planner keeps the condition as a filter after it, so openCypher's
//! comparison (null, NaN, mixed types) has the last word. An index on several properties
//! files an entity only when it holds all of them, under the list of their values.

use std::cmp::Ordering;
use std::collections::BTreeSet;
use std::ops::Bound;
use std::sync::Arc;

use super::{LabelId, PropKeyId, RelTypeId};
use crate::value::Value;

/// What an index covers: the nodes of a label or the relationships of a type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum IndexTarget {
    Node(LabelId),
    Rel(RelTypeId),
}

/// How an index is kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IndexKind {
    /// An ordered set of values (`CREATE INDEX`).
    Range,
    /// The unique key of a neo4j-admin import's id column: the key index (a hash table)
    /// finds its nodes, and a second node with the same value is refused.
    Key,
}

/// One index as a user names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexDef {
    pub name: Arc<str>,
    pub kind: IndexKind,
    pub target: IndexTarget,
    pub keys: Vec<PropKeyId>,
}

/// A value ordered as `ORDER BY` orders it.
#[derive(Debug, Clone)]
struct Ordered(Value);

impl PartialEq for Ordered {
    fn eq(&self, other: &Ordered) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Ordered {}

impl PartialOrd for Ordered {
    fn partial_cmp(&self, other: &Ordered) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Ordered {
    fn cmp(&self, other: &Ordered) -> Ordering {
        self.0.order(&other.0)
    }
}

/// What a seek asks an index for; the values are the ones the query computed.
#[derive(Debug, Clone, PartialEq)]
pub enum IndexSeek {
    /// Values equal to this one.
    Equal(Value),
    /// Values equal to any of these.
    AnyOf(Vec<Value>),
    /// Values between the bounds, of the bounds' own kind (numbers with numbers, strings
    /// with strings).
    Range { lower: Bound<Value>, upper: Bound<Value> },
    /// Strings that start with this text.
    Prefix(String),
}

/// The ordered (value, id) pairs of one range index.
#[derive(Debug, Clone, Default)]
pub struct RangeIndex {
    entries: BTreeSet<(Ordered, u32)>,
}

impl RangeIndex {
    pub fn insert(&mut self, value: Value, id: u32) {
        self.entries.insert((Ordered(value), id));
    }

    pub fn remove(&mut self, value: Value, id: u32) {
        self.entries.remove(&(Ordered(value), id));
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The ids whose value the seek asks for, sorted, each once.
    pub fn seek(&self, seek: &IndexSeek) -> Vec<u32> {
        let mut ids = Vec::new();
        match seek {
            IndexSeek::Equal(value) => self.equal(value, &mut ids),
            IndexSeek::AnyOf(values) => values.iter().for_each(|v| self.equal(v, &mut ids)),
            IndexSeek::Range { lower, upper } => self.range(lower.as_ref(), upper.as_ref(), &mut ids),
            IndexSeek::Prefix(prefix) => self.prefix(prefix, &mut ids),
        }
        ids.sort_unstable();
        ids.dedup();
        ids
    }

    fn equal(&self, value: &Value, ids: &mut Vec<u32>) {
        if value.is_null() {
            return;
        }
        let from = (Ordered(value.clone()), 0);
        let to = (Ordered(value.clone()), u32::MAX);
        ids.extend(self.entries.range(from..=to).map(|(_, id)| *id));
    }

    fn range(&self, lower: Bound<&Value>, upper: Bound<&Value>, ids: &mut Vec<u32>) {
        // The kind of value the bounds compare with: a range never crosses into another.
        let Some(kind) = bound_value(lower).or(bound_value(upper)) else { return };
        if kind.is_null() || bound_value(lower).zip(bound_value(upper)).is_some_and(|(l, u)| !comparable(l, u)) {
            return;
        }
        let from = match lower {
            Bound::Included(v) => Bound::Included((Ordered(v.clone()), 0)),
            Bound::Excluded(v) => Bound::Excluded((Ordered(v.clone()), u32::MAX)),
            Bound::Unbounded => Bound::Unbounded,
        };
        let to = match upper {
            Bound::Included(v) => Bound::Included((Ordered(v.clone()), u32::MAX)),
            Bound::Excluded(v) => Bound::Excluded((Ordered(v.clone()), 0)),
            Bound::Unbounded => Bound::Unbounded,
        };
        if let (Bound::Included((a, _)) | Bound::Excluded((a, _)), Bound::Included((b, _)) | Bound::Excluded((b, _))) =
            (&from, &to)
        {
            if a > b {
                return;
            }
        }
        let stretch = self.entries.range((from, to));
        if matches!(lower, Bound::Unbounded) {
            // Walk down from the upper bound while the values are of its kind.
            let below: Vec<u32> =
                stretch.rev().take_while(|(v, _)| comparable(&v.0, kind)).map(|(_, id)| *id).collect();
            ids.extend(below);
        } else {
            ids.extend(stretch.take_while(|(v, _)| comparable(&v.0, kind)).map(|(_, id)| *id));
        }
    }

    fn prefix(&self, prefix: &str, ids: &mut Vec<u32>) {
        let from = (Ordered(Value::string(prefix)), 0);
        let stretch = self.entries.range(from..);
        ids.extend(
            stretch.take_while(|(v, _)| matches!(&v.0, Value::String(s) if s.starts_with(prefix))).map(|(_, id)| *id),
        );
    }
}

fn bound_value(bound: Bound<&Value>) -> Option<&Value> {
    match bound {
        Bound::Included(v) | Bound::Excluded(v) => Some(v),
        Bound::Unbounded => None,
    }
}

/// Whether two values are of a kind that `<` compares: both numbers, or of one type.
fn comparable(a: &Value, b: &Value) -> bool {
    let number = |v: &Value| matches!(v, Value::Int(_) | Value::Float(_));
    (number(a) && number(b)) || std::mem::discriminant(a) == std::mem::discriminant(b)
}

/// The value an index files an entity under, from the entity's values for the index's
/// keys: the one value, or the list of them; `None` when one is missing.
pub fn index_value(values: Vec<Option<Value>>) -> Option<Value> {
    let mut values: Vec<Value> = values.into_iter().collect::<Option<_>>()?;
    if values.len() == 1 {
        values.pop()
    } else {
        Some(Value::List(values.into()))
    }
}

/// The indexes a user can name, in the order they were made, each range index with its
/// entries.
#[derive(Debug, Clone, Default)]
pub struct Indexes {
    defs: Vec<IndexDef>,
    /// Parallel to `defs`: the entries of a range index (empty for a key).
    trees: Vec<RangeIndex>,
}

impl Indexes {
    pub fn defs(&self) -> &[IndexDef] {
        &self.defs
    }

    pub fn is_empty(&self) -> bool {
        self.defs.is_empty()
    }

    pub fn by_name(&self, name: &str) -> Option<&IndexDef> {
        self.defs.iter().find(|d| &*d.name == name)
    }

    /// The index of this kind on exactly these keys of `target`, if there is one.
    pub fn find(&self, kind: IndexKind, target: IndexTarget, keys: &[PropKeyId]) -> Option<&IndexDef> {
        self.defs.iter().find(|d| d.kind == kind && d.target == target && d.keys == keys)
    }

    /// Adds an index (its entries are the caller's to file).
    pub fn add(&mut self, def: IndexDef) {
        self.defs.push(def);
        self.trees.push(RangeIndex::default());
    }

    pub fn remove(&mut self, name: &str) -> Option<IndexDef> {
        let i = self.defs.iter().position(|d| &*d.name == name)?;
        self.trees.remove(i);
        Some(self.defs.remove(i))
    }

    /// The range indexes over `target`, with their keys and entries.
    pub fn ranges_mut(&mut self, target: IndexTarget) -> impl Iterator<Item = (&[PropKeyId], &mut RangeIndex)> + '_ {
        self.defs
            .iter()
            .zip(self.trees.iter_mut())
            .filter(move |(d, _)| d.kind == IndexKind::Range && d.target == target)
            .map(|(d, t)| (&d.keys[..], t))
    }

    /// Whether some range index over `target` reads `key`.
    pub fn reads(&self, target: IndexTarget, key: PropKeyId) -> bool {
        self.defs.iter().any(|d| d.kind == IndexKind::Range && d.target == target && d.keys.contains(&key))
    }

    /// The range index over `target` whose only key is `key`.
    pub fn single(&self, target: IndexTarget, key: PropKeyId) -> Option<&RangeIndex> {
        let i = self
            .defs
            .iter()
            .position(|d| d.kind == IndexKind::Range && d.target == target && d.keys.as_slice() == [key])?;
        self.trees.get(i)
    }

    /// The range index named `name`, for filling.
    pub fn tree_mut(&mut self, name: &str) -> Option<&mut RangeIndex> {
        let i = self.defs.iter().position(|d| &*d.name == name)?;
        self.trees.get_mut(i)
    }

    pub fn entries(&self, name: &str) -> usize {
        self.defs.iter().position(|d| &*d.name == name).and_then(|i| self.trees.get(i)).map_or(0, RangeIndex::len)
    }
}

/// Neo4j's default name for an index: `index_` and eight hex digits of a hash of what it
/// covers, so that the same index gets the same name in every database.
pub fn default_name(kind: IndexKind, target_name: &str, rel: bool, key_names: &[&str]) -> String {
    // FNV-1a: stable across runs and platforms, unlike the standard hasher.
    let mut hash: u32 = 0x811c_9dc5;
    let kind = match kind {
        IndexKind::Range => "range",
        IndexKind::Key => "key",
    };
    let text = format!("{kind}|{}|{target_name}|{}", if rel { "rel" } else { "node" }, key_names.join(","));
    for byte in text.bytes() {
        hash ^= u32::from(byte);
        hash = hash.wrapping_mul(0x0100_0193);
    }
    format!("index_{hash:08x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index_of(values: &[(Value, u32)]) -> RangeIndex {
        let mut index = RangeIndex::default();
        for (v, id) in values {
            index.insert(v.clone(), *id);
        }
        index
    }

    fn range(lower: Bound<Value>, upper: Bound<Value>) -> IndexSeek {
        IndexSeek::Range { lower, upper }
    }

    #[test]
    fn seeks_find_what_the_comparison_keeps_of_one_kind() {
        let index = index_of(&[
            (Value::Int(1), 1),
            (Value::Float(2.5), 2),
            (Value::Int(3), 3),
            (Value::Int(3), 4),
            (Value::string("apple"), 5),
            (Value::string("apricot"), 6),
            (Value::string("banana"), 7),
            (Value::Bool(true), 8),
        ]);
        assert_eq!(index.seek(&IndexSeek::Equal(Value::Float(3.0))), vec![3, 4]);
        assert_eq!(index.seek(&IndexSeek::Equal(Value::Null)), Vec::<u32>::new());
        assert_eq!(index.seek(&IndexSeek::AnyOf(vec![Value::Int(1), Value::string("banana")])), vec![1, 7]);
        assert_eq!(index.seek(&range(Bound::Excluded(Value::Int(1)), Bound::Unbounded)), vec![2, 3, 4]);
        assert_eq!(index.seek(&range(Bound::Unbounded, Bound::Excluded(Value::Int(3)))), vec![1, 2]);
        assert_eq!(
            index.seek(&range(Bound::Included(Value::Int(1)), Bound::Included(Value::Int(3)))),
            vec![1, 2, 3, 4]
        );
        assert_eq!(
            index.seek(&range(Bound::Included(Value::Int(3)), Bound::Included(Value::Int(1)))),
            Vec::<u32>::new()
        );
        assert_eq!(index.seek(&range(Bound::Excluded(Value::string("apple")), Bound::Unbounded)), vec![6, 7]);
        assert_eq!(index.seek(&range(Bound::Unbounded, Bound::Included(Value::string("b")))), vec![5, 6]);
        assert_eq!(
            index.seek(&range(Bound::Included(Value::Int(1)), Bound::Included(Value::string("z")))),
            Vec::<u32>::new()
        );
        assert_eq!(index.seek(&IndexSeek::Prefix("ap".into())), vec![5, 6]);
        assert_eq!(index.seek(&IndexSeek::Prefix(String::new())), vec![5, 6, 7]);
    }

    #[test]
    fn a_removed_entry_is_gone_and_names_are_stable() {
        let mut index = index_of(&[(Value::Int(1), 1), (Value::Int(1), 2)]);
        index.remove(Value::Float(1.0), 1);
        assert_eq!(index.seek(&IndexSeek::Equal(Value::Int(1))), vec![2]);
        let a = default_name(IndexKind::Range, "Person", false, &["name"]);
        assert_eq!(a, default_name(IndexKind::Range, "Person", false, &["name"]));
        assert_ne!(a, default_name(IndexKind::Range, "Person", true, &["name"]));
        assert!(a.starts_with("index_") && a.len() == 14);
    }
}
