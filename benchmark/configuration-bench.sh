#!/usr/bin/env bash
# Configuration evaluation benchmark against the product started by `server-config/bin/cpq run` (loopback
# only, bounded): publishes the demo catalog as a new version and evaluates configurations of the
# Enterprise Connectivity Bundle from CLIENTS concurrent clients for SECONDS per run.
#   benchmark/configuration-bench.sh [CLIENTS=8] [SECONDS=15]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=${CPQ_WORK:-$ROOT/.work/run}
PORT=$(cat "$WORK/state/http-port" 2>/dev/null || echo 8080)
exec java "$ROOT/benchmark/ConfigurationBench.java" "http://localhost:$PORT" "$(cat "$WORK/secrets/demo-password")" \
    "$ROOT/server-config/src/main/demo/demo-catalog.json" "${1:-8}" "${2:-15}"
