//! Statistics for the planner, drawn from a sample of the graph: per label (and for all
//! nodes), the degree per relationship type and direction and figures per property; per
//! relationship type, the labels at its two ends and figures per property.
//!
//! Counts per label and per type are exact and kept by the graph itself; these figures
//! are estimates. They are computed lazily, the first time a plan asks after the graph
//! changed by more than a fraction of its size (`Graph::statistics`), from at most
//! `SAMPLE` nodes per label and `4 × SAMPLE` relationships overall, so that opening a
//! database and planning the first query stays cheap at any size (a few milliseconds
//! at a million nodes). Small graphs (up to `SAMPLE` nodes per label) are read whole, so
//! their figures are exact. Degrees and their skew are read for every node, off the
//! adjacency's offsets (`degree_tally.rs`): a sample misses the hubs the skew is about.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex};

use super::degree_tally::{degree_figures, DegreeFigures};
use super::{Direction, Graph, LabelId, NodeId, PropKeyId, RelId, RelTypeId};
use crate::value::Value;

/// The most nodes read per label (and for all nodes); four times as many relationships
/// are read overall. A thousand keeps the first plan after opening a database of a
/// million relationships at a few milliseconds.
const SAMPLE: usize = 1024;
/// A graph of fewer nodes and relationships than this is re-read on any change.
const TINY: usize = 1000;
/// The bounds kept per property for ranges: an equi-depth histogram of this many buckets.
const BUCKETS: usize = 32;
/// The strings kept per property for ENDS WITH, CONTAINS and `=~`.
const TEXT_SAMPLE: usize = 128;

/// What a sample says about one property of one label or type.
#[derive(Debug, Clone, PartialEq)]
pub struct PropertyStats {
    /// Distinct non-null values among the label's nodes (or the type's relationships).
    pub distinct: f64,
    /// The fraction of nodes (relationships) without the property.
    pub null_fraction: f64,
    pub min: Option<Value>,
    pub max: Option<Value>,
    /// Equi-depth bounds of the non-null values in `Value::order`: about the same number
    /// of values falls between any two neighbours.
    pub bounds: Vec<Value>,
    /// Up to `TEXT_SAMPLE` of the sampled strings, spread over the sample: what a suffix,
    /// a substring or a pattern keeps is read off them, as no ordering tells it.
    pub texts: Vec<Arc<str>>,
}

/// Relationships per node of a label, of a type (or any) in one direction.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct DegreeStats {
    pub mean: f64,
    pub p50: usize,
    pub p90: usize,
    pub p99: usize,
    pub max: usize,
}

/// Figures for the nodes of one label (`None`: all nodes).
#[derive(Debug, Clone, Default)]
pub struct NodeStats {
    pub sampled: usize,
    pub properties: HashMap<PropKeyId, PropertyStats>,
    /// Per (type, or any type when `None`, and direction Outgoing/Incoming).
    pub degrees: HashMap<(Option<RelTypeId>, Direction), DegreeStats>,
    /// Per pair of those keys, the mean over the nodes of the product of the two degrees
    /// (E[a·b]; a key with itself: E[a²]): how far a node reached by one kind of
    /// relationship is likely a hub in the other (the planner's skew).
    pub co_degrees: HashMap<(DegreeKey, DegreeKey), f64>,
}

/// A degree's type (any when `None`) and direction (Outgoing or Incoming).
pub type DegreeKey = (Option<RelTypeId>, Direction);

/// Figures for the relationships of one type.
#[derive(Debug, Clone, Default)]
pub struct RelStats {
    pub sampled: usize,
    pub properties: HashMap<PropKeyId, PropertyStats>,
    /// The estimated number of relationships per (a label of the start node, a label of
    /// the end node); `None` stands for any node.
    pub endpoints: HashMap<LabelPair, f64>,
}

/// The sampled figures of a whole graph, and when they were taken.
#[derive(Debug, Clone, Default)]
pub struct GraphStats {
    /// `Graph::changes` when computed.
    pub changes_at: u64,
    pub nodes: HashMap<Option<LabelId>, NodeStats>,
    pub rels: HashMap<RelTypeId, RelStats>,
}

/// The last computed [`GraphStats`], shared by clones of the graph.
#[derive(Debug, Default)]
pub(super) struct StatsCache(Mutex<Option<Arc<GraphStats>>>);

