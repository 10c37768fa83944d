#!/bin/sh
# The column-loop shapes of issue 15 (degree ranking, aggregates per relationship type and
# over a label's columns) on python-igraph, over the files steppe_bench generated, beside
# steppe's times from its results files.
#
#   cargo bench --bench steppe_bench -- --scale S [--workload workload2]   # first
#   benches/igraph/run.sh --scale S [--seed 42] [--runs 5]
#
# igraph lives in its own virtual environment under target/bench/igraph-venv.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
venv="$root/target/bench/igraph-venv"
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet "igraph==${IGRAPH_VERSION:-1.0.0}"
fi
exec "$venv/bin/python" "$here/bench.py" --root "$root" "$@"
