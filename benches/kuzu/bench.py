"""The issue-6 workload on Kuzu, measured the way steppe_bench measures steppe.

Loads the generated CSV files into a fresh Kuzu database (one node table per label, one
relationship table per type, COPY FROM: the same tables as the generator's
schema.cypher declares for steppe), then, in a fresh process as steppe_bench loads its
snapshot, opens the database and runs each query of benches/workload.cypher with the
same warm-up and median. Every answer is compared with steppe's results file, and a
side-by-side table of both engines with the ratio steppe / Kuzu is printed. Exits 1 if
any answer differs. Results go to target/bench/kuzu-<scale>-<seed>.json.
"""

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time

import kuzu

# The generator's schema.cypher in Kuzu's words: `id INTEGER KEY` is the primary key.
NODE_COLUMNS = "id INT64, name STRING, year INT64, weight DOUBLE, PRIMARY KEY (id)"
REL_COLUMNS = "year INT64, weight DOUBLE"

# Start-ups timed per figure (the median is kept), as steppe_bench does.
STARTUP_SPAWNS = 21


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


def check_schema_matches(data):
    """The generator's schema.cypher must declare what this script declares for Kuzu."""
    path = os.path.join(data, "schema.cypher")
    if not os.path.exists(path):
        sys.exit(f"{path} is missing: regenerate the data (cargo run --release --example bench_gen)")
    with open(path) as f:
        text = f.read()
    for line in text.splitlines():
        if line.startswith("CREATE NODE TYPE") and "(id INTEGER KEY, name STRING, year INTEGER, weight FLOAT)" not in line:
            sys.exit(f"{path}: `{line}` is not the node table this script declares ({NODE_COLUMNS})")
        if line.startswith("CREATE RELATIONSHIP TYPE") and not line.endswith(", year INTEGER, weight FLOAT);"):
            sys.exit(f"{path}: `{line}` is not the relationship table this script declares ({REL_COLUMNS})")


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
    conn.execute("CHECKPOINT")
    return time.perf_counter() - started


def measure(conn, query, params, runs, warmup):
    """Warm-up runs, then timed runs (execute and fetch every row), as steppe_bench does.
    A run stopped by the connection's time limit, or by a full buffer pool, ends the
    query's runs: its error instead of times."""
    # Kuzu refuses parameters a statement does not use.
    params = {k: v for k, v in params.items() if re.search(rf"\${k}\b", query)}
    times, rows = [], []
    for round_ in range(warmup + runs):
        started = time.perf_counter()
        try:
            result = conn.execute(query, params)
            rows = result.get_all()
        except RuntimeError as e:
            if "interrupt" in str(e).lower() or "timeout" in str(e).lower():
                return [], [], f"timed out ({e})"
            # A query Kuzu cannot finish in its buffer pool (an intermediate result that
            # outgrows memory) fails as a timed-out one does: no answer to compare.
            if "buffer pool is full" in str(e).lower():
                return [], [], f"failed ({e})"
            raise
        elapsed = time.perf_counter() - started
        if round_ >= warmup:
            times.append(elapsed * 1000.0)
    return times, rows, None


def query_phase(db_path, manifest_path, workload_path, runs, warmup, out, timeout_secs=None, overrides=()):
    """The second process: opens the database read-only, runs the workload, and writes
    the times, the answers and the resident memory at each step to `out`."""
    with open(manifest_path) as f:
        manifest = json.load(f)
    manifest["params"].update(overrides)
    with open(workload_path) as f:
        workload = parse_workload(f.read())
    rss_before = rss_kib("VmRSS:")
    started = time.perf_counter()
    db = kuzu.Database(db_path, read_only=True)
    conn = kuzu.Connection(db)
    if timeout_secs:
        conn.set_query_timeout(int(timeout_secs * 1000))
    open_ms = (time.perf_counter() - started) * 1000.0
    rss_opened = rss_kib("VmRSS:")
    queries = []
    for q in workload:
        times, rows, error = measure(conn, q["kuzu"], manifest["params"], runs, warmup)
        queries.append({"name": q["name"], "times_ms": times, "rows": [list(r) for r in rows], "error": error})
    rss_workload = rss_kib("VmRSS:")
    peak_workload = rss_kib("VmHWM:")
    # Then every page: each property of every node and relationship, and the adjacency in
    # both directions, read once. The growth is the database wholly resident, the state
    # steppe's snapshot load leaves its graph in (the workload alone reads less of it).
    for node in manifest["nodes"]:
        conn.execute(f"MATCH (n:{node['label']}) RETURN sum(n.year), sum(n.weight), count(n.name)").get_all()
    conn.execute("MATCH (a)-[r]->(b) RETURN sum(r.year), sum(r.weight), count(a.id), count(b.id)").get_all()
    conn.execute("MATCH (a)<-[r]-(b) RETURN sum(r.year), sum(r.weight), count(a.id), count(b.id)").get_all()
    summary = {
        "open_ms": open_ms, "rss_before_open_kib": rss_before, "rss_after_open_kib": rss_opened,
        "rss_after_workload_kib": rss_workload, "rss_every_page_kib": rss_kib("VmRSS:"),
        "peak_rss_kib": peak_workload, "queries": queries,
    }
    with open(out, "w") as f:
        # Kuzu sums INT64 columns as INT128, which Python gets as a Decimal.
        json.dump(summary, f, default=lambda v: int(v) if v == int(v) else float(v))


