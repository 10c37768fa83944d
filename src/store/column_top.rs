//! Which entities can rank among the first k by one numeric property, read a column at a
//! time: what `ORDER BY n.weight DESC LIMIT 10` over a whole label needs before any row is
//! made (the executor's `NodeColumnTop`).
//!
//! Each cell becomes a rank, a `u64` that orders as ORDER BY orders the values (smaller
//! ranks first): integers and a decimal column's units by their value, plain floats by
//! their bits made monotone (NaN above every float, `-0.0` equal to `0.0`), a missing value
//! last ascending and first descending. The k-th smallest rank is found with a bounded
//! heap, and the entities whose rank is no worse are kept, ties at the boundary included,
//! so the set kept always holds the first k whatever later keys or ties decide. Two
//! values that order apart never share a rank; two that tie may share one with a null
//! (`i64::MAX` ascending), which only keeps more than needed.

use std::collections::BinaryHeap;

use super::narrow::IntSlice;
use super::properties::{FloatCells, Number, NumberCells, Numbers};
use super::{Graph, NodeId, PropKeyId};

impl Graph {
    /// Keeps in `nodes` (their order kept) those whose `key` is at least as good as the
    /// `keep`-th best among them in ORDER BY's order of `key` (descending when
    /// `descending`; a missing value is null, last ascending and first descending), ties
    /// with it all kept. False, with `nodes` untouched, when the column holds values other
    /// than numbers of one kind (the caller then compares values).
    pub fn retain_top_node_numbers(
        &self,
        key: PropKeyId,
        nodes: &mut Vec<NodeId>,
        keep: usize,
        descending: bool,
    ) -> bool {
        if keep >= nodes.len() {
            return true;
        }
        if keep == 0 {
            nodes.clear();
            return true;
        }
        if !self.node_props.has_column(key) {
            // Every value is null: all tie.
            return true;
        }
        let Some(numbers) = self.node_props.numbers(key) else { return false };
        let ranks = ranks_of(&numbers, nodes, descending);
        retain_best(nodes, &ranks, keep);
        true
    }
}

impl Graph {}

/// Which of `numbers` (one per item, in order; `None` is null) are at least as good as
/// the `keep`-th best in ORDER BY's order (descending when `descending`), ties with it
/// included, as [`Graph::retain_top_node_numbers`] keeps nodes: for numbers computed
/// outside a column (an expression of a node's properties). `None` when they are not all
/// integers or all floats (nulls aside), whose ranks would not compare.
pub fn best_numbers(numbers: &[Option<Number>], keep: usize, descending: bool) -> Option<Vec<bool>> {
    if keep >= numbers.len() {
        return Some(vec![true; numbers.len()]);
    }
    let null = null_rank(descending);
    let flip = if descending { u64::MAX } else { 0 };
    let ints = numbers.iter().all(|n| !matches!(n, Some(Number::Float(_))));
    let floats = numbers.iter().all(|n| !matches!(n, Some(Number::Int(_))));
    if !ints && !floats {
        return None;
    }
    let ranks: Vec<u64> = numbers
        .iter()
        .map(|n| match n {
            None => null,
            Some(Number::Int(i)) => int_rank(*i) ^ flip,
            Some(Number::Float(f)) => float_rank(*f) ^ flip,
        })
        .collect();
    let Some(threshold) = kth_smallest(&ranks, keep) else { return Some(vec![false; numbers.len()]) };
    Some(ranks.iter().map(|&r| r <= threshold).collect())
}

/// The rank of a null: last ascending, first descending.
fn null_rank(descending: bool) -> u64 {
    if descending {
        0
    } else {
        u64::MAX
    }
}

/// An integer's place in ascending order.
#[inline]
fn int_rank(x: i64) -> u64 {
    (x as u64) ^ (1 << 63)
}

/// A float's place in ascending order: NaN above every other float, `-0.0` as `0.0`.
#[inline]
fn float_rank(f: f64) -> u64 {
    if f.is_nan() {
        return u64::MAX - 1;
    }
    let bits = if f == 0.0 { 0 } else { f.to_bits() };
    if bits >> 63 == 1 {
        !bits
    } else {
        bits | (1 << 63)
    }
}

