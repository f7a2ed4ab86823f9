#!/usr/bin/env bash
# `dsaudit load` beside GoAccess and `wc -l` on the same generated COMBINED
# log (5,000,000 lines by default, made once by `dsaudit load generate` and
# cached). Prints medians, lines/s, MB/s, ratios, and dsaudit's peak RSS on
# a fifth of the log and on all of it (memory stays flat as input grows).
#
# Usage: bench/load_bench.sh path/to/dsaudit
# Environment: DSAUDIT_LOAD_BENCH_LINES (5000000), DSAUDIT_LOAD_BENCH_RUNS (5),
# DSAUDIT_LOAD_BENCH_GOACCESS_RUNS (1: GoAccess takes minutes per run),
# DSAUDIT_BENCH_CACHE (~/.cache/dsaudit-bench).
set -euo pipefail

binary=${1:?usage: $0 path/to/dsaudit}
lines=${DSAUDIT_LOAD_BENCH_LINES:-5000000}
runs=${DSAUDIT_LOAD_BENCH_RUNS:-5}
goaccess_runs=${DSAUDIT_LOAD_BENCH_GOACCESS_RUNS:-1}
cache=${DSAUDIT_BENCH_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/dsaudit-bench}
cores=$(nproc)
mkdir -p "$cache"
log="$cache/combined-$lines-seed1.log"
if [[ ! -s "$log" ]]; then
  echo "load-bench: generating $lines lines into $log" >&2
  "$binary" load generate --lines "$lines" --seed 1 --days 35 --out "$log.tmp" 2>/dev/null
  mv "$log.tmp" "$log"
fi
bytes=$(stat -c %s "$log")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat "$log" >/dev/null  # warm the page cache for every tool alike

# median_seconds RUNS COMMAND...: median wall time, hyperfine when present;
# the mean CPU seconds (user + system) go to $work/cpu, since on a shared
# machine wall time measures the neighbours as much as the program.
median_seconds() {
  local n=$1
  shift
  if command -v hyperfine >/dev/null; then
    hyperfine --runs "$n" -N -i --style none --export-json "$work/h.json" "$(printf '%q ' "$@")" >/dev/null 2>&1
    python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"][0]; print(r["median"]); open(sys.argv[2],"w").write(str(r["user"]+r["system"]))' "$work/h.json" "$work/cpu"
    return
  fi
  local times=()
  for ((i = 0; i < n; i++)); do
    local start end
    start=$(date +%s.%N)
    "$@" >/dev/null 2>&1 || true
    end=$(date +%s.%N)
    times+=("$(echo "$end - $start" | bc -l)")
  done
  echo 0 >"$work/cpu"
  printf '%s\n' "${times[@]}" | sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'
}

row() {  # name seconds (reads the CPU seconds median_seconds left)
  python3 -c '
import sys
name, s, lines, size, cpu = sys.argv[1], float(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5])
line = f"{name:<28} {s:9.3f} s wall {lines/s/1e6:9.2f} M lines/s {size/s/1e6:9.1f} MB/s"
if cpu > 0:
    line += f"   {cpu:8.3f} s CPU {size/cpu/1e6:9.1f} MB/CPU-s"
print(line)' "$1" "$2" "$lines" "$bytes" "$(cat "$work/cpu")"
}

echo "load-bench: $lines lines, $((bytes / 1000000)) MB, $cores cores, medians of $runs runs (GoAccess: $goaccess_runs)"
t_all=$(median_seconds "$runs" "$binary" load --format json -o /dev/null "$log")
row "dsaudit load -j $cores" "$t_all"
t_one=$(median_seconds "$runs" "$binary" load -j 1 --format json -o /dev/null "$log")
row "dsaudit load -j 1" "$t_one"
t_wc=$(median_seconds "$runs" wc -l "$log")
row "wc -l" "$t_wc"
t_goaccess=""
if command -v goaccess >/dev/null; then
  t_goaccess=$(median_seconds "$goaccess_runs" goaccess "$log" --log-format=COMBINED -o "$work/goaccess.json")
  row "goaccess $(goaccess --version 2>/dev/null | head -1 | grep -o '[0-9][0-9.]*' | head -1)" "$t_goaccess"
else
  echo "goaccess: not installed (apt-get install goaccess)"
fi
python3 - "$t_all" "$t_one" "$t_wc" "${t_goaccess:-0}" <<'PY'
import sys
all_, one, wc, goaccess = map(float, sys.argv[1:])
print(f"ratio: dsaudit -j all vs -j 1: {one / all_:.2f}x; dsaudit -j all is {wc / all_:.2f}x the speed of wc -l")
if goaccess:
    print(f"ratio: dsaudit -j all is {goaccess / all_:.0f}x GoAccess; -j 1 is {goaccess / one:.0f}x GoAccess")
PY

if [[ -x /usr/bin/time ]]; then
  small="$cache/combined-$((lines / 5))-seed1.log"
  [[ -s "$small" ]] || "$binary" load generate --lines $((lines / 5)) --seed 1 --days 35 --out "$small" 2>/dev/null
  rss() { /usr/bin/time -v "$binary" load --format json -o /dev/null "$1" 2>&1 >/dev/null | awk '/Maximum resident/ {print $6}'; }
  echo "peak RSS: $(rss "$small") KB on $((lines / 5)) lines, $(rss "$log") KB on $lines lines, both over 35 days (memory follows the time span, not the line count)"
fi