impl Clone for StatsCache {
    fn clone(&self) -> StatsCache {
        StatsCache(Mutex::new(self.0.lock().ok().and_then(|c| c.clone())))
    }
}

impl Graph {
    /// The sampled statistics, recomputed when the graph changed by more than a tenth of
    /// its size since they were taken (on any change while it is tiny, where reading it
    /// whole costs microseconds).
    pub fn statistics(&self) -> Arc<GraphStats> {
        let size = self.node_count() + self.rel_count();
        let allowed = if size < TINY { 0 } else { size as u64 / 10 };
        let Ok(mut cache) = self.stats_cache.0.lock() else {
            return Arc::new(GraphStats::compute(self));
        };
        if let Some(stats) = cache.as_ref() {
            if self.changes.saturating_sub(stats.changes_at) <= allowed {
                return Arc::clone(stats);
            }
        }
        let stats = Arc::new(GraphStats::compute(self));
        *cache = Some(Arc::clone(&stats));
        stats
    }

    /// Counts one change to the data, for the statistics' staleness.
    pub(super) fn changed(&mut self) {
        self.changes += 1;
    }
}

impl GraphStats {
    pub fn compute(graph: &Graph) -> GraphStats {
        let mut nodes = HashMap::new();
        nodes.insert(None, node_stats(graph, sample_all_nodes(graph), graph.node_ids(), graph.node_count()));
        for label in (0..graph.catalog().labels.len()).map(|i| LabelId(i as u32)) {
            let count = graph.label_count(label);
            if count > 0 {
                let sample = graph.nodes_with_label(label).step_by(stride(count)).take(SAMPLE).collect();
                nodes.insert(Some(label), node_stats(graph, sample, graph.nodes_with_label(label), count));
            }
        }
        GraphStats { changes_at: graph.changes, nodes, rels: rel_stats(graph) }
    }
}

fn stride(count: usize) -> usize {
    count.div_ceil(SAMPLE).max(1)
}

/// Live nodes evenly spread over the id range.
fn sample_all_nodes(graph: &Graph) -> Vec<NodeId> {
    let bound = graph.node_id_bound() as usize;
    let step = stride(bound);
    (0..bound).step_by(step).map(|i| NodeId(i as u32)).filter(|&n| graph.contains_node(n)).collect()
}

/// The figures of a set of `count` nodes: its properties from `sample`, its degrees and
/// their skew from every node of it (`nodes`; see `degree_tally.rs` for why).
fn node_stats(graph: &Graph, sample: Vec<NodeId>, nodes: impl Iterator<Item = NodeId>, count: usize) -> NodeStats {
    let mut values: HashMap<PropKeyId, Vec<Value>> = HashMap::new();
    for &node in &sample {
        for (key, value) in graph.node_properties(node) {
            values.entry(key).or_default().push(value);
        }
    }
    let n = sample.len();
    let DegreeFigures { degrees, co_degrees } = degree_figures(graph, nodes, count);
    NodeStats {
        sampled: n,
        properties: values.into_iter().map(|(k, v)| (k, property_stats(v, n, count))).collect(),
        degrees,
        co_degrees,
    }
}

/// Figures for a property from the non-null `values` found on `sampled` of `total`
/// owners. Distinct values are extrapolated from the sample with the GEE estimator
/// (Charikar et al.): values seen once stand for √(total/sampled) each, the others for
/// themselves; a sample that is all unique stays all unique.
fn property_stats(mut values: Vec<Value>, sampled: usize, total: usize) -> PropertyStats {
    let present = values.len();
    let null_fraction = 1.0 - present as f64 / sampled.max(1) as f64;
    let mut seen: HashMap<&Value, usize> = HashMap::new();
    for v in &values {
        *seen.entry(v).or_default() += 1;
    }
    let d = seen.len() as f64;
    let once = seen.values().filter(|&&c| c == 1).count() as f64;
    let owners = total as f64 * (1.0 - null_fraction);
    let scale = (owners / present.max(1) as f64).max(1.0);
    let distinct = if once == d { owners } else { (scale.sqrt() * once + (d - once)).min(owners) };
    let texts = text_sample(&values);
    values.sort_by(|a, b| a.order(b));
    let bounds = (0..=BUCKETS)
        .filter_map(|i| values.get((i * present.saturating_sub(1)) / BUCKETS).cloned())
        .collect::<Vec<_>>();
    PropertyStats {
        distinct: distinct.max(if present > 0 { 1.0 } else { 0.0 }),
        null_fraction,
        min: values.first().cloned(),
        max: values.last().cloned(),
        bounds: dedup_adjacent(bounds),
        texts,
    }
}

