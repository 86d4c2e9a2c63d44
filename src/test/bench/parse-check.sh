#!/usr/bin/env bash
# Warm parse and parse + check throughput (JMH) over a generated corpus of at least 100 000 lines
# of realistic runbooks (aegis.bench.ParseCheckBenchmark, corpus in target/bench/corpus/).
#
#   src/test/bench/parse-check.sh [--rt] [JMH OPTIONS]     e.g. -wi 1 -i 2 for a quick look
#
# Prints lines per second for `parse`, `parseAndCheck` (one thread) and `parseAndCheckParallel` (as
# `aegis check` does it, on every core), and the load average before and after, which on a shared
# machine decides a good part of the numbers. --rt runs the benchmark at real-time priority
# (chrt -f 10, root only) so that other work on the machine does not decide them.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
rt=()
if [ "${1:-}" = --rt ]; then rt=(chrt -f 10); shift; fi
cd "$root"
. "$root/.mvn/find-jdk.sh"
mkdir -p target/bench
./mvnw -q -B -o test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench/test-classpath.txt >&2
echo "== $(nproc) cores, load average: $(cut -d' ' -f1-3 /proc/loadavg), $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
exec "${rt[@]}" "$JAVA_HOME/bin/java" -cp "target/test-classes:target/classes:$(cat target/bench/test-classpath.txt)" \
  aegis.bench.ParseCheckBenchmark "$@"
