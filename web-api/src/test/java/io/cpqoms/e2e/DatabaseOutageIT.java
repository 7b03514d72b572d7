package io.cpqoms.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The stack's bundled PostgreSQL stopped under the running product, then started again: every answer
 * meanwhile is 503 SERVICE_UNAVAILABLE with Retry-After, and after the restart the pool reconnects by
 * itself, a capture repeated with its Idempotency-Key succeeds and makes exactly one order. Runs where
 * the stack says how to stop its database (cpq test passes cpq.script and cpq.work; against another
 * stack, pass them too).
 */
class DatabaseOutageIT {

    private static final String SCRIPT = System.getProperty("cpq.script", "");
    private static final String WORK = System.getProperty("cpq.work", "");
    private static final Api CAPTURE = Api.as("acme-order-capture");
    private static final Api SALES = Api.as("acme-sales");

    @Test
    void outageAnswers503AndTheNextRequestAfterTheRestartSucceeds() throws Exception {
        assumeTrue(!SCRIPT.isBlank() && !SCRIPT.startsWith("${") && !WORK.isBlank() && !WORK.startsWith("${"),
                "cpq.script and cpq.work name the stack whose PostgreSQL this test stops");
        String customer = "outage-" + UUID.randomUUID();
        String key = "outage-" + UUID.randomUUID();
        String capture = "{\"customerId\":\"" + customer + "\",\"accountId\":\"acct-" + customer + "\","
                + "\"lines\":[{\"offeringId\":\"po_managed_router\"}]}";
        assertEquals(200, SALES.get("/api/catalog/offerings?limit=1").status());

        database("db-stop");
        try {
            assertUnavailable(CAPTURE.post("/api/orders", capture, key));
            assertUnavailable(SALES.get("/api/catalog/offerings?limit=1"));
            assertUnavailable(SALES.post("/api/quotes",
                    "{\"customerId\":\"" + customer + "\",\"accountId\":\"a\",\"channel\":\"DIRECT_SALES\"}"));
            assertEquals(503, Api.anonymous().get("/health/ready").status());
        } finally {
            database("db-start");
        }

        // no operator action: the pool drops its dead connections and opens new ones on the next request
        Api.Reply accepted = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> CAPTURE.post("/api/orders", capture, key), reply -> reply.status() != 503);
        assertEquals(201, accepted.status(), accepted.body());
        Api.Reply repeated = CAPTURE.post("/api/orders", capture, key);
        assertTrue(repeated.status() == 200 || repeated.status() == 201, repeated.body());
        assertEquals(accepted.json().getString("id"), repeated.json().getString("id"));
        assertEquals(1, CAPTURE.get("/api/orders?limit=10&customerId=" + customer).json().getJsonArray("items").size());
        assertEquals(200, SALES.get("/api/catalog/offerings?limit=1").status());
    }

    private static void assertUnavailable(Api.Reply reply) {
        assertEquals(503, reply.status(), reply.body());
        assertEquals("application/problem+json", reply.contentType());
        assertEquals("SERVICE_UNAVAILABLE", reply.json().getString("code"));
        assertEquals(503, reply.json().getInt("status"));
        String retryAfter = reply.header("Retry-After");
        assertTrue(retryAfter != null && retryAfter.matches("[1-9][0-9]*"), "Retry-After: " + retryAfter);
    }

    private static void database(String command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(SCRIPT, command).redirectErrorStream(true);
        builder.environment().put("CPQ_WORK", WORK);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(90, TimeUnit.SECONDS), command + " did not finish");
        assertEquals(0, process.exitValue(), command + ": " + output);
    }
}