/// Up to `TEXT_SAMPLE` strings of `values`, taken at an even stride (the values come in
/// the sample's order, itself spread over the ids).
fn text_sample(values: &[Value]) -> Vec<Arc<str>> {
    let texts: Vec<&Arc<str>> = values
        .iter()
        .filter_map(|v| match v {
            Value::String(s) => Some(s),
            _ => None,
        })
        .collect();
    let step = texts.len().div_ceil(TEXT_SAMPLE).max(1);
    texts.into_iter().step_by(step).cloned().collect()
}

fn dedup_adjacent(mut bounds: Vec<Value>) -> Vec<Value> {
    bounds.dedup_by(|a, b| a.order(b).is_eq());
    bounds
}

/// A label at a relationship's start and one at its end (`None`: any node).
type LabelPair = (Option<LabelId>, Option<LabelId>);

/// Relationships evenly spread over the id range: their properties per type, and the
/// labels at their ends, scaled up to each type's count.
#[allow(clippy::type_complexity)] // per type, per (start label, end label): a count
fn rel_stats(graph: &Graph) -> HashMap<RelTypeId, RelStats> {
    let bound = graph.rel_id_bound() as usize;
    let step = stride(bound / 4).max(1);
    let mut values: HashMap<RelTypeId, HashMap<PropKeyId, Vec<Value>>> = HashMap::new();
    let mut ends: HashMap<RelTypeId, HashMap<LabelPair, usize>> = HashMap::new();
    let mut sampled: HashMap<RelTypeId, usize> = HashMap::new();
    for i in (0..bound).step_by(step) {
        let Some(rel) = graph.rel(RelId(i as u32)) else { continue };
        *sampled.entry(rel.ty).or_default() += 1;
        for (key, value) in graph.rel_properties(rel.id) {
            values.entry(rel.ty).or_default().entry(key).or_default().push(value);
        }
        // Each label of a node, and `None` for any node.
        let labels_of = |n: NodeId| -> Vec<Option<LabelId>> {
            graph.node_labels(n).iter().copied().map(Some).chain([None]).collect()
        };
        let (starts, ends_of) = (labels_of(rel.start), labels_of(rel.end));
        let pairs: HashSet<_> = starts.iter().flat_map(|s| ends_of.iter().map(move |e| (*s, *e))).collect();
        for pair in pairs {
            *ends.entry(rel.ty).or_default().entry(pair).or_default() += 1;
        }
    }
    sampled
        .into_iter()
        .map(|(ty, n)| {
            let total = graph.rel_type_count(ty);
            let scale = total as f64 / n.max(1) as f64;
            let props = values.remove(&ty).unwrap_or_default();
            let endpoints = ends.remove(&ty).unwrap_or_default();
            let stats = RelStats {
                sampled: n,
                properties: props.into_iter().map(|(k, v)| (k, property_stats(v, n, total))).collect(),
                endpoints: endpoints.into_iter().map(|(k, c)| (k, c as f64 * scale)).collect(),
            };
            (ty, stats)
        })
        .collect()
}

impl PropertyStats {
    /// A property no sampled owner has.
    pub fn absent() -> PropertyStats {
        PropertyStats { distinct: 0.0, null_fraction: 1.0, min: None, max: None, bounds: Vec::new(), texts: Vec::new() }
    }

    /// The fraction of the non-null values that are strings passing `test`, from the
    /// sampled strings; `None` without any. Half a hit is added to the hits (and one to
    /// the strings), so that a test no sampled string passes is rare, not impossible.
    pub fn fraction_of_texts(&self, test: impl Fn(&str) -> bool) -> Option<f64> {
        if self.texts.is_empty() {
            return None;
        }
        let hits = self.texts.iter().filter(|t| test(t)).count();
        Some((hits as f64 + 0.5) / (self.texts.len() as f64 + 1.0))
    }