def spawn_median_ms(argv):
    """Median wall-clock of STARTUP_SPAWNS runs of `argv` from spawn to exit, after one
    unmeasured run."""
    times = []
    for round_ in range(STARTUP_SPAWNS + 1):
        started = time.perf_counter()
        subprocess.run(argv, check=True, stdout=subprocess.DEVNULL)
        if round_ > 0:
            times.append((time.perf_counter() - started) * 1000.0)
    return statistics.median(times)


def same_answer(check, mine, theirs):
    if check == "rows":
        return len(mine) == len(theirs)
    return [list(r) for r in mine] == [list(r) for r in theirs]


def param_named(text):
    """`name=value` with an integer value, as steppe_bench's `--param` takes it."""
    name, sep, value = text.partition("=")
    if not sep:
        raise argparse.ArgumentTypeError(f"--param takes name=value, not {text!r}")
    try:
        return name.strip(), int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"--param {name} takes an integer, not {value!r}")


def main():
    args = argparse.ArgumentParser()
    args.add_argument("--root", required=True)
    args.add_argument("--scale", default="S")
    args.add_argument("--seed", type=int, default=42)
    args.add_argument("--runs", type=int, default=5)
    args.add_argument("--warmup", type=int, default=1)
    # Issue 15: the broad workload (benches/workload2.cypher), and steppe's results from
    # the graph imported without a schema (Kuzu always has its tables and primary keys).
    args.add_argument("--workload", default="workload")
    args.add_argument("--schemaless", action="store_true")
    # As steppe_bench's: a query still running after this long is stopped and reported.
    args.add_argument("--timeout-secs", type=float)
    # Internal: how the first process starts the second one.
    args.add_argument("--query-phase", nargs=2, metavar=("DB", "OUT"))
    # As steppe_bench's: `--param person=123` replaces a parameter of the manifest.
    args.add_argument("--param", action="append", default=[], type=param_named)
    opts = args.parse_args()

    bench = os.path.join(opts.root, "target", "bench")
    tag = f"{opts.scale}-{opts.seed}"
    data = os.path.join(bench, "data", tag)
    workload_path = os.path.join(opts.root, "benches", f"{opts.workload}.cypher")
    # The results' tag, as steppe_bench names its files.
    result_tag = tag + ("" if opts.workload == "workload" else f"-{opts.workload}") + ("-schemaless" if opts.schemaless else "")
    result_tag += "".join(f"-{name}{value}" for name, value in opts.param)
    if opts.query_phase:
        query_phase(opts.query_phase[0], os.path.join(data, "manifest.json"), workload_path,
                    opts.runs, opts.warmup, opts.query_phase[1], opts.timeout_secs, opts.param)
        return
    steppe_file = os.path.join(bench, f"steppe-{result_tag}.json")
    if not os.path.exists(steppe_file):
        sys.exit(f"{steppe_file} is missing: run `cargo bench --bench steppe_bench -- --scale {opts.scale} --seed {opts.seed}"
                 f" --workload {opts.workload}{' --schemaless' if opts.schemaless else ''}` first")
    with open(os.path.join(data, "manifest.json")) as f:
        manifest = json.load(f)
    with open(steppe_file) as f:
        steppe = json.load(f)
    with open(workload_path) as f:
        workload = parse_workload(f.read())
    check_schema_matches(data)

    db_path = os.path.join(bench, f"kuzu-{tag}.kuzu")
    for stale in (db_path, db_path + ".wal"):
        if os.path.isdir(stale):
            shutil.rmtree(stale)
        elif os.path.exists(stale):
            os.remove(stale)
    print(f"importing {data} into Kuzu ...", file=sys.stderr)
    db = kuzu.Database(db_path)
    conn = kuzu.Connection(db)
    import_s = load(conn, data, manifest)
    conn.close()
    db.close()
    import_peak = rss_kib("VmHWM:")
    db_bytes = dir_bytes(db_path)

    print("opening it and running the workload in a fresh process ...", file=sys.stderr)
    phase_out = os.path.join(bench, f"kuzu-{result_tag}.query.json")
    subprocess.run([sys.executable, os.path.abspath(__file__), "--root", opts.root, "--scale", opts.scale,
                    "--seed", str(opts.seed), "--runs", str(opts.runs), "--warmup", str(opts.warmup),
                    "--workload", opts.workload, "--query-phase", db_path, phase_out]
                   + [a for name, value in opts.param for a in ("--param", f"{name}={value}")]
                   + (["--timeout-secs", str(opts.timeout_secs)] if opts.timeout_secs else []), check=True)
    with open(phase_out) as f:
        phase = json.load(f)

    print(f"timing start-up ({STARTUP_SPAWNS} spawns each) ...", file=sys.stderr)
    open_script = (f"import kuzu; kuzu.Connection(kuzu.Database({db_path!r}, read_only=True))"
                   ".execute('RETURN 1').get_all()")
    startup_ms = spawn_median_ms([sys.executable, "-c", open_script])
    python_ms = spawn_median_ms([sys.executable, "-c", "pass"])

    steppe_by_name = {q["name"]: q for q in steppe["queries"]}
    results, mismatches = [], []
    for q, measured in zip(workload, phase["queries"]):
        rows = measured["rows"]
        mine = steppe_by_name.get(q["name"], {})
        if measured.get("error"):
            # Kuzu gave no answer to compare with: reported, not a mismatch.
            results.append({"name": q["name"], "median_ms": None, "min_ms": None, "times_ms": [],
                            "rows": 0, "error": measured["error"], "steppe_median_ms": mine.get("median_ms"),
                            "ratio": None, "same_answer": None})
            continue
        ok = mine.get("error") is None and same_answer(q["check"], mine.get("rows", []), rows)
        if not ok:
            mismatches.append(f"{q['name']}: steppe {mine.get('rows') if mine.get('error') is None else mine.get('error')} vs Kuzu {rows}")
        median = statistics.median(measured["times_ms"])
        ratio = mine["median_ms"] / median if mine.get("median_ms") and median > 0 else None
        results.append({"name": q["name"], "median_ms": median, "min_ms": min(measured["times_ms"]),
                        "times_ms": measured["times_ms"], "rows": len(rows),
                        "steppe_median_ms": mine.get("median_ms"), "ratio": ratio, "same_answer": ok})

    rels = sum(r["count"] for r in manifest["relationships"])
    open_growth = phase["rss_after_open_kib"] - phase["rss_before_open_kib"]
    workload_growth = phase["rss_after_workload_kib"] - phase["rss_before_open_kib"]
    every_page_growth = phase["rss_every_page_kib"] - phase["rss_before_open_kib"]
    summary = {
        "engine": "kuzu", "version": kuzu.__version__, "scale": opts.scale, "seed": opts.seed,
        "runs": opts.runs, "warmup": opts.warmup, "import_ms": import_s * 1000.0, "import_peak_rss_kib": import_peak,
        "open_ms": phase["open_ms"], "db_bytes": db_bytes,
        "rss_before_open_kib": phase["rss_before_open_kib"], "rss_after_open_kib": phase["rss_after_open_kib"],
        "rss_after_workload_kib": phase["rss_after_workload_kib"], "rss_every_page_kib": phase["rss_every_page_kib"],
        "peak_rss_kib": phase["peak_rss_kib"],
        "bytes_per_rel_after_open": open_growth * 1024 / rels,
        "bytes_per_rel_every_page": every_page_growth * 1024 / rels,
        "bytes_per_rel_memory": workload_growth * 1024 / rels,
        "bytes_per_rel_disk": db_bytes / rels,
        "startup_ms": startup_ms, "python_startup_ms": python_ms,
        "queries": results, "mismatches": mismatches,
    }
    with open(os.path.join(bench, f"kuzu-{result_tag}.json"), "w") as f:
        json.dump(summary, f, indent=2)
    report(summary, steppe)
    if mismatches:
        print("\nANSWERS DIFFER (the run fails):", file=sys.stderr)
        for m in mismatches:
            print("  " + m, file=sys.stderr)
        sys.exit(1)


