#!/usr/bin/env python3
"""Compares `dsaudit check` with ruff on real code, code by code.

Runs ruff (the WebAssembly build from npm, installed on first use into a cache
directory) and dsaudit with the same selection over this machine's Python
standard library and Debian's numpy, pandas and sklearn sources, for every
code both tools have, and prints per code how many findings agree (same file,
line, column and code) and how many only one of them reports.

    python3 tools/parity_ruff.py --dsaudit build/dsaudit [--codes F401,E711] [--limit 200]

Files CPython cannot compile (test data with deliberate syntax errors) and
files that are not UTF-8 (ruff's wasm build is handed text, not bytes) are
left out: they measure error recovery and decoding, not the checks.
"""

import argparse
import collections
import concurrent.futures
import hashlib
import json
import os
import subprocess
import sys
import tempfile

RUFF_PACKAGE = "@astral-sh/ruff-wasm-nodejs"
RUFF_VERSION = "0.17.4"
# The settings tools/ruff_check.js gives ruff; dsaudit gets the same.
RUFF_TARGET = "py312"
RUFF_LINE_LENGTH = 88
HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_CORPUS = [
    "/usr/lib/python3.11",
    "/usr/lib/python3/dist-packages/numpy",
    "/usr/lib/python3/dist-packages/pandas",
    "/usr/lib/python3/dist-packages/sklearn",
]
# Directories of the stdlib that are not the stdlib's own code.
SKIPPED_DIRS = {"site-packages", "dist-packages", "__pycache__"}


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dsaudit", default="build/dsaudit", help="the dsaudit binary")
    parser.add_argument("--ruff-dir", default=os.path.expanduser("~/.cache/dsaudit/ruff-wasm"),
                        help="where ruff's wasm package is (installed there if missing)")
    parser.add_argument("--codes", help="comma-separated codes to compare (default: all shared)")
    parser.add_argument("--limit", type=int, default=0, help="compare only the first N files")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="ruff processes")
    parser.add_argument("--examples", type=int, default=3,
                        help="differences shown per code and side")
    parser.add_argument("--json", help="also write the table as JSON to this file")
    parser.add_argument("--ruff-cache-only", metavar="CODES",
                        help="only run ruff for these codes and fill its result cache")
    parser.add_argument("paths", nargs="*", default=DEFAULT_CORPUS, help="trees to compare on")
    return parser.parse_args()


def ensure_ruff(ruff_dir):
    package = os.path.join(ruff_dir, "node_modules", RUFF_PACKAGE)
    if os.path.isdir(package):
        return
    print(f"installing {RUFF_PACKAGE}@{RUFF_VERSION} into {ruff_dir}", file=sys.stderr)
    os.makedirs(ruff_dir, exist_ok=True)
    subprocess.run(["npm", "install", "--prefix", ruff_dir, "--no-audit", "--no-fund",
                    f"{RUFF_PACKAGE}@{RUFF_VERSION}"], check=True)


def python_files(paths):
    files = []
    for root in paths:
        if os.path.isfile(root):
            files.append(os.path.abspath(root))
            continue
        if not os.path.isdir(root):
            print(f"warning: {root} does not exist (scripts/install-deps.sh --parity)",
                  file=sys.stderr)
            continue
        for directory, subdirs, names in os.walk(root):
            subdirs[:] = sorted(d for d in subdirs if d not in SKIPPED_DIRS)
            for name in sorted(names):
                if name.endswith(".py"):
                    files.append(os.path.abspath(os.path.join(directory, name)))
    return files


def compiles(path):
    try:
        with open(path, "rb") as handle:
            data = handle.read()
        data.decode("utf-8")
        compile(data, path, "exec", dont_inherit=True, flags=1024)  # ast.PyCF_ONLY_AST
        return True
    except (SyntaxError, ValueError, UnicodeDecodeError, OSError):
        return False


def ruff_codes(ruff_dir, candidates):
    """The candidate codes ruff knows (it rejects an unknown selector)."""
    script = os.path.join(HERE, "ruff_check.js")
    out = subprocess.run(["node", script, ruff_dir, "--known", ",".join(candidates)],
                         check=True, capture_output=True, text=True).stdout
    return set(out.split())


