//! Finding entities by what a person would type: any spelling or part of a name.
//!
//! `db.find(text)` and `db.index.fulltext.queryNodes(index, text)` rank every node by how
//! well `text` matches its `name`, its `aliases` (attested spellings and normalised ones
//! alike), and, weighted lower, a statement's `text` and a node's `quotes`; the same
//! ranking gives the hint for a `{name: …}` that matches nothing. Case is ignored.
//! A scan of every node: the CSTO graph has a few hundred, and a lookup is interactive.

use std::sync::Arc;

use crate::store::{Graph, NodeId};
use crate::suggest::edit_distance;
use crate::value::Value;

/// One node found, with its score in (0, 1] and the spelling that matched best.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub node: NodeId,
    pub score: f64,
    pub matched: Arc<str>,
}

/// How much a match in each property counts: a name above its aliases above the words
/// of a statement or a quote.
const FIELDS: &[(&str, f64)] = &[("name", 1.0), ("aliases", 0.95), ("id", 0.9), ("text", 0.5), ("quotes", 0.45)];

/// Every node that `text` matches, best first (ties by name), scores above zero only.
pub fn find(graph: &Graph, text: &str) -> Vec<Hit> {
    let query = Query::new(text);
    if query.text.is_empty() {
        return Vec::new();
    }
    let keys: Vec<_> = FIELDS.iter().filter_map(|(k, w)| Some((graph.catalog().prop_key(k)?, *w))).collect();
    let mut hits: Vec<Hit> = graph
        .node_ids()
        .filter_map(|node| {
            let mut best: Option<(f64, Arc<str>)> = None;
            for (key, weight) in &keys {
                for candidate in strings(graph.node_property(node, *key)) {
                    let score = query.score(&candidate) * weight;
                    if score > best.as_ref().map_or(0.0, |b| b.0) {
                        best = Some((score, candidate));
                    }
                }
            }
            best.map(|(score, matched)| Hit { node, score: (score * 1000.0).round() / 1000.0, matched })
        })
        .collect();
    let name_key = graph.catalog().prop_key("name");
    let name = |h: &Hit| name_key.and_then(|k| graph.node_property(h.node, k)).unwrap_or(Value::Null);
    hits.sort_by(|a, b| {
        b.score.total_cmp(&a.score).then_with(|| name(a).order(&name(b))).then(a.node.0.cmp(&b.node.0))
    });
    hits
}

fn strings(value: Option<Value>) -> Vec<Arc<str>> {
    match value {
        Some(Value::String(s)) => vec![s],
        Some(Value::List(items)) => items.iter().filter_map(|v| v.as_str().map(Arc::from)).collect(),
        _ => Vec::new(),
    }
}

/// The text looked for, lower-cased, and its words.
struct Query {
    text: String,
    words: Vec<String>,
}

impl Query {
    fn new(text: &str) -> Query {
        let text = text.trim().to_lowercase();
        let words = words(&text).map(str::to_string).collect();
        Query { text, words }
    }

    /// How well a candidate matches, in [0, 1]: the whole of it; a run of its words; a
    /// part of it; each query word as a word of it, or as a plausible misspelling of one.
    fn score(&self, candidate: &str) -> f64 {
        let lower = candidate.to_lowercase();
        if lower == self.text {
            return 1.0;
        }
        let cand_words: Vec<&str> = words(&lower).collect();
        let joined = cand_words.join(" ");
        let query_joined = self.words.join(" ");
        if !query_joined.is_empty() && format!(" {joined} ").contains(&format!(" {query_joined} ")) {
            // Shorter candidates first: `Tokayev` is more Tokayev than a sentence naming him.
            return 0.7 + 0.2 * (query_joined.len() as f64 / joined.len().max(1) as f64);
        }
        if lower.contains(&self.text) {
            return 0.5;
        }
        let found: f64 = self.words.iter().map(|w| word_match(w, &cand_words)).sum();
        let share = found / self.words.len().max(1) as f64;
        if share >= 0.5 {
            0.4 * share
        } else {
            0.0
        }
    }
}

/// 1 for a word of the candidate, 0.75 for a close misspelling of one (Shibutov for
/// Schibutow), else 0.
fn word_match(word: &str, candidate: &[&str]) -> f64 {
    if candidate.contains(&word) {
        return 1.0;
    }
    let limit = (word.chars().count() / 4).max(1);
    let close = word.chars().count() >= 4 && candidate.iter().any(|c| edit_distance(word, c) <= limit);
    if close {
        0.75
    } else {
        0.0
    }
}

fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_names_beat_parts_and_parts_beat_misspellings() {
        let q = Query::new("Tokayev");
        assert_eq!(q.score("tokayev"), 1.0);
        let part = q.score("Kassym-Jomart Tokayev");
        let sentence = q.score("Tokayev claimed in his speech that the terrorists had been trained abroad");
        assert!(part > sentence && sentence > 0.7, "{part} {sentence}");
        assert!(Query::new("Shibutov").score("Marat Schibutow") > 0.0);
        assert_eq!(Query::new("Shibutov").score("Vladimir Putin"), 0.0);
        assert!(Query::new("ministry of defen").score("Russian Ministry of Defense") >= 0.5);
    }
}
