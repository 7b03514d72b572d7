package io.cpqoms.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * MicroProfile Fault Tolerance is active on the adapters of the deployed EAR, where it could be silently
 * inert (on Payara it is unless the web module carries a Fault Tolerance annotation: see
 * {@code io.cpqoms.web.FaultToleranceActivation}). Proven by what only an active interceptor does, seen
 * from outside: an open circuit answers without calling the system (the system's request log has fewer
 * calls than the product's attempts), and a system slower than the timeout is given up on before it
 * answers, as an unknown outcome. The {@code ft_*} metrics at /metrics count the same, per system.
 *
 * <p>The test stack runs the production breaker (10 calls, half of them failed) with a delay of 5 s
 * ({@code CircuitBreaker/delay}, set by server-config/bin/cpq), the production timeout of 2 s and the
 * retries 1, 2 and 4 s apart. Field service is scripted here only, so its circuit is this test's.
 */
class FaultToleranceIT {

    private static final Api CAPTURE = Api.as("acme-order-capture");
    private static final Api SUPERVISOR = Api.as("acme-operations-supervisor");
    private static final Api AUDITOR = Api.as("acme-auditor");
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String EXTERNAL = System.getProperty("cpq.external.url", "");
    private static final String GUARD = "io.cpqoms.fulfillment.adapter.ExternalSystemGuard";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static String catalogVersion;

    @BeforeAll
    static void publishTheDemoCatalog() {
        assumeFalse(EXTERNAL.isBlank(), "cpq.external.url names the simulated systems (server-config/bin/cpq test sets it)");
        catalogVersion = Api.publishedCatalog("fault tolerance", Api.file(Api.DEMO_CATALOG));
    }

    @Test
    void anOpenCircuitFailsFastWithoutCallingTheSystemAndClosesOnceItAnswersAgain() {
        double opened = metric("ft_circuitbreaker_opened_total", "fieldService", null);
        double rejected = metric("ft_circuitbreaker_calls_total", "fieldService", "circuitBreakerResult=\"circuitBreakerOpen\"");

        // five orders whose site survey field service refuses (503) far longer than the retry budget
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            orders.add(wirelessOrder("hq sim:field-service=unavailable-50"));
        }
        int attempts = 0;
        int calls = 0;
        int failedFast = 0;
        for (String orderId : orders) {
            awaitStatus(orderId, "FALLOUT");
            JsonObject survey = item(orderId, "WIRELESS_SITE_SURVEY");
            assertEquals("RETRY_BUDGET_EXHAUSTED", survey.getString("failureCode"), survey.toString());
            attempts += 1 + survey.getInt("retryCount");
            calls += log("field-service", survey.getString("externalRequestId")).size();
            failedFast += (int) retryReasons(orderId).stream().filter(r -> r.contains("circuit open")).count();
        }
        String figures = attempts + " attempts, " + calls + " calls reached field service, " + failedFast
                + " answered by the open circuit";
        System.out.println("FaultToleranceIT circuit breaker: " + figures);
        assertEquals(20, attempts, "each survey: the first attempt and 3 retries; " + figures);
        assertTrue(calls < attempts, "with the circuit open, attempts fail fast without reaching the system; " + figures);
        assertTrue(failedFast > 0, "retries were scheduled for an open circuit (RETRYABLE CIRCUIT_OPEN); " + figures);
        assertTrue(metric("ft_circuitbreaker_opened_total", "fieldService", null) > opened, "ft_circuitbreaker_opened_total");
        assertTrue(metric("ft_circuitbreaker_calls_total", "fieldService", "circuitBreakerResult=\"circuitBreakerOpen\"")
                >= rejected + (attempts - calls), "ft_circuitbreaker_calls_total circuitBreakerOpen");

        // after the breaker's delay (half-open) one trial call reaches the system; it answers, and the circuit closes
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).until(circuitClosed("fieldService"));
        String recovered = wirelessOrder("hq");
        awaitStatus(recovered, "COMPLETED");
        JsonObject survey = item(recovered, "WIRELESS_SITE_SURVEY");
        assertEquals(0, survey.getInt("retryCount"), "the trial call went through: " + survey);
        assertEquals(1, log("field-service", survey.getString("externalRequestId")).size());
    }

    @Test
    void aSystemSlowerThanTheTimeoutIsGivenUpOnBeforeItAnswersAsAnUnknownOutcome() {
        double timedOut = metric("ft_timeout_calls_total", "networkProvisioning", "timedOut=\"true\"");
        // the system answers after 3 s, within the HTTP read timeout (5 s) but past the Fault Tolerance timeout (2 s)
        String orderId = fiberOrder("hq sim:network-provisioning=slow-3000");
        awaitStatus(orderId, "COMPLETED");
        JsonObject circuit = item(orderId, "ACCESS_CIRCUIT_PROVISIONING");
        List<JsonObject> calls = log("network-provisioning", circuit.getString("externalRequestId"));
        assertEquals("COMPLETED", calls.get(0).getString("outcome"), calls.toString());
        assertTrue(calls.stream().skip(1).allMatch(c -> c.getString("outcome").equals("STATUS")),
                "sent once, then asked for by its request id, never sent again: " + calls);

        JsonObject unknown = AUDITOR.get("/api/orders/" + orderId + "/timeline").array().stream()
                .map(JsonValue::asJsonObject)
                .filter(e -> e.getString("action").equals("FULFILLMENT_ITEM_OUTCOME_UNKNOWN"))
                .filter(e -> e.getJsonObject("details").getString("itemId").equals(circuit.getString("id")))
                .findFirst().orElseThrow(() -> new AssertionError("no unknown outcome for the slow call"));
        assertTrue(unknown.getJsonObject("details").toString().contains("Fault Tolerance timeout"), unknown.toString());
        // the system logs its answer when it gives it, 3 s after it took the request
        Instant answered = Instant.parse(calls.get(0).getString("at"));
        Instant sent = answered.minusMillis(3000);
        Instant givenUp = Instant.parse(unknown.getString("occurredAt"));
        long waited = Duration.between(sent, givenUp).toMillis();
        System.out.println("FaultToleranceIT timeout: sent about " + sent + ", given up " + givenUp + " (after about "
                + waited + " ms), the system answered " + answered);
        assertTrue(waited >= 1900, "not before the timeout: " + waited + " ms");
        assertTrue(givenUp.isBefore(answered), "given up at the timeout, before the system answered: " + waited + " ms");
        assertTrue(metric("ft_timeout_calls_total", "networkProvisioning", "timedOut=\"true\"") > timedOut,
                "ft_timeout_calls_total timedOut=true");
    }

    @Test
    void everySystemsCallsPassItsOwnBulkheadAndCircuitBreaker() {
        String orderId = fiberOrder("hq");
        awaitStatus(orderId, "COMPLETED");
        for (String method : List.of("networkProvisioning", "ipAddressManagement", "logistics", "billing", "serviceAssurance")) {
            assertTrue(metric("ft_bulkhead_calls_total", method, "bulkheadResult=\"accepted\"") > 0, method + " bulkhead");
            assertTrue(metric("ft_circuitbreaker_calls_total", method, "circuitBreakerResult=\"success\"") > 0, method + " breaker");
        }
    }

    // ---- helpers -------------------------------------------------------------------------------

    private static String wirelessOrder(String site) {
        return order("po_enterprise_wireless_200m", "\"siteId\":\"" + site + "\"");
    }

    private static String fiberOrder(String site) {
        return order("po_enterprise_fiber", "\"bandwidthMbps\":\"500\",\"slaTier\":\"PREMIUM\",\"siteId\":\"" + site + "\"");
    }

    private static String order(String offering, String characteristics) {
        Api.Reply captured = CAPTURE.post("/api/orders", "{\"customerId\":\"cust-" + UUID.randomUUID()
                + "\",\"accountId\":\"acct-1\",\"catalogVersionId\":\"" + catalogVersion + "\",\"lines\":[{\"offeringId\":\""
                + offering + "\",\"characteristics\":{" + characteristics + "}}]}");
        assertEquals(201, captured.status(), captured.body());
        return captured.json().getString("id");
    }

    private static void awaitStatus(String id, String status) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200))
                .until(() -> SUPERVISOR.get("/api/orders/" + id).json().getString("status").equals(status));
    }

    private static JsonObject item(String orderId, String type) {
        return SUPERVISOR.get("/api/orders/" + orderId + "/fulfillment-items").array().stream().map(JsonValue::asJsonObject)
                .filter(i -> i.getString("itemType").equals(type)).findFirst().orElseThrow();
    }

    private static List<String> retryReasons(String orderId) {
        return AUDITOR.get("/api/orders/" + orderId + "/timeline").array().stream().map(JsonValue::asJsonObject)
                .filter(e -> e.getString("action").equals("FULFILLMENT_ITEM_RETRY_SCHEDULED"))
                .map(e -> e.getJsonObject("details").getString("reason", "")).toList();
    }

    /** What the system logged for one external request id. */
    private static List<JsonObject> log(String system, String externalRequestId) {
        String body = get(EXTERNAL + "/systems/" + system + "/log?externalRequestId="
                + URLEncoder.encode(externalRequestId, StandardCharsets.UTF_8));
        return Json.createReader(new StringReader(body)).readArray().stream().map(JsonValue::asJsonObject).toList();
    }

    /**
     * The value of one ft_* metric of one guard method (the first line that matches, with the given
     * label), 0 when the server has not registered it yet (MicroProfile Metrics is on in Payara's default
     * configuration; Fault Tolerance registers its metrics there).
     */
    private static double metric(String name, String guardMethod, String label) {
        HttpResponse<String> response = send(Api.BASE + "/metrics");
        assertEquals(200, response.statusCode(), "/metrics: " + response.body());
        Pattern line = Pattern.compile("^" + name + "\\{([^}]*)\\} ([0-9.E+-]+)$", Pattern.MULTILINE);
        Matcher m = line.matcher(response.body());
        while (m.find()) {
            String labels = m.group(1);
            if (labels.contains("method=\"" + GUARD + "." + guardMethod + "\"") && (label == null || labels.contains(label))) {
                return Double.parseDouble(m.group(2));
            }
        }
        return 0;
    }

    /**
     * A condition that holds once a guard method's circuit is no longer open: the time it has spent open
     * (Payara's ft_circuitbreaker_state_total, in seconds) stopped growing from one poll to the next.
     */
    private static java.util.concurrent.Callable<Boolean> circuitClosed(String guardMethod) {
        java.util.concurrent.atomic.AtomicReference<Double> before = new java.util.concurrent.atomic.AtomicReference<>();
        return () -> {
            double open = metric("ft_circuitbreaker_state_total", guardMethod, "state=\"open\"");
            Double previous = before.getAndSet(open);
            return previous != null && open == previous;
        };
    }

    private static String get(String url) {
        HttpResponse<String> response = send(url);
        assertEquals(200, response.statusCode(), url + ": " + response.body());
        return response.body();
    }

    private static HttpResponse<String> send(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
