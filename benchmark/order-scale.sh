#!/usr/bin/env bash
# The order searches at 10k and at 1M orders (loaded into the product's database in its own shape, and
# removed afterwards), against the product started by `server-config/bin/cpq run`; loopback only.
#   benchmark/order-scale.sh [SMALL=10000] [LARGE=1000000]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=${CPQ_WORK:-$ROOT/.work/run}
PORT=$(cat "$WORK/state/http-port" 2>/dev/null || echo 8080)
DRIVER=$(ls "$WORK"/payara6/glassfish/domains/*/lib/postgresql-*.jar | head -1)
exec java -cp "$DRIVER" "$ROOT/benchmark/OrderScale.java" "http://localhost:$PORT" "$(cat "$WORK/secrets/demo-password")" \
    "jdbc:postgresql://127.0.0.1:$(cat "$WORK/state/db-port")/cpq" cpq "$(cat "$WORK/secrets/db-password")" "${1:-10000}" "${2:-1000000}"
