#!/usr/bin/env bash
# Pricing benchmark against the product started by `server-config/bin/cpq run` (loopback only, bounded).
# Publishes a copy of the demo catalog, fills a SMALL-line and a LARGE-line quote through the batch
# item command, prices each in one request (time per line and in total), prices a LARGE-line ad-hoc
# calculation, and counts configuration evaluations per second of the demo bundle from CLIENTS
# concurrent clients for SECONDS (skipped when the endpoint is not deployed).
#   benchmark/pricing-bench.sh [SMALL=1000] [LARGE=10000] [CLIENTS=4] [SECONDS=10]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=${CPQ_WORK:-$ROOT/.work/run}
PORT=$(cat "$WORK/state/http-port" 2>/dev/null || echo 8080)
exec java "$ROOT/benchmark/PricingBench.java" "http://localhost:$PORT" "$(cat "$WORK/secrets/demo-password")" \
    "$ROOT/server-config/src/main/demo/demo-catalog.json" "${1:-1000}" "${2:-10000}" "${3:-4}" "${4:-10}"