/// Each node's rank for `numbers` (smaller first, in the direction asked).
fn ranks_of(numbers: &Numbers<'_>, nodes: &[NodeId], descending: bool) -> Vec<u64> {
    let null = null_rank(descending);
    let flip = if descending { u64::MAX } else { 0 };
    let rows = nodes.iter().map(|n| numbers.held(n.0));
    match numbers.cells {
        NumberCells::Int(cells) | NumberCells::Float(FloatCells::Decimal { units: cells, .. }) => {
            // A decimal column's units order as its floats do.
            let (base, slice) = cells.slice();
            match slice {
                IntSlice::Byte(v) => int_ranks(v, base, rows, null, flip),
                IntSlice::Short(v) => int_ranks(v, base, rows, null, flip),
                IntSlice::Int(v) => int_ranks(v, base, rows, null, flip),
                IntSlice::Wide(v) => int_ranks(v, 0, rows, null, flip),
            }
        }
        NumberCells::Float(FloatCells::Plain(cells)) => rows
            .map(|row| match row.and_then(|r| cells.get(r as usize)) {
                Some(&f) => float_rank(f) ^ flip,
                None => null,
            })
            .collect(),
    }
}

/// The ranks of integer cells `base + d` at `rows` (`None`: no value).
fn int_ranks<T: Copy + Into<i64>>(
    cells: &[T],
    base: i64,
    rows: impl Iterator<Item = Option<u32>>,
    null: u64,
    flip: u64,
) -> Vec<u64> {
    rows.map(|row| match row.and_then(|r| cells.get(r as usize)) {
        Some(&d) => int_rank(base.wrapping_add(d.into())) ^ flip,
        None => null,
    })
    .collect()
}

/// Keeps the nodes whose rank is at most the `keep`-th smallest (`keep < nodes.len()`).
fn retain_best(nodes: &mut Vec<NodeId>, ranks: &[u64], keep: usize) {
    let Some(threshold) = kth_smallest(ranks, keep) else {
        nodes.clear();
        return;
    };
    let mut i = 0;
    nodes.retain(|_| {
        let kept = ranks[i] <= threshold;
        i += 1;
        kept
    });
}

