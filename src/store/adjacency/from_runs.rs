//! A type's outgoing layout straight from what a bulk load appended: the start and end
//! node of each relationship, in the order the load appended them (each file's rows by
//! start node, so a type is one ascending run per file that holds it).
//!
//! This is the import's one-pass build: the ends the load appended become the layout's
//! far nodes as they are (a type read from one file is already in start order), the
//! offsets come from counting the starts, and a type appended in several runs is put in
//! (start, append) order by a stable counting sort. No id, type or row is stored per
//! relationship on the way: the ids are consecutive per type, the type is the layout's,
//! and the row of a position is the relationship's rank in append order, which the
//! returned order gives where it is not the position itself.

use super::{span, Adjacency, TypeLayout};

impl Adjacency {
    /// The adjacency of layouts made by [`TypeLayout::of_appended`], numbered one type
    /// after another from 0 (`layouts[t]` being type `t`'s), as a snapshot load makes it
    /// from its layouts; the layouts back when they do not fit `node_bound` or are not
    /// numbered so, which nothing but a mistake makes.
    pub fn from_appended(node_bound: usize, layouts: Vec<TypeLayout>) -> Result<Adjacency, Vec<TypeLayout>> {
        let mut next = 0u64;
        let mut numbered = true;
        for layout in &layouts {
            numbered &= layout.others.is_empty() || layout.first == Some(next as u32);
            next += layout.others.len() as u64;
        }
        let id_bound = u32::try_from(next).ok().filter(|_| numbered);
        let Some(id_bound) = id_bound.filter(|&bound| layouts.iter().all(|l| l.fits(node_bound, bound))) else {
            return Err(layouts);
        };
        // Checked above: every layout fits, and the ids are one stretch per type, in turn.
        Ok(Adjacency::from_layouts(node_bound, id_bound, layouts).unwrap_or_default())
    }
}

impl TypeLayout {
    /// The layout of one type's relationships, `starts[k]` and `ends[k]` the ends of the
    /// `k`-th appended, numbered from `first` in (start, append) order. Also the append
    /// rank at each position, unless it is the position (`starts` already ascending).
    pub fn of_appended(starts: Vec<u32>, ends: Vec<u32>, first: u32) -> (TypeLayout, Option<Vec<u32>>) {
        let n = starts.len().min(ends.len());
        let Some((lo, hi)) = span(starts.iter().copied()) else {
            return (TypeLayout::default(), None);
        };
        let sorted = starts.windows(2).all(|w| w[0] <= w[1]);
        let width = (hi - lo) as usize + 1;
        let mut layout = TypeLayout { first: Some(first), ..TypeLayout::default() };
        let order = if width <= 2 * n {
            // Dense: count each node's relationships; place them only when unsorted.
            let mut offsets = vec![0u32; width + 1];
            for &s in &starts {
                offsets[(s - lo) as usize + 1] += 1;
            }
            for k in 1..offsets.len() {
                offsets[k] += offsets[k - 1];
            }
            let order = (!sorted).then(|| {
                let mut cursor = offsets[..width].to_vec();
                let mut order = vec![0u32; n];
                for (k, &s) in starts.iter().enumerate() {
                    let at = &mut cursor[(s - lo) as usize];
                    order[*at as usize] = k as u32;
                    *at += 1;
                }
                order
            });
            (layout.base, layout.offsets) = (lo, offsets);
            order
        } else {
            // Sparse: a stable sort when unsorted, then each node where its run begins.
            let order = (!sorted).then(|| {
                let mut order: Vec<u32> = (0..n as u32).collect();
                order.sort_by_key(|&k| starts[k as usize]);
                order
            });
            let start_at = |pos: usize| match &order {
                Some(order) => starts[order[pos] as usize],
                None => starts[pos],
            };
            let (mut nodes, mut offsets) = (Vec::new(), Vec::new());
            for pos in 0..n {
                let node = start_at(pos);
                if nodes.last() != Some(&node) {
                    nodes.push(node);
                    offsets.push(pos as u32);
                }
            }
            offsets.push(n as u32);
            nodes.shrink_to_fit();
            offsets.shrink_to_fit();
            (layout.nodes, layout.offsets) = (Some(nodes), offsets);
            order
        };
        drop(starts);
        layout.others = match &order {
            Some(order) => order.iter().map(|&k| ends[k as usize]).collect(),
            None => {
                let mut ends = ends;
                ends.truncate(n);
                ends.shrink_to_fit();
                ends
            }
        };
        (layout, order)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What `of_sorted` makes of the same relationships, ids given in append order.
    fn by_sorting(starts: &[u32], ends: &[u32], first: u32) -> TypeLayout {
        let mut triples: Vec<(u32, u32, u32)> = Vec::new();
        for (k, (&s, &e)) in starts.iter().zip(ends).enumerate() {
            triples.push((s, k as u32, e));
        }
        triples.sort_by_key(|t| (t.0, t.1));
        let mut layout = TypeLayout::of_sorted(&triples);
        // `of_sorted` lists the append ranks as ids; the import numbers in layout order.
        layout.first = Some(first);
        layout.ids = Vec::new();
        layout
    }

    fn check(starts: Vec<u32>, ends: Vec<u32>) {
        let expected = by_sorting(&starts, &ends, 7);
        let (layout, order) = TypeLayout::of_appended(starts.clone(), ends.clone(), 7);
        assert_eq!(layout, expected);
        let order = order.unwrap_or_else(|| (0..starts.len() as u32).collect());
        for (pos, &k) in order.iter().enumerate() {
            assert_eq!(layout.others[pos], ends[k as usize], "position {pos}");
        }
    }

    #[test]
    fn one_sorted_run_keeps_its_ends_as_they_are() {
        check(vec![3, 3, 4, 6, 6, 6], vec![9, 1, 2, 5, 5, 8]);
        let (_, order) = TypeLayout::of_appended(vec![3, 3, 4], vec![1, 2, 3], 0);
        assert!(order.is_none());
    }

    #[test]
    fn several_runs_are_merged_in_start_then_append_order() {
        // Two files' runs, dense over the nodes.
        check(vec![1, 2, 2, 5, 1, 2, 4, 5], vec![10, 11, 12, 13, 14, 15, 16, 17]);
        // Sparse: few relationships over a wide span of nodes.
        check(vec![100, 5000, 9, 100, 7000], vec![1, 2, 3, 4, 5]);
        check(vec![100, 5000, 7000], vec![1, 2, 3]);
    }

    #[test]
    fn no_relationships_make_an_empty_layout() {
        assert_eq!(TypeLayout::of_appended(Vec::new(), Vec::new(), 0), (TypeLayout::default(), None));
    }
}
