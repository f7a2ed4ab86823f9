#!/usr/bin/env python3
"""`make bench`, secrets part: dsaudit's secret scanner beside secretlint.

Usage: bench/secret_bench.py DSAUDIT [--runs N]

Two measures, from the same run:
- Findings, on tests/data/secrets (fake keys in their providers' real formats,
  and near-misses; see its README): how many of the planted secret lines each
  tool reports, and how many lines it reports that hold no secret.
- Speed, on a copy of this machine's Python standard library with the corpus
  inside it: median wall time of `dsaudit audit` (every check, not only the
  secret scan) and of secretlint with its recommended rules.

secretlint (npm: secretlint and @secretlint/secretlint-rule-preset-recommend)
is installed on first use into ~/.cache/dsaudit/secretlint.
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import tempfile

from timing import median_wall

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "tests", "data", "secrets")
SECRETLINT_DIR = os.path.expanduser("~/.cache/dsaudit/secretlint")
SECRETLINT_VERSION = "13.0.6"
EXPECT = re.compile(r" *<<expect (DS\d+)(@0)?>>")
LINE_CODES = {"DS851", "DS852"}  # secrets and weak passwords, each on its line


def materialize(target):
    """Writes the corpus as the corpus test does; returns {(path, line)} of planted secrets."""
    planted = set()
    for kind in ("positive", "near_miss"):
        base = os.path.join(CORPUS, kind)
        for directory, _, names in os.walk(base):
            for name in names:
                source = os.path.join(directory, name)
                relative = os.path.relpath(source, CORPUS).replace("@@", "")
                lines = []
                with open(source, encoding="utf-8") as handle:
                    text = handle.read().replace("@@", "")
                for number, line in enumerate(text.split("\n"), start=1):
                    for match in EXPECT.finditer(line):
                        if match.group(1) in LINE_CODES and not match.group(2):
                            planted.add((relative, number))
                    lines.append(EXPECT.sub("", line))
                path = os.path.join(target, relative)
                os.makedirs(os.path.dirname(path), exist_ok=True)
                with open(path, "w", encoding="utf-8") as handle:
                    handle.write("\n".join(lines))
    return planted


def ensure_secretlint():
    binary = os.path.join(SECRETLINT_DIR, "node_modules", ".bin", "secretlint")
    if os.path.exists(binary):
        return binary
    if not shutil.which("npm"):
        return None
    os.makedirs(SECRETLINT_DIR, exist_ok=True)
    subprocess.run(["npm", "install", "--silent", "--no-audit", "--no-fund", "--prefix",
                    SECRETLINT_DIR, f"secretlint@{SECRETLINT_VERSION}",
                    f"@secretlint/secretlint-rule-preset-recommend@{SECRETLINT_VERSION}"],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return binary if os.path.exists(binary) else None


def secretlint_command(binary, rc_file):
    return [binary, "--secretlintrc", rc_file, "--format", "json", "--no-color", "**/*"]


def dsaudit_lines(dsaudit, root):
    out = subprocess.run([dsaudit, "audit", "--isolated", "--exit-zero", "--format", "json", "."],
                         cwd=root, capture_output=True, text=True, check=True).stdout
    return {(f["path"], f["line"]) for f in json.loads(out)["findings"]
            if f["code"] in LINE_CODES}


def secretlint_lines(binary, rc_file, root):
    result = subprocess.run(secretlint_command(binary, rc_file), cwd=root, capture_output=True,
                            text=True)
    found = set()
    for entry in json.loads(result.stdout or "[]"):
        path = os.path.relpath(entry["filePath"], root)
        for message in entry.get("messages", []):
            found.add((path, message["loc"]["start"]["line"]))
    return found


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("dsaudit")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    dsaudit = os.path.abspath(args.dsaudit)
    binary = ensure_secretlint()
    if binary is None:
        print("secret bench: secretlint could not be installed (npm); skipped", file=sys.stderr)
        return 0
    with tempfile.TemporaryDirectory() as work:
        rc_file = os.path.join(work, "secretlintrc.json")
        with open(rc_file, "w") as handle:
            json.dump({"rules": [{"id": "@secretlint/secretlint-rule-preset-recommend"}]}, handle)
        corpus = os.path.join(work, "corpus")
        planted = materialize(corpus)
        ours = dsaudit_lines(dsaudit, corpus)
        theirs = secretlint_lines(binary, rc_file, corpus)
        print(f"secret bench: {len(planted)} planted secret lines in tests/data/secrets "
              f"(fake keys in real formats, weak passwords, near-misses)")
        # A multi-line secret (a service-account JSON) may be reported on
        # another line of its file: files count too. Near-miss files hold no
        # secret, so everything reported there is a false alarm.
        planted_files = {path for path, _ in planted}
        print("\n| tool | planted secret lines found | files with a secret flagged | "
              "lines flagged in near-miss files |")
        print("| --- | ---: | ---: | ---: |")
        for name, found in (("dsaudit audit (DS851, DS852)", ours),
                            (f"secretlint {SECRETLINT_VERSION} (recommended rules)", theirs)):
            files = {path for path, _ in found} & planted_files
            false_alarms = sum(1 for path, _ in found if path.startswith("near_miss/"))
            print(f"| {name} | {len(found & planted)} of {len(planted)} | "
                  f"{len(files)} of {len(planted_files)} | {false_alarms} |")
        missed_by_us = sorted(theirs & planted - ours)
        if missed_by_us:
            print("found by secretlint only: " + ", ".join(f"{p}:{l}" for p, l in missed_by_us))

        tree = os.path.join(work, "tree")
        shutil.copytree(sysconfig.get_paths()["stdlib"], tree,
                        ignore=shutil.ignore_patterns("__pycache__", "site-packages"))
        shutil.copytree(corpus, os.path.join(tree, "planted"))
        files = sum(len(names) for _, _, names in os.walk(tree))
        print(f"\nsecret bench: speed on {files} files (this machine's standard library and the "
              f"corpus), medians of {args.runs} runs")
        audit, _ = median_wall([dsaudit, "audit", "--isolated", "--exit-zero", "--format",
                                "json", "-o", os.devnull, "."], args.runs, cwd=tree)
        lint, _ = median_wall(secretlint_command(binary, rc_file), args.runs, cwd=tree)
        print("\n| tool | median s | vs dsaudit |")
        print("| --- | ---: | ---: |")
        print(f"| dsaudit audit (every check) | {audit:.2f} | 1.0x |")
        print(f"| secretlint {SECRETLINT_VERSION} | {lint:.2f} | {lint / audit:.1f}x |")
        more = len(ours & planted) >= len(theirs & planted)
        print(f"goal: same or more true secrets than secretlint: {len(ours & planted)} vs "
              f"{len(theirs & planted)}  {'PASS' if more else 'FAIL'}")
        print(f"goal: faster than secretlint: {lint / audit:.1f}x  "
              f"{'PASS' if lint > audit else 'FAIL'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