def our_codes(dsaudit):
    out = subprocess.run([dsaudit, "rules", "--format", "json"], check=True,
                         capture_output=True, text=True).stdout
    return [rule["code"] for rule in json.loads(out)]


def run_ruff_chunk(ruff_dir, codes, files):
    script = os.path.join(HERE, "ruff_check.js")
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as listing:
        listing.write("\n".join(files))
    try:
        result = subprocess.run(["node", script, ruff_dir, ",".join(codes), "@" + listing.name],
                                capture_output=True, text=True)
    finally:
        os.unlink(listing.name)
    if result.returncode != 0:
        sys.stderr.write(result.stderr)
        raise RuntimeError("ruff failed")
    findings = []
    for line in result.stdout.splitlines():
        item = json.loads(line)
        if item["code"] in codes:
            findings.append((item["path"], item["line"], item["column"], item["code"],
                             item["message"]))
    return findings


def cache_entry(ruff_dir, path):
    """Where ruff's findings for a file are kept, and the file's identity."""
    digest = hashlib.sha1(path.encode()).hexdigest()
    info = os.stat(path)
    return (os.path.join(ruff_dir, "results", digest[:2], digest + ".json"),
            [info.st_size, info.st_mtime_ns, RUFF_VERSION])


def run_ruff(ruff_dir, codes, files, jobs):
    """ruff's findings; a file's findings are cached, as ruff is the slow side."""
    findings, missing = [], []
    for path in files:
        cache_path, identity = cache_entry(ruff_dir, path)
        try:
            with open(cache_path) as handle:
                cached = json.load(handle)
            if cached["identity"] == identity and set(codes) <= set(cached["codes"]):
                findings.extend(tuple(f) for f in cached["findings"] if f[3] in codes)
                continue
        except (OSError, ValueError, KeyError):
            pass
        missing.append(path)
    if not missing:
        return findings
    print(f"running ruff on {len(missing)} files ({jobs} processes)", file=sys.stderr, flush=True)
    # Small chunks balance the processes; each pays node's start-up once.
    size = max(1, min(100, len(missing) // (jobs * 4) + 1))
    chunks = [missing[i:i + size] for i in range(0, len(missing), size)]
    fresh = collections.defaultdict(list)
    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        for part in pool.map(lambda chunk: run_ruff_chunk(ruff_dir, codes, chunk), chunks):
            for finding in part:
                fresh[finding[0]].append(finding)
    for path in missing:
        cache_path, identity = cache_entry(ruff_dir, path)
        os.makedirs(os.path.dirname(cache_path), exist_ok=True)
        with open(cache_path, "w") as handle:
            json.dump({"identity": identity, "codes": sorted(codes),
                       "findings": fresh[path]}, handle)
        findings.extend(fresh[path])
    return findings


def run_dsaudit_one(dsaudit, codes, path):
    with open(path, "rb") as handle:
        result = subprocess.run([dsaudit, "check", "--isolated", "--select", ",".join(codes),
                                 "--target-version", RUFF_TARGET, "--line-length",
                                 str(RUFF_LINE_LENGTH), "--format", "json", "-"],
                                stdin=handle, capture_output=True, text=True, cwd="/")
    if result.returncode not in (0, 1):
        sys.stderr.write(result.stderr)
        raise RuntimeError(f"dsaudit failed with status {result.returncode} on {path}")
    return [(path, item["line"], item["column"], item["code"], item["message"])
            for item in json.loads(result.stdout or "[]")]


def run_dsaudit(dsaudit, codes, files, jobs):
    """dsaudit's findings, each file given as ruff's wasm build gets it: text
    without a path (`dsaudit check -`), so neither tool knows a module's name
    (private `_module`s, package `__init__.py`s) and the comparison measures
    the checks, not what a path adds."""
    findings = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        for part in pool.map(lambda path: run_dsaudit_one(dsaudit, codes, path), files):
            findings.extend(part)
    return findings


def compare(codes, ours, theirs, examples, corpus_roots):
    def index(findings):
        by_code = collections.defaultdict(collections.Counter)
        messages = {}
        for path, line, column, code, message in findings:
            key = (path, line, column)
            by_code[code][key] += 1
            messages[(code, key)] = message
        return by_code, messages

    ours_by_code, our_messages = index(ours)
    ruff_by_code, ruff_messages = index(theirs)

    def short(path):
        for root in corpus_roots:
            if path.startswith(root.rstrip("/") + "/"):
                return os.path.basename(root.rstrip("/")) + path[len(root.rstrip("/")):]
        return path

    rows = []
    for code in codes:
        mine, ruff = ours_by_code.get(code, collections.Counter()), ruff_by_code.get(
            code, collections.Counter())
        agree = sum((mine & ruff).values())
        only_ours = mine - ruff
        only_ruff = ruff - mine
        total = agree + sum(only_ours.values()) + sum(only_ruff.values())
        percent = 100.0 if total == 0 else 100.0 * agree / total
        rows.append({"code": code, "agree": agree, "ours_only": sum(only_ours.values()),
                     "ruff_only": sum(only_ruff.values()), "agreement": round(percent, 2)})
        diffs = []
        for label, extra, messages in (("ours only", only_ours, our_messages),
                                       ("ruff only", only_ruff, ruff_messages)):
            for key in sorted(extra)[:examples]:
                path, line, column = key
                diffs.append(f"    {label}: {short(path)}:{line}:{column}: "
                             f"{messages[(code, key)]}")
        rows[-1]["examples"] = diffs
    return rows


def main():
    args = parse_args()
    args.dsaudit = os.path.abspath(args.dsaudit)
    ensure_ruff(args.ruff_dir)
    if args.ruff_cache_only:
        codes = args.ruff_cache_only.split(",")
        files = python_files(args.paths)
        files = [f for f in (files[:args.limit] if args.limit else files) if compiles(f)]
        run_ruff(args.ruff_dir, codes, files, args.jobs)
        return
    if not os.path.exists(args.dsaudit):
        sys.exit(f"{args.dsaudit} not found: build dsaudit first (make build)")
    ours_all = our_codes(args.dsaudit)
    wanted = [c for c in ours_all if not c.startswith("DS") and c != "E999"]
    if args.codes:
        requested = [c.strip() for c in args.codes.split(",") if c.strip()]
        unknown = [c for c in requested if c not in ours_all]
        if unknown:
            sys.exit(f"dsaudit has no check {', '.join(unknown)}")
        wanted = requested
    codes = sorted(ruff_codes(args.ruff_dir, wanted) & set(wanted))
    if not codes:
        sys.exit("no code that both ruff and dsaudit have")

    files = python_files(args.paths)
    if args.limit:
        files = files[:args.limit]
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        ok = list(pool.map(compiles, files, chunksize=64))
    skipped = len(files) - sum(ok)
    files = [f for f, good in zip(files, ok) if good]
    print(f"{len(files)} files ({skipped} left out: not UTF-8 or not valid Python 3.11), "
          f"{len(codes)} codes: {','.join(codes)}", flush=True)

    theirs = run_ruff(args.ruff_dir, codes, files, args.jobs)
    ours = run_dsaudit(args.dsaudit, codes, files, args.jobs)
    rows = compare(codes, ours, theirs, args.examples, args.paths)

    print(f"\n{'code':<8}{'agree':>9}{'ours only':>11}{'ruff only':>11}{'agreement':>11}")
    for row in rows:
        print(f"{row['code']:<8}{row['agree']:>9}{row['ours_only']:>11}{row['ruff_only']:>11}"
              f"{row['agreement']:>10.2f}%")
    below = [row for row in rows if row["agreement"] < 99.0]
    for row in rows:
        if row["examples"]:
            print(f"\n{row['code']}:")
            print("\n".join(row["examples"]))
    if args.json:
        with open(args.json, "w") as out:
            json.dump(rows, out, indent=2)
    print(f"\n{len(rows) - len(below)} of {len(rows)} codes at 99% agreement or better")


if __name__ == "__main__":
    main()
