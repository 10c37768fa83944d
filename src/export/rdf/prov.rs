//! Provenance in PROV-O terms.
//!
//! A claim (a relationship, a property with its own provenance, a statement node) is a
//! `prov:Entity` that:
//! - `prov:wasDerivedFrom` each article it cites (its `sources`), and from each quote,
//!   a `prov:Entity` whose `prov:value` is the quoted words and which `prov:wasQuotedFrom`
//!   the article at the same place in `sources` (so `?claim prov:wasDerivedFrom ?quote .
//!   ?quote prov:wasQuotedFrom ?article ; prov:value ?words` finds the words with their article);
//! - `prov:wasAttributedTo` each of its `claimants`: the node a claimant names, or, when
//!   none does, an agent labelled with the claimant's text;
//! - for a derived value (`k__rule`, or `inferred` with `rule` on a relationship),
//!   `prov:wasGeneratedBy` an activity whose `rdfs:comment` is the rule.

use super::names::Names;
use super::term::string;
use crate::value::Value;

/// One predicate with its objects, as a Turtle predicate-object pair.
pub type Pair = (String, String);

/// What a claim's provenance says, in the order it is written.
#[derive(Default)]
pub struct Provenance<'v> {
    pub sources: Vec<&'v str>,
    pub quotes: Vec<&'v str>,
    pub claimants: Vec<&'v str>,
    pub rule: Option<&'v str>,
}

impl<'v> Provenance<'v> {
    pub fn is_empty(&self) -> bool {
        self.sources.is_empty() && self.quotes.is_empty() && self.claimants.is_empty() && self.rule.is_none()
    }

    /// The PROV-O predicate-object pairs of this provenance.
    pub fn pairs(&self, names: &Names<'_>) -> Vec<Pair> {
        let mut pairs = Vec::new();
        let mut derived: Vec<String> = self.sources.iter().map(|s| names.source(s)).collect();
        for (i, quote) in self.quotes.iter().enumerate() {
            let from = self.sources.get(i).map(|s| format!(" ; prov:wasQuotedFrom {}", names.source(s)));
            derived.push(format!("[ a prov:Entity ; prov:value {}{} ]", string(quote), from.unwrap_or_default()));
        }
        if !derived.is_empty() {
            pairs.push(("prov:wasDerivedFrom".to_string(), derived.join(" ,\n        ")));
        }
        let agents: Vec<String> = self
            .claimants
            .iter()
            .map(|c| match names.entity(c) {
                Some(node) => names.node(node),
                None => format!("[ a prov:Agent ; rdfs:label {} ]", string(c)),
            })
            .collect();
        if !agents.is_empty() {
            pairs.push(("prov:wasAttributedTo".to_string(), agents.join(" , ")));
        }
        if let Some(rule) = self.rule {
            pairs.push((
                "prov:wasGeneratedBy".to_string(),
                format!("[ a prov:Activity ; rdfs:comment {} ]", string(rule)),
            ));
        }
        pairs
    }
}

/// The strings of a list value (`sources`, `quotes`, `claimants`); other values give none.
pub fn strings(value: Option<&Value>) -> Vec<&str> {
    match value {
        Some(Value::List(items)) => items.iter().filter_map(|v| v.as_str()).collect(),
        Some(Value::String(s)) => vec![&**s],
        _ => Vec::new(),
    }
}
