#!/usr/bin/env bash
# PostgreSQL restart drill against the product started by `server-config/bin/cpq run` (loopback only,
# bounded): CLIENTS clients capture orders with Idempotency-Keys while the bundled PostgreSQL is stopped
# for OUTAGE_SECONDS and started again; prints the answers during the outage (500s, 503s with
# Retry-After), the first success after PostgreSQL is back, and whether every key made exactly one order.
# Needs the bundled PostgreSQL (not CPQ_DB_URL).
#   benchmark/db-restart-drill.sh [CLIENTS=4] [OUTAGE_SECONDS=6] [MAX_CAPTURES=400]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=${CPQ_WORK:-$ROOT/.work/run}
export CPQ_WORK=$WORK
PORT=$(cat "$WORK/state/http-port" 2>/dev/null || echo 8080)
exec java "$ROOT/benchmark/DbRestartDrill.java" "http://localhost:$PORT" "$(cat "$WORK/secrets/demo-password")" \
    "$ROOT/server-config/bin/cpq" "$(cat "$WORK/state/db-port")" "${1:-4}" "${2:-6}" "${3:-400}"
