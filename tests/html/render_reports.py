#!/usr/bin/env python3
"""Opens dsaudit's HTML reports in headless Chromium: each must render
without console errors, show what it promises (tables, inline SVG charts,
no network access) and leave a screenshot for a person to look at.

Usage: render_reports.py --dsaudit BUILD/dsaudit --out DIR
Exit 77 (CTest's skip) when Chromium is not installed.
"""
import argparse
import http.server
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import threading

ROOT = pathlib.Path(__file__).resolve().parents[2]


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


def render(browser, html, screenshot, workdir):
    """DOM after rendering, and the console/log lines Chromium printed."""
    common = [browser, "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
              "--enable-logging=stderr", "--v=0", f"--user-data-dir={workdir}",
              # Reports must be self-contained: any fetch would fail here.
              "--host-resolver-rules=MAP * ~NOTFOUND"]
    url = pathlib.Path(html).resolve().as_uri()
    dom = subprocess.run(common + ["--dump-dom", url], capture_output=True, text=True, timeout=120)
    shot = subprocess.run(common + [f"--screenshot={screenshot}", "--window-size=1280,2400", url],
                          capture_output=True, text=True, timeout=120)
    return dom.stdout, dom.stderr + shot.stderr


def check(name, html, out_dir, browser, expectations):
    failures = []
    with tempfile.TemporaryDirectory() as profile:
        screenshot = out_dir / f"{name}.png"
        dom, log = render(browser, html, screenshot, profile)
    errors = [line for line in log.splitlines()
              if "CONSOLE" in line or "Uncaught" in line or "ERR_NAME_NOT_RESOLVED" in line
              or "Failed to load resource" in line]
    if errors:
        failures.append(f"{name}: browser errors:\n  " + "\n  ".join(errors))
    if not screenshot.exists() or screenshot.stat().st_size < 10_000:
        failures.append(f"{name}: no screenshot (or an empty one) at {screenshot}")
    for what, pattern, minimum in expectations:
        found = len(re.findall(pattern, dom))
        if found < minimum:
            failures.append(f"{name}: expected at least {minimum} {what} in the rendered page, found {found}")
    text = pathlib.Path(html).read_text(encoding="utf-8")
    if re.search(r"""(src|href)=["']https?:""", text):
        failures.append(f"{name}: loads something from the network")
    print(f"{name}: {'FAIL' if failures else 'ok'} ({len(dom)} bytes of DOM, screenshot {screenshot})")
    return failures


class QuietHandler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        body = b'{"ok": true}'
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dsaudit", required=True)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    browser = chromium()
    if browser is None:
        print("chromium not installed: skipped")
        return 77
    out_dir = pathlib.Path(args.out)
    out_dir.mkdir(parents=True, exist_ok=True)
    failures = []

    def report(name, command, ok_status, expectations):
        """Writes page NAME.html with `command` + ["-o", page], then checks it."""
        html = out_dir / f"{name}.html"
        run = subprocess.run(command + ["-o", str(html)], capture_output=True, text=True)
        if run.returncode > ok_status:
            return [f"{name}: exit {run.returncode}: {run.stderr}"]
        return check(name, html, out_dir, browser, expectations)

    # The audit exits 1: the example project has findings.
    failures += report("audit", [args.dsaudit, "audit", "--format", "html", str(ROOT / "examples" / "churn-model")],
                       1, [
        ("area rows", r"<td>(code-quality|tests|performance|gpu|packaging|cloud|devops|load|cost|"
                      r"scaling|security|portability|monitoring)</td>", 13),
        ("SVG charts", r"<svg", 2),
        ("per-directory chart", r"findings per directory", 1),
        ("plan rows", r"<td>(quick-win|this-month|later)</td>", 5),
    ])

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), QuietHandler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    failures += report("bench", [args.dsaudit, "bench", f"http://127.0.0.1:{server.server_address[1]}/",
                                 "--users", "4", "--duration", "1s", "--quiet", "--format", "html"], 0, [
        ("SVG charts", r"<svg", 1),
        ("tables", r"<table", 1),
    ])
    server.shutdown()

    # Small but long enough for a forecast (three days of full hours) and
    # planted bursts; --response-time so that the concurrency table shows.
    load_log = out_dir / "generated.log"
    run = subprocess.run([args.dsaudit, "load", "generate", "--lines", "40000", "--days", "6", "--seed", "1",
                          "--out", str(load_log)], capture_output=True, text=True)
    if run.returncode != 0:
        failures.append(f"load generate: exit {run.returncode}: {run.stderr}")
    else:
        failures += report("load", [args.dsaudit, "load", "--format", "html", "--response-time", "0.2",
                                    str(load_log)], 0, [
            ("SVG charts", r"<svg", 7),
            ("shaded bursts", r'class="span"', 1),
            ("profile columns (24 hours and 7 days)", r'class="column"', 31),
            ("forecast interval", r'class="band"', 1),
            ("backtest error", r"Backtest error", 1),
            ("summary cards", r'class="card"', 10),
        ])

    failures += report("plan", [args.dsaudit, "plan", "--peak-rps", "400", "--response-time", "0.2",
                                "--cpu-ms-per-request", "50", "--format", "html"], 0, [
        ("yearly cost chart", r"<svg", 1),
        ("provider and Kubernetes tables", r"<table", 2),
        ("sections", r"<h2>", 5),
    ])

    for failure in failures:
        print(failure, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
