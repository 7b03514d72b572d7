package io.cpqoms.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What people do to an order that cannot go on by itself (seed 000, sections 16-19 and 37), through
 * HTTP on the deployed EAR with the simulated systems scripted by site id ({@code sim:<system>=...}):
 * fallout cases worked by their work group or a supervisor, retries, break-glass completion, a
 * supervisor's validation override, and cancellation with compensation. Refused attempts at the
 * sensitive actions are audited; another tenant sees none of it.
 */
class OrderInterventionsIT {

    private static final Api CAPTURE = Api.as("acme-order-capture");
    private static final Api NETWORK_OPERATIONS = Api.as("acme-operations");
    private static final Api LOGISTICS_OPERATIONS = Api.as("acme-operations-logistics");
    private static final Api SUPERVISOR = Api.as("acme-operations-supervisor");
    private static final Api BREAK_GLASS = Api.as("acme-break-glass");
    private static final Api WORKER = Api.as("acme-fulfillment-worker");
    private static final Api AUDITOR = Api.as("acme-auditor");
    private static final Api CUSTOMER_SERVICE = Api.as("acme-customer-service");
    private static final Api GLOBEX_OPERATIONS = Api.as("globex-operations");
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private static String catalogVersion;

    @BeforeAll
    static void publishTheDemoCatalog() {
        catalogVersion = Api.publishedCatalog("interventions", Api.file(Api.DEMO_CATALOG));
    }

    // ---- helpers -------------------------------------------------------------------------------

    /** A direct fiber order whose site id scripts the simulated systems. */
    private static String order(String customer, String site) {
        Api.Reply captured = CAPTURE.post("/api/orders", body(customer, site));
        assertEquals(201, captured.status(), captured.body());
        return captured.json().getString("id");
    }

    private static String body(String customer, String site) {
        return "{\"customerId\":\"" + customer + "\",\"accountId\":\"acct-1\",\"catalogVersionId\":\"" + catalogVersion
                + "\",\"lines\":[{\"offeringId\":\"po_enterprise_fiber\",\"characteristics\":{\"bandwidthMbps\":\"500\","
                + "\"slaTier\":\"PREMIUM\",\"siteId\":\"" + site + "\"}}]}";
    }

    private static String customer() {
        return "cust-" + UUID.randomUUID();
    }