/// The `k`-th smallest of `ranks` (1-based); `None` for `k` = 0. A max-heap of the `k`
/// best so far: most ranks are worse than its top and cost one comparison.
fn kth_smallest(ranks: &[u64], k: usize) -> Option<u64> {
    if k == 0 {
        return None;
    }
    if k.saturating_mul(8) > ranks.len() {
        let mut copy = ranks.to_vec();
        let (_, kth, _) = copy.select_nth_unstable(k.min(ranks.len()) - 1);
        return Some(*kth);
    }
    let mut heap: BinaryHeap<u64> = ranks[..k].iter().copied().collect();
    for &r in &ranks[k..] {
        if let Some(mut top) = heap.peek_mut() {
            if r < *top {
                *top = r;
            }
        }
    }
    heap.peek().copied()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::column_fold::tests::graph_of;
    use crate::value::Value;
    use std::cmp::Ordering;

    /// The nodes at least as good as the k-th best, by comparing values.
    fn by_values(values: &[Option<Value>], nodes: &[NodeId], keep: usize, descending: bool) -> Vec<NodeId> {
        let value = |i: usize| values[i].clone().unwrap_or(Value::Null);
        let order = |a: &Value, b: &Value| if descending { b.order(a) } else { a.order(b) };
        let mut sorted: Vec<Value> = (0..values.len()).map(value).collect();
        sorted.sort_by(order);
        if keep == 0 {
            return Vec::new();
        }
        let Some(kth) = sorted.get(keep - 1) else { return nodes.to_vec() };
        (0..values.len()).filter(|&i| order(&value(i), kth) != Ordering::Greater).map(|i| nodes[i]).collect()
    }

    #[test]
    fn the_kept_nodes_are_those_no_worse_than_the_kth_by_value() {
        let ints = |xs: &[i64]| xs.iter().map(|&x| Some(Value::Int(x))).collect::<Vec<_>>();
        let floats = |xs: &[f64]| xs.iter().map(|&x| Some(Value::Float(x))).collect::<Vec<_>>();
        let many: Vec<i64> = (0..200).map(|i| (i * 37) % 101 - 50).collect();
        let cases: Vec<Vec<Option<Value>>> = vec![
            ints(&[2008, 1900, 1999, 2008, 1950]),
            ints(&[5, -30_000, 7, 30_000, 7, 7]),
            ints(&[1, i64::MAX, -5, i64::MIN]),
            ints(&many),
            floats(&[0.5764, 0.9062, 0.0, 0.9999, 0.25, 0.9062]),
            floats(&[0.1, f64::NAN, 1.0 / 3.0, -0.0, 0.0, f64::INFINITY, f64::NEG_INFINITY, -2.5]),
            vec![Some(Value::Int(3)), None, Some(Value::Int(-4)), None, Some(Value::Int(3))],
            vec![None, None, None],
        ];
        for values in cases {
            let (graph, key, nodes) = graph_of(&values);
            let numbers: Vec<Option<Number>> = values
                .iter()
                .map(|v| match v {
                    Some(Value::Int(i)) => Some(Number::Int(*i)),
                    Some(Value::Float(f)) => Some(Number::Float(*f)),
                    _ => None,
                })
                .collect();
            for keep in 0..=values.len() + 1 {
                for descending in [false, true] {
                    let mut kept = nodes.clone();
                    assert!(graph.retain_top_node_numbers(key, &mut kept, keep, descending), "{values:?}");
                    let expected = by_values(&values, &nodes, keep, descending);
                    assert_eq!(kept, expected, "{values:?} keep {keep} descending {descending}");
                    // The same numbers computed outside the column keep the same nodes.
                    let Some(mask) = best_numbers(&numbers, keep, descending) else { panic!("{values:?}") };
                    let chosen: Vec<NodeId> = nodes.iter().zip(&mask).filter(|(_, k)| **k).map(|(n, _)| *n).collect();
                    assert_eq!(chosen, expected, "computed {values:?} keep {keep} descending {descending}");
                }
            }
        }
        assert_eq!(best_numbers(&[Some(Number::Int(1)), Some(Number::Float(0.5))], 1, false), None);
    }

    #[test]
    fn a_column_read_for_many_nodes_is_each_node_s_number() {
        let cases: Vec<Vec<Option<Value>>> = vec![
            vec![Some(Value::Int(2008)), None, Some(Value::Int(-30_000)), Some(Value::Int(i64::MAX))],
            vec![Some(Value::Float(0.5764)), Some(Value::Float(f64::NAN)), None, Some(Value::Float(-0.0))],
            vec![Some(Value::Float(0.25)), Some(Value::Float(1.5))],
        ];
        for values in cases {
            let (graph, key, nodes) = graph_of(&values);
            let each: Vec<Option<Number>> = nodes.iter().map(|&n| graph.node_number(n, key)).collect();
            let mut read = Vec::new();
            assert!(graph.node_numbers(key, &nodes, &mut read), "{values:?}");
            assert_eq!(format!("{read:?}"), format!("{each:?}"), "{values:?}");
        }
        let (graph, key, nodes) = graph_of(&[Some(Value::Int(3)), Some(Value::string("a"))]);
        assert!(!graph.node_numbers(key, &nodes, &mut Vec::new()));
    }

    #[test]
    fn a_column_of_mixed_values_is_left_to_the_caller() {
        let values = vec![Some(Value::Int(3)), Some(Value::string("a")), Some(Value::Float(1.5))];
        let (graph, key, nodes) = graph_of(&values);
        let mut kept = nodes.clone();
        assert!(!graph.retain_top_node_numbers(key, &mut kept, 1, false));
        assert_eq!(kept, nodes);
    }
}
