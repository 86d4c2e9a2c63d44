#!/usr/bin/env bash
# Two builds (or two command lines) compared fairly on a shared machine: the runs alternate, A B B A
# A B ..., so that a neighbour's load lands on both, where hyperfine's blocks (all of A, then all of
# B) let the machine's drift of +-40 ms decide. Prints the median and mean wall time and the median
# CPU time (user + sys) of each.
#
#   src/test/bench/ab.sh [--rt] [RUNS] "COMMAND A" "COMMAND B"      (default 20 runs each, after 2 warm-ups)
#
# e.g. a worktree of the previous commit against this one:
#   git worktree add /tmp/before HEAD~1 && /tmp/before/aegis --version
#   src/test/bench/ab.sh --rt 30 "/tmp/before/aegis check runbooks/ environments/" "./aegis check runbooks/ environments/"
#
# --rt runs at real-time priority (chrt -f 10, root only).
set -euo pipefail
rt=()
if [ "${1:-}" = --rt ]; then rt=(chrt -f 10); shift; fi
runs=20
if [[ "${1:-}" =~ ^[0-9]+$ ]]; then runs=$1; shift; fi
if [ $# -ne 2 ]; then
  echo "usage: $0 [--rt] [RUNS] \"COMMAND A\" \"COMMAND B\"" >&2
  exit 2
fi
commands=("$1" "$2")
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

once() {   # once INDEX: one run of command INDEX, "wall cpu" in ms appended to its file
  local TIMEFORMAT='%3R %3U %3S'   # bash's own `time`: milliseconds, the child's user and system time
  { time "${rt[@]}" bash -c "${commands[$1]} >/dev/null 2>&1"; } 2> "$out/t" || true
  awk '{ printf "%.0f %.0f\n", $1 * 1000, ($2 + $3) * 1000 }' "$out/t" >> "$out/$1"
}

for i in 0 1; do for _ in 1 2; do once "$i"; done; : > "$out/$i"; done
for ((r = 0; r < runs; r++)); do
  if ((r % 2 == 0)); then once 0; once 1; else once 1; once 0; fi
done

median() {   # median FILE COLUMN
  sort -n -k"$2" "$1" | awk -v k="$2" '{ v[NR] = $k } END { print NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
for i in 0 1; do
  label=$([ "$i" = 0 ] && echo A || echo B)
  mean=$(awk '{ s += $1 } END { printf "%.0f", s / NR }' "$out/$i")
  printf '%s  wall median %4.0f ms, mean %4s ms; cpu median %4.0f ms  (%d runs)  %s\n' "$label" \
    "$(median "$out/$i" 1)" "$mean" "$(median "$out/$i" 2)" "$(wc -l < "$out/$i")" "${commands[$i]}"
done
