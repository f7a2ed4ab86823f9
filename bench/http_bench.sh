#!/usr/bin/env bash
# `dsaudit bench` beside wrk against the same nginx, same connections, same
# duration, in one run: requests per second of each, their ratio, and the
# CPU time each tool spent per request (user + system, from getrusage).
#
# Usage: bench/http_bench.sh DSAUDIT_BINARY
# Environment: HTTP_BENCH_DURATION (seconds, default 5), HTTP_BENCH_THREADS
# (default: cores), HTTP_BENCH_CONNECTIONS (default "100 5000"),
# HTTP_BENCH_RUNS (alternating runs per tool, median reported; default 3).
set -euo pipefail

dsaudit=${1:?usage: $0 DSAUDIT_BINARY}
duration=${HTTP_BENCH_DURATION:-5}
threads=${HTTP_BENCH_THREADS:-$(nproc)}
connection_counts=${HTTP_BENCH_CONNECTIONS:-"100 5000"}
runs=${HTTP_BENCH_RUNS:-3}
nginx=/usr/sbin/nginx
wrk=/usr/bin/wrk

for tool in "$dsaudit" "$nginx" "$wrk"; do
  [[ -x "$tool" ]] || { echo "http bench: $tool not found" >&2; exit 2; }
done
# 5,000 connections need as many descriptors in each tool and in nginx.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

work=$(mktemp -d)
nginx_pid=""
cleanup() {
  if [[ -n "$nginx_pid" ]]; then
    kill -QUIT "$nginx_pid" 2>/dev/null || true
    wait "$nginx_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
mkdir -p "$work/www" "$work/tmp"
printf '<html><body>hello from nginx</body></html>\n' >"$work/www/index.html"
# nginx's workers drop root privileges: they must be able to read the file.
chmod -R a+rX "$work"
cat >"$work/nginx.conf" <<CONF
daemon off;
worker_processes auto;
worker_rlimit_nofile 65536;
pid $work/nginx.pid;
error_log $work/error.log;
events { worker_connections 16384; }
http {
  access_log off;
  keepalive_requests 1000000;
  client_body_temp_path $work/tmp/body;
  proxy_temp_path $work/tmp/proxy;
  fastcgi_temp_path $work/tmp/fastcgi;
  uwsgi_temp_path $work/tmp/uwsgi;
  scgi_temp_path $work/tmp/scgi;
  server { listen 127.0.0.1:$port backlog=16384; root $work/www; }
}
CONF
"$nginx" -p "$work" -c "$work/nginx.conf" -e "$work/error.log" &
nginx_pid=$!
for _ in $(seq 100); do
  if python3 -c "import socket,sys; socket.create_connection(('127.0.0.1', $port), 0.1)" 2>/dev/null; then
    break
  fi
  sleep 0.05
done
url="http://127.0.0.1:$port/index.html"

# Runs a command and prints "requests_per_second cpu_seconds" from its output
# and its rusage; $1 says how to read the rate from the output.
measure() {
  python3 - "$@" <<'PY'
import json, re, resource, subprocess, sys
kind, command = sys.argv[1], sys.argv[2:]
before = resource.getrusage(resource.RUSAGE_CHILDREN)
out = subprocess.run(command, capture_output=True, text=True)
after = resource.getrusage(resource.RUSAGE_CHILDREN)
cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
if kind == "wrk":
    match = re.search(r"Requests/sec:\s+([\d.]+)", out.stdout)
    for problem in re.findall(r"(Socket errors: .*|Non-2xx or 3xx responses: .*)", out.stdout):
        print("http bench: wrk " + problem, file=sys.stderr)
    rate = float(match.group(1)) if match else 0.0
    requests = int(re.search(r"(\d+) requests in", out.stdout).group(1)) if match else 0
else:
    report = json.loads(out.stdout) if out.stdout.strip() else {}
    rate = report.get("throughput_per_second", 0.0)
    requests = report.get("requests", {}).get("responses", 0)
    errors = report.get("errors", {})
    if errors.get("total", 0):
        print(f"http bench: dsaudit errors {errors}, status codes {report.get('status_codes')}",
              file=sys.stderr)
if rate == 0:
    print(f"http bench: {command[0]} failed: {out.stdout}{out.stderr}", file=sys.stderr)
print(rate, cpu, requests)
PY
}

median() { sort -g | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2}'; }

echo "http bench: nginx on $url, $threads threads, ${duration}s per run, $runs runs per tool (median)"
printf '%-12s %-8s %12s %10s %14s\n' connections tool "requests/s" "cpu s" "cpu us/request"
for connections in $connection_counts; do
  : >"$work/wrk.txt"
  : >"$work/dsaudit.txt"
  for _ in $(seq "$runs"); do
    measure wrk "$wrk" -t"$threads" -c"$connections" -d"${duration}s" "$url" >>"$work/wrk.txt"
    measure dsaudit "$dsaudit" bench "$url" -q -t "$threads" -u "$connections" -d "${duration}s" \
      --timeout 10s -f json >>"$work/dsaudit.txt"
  done
  for tool in wrk dsaudit; do
    rate=$(cut -d' ' -f1 "$work/$tool.txt" | median)
    cpu=$(cut -d' ' -f2 "$work/$tool.txt" | median)
    per_request=$(awk '{if ($3 > 0) print $2 / $3 * 1e6}' "$work/$tool.txt" | median)
    printf '%-12s %-8s %12.0f %10.2f %14.2f\n' "$connections" "$tool" "$rate" "$cpu" "$per_request"
    echo "$rate" >"$work/$tool.rate"
  done
  awk -v c="$connections" -v d="$(cat "$work/dsaudit.rate")" -v w="$(cat "$work/wrk.rate")" \
    'BEGIN {printf "%-12s ratio dsaudit/wrk requests/s: %.2f\n", c, (w > 0 ? d / w : 0)}'
done
