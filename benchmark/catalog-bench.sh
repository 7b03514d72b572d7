#!/usr/bin/env bash
# Catalog benchmark against the product started by `server-config/bin/cpq run` (loopback only, bounded).
#   benchmark/catalog-bench.sh [OFFERINGS=5000] [CLIENTS=8] [SECONDS=15]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=${CPQ_WORK:-$ROOT/.work/run}
PORT=$(cat "$WORK/state/http-port" 2>/dev/null || echo 8080)
exec java "$ROOT/benchmark/CatalogBench.java" "http://localhost:$PORT" acme-catalog-admin \
    "$(cat "$WORK/secrets/demo-password")" "${1:-5000}" "${2:-8}" "${3:-15}"
