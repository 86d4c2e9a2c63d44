#!/usr/bin/env bash
# The sandbox, measured through the real launcher:
#   - boot of `./aegis sandbox` (every server, seeded), from the command to its "up" line, BOOTS times;
#   - boot of only what incident-db-performance needs (PostgreSQL and the servers that start at
#     once), as `--env sandbox` does in the command's own process, BOOTS times;
#   - `./aegis run runbooks/daily-check.aegis --env sandbox` against a running sandbox, by hyperfine;
#   - peak RSS of the `aegis sandbox` process (VmHWM) after those runs.
#
#   src/test/bench/sandbox.sh [--rt] [RUNS] [BOOTS]     (default 10 daily-check runs, 3 boots)
#
# --rt runs the timed commands at real-time priority (chrt -f 10, root only), so that other work
# on a shared machine does not decide the numbers; the load average is printed either way. The
# sandbox's ports must be free. Results go to target/bench/sandbox.{txt,md,json}.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
rt=()
if [ "${1:-}" = --rt ]; then rt=(chrt -f 10); shift; fi
runs=${1:-10}
boots=${2:-3}
cd "$root"
command -v hyperfine >/dev/null || { echo "sandbox: needs hyperfine (apt-get install hyperfine)" >&2; exit 1; }

export AEGIS_HOME=$root/target/bench/aegis-home
mkdir -p target/bench "$AEGIS_HOME"
out=target/bench/sandbox.txt
: > "$out"
say() { echo "$*" | tee -a "$out"; }

# Build the jar, the sandbox classpath and the AOT cache first, so that no timed run pays for them.
./aegis sandbox --print-kubeconfig >/dev/null
./aegis check runbooks/ environments/ >/dev/null || true

pid=
stop_sandbox() {
  [ -n "$pid" ] || return 0
  kill -TERM "$pid" 2>/dev/null || true
  while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
  pid=
}
trap stop_sandbox EXIT

# Starts `aegis sandbox` in the background (in this shell, so that $pid is the sandbox's) and sets
# $boot to the seconds from the command to its "up" line and what the sandbox reported.
start_sandbox() {
  local log=target/bench/sandbox-run.log start
  start=$(date +%s.%N)
  "${rt[@]}" ./aegis sandbox > "$log" 2>&1 &
  pid=$!
  until grep -q "^aegis sandbox: up in" "$log"; do
    if ! kill -0 "$pid" 2>/dev/null; then cat "$log" >&2; echo "sandbox: aegis sandbox did not start" >&2; exit 1; fi
    sleep 0.05
  done
  boot="$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }') s$(grep -m1 "^aegis sandbox: up in" "$log" \
    | sed 's/^aegis sandbox: up in/ (reported:/; s/$/)/')"
}

say "== $(nproc) cores, load average: $(cut -d' ' -f1-3 /proc/loadavg), $(./aegis --version | tail -1)"
for i in $(seq "$boots"); do
  start_sandbox
  say "aegis sandbox, boot $i: $boot"
  if [ "$i" -lt "$boots" ]; then stop_sandbox; fi
done

"${rt[@]}" hyperfine -N --warmup 2 --runs "$runs" \
  --export-markdown target/bench/sandbox.md --export-json target/bench/sandbox.json \
  "./aegis run runbooks/daily-check.aegis --env sandbox"
json=$(tr -d ' \n' < target/bench/sandbox.json)
metric() { echo "$json" | grep -o "\"$1\":[0-9.e-]*" | head -1 | sed 's/.*://'; }
say "$(awk -v md="$(metric median)" -v mn="$(metric min)" -v mx="$(metric max)" \
  'BEGIN { printf "daily-check against the running sandbox: median %.0f ms, min %.0f ms, max %.0f ms", md * 1000, mn * 1000, mx * 1000 }')"
say "aegis sandbox peak RSS: $(awk '/VmHWM/ { printf "%.0f MiB", $2 / 1024 }' "/proc/$pid/status")"
stop_sandbox

for i in $(seq "$boots"); do
  start=$(date +%s.%N)
  line=$("${rt[@]}" ./aegis run runbooks/incident-db-performance.aegis --env sandbox --yes 2>&1 >/dev/null | grep "sandbox up in" || true)
  say "PostgreSQL only (incident-db-performance, whole command $(awk -v s="$start" -v e="$(date +%s.%N)" \
    'BEGIN { printf "%.1f", e - s }') s), boot $i: ${line#aegis: }"
done
