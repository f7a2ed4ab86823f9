#!/usr/bin/env python3
"""Prints the `make bench` table from one run's measurements.

Inputs (all from the same run of scripts/bench.sh):
  --google FILE     dsaudit_bench's JSON output (aggregates only)
  --cpython FILE    bench/cpython_parse.py's JSON output
  --rejected FILE   paths dsaudit_bench's parser rejected, one per line
  --cli FILE        optional hyperfine JSON of `dsaudit parse` runs
  --memory KB       optional peak RSS of `dsaudit parse --jobs 1`, in KiB
  --largest BYTES   optional size of the largest corpus file
Exit status 1 when dsaudit and CPython disagree on which files are invalid.
"""

import argparse
import json
import sys

PARSE_GOAL_RATIO = 30.0
PARSE_GOAL_MB_S = 150.0
ROWS = [
    ("BM_CountNewlines", "newline count (in memory)"),
    ("BM_ReadFilesAndCountNewlines", "read files + newline count"),
    ("BM_Tokenize", "dsaudit tokenize"),
    ("BM_TokenizeAndParse", "dsaudit tokenize + parse"),
    ("BM_ParseAndSemantic", "dsaudit parse + semantic model"),
]


def medians(google_json):
    """Median aggregates by benchmark name."""
    result = {}
    for entry in google_json["benchmarks"]:
        if entry.get("aggregate_name") == "median":
            result[entry["run_name"]] = entry
    return result


def row(label, mb_s, lines_s, cpython_mb_s, note=""):
    ratio = f"{mb_s / cpython_mb_s:8.1f}x" if cpython_mb_s else "        "
    return f"  {label:<34} {mb_s:10.1f} {lines_s / 1e6:12.2f} {ratio}  {note}"


def verdict(ok):
    return "PASS" if ok else "MISS"


def print_table(args, cpython, bench):
    cpython_mb_s = cpython["bytes"] / cpython["median_seconds"] / 1e6
    cpython_lines_s = cpython["lines"] / cpython["median_seconds"]
    print(f"corpus: {cpython['files']} files, {cpython['bytes'] / 1e6:.1f} MB, "
          f"{cpython['lines']} lines (MB = 10^6 bytes; medians of CPU time; single thread unless noted)")
    print(f"  {'':<34} {'MB/s':>10} {'Mlines/s':>12} {'vs CPython':>9}")
    for name, label in ROWS:
        entry = bench.get(name)
        if entry is None:
            continue
        print(row(label, entry["bytes_per_second"] / 1e6, entry["items_per_second"],
                  cpython_mb_s))
    print(row(f"CPython {cpython['python']} ast.parse", cpython_mb_s, cpython_lines_s,
              cpython_mb_s, f"median of {len(cpython['runs'])} runs"))
    if args.cli:
        with open(args.cli, encoding="utf-8") as cli_file:
            for result in json.load(cli_file)["results"]:
                seconds = result["median"]
                print(row(result["command"], cpython["bytes"] / seconds / 1e6,
                          cpython["lines"] / seconds, cpython_mb_s, "whole CLI from disk, wall time"))


def print_goals(cpython, bench):
    parse = bench.get("BM_TokenizeAndParse")
    if parse is None:
        print("goals: no tokenize + parse measurement")
        return
    mb_s = parse["bytes_per_second"] / 1e6
    ratio = mb_s / (cpython["bytes"] / cpython["median_seconds"] / 1e6)
    print(f"goal: tokenize + parse >= {PARSE_GOAL_RATIO:.0f}x CPython ast.parse: "
          f"{ratio:.1f}x  {verdict(ratio >= PARSE_GOAL_RATIO)}")
    print(f"goal: tokenize + parse >= {PARSE_GOAL_MB_S:.0f} MB/s: "
          f"{mb_s:.1f} MB/s  {verdict(mb_s >= PARSE_GOAL_MB_S)}")
    semantic = bench.get("BM_ParseAndSemantic")
    if semantic is not None:
        # Seconds per byte are additive: (parse + semantic) - parse = semantic alone.
        parse_cost = 1 / parse["bytes_per_second"]
        semantic_cost = 1 / semantic["bytes_per_second"] - parse_cost
        share = semantic_cost / parse_cost
        print(f"goal: semantic model costs less than the parse: {share:.2f}x the parse  "
              f"{verdict(share < 1)}")


def print_memory(args):
    if args.memory is None:
        return
    largest = f"; largest file {args.largest / 1e6:.2f} MB" if args.largest else ""
    print(f"peak memory of `dsaudit parse --jobs 1` over the corpus: "
          f"{args.memory / 1024:.1f} MiB{largest}")


def check_rejected(args, cpython):
    with open(args.rejected, encoding="utf-8") as rejected_file:
        ours = {line.rstrip("\n") for line in rejected_file if line.strip()}
    theirs = set(cpython["rejected"])
    if ours == theirs:
        print(f"check: dsaudit and CPython both reject the same {len(ours)} files: MATCH")
        return True
    print(f"check: dsaudit rejects {len(ours)} files, CPython {len(theirs)}: MISMATCH")
    for path in sorted(ours - theirs)[:10]:
        print(f"  only dsaudit rejects {path}")
    for path in sorted(theirs - ours)[:10]:
        print(f"  only CPython rejects {path}")
    return False


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--google", required=True)
    parser.add_argument("--cpython", required=True)
    parser.add_argument("--rejected", required=True)
    parser.add_argument("--cli")
    parser.add_argument("--memory", type=int)
    parser.add_argument("--largest", type=int)
    args = parser.parse_args()
    with open(args.google, encoding="utf-8") as google_file:
        bench = medians(json.load(google_file))
    with open(args.cpython, encoding="utf-8") as cpython_file:
        cpython = json.load(cpython_file)

    print_table(args, cpython, bench)
    print_goals(cpython, bench)
    print_memory(args)
    return 0 if check_rejected(args, cpython) else 1


if __name__ == "__main__":
    sys.exit(main())
