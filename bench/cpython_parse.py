#!/usr/bin/env python3
"""CPython's ast.parse over the files dsaudit_bench measured: the reference.

Reads every file of the list into memory first, then times (CPU time) parsing the bytes
(so decoding is included, as for dsaudit) in this one process, and prints one
JSON object: median seconds over the runs, bytes, lines, and which files
CPython rejects (so the benchmark's own error count can be checked).

Usage: cpython_parse.py FILE_LIST [--runs N]
"""

import argparse
import ast
import json
import statistics
import sys
import time
import warnings


def load(list_path):
    with open(list_path, encoding="utf-8") as listing:
        paths = [line.rstrip("\n") for line in listing if line.strip()]
    sources = []
    for path in paths:
        with open(path, "rb") as source:
            sources.append((path, source.read()))
    return sources


def count_lines(data):
    """Newlines, plus an unterminated last line: as dsaudit_bench counts."""
    return data.count(b"\n") + (1 if data and not data.endswith(b"\n") else 0)


def parse_all(sources):
    """Parses each source; returns the paths CPython rejects."""
    rejected = []
    for path, data in sources:
        try:
            ast.parse(data, filename=path)
        except (SyntaxError, ValueError):
            # ValueError: NUL bytes, which 3.11 reports outside SyntaxError.
            rejected.append(path)
    return rejected


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file_list")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    sources = load(args.file_list)
    # Invalid escape sequences warn per file; printing them would be timed too.
    warnings.simplefilter("ignore")
    rejected = parse_all(sources)
    times = []
    for _ in range(args.runs):
        # CPU time, as Google Benchmark reports for dsaudit_bench.
        start = time.process_time()
        parse_all(sources)
        times.append(time.process_time() - start)

    json.dump(
        {
            "python": sys.version.split()[0],
            "files": len(sources),
            "bytes": sum(len(data) for _, data in sources),
            "lines": sum(count_lines(data) for _, data in sources),
            "runs": times,
            "median_seconds": statistics.median(times),
            "rejected": rejected,
        },
        sys.stdout,
        indent=1,
    )
    print()


if __name__ == "__main__":
    main()