def ratio_text(a, b):
    return f"{a / b:.2f}" if a is not None and b else "-"


def report(kz, st):
    """One side-by-side table: the queries, then everything else, each with steppe / Kuzu."""
    print(f"\nscale {kz['scale']} (seed {kz['seed']}): {st['nodes']} nodes, {st['relationships']} relationships; "
          f"steppe vs Kuzu {kz['version']}; median of {kz['runs']} runs after {kz['warmup']} warm-up; "
          "ratio = steppe / Kuzu (below 1: steppe is faster or smaller)")
    print(f"{'':<34} {'steppe':>12} {'Kuzu':>12} {'ratio':>7}  answer")
    for q in kz["queries"]:
        s = q["steppe_median_ms"]
        s_text = f"{s:.3f}" if s is not None else "-"
        if q.get("error"):
            print(f"{q['name'] + ' ms':<34} {s_text:>12} {'timed out' if q['error'].startswith('timed') else 'failed':>12} {'-':>7}  (Kuzu: {q['error']})")
            continue
        print(f"{q['name'] + ' ms':<34} {s_text:>12} {q['median_ms']:>12.3f} {ratio_text(s, q['median_ms']):>7}  "
              f"{'same' if q['same_answer'] else 'DIFFERS'} ({q['rows']} rows)")
    mib = 1024.0
    steppe_load_growth = (st["rss_after_load_kib"] - st["rss_before_load_kib"]) / mib
    steppe_workload_growth = (st["rss_after_workload_kib"] - st["rss_before_load_kib"]) / mib
    kuzu_open_growth = (kz["rss_after_open_kib"] - kz["rss_before_open_kib"]) / mib
    kuzu_workload_growth = (kz["rss_after_workload_kib"] - kz["rss_before_open_kib"]) / mib
    rows = [
        ("CSV import ms", st["import_ms"], kz["import_ms"], "{:.0f}"),
        ("import peak RSS MiB", st["import_peak_rss_kib"] / mib, kz["import_peak_rss_kib"] / mib, "{:.0f}"),
        ("load ms (snapshot / open)", st["snapshot_load_ms"], kz["open_ms"], "{:.0f}"),
        ("RSS growth after load/open MiB", steppe_load_growth, kuzu_open_growth, "{:.0f}"),
        ("RSS growth after workload MiB", steppe_workload_growth, kuzu_workload_growth, "{:.0f}"),
        ("RSS growth, every page read MiB", steppe_workload_growth,
         (kz["rss_every_page_kib"] - kz["rss_before_open_kib"]) / mib, "{:.0f}"),
        ("peak RSS, query process MiB", st["peak_rss_kib"] / mib, kz["peak_rss_kib"] / mib, "{:.0f}"),
        ("bytes/rel in memory after load/open", st["bytes_per_rel_memory"], kz["bytes_per_rel_after_open"], "{:.1f}"),
        ("bytes/rel in memory after workload", st["bytes_per_rel_after_workload"], kz["bytes_per_rel_memory"],
         "{:.1f}"),
        ("bytes/rel in memory, every page read", st["bytes_per_rel_after_workload"], kz["bytes_per_rel_every_page"],
         "{:.1f}"),
        ("bytes/rel on disk", st["bytes_per_rel_disk"], kz["bytes_per_rel_disk"], "{:.1f}"),
        ("start-up ms (shell prompt / Python open)", st["startup"]["prompt_ms"], kz["startup_ms"], "{:.1f}"),
    ]
    for name, a, b, fmt in rows:
        print(f"{name:<34} {fmt.format(a):>12} {fmt.format(b):>12} {ratio_text(a, b):>7}")
    print("(steppe holds the whole graph once loaded; Kuzu opens lazily and its pages come in as queries touch "
          "them, so its in-memory figures are after the workload and after reading every page; "
          f"Kuzu's start-up includes {kz['python_startup_ms']:.1f} ms of Python itself; "
          f"steppe's shell through a pipe to `:quit`: {st['startup']['repl_ms']:.1f} ms, "
          f"`steppe query 'RETURN 1'`: {st['startup']['query_ms']:.1f} ms)")


if __name__ == "__main__":
    main()
