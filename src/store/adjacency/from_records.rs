//! The adjacency built straight from the relationship records, for the end of a bulk
//! load (issue 16): the same arrays as [`Adjacency::build`], without first copying every
//! live relationship's id, type, start and end into arrays of their own (16 bytes a
//! relationship, on top of the 16 of links being built: the import's peak).
//!
//! Three passes over the records per direction, all types at once: each type's count and
//! span of nodes; each node's count (dense types) or (node, relationship) pairs (sparse
//! ones); then each link put in its place. A record's position is its relationship's id,
//! and the records are read in id order, so each run is in id order as `build` makes it.

use std::collections::HashMap;

use super::{Adjacency, Link, Runs, Side, TypeRuns};
use crate::store::index::BitSet;
use crate::store::{NodeId, RelId, RelRecord};

/// One type's shape in one direction, from the first pass.
#[derive(Clone, Copy)]
struct Shape {
    n: usize,
    lo: u32,
    hi: u32,
}

/// One type's arrays while they are being filled.
enum Filling {
    Empty,
    /// Offsets by node from `base`, and where the next link of each node goes.
    Dense {
        base: u32,
        offsets: Vec<u32>,
        cursor: Vec<u32>,
        links: Vec<Link>,
    },
    /// (node, relationship, far node), to be sorted by node.
    Sparse(Vec<(u32, u32, u32)>),
}

impl Adjacency {
    /// The adjacency of the live relationships among `records` (position = id), types
    /// below `type_bound`; the two directions are built at once on two threads.
    pub(in crate::store) fn from_records(records: &[RelRecord], type_bound: usize) -> Adjacency {
        let out_ends = |r: &RelRecord| (r.start, r.end);
        let in_ends = |r: &RelRecord| (r.end, r.start);
        let (out, inc) = std::thread::scope(|scope| {
            let incoming = scope.spawn(move || side(records, type_bound, in_ends));
            let out = side(records, type_bound, out_ends);
            // A thread that could not run is built here instead.
            let inc = incoming.join().unwrap_or_else(|_| side(records, type_bound, in_ends));
            (out, inc)
        });
        Adjacency { out, inc, removed: BitSet::default(), n_added: 0 }
    }
}

/// Every live record of a type below the bound: its id, type, and its (near, far) ends.
fn live<'a>(
    records: &'a [RelRecord],
    type_bound: usize,
    ends: impl Fn(&RelRecord) -> (NodeId, NodeId) + 'a,
) -> impl Iterator<Item = (u32, usize, u32, u32)> + 'a {
    records.iter().enumerate().filter(move |(_, r)| !r.is_retired() && (r.ty.0 as usize) < type_bound).map(
        move |(i, r)| {
            let (near, far) = ends(r);
            (i as u32, r.ty.0 as usize, near.0, far.0)
        },
    )
}

/// One direction's arrays, `ends` giving each record's (near, far) ends.
fn side(records: &[RelRecord], type_bound: usize, ends: impl Fn(&RelRecord) -> (NodeId, NodeId) + Copy) -> Side {
    let mut shapes = vec![Shape { n: 0, lo: u32::MAX, hi: 0 }; type_bound];
    let mut len = 0;
    for (_, ty, near, _) in live(records, type_bound, ends) {
        let shape = &mut shapes[ty];
        shape.n += 1;
        shape.lo = shape.lo.min(near);
        shape.hi = shape.hi.max(near);
        len += 1;
    }
    let mut filling: Vec<Filling> = shapes.iter().map(|&shape| start_filling(shape)).collect();
    for (id, ty, near, far) in live(records, type_bound, ends) {
        match &mut filling[ty] {
            Filling::Dense { base, offsets, .. } => offsets[(near - *base) as usize + 1] += 1,
            Filling::Sparse(pairs) => pairs.push((near, id, far)),
            Filling::Empty => {}
        }
    }
    for fill in &mut filling {
        if let Filling::Dense { offsets, cursor, .. } = fill {
            for k in 1..offsets.len() {
                offsets[k] += offsets[k - 1];
            }
            *cursor = offsets[..offsets.len() - 1].to_vec();
        }
    }
    for (id, ty, near, far) in live(records, type_bound, ends) {
        if let Filling::Dense { base, cursor, links, .. } = &mut filling[ty] {
            let at = &mut cursor[(near - *base) as usize];
            links[*at as usize] = Link { rel: RelId(id), other: NodeId(far) };
            *at += 1;
        }
    }
    let by_type = filling.into_iter().map(finish_filling).collect();
    Side { by_type, len, added: HashMap::new() }
}

