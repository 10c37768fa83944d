"""Loads steppe's RDF exports with the RDF libraries people use, and reports what they read.

Usage: load.py BASE TURTLE_FILE TRIG_FILE

The Turtle file (RDF 1.2, with reified and annotated triples) is read by pyoxigraph, the
TriG file (named graphs) by pyoxigraph and by rdflib. A file that does not parse fails
the run. For each reading it prints, as one JSON object, the figures that
tests/it/rdf.rs compares with the graph: claims, quotes with their articles, dates,
deprecated claims and attributions.
"""

import json
import sys

import pyoxigraph as ox
import rdflib

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
XSD = "http://www.w3.org/2001/XMLSchema#"
PROV = "http://www.w3.org/ns/prov#"


def ox_term(term):
    if isinstance(term, ox.NamedNode):
        return ("iri", term.value)
    if isinstance(term, ox.BlankNode):
        return ("bnode", term.value)
    if isinstance(term, ox.Literal):
        return ("lit", term.value, term.datatype.value)
    if isinstance(term, ox.Triple):
        return ("triple", ox_term(term.subject), ox_term(term.predicate), ox_term(term.object))
    return ("default",)  # the default graph


def rdflib_term(term):
    if isinstance(term, rdflib.URIRef):
        return ("iri", str(term))
    if isinstance(term, rdflib.BNode):
        return ("bnode", str(term))
    if isinstance(term, rdflib.Literal):
        return ("lit", str(term), str(term.datatype or XSD + "string"))
    return ("default",)


def pyoxigraph_quads(path, fmt):
    store = ox.Store()
    store.load(path=path, format=fmt)
    return [(ox_term(q.subject), ox_term(q.predicate), ox_term(q.object), ox_term(q.graph_name)) for q in store]


def rdflib_quads(path):
    dataset = rdflib.Dataset()
    dataset.parse(path, format="trig")
    quads = []
    for s, p, o, g in dataset.quads((None, None, None, None)):
        name = g.identifier if isinstance(g, rdflib.Graph) else g
        graph = ("default",) if name is None or str(name) == "urn:x-rdflib:default" else rdflib_term(name)
        quads.append((rdflib_term(s), rdflib_term(p), rdflib_term(o), graph))
    return quads


def figures(quads, base):
    rel_prefix = base + "relationship/"
    by_subject = {}
    for s, p, o, _ in quads:
        by_subject.setdefault(s, []).append((p, o))

    def objects(subject, predicate):
        return [o for p, o in by_subject.get(subject, []) if p == ("iri", predicate)]

    # The claims: reifiers (Turtle) or the names of the graphs that hold triples (TriG).
    claims = {s for s, p, _, _ in quads if p == ("iri", RDF + "reifies")}
    graphs = {}
    for s, p, o, g in quads:
        if g != ("default",):
            graphs.setdefault(g, []).append((s, p, o))
    claims |= set(graphs)
    rel_claims = sorted(c[1] for c in claims if c[1].startswith(rel_prefix))
    quotes = []
    for s, p, o, _ in quads:
        if p == ("iri", PROV + "wasDerivedFrom") and o[0] == "bnode":
            for value in objects(o, PROV + "value"):
                for article in objects(o, PROV + "wasQuotedFrom"):
                    quotes.append([value[1], article[1].rsplit("/", 1)[-1]])
    return {
        "relationship_claims": len(rel_claims),
        "property_claims": len(claims) - len(rel_claims),
        "triples_per_named_graph": sorted({len(t) for t in graphs.values()}),
        "quotes": sorted(quotes),
        "dates": sum(1 for _, p, o, _ in quads if p == ("iri", base + "key/date") and o[2:] == (XSD + "date",)),
        "deprecated": sum(
            1 for s, p, o, _ in quads if s[1].startswith(rel_prefix) and p == ("iri", base + "key/rank") and o[1] == "deprecated"
        ),
        "attributions": sum(1 for _, p, _, _ in quads if p == ("iri", PROV + "wasAttributedTo")),
        "attributions_to_nodes": sum(
            1 for _, p, o, _ in quads if p == ("iri", PROV + "wasAttributedTo") and o[0] == "iri"
        ),
    }


def main():
    base, turtle, trig = sys.argv[1:4]
    readings = {
        "turtle/pyoxigraph": figures(pyoxigraph_quads(turtle, ox.RdfFormat.TURTLE), base),
        "trig/pyoxigraph": figures(pyoxigraph_quads(trig, ox.RdfFormat.TRIG), base),
        "trig/rdflib": figures(rdflib_quads(trig), base),
    }
    print(json.dumps(readings))


if __name__ == "__main__":
    main()
