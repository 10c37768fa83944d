//! Names interned to small ids: labels, relationship types and property keys.
//!
//! The catalog only grows. A name interned by a statement that later fails stays
//! interned; that is harmless, because nothing refers to it and counts come from data.

use std::collections::HashMap;
use std::sync::Arc;

use super::{LabelId, PropKeyId, RelTypeId};

/// One namespace of interned names, with dense ids in order of first use.
#[derive(Debug, Clone, Default)]
pub struct Interner {
    names: Vec<Arc<str>>,
    ids: HashMap<Arc<str>, u32>,
}

impl Interner {
    pub fn get(&self, name: &str) -> Option<u32> {
        self.ids.get(name).copied()
    }

    pub fn intern(&mut self, name: &str) -> u32 {
        if let Some(id) = self.get(name) {
            return id;
        }
        let id = self.names.len() as u32;
        let name: Arc<str> = name.into();
        self.names.push(name.clone());
        self.ids.insert(name, id);
        id
    }

    pub fn name(&self, id: u32) -> &Arc<str> {
        // Ids only come from this interner, so the index is in range; an out-of-range id
        // is a bug that shows as a visible placeholder rather than a panic.
        static UNKNOWN: std::sync::OnceLock<Arc<str>> = std::sync::OnceLock::new();
        self.names.get(id as usize).unwrap_or_else(|| UNKNOWN.get_or_init(|| "<unknown>".into()))
    }

    pub fn names(&self) -> &[Arc<str>] {
        &self.names
    }

    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// Forgets every name interned after the first `len`: the undo of a failed statement.
    pub fn truncate(&mut self, len: usize) {
        for name in self.names.drain(len.min(self.names.len())..) {
            self.ids.remove(&name);
        }
    }

    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }
}

/// The three namespaces of a graph.
#[derive(Debug, Clone, Default)]
pub struct Catalog {
    pub labels: Interner,
    pub rel_types: Interner,
    pub prop_keys: Interner,
}

impl Catalog {
    /// How many names each namespace holds, to undo interning with [`Catalog::truncate`].
    pub fn lens(&self) -> [usize; 3] {
        [self.labels.len(), self.rel_types.len(), self.prop_keys.len()]
    }

    pub fn truncate(&mut self, lens: [usize; 3]) {
        self.labels.truncate(lens[0]);
        self.rel_types.truncate(lens[1]);
        self.prop_keys.truncate(lens[2]);
    }

    pub fn label(&self, name: &str) -> Option<LabelId> {
        self.labels.get(name).map(LabelId)
    }

    pub fn rel_type(&self, name: &str) -> Option<RelTypeId> {
        self.rel_types.get(name).map(RelTypeId)
    }

    pub fn prop_key(&self, name: &str) -> Option<PropKeyId> {
        self.prop_keys.get(name).map(PropKeyId)
    }

    pub fn label_name(&self, id: LabelId) -> &Arc<str> {
        self.labels.name(id.0)
    }

    pub fn rel_type_name(&self, id: RelTypeId) -> &Arc<str> {
        self.rel_types.name(id.0)
    }

    pub fn prop_key_name(&self, id: PropKeyId) -> &Arc<str> {
        self.prop_keys.name(id.0)
    }

    pub fn intern_label(&mut self, name: &str) -> LabelId {
        LabelId(self.labels.intern(name))
    }

    pub fn intern_rel_type(&mut self, name: &str) -> RelTypeId {
        RelTypeId(self.rel_types.intern(name))
    }

    pub fn intern_prop_key(&mut self, name: &str) -> PropKeyId {
        PropKeyId(self.prop_keys.intern(name))
    }
}
