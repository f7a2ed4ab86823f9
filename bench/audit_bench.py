#!/usr/bin/env python3
"""`make bench`, audit part: `dsaudit audit` beside `dsaudit check` alone.

Usage: bench/audit_bench.py DSAUDIT [--runs N]

On real trees (this machine's Python standard library, Debian's pandas and
sklearn sources) it times the whole audit and the code checks alone, in the
same run, and prints files and lines per second of each, so the cost of the
project-level checks (packaging, CI, containers, secrets in every text file)
is visible. It also checks that the audit runs without error on each tree
(exit status 0 or 1: 2 and above mean it failed), and times the audit of a
100,000-line project: the first sklearn modules, in path order, copied until
they hold 100,000 lines. Goal: under one second on two cores.
"""
import argparse
import os
import shutil
import sys
import sysconfig
import tempfile

from timing import median_wall

TREES = [
    ("stdlib", sysconfig.get_paths()["stdlib"]),
    ("pandas", "/usr/lib/python3/dist-packages/pandas"),
    ("sklearn", "/usr/lib/python3/dist-packages/sklearn"),
]
PROJECT_LINES = 100_000


def python_files(root):
    out = []
    for directory, subdirs, names in os.walk(root):
        subdirs[:] = sorted(d for d in subdirs if d not in ("__pycache__", "site-packages"))
        out += [os.path.join(directory, n) for n in sorted(names) if n.endswith((".py", ".ipynb"))]
    return out


def count_lines(paths):
    total = 0
    for path in paths:
        with open(path, "rb") as handle:
            total += handle.read().count(b"\n")
    return total


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("dsaudit")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    dsaudit = os.path.abspath(args.dsaudit)
    audit = [dsaudit, "audit", "--isolated", "--format", "json", "-o", os.devnull]
    check = [dsaudit, "check", "--isolated", "-o", os.devnull]
    print(f"audit bench: {os.cpu_count()} cores, medians of {args.runs} runs")
    print("\n| tree | files | lines | check s | audit s | audit files/s | audit lines/s | "
          "audit / check | audit exit |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    failed = False
    with tempfile.TemporaryDirectory() as work:
        sklearn_files = []
        trees = []
        for name, root in TREES:
            if not os.path.isdir(root):
                print(f"audit bench: {root} missing (scripts/install-deps.sh --parity)",
                      file=sys.stderr)
                continue
            trees.append((name, root))
            if name == "sklearn":
                sklearn_files = python_files(root)
        if sklearn_files:
            project = os.path.join(work, "project")
            lines = 0
            for path in sklearn_files:
                if lines >= PROJECT_LINES:
                    break
                target = os.path.join(project, os.path.relpath(path, "/usr/lib/python3/dist-packages"))
                os.makedirs(os.path.dirname(target), exist_ok=True)
                shutil.copyfile(path, target)
                lines += count_lines([path])
            trees.append((f"{PROJECT_LINES // 1000}k-line project", project))
        project_seconds = None
        for name, root in trees:
            files = python_files(root)
            lines = count_lines(files)
            check_s, _ = median_wall(check + [root], args.runs)
            audit_s, status = median_wall(audit + [root], args.runs)
            failed |= status > 1
            print(f"| {name} | {len(files)} | {lines} | {check_s:.2f} | {audit_s:.2f} | "
                  f"{len(files) / audit_s:.0f} | {lines / audit_s:,.0f} | {audit_s / check_s:.2f}x | "
                  f"{status} |")
            if name.endswith("project"):
                project_seconds = audit_s
    if project_seconds is not None:
        verdict = "PASS" if project_seconds < 1 else "FAIL"
        print(f"goal: audit of a {PROJECT_LINES:,}-line project under 1 s: {project_seconds:.2f} s  "
              f"{verdict}")
    print(f"check: the audit ran without error on every tree: {'FAIL' if failed else 'PASS'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
