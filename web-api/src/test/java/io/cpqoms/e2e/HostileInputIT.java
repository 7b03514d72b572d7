package io.cpqoms.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Hostile input against every operation of the published contract (issue 10): for each operation of
 * {@code /openapi} and each applicable {@link HostileRequests.Family}, generated requests as a user of a
 * role the operation's {@code @RolesAllowed} lists, addressing real objects (or unknown ones). Per
 * request: no answer at or above 500 and no missing answer; every 4xx is a problem with a code; no row
 * written by a refused request (exact row counts of the product's schemas before and after each
 * request, over JDBC); a request that can never be valid (malformed JSON or percent-encoding, NUL,
 * nesting beyond 32...) is refused. At the end the server is still ready and still captures an order. Answers
 * slower than 2 s are printed, not asserted.
 * <p>
 * {@code -Dhostile.requests=N} (default 500, enough to cover every operation × family pair once),
 * {@code -Dhostile.seed=S} to replay a run (the seed is printed), {@code -Dhostile.families=NUL,...}
 * to replay some families of a seed. {@code server-config/bin/cpq test} passes the database as
 * {@code cpq.db.url}, {@code cpq.db.user} and {@code cpq.db.password}. {@code benchmark/hostile-bench.sh}
 * runs the same generation at scale.
 */
class HostileInputIT {

    private static final long SLOW_MILLIS = 2000;
    private static final String DEMO = Api.file("../server-config/src/main/demo/demo-catalog.json");

    private static final HostileStack.Waiter AWAIT = (what, atMost, condition) ->
            await(what).atMost(atMost).pollInterval(Duration.ofMillis(100)).until(condition::getAsBoolean);

    @Test
    void everyOperationWithstandsHostileInput() throws Exception {
        long seed = Long.getLong("hostile.seed", new SecureRandom().nextLong());
        int count = Integer.getInteger("hostile.requests", 500);
        Set<HostileRequests.Family> families = HostileRequests.families(System.getProperty("hostile.families"));
        System.out.printf("hostile input: seed %d, %d requests; replay with -Dhostile.seed=%d -Dhostile.requests=%d%n",
                seed, count, seed, count);

        Api.Reply openapi = Api.anonymous().get("/openapi?format=JSON");
        assertEquals(200, openapi.status(), openapi.body());
        Map<String, Set<String>> roles = HostileRequests.rolesFromResources(HostileInputIT.class.getClassLoader(), "io.cpqoms.web");
        List<HostileRequests.Operation> operations = HostileRequests.operations(openapi.body(), roles);
        assertFalse(operations.isEmpty(), "the contract has no operations");
        List<String> undeclared = new ArrayList<>();
        for (HostileRequests.Operation operation : operations) {
            if (HostileRequests.userFor(operation) == null) {
                undeclared.add(operation.key());
            }
        }
        assertEquals(List.of(), undeclared, "operations of the contract without @RolesAllowed on a resource method");

        try (HostileDatabase database = database()) {
            HostileStack stack = new HostileStack(Api.BASE, System.getProperty("cpq.demoPassword", ""), Duration.ofSeconds(30));
            HostileStack.Objects objects = stack.prepare(DEMO, AWAIT);
            HostileRequests generator = new HostileRequests(operations, objects, seed);
            List<HostileRequests.Request> requests = HostileRequests.only(generator.generate(count), families);
            System.out.printf("hostile input: %d operations, %d operation x family pairs, %d requests, objects %s%n",
                    operations.size(), generator.pairs(), requests.size(), objects);

            HostileReport report = HostileReport.run(requests, stack, database, AWAIT, SLOW_MILLIS, Duration.ofMinutes(10), System.out);
            String findings = report.findings(2);
            System.out.println(findings);
            System.out.println(report.coverage() + "; by status class " + report.byStatusClass());
            System.out.println(report.summary() + " (seed " + seed + ")");

            boolean ready = stack.ready();
            String capture = ready ? stack.captureWorks(objects.value("version")) : "not tried: the server is not ready";
            System.out.println("hostile input: afterwards the server is " + (ready ? "ready" : "NOT ready")
                    + (capture == null ? " and captures an order" : "; a normal capture failed: " + capture));

            String replay = " (replay: -Dhostile.seed=" + seed + " -Dhostile.requests=" + count + ")\n" + findings;
            assertAll("hostile input" + replay,
                    () -> assertTrue(report.databaseChecked(), "the rows of refused requests could not be counted: " + report.notes()),
                    () -> assertEquals(requests.size(), report.requests(), "every request was sent: " + report.notes()),
                    () -> assertEquals(0, report.serverErrors(), "answers at or above 500, or no answer"),
                    () -> assertEquals(0, report.nonProblem4xx(), "4xx answers that are not problem+json with a code"),
                    () -> assertEquals(0, report.acceptedNeverValid(), "requests that can never be valid and were not refused"),
                    () -> assertEquals(0, report.rowsWrittenByRefused(), "rows written by refused requests"),
                    () -> assertTrue(ready, "the server is still ready after the hostile requests"),
                    () -> assertNull(capture, "a normal quote → order capture works after the hostile requests"));
        }
    }

    /** The test stack's PostgreSQL, from the properties {@code server-config/bin/cpq test} passes. */
    private static HostileDatabase database() throws Exception {
        String url = System.getProperty("cpq.db.url", "");
        if (url.isBlank() || url.startsWith("${")) {
            fail("HostileInputIT counts the rows refused requests write and needs -Dcpq.db.url, -Dcpq.db.user and -Dcpq.db.password"
                    + " (server-config/bin/cpq test passes them; for a `cpq run` stack: the port in .work/run/state/db-port,"
                    + " user cpq, the password in .work/run/secrets/db-password)");
        }
        return HostileDatabase.connect(url, System.getProperty("cpq.db.user"), System.getProperty("cpq.db.password"));
    }
}
