"""The issue-6 workload on Kuzu, measured the way steppe_bench measures steppe.

Loads the generated CSV files into a fresh Kuzu database (one node table per label, one
relationship table per type, COPY FROM), runs each query of benches/workload.cypher with
the same warm-up and median, compares every answer with steppe's results file (a
mismatch fails the run) and prints the steppe/Kuzu ratio per query. Results go to
target/bench/kuzu-<scale>-<seed>.json.
"""

import argparse
import json
import os
import re
import shutil
import statistics
import sys
import time

import kuzu

NODE_COLUMNS = "id INT64, name STRING, year INT64, weight DOUBLE, PRIMARY KEY (id)"
REL_COLUMNS = "year INT64, weight DOUBLE"


def parse_workload(text):
    """The `// @query` blocks, as steppe_bench reads them."""
    queries = []
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("// @query "):
            queries.append({"name": line[len("// @query "):].strip(), "steppe": "", "kuzu": None, "check": "all"})
        elif not queries:
            continue
        elif line.startswith("// @kuzu "):
            queries[-1]["kuzu"] = line[len("// @kuzu "):].strip().rstrip(";")
        elif line == "// @check rows":
            queries[-1]["check"] = "rows"
        elif line and not line.startswith("//"):
            queries[-1]["steppe"] += line.rstrip(";") + " "
    for q in queries:
        q["steppe"] = q["steppe"].strip()
        q["kuzu"] = q["kuzu"] or q["steppe"]
    return queries


def rss_kib(field):
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(field):
                return int(line.split()[1])
    return 0


def dir_bytes(path):
    total = 0
    for base, _, files in os.walk(path):
        total += sum(os.path.getsize(os.path.join(base, f)) for f in files)
    return total if os.path.isdir(path) else os.path.getsize(path)


def load(conn, data, manifest):
    """Declares the tables and copies every file in; returns the seconds taken."""
    started = time.perf_counter()
    for node in manifest["nodes"]:
        conn.execute(f"CREATE NODE TABLE {node['label']}({NODE_COLUMNS})")
    pairs = {}
    for rel in manifest["relationships"]:
        pairs.setdefault(rel["type"], []).append((rel["from"], rel["to"]))
    for rel_type, ends in pairs.items():
        froms = ", ".join(f"FROM {a} TO {b}" for a, b in ends)
        conn.execute(f"CREATE REL TABLE {rel_type}({froms}, {REL_COLUMNS})")
    for node in manifest["nodes"]:
        conn.execute(f"COPY {node['label']} FROM '{os.path.join(data, node['file'])}' (header=true)")
    for rel in manifest["relationships"]:
        path = os.path.join(data, rel["file"])
        # A table with several endpoint pairs needs to be told which pair a file holds.
        pair = f", from='{rel['from']}', to='{rel['to']}'" if len(pairs[rel["type"]]) > 1 else ""
        conn.execute(f"COPY {rel['type']} FROM '{path}' (header=true{pair})")
    return time.perf_counter() - started


def measure(conn, query, params, runs, warmup):
    """Warm-up runs, then timed runs (execute and fetch every row), as steppe_bench does."""
    # Kuzu refuses parameters a statement does not use.
    params = {k: v for k, v in params.items() if re.search(rf"\${k}\b", query)}
    times, rows = [], []
    for round_ in range(warmup + runs):
        started = time.perf_counter()
        result = conn.execute(query, params)
        rows = result.get_all()
        elapsed = time.perf_counter() - started
        if round_ >= warmup:
            times.append(elapsed * 1000.0)
    return times, rows


def same_answer(check, mine, theirs):
    if check == "rows":
        return len(mine) == len(theirs)
    return [list(r) for r in mine] == [list(r) for r in theirs]


