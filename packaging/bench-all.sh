#!/usr/bin/env bash
# ./hopscope bench all [--runs N] [--only NAME]: the benchmarks behind the README's table, N runs in
# a row (default 3), against the user sandbox seeded with 1,000,000 messages (bench startup: the
# installed app, else target/package's image). Each bench prints its own baseline measured in the
# same run; this keeps every output under target/bench/<UTC time>/ with the machine and its load
# (before, between the benches, after), and ends with the lines that carry ratios and targets.
set -euo pipefail
ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
RUNS=3
ONLY=""
die() { echo "hopscope bench all: $*" >&2; exit 2; }
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) RUNS="${2:-}"; shift 2 ;;
    --only) ONLY="${2:-}"; shift 2 ;;
    *) die "unknown option '$1' (usage: ./hopscope bench all [--runs N] [--only flow|chatty|window|ui|ui-window|startup])" ;;
  esac
done
[[ "$RUNS" =~ ^[0-9]+$ ]] && [ "$RUNS" -ge 1 ] || die "--runs takes a number >= 1, not '$RUNS'"
# bench ui opens a real window: without a display, all of it runs under one virtual one
if [ -z "${DISPLAY:-}" ]; then
  command -v xvfb-run >/dev/null 2>&1 || die "no DISPLAY and no xvfb-run (apt-get install xvfb xauth)"
  exec xvfb-run -a -s "-screen 0 1600x1000x24" "$0" --runs "$RUNS" ${ONLY:+--only "$ONLY"}
fi

BENCHES=("flow" "chatty:flow --chatty" "window" "ui" "ui-window:ui --window" "startup")
out="$ROOT/target/bench/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out"
load() { echo "load average $(cut -d' ' -f1-3 /proc/loadavg) (1/5/15 min)"; }
{
  echo "machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(awk '/MemTotal/ {printf "%.0f GB", $2 / 1048576}' /proc/meminfo) RAM, $(. /etc/os-release && echo "$PRETTY_NAME")"
  echo "java: $("${JAVA_HOME:+$JAVA_HOME/bin/}java" -version 2>&1 | head -1)"
  echo "before: $(load)"
} | tee "$out/machine.txt"
for r in $(seq 1 "$RUNS"); do
  for entry in "${BENCHES[@]}"; do
    name="${entry%%:*}"
    args="${entry#*:}"
    [ -n "$ONLY" ] && [ "$ONLY" != "$name" ] && continue
    file="$out/run$r-$name.txt"
    echo "== run $r of $RUNS: bench $args, $(load)" | tee -a "$out/machine.txt"
    # shellcheck disable=SC2086 # args is a word list
    if ! "$ROOT/hopscope" bench $args >"$file" 2>&1; then
      echo "   bench $args failed (exit $?): see $file" | tee -a "$out/machine.txt"
    fi
  done
done
echo "after: $(load)" | tee -a "$out/machine.txt"
echo
echo "ratios and targets (all outputs in $out):"
for f in "$out"/run*.txt; do
  echo "-- $(basename "$f" .txt)"
  grep -E '[0-9]\.[0-9]+x|target|met|MISSED|error' "$f" || echo "   (no ratio line: see the file)"
done | tee "$out/summary.txt"