    private static JsonObject orderOf(String id) {
        Api.Reply reply = SUPERVISOR.get("/api/orders/" + id);
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    private static JsonObject awaitStatus(String id, String status) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).until(() -> orderOf(id).getString("status").equals(status));
        return orderOf(id);
    }

    private static JsonArray items(String orderId) {
        Api.Reply reply = SUPERVISOR.get("/api/orders/" + orderId + "/fulfillment-items");
        assertEquals(200, reply.status(), reply.body());
        return reply.array();
    }

    private static JsonObject item(String orderId, String type) {
        return items(orderId).stream().map(JsonValue::asJsonObject).filter(i -> i.getString("itemType").equals(type))
                .findFirst().orElseThrow();
    }

    private static void awaitItems(String orderId, Predicate<JsonArray> condition) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).until(() -> condition.test(items(orderId)));
    }

    private static JsonArray cases(String orderId) {
        Api.Reply reply = NETWORK_OPERATIONS.get("/api/orders/" + orderId + "/fallout-cases");
        assertEquals(200, reply.status(), reply.body());
        return reply.array();
    }

    /** The case ids of every page of the caller's worklist with the given query. */
    private static List<String> worklist(Api as, String query) {
        List<String> ids = new java.util.ArrayList<>();
        String next = null;
        do {
            String separator = query.isEmpty() ? "?" : "&";
            Api.Reply page = as.get("/api/fallout-cases" + query + separator + "limit=200"
                    + (next == null ? "" : "&after=" + next));
            assertEquals(200, page.status(), page.body());
            page.json().getJsonArray("items").forEach(c -> ids.add(c.asJsonObject().getString("id")));
            next = page.json().containsKey("next") ? page.json().getString("next") : null;
        } while (next != null);
        return ids;
    }

    private static List<String> timeline(String orderId) {
        return AUDITOR.get("/api/orders/" + orderId + "/timeline").array().stream()
                .map(e -> e.asJsonObject().getString("action")).toList();
    }

    private static JsonObject timelineEntry(String orderId, String action) {
        return AUDITOR.get("/api/orders/" + orderId + "/timeline").array().stream().map(JsonValue::asJsonObject)
                .filter(e -> e.getString("action").equals(action)).reduce((a, b) -> b).orElseThrow(() ->
                        new AssertionError(action + " not in " + timeline(orderId)));
    }

    private static List<String> eventTypes(String orderId) {
        return AUDITOR.get("/api/orders/" + orderId + "/events").array().stream()
                .map(e -> e.asJsonObject().getString("eventType")).toList();
    }

    private static void assertProblem(Api.Reply reply, int status, String code) {
        assertEquals(status, reply.status(), reply.body());
        assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
        assertEquals(code, reply.json().getString("code"), reply.body());
    }

    private static void assertDeniedAttemptAudited(String orderId, Api.Reply refused, String actor, String action) {
        assertProblem(refused, 403, "ROLE_REQUIRED");
        JsonObject denied = AUDITOR.get("/api/orders/" + orderId + "/timeline").array().stream().map(JsonValue::asJsonObject)
                .filter(e -> e.getString("action").equals("ACCESS_DENIED"))
                .filter(e -> e.getJsonObject("details").getString("attemptedAction").equals(action))
                .findFirst().orElseThrow(() -> new AssertionError(action + " attempt not audited"));
        assertEquals(actor, denied.getString("actor"));
        assertEquals(refused.header("X-Correlation-Id"), denied.getString("correlationId"));
    }

    private static final String RETRY = "{\"action\":\"RETRY_ITEM\",\"note\":\"address pool extended\"}";

    // ---- fallout cases -------------------------------------------------------------------------

    @Test
    void aFailedItemOpensAFalloutCaseThatItsWorkGroupRetries() {
        String orderId = order(customer(), "hq sim:ip-address-management=reject-first");
        awaitStatus(orderId, "FALLOUT");
        JsonArray cases = cases(orderId);
        assertEquals(1, cases.size(), cases.toString());
        JsonObject fallout = cases.getJsonObject(0);
        String caseId = fallout.getString("id");
        JsonObject ip = item(orderId, "IP_ALLOCATION");
        assertEquals("FAILED", ip.getString("status"));
        assertEquals("OPEN", fallout.getString("status"));
        assertEquals("FULFILLMENT_ITEM_FAILED", fallout.getString("reasonCode"));
        assertEquals("ip-address-management", fallout.getString("ownerGroup"));
        assertEquals(ip.getString("id"), fallout.getString("fulfillmentItemId"));
        assertTrue(fallout.getString("description").contains("RESOURCE_UNAVAILABLE"), fallout.toString());
        assertEquals("FAILED", orderOf(orderId).getJsonArray("lines").getJsonObject(0).getString("fulfillmentStatus"));

        assertTrue(worklist(NETWORK_OPERATIONS, "").contains(caseId), "in the worklist of its group");
        assertFalse(worklist(LOGISTICS_OPERATIONS, "").contains(caseId), "not in another group's");
        assertTrue(worklist(LOGISTICS_OPERATIONS, "?ownerGroup=ip-address-management").contains(caseId));
        assertTrue(worklist(SUPERVISOR, "").contains(caseId), "a supervisor sees every group");
        assertFalse(worklist(GLOBEX_OPERATIONS, "?ownerGroup=ip-address-management").contains(caseId), "nor another tenant");

        String path = "/api/orders/" + orderId + "/fallout-cases/" + caseId;
        assertProblem(LOGISTICS_OPERATIONS.post(path + "/assignments", "{\"assignee\":\"acme-operations-logistics\"}"),
                403, "NOT_IN_OWNER_GROUP");
        assertProblem(LOGISTICS_OPERATIONS.post(path + "/resolutions", RETRY), 403, "NOT_IN_OWNER_GROUP");
        assertProblem(NETWORK_OPERATIONS.unchecked().post(path + "/assignments", "{}"), 400, "INVALID_REQUEST_BODY");
        assertProblem(NETWORK_OPERATIONS.unchecked().post(path + "/resolutions", "{\"action\":\"EDIT_DATABASE\"}"), 400, "INVALID_REQUEST_BODY");

        Api.Reply assigned = NETWORK_OPERATIONS.post(path + "/assignments", "{\"assignee\":\"acme-operations\"}");
        assertEquals(200, assigned.status(), assigned.body());
        assertEquals("ASSIGNED", assigned.json().getString("status"));
        assertEquals("acme-operations", assigned.json().getString("ownerUserId"));

        Api.Reply resolved = NETWORK_OPERATIONS.post(path + "/resolutions", RETRY);
        assertEquals(200, resolved.status(), resolved.body());
        assertEquals("RESOLVED", resolved.json().getString("status"));
        assertEquals("RETRIED", resolved.json().getString("resolutionCode"));
        assertEquals("acme-operations", resolved.json().getString("resolvedBy"));
        assertEquals("address pool extended", resolved.json().getString("resolutionNote"));
        assertProblem(NETWORK_OPERATIONS.post(path + "/resolutions", RETRY), 409, "FALLOUT_CASE_CLOSED");
        assertFalse(worklist(NETWORK_OPERATIONS, "").contains(caseId), "a resolved case leaves the worklist");
        assertTrue(worklist(NETWORK_OPERATIONS, "?status=RESOLVED&ownerGroup=ip-address-management").contains(caseId));

        awaitStatus(orderId, "COMPLETED");
        JsonObject retried = item(orderId, "IP_ALLOCATION");
        assertEquals("COMPLETED", retried.getString("status"));
        assertEquals(2, retried.getInt("attemptGroup"));
        assertEquals(orderId + ":" + retried.getString("id") + ":2", retried.getString("externalRequestId"));
        List<String> timeline = timeline(orderId);
        for (String action : List.of("FULFILLMENT_ITEM_FAILED", "ORDER_FALLOUT", "FALLOUT_CASE_OPENED", "FALLOUT_CASE_ASSIGNED",
                "FULFILLMENT_ITEM_RETRIED", "FALLOUT_CASE_RESOLVED", "ORDER_FALLOUT_CLEARED", "ORDER_COMPLETED")) {
            assertTrue(timeline.contains(action), action + " missing from " + timeline);
        }
        assertTrue(timeline.indexOf("FALLOUT_CASE_OPENED") < timeline.indexOf("FULFILLMENT_ITEM_RETRIED"));
        assertEquals("acme-operations", timelineEntry(orderId, "FULFILLMENT_ITEM_RETRIED").getString("actor"));
        await().atMost(PATIENCE).until(() -> eventTypes(orderId).containsAll(List.of("order.fallout-opened.v1",
                "order.fulfillment-item.retried.v1", "order.fallout-resolved.v1", "order.fulfillment-resumed.v1",
                "order.completed.v1")));
    }

    /** A case as its group reads it: GET /fallout-cases/{id}. */
    private static JsonObject falloutCase(Api as, String caseId) {
        Api.Reply reply = as.get("/api/fallout-cases/" + caseId);
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    private static List<String> strings(JsonArray array) {
        return array.getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList();
    }

    private static final List<String> EVERY_ACTION = List.of("RETRY_ITEM", "SKIP_ITEM", "CORRECT_ORDER_DATA",
            "REQUEST_CUSTOMER_INFO", "CANCEL_ORDER", "MARK_RESOLVED", "ESCALATE");

    @Test
    void aSkippedItemIsWaivedWithItsReasonAndTheOrderCompletesWithoutIt() {
        String orderId = order(customer(), "hq sim:ip-address-management=reject");
        awaitStatus(orderId, "FALLOUT");
        String caseId = cases(orderId).getJsonObject(0).getString("id");
        JsonObject fallout = falloutCase(NETWORK_OPERATIONS, caseId);
        assertEquals(orderId, fallout.getString("orderId"));
        assertEquals(EVERY_ACTION, strings(fallout.getJsonArray("allowedActions")));
        assertProblem(GLOBEX_OPERATIONS.get("/api/fallout-cases/" + caseId), 404, "FALLOUT_CASE_NOT_FOUND");
        assertProblem(NETWORK_OPERATIONS.get("/api/fallout-cases/" + UUID.randomUUID()), 404, "FALLOUT_CASE_NOT_FOUND");

        String path = "/api/orders/" + orderId + "/fallout-cases/" + caseId + "/resolutions";
        assertProblem(NETWORK_OPERATIONS.post(path, "{\"action\":\"SKIP_ITEM\"}"), 400, "FALLOUT_NOTE_REQUIRED");
        assertProblem(NETWORK_OPERATIONS.post(path, "{\"action\":\"MARK_RESOLVED\",\"note\":\"fixed\"}"), 409,
                "FALLOUT_CAUSE_STANDS");
        Api.Reply skipped = NETWORK_OPERATIONS.post(path, "{\"action\":\"SKIP_ITEM\",\"note\":\"customer brings own addresses\"}");
        assertEquals(200, skipped.status(), skipped.body());
        assertEquals("ITEM_WAIVED", skipped.json().getString("resolutionCode"));
        assertEquals(List.of(), strings(skipped.json().getJsonArray("allowedActions")), "a resolved case takes nothing");

        awaitStatus(orderId, "COMPLETED");
        assertEquals("WAIVED", item(orderId, "IP_ALLOCATION").getString("status"));
        assertEquals("customer brings own addresses",
                timelineEntry(orderId, "FULFILLMENT_ITEM_WAIVED").getJsonObject("details").getString("reason"));
        await().atMost(PATIENCE).until(() -> eventTypes(orderId).containsAll(List.of("order.fulfillment-item.waived.v1",
                "order.completed.v1")));
    }

    @Test
    void aCorrectionOfNamedFieldsIsAuditedAndTheItemGoesOutAgainWithIt() {
        String orderId = order(customer(), "hq sim:ip-address-management=reject");
        awaitStatus(orderId, "FALLOUT");
        String caseId = cases(orderId).getJsonObject(0).getString("id");
        String path = "/api/orders/" + orderId + "/fallout-cases/" + caseId + "/resolutions";

        assertProblem(NETWORK_OPERATIONS.post(path, "{\"action\":\"CORRECT_ORDER_DATA\",\"note\":\"typo\","
                + "\"corrections\":{\"characteristic.vlan\":\"12\"}}"), 400, "CORRECTION_NOT_APPLICABLE");
        Api.Reply corrected = NETWORK_OPERATIONS.post(path, "{\"action\":\"CORRECT_ORDER_DATA\",\"note\":\"site id mistyped\","
                + "\"corrections\":{\"characteristic.siteId\":\"hq\"}}");
        assertEquals(200, corrected.status(), corrected.body());
        assertEquals("ORDER_DATA_CORRECTED", corrected.json().getString("resolutionCode"));

        // the system refuses only the scripted site: completing proves it got the corrected input
        awaitStatus(orderId, "COMPLETED");
        JsonObject ip = item(orderId, "IP_ALLOCATION");
        assertEquals(2, ip.getInt("attemptGroup"));
        JsonObject details = timelineEntry(orderId, "ORDER_DATA_CORRECTED").getJsonObject("details");
        assertEquals("hq sim:ip-address-management=reject", details.getJsonObject("before").getString("characteristic.siteId"));
        assertEquals("hq", details.getJsonObject("after").getString("characteristic.siteId"));
        assertEquals("acme-operations", timelineEntry(orderId, "ORDER_DATA_CORRECTED").getString("actor"));
    }

    @Test
    void aRequestToTheCustomerWaitsForTheAnswerAndEscalatesWhenNoneComes() {
        String orderId = order(customer(), "hq sim:ip-address-management=reject");
        awaitStatus(orderId, "FALLOUT");
        String caseId = cases(orderId).getJsonObject(0).getString("id");
        String path = "/api/orders/" + orderId + "/fallout-cases/" + caseId + "/resolutions";
        assertFalse(CUSTOMER_SERVICE.get("/api/orders/" + orderId).json().containsKey("actionRequired"));

        Api.Reply asked = NETWORK_OPERATIONS.post(path, "{\"action\":\"REQUEST_CUSTOMER_INFO\","
                + "\"note\":\"Which address range does the site use today?\"}");
        assertEquals(200, asked.status(), asked.body());
        assertEquals("WAITING_CUSTOMER", asked.json().getString("status"));
        assertNotNull(asked.json().getString("dueAt"));
        JsonObject action = CUSTOMER_SERVICE.get("/api/orders/" + orderId).json().getJsonObject("actionRequired");
        assertEquals("Waiting for your action", action.getString("headline"));
        assertEquals(List.of("Which address range does the site use today?"), strings(action.getJsonArray("requests")));

        Api.Reply again = NETWORK_OPERATIONS.post(path, "{\"action\":\"REQUEST_CUSTOMER_INFO\",\"note\":\"and the VLAN?\"}");
        assertProblem(again, 400, "FALLOUT_ACTION_NOT_ALLOWED");
        JsonObject violation = again.json().getJsonArray("violations").getJsonObject(0);
        assertEquals(List.of("RETRY_ITEM", "SKIP_ITEM", "CORRECT_ORDER_DATA", "CANCEL_ORDER", "MARK_RESOLVED", "ESCALATE"),
                strings(violation.getJsonArray("allowedValues")));

        // the test stack waits seconds for the customer, then hours become seconds for the desk too
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(250))
                .until(() -> falloutCase(SUPERVISOR, caseId).getString("severity").equals("CRITICAL"));
        JsonObject escalated = falloutCase(LOGISTICS_OPERATIONS, caseId);
        assertEquals("ESCALATED", escalated.getString("status"));
        assertEquals("escalation-desk", escalated.getString("ownerGroup"));
        assertEquals(2, escalated.getInt("escalations"), "once for the customer, once for the desk");
        assertFalse(escalated.containsKey("dueAt"), "nothing is above critical");
        assertFalse(strings(escalated.getJsonArray("allowedActions")).contains("ESCALATE"));
        assertFalse(CUSTOMER_SERVICE.get("/api/orders/" + orderId).json().containsKey("actionRequired"));
        assertTrue(worklist(LOGISTICS_OPERATIONS, "").contains(caseId), "in the escalation desk's worklist");
        assertProblem(NETWORK_OPERATIONS.post(path, RETRY), 403, "NOT_IN_OWNER_GROUP");

        Api.Reply cancelled = LOGISTICS_OPERATIONS.post(path, "{\"action\":\"CANCEL_ORDER\",\"note\":\"customer unreachable\"}");
        assertEquals(200, cancelled.status(), cancelled.body());
        assertEquals("ORDER_CANCELLED", cancelled.json().getString("resolutionCode"));
        awaitStatus(orderId, "CANCELLED");
        List<String> timeline = timeline(orderId);
        assertEquals(2, timeline.stream().filter("FALLOUT_CASE_ESCALATED"::equals).count(), timeline.toString());
        assertTrue(timelineEntry(orderId, "FALLOUT_CASE_ESCALATED").getJsonObject("details").getBoolean("automatic"));
        await().atMost(PATIENCE).until(() -> eventTypes(orderId).containsAll(List.of("order.customer-info-requested.v1",
                "order.fallout-escalated.v1", "order.cancelled.v1")));
    }

    @Test
    void anOperatorEscalatesACaseToTheDesk() {
        String orderId = order(customer(), "branch sim:logistics=reject");
        awaitStatus(orderId, "FALLOUT");
        JsonObject opened = cases(orderId).getJsonObject(0);
        String path = "/api/orders/" + orderId + "/fallout-cases/" + opened.getString("id") + "/resolutions";
        Api.Reply escalated = LOGISTICS_OPERATIONS.post(path, "{\"action\":\"ESCALATE\",\"note\":\"carrier does not answer\"}");
        assertEquals(200, escalated.status(), escalated.body());
        assertEquals("ESCALATED", escalated.json().getString("status"));
        assertEquals("escalation-desk", escalated.json().getString("ownerGroup"));
        assertEquals(1, escalated.json().getInt("escalations"));
        assertTrue(List.of("HIGH", "CRITICAL").contains(escalated.json().getString("severity")));
        assertTrue(escalated.json().getString("severity").compareTo(opened.getString("severity")) != 0, "one severity up");
        assertFalse(timelineEntry(orderId, "FALLOUT_CASE_ESCALATED").getJsonObject("details").getBoolean("automatic"));
    }

    @Test
    void aMessageThatKeepsFailingIsDeadLetteredIntoACaseOnItsItemAndKeptForAudit() throws Exception {
        String url = System.getProperty("cpq.db.url", "");
        org.junit.jupiter.api.Assumptions.assumeFalse(url.isBlank(), "needs -Dcpq.db.url (server-config/bin/cpq test sets it)");
        String orderId = order(customer(), "hq sim:ip-address-management=async");
        awaitItems(orderId, items -> items.stream().map(JsonValue::asJsonObject).anyMatch(i ->
                i.getString("itemType").equals("IP_ALLOCATION") && i.getString("status").equals("IN_PROGRESS")));
        String requestId = item(orderId, "IP_ALLOCATION").getString("externalRequestId");
        try (java.sql.Connection db = java.sql.DriverManager.getConnection(url, System.getProperty("cpq.db.user"),
                System.getProperty("cpq.db.password"));
             java.sql.PreparedStatement poison = db.prepareStatement("insert into ordering.outbox_event (event_id, tenant_id,"
                     + " event_type, destination, aggregate_type, aggregate_id, aggregate_version, occurred_at, correlation_id,"
                     + " causation_id, payload) select gen_random_uuid(), tenant_id, event_type, destination, aggregate_type,"
                     + " aggregate_id, aggregate_version, now(), correlation_id, 'dead-letter-drill',"
                     + " jsonb_set(payload, '{data,tenantId}', 'null'::jsonb) from ordering.outbox_event"
                     + " where destination = 'fulfillment-item' and payload -> 'data' ->> 'externalRequestId' = ?")) {
            // the item's dispatch once more, without its tenant: no worker can take it, however often it is delivered
            poison.setString(1, requestId);
            assertEquals(1, poison.executeUpdate());
        }

        awaitStatus(orderId, "FALLOUT");
        JsonObject fallout = cases(orderId).getJsonObject(0);
        assertEquals("MESSAGE_DEAD_LETTERED", fallout.getString("reasonCode"), fallout.toString());
        assertEquals("ip-address-management", fallout.getString("ownerGroup"));
        assertTrue(fallout.getString("description").contains(requestId), "names the request to look up: " + fallout);
        JsonObject ip = item(orderId, "IP_ALLOCATION");
        assertEquals("FAILED", ip.getString("status"));
        assertEquals("MESSAGE_DEAD_LETTERED", ip.getString("failureCode"));
        JsonObject dead = timelineEntry(orderId, "MESSAGE_DEAD_LETTERED");
        assertEquals("system:dead-letters", dead.getString("actor"));
        assertEquals("CpqFulfillmentItem", dead.getJsonObject("details").getString("destination"));
        assertEquals(Integer.getInteger("cpq.jms.redelivery.attempts", 5) + 1,
                dead.getJsonObject("details").getInt("deliveryCount"), "one delivery and the bounded redeliveries");
        try (java.sql.Connection db = java.sql.DriverManager.getConnection(url, System.getProperty("cpq.db.user"),
                System.getProperty("cpq.db.password"));
             java.sql.PreparedStatement kept = db.prepareStatement("select destination, fulfillment_item_id::text, body"
                     + " from ordering.dead_letter where order_id = ?::uuid")) {
            kept.setString(1, orderId);
            try (java.sql.ResultSet rs = kept.executeQuery()) {
                assertTrue(rs.next(), "the message is kept");
                assertEquals("CpqFulfillmentItem", rs.getString(1));
                assertEquals(ip.getString("id"), rs.getString(2));
                assertTrue(rs.getString(3).contains(requestId), "with its body");
                assertFalse(rs.next(), "once");
            }
        }
    }

    // ---- time: jeopardy (seed 000, section 31) ---------------------------------------------------

    /** A catalog version like the demo's whose steps each take an hour (3.6 s on the test stack's time scale). */
    private static String hourlyCatalog() {
        return Api.publishedCatalog("hourly", Api.file(Api.DEMO_CATALOG)
                .replaceAll("\"expectedDuration\": \"[^\"]+\"", "\"expectedDuration\": \"PT1H\""));
    }

    @Test
    void anOrderLateAgainstItsCatalogIsInJeopardyUntilItCompletes() {
        String version = hourlyCatalog();
        Api.Reply captured = CAPTURE.post("/api/orders", body(customer(), "hq sim:ip-address-management=async")
                .replace(catalogVersion, version));
        assertEquals(201, captured.status(), captured.body());
        String orderId = captured.json().getString("id");
        JsonObject planned = await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200))
                .until(() -> orderOf(orderId), o -> o.containsKey("committedCompletionAt"));
        // four steps deep (first wave, router configuration, SLA monitoring, billing): four hours, 14.4 s here
        assertTrue(java.time.Instant.parse(planned.getString("committedCompletionAt"))
                .isAfter(java.time.Instant.parse(planned.getString("createdAt")).plusSeconds(14)), planned.toString());
        JsonObject estimate = CUSTOMER_SERVICE.get("/api/orders/" + orderId).json();
        assertEquals(planned.getString("committedCompletionAt"), estimate.getString("estimatedCompletion"));

        // the IP system never reports: after its hour the item is overdue, then the completion is at risk, then breached
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(250))
                .until(() -> "BREACH".equals(orderOf(orderId).getString("jeopardy", "")));
        JsonObject ip = item(orderId, "IP_ALLOCATION");
        assertEquals("IN_PROGRESS", ip.getString("status"));
        assertTrue(ip.containsKey("overdueSince"), ip.toString());
        List<String> reasons = AUDITOR.get("/api/orders/" + orderId + "/timeline").array().stream().map(JsonValue::asJsonObject)
                .filter(e -> e.getString("action").equals("ORDER_JEOPARDY_RAISED"))
                .map(e -> e.getJsonObject("details").getString("reason")).toList();
        assertEquals(List.of("ITEM_OVERDUE", "COMPLETION_AT_RISK", "COMPLETION_BREACHED"), reasons);

        // the system answers after all: the order goes on, completes, and the jeopardy clears
        assertEquals(200, WORKER.post("/api/worker/orders/" + orderId + "/fulfillment-items/" + ip.getString("id")
                + "/completions", "{\"externalRequestId\":\"" + ip.getString("externalRequestId")
                + "\",\"externalReference\":\"IP-LATE-1\"}").status());
        JsonObject done = awaitStatus(orderId, "COMPLETED");
        assertFalse(done.containsKey("jeopardy"), done.toString());
        assertFalse(CUSTOMER_SERVICE.get("/api/orders/" + orderId).json().containsKey("estimatedCompletion"));
        await().atMost(PATIENCE).until(() -> eventTypes(orderId).containsAll(List.of("order.jeopardy-raised.v1",
                "order.jeopardy-cleared.v1", "order.milestone-reached.v1")));
    }

    @Test
    void theWorklistShowsWhichCasesBelongToOrdersInJeopardy() {
        String customer = customer();
        String orderId = order(customer, "hq sim:ip-address-management=async,logistics=reject");
        awaitStatus(orderId, "FALLOUT");
        String caseId = cases(orderId).getJsonObject(0).getString("id");
        assertFalse(falloutCase(LOGISTICS_OPERATIONS, caseId).containsKey("orderJeopardy"));
        // the demo's IP allocation takes 2 h: 7.2 s on the test stack
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(250))
                .until(() -> "WARNING".equals(orderOf(orderId).getString("jeopardy", "")));
        assertEquals("WARNING", falloutCase(LOGISTICS_OPERATIONS, caseId).getString("orderJeopardy"));
        Api.Reply page = LOGISTICS_OPERATIONS.get("/api/fallout-cases?ownerGroup=logistics&limit=200");
        JsonObject listed = page.json().getJsonArray("items").stream().map(JsonValue::asJsonObject)
                .filter(c -> c.getString("id").equals(caseId)).findFirst().orElseThrow();
        assertEquals("WARNING", listed.getString("orderJeopardy"));
        // and operations find the orders in jeopardy
        Api.Reply inJeopardy = SUPERVISOR.get("/api/orders?customerId=" + customer + "&jeopardy=WARNING");
        assertEquals(200, inJeopardy.status(), inJeopardy.body());
        assertEquals(orderId, inJeopardy.json().getJsonArray("items").getJsonObject(0).getString("id"));
        assertEquals(0, SUPERVISOR.get("/api/orders?customerId=" + customer + "&jeopardy=BREACH").json()
                .getJsonArray("items").size());
        assertProblem(SUPERVISOR.unchecked().get("/api/orders?jeopardy=LATE"), 400, "INVALID_PARAMETER");
    }

    @Test
    void aSupervisorWorksACaseOfAnyGroup() {
        String orderId = order(customer(), "branch sim:logistics=reject-first");
        awaitStatus(orderId, "FALLOUT");
        JsonObject fallout = cases(orderId).getJsonObject(0);
        assertEquals("logistics", fallout.getString("ownerGroup"));
        String path = "/api/orders/" + orderId + "/fallout-cases/" + fallout.getString("id");
        assertProblem(NETWORK_OPERATIONS.post(path + "/resolutions", RETRY), 403, "NOT_IN_OWNER_GROUP");
        Api.Reply resolved = SUPERVISOR.post(path + "/resolutions", "{\"action\":\"RETRY_ITEM\"}");
        assertEquals(200, resolved.status(), resolved.body());
        assertEquals("acme-operations-supervisor", resolved.json().getString("resolvedBy"));
        awaitStatus(orderId, "COMPLETED");
    }

    @Test
    void breakGlassCompletesAFailedItemWithAReasonAndAnExtraAuditRecord() {
        String orderId = order(customer(), "depot sim:logistics=reject");
        awaitStatus(orderId, "FALLOUT");
        JsonObject shipment = item(orderId, "ROUTER_SHIPMENT");
        String path = "/api/orders/" + orderId + "/fulfillment-items/" + shipment.getString("id") + "/force-completions";

        assertDeniedAttemptAudited(orderId, SUPERVISOR.post(path, "{\"reason\":\"shipped by courier\"}"),
                "acme-operations-supervisor", "FORCE_COMPLETE_ITEM");
        assertProblem(BREAK_GLASS.unchecked().post(path, "{\"externalReference\":\"COURIER-1\"}"), 400, "INVALID_REQUEST_BODY");
        assertEquals("FAILED", item(orderId, "ROUTER_SHIPMENT").getString("status"), "a refused attempt changed nothing");

        Api.Reply forced = BREAK_GLASS.post(path, "{\"reason\":\"Router shipped by courier, logistics system down\","
                + "\"externalReference\":\"COURIER-4711\"}");
        assertEquals(200, forced.status(), forced.body());
        assertEquals("COMPLETED", forced.json().getString("status"));
        assertEquals("COURIER-4711", forced.json().getString("externalReference"));
        assertProblem(BREAK_GLASS.post(path, "{\"reason\":\"again\"}"), 409, "ITEM_NOT_FORCIBLE");

        awaitStatus(orderId, "COMPLETED");
        JsonObject fallout = cases(orderId).getJsonObject(0);
        assertEquals("RESOLVED", fallout.getString("status"));
        assertEquals("FORCE_COMPLETED", fallout.getString("resolutionCode"));
        JsonObject breakGlass = timelineEntry(orderId, "BREAK_GLASS_USED");
        assertEquals("acme-break-glass", breakGlass.getString("actor"));
        assertEquals("FORCE_COMPLETE_ITEM", breakGlass.getJsonObject("details").getString("breakGlassAction"));
        assertEquals("Router shipped by courier, logistics system down", breakGlass.getJsonObject("details").getString("reason"));
        assertEquals(forced.header("X-Correlation-Id"), breakGlass.getString("correlationId"));
        assertTrue(timeline(orderId).contains("FULFILLMENT_ITEM_FORCE_COMPLETED"));
    }

    // ---- validation override -------------------------------------------------------------------

    @Test
    void aPossibleDuplicateIsHeldUntilASupervisorOverridesIt() {
        String customer = customer();
        String site = "hq sim:billing=async";
        String first = order(customer, site);
        awaitItems(first, items -> items.size() == 6); // decomposed: the first order is open

        String second = order(customer, site);
        JsonObject held = awaitStatus(second, "HELD");
        JsonObject validation = held.getJsonObject("validation");
        assertEquals("FAILED", validation.getString("status"));
        JsonObject finding = validation.getJsonArray("checks").getJsonObject(0);
        assertEquals("DUPLICATE_ORDER", finding.getString("code"));
        assertTrue(finding.getBoolean("overridable"));
        assertEquals("ON_HOLD", CUSTOMER_SERVICE.get("/api/orders/" + second).json().getString("status"));

        String path = "/api/orders/" + second + "/validation-overrides";
        assertDeniedAttemptAudited(second, NETWORK_OPERATIONS.post(path, "{\"reason\":\"not a duplicate\"}"),
                "acme-operations", "OVERRIDE_VALIDATION_BLOCKER");
        assertProblem(SUPERVISOR.unchecked().post(path, "{\"reason\":\" \"}"), 400, "INVALID_REQUEST_BODY");
        assertEquals("HELD", orderOf(second).getString("status"));

        Api.Reply overridden = SUPERVISOR.post(path, "{\"reason\":\"Customer orders a second circuit at the same site\"}");
        assertEquals(200, overridden.status(), overridden.body());
        assertEquals("VALIDATED", overridden.json().getString("status"));
        JsonObject override = overridden.json().getJsonObject("validation").getJsonObject("override");
        assertEquals("acme-operations-supervisor", override.getString("overriddenBy"));
        assertEquals("Customer orders a second circuit at the same site", override.getString("reason"));
        assertProblem(SUPERVISOR.post(path, "{\"reason\":\"again\"}"), 409, "ORDER_NOT_HELD");

        awaitItems(second, items -> items.size() == 6 && items.stream().map(JsonValue::asJsonObject)
                .anyMatch(i -> i.getString("itemType").equals("BILLING_ACTIVATION") && i.getString("status").equals("IN_PROGRESS")));
        JsonObject audit = timelineEntry(second, "VALIDATION_BLOCKERS_OVERRIDDEN");
        assertEquals(List.of("DUPLICATE_ORDER"), audit.getJsonObject("details").getJsonArray("overriddenBlockers").stream()
                .map(v -> ((jakarta.json.JsonString) v).getString()).toList());

        // a third copy is held too, and cancelled at once: nothing of it was started
        String third = order(customer, site);
        awaitStatus(third, "HELD");
        Api.Reply cancelled = SUPERVISOR.post("/api/orders/" + third + "/cancellations",
                "{\"reason\":\"duplicate entry\",\"initiator\":\"INTERNAL\"}");
        assertEquals(200, cancelled.status(), cancelled.body());
        assertEquals("CANCELLED", cancelled.json().getString("status"));
        assertEquals("CANCELLED", cancelled.json().getJsonArray("lines").getJsonObject(0).getString("status"));
        assertEquals("duplicate entry", cancelled.json().getJsonObject("cancellation").getString("reason"));
        assertTrue(eventTypes(third).contains("order.cancelled.v1") || timeline(third).contains("ORDER_CANCELLED"));

        for (String open : List.of(first, second)) { // leave nothing running
            assertEquals(200, SUPERVISOR.post("/api/orders/" + open + "/cancellations",
                    "{\"reason\":\"test over\",\"initiator\":\"INTERNAL\"}").status());
        }
    }

    // ---- cancellation --------------------------------------------------------------------------

    @Test
    void cancellingInFulfillmentCompensatesTheWorkDoneInReverseOrder() {
        String orderId = order(customer(), "hq sim:billing=async");
        awaitItems(orderId, items -> items.size() == 6 && items.stream().map(JsonValue::asJsonObject)
                .filter(i -> !i.getString("itemType").equals("BILLING_ACTIVATION"))
                .allMatch(i -> i.getString("status").equals("COMPLETED")));
        JsonObject billing = item(orderId, "BILLING_ACTIVATION");
        assertEquals("IN_PROGRESS", billing.getString("status"), "billing answers later");

        String path = "/api/orders/" + orderId + "/cancellations";
        assertDeniedAttemptAudited(orderId, NETWORK_OPERATIONS.post(path, "{\"reason\":\"x\",\"initiator\":\"CUSTOMER\"}"),
                "acme-operations", "CANCEL_ORDER");
        assertProblem(SUPERVISOR.unchecked().post(path, "{\"reason\":\"customer withdrew\"}"), 400, "INVALID_REQUEST_BODY");

        Api.Reply cancelling = SUPERVISOR.post(path, "{\"reason\":\"Customer withdrew\",\"initiator\":\"CUSTOMER\"}");
        assertEquals(200, cancelling.status(), cancelling.body());
        assertEquals("CANCELLING", cancelling.json().getString("status"));
        assertEquals("CUSTOMER", cancelling.json().getJsonObject("cancellation").getString("initiator"));
        assertEquals("acme-operations-supervisor", cancelling.json().getJsonObject("cancellation").getString("requestedBy"));
        assertEquals("CANCELLING", CUSTOMER_SERVICE.get("/api/orders/" + orderId).json().getString("status"));
        assertEquals(200, SUPERVISOR.post(path, "{\"reason\":\"again\",\"initiator\":\"CUSTOMER\"}").status(),
                "asking again changes nothing");
        assertEquals("IN_PROGRESS", item(orderId, "BILLING_ACTIVATION").getString("status"), "work under way is awaited");
        assertEquals("COMPLETED", item(orderId, "ROUTER_CONFIGURATION").getString("status"),
                "nothing is reversed before what depends on it");

        // billing reports its activation late; it is reversed first, and answers that later too
        String worker = "/api/worker/orders/" + orderId + "/fulfillment-items/" + billing.getString("id");
        assertEquals(200, WORKER.post(worker + "/completions", "{\"externalRequestId\":\"" + billing.getString("externalRequestId")
                + "\",\"externalReference\":\"BILL-ACT-1\"}").status());
        JsonObject compensating = item(orderId, "BILLING_ACTIVATION");
        assertEquals("COMPENSATING", compensating.getString("status"));
        assertEquals(orderId + ":" + billing.getString("id") + ":2", compensating.getString("externalRequestId"));
        assertEquals("COMPLETED", item(orderId, "ROUTER_CONFIGURATION").getString("status"));
        assertEquals(200, WORKER.post(worker + "/completions", "{\"externalRequestId\":\""
                + compensating.getString("externalRequestId") + "\",\"externalReference\":\"BILL-DEACT-1\"}").status());

        JsonObject cancelled = awaitStatus(orderId, "CANCELLED");
        assertEquals("CANCELLED", cancelled.getJsonArray("lines").getJsonObject(0).getString("status"));
        JsonArray items = items(orderId);
        items.forEach(i -> assertEquals("COMPENSATED", i.asJsonObject().getString("status"), i.toString()));
        items.forEach(i -> assertNotNull(i.asJsonObject().getString("compensationReference")));
        assertEquals("BILL-DEACT-1", item(orderId, "BILLING_ACTIVATION").getString("compensationReference"));
        JsonObject routerConfiguration = item(orderId, "ROUTER_CONFIGURATION");
        for (String before : List.of("ACCESS_CIRCUIT_PROVISIONING", "IP_ALLOCATION", "ROUTER_SHIPMENT")) {
            assertTrue(routerConfiguration.getString("compensatedAt").compareTo(item(orderId, before).getString("dispatchedAt")) <= 0,
                    before + " was reversed before the router configuration that depends on it");
        }
        List<String> timeline = timeline(orderId);
        assertEquals(6, timeline.stream().filter("FULFILLMENT_ITEM_COMPENSATED"::equals).count());
        assertEquals("ORDER_CANCELLED", timeline.get(timeline.size() - 1));
        await().atMost(PATIENCE).until(() -> eventTypes(orderId).containsAll(List.of("order.cancellation-requested.v1",
                "order.compensation-started.v1", "order.compensation-completed.v1", "order.cancelled.v1")));
    }

    @Test
    void aCompletedOrderIsChangedNotCancelled() {
        String orderId = order(customer(), "site-done");
        awaitStatus(orderId, "COMPLETED");
        assertProblem(SUPERVISOR.post("/api/orders/" + orderId + "/cancellations",
                "{\"reason\":\"too late\",\"initiator\":\"CUSTOMER\"}"), 409, "ORDER_NOT_CANCELLABLE");
        assertEquals("COMPLETED", orderOf(orderId).getString("status"));
    }

    // ---- tenants -------------------------------------------------------------------------------

    @Test
    void anotherTenantSeesNoFalloutCaseAndCannotWorkOne() {
        String orderId = order(customer(), "hq sim:network-provisioning=reject");
        awaitStatus(orderId, "FALLOUT");
        String caseId = cases(orderId).getJsonObject(0).getString("id");
        String path = "/api/orders/" + orderId + "/fallout-cases";
        assertProblem(GLOBEX_OPERATIONS.get(path), 404, "ORDER_NOT_FOUND");
        assertProblem(GLOBEX_OPERATIONS.post(path + "/" + caseId + "/assignments", "{\"assignee\":\"globex-operations\"}"),
                404, "ORDER_NOT_FOUND");
        assertProblem(GLOBEX_OPERATIONS.post(path + "/" + caseId + "/resolutions", RETRY), 404, "ORDER_NOT_FOUND");
        assertProblem(NETWORK_OPERATIONS.post(path + "/" + UUID.randomUUID() + "/resolutions", RETRY), 404,
                "FALLOUT_CASE_NOT_FOUND");
        assertEquals(Set.of("OPEN"), Set.of(cases(orderId).getJsonObject(0).getString("status")), "nothing changed");
        assertFalse(timeline(orderId).contains("FALLOUT_CASE_ASSIGNED"));

        Api.Reply cancelled = SUPERVISOR.post("/api/orders/" + orderId + "/cancellations",
                "{\"reason\":\"circuit cannot be built\",\"initiator\":\"INTERNAL\"}");
        assertEquals(200, cancelled.status(), cancelled.body());
        JsonObject done = awaitStatus(orderId, "CANCELLED");
        assertEquals("CANCELLED", cases(orderId).getJsonObject(0).getString("status"), "the order's cases close with it");
        assertEquals("ORDER_CANCELLED", cases(orderId).getJsonObject(0).getString("resolutionCode"));
        assertNotNull(done.getJsonObject("cancellation"));
    }
}