def main():
    args = argparse.ArgumentParser()
    args.add_argument("--root", required=True)
    args.add_argument("--scale", default="S")
    args.add_argument("--seed", type=int, default=42)
    args.add_argument("--runs", type=int, default=5)
    args.add_argument("--warmup", type=int, default=1)
    opts = args.parse_args()

    bench = os.path.join(opts.root, "target", "bench")
    tag = f"{opts.scale}-{opts.seed}"
    data = os.path.join(bench, "data", tag)
    steppe_file = os.path.join(bench, f"steppe-{tag}.json")
    if not os.path.exists(steppe_file):
        sys.exit(f"{steppe_file} is missing: run `cargo bench --bench steppe_bench -- --scale {opts.scale} --seed {opts.seed}` first")
    with open(os.path.join(data, "manifest.json")) as f:
        manifest = json.load(f)
    with open(steppe_file) as f:
        steppe = json.load(f)
    with open(os.path.join(opts.root, "benches", "workload.cypher")) as f:
        workload = parse_workload(f.read())

    db_path = os.path.join(bench, f"kuzu-{tag}.kuzu")
    for stale in (db_path, db_path + ".wal"):
        if os.path.isdir(stale):
            shutil.rmtree(stale)
        elif os.path.exists(stale):
            os.remove(stale)
    rss_start = rss_kib("VmRSS:")
    db = kuzu.Database(db_path)
    conn = kuzu.Connection(db)
    import_s = load(conn, data, manifest)
    conn.execute("CHECKPOINT")
    db_bytes = dir_bytes(db_path)
    rss_loaded = rss_kib("VmRSS:")

    steppe_by_name = {q["name"]: q for q in steppe["queries"]}
    results, mismatches = [], []
    for q in workload:
        times, rows = measure(conn, q["kuzu"], manifest["params"], opts.runs, opts.warmup)
        mine = steppe_by_name.get(q["name"], {})
        ok = mine.get("error") is None and same_answer(q["check"], mine.get("rows", []), rows)
        if not ok:
            mismatches.append(f"{q['name']}: steppe {mine.get('rows') if mine.get('error') is None else mine.get('error')} vs Kuzu {rows}")
        median = statistics.median(times)
        ratio = mine["median_ms"] / median if mine.get("median_ms") and median > 0 else None
        results.append({"name": q["name"], "median_ms": median, "min_ms": min(times), "rows": len(rows),
                        "steppe_median_ms": mine.get("median_ms"), "ratio": ratio, "same_answer": ok})

    rels = sum(r["count"] for r in manifest["relationships"])
    summary = {
        "engine": "kuzu", "version": kuzu.__version__, "scale": opts.scale, "seed": opts.seed,
        "runs": opts.runs, "warmup": opts.warmup, "import_ms": import_s * 1000.0,
        "db_bytes": db_bytes, "peak_rss_kib": rss_kib("VmHWM:"), "rss_after_load_kib": rss_loaded - rss_start,
        "bytes_per_rel_disk": db_bytes / rels, "bytes_per_rel_memory": (rss_loaded - rss_start) * 1024 / rels,
        "queries": results, "mismatches": mismatches,
    }
    with open(os.path.join(bench, f"kuzu-{tag}.json"), "w") as f:
        json.dump(summary, f, indent=2)
    report(summary, steppe)
    if mismatches:
        print("\nANSWERS DIFFER (the run fails):", file=sys.stderr)
        for m in mismatches:
            print("  " + m, file=sys.stderr)
        sys.exit(1)


def report(kuzu_summary, steppe):
    print(f"\nscale {kuzu_summary['scale']} (seed {kuzu_summary['seed']}), Kuzu {kuzu_summary['version']}: "
          f"median of {kuzu_summary['runs']} runs after {kuzu_summary['warmup']} warm-up; ratio = steppe / Kuzu")
    print(f"{'query':<20} {'steppe ms':>11} {'Kuzu ms':>11} {'ratio':>8} {'rows':>6}  answer")
    for q in kuzu_summary["queries"]:
        s = q["steppe_median_ms"]
        ratio = f"{q['ratio']:.2f}" if q["ratio"] is not None else "-"
        s_text = f"{s:.3f}" if s is not None else "-"
        print(f"{q['name']:<20} {s_text:>11} {q['median_ms']:>11.3f} {ratio:>8} {q['rows']:>6}  "
              f"{'same' if q['same_answer'] else 'DIFFERS'}")
    mib = 1024 * 1024
    print(f"{'CSV import ms':<28} steppe {steppe['import_ms']:>10.0f}   Kuzu {kuzu_summary['import_ms']:>10.0f}")
    print(f"{'peak RSS MiB':<28} steppe {steppe['peak_rss_kib'] // 1024:>10}   Kuzu {kuzu_summary['peak_rss_kib'] // 1024:>10}")
    print(f"{'bytes/rel in memory':<28} steppe {steppe['bytes_per_rel_memory']:>10.1f}   Kuzu {kuzu_summary['bytes_per_rel_memory']:>10.1f}")
    print(f"{'bytes/rel on disk':<28} steppe {steppe['bytes_per_rel_disk']:>10.1f}   Kuzu {kuzu_summary['bytes_per_rel_disk']:>10.1f}")
    print(f"{'snapshot load ms (steppe)':<28} {steppe['snapshot_load_ms']:>17.0f}   (db on disk: Kuzu {kuzu_summary['db_bytes'] / mib:.0f} MiB)")


if __name__ == "__main__":
    main()
