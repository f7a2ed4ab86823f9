#!/usr/bin/env python3
"""Compares `dsaudit debug ast` with CPython's ast.dump() on real code.

Corpora: every .py file of the running python3's standard library (tests
included, site-packages excluded) and Debian's numpy, pandas and scikit-learn
sources. Files CPython itself rejects are skipped. Each file is compared in two
modes: ast.dump(tree) and ast.dump(tree, include_attributes=True).

dsaudit runs once per batch of files; the Python side runs in a process pool
at the same time. The report is printed per corpus and in total, the first
differences are shown with an excerpt of both outputs, and every differing
file is listed in parity-failures.txt beside the dsaudit binary.

Exit status: 0 (this is a report) unless the tool itself fails or --strict is
given and some file differs.
"""

import argparse
import ast
import multiprocessing
import os
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import threading
import warnings

DEBIAN_CORPORA = {
    "numpy": "python3-numpy",
    "pandas": "python3-pandas",
    "sklearn": "python3-sklearn",
}
DIST_PACKAGES = "/usr/lib/python3/dist-packages"
MODES = (("plain", False), ("attributes", True))
BATCH_TIMEOUT_S = 600
SINGLE_FILE_TIMEOUT_S = 60


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dsaudit", required=True, help="path of the dsaudit binary")
    parser.add_argument("--strict", action="store_true", help="exit 1 if any file differs")
    parser.add_argument("--batch", type=int, default=100, help="files per dsaudit run")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--show", type=int, default=10, help="differences to show in detail")
    parser.add_argument("--failures", help="where to list differing files "
                        "(default: parity-failures.txt beside the dsaudit binary)")
    parser.add_argument("--corpus", action="append",
                        help="only these corpora (stdlib, numpy, pandas, sklearn)")
    parser.add_argument("--no-install", action="store_true",
                        help="never apt-get install the Debian corpora")
    parser.add_argument("paths", nargs="*",
                        help="compare these files or directories instead of the corpora")
    return parser.parse_args()


def python_files(root, exclude_dirs=()):
    found = []
    for directory, subdirs, files in os.walk(root):
        subdirs[:] = sorted(d for d in subdirs if d not in exclude_dirs)
        found.extend(os.path.join(directory, f) for f in sorted(files) if f.endswith(".py"))
    return found


def install_debian_corpora(missing):
    """Installs the missing Debian packages when we may; returns a note if not."""
    packages = [DEBIAN_CORPORA[name] for name in missing]
    if os.geteuid() != 0 or shutil.which("apt-get") is None:
        return "not root or no apt-get: skipping %s (install %s)" % (
            ", ".join(missing), " ".join(packages))
    print("parity: installing %s" % " ".join(packages), flush=True)
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    command = ["apt-get", "install", "-y", "-qq", "--no-install-recommends"] + packages
    if subprocess.run(command, env=env, stdout=subprocess.DEVNULL).returncode != 0:
        subprocess.run(["apt-get", "update", "-qq"], env=env)
        if subprocess.run(command, env=env, stdout=subprocess.DEVNULL).returncode != 0:
            return "apt-get install %s failed: skipping them" % " ".join(packages)
    return None


def collect_corpora(args):
    if args.paths:
        files = []
        for path in args.paths:
            files.extend(python_files(path) if os.path.isdir(path) else [path])
        return [("files", files)], []

    wanted = args.corpus or ["stdlib"] + list(DEBIAN_CORPORA)
    notes = []
    corpora = []
    if "stdlib" in wanted:
        stdlib = sysconfig.get_paths()["stdlib"]
        corpora.append(("stdlib", python_files(stdlib, ("site-packages", "dist-packages"))))

    debian = [name for name in DEBIAN_CORPORA if name in wanted]
    missing = [n for n in debian if not os.path.isdir(os.path.join(DIST_PACKAGES, n))]
    if missing:
        note = ("not installed: skipping %s" % ", ".join(missing) if args.no_install
                else install_debian_corpora(missing))
        if note:
            notes.append(note)
    for name in debian:
        root = os.path.join(DIST_PACKAGES, name)
        if os.path.isdir(root):
            corpora.append((name, python_files(root)))
    return corpora, notes