    /// The fraction of non-null values `v` with `v < value` (or `<=` when `inclusive`),
    /// read off the histogram's bounds.
    pub fn fraction_below(&self, value: &Value, inclusive: bool) -> f64 {
        let n = self.bounds.len();
        if n == 0 {
            return 0.5;
        }
        let below = self
            .bounds
            .iter()
            .filter(|b| {
                let o = b.order(value);
                o.is_lt() || (inclusive && o.is_eq())
            })
            .count();
        if n == 1 {
            return below as f64;
        }
        // `below` bounds lie under the value: it falls in bucket below-1 of n-1.
        (below as f64 / n as f64).clamp(0.0, 1.0)
    }

    /// The fraction of the values from `low` (inclusive) to `high` (inclusive), from the
    /// bounds. A range that falls inside one bucket (between two neighbouring bounds) and
    /// within min..max is guessed at half a bucket, not nothing: a narrow range of many
    /// values (`name STARTS WITH 'Person 12'`) is not a missing one.
    pub fn fraction_between(&self, low: &Value, high: &Value) -> f64 {
        let range = self.fraction_below(high, true) - self.fraction_below(low, false);
        let n = self.bounds.len();
        let overlaps = self.min.as_ref().is_some_and(|min| min.order(high).is_le())
            && self.max.as_ref().is_some_and(|max| max.order(low).is_ge());
        if range <= 0.0 && overlaps && n > 1 {
            0.5 / n as f64
        } else {
            range.max(0.0)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sampled_texts_tell_what_a_suffix_or_a_substring_keeps() {
        let names: Vec<Value> = (0..6000).map(|i| Value::String(format!("Person {i}").into())).collect();
        let stats = property_stats(names, 6000, 6000);
        assert_eq!(stats.texts.len(), TEXT_SAMPLE.min(6000));
        let suffix = stats.fraction_of_texts(|s| s.ends_with('7')).unwrap();
        assert!((0.05..0.2).contains(&suffix), "{suffix}");
        let rare = stats.fraction_of_texts(|s| s.ends_with("4242")).unwrap();
        assert!(rare < 0.01, "{rare}");
        let every = stats.fraction_of_texts(|s| s.contains("Person")).unwrap();
        assert!(every > 0.99, "{every}");
        let numbers = property_stats((0..100).map(Value::Int).collect(), 100, 100);
        assert_eq!(numbers.fraction_of_texts(|_| true), None);
    }

    #[test]
    fn a_narrow_range_inside_one_bucket_is_half_a_bucket() {
        let names = (0..6000).map(|i| Value::String(format!("Person {i}").into())).collect();
        let p = property_stats(names, 6000, 6000);
        let prefix = |s: &str| (Value::String(s.into()), Value::String(format!("{s}\u{10FFFF}").into()));
        let (low, high) = prefix("Person 12");
        // 111 of 6000 names (1.9 %) start with it.
        let guess = p.fraction_between(&low, &high);
        assert!(guess > 0.005 && guess < 0.05, "{guess}");
        // Outside min..max it stays nothing.
        let (low, high) = prefix("Q");
        assert_eq!(p.fraction_between(&low, &high), 0.0);
    }

    fn ints(values: impl Iterator<Item = i64>) -> Vec<Value> {
        values.map(Value::Int).collect()
    }

    #[test]
    fn a_whole_sample_gives_exact_distinct_values_nulls_and_bounds() {
        // 100 owners, 80 with a value, 20 distinct values four times each.
        let p = property_stats(ints((0..80).map(|i| i % 20)), 100, 100);
        assert_eq!(p.distinct, 20.0);
        assert!((p.null_fraction - 0.2).abs() < 1e-9);
        assert_eq!((&p.min, &p.max), (&Some(Value::Int(0)), &Some(Value::Int(19))));
        assert!((p.fraction_below(&Value::Int(10), false) - 0.5).abs() < 0.1, "{:?}", p.bounds);
    }

    #[test]
    fn an_all_unique_sample_extrapolates_to_all_owners() {
        let p = property_stats(ints(0..1000), 1000, 50_000);
        assert_eq!(p.distinct, 50_000.0);
    }

    #[test]
    fn a_repetitive_sample_extrapolates_to_few_values() {
        let p = property_stats(ints((0..1000).map(|i| i % 7)), 1000, 50_000);
        assert_eq!(p.distinct, 7.0);
    }
}
