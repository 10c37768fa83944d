//! The degree figures of the planner's statistics, read for every node rather than a
//! sample: per (type or any type, direction) the mean, quantiles and maximum of the
//! nodes' degrees, and per pair of those keys the mean product of the two degrees (the
//! skew, `NodeStats::co_degrees`).
//!
//! A sample of a thousand nodes misses the few hubs that a skewed type's relationships
//! lead to, and the skew is all about them: at S the sampled E[in·out] of KNOWS came out
//! about thirty times low, and so did every friend-of-friend estimate built on it. A
//! node's degree of one type is the length of its run in the type's CSR (an offset
//! difference), so reading all nodes is one pass over the offsets per type, with no
//! relationship read: a few tens of milliseconds at a million nodes, paid when the
//! statistics are computed (with the rest of them, after the graph changed by a tenth).

use std::collections::HashMap;

use super::stats::{DegreeKey, DegreeStats};
use super::{Direction, Graph, NodeId, RelTypeId};

/// Degrees up to this are counted in a dense histogram; larger ones (hubs, few) listed.
const DENSE_DEGREES: usize = 1 << 12;

/// The degree figures of one set of nodes (a label's, or all).
pub(super) struct DegreeFigures {
    pub degrees: HashMap<DegreeKey, DegreeStats>,
    pub co_degrees: HashMap<(DegreeKey, DegreeKey), f64>,
}

/// Running sums over the nodes read so far. Keys are numbered densely: direction 0
/// (outgoing) or 1 (incoming) times `1 + types`, plus 0 for any type or `1 + type`.
/// Only a node's nonzero degrees are added: the zeros of a key are the nodes read less
/// those that had it, so a graph of many types costs nothing per type a node lacks.
struct Tally {
    types: usize,
    n: usize,
    /// Per key: nodes with a nonzero degree, their sum and the largest.
    nonzero: Vec<usize>,
    sums: Vec<u64>,
    maxima: Vec<usize>,
    /// Per key, how many nodes have each nonzero degree below `DENSE_DEGREES`.
    small: Vec<Vec<u64>>,
    /// Per key, the degrees at or above `DENSE_DEGREES`.
    large: Vec<Vec<usize>>,
    /// Per pair of keys, the sum of the products of the two degrees: in a table of
    /// every pair (`a * keys + b`) when there are few keys, else in a map.
    co_dense: Vec<f64>,
    co_sparse: HashMap<(usize, usize), f64>,
}

/// Up to this many keys (31 types), and for more nodes than pairs, the pairs' sums are
/// a table.
const DENSE_KEYS: usize = 64;

/// The degree figures of `nodes`, each node's degree of each type in each direction
/// read off the adjacency: from each type's offsets when there are few types, else by
/// counting the node's relationships (whichever reads less).
pub(super) fn degree_figures(graph: &Graph, nodes: impl Iterator<Item = NodeId>, count: usize) -> DegreeFigures {
    let types = graph.catalog().rel_types.len();
    let mut tally = Tally::new(types, count);
    let by_offsets = types * graph.node_count() <= graph.rel_count() + graph.node_count();
    let readers: Vec<[Option<_>; 2]> = (0..types)
        .map(|t| {
            let ty = RelTypeId(t as u32);
            [graph.type_reader(Direction::Outgoing, ty), graph.type_reader(Direction::Incoming, ty)]
        })
        .collect();
    let mut per_type = vec![0usize; types];
    let mut touched: Vec<usize> = Vec::new();
    let mut here: Vec<(usize, usize)> = Vec::new();
    for node in nodes {
        here.clear();
        for (d, direction) in [Direction::Outgoing, Direction::Incoming].into_iter().enumerate() {
            let base = d * (1 + types);
            let mut total = 0;
            if by_offsets {
                for (t, pair) in readers.iter().enumerate() {
                    let degree = match &pair[d] {
                        Some(reader) => reader.links(node).len(),
                        None => graph.degree_of_types(node, direction, Some(&[RelTypeId(t as u32)])),
                    };
                    if degree > 0 {
                        here.push((base + 1 + t, degree));
                        total += degree;
                    }
                }
            } else {
                for rel in graph.rels_of(node, direction) {
                    let t = rel.ty.0 as usize;
                    if per_type[t] == 0 {
                        touched.push(t);
                    }
                    per_type[t] += 1;
                }
                for t in touched.drain(..) {
                    here.push((base + 1 + t, per_type[t]));
                    total += per_type[t];
                    per_type[t] = 0;
                }
            }
            if total > 0 {
                here.push((base, total));
            }
        }
        tally.add(&here);
    }
    tally.figures()
}

