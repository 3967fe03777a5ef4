#!/usr/bin/env bash
# The deploy benchmarks in one command: builds the engine, the sandbox, the CLI jar and the
# benchmark (Maven profile "bench"), then runs it from the repository root. It prints a Markdown
# section and writes it to docs/performance.md under "Deploy benchmarks". curl and jq (for the
# guide's script) are installed with apt-get when missing. Options go to the benchmark, e.g.
#   bench/run.sh --latencies 0,20 --reps 20 --no-write
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -Pbench -DskipTests -pl bench,cli -am package
exec java -jar bench/target/openchoreo-bench.jar --cli cli/target/openchoreo-cli.jar "$@"
