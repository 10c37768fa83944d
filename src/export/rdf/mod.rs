//! RDF with PROV-O provenance, as Turtle (RDF 1.2, with triple annotations: "RDF-star")
//! or as TriG (one named graph per claim; no RDF 1.2 syntax, so every TriG reader
//! takes it).
//!
//! The graph's shape in RDF (IRIs as `names.rs` gives them):
//! - a node is an IRI, each label an `rdf:type` (`label:Country`, an `rdfs:Class`), each
//!   property a literal with its XSD datatype (`key:age 59`, `key:date "2022-01-06"^^xsd:date`),
//!   lists as RDF collections;
//! - a relationship is a triple `start type:T end`, and the claim it is has an IRI of its
//!   own (`relationship/42`) that carries the relationship's properties and provenance:
//!   in Turtle the triple's reifier (`s p o ~ <relationship/42> {| … |}`), in TriG the name
//!   of the graph that holds the triple (`<relationship/42> { s p o }`, then
//!   `<relationship/42> key:since 1992 ; prov:wasDerivedFrom … .` in the default graph);
//! - a node property with its own provenance (`k__sources`, `k__quotes`, `k__rule`) is
//!   reified the same way, under the IRI `<node>/<k>`; a node with `sources`/`quotes` of its
//!   own (a statement) carries them itself;
//! - provenance is PROV-O (`prov.rs`): `prov:wasDerivedFrom` the article entities and quote
//!   entities with `prov:value`, `prov:wasAttributedTo` the claimants.
//!
//! The companions and the lists they describe are written only as PROV-O, never also as
//! literals.

mod names;
mod prov;
mod term;

#[cfg(test)]
mod tests;

use std::collections::BTreeMap;
use std::io::{self, Write};

use self::names::Names;
use self::prov::{strings, Pair, Provenance};
use super::GraphView;
use crate::provenance::{subject_of, Companion};
use crate::store::{NodeId, RelId};
use crate::value::Value;

pub use self::term::valid_base;

/// The base IRI of an export that names none.
pub const DEFAULT_BASE: &str = "http://example.org/steppe/";

/// Which RDF syntax to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Syntax {
    /// RDF 1.2 Turtle: claims as reified triples with annotation blocks.
    Turtle,
    /// TriG: claims as named graphs.
    Trig,
}

/// A property written with its own provenance: the triple, the claim's IRI, what it says.
struct Claim {
    subject: String,
    predicate: String,
    object: String,
    name: String,
    pairs: Vec<Pair>,
}

pub fn write(view: &GraphView<'_>, syntax: Syntax, base: &str, out: &mut dyn Write) -> io::Result<()> {
    let names = Names::new(view.graph, base);
    let what = match syntax {
        Syntax::Turtle => "RDF 1.2 Turtle; each claim is a reified triple (`s p o ~ claim {| … |}`)",
        Syntax::Trig => "TriG; each claim is a named graph holding its triple, described in the default graph",
    };
    writeln!(out, "# A steppe graph as {what}, with PROV-O provenance.")?;
    out.write_all(names.prefixes().as_bytes())?;
    write_vocabulary(view, &names, out)?;
    for &node in &view.nodes {
        let (plain, claims) = node_parts(view, &names, node);
        write_subject(&names.node(node), &plain, &claims, syntax, out)?;
    }
    for &rel in &view.rels {
        if let Some(claim) = rel_claim(view, &names, rel) {
            write_claim(&claim, syntax, out)?;
        }
    }
    Ok(())
}

/// The labels and relationship types of the view as classes and properties.
fn write_vocabulary(view: &GraphView<'_>, names: &Names<'_>, out: &mut dyn Write) -> io::Result<()> {
    let graph = view.graph;
    let catalog = graph.catalog();
    let mut labels = BTreeMap::new();
    for &node in &view.nodes {
        for &label in graph.node_labels(node) {
            labels.insert(catalog.label_name(label).to_string(), names.label(label));
        }
    }
    let mut types = BTreeMap::new();
    for &rel in &view.rels {
        if let Some(entry) = graph.rel(rel) {
            let name = catalog.rel_type_name(entry.ty).to_string();
            types.insert(name.clone(), names.rel_type(&name));
        }
    }
    writeln!(out)?;
    for (name, term) in labels {
        writeln!(out, "{term} a rdfs:Class ; rdfs:label {} .", term::string(&name))?;
    }
    for (name, term) in types {
        writeln!(out, "{term} a rdf:Property ; rdfs:label {} .", term::string(&name))?;
    }
    Ok(())
}

