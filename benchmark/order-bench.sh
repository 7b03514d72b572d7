#!/usr/bin/env bash
# Order capture and fulfillment benchmark against the product started by `server-config/bin/cpq run`
# (loopback only, bounded). Prepares QUOTES accepted quotes, converts them from CLIENTS concurrent
# clients and waits for every order to complete; the simulated systems answer without latency unless
# cpq.simulator.latency-ms is set on the server. Before the product it measures the limit (CaptureCeiling.java:
# the same rows as one capture, straight into PostgreSQL from as many clients) and the rate of an
# authenticated no-op request; the last line is machine-readable:
#   RESULT capture_lines_per_s=... ceiling_lines_per_s=... ratio=... e2e_lines_per_s=... p50_ms=... p99_ms=... noop_requests_per_s=...
#   benchmark/order-bench.sh [QUOTES=200] [CLIENTS=8] [BUNDLES_PER_QUOTE=1]
# With CPQ_BENCH_RATE=R, the conversions are paced at R orders/s (QUOTES / R seconds) instead of all at once:
# the latency at a given rate rather than in a burst.
# With CPQ_PROFILE=FILE.jfr, Payara is recorded with JFR for the run and the recording summarised by
# ProfileSummary.java (where the server's CPU time went).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=${CPQ_WORK:-$ROOT/.work/run}
PORT=$(cat "$WORK/state/http-port" 2>/dev/null || echo 8080)
# the per-order cost (transactions, messages, rows) is counted in the product's database, with its JDBC driver
DRIVER=$(ls "$WORK"/payara6/glassfish/domains/*/lib/postgresql-*.jar 2>/dev/null | head -1)
DB=()
if [ -n "$DRIVER" ] && [ -f "$WORK/state/db-port" ]; then
    DB=("jdbc:postgresql://127.0.0.1:$(cat "$WORK/state/db-port")/cpq" cpq "$(cat "$WORK/secrets/db-password")")
fi
if [ -n "${CPQ_PROFILE:-}" ]; then
    PAYARA=$(pgrep -f 'com.sun.enterprise.glassfish.bootstrap.ASMain' | head -1)
    jcmd "$PAYARA" JFR.start name=order-bench settings=profile filename="$(realpath -m "$CPQ_PROFILE")" >/dev/null
    trap 'jcmd "$PAYARA" JFR.stop name=order-bench >/dev/null && java "$ROOT/benchmark/ProfileSummary.java" "$CPQ_PROFILE" 30' EXIT
fi
java ${DRIVER:+-cp "$DRIVER"} -Dbench.dir="$ROOT/benchmark" -Dbench.rate="${CPQ_BENCH_RATE:-0}" "$ROOT/benchmark/OrderBench.java" "http://localhost:$PORT" \
    "$(cat "$WORK/secrets/demo-password")" "${1:-200}" "${2:-8}" "${3:-1}" "${DB[@]}"
