//! Where the relationships the adjacency's arrays hold are: from an id to its type and
//! its position in that type's outgoing arrays, which is also its row in the type's
//! property table. A bulk load numbers each type's relationships in the order of its
//! arrays, so the locator is a few stretches of ids and the arrays keep no id at all.

use super::{RelArrays, RelIds, Side};
use crate::store::{RelId, RelTypeId};

/// Where the relationships the arrays hold are: each id's type and outgoing position.
#[derive(Debug, Clone, Default)]
pub(super) struct Locator {
    /// Every id below this was handed out when the arrays were built: it is in them, or
    /// was retired before.
    pub(super) bound: u32,
    /// The first id of each stretch of ids whose relationships the arrays hold are all of
    /// one type, and that type, in id order: a few entries after a bulk load.
    stretches: Vec<(u32, RelTypeId)>,
    /// The outgoing position of each id of a type whose ids are listed (`RelIds::Listed`),
    /// `NO_POSITION` for every other id; empty when no type's ids are listed.
    positions: Vec<u32>,
}

const NO_POSITION: u32 = u32::MAX;

impl Locator {
    /// The stretches of `rels` (in id order) and the positions of the listed types' ids.
    pub(super) fn build(rels: &RelArrays<'_>, id_bound: u32, out: &Side) -> Locator {
        let mut stretches: Vec<(u32, RelTypeId)> = Vec::new();
        for (&id, &ty) in rels.ids.iter().zip(rels.types) {
            if stretches.last().is_none_or(|&(_, last)| last.0 != ty) {
                stretches.push((id, RelTypeId(ty)));
            }
        }
        stretches.shrink_to_fit();
        let positions = listed_positions(id_bound, out);
        Locator { bound: id_bound, stretches, positions }
    }

    /// The locator of outgoing arrays built elsewhere (a snapshot's layouts); `None`
    /// when two types claim an id, or an id is not below `id_bound`.
    pub(super) fn of_sides(id_bound: u32, out: &Side) -> Option<Locator> {
        // (first id, how many, type) of each consecutive type and each listed id.
        let mut pieces: Vec<(u32, u32, RelTypeId)> = Vec::new();
        for (ty, runs) in out.by_type.iter().enumerate() {
            let ty = RelTypeId(ty as u32);
            match &runs.ids {
                RelIds::Consecutive { first } if !runs.others.is_empty() => {
                    pieces.push((*first, runs.others.len() as u32, ty));
                }
                RelIds::Consecutive { .. } => {}
                RelIds::Listed(ids) => pieces.extend(ids.iter().map(|id| (id.0, 1, ty))),
            }
        }
        pieces.sort_unstable_by_key(|p| p.0);
        let mut end = 0u64;
        let mut stretches: Vec<(u32, RelTypeId)> = Vec::new();
        for &(first, len, ty) in &pieces {
            if u64::from(first) < end {
                return None;
            }
            end = u64::from(first) + u64::from(len);
            if stretches.last().is_none_or(|&(_, last)| last != ty) {
                stretches.push((first, ty));
            }
        }
        if end > u64::from(id_bound) {
            return None;
        }
        drop(pieces);
        stretches.shrink_to_fit();
        let positions = listed_positions(id_bound, out);
        Some(Locator { bound: id_bound, stretches, positions })
    }

    /// Heap bytes held.
    pub(super) fn heap_bytes(&self) -> usize {
        self.stretches.capacity() * 8 + self.positions.capacity() * 4
    }

    /// The type and outgoing position of relationship `id`, if the arrays hold it.
    #[inline]
    pub(super) fn locate(&self, id: RelId, out: &Side) -> Option<(RelTypeId, u32)> {
        if id.0 >= self.bound {
            return None;
        }
        let i = self.stretches.partition_point(|&(first, _)| first <= id.0).checked_sub(1)?;
        let ty = self.stretches[i].1;
        let runs = out.by_type.get(ty.0 as usize)?;
        let pos = match &runs.ids {
            RelIds::Consecutive { first } => id.0.checked_sub(*first)?,
            RelIds::Listed(_) => *self.positions.get(id.0 as usize)?,
        };
        ((pos as usize) < runs.others.len()).then_some((ty, pos))
    }
}

/// Each listed id's position in its type's outgoing arrays (`NO_POSITION` elsewhere);
/// empty when every type's ids are consecutive, which is the common case after a build.
fn listed_positions(id_bound: u32, out: &Side) -> Vec<u32> {
    let mut positions = Vec::new();
    for runs in &out.by_type {
        if let RelIds::Listed(ids) = &runs.ids {
            if positions.is_empty() {
                positions = vec![NO_POSITION; id_bound as usize];
            }
            for (pos, id) in ids.iter().enumerate() {
                positions[id.0 as usize] = pos as u32;
            }
        }
    }
    positions
}
