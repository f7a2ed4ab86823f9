#!/usr/bin/env python3
"""`make bench`, check part: `dsaudit check` beside ruff, flake8, pylint and
bandit on the same tree, in the same run, with median wall times, ratios and
peak memory.

Usage: bench/check_bench.py DSAUDIT [--corpus DIR] [--runs N] [--slow-runs N]

The default corpus is a copy of part of this machine's Python standard
library (packages with real-world style code, about 150 files), copied so
that no tool sees a configuration file of its own. ruff is the WebAssembly
build from npm (@astral-sh/ruff-wasm-nodejs, run through node: the only ruff
installable from Debian's and npm's registries here); a native ruff binary is
used instead when one is on PATH.
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
STDLIB_PACKAGES = ["asyncio", "email", "json", "logging", "unittest", "concurrent",
                   "importlib", "http", "xml", "urllib", "multiprocessing"]
RUFF_WASM = os.path.expanduser("~/.cache/dsaudit/ruff-wasm")


def make_corpus(target):
    stdlib = sysconfig.get_paths()["stdlib"]
    for package in STDLIB_PACKAGES:
        source = os.path.join(stdlib, package)
        if os.path.isdir(source):
            shutil.copytree(source, os.path.join(target, package),
                            ignore=shutil.ignore_patterns("__pycache__", "test", "tests"))
    return target


def python_files(corpus):
    out = []
    for directory, _, names in os.walk(corpus):
        out += [os.path.join(directory, n) for n in names if n.endswith(".py")]
    return sorted(out)


def run_timed(command, cwd):
    """Wall seconds, peak RSS (KiB) and exit status of one run; output discarded."""
    time_binary = "/usr/bin/time"
    rss_file = tempfile.NamedTemporaryFile(delete=False)
    rss_file.close()
    wrapped = [time_binary, "-f", "%M", "-o", rss_file.name] + command if os.path.exists(
        time_binary) else command
    start = time.perf_counter()
    status = subprocess.run(wrapped, cwd=cwd, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL).returncode
    seconds = time.perf_counter() - start
    rss = None
    try:
        with open(rss_file.name) as handle:
            rss = int(handle.read().strip().splitlines()[-1])
    except (OSError, ValueError, IndexError):
        pass
    os.unlink(rss_file.name)
    return seconds, rss, status


def ensure_ruff_wasm():
    package = os.path.join(RUFF_WASM, "node_modules/@astral-sh/ruff-wasm-nodejs")
    if os.path.isdir(package):
        return True
    if not shutil.which("npm"):
        return False
    os.makedirs(RUFF_WASM, exist_ok=True)
    result = subprocess.run(["npm", "install", "--silent", "--prefix", RUFF_WASM,
                             "@astral-sh/ruff-wasm-nodejs"], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    return result.returncode == 0 and os.path.isdir(package)


def ruff_codes(dsaudit):
    """Our codes that ruff also has: the set both tools run in the 'same codes' rows."""
    rules = json.loads(subprocess.run([dsaudit, "rules", "--format", "json"], check=True,
                                      capture_output=True, text=True).stdout)
    ours = [rule["code"] for rule in rules if not rule["code"].startswith("DS")
            and rule["code"] != "E999"]
    return ours


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("dsaudit")
    parser.add_argument("--corpus")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--slow-runs", type=int, default=1, help="runs of pylint and bandit")
    args = parser.parse_args()
    dsaudit = os.path.abspath(args.dsaudit)
    jobs = str(os.cpu_count() or 1)

    with tempfile.TemporaryDirectory() as work:
        corpus = args.corpus or make_corpus(os.path.join(work, "corpus"))
        files = python_files(corpus)
        size = sum(os.path.getsize(f) for f in files)
        lines = sum(open(f, "rb").read().count(b"\n") for f in files)
        codes = ruff_codes(dsaudit)
        print(f"check bench: {len(files)} files, {lines} lines, {size / 1e6:.1f} MB "
              f"({corpus}); {jobs} cores; medians of {args.runs} runs "
              f"({args.slow_runs} for pylint and bandit)", file=sys.stderr)

        tools = [
            ("dsaudit check (all checks)", [dsaudit, "check", "--isolated", "--exit-zero",
                                            "-o", os.devnull, "."], args.runs),
            ("dsaudit check (ruff's codes)", [dsaudit, "check", "--isolated", "--exit-zero",
                                              "--select", ",".join(codes), "-o", os.devnull, "."],
             args.runs),
        ]
        native_ruff = shutil.which("ruff")
        if native_ruff:
            tools.append(("ruff check (same codes)", [native_ruff, "check", "--isolated",
                                                      "--exit-zero", "--no-cache", "--select",
                                                      ",".join(codes), "."], args.runs))
        elif ensure_ruff_wasm():
            # One node process per core over interleaved file lists.
            script = os.path.join(ROOT, "tools", "ruff_check.js")
            chunks = [files[i::int(jobs)] for i in range(int(jobs))]
            runner = os.path.join(work, "ruff_parallel.sh")
            with open(runner, "w") as handle:
                handle.write("#!/bin/sh\n")
                for i, chunk in enumerate(chunks):
                    list_file = os.path.join(work, f"chunk{i}.txt")
                    with open(list_file, "w") as out:
                        out.write("\n".join(chunk))
                    handle.write(f"xargs -a {list_file} -d '\\n' node {script} {RUFF_WASM} "
                                 f"{','.join(codes)} >/dev/null &\n")
                handle.write("wait\n")
            os.chmod(runner, 0o755)
            tools.append(("ruff 0.17 wasm (same codes)", [runner], args.runs))
        if shutil.which("flake8"):
            tools.append(("flake8", ["flake8", "-j", jobs, "--exit-zero", "."], args.runs))
        if shutil.which("pylint"):
            tools.append(("pylint", ["pylint", "-j", jobs, "--exit-zero", "--recursive=y", "."],
                          args.slow_runs))
        if shutil.which("bandit"):
            # Debian 12's bandit (1.7) has no --exit-zero: exit status 1 means findings.
            tools.append(("bandit", ["bandit", "-q", "-r", "."], args.slow_runs))

        results = []
        for name, command, runs in tools:
            print(f"check bench: {name} ...", file=sys.stderr)
            if runs > 1:  # warm-up (page cache, node's compile cache); slow tools skip it
                subprocess.run(command, cwd=corpus, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
            timings = [run_timed(command, corpus) for _ in range(runs)]
            # 0 and 1 are "clean" and "found something"; anything else (a
            # usage error, a crash) would time a tool that did no work.
            failed = [t[2] for t in timings if t[2] not in (0, 1)]
            if failed:
                print(f"check bench: {name} failed (exit status {failed[0]}); left out",
                      file=sys.stderr)
                results.append((name, None, None))
                continue
            seconds = statistics.median(t[0] for t in timings)
            rss = max((t[1] for t in timings if t[1] is not None), default=None)
            results.append((name, seconds, rss))

    base = results[0][1]
    print(f"\n| tool | median s | files/s | vs dsaudit (all checks) | peak RSS MiB |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for name, seconds, rss in results:
        if seconds is None:
            print(f"| {name} | failed | | | |")
            continue
        memory = f"{rss / 1024:.0f}" if rss else "n/a"
        print(f"| {name} | {seconds:.3f} | {len(files) / seconds:.0f} | "
              f"{seconds / base:.1f}x | {memory} |")
    peers = [(name, seconds) for name, seconds, _ in results[2:] if seconds is not None]
    if peers:
        slowest_ratio = min(seconds / base for _, seconds in peers)
        verdict = "PASS" if slowest_ratio > 1 else "FAIL"
        print(f"goal: faster than every peer tool: {slowest_ratio:.1f}x the closest  {verdict}")
    flake8 = [seconds for name, seconds in peers if name == "flake8"]
    if flake8:
        verdict = "PASS" if flake8[0] / base >= 20 else "FAIL"
        print(f"goal: >= 20x faster than flake8: {flake8[0] / base:.1f}x  {verdict}")


if __name__ == "__main__":
    main()