def init_worker():
    warnings.simplefilter("ignore")
    sys.setrecursionlimit(100000)


def python_dumps(path):
    """CPython's dumps of one file, or None with the reason CPython gives none."""
    try:
        with open(path, "rb") as f:
            tree = ast.parse(f.read())
        return path, None, tuple(
            ast.dump(tree, include_attributes=attrs).encode("utf-8") for _, attrs in MODES)
    except (SyntaxError, ValueError, RecursionError, MemoryError, OSError) as error:
        return path, "%s: %s" % (type(error).__name__, error), None


def run_dsaudit(dsaudit, files, include_attributes, timeout):
    """Runs dsaudit on files; returns ({file: dump}, {file: error}, failure)."""
    command = [dsaudit, "debug", "ast"] + (["--attributes"] if include_attributes else [])
    try:
        result = subprocess.run(command + ["--"] + files, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {}, {}, "timed out after %ds" % timeout
    dumps = {}
    current = None
    for line in result.stdout.split(b"\n"):
        if line.startswith(b"== "):
            current = os.fsdecode(line[3:])
        elif current is not None:
            dumps[current] = line
            current = None
    errors = {}
    stderr = result.stderr.decode("utf-8", "replace")
    for file in files:
        if file in dumps:
            continue
        prefix = file + ":"
        errors[file] = next((l[len(prefix):] for l in stderr.splitlines()
                             if l.startswith(prefix)), "")
    failure = None
    if result.returncode not in (0, 1):
        failure = "exit status %d: %s" % (result.returncode, stderr.strip()[-300:])
    return dumps, errors, failure


def dsaudit_outputs(dsaudit, files, include_attributes):
    """dsaudit's dumps for a batch; a crash or hang is pinned on its file."""
    dumps, errors, failure = run_dsaudit(dsaudit, files, include_attributes, BATCH_TIMEOUT_S)
    if failure is None:
        return dumps, errors
    for file in files:
        if file in dumps:
            continue
        one, one_errors, one_failure = run_dsaudit(
            dsaudit, [file], include_attributes, SINGLE_FILE_TIMEOUT_S)
        dumps.update(one)
        errors[file] = ("dsaudit crashed: " + one_failure) if one_failure else one_errors.get(file, "")
    return dumps, errors


def preflight(dsaudit):
    """Checks the command works at all, so a broken build fails fast instead of
    being retried file by file."""
    with tempfile.TemporaryDirectory() as directory:
        probe = os.path.join(directory, "probe.py")
        with open(probe, "w", encoding="utf-8") as f:
            f.write("pass\n")
        dumps, errors, failure = run_dsaudit(dsaudit, [probe], False, SINGLE_FILE_TIMEOUT_S)
    expected = ast.dump(ast.parse("pass\n")).encode()
    if failure or dumps.get(probe) != expected:
        return "`%s debug ast` does not work: %s" % (
            dsaudit, failure or errors.get(probe) or "unexpected output")
    return None


def first_difference(expected, actual):
    limit = min(len(expected), len(actual))
    low, high = 0, limit
    # Binary search on equal prefixes: dumps can be tens of megabytes.
    while low < high:
        mid = (low + high + 1) // 2
        if expected[:mid] == actual[:mid]:
            low = mid
        else:
            high = mid - 1
    return low


def excerpt(text, position, before=60, after=100):
    start = max(0, position - before)
    piece = text[start:position + after].decode("utf-8", "replace")
    return ("..." if start > 0 else "") + piece


class Tally:
    def __init__(self):
        self.total = 0
        self.rejected = 0
        self.identical = {name: 0 for name, _ in MODES}

    def add(self, other):
        self.total += other.total
        self.rejected += other.rejected
        for name in self.identical:
            self.identical[name] += other.identical[name]

    def line(self, label):
        compared = self.total - self.rejected
        parts = ["%d of %d files identical (%s)" % (self.identical[name], compared,
                 "ast.dump" if name == "plain" else "include_attributes=True")
                 for name, _ in MODES]
        skipped = ("; %d file%s skipped: CPython rejects them"
                   % (self.rejected, "" if self.rejected == 1 else "s")) if self.rejected else ""
        return "%-8s %s%s" % (label + ":", ", ".join(parts), skipped)


class Report:
    def __init__(self, show):
        self.show = show
        self.failures = []
        self.shown = 0

    def difference(self, corpus, file, mode, expected, actual, error):
        self.failures.append((corpus, file, mode, error or "output differs"))
        if self.shown >= self.show:
            return
        self.shown += 1
        print("\nDIFF [%s] %s (%s)" % (corpus, file, mode))
        if actual is None:
            print("  dsaudit gave no tree: %s" % (error or "no output"))
            return
        position = first_difference(expected, actual)
        print("  first difference at byte %d" % position)
        print("  python : %s" % excerpt(expected, position))
        print("  dsaudit: %s" % excerpt(actual, position))


def compare_batch(dsaudit, corpus, batch, tally, report):
    """batch: (path, reason, dumps) from the pool; compares both modes."""
    accepted = [item for item in batch if item[1] is None]
    tally.total += len(batch)
    tally.rejected += len(batch) - len(accepted)
    files = [path for path, _, _ in accepted]
    if not files:
        return
    outputs = [None, None]

    def run(index, include_attributes):
        outputs[index] = dsaudit_outputs(dsaudit, files, include_attributes)

    threads = [threading.Thread(target=run, args=(i, attrs)) for i, (_, attrs) in enumerate(MODES)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for index, (mode, _) in enumerate(MODES):
        dumps, errors = outputs[index]
        for path, _, expected_dumps in accepted:
            expected = expected_dumps[index]
            actual = dumps.get(path)
            if actual == expected:
                tally.identical[mode] += 1
                continue
            report.difference(corpus, path, mode, expected, actual, errors.get(path))


def main():
    args = parse_args()
    dsaudit = os.path.abspath(args.dsaudit)
    if not os.access(dsaudit, os.X_OK):
        print("parity: error: %s is not an executable" % args.dsaudit, file=sys.stderr)
        return 2
    problem = preflight(dsaudit)
    if problem:
        print("parity: error: %s" % problem, file=sys.stderr)
        return 2
    corpora, notes = collect_corpora(args)
    for note in notes:
        print("parity: note: %s" % note)
    failures_path = args.failures or os.path.join(os.path.dirname(dsaudit), "parity-failures.txt")

    report = Report(args.show)
    tallies = []
    with multiprocessing.Pool(max(1, args.jobs), initializer=init_worker) as pool:
        for corpus, files in corpora:
            tally = Tally()
            batch = []
            for item in pool.imap(python_dumps, files, chunksize=4):
                batch.append(item)
                if len(batch) == args.batch:
                    compare_batch(dsaudit, corpus, batch, tally, report)
                    batch = []
            compare_batch(dsaudit, corpus, batch, tally, report)
            tallies.append((corpus, tally))

    total = Tally()
    print()
    for corpus, tally in tallies:
        print(tally.line(corpus))
        total.add(tally)
    print(total.line("total"))

    with open(failures_path, "w", encoding="utf-8") as out:
        for corpus, file, mode, reason in report.failures:
            out.write("%s\t%s\t%s\t%s\n" % (corpus, mode, file, reason.replace("\n", " ")))
    print("parity: %d differences listed in %s" % (len(report.failures), failures_path))
    return 1 if args.strict and report.failures else 0


if __name__ == "__main__":
    sys.exit(main())
