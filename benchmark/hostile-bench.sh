#!/usr/bin/env bash
# Hostile-input benchmark against the product started by `server-config/bin/cpq run` (loopback only,
# bounded in count and time): the generator of web-api's HostileInputIT at scale. Sends REQUESTS
# hostile requests over every operation of /openapi, one after another, for at most SECONDS, and
# prints the answers by status class, the 5xx and the non-problem 4xx with examples, answers slower
# than 1 s and the slowest, the rows written by refused requests (when the stack's PostgreSQL is
# reachable) and whether the server is still healthy. SEED replays a run (the seed is printed).
#   benchmark/hostile-bench.sh [REQUESTS=5000] [SECONDS=900] [SEED=random]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=${CPQ_WORK:-$ROOT/.work/run}
PORT=$(cat "$WORK/state/http-port" 2>/dev/null || echo 8080)
E2E=$ROOT/web-api/src/test/java/io/cpqoms/e2e
MODULES=$WORK/payara6/glassfish/modules
[ -d "$ROOT/web-api/target/classes/io/cpqoms/web" ] || { echo "build first (server-config/bin/cpq run builds)" >&2; exit 1; }
[ -d "$MODULES" ] || { echo "no Payara under $WORK: start the product with server-config/bin/cpq run" >&2; exit 1; }

# The generator is the end-to-end test's own source, compiled here with the JDK alone.
CLASSES=$WORK/hostile-bench/classes
rm -rf "$CLASSES"; mkdir -p "$CLASSES"
javac -nowarn -d "$CLASSES" --release 17 "$E2E"/HostileJson.java "$E2E"/HostileRequests.java "$E2E"/HostileStack.java \
    "$E2E"/HostileDatabase.java "$E2E"/HostileReport.java

# The roles come from the resources' @RolesAllowed: the compiled modules and the Jakarta APIs of Payara.
CP=$CLASSES
for m in web-api catalog-ejb quote-ejb order-ejb fulfillment-mdb; do CP=$CP:$ROOT/$m/target/classes; done
CP="$CP:$MODULES/*"

DB_URL= DB_USER= DB_PASSWORD_FILE=
JDBC=$(sed -n 's/^postgresql.jdbc.jar=//p' "$ROOT/server-config/target/provisioning.properties" 2>/dev/null || true)
if [ -n "$JDBC" ] && [ -f "$JDBC" ] && [ -f "$WORK/secrets/db-password" ]; then
    CP=$CP:$JDBC
    if [ -n "${CPQ_DB_URL:-}" ]; then
        DB_URL=$CPQ_DB_URL; DB_USER=${CPQ_DB_USER:-cpq}
    elif [ -f "$WORK/state/db-port" ]; then
        DB_URL="jdbc:postgresql://127.0.0.1:$(cat "$WORK/state/db-port")/cpq"; DB_USER=cpq
    fi
    DB_PASSWORD_FILE=$WORK/secrets/db-password
fi

exec java -cp "$CP" "$ROOT/benchmark/HostileBench.java" "http://localhost:$PORT" "$(cat "$WORK/secrets/demo-password")" \
    "$ROOT/server-config/src/main/demo/demo-catalog.json" "${1:-5000}" "${2:-900}" "${3:-random}" \
    "$DB_URL" "$DB_USER" "$DB_PASSWORD_FILE"
