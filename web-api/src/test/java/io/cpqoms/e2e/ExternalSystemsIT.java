package io.cpqoms.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import jakarta.json.Json;
import jakarta.json.JsonArray;
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
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The external systems as separate services (seed 000, sections 25-28): the product calls the
 * simulated systems over HTTP through its adapters, and each outcome of the taxonomy is handled as it
 * should be. The systems' own request logs show what reached them: the same external request id for
 * the calls of one attempt, and never a blind second submission after an unknown outcome.
 */
class ExternalSystemsIT {

    private static final Api CAPTURE = Api.as("acme-order-capture");
    private static final Api SUPERVISOR = Api.as("acme-operations-supervisor");
    private static final Api AUDITOR = Api.as("acme-auditor");
    /** Retries in the test stack wait 1, 2 and 4 seconds at most (cpq.fulfillment.retry.base-ms = 1000). */
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String EXTERNAL = System.getProperty("cpq.external.url", "");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static String catalogVersion;

    @BeforeAll
    static void publishTheDemoCatalog() {
        assumeFalse(EXTERNAL.isBlank(), "cpq.external.url names the simulated systems (server-config/bin/cpq test sets it)");
        catalogVersion = Api.publishedCatalog("external systems", Api.file(Api.DEMO_CATALOG));
    }

    @Test
    void aSystemDownForAWhileIsCalledAgainWithTheSameRequestUntilItAnswers() {
        String orderId = order("hq sim:billing=unavailable-2");
        awaitStatus(orderId, "COMPLETED");
        JsonObject billing = item(orderId, "BILLING_ACTIVATION");
        List<JsonObject> calls = log("billing", billing.getString("externalRequestId"));
        assertEquals(List.of(503, 503, 200), calls.stream().map(c -> c.getInt("status")).toList(), calls.toString());
        assertFalse(billing.getString("externalReference").isBlank());
        assertEquals(2, billing.getInt("retryCount"));
        assertEquals(orderId + ":" + billing.getString("id") + ":1", billing.getString("externalRequestId"),
                "retries of one attempt keep its request id");
        List<String> timeline = timeline(orderId);
        assertEquals(2, timeline.stream().filter("FULFILLMENT_ITEM_RETRY_SCHEDULED"::equals).count(), timeline.toString());
        assertEquals(2, timeline.stream().filter("FULFILLMENT_ITEM_RETRY_SENT"::equals).count(), timeline.toString());
    }

    @Test
    void aSystemDownLongerThanTheRetryBudgetFallsOut() {
        String orderId = order("hq sim:logistics=unavailable-9");
        awaitStatus(orderId, "FALLOUT");
        JsonObject shipment = item(orderId, "ROUTER_SHIPMENT");
        assertEquals("RETRY_BUDGET_EXHAUSTED", shipment.getString("failureCode"));
        assertEquals(3, shipment.getInt("retryCount"));
        assertEquals(4, log("logistics", shipment.getString("externalRequestId")).size(), "the first call and 3 retries");
        JsonObject fallout = cases(orderId).getJsonObject(0);
        assertEquals("RETRY_BUDGET_EXHAUSTED", fallout.getString("reasonCode"));
        assertEquals("logistics", fallout.getString("ownerGroup"));
    }

    @Test
    void aBusinessRefusalFallsOutWithTheDomainsCodeAndTheSystemsOwn() {
        String orderId = order("hq sim:network-provisioning=reject");
        awaitStatus(orderId, "FALLOUT");
        JsonObject circuit = item(orderId, "ACCESS_CIRCUIT_PROVISIONING");
        assertEquals("FAILED", circuit.getString("status"));
        assertEquals("RESOURCE_UNAVAILABLE", circuit.getString("failureCode"));
        assertTrue(circuit.getString("failureMessage").contains("ERR_771_PORT_OCCUPIED"), circuit.toString());
        JsonObject fallout = cases(orderId).getJsonObject(0);
        assertEquals("MEDIUM", fallout.getString("severity"));
        assertEquals(1, log("network-provisioning", circuit.getString("externalRequestId")).size(), "a refusal is not retried");
    }

