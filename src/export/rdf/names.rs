//! The IRIs an RDF export gives the graph's nodes, relationships and vocabulary, all
//! under one base.
//!
//! | what | IRI under the base | example |
//! |---|---|---|
//! | a node with a declared key | `node/<Label>/<key value>` | `node/Country/Russia` |
//! | any other node | `id/<node id>` | `id/17` |
//! | a property with its own provenance | the node's IRI, `/<key>` | `node/Person/Andrei%20Serdyukov/age` |
//! | a relationship (the claim) | `relationship/<id>` | `relationship/42` |
//! | a label (an `rdfs:Class`) | `label/<Label>` | `label:Country` |
//! | a relationship type | `type/<TYPE>` | `type:MEMBER_OF` |
//! | a property key | `key/<key>` | `key:name` |
//!
//! Keyed nodes are named by their key, so their IRIs are the same in every export and
//! process; only keyless nodes and relationships carry the store's ids.

use crate::store::{Graph, LabelId, NodeId, PropKeyId, RelId};
use crate::value::Value;

use super::term::{encode, iri};

/// Gives IRIs and vocabulary terms for one graph under one base.
pub struct Names<'g> {
    graph: &'g Graph,
    base: String,
    /// The declared keys, by label name, so that a node with several keyed labels is
    /// named by the same one every time.
    keys: Vec<(LabelId, PropKeyId)>,
}

impl<'g> Names<'g> {
    pub fn new(graph: &'g Graph, base: &str) -> Names<'g> {
        let catalog = graph.catalog();
        let mut keys: Vec<(LabelId, PropKeyId)> =
            graph.schema().node_types().filter_map(|t| t.key.map(|k| (t.label, k))).collect();
        keys.sort_by(|a, b| catalog.label_name(a.0).cmp(catalog.label_name(b.0)));
        Names { graph, base: base.to_string(), keys }
    }

    /// The `@prefix` lines both syntaxes open with.
    pub fn prefixes(&self) -> String {
        let base = &self.base;
        let mut out = String::new();
        for (prefix, namespace) in [
            ("rdf", super::term::RDF.to_string()),
            ("rdfs", super::term::RDFS.to_string()),
            ("xsd", super::term::XSD.to_string()),
            ("prov", super::term::PROV.to_string()),
            ("label", format!("{base}label/")),
            ("type", format!("{base}type/")),
            ("key", format!("{base}key/")),
        ] {
            out.push_str(&format!("@prefix {prefix}: <{namespace}> .\n"));
        }
        out
    }

    /// A node's IRI (without brackets): by its first keyed label's key, else by its id.
    pub fn node_iri(&self, node: NodeId) -> String {
        let catalog = self.graph.catalog();
        let labels = self.graph.node_labels(node);
        for &(label, key) in &self.keys {
            if !labels.contains(&label) {
                continue;
            }
            let text = match self.graph.node_property(node, key) {
                Some(Value::String(s)) => s.to_string(),
                Some(Value::Int(i)) => i.to_string(),
                _ => continue,
            };
            return format!("{}node/{}/{}", self.base, encode(catalog.label_name(label)), encode(&text));
        }
        format!("{}id/{}", self.base, node.0)
    }

    pub fn node(&self, node: NodeId) -> String {
        iri(&self.node_iri(node))
    }

    /// The IRI of one property of a node, which carries that property's provenance.
    pub fn property(&self, node: NodeId, key: &str) -> String {
        iri(&format!("{}/{}", self.node_iri(node), encode(key)))
    }

    pub fn relationship(&self, rel: RelId) -> String {
        iri(&format!("{}relationship/{}", self.base, rel.0))
    }

    pub fn label(&self, label: LabelId) -> String {
        vocabulary("label", &self.base, self.graph.catalog().label_name(label))
    }

    pub fn rel_type(&self, name: &str) -> String {
        vocabulary("type", &self.base, name)
    }

    pub fn key(&self, name: &str) -> String {
        vocabulary("key", &self.base, name)
    }

    /// What an article id or a claimant names: the node whose key has that value (an
    /// `Article` by its `id`, a person or organisation by its `name`), looked up through
    /// the key index, labels in name order; `None` when no node has it.
    pub fn entity(&self, key_value: &str) -> Option<NodeId> {
        let value = Value::string(key_value);
        self.keys.iter().find_map(|&(label, key)| self.graph.node_by_key(label, key, &value))
    }

    /// A source's IRI: the node it names, else `source/<text>` under the base.
    pub fn source(&self, id: &str) -> String {
        match self.entity(id) {
            Some(node) => self.node(node),
            None => iri(&format!("{}source/{}", self.base, encode(id))),
        }
    }
}

/// A vocabulary term: `prefix:Name` where the name is a plain identifier, else the full
/// IRI with the name percent-encoded.
fn vocabulary(prefix: &str, base: &str, name: &str) -> String {
    let plain = !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
    if plain {
        format!("{prefix}:{name}")
    } else {
        iri(&format!("{base}{prefix}/{}", encode(name)))
    }
}
