#!/usr/bin/env bash
# Cold start-up of the real launcher: `./aegis --version` and `./aegis check` over the project's
# runbooks and environments, each a fresh JVM through ./aegis (with its AOT cache), timed by
# hyperfine; peak RSS by /usr/bin/time -v. The page cache is warm: "cold" means a new JVM.
#
#   src/test/bench/cold-start.sh [--rt] [RUNS]     (default 10 runs, after 3 warm-up runs)
#
# --rt runs the timed commands at real-time priority (chrt -f 10, root only), so that other work on
# a shared machine does not decide the numbers; the load average is printed either way.
#
# Installs hyperfine and GNU time with apt-get when they are missing. Writes the hyperfine
# results to target/bench/cold-start.{md,json}.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
rt=()
if [ "${1:-}" = --rt ]; then rt=(chrt -f 10); shift; fi
runs=${1:-10}
cd "$root"

need() {   # need COMMAND PACKAGE
  command -v "$1" >/dev/null 2>&1 && return
  echo "cold-start: installing $2" >&2
  if [ "$(id -u)" -eq 0 ]; then apt-get update -qq && apt-get install -y -qq "$2" >/dev/null
  else sudo apt-get update -qq && sudo apt-get install -y -qq "$2" >/dev/null; fi
}
need hyperfine hyperfine
[ -x /usr/bin/time ] || need /usr/bin/time time

# The check inputs: the project's own files (all that exist of runbooks/, environments/).
inputs=()
for d in runbooks environments; do [ -d "$d" ] && inputs+=("$d/"); done
if [ ${#inputs[@]} -eq 0 ]; then
  echo "cold-start: no runbooks/ or environments/ to check" >&2
  exit 1
fi

# Build the jar and the AOT cache first, so no timed run pays for them.
./aegis --version >/dev/null
./aegis check "${inputs[@]}" >/dev/null || true

mkdir -p target/bench
echo "== $(nproc) cores, load average: $(cut -d' ' -f1-3 /proc/loadavg), $("$root/aegis" --version | tail -1)"
commands=("./aegis --version" "./aegis check ${inputs[*]}")
"${rt[@]}" hyperfine -N --warmup 3 --runs "$runs" -i \
  --export-markdown target/bench/cold-start.md --export-json target/bench/cold-start.json "${commands[@]}"

# One line per command: median, min and max in ms, from hyperfine's JSON (results in order).
json=$(tr -d ' \n' < target/bench/cold-start.json)
metric() {   # metric NAME INDEX
  echo "$json" | grep -o "\"$1\":[0-9.e-]*" | sed -n "$(($2 + 1))s/.*://p"
}
for i in "${!commands[@]}"; do
  awk -v c="${commands[$i]}" -v md="$(metric median "$i")" -v mn="$(metric min "$i")" -v mx="$(metric max "$i")" \
    'BEGIN { printf "%-40s median %.0f ms, min %.0f ms, max %.0f ms\n", c, md * 1000, mn * 1000, mx * 1000 }'
done

rss() {   # peak resident set size of one run, in MiB
  "${rt[@]}" /usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F': ' '/Maximum resident set size/ { printf "%.0f MiB", $2 / 1024 }'
}
echo "peak RSS: ./aegis --version: $(rss ./aegis --version); ./aegis check ${inputs[*]}: $(rss ./aegis check "${inputs[@]}")"
