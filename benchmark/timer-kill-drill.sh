#!/usr/bin/env bash
# Persistent timer drill against the product started by `server-config/bin/cpq run` (loopback only,
# bounded): ORDERS orders wait on retry and status-query timers, Payara is killed with SIGKILL and
# started again, and every order must finish; prints the orders in flight and timers pending at the
# kill, the time to finish after the restart, the orders lost and the external requests done twice.
#   benchmark/timer-kill-drill.sh [ORDERS=40]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=${CPQ_WORK:-$ROOT/.work/run}
PORT=$(cat "$WORK/state/http-port" 2>/dev/null || echo 8080)
DRIVER=$(ls "$WORK"/payara6/glassfish/domains/*/lib/postgresql-*.jar | head -1)
DOMAIN_DIR=$(dirname "$(dirname "$DRIVER")")
exec java -cp "$DRIVER" "$ROOT/benchmark/TimerKillDrill.java" "http://localhost:$PORT" "$(cat "$WORK/secrets/demo-password")" \
    "http://127.0.0.1:$(cat "$WORK/state/sims-port")" "$WORK/payara6/bin/asadmin" "$DOMAIN_DIR" \
    "jdbc:postgresql://127.0.0.1:$(cat "$WORK/state/db-port")/cpq" cpq "$(cat "$WORK/secrets/db-password")" "${1:-40}"