    @Test
    void aRequestTheSystemCannotReadIsAHighDefectCase() {
        String orderId = order("hq sim:logistics=invalid");
        awaitStatus(orderId, "FALLOUT");
        JsonObject shipment = item(orderId, "ROUTER_SHIPMENT");
        assertEquals("INVALID_REQUEST", shipment.getString("failureCode"));
        JsonObject fallout = cases(orderId).getJsonObject(0);
        assertEquals("HIGH", fallout.getString("severity"));
        assertEquals("FULFILLMENT_REQUEST_INVALID", fallout.getString("reasonCode"));
        assertEquals("logistics", fallout.getString("ownerGroup"));
    }

    @Test
    void workDoneButAnsweredTooLateIsFoundByItsRequestIdNotDoneTwice() {
        String orderId = order("hq sim:service-assurance=timeout-then-done");
        awaitStatus(orderId, "COMPLETED");
        JsonObject monitoring = item(orderId, "SLA_MONITORING_SETUP");
        List<String> outcomes = log("service-assurance", monitoring.getString("externalRequestId")).stream()
                .map(c -> c.getString("outcome")).toList();
        assertEquals(List.of("COMPLETED_LATE", "STATUS"), outcomes, "submitted once, then asked on a timer");
        assertTrue(timeline(orderId).contains("FULFILLMENT_ITEM_OUTCOME_UNKNOWN"));
        assertTrue(timeline(orderId).contains("FULFILLMENT_ITEM_STATUS_QUERIED"));
    }

    @Test
    void workNeitherAnsweredNorFoundFallsOutAsAnUnknownOutcomeAndIsNeverSentBlind() {
        String orderId = order("hq sim:ip-address-management=timeout-lost");
        awaitStatus(orderId, "FALLOUT");
        JsonObject ip = item(orderId, "IP_ALLOCATION");
        assertEquals("UNKNOWN_OUTCOME", ip.getString("failureCode"));
        List<String> outcomes = log("ip-address-management", ip.getString("externalRequestId")).stream()
                .map(c -> c.getString("outcome")).toList();
        // the test stack asks 3 times (cpq.fulfillment.unknown-outcome.polls), 1 and 2 and 4 seconds apart
        assertEquals(List.of("LOST", "STATUS", "STATUS", "STATUS"), outcomes);
        assertEquals("UNKNOWN_OUTCOME", cases(orderId).getJsonObject(0).getString("reasonCode"));
    }

    @Test
    void aSlowSystemIsWaitedForWithinTheTimeout() {
        String orderId = order("hq sim:logistics=slow-500");
        awaitStatus(orderId, "COMPLETED");
    }

    // ---- helpers -------------------------------------------------------------------------------

    private static String order(String site) {
        Api.Reply captured = CAPTURE.post("/api/orders", "{\"customerId\":\"cust-" + UUID.randomUUID()
                + "\",\"accountId\":\"acct-1\",\"catalogVersionId\":\"" + catalogVersion + "\",\"lines\":[{\"offeringId\":"
                + "\"po_enterprise_fiber\",\"characteristics\":{\"bandwidthMbps\":\"500\",\"slaTier\":\"PREMIUM\","
                + "\"siteId\":\"" + site + "\"}}]}");
        assertEquals(201, captured.status(), captured.body());
        return captured.json().getString("id");
    }

    private static JsonObject orderOf(String id) {
        return SUPERVISOR.get("/api/orders/" + id).json();
    }

    private static void awaitStatus(String id, String status) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).until(() -> orderOf(id).getString("status").equals(status));
    }

    private static JsonObject item(String orderId, String type) {
        JsonArray items = SUPERVISOR.get("/api/orders/" + orderId + "/fulfillment-items").array();
        return items.stream().map(JsonValue::asJsonObject).filter(i -> i.getString("itemType").equals(type))
                .findFirst().orElseThrow();
    }

    private static List<String> timeline(String orderId) {
        return AUDITOR.get("/api/orders/" + orderId + "/timeline").array().stream()
                .map(e -> e.asJsonObject().getString("action")).toList();
    }

    private static JsonArray cases(String orderId) {
        return SUPERVISOR.get("/api/orders/" + orderId + "/fallout-cases").array();
    }

    /** What the system logged for one external request id. */
    private static List<JsonObject> log(String system, String externalRequestId) {
        String body = get(EXTERNAL + "/systems/" + system + "/log?externalRequestId="
                + URLEncoder.encode(externalRequestId, StandardCharsets.UTF_8));
        return Json.createReader(new StringReader(body)).readArray().stream().map(JsonValue::asJsonObject).toList();
    }

    private static String get(String url) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), url + ": " + response.body());
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