/// A node's labels and plain properties (with its own provenance, for a statement), and
/// the properties that carry provenance of their own.
fn node_parts(view: &GraphView<'_>, names: &Names<'_>, node: NodeId) -> (Vec<Pair>, Vec<Claim>) {
    let graph = view.graph;
    let catalog = graph.catalog();
    let props: BTreeMap<String, Value> =
        graph.node_properties(node).into_iter().map(|(k, v)| (catalog.prop_key_name(k).to_string(), v)).collect();
    let mut plain: Vec<Pair> = Vec::new();
    let classes: Vec<String> = graph.node_labels(node).iter().map(|&l| names.label(l)).collect();
    if !classes.is_empty() {
        plain.push(("a".to_string(), classes.join(" , ")));
    }
    let subject = names.node(node);
    let mut claims = Vec::new();
    for (key, value) in &props {
        let described = subject_of(key).is_some_and(|s| props.contains_key(s));
        let Some(object) = term::literal(value) else { continue };
        if described || key == "sources" || key == "quotes" {
            continue;
        }
        let companion = |c: Companion| props.get(&c.of(key));
        let own = Provenance {
            sources: strings(companion(Companion::Sources)),
            quotes: strings(companion(Companion::Quotes)),
            claimants: Vec::new(),
            rule: companion(Companion::Rule).and_then(Value::as_str),
        };
        if own.is_empty() {
            plain.push((names.key(key), object));
        } else {
            claims.push(Claim {
                subject: subject.clone(),
                predicate: names.key(key),
                object,
                name: names.property(node, key),
                pairs: own.pairs(names),
            });
        }
    }
    let own = Provenance {
        sources: strings(props.get("sources")),
        quotes: strings(props.get("quotes")),
        ..Provenance::default()
    };
    plain.extend(own.pairs(names));
    if plain.is_empty() && claims.is_empty() {
        // A node with no label and no property would vanish without a triple of its own.
        plain.push(("a".to_string(), "rdfs:Resource".to_string()));
    }
    (plain, claims)
}

/// A relationship as a claim: its triple, its IRI, its properties and its provenance.
fn rel_claim(view: &GraphView<'_>, names: &Names<'_>, rel: RelId) -> Option<Claim> {
    let graph = view.graph;
    let catalog = graph.catalog();
    let entry = graph.rel(rel)?;
    let props: BTreeMap<String, Value> =
        graph.rel_properties(rel).into_iter().map(|(k, v)| (catalog.prop_key_name(k).to_string(), v)).collect();
    let provenance_keys = ["sources", "quotes", "claimants"];
    let mut pairs: Vec<Pair> = props
        .iter()
        .filter(|(k, _)| !provenance_keys.contains(&k.as_str()))
        .filter_map(|(k, v)| Some((names.key(k), term::literal(v)?)))
        .collect();
    let inferred = matches!(props.get("inferred"), Some(Value::Bool(true)));
    let own = Provenance {
        sources: strings(props.get("sources")),
        quotes: strings(props.get("quotes")),
        claimants: strings(props.get("claimants")),
        rule: props.get("rule").and_then(Value::as_str).filter(|_| inferred),
    };
    pairs.extend(own.pairs(names));
    Some(Claim {
        subject: names.node(entry.start),
        predicate: names.rel_type(catalog.rel_type_name(entry.ty)),
        object: names.node(entry.end),
        name: names.relationship(rel),
        pairs,
    })
}

fn write_subject(
    subject: &str,
    plain: &[Pair],
    claims: &[Claim],
    syntax: Syntax,
    out: &mut dyn Write,
) -> io::Result<()> {
    match syntax {
        Syntax::Turtle => {
            let mut parts: Vec<String> = plain.iter().map(|(p, o)| format!("{p} {o}")).collect();
            parts.extend(claims.iter().map(|c| format!("{} {}{}", c.predicate, c.object, annotation(c))));
            writeln!(out, "\n{subject}\n    {} .", parts.join(" ;\n    "))
        }
        Syntax::Trig => {
            if !plain.is_empty() {
                let parts: Vec<String> = plain.iter().map(|(p, o)| format!("{p} {o}")).collect();
                writeln!(out, "\n{subject}\n    {} .", parts.join(" ;\n    "))?;
            }
            claims.iter().try_for_each(|c| write_claim(c, syntax, out))
        }
    }
}

/// A claim on its own: `s p o ~ claim {| … |} .` in Turtle; in TriG the named graph
/// `claim { s p o . }` and what is said of the claim in the default graph.
fn write_claim(claim: &Claim, syntax: Syntax, out: &mut dyn Write) -> io::Result<()> {
    let Claim { subject, predicate, object, name, pairs } = claim;
    match syntax {
        Syntax::Turtle => writeln!(out, "\n{subject} {predicate} {object}{} .", annotation(claim)),
        Syntax::Trig => {
            writeln!(out, "\n{name} {{ {subject} {predicate} {object} . }}")?;
            if pairs.is_empty() {
                return Ok(());
            }
            let parts: Vec<String> = pairs.iter().map(|(p, o)| format!("{p} {o}")).collect();
            writeln!(out, "{name}\n    {} .", parts.join(" ;\n    "))
        }
    }
}

/// Turtle's reifier and annotation block for a claim: ` ~ <claim> {| p o ; … |}`.
fn annotation(claim: &Claim) -> String {
    if claim.pairs.is_empty() {
        return format!(" ~ {}", claim.name);
    }
    let parts: Vec<String> = claim.pairs.iter().map(|(p, o)| format!("{p} {o}")).collect();
    format!(" ~ {} {{|\n        {} |}}", claim.name, parts.join(" ;\n        "))
}
