//! Imported id → node, per id space (`:ID(Person)`; the unnamed space is `""`).
//!
//! With integer ids a space maps numbers, so a lookup parses the field and hashes an
//! `i64`; with string ids it maps the text, and a lookup borrows the field's text
//! instead of allocating a key. foldhash rather than SipHash: the relationships of an
//! M import look up twenty million ends.

use std::collections::HashMap;

use super::IdType;
use crate::store::{LabelId, NodeId, PropKeyId};
use crate::value::Value;

type Map<K> = HashMap<K, NodeId, foldhash::fast::RandomState>;

/// One id space's nodes.
enum IdMap {
    Int(Map<i64>),
    Str(Map<Box<str>>),
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
}

impl IdSpaces {
    /// Whether `id` is taken in `space`.
    pub fn contains(&self, space: &str, id: &NewId) -> bool {
        match (self.spaces.get(space), id) {
            (Some(IdMap::Int(map)), NewId::Int(i)) => map.contains_key(i),
            (Some(IdMap::Str(map)), NewId::Str(s)) => map.contains_key(s),
            _ => false,
        }
    }

    pub fn insert(&mut self, space: &str, id: NewId, node: NodeId) {
        if !self.spaces.contains_key(space) {
            let map = match id {
                NewId::Int(_) => IdMap::Int(Map::default()),
                NewId::Str(_) => IdMap::Str(Map::default()),
            };
            self.spaces.insert(space.to_string(), map);
        }
        match (self.spaces.get_mut(space), id) {
            (Some(IdMap::Int(map)), NewId::Int(i)) => {
                map.insert(i, node);
            }
            (Some(IdMap::Str(map)), NewId::Str(s)) => {
                map.insert(s, node);
            }
            _ => {}
        }
    }

    /// The node `text` names in `space`.
    pub fn get(&self, space: &str, text: &str, id_type: IdType) -> Result<NodeId, IdError> {
        let node = match (self.spaces.get(space), id_type) {
            (_, IdType::Integer) => {
                let id: i64 = text.trim().parse().map_err(|_| IdError::NotInteger)?;
                match self.spaces.get(space) {
                    Some(IdMap::Int(map)) => map.get(&id),
                    _ => None,
                }
            }
            (Some(IdMap::Str(map)), IdType::String) => map.get(text),
            _ => None,
        };
        node.copied().ok_or(IdError::Unknown)
    }
}
