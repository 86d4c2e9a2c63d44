#!/usr/bin/env bash
# JMH: the interpreter's own cost per step and per pure built-in call (aegis.bench.InterpreterBenchmark;
# target: below 20 µs each). Builds the test classes (JMH's annotation processor generates the
# benchmark harness), then runs JMH with the test classpath. Extra arguments go to JMH, e.g. `-f 2`.
#
#   src/test/bench/interpreter.sh [JMH OPTIONS]       results in target/bench/interpreter.json
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
cd "$root"
. .mvn/find-jdk.sh
mkdir -p target/bench
./mvnw -B -q -o test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench/test-classpath.txt >/dev/null
echo "== $(nproc) cores, load average: $(cut -d' ' -f1-3 /proc/loadavg), $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
"$JAVA_HOME/bin/java" -cp "target/test-classes:target/classes:$(cat target/bench/test-classpath.txt)" \
  org.openjdk.jmh.Main 'aegis.bench.InterpreterBenchmark' -rf json -rff target/bench/interpreter.json "$@"
