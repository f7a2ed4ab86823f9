#!/usr/bin/env bash
# `make bench`: dsaudit's front end beside CPython's ast.parse, same files,
# same run. Usage: scripts/bench.sh [BUILD_DIR]  (default: build)
#
# DSAUDIT_BENCH_CORPUS picks the corpus (default: python3's standard library,
# without site-packages). DSAUDIT_BENCH_REPETITIONS (default 5) and
# DSAUDIT_BENCH_CPYTHON_RUNS (default 3) trade time for stability.
set -euo pipefail

build=${1:-build}
root=$(cd "$(dirname "$0")/.." && pwd)
bench_binary="$build/dsaudit_bench"
cli_binary="$build/dsaudit"
repetitions=${DSAUDIT_BENCH_REPETITIONS:-5}
cpython_runs=${DSAUDIT_BENCH_CPYTHON_RUNS:-3}

if [[ ! -x "$bench_binary" ]]; then
  echo "bench: $bench_binary not built (configure with -DDSAUDIT_BENCHMARKS=ON)" >&2
  exit 2
fi
corpus=${DSAUDIT_BENCH_CORPUS:-$(python3 -c 'import sysconfig; print(sysconfig.get_paths()["stdlib"])')}
export DSAUDIT_BENCH_CORPUS="$corpus"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export DSAUDIT_BENCH_FILE_LIST="$work/files.txt"
export DSAUDIT_BENCH_REJECTED="$work/rejected.txt"

echo "bench: corpus $corpus" >&2
echo "bench: dsaudit_bench, $repetitions repetitions" >&2
"$bench_binary" --benchmark_repetitions="$repetitions" --benchmark_min_time=0.2 \
  --benchmark_report_aggregates_only=true \
  --benchmark_out="$work/google.json" --benchmark_out_format=json >&2

echo "bench: CPython ast.parse, $cpython_runs runs" >&2
python3 "$root/bench/cpython_parse.py" --runs "$cpython_runs" "$work/files.txt" >"$work/cpython.json"

report_args=(--google "$work/google.json" --cpython "$work/cpython.json"
             --rejected "$work/rejected.txt")

if [[ -x "$cli_binary" ]]; then
  # The whole command from disk; exit 1 (syntax errors in the corpus) is fine.
  if command -v hyperfine >/dev/null; then
    echo "bench: dsaudit parse (whole CLI) with hyperfine" >&2
    hyperfine --runs 3 --warmup 1 -N -i --export-json "$work/cli.json" \
      -n "dsaudit parse --jobs 1" "$cli_binary parse --quiet --jobs 1 $corpus" \
      -n "dsaudit parse --jobs $(nproc)" "$cli_binary parse --quiet --jobs $(nproc) $corpus" >&2
    report_args+=(--cli "$work/cli.json")
  fi
  if [[ -x /usr/bin/time ]]; then
    /usr/bin/time -f %M -o "$work/rss.txt" "$cli_binary" parse --quiet --jobs 1 "$corpus" \
      >/dev/null 2>&1 || true
    largest=$(xargs -d '\n' stat -c %s <"$work/files.txt" | sort -n | tail -1)
    report_args+=(--memory "$(tail -1 "$work/rss.txt")" --largest "$largest")
  fi
fi

echo
python3 "$root/bench/bench_report.py" "${report_args[@]}"

# The other hot paths, each beside its peer tools in the same run.
root_dir="$root"
if [[ -x "$cli_binary" ]]; then
  echo
  python3 "$root_dir/bench/check_bench.py" "$cli_binary" || echo "bench: check bench failed" >&2
  echo
  python3 "$root_dir/bench/audit_bench.py" "$cli_binary" || echo "bench: audit bench failed" >&2
  echo
  python3 "$root_dir/bench/secret_bench.py" "$cli_binary" || echo "bench: secret bench failed" >&2
  echo
  bash "$root_dir/bench/load_bench.sh" "$cli_binary" || echo "bench: load bench failed" >&2
  echo
  bash "$root_dir/bench/http_bench.sh" "$cli_binary" || echo "bench: http bench failed" >&2
fi