impl Tally {
    /// For `count` nodes: the pairs' table only when it is small beside them (a small
    /// graph's statistics are taken again after every write).
    fn new(types: usize, count: usize) -> Tally {
        let keys = 2 * (1 + types);
        Tally {
            types,
            n: 0,
            nonzero: vec![0; keys],
            sums: vec![0; keys],
            maxima: vec![0; keys],
            small: vec![Vec::new(); keys],
            large: vec![Vec::new(); keys],
            co_dense: if keys <= DENSE_KEYS && keys * keys <= count { vec![0.0; keys * keys] } else { Vec::new() },
            co_sparse: HashMap::new(),
        }
    }

    fn key(&self, i: usize) -> DegreeKey {
        let direction = if i < 1 + self.types { Direction::Outgoing } else { Direction::Incoming };
        let t = i % (1 + self.types);
        (t.checked_sub(1).map(|t| RelTypeId(t as u32)), direction)
    }

    /// One node's nonzero degrees, by key.
    fn add(&mut self, degrees: &[(usize, usize)]) {
        self.n += 1;
        for &(k, d) in degrees {
            self.nonzero[k] += 1;
            self.sums[k] += d as u64;
            self.maxima[k] = self.maxima[k].max(d);
            if d < DENSE_DEGREES {
                let counts = &mut self.small[k];
                if counts.len() <= d {
                    counts.resize(d + 1, 0);
                }
                counts[d] += 1;
            } else {
                self.large[k].push(d);
            }
        }
        let keys = self.nonzero.len();
        for &(a, da) in degrees {
            for &(b, db) in degrees {
                let product = (da * db) as f64;
                match self.co_dense.get_mut(a * keys + b) {
                    Some(sum) => *sum += product,
                    None => *self.co_sparse.entry((a, b)).or_default() += product,
                }
            }
        }
    }

    /// The figures of every key some node has a relationship of, and of every pair.
    fn figures(mut self) -> DegreeFigures {
        let n = self.n.max(1) as f64;
        let mut degrees = HashMap::new();
        for k in (0..self.nonzero.len()).filter(|&k| self.nonzero[k] > 0) {
            self.large[k].sort_unstable();
            degrees.insert(self.key(k), self.stats(k));
        }
        let keys = self.nonzero.len();
        let dense =
            self.co_dense.iter().enumerate().filter(|(_, s)| **s > 0.0).map(|(i, &s)| ((i / keys, i % keys), s));
        let pairs = dense.chain(self.co_sparse.iter().map(|(&pair, &s)| (pair, s)));
        let co_degrees = pairs.map(|((a, b), sum)| ((self.key(a), self.key(b)), sum / n)).collect();
        DegreeFigures { degrees, co_degrees }
    }

    fn stats(&self, k: usize) -> DegreeStats {
        let n = self.n;
        let zeros = (n - self.nonzero[k]) as u64;
        let quantile = |q: f64| {
            let rank = ((n as f64 * q).ceil() as usize).clamp(1, n.max(1)) as u64;
            if rank <= zeros {
                return 0;
            }
            let mut seen = zeros;
            for (degree, &count) in self.small[k].iter().enumerate() {
                seen += count;
                if seen >= rank {
                    return degree;
                }
            }
            let rest = (rank - seen) as usize;
            self.large[k].get(rest.saturating_sub(1)).copied().unwrap_or(self.maxima[k])
        };
        DegreeStats {
            mean: self.sums[k] as f64 / n.max(1) as f64,
            p50: quantile(0.5),
            p90: quantile(0.9),
            p99: quantile(0.99),
            max: self.maxima[k],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantiles_count_the_nodes_without_relationships_and_the_hubs() {
        // One type: 10 nodes, outgoing degrees 0 ×6, 1, 2, 30, 5000 (a hub past the
        // dense histogram); incoming none.
        let mut tally = Tally::new(1, 10);
        for d in [0, 0, 0, 0, 0, 0, 1, 2, 30, 5000] {
            let degrees: Vec<(usize, usize)> = if d > 0 { vec![(0, d), (1, d)] } else { Vec::new() };
            tally.add(&degrees);
        }
        let figures = tally.figures();
        let out = figures.degrees[&(Some(RelTypeId(0)), Direction::Outgoing)];
        assert!((out.mean - 503.3).abs() < 1e-9);
        assert_eq!((out.p50, out.p90, out.p99, out.max), (0, 30, 5000, 5000));
        assert!(!figures.degrees.contains_key(&(None, Direction::Incoming)));
        let square = figures.co_degrees[&((None, Direction::Outgoing), (None, Direction::Outgoing))];
        assert!((square - (1.0 + 4.0 + 900.0 + 25e6) / 10.0).abs() < 1e-6);
    }
}
