"""The column-loop shapes of issue 15 on python-igraph, beside steppe's times.

Loads the CSV files of `bench_gen` (one per label, one per type and pair of labels) into
one directed igraph graph, the relationships' type, year and weight as edge attributes
and the nodes' label, id, year and weight as vertex attributes, then times what an
igraph user writes for the workloads' whole-graph queries:

- top10_degree: `MATCH (p:Person)-[r]-() RETURN p.id, count(r) AS d ORDER BY d DESC, id LIMIT 10`
  as `g.degree(people)` and a ranking of the result;
- org_degree_top10: the same over Organization;
- rels_by_type_columns: count, min and max of weight and sum of year per type, as an
  `es.select(type_eq=t)` per type and the builtins over its attribute lists;
- person_columns: sum of year, min and max of weight over Person, from `vs.select`.

Each is run once to warm up, then `--runs` times; the median is reported, with the
answers checked against steppe's (read from target/bench/steppe-<scale>-<seed>*.json).
"""

import argparse
import csv
import glob
import heapq
import json
import os
import statistics
import time

import igraph


def load(data):
    """The graph of the CSV files under `data`, and each label's vertex indices."""
    ids, labels, years, weights = [], [], [], []
    index = {}
    by_label = {}
    for path in sorted(glob.glob(os.path.join(data, "nodes-*.csv"))):
        label = os.path.basename(path)[len("nodes-") : -len(".csv")]
        with open(path, newline="") as f:
            rows = csv.reader(f)
            header = next(rows)
            col = {name.split(":")[0]: i for i, name in enumerate(header)}
            for row in rows:
                node_id = int(row[col["id"]])
                index[node_id] = len(ids)
                by_label.setdefault(label, []).append(len(ids))
                ids.append(node_id)
                labels.append(label)
                years.append(int(row[col["year"]]))
                weights.append(float(row[col["weight"]]))
    edges, types, rel_years, rel_weights = [], [], [], []
    for path in sorted(glob.glob(os.path.join(data, "rels-*.csv"))):
        ty = os.path.basename(path)[len("rels-") :].split("-")[0]
        with open(path, newline="") as f:
            rows = csv.reader(f)
            header = next(rows)
            col = {name.split(":")[0] or name: i for i, name in enumerate(header)}
            for row in rows:
                edges.append((index[int(row[0])], index[int(row[1])]))
                types.append(ty)
                rel_years.append(int(row[col["year"]]))
                rel_weights.append(float(row[col["weight"]]))
    g = igraph.Graph(n=len(ids), edges=edges, directed=True)
    g.vs["id"], g.vs["label"], g.vs["year"], g.vs["weight"] = ids, labels, years, weights
    g.es["type"], g.es["year"], g.es["weight"] = types, rel_years, rel_weights
    return g, by_label


def degree_top10(g, vertices):
    degrees = g.degree(vertices, mode="all")
    ids = g.vs.select(vertices)["id"]
    best = heapq.nsmallest(10, zip((-d for d in degrees), ids))
    return [[i, -d] for d, i in best]


def rels_by_type(g):
    out = []
    for t in sorted(set(g.es["type"])):
        edges = g.es.select(type_eq=t)
        w = edges["weight"]
        out.append([t, len(w), min(w), max(w), sum(edges["year"])])
    return out


def person_columns(g, people):
    vs = g.vs.select(people)
    w = vs["weight"]
    return [[sum(vs["year"]), min(w), max(w), len(w)]]


def timed(run, runs, warmup):
    for _ in range(warmup):
        run()
    times = []
    answer = None
    for _ in range(runs):
        started = time.perf_counter()
        answer = run()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), answer


def steppe_results(root, scale, seed):
    """Query name → (median ms, rows) from every steppe results file of this scale and seed."""
    found = {}
    pattern = os.path.join(root, "target", "bench", f"steppe-{scale}-{seed}*.json")
    for path in sorted(glob.glob(pattern)):
        if path.endswith(".load.json"):
            continue
        with open(path) as f:
            results = json.load(f)
        tag = os.path.basename(path)[len(f"steppe-{scale}-{seed}") : -len(".json")].lstrip("-") or "workload"
        for q in results.get("queries", []):
            found.setdefault(q["name"], []).append((tag, q["median_ms"], q["rows"]))
    return found


def same(a, b):
    if isinstance(a, float) or isinstance(b, float):
        return abs(float(a) - float(b)) <= 1e-9 * max(1.0, abs(float(a)))
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    return a == b


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--root", required=True)
    parser.add_argument("--scale", default="S")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--warmup", type=int, default=1)
    args = parser.parse_args()
    data = os.path.join(args.root, "target", "bench", "data", f"{args.scale}-{args.seed}")
    started = time.perf_counter()
    g, by_label = load(data)
    print(f"igraph {igraph.__version__}: {g.vcount()} vertices, {g.ecount()} edges, loaded in {time.perf_counter() - started:.1f} s")
    shapes = {
        "top10_degree": lambda: degree_top10(g, by_label["Person"]),
        "org_degree_top10": lambda: degree_top10(g, by_label["Organization"]),
        "rels_by_type_columns": lambda: rels_by_type(g),
        "person_columns": lambda: person_columns(g, by_label["Person"]),
    }
    steppe = steppe_results(args.root, args.scale, args.seed)
    degree_only = timed(lambda: g.degree(by_label["Person"], mode="all"), args.runs, args.warmup)[0]
    print(f"(igraph's g.degree over the people alone: {degree_only:.3f} ms)")
    print("| query | igraph ms | steppe ms (results file) | steppe / igraph | same answer |")
    print("|---|---:|---:|---:|---|")
    mismatches = 0
    for name, run in shapes.items():
        ms, answer = timed(run, args.runs, args.warmup)
        for tag, steppe_ms, rows in steppe.get(name, [("-", None, None)]):
            if steppe_ms is None:
                print(f"| {name} | {ms:.3f} | — | | |")
                continue
            ok = same(answer, rows)
            mismatches += not ok
            print(f"| {name} ({tag}) | {ms:.3f} | {steppe_ms:.3f} | {steppe_ms / ms:.2f} | {'yes' if ok else 'NO'} |")
            if not ok:
                print(f"  igraph: {answer}\n  steppe: {rows}")
    raise SystemExit(1 if mismatches else 0)


if __name__ == "__main__":
    main()
