#!/bin/sh
# Runs the issue-6 workload on Kuzu, on the files steppe_bench generated and imported,
# cross-checks the answers against steppe's results and prints the steppe/Kuzu ratios.
#
#   cargo bench --bench steppe_bench -- --scale S     # first: data + steppe's results
#   benches/kuzu/run.sh --scale S [--seed 42] [--runs 5] [--warmup 1]
#
# Kuzu lives in its own virtual environment under target/bench/kuzu-venv.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
venv="$root/target/bench/kuzu-venv"
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet "kuzu==${KUZU_VERSION:-0.11.3}"
fi
exec "$venv/bin/python" "$here/bench.py" --root "$root" "$@"
