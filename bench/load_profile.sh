#!/usr/bin/env bash
# Where `dsaudit load` spends its instructions, per log line: callgrind on one
# thread over a generated COMBINED log (200,000 lines by default, made once
# and cached). Instruction counts repeat exactly from run to run, so unlike
# wall time they compare two builds on a noisy machine: run it with each
# binary (e.g. one built from an older commit in a `git worktree`).
#
# Usage: bench/load_profile.sh path/to/dsaudit [LINES]
# Environment: DSAUDIT_BENCH_CACHE (~/.cache/dsaudit-bench).
set -euo pipefail

binary=${1:?usage: $0 path/to/dsaudit [LINES]}
lines=${2:-200000}
cache=${DSAUDIT_BENCH_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/dsaudit-bench}
command -v valgrind >/dev/null || { echo "load-profile: needs valgrind (apt-get install valgrind)" >&2; exit 2; }
mkdir -p "$cache"
log="$cache/combined-$lines-seed1.log"
if [[ ! -s "$log" ]]; then
  "$binary" load generate --lines "$lines" --seed 1 --days 35 --out "$log.tmp" 2>/dev/null
  mv "$log.tmp" "$log"
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
valgrind --tool=callgrind --callgrind-out-file="$work/out" "$binary" load -j 1 --format json -o /dev/null "$log" \
  >/dev/null 2>&1
callgrind_annotate "$work/out" 2>/dev/null | python3 -c '
import re, sys
lines = int(sys.argv[1])
rows, total = [], None
for line in sys.stdin:
    m = re.match(r"\s*([\d,]+) \(\s*[\d.]+%\)\s+(.*)", line)
    if not m:
        continue
    count = int(m.group(1).replace(",", ""))
    if "PROGRAM TOTALS" in m.group(2):
        total = count
        continue
    name = re.sub(r"^[^:]*:", "", m.group(2).split(" [")[0])  # drop the file, keep the function
    name = name.replace("(anonymous namespace)", "{anon}").replace("dsaudit::load::", "")
    lambda_ = "{lambda" in name
    name = name.split("(")[0] + (" (lambda)" if lambda_ else "")
    rows.append((count, name))
print(f"load-profile: {lines} lines, {total / lines:.0f} instructions per line in all "
      "(the analysis after the scan is a fixed cost, spread here over the lines)")
for count, name in rows[:15]:
    print(f"{count / lines:10.0f} per line  {name}")
' "$lines"
