#!/usr/bin/env bash
# The deploy benchmarks in one command: builds the engine, the sandbox, the CLI jar (with its
# start-up archives) and the benchmark (Maven profile "bench"), builds the baseline commit's CLI
# in a scratch directory (the "before" rows), then runs the benchmark from the repository root. It
# prints a Markdown section and writes it to docs/performance.md under "Deploy benchmarks". curl
# and jq (for the guide's script) are installed with apt-get when missing. Every run stops by
# itself and sends traffic only to the sandbox on loopback.
#   bench/run.sh [--baseline REF|none] [benchmark options, e.g. --latencies 0,50 --tool-reps 10 --no-write]
# The default baseline is d0e4b5b, the last commit before the round-trip overlap and the start-up
# work of issue 16.
set -euo pipefail
cd "$(dirname "$0")/.."
baseline=d0e4b5b
if [ "${1:-}" = "--baseline" ]; then
    baseline=$2
    shift 2
fi
./mvnw -B -q -Pbench -DskipTests -pl bench,cli -am package
args=()
if [ "$baseline" != "none" ] && ! git cat-file -e "$baseline^{commit}" 2>/dev/null; then
    echo "The baseline $baseline is not in this clone: no \"before\" rows (--baseline REF names another)" >&2
    baseline=none
fi
if [ "$baseline" != "none" ]; then
    scratch=$(mktemp -d)
    trap 'rm -rf "$scratch"' EXIT
    echo "Building the baseline $baseline in $scratch" >&2
    git archive "$baseline" | tar -x -C "$scratch"
    git log -1 --format='commit %h (%s)' "$baseline" | cut -c1-120 > "$scratch/BASELINE"
    (cd "$scratch" && ./mvnw -B -q -DskipTests -pl cli -am package)
    args=(--baseline "$scratch")
fi
java -jar bench/target/openchoreo-bench.jar --cli cli/target/openchoreo-cli.jar "${args[@]}" "$@"
