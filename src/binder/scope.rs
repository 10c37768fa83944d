//! Which variables are visible, in which slots, with which static types.

use super::bound::{Slot, Type};

#[derive(Debug, Clone, Default)]
pub struct Scope {
    /// In order of introduction.
    vars: Vec<(String, Slot, Type)>,
}

impl Scope {
    pub fn get(&self, name: &str) -> Option<(Slot, Type)> {
        self.vars.iter().rev().find(|(n, _, _)| n == name).map(|(_, s, t)| (*s, *t))
    }

    pub fn insert(&mut self, name: &str, slot: Slot, ty: Type) {
        self.vars.retain(|(n, _, _)| n != name);
        self.vars.push((name.to_string(), slot, ty));
    }

    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.vars.iter().map(|(n, _, _)| n.as_str())
    }

    pub fn slots(&self) -> Vec<Slot> {
        self.vars.iter().map(|(_, s, _)| *s).collect()
    }

    pub fn entries(&self) -> &[(String, Slot, Type)] {
        &self.vars
    }

    pub fn is_empty(&self) -> bool {
        self.vars.is_empty()
    }
}