/// A type's arrays to fill: dense over its span of nodes when that span is at most
/// twice its relationships, as `TypeRuns::build` decides.
fn start_filling(shape: Shape) -> Filling {
    if shape.n == 0 {
        return Filling::Empty;
    }
    let width = (shape.hi - shape.lo) as usize + 1;
    if width <= 2 * shape.n {
        let placeholder = Link { rel: RelId(0), other: NodeId(0) };
        Filling::Dense {
            base: shape.lo,
            offsets: vec![0; width + 1],
            cursor: Vec::new(),
            links: vec![placeholder; shape.n],
        }
    } else {
        Filling::Sparse(Vec::with_capacity(shape.n))
    }
}

fn finish_filling(fill: Filling) -> TypeRuns {
    match fill {
        Filling::Empty => TypeRuns::EMPTY,
        Filling::Dense { base, offsets, links, .. } => TypeRuns { runs: Runs::Dense { base, offsets }, links },
        Filling::Sparse(mut pairs) => {
            // Stable: each node's run stays in id order.
            pairs.sort_by_key(|&(near, _, _)| near);
            let (mut nodes, mut offsets) = (Vec::new(), Vec::new());
            let mut links = Vec::with_capacity(pairs.len());
            for (k, &(near, id, far)) in pairs.iter().enumerate() {
                if nodes.last() != Some(&near) {
                    nodes.push(near);
                    offsets.push(k as u32);
                }
                links.push(Link { rel: RelId(id), other: NodeId(far) });
            }
            offsets.push(pairs.len() as u32);
            TypeRuns { runs: Runs::Sparse { nodes, offsets }, links }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::adjacency::RelArrays;
    use crate::store::RelTypeId;

    /// Records of three types over a thousand nodes: one dense type, one spread thin
    /// (sparse), one with self-loops, and retired slots between them.
    fn records() -> Vec<RelRecord> {
        (0..3000u32)
            .map(|i| {
                let (ty, start, end) = match i % 4 {
                    0 => (0, 1 + i % 50, 1 + (i * 7) % 60),
                    1 => (1, 1 + (i * 97) % 999, 1 + (i * 13) % 999),
                    2 => (2, 5 + i % 3, 5 + i % 3),
                    _ => return RelRecord::RETIRED,
                };
                let (ty, start, end) = if i % 1000 == 1 { (1, 900, 3) } else { (ty, start, end) };
                RelRecord { ty: RelTypeId(ty), row: i, start: NodeId(start), end: NodeId(end) }
            })
            .filter(|r| !(r.ty.0 == 1 && r.start.0 % 3 != 0))
            .collect()
    }

    #[test]
    fn the_same_arrays_as_the_general_build() {
        let records = records();
        let (mut ids, mut types, mut starts, mut ends) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        for (i, r) in records.iter().enumerate().filter(|(_, r)| !r.is_retired()) {
            ids.push(i as u32);
            types.push(r.ty.0);
            starts.push(r.start.0);
            ends.push(r.end.0);
        }
        let general = Adjacency::build(1000, 4, &RelArrays { ids: &ids, types: &types, starts: &starts, ends: &ends });
        let lean = Adjacency::from_records(&records, 4);
        assert!(matches!(general.out.by_type[1].runs, Runs::Sparse { .. }), "a sparse type is covered");
        assert!(matches!(general.out.by_type[0].runs, Runs::Dense { .. }), "a dense type is covered");
        assert_eq!(format!("{lean:?}"), format!("{general:?}"));
    }
}
