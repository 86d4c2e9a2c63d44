#!/usr/bin/env bash
# Remakes interpreter-resources/aegis/cli/aot-classes.txt: the classes a real
# `./aegis run runbooks/daily-check.aegis --env sandbox` loads that the launcher's AOT training
# (aegis.cli.AotTraining) does not reach by running: the JDBC and Bolt drivers' query paths (the
# training has no database to talk to), the sandbox client's, the JDK's HTTP/2 client. The training
# loads them by name, so that the run cache holds them loaded and linked.
#
#   src/test/aot/classes.sh
#
# Starts `./aegis sandbox` (its ports must be free), runs daily-check against it twice (the first
# run is the one after a fresh cache; the second, measured one, lists what that cache still lacks),
# and stops it. Classes that the jar does not hold any more are skipped by the training, so an old
# list costs nothing but its benefit; remake it when the drivers or the run path change.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
cd "$root"
list=interpreter-resources/aegis/cli/aot-classes.txt
work=target/aot-classes
rm -rf "$work"; mkdir -p "$work"
export AEGIS_HOME=$root/$work/home
./aegis sandbox > "$work/sandbox.log" 2>&1 &
pid=$!
trap 'kill -TERM $pid 2>/dev/null || true; wait $pid 2>/dev/null || true' EXIT
until grep -q "^aegis sandbox: up in" "$work/sandbox.log"; do
  kill -0 $pid 2>/dev/null || { cat "$work/sandbox.log" >&2; exit 1; }
  sleep 0.2
done
./aegis run runbooks/daily-check.aegis --env sandbox --yes > /dev/null
AEGIS_JAVA_OPTS="-Xlog:class+load=info:file=$root/$work/loaded.log" \
  ./aegis run runbooks/daily-check.aegis --env sandbox --yes > /dev/null
# "name source: file:.../aegis-*-all.jar" or "source: jrt:/module": classes read from the jar or
# the JDK at run time, not from the cache (those say "shared objects file"); no generated classes.
# The measured run's cache was trained with the current list, so the classes it already holds are
# loaded from the cache: entries of the current list are kept while the run still loads them, from
# wherever, and dropped once it does not (a list made again is the same list).
sed -E 's/^.*\] ([^ ]+) source: .*$/\1/' "$work/loaded.log" | sort -u > "$work/all-loaded.txt"
{
  echo "# Classes the AOT training loads by name; made by src/test/aot/classes.sh, do not edit."
  {
    grep -E 'source: (jrt:/|file:.*/aegis-[^/]*-all\.jar)' "$work/loaded.log" \
      | sed -E 's/^.*\] ([^ ]+) source: .*$/\1/' | grep -v '\$\$' || true
    grep -v '^#' "$list" | grep -Fxf "$work/all-loaded.txt" || true
  } | sort -u
} > "$list.new"
mv "$list.new" "$list"
echo "classes.sh: $(grep -vc '^#' "$list") classes in $list" >&2
