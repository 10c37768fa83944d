//! Records of one stored-order fold made on several threads (`stored_rel_split.rs`), each
//! over one range of the type's relationships, put together: every copy has the layout of
//! the one it was made from ([`Places::empty_copy`]), so a record is the same words in
//! each, and merging is a pass down the words.
//!
//! What a record keeps does not depend on the order its relationships came in (that is
//! why the fold may read them in stored order): the relationships and counts add up, the
//! moments add up, and of two extremes the better one is kept (the numbers of a column
//! the fold reads are of one kind, without floats whose equal values differ, so which of
//! two equal ones is kept cannot be seen).

use std::cmp::Ordering;

use super::{halves, number_of, wide, Index, Keeps, Places};

impl Places {
    /// Records for the same input nodes, laid out as these, with nothing folded.
    pub(in crate::exec::ops) fn empty_copy(&self) -> Places {
        let index = match &self.index {
            Index::Dense { base, inputs } => Index::Dense { base: *base, inputs: inputs.clone() },
            Index::ByPlace { place_of } => Index::ByPlace { place_of: place_of.clone() },
        };
        Places {
            nodes: self.nodes.clone(),
            index,
            offsets: self.offsets.clone(),
            stride: self.stride,
            words: vec![0; self.words.len()],
        }
    }

    /// Folds into each record what `other` (an [`Places::empty_copy`] of these, folded
    /// since) holds in it. `keeps` says per aggregate what it keeps, and `wants` for an
    /// extreme which one (`Less`: the least).
    pub(in crate::exec::ops) fn merge(&mut self, other: &Places, (keeps, wants): (&[Keeps], &[Ordering])) {
        debug_assert!(self.stride == other.stride && self.words.len() == other.words.len());
        let stride = self.stride.max(1);
        for (mine, theirs) in self.words.chunks_exact_mut(stride).zip(other.words.chunks_exact(stride)) {
            mine[0] += theirs[0];
            for ((offset, keep), want) in self.offsets.iter().zip(keeps).zip(wants) {
                let Some(at) = *offset else { continue };
                merge_words(*keep, *want, &mut mine[at..], &theirs[at..]);
            }
        }
    }
}

/// One aggregate's words of a record (`mine` and `theirs` start at them) merged.
fn merge_words(keep: Keeps, want: Ordering, mine: &mut [u64], theirs: &[u64]) {
    match keep {
        Keeps::Nothing => {}
        Keeps::Count => mine[0] += theirs[0],
        Keeps::Extreme => {
            let Some(x) = number_of(theirs[0], theirs[1]) else { return };
            let better = number_of(mine[0], mine[1]).is_none_or(|current| order(x, current) == want);
            if better {
                mine[..2].copy_from_slice(&theirs[..2]);
            }
        }
        Keeps::Moments => {
            mine[0] += theirs[0];
            [mine[1], mine[2]] = halves(wide(mine[1], mine[2]).wrapping_add(wide(theirs[1], theirs[2])));
            [mine[3], mine[4]] = halves(wide(mine[3], mine[4]).wrapping_add(wide(theirs[3], theirs[4])));
        }
    }
}

/// The order of two numbers of one column (ints, or decimals: no NaN), as the fold's.
fn order(a: crate::store::Number, b: crate::store::Number) -> Ordering {
    use crate::store::Number;
    match (a, b) {
        (Number::Int(x), Number::Int(y)) => x.cmp(&y),
        (Number::Float(x), Number::Float(y)) => x.partial_cmp(&y).unwrap_or(Ordering::Equal),
        _ => Ordering::Equal,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exec::ops::aggregate_fold::Moments;
    use crate::store::{NodeId, Number};

    const KEEPS: [Keeps; 4] = [Keeps::Count, Keeps::Extreme, Keeps::Moments, Keeps::Extreme];
    const WANTS: [Ordering; 4] = [Ordering::Equal, Ordering::Less, Ordering::Equal, Ordering::Greater];

    /// Folds `(node, x)` pairs into `places`: a row, a count, the least and the greatest
    /// `x`, and its moments.
    fn fold(places: &mut Places, pairs: &[(u32, i64)]) {
        for &(node, x) in pairs {
            let Some(record) = places.record_of(NodeId(node)) else { continue };
            places.add_row(record);
            places.add_count(record, 0, 1);
            places.fold_extreme(record, 1, Number::Int(x), |a, b| order(a, b) == Ordering::Less);
            places.add_moment(record, 2, x);
            places.fold_extreme(record, 3, Number::Int(x), |a, b| order(a, b) == Ordering::Greater);
        }
    }

    /// Per place: its rows, its count, its least, its moments and its greatest.
    type Summary = (u64, u64, Option<Number>, Moments, Option<Number>);

    fn summary(places: &Places) -> Vec<Summary> {
        (0..places.nodes.len())
            .map(|p| {
                (places.rows(p), places.count(p, 0), places.extreme(p, 1), places.moments(p, 2), places.extreme(p, 3))
            })
            .collect()
    }

    #[test]
    fn folding_in_pieces_and_merging_is_folding_at_once() {
        // Dense ids, and ids too spread for records by id (1,000 among them).
        for nodes in [vec![NodeId(9), NodeId(7), NodeId(8)], vec![NodeId(9), NodeId(7), NodeId(8), NodeId(1000)]] {
            let pairs = [(7, 3), (9, -5), (7, 1), (40, 2), (8, 4), (1000, 6), (9, 11), (7, -2), (1000, -6)];
            let mut whole = Places::new(nodes.clone(), 2000, &KEEPS);
            fold(&mut whole, &pairs);
            for cut in 0..=pairs.len() {
                let mut first = Places::new(nodes.clone(), 2000, &KEEPS);
                let mut second = first.empty_copy();
                fold(&mut first, &pairs[..cut]);
                fold(&mut second, &pairs[cut..]);
                first.merge(&second, (&KEEPS, &WANTS));
                assert_eq!(summary(&first), summary(&whole), "cut at {cut}");
            }
        }
    }

    #[test]
    fn an_empty_copy_folds_nothing_and_knows_the_same_inputs() {
        let mut places = Places::new(vec![NodeId(3), NodeId(5)], 10, &KEEPS);
        fold(&mut places, &[(3, 1), (5, 2)]);
        let copy = places.empty_copy();
        assert_eq!(copy.nodes, places.nodes);
        assert_eq!(copy.record_of(NodeId(5)), places.record_of(NodeId(5)));
        assert_eq!(copy.record_of(NodeId(4)), None);
        assert!(summary(&copy).iter().all(|s| s.0 == 0 && s.2.is_none()));
    }
}
