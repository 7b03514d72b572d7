package io.cpqoms.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The first order flow through HTTP on the deployed EAR (seed 002, section 27): a quote is configured,
 * priced and accepted, converted into an order, validated, decomposed from the catalog's fulfillment
 * metadata and fulfilled over JMS by the worker and the simulated systems until COMPLETED; the plan,
 * statuses, timeline and published events are checked, and so are duplicates, redelivered results,
 * bad inputs (nothing written) and other tenants.
 */
class OrderFlowIT {

    private static final Api SALES = Api.as("acme-sales");
    private static final Api CAPTURE = Api.as("acme-order-capture");
    private static final Api OPERATIONS = Api.as("acme-operations");
    private static final Api AUDITOR = Api.as("acme-auditor");
    private static final Api WORKER = Api.as("acme-fulfillment-worker");
    private static final Api CUSTOMER_SERVICE = Api.as("acme-customer-service");
    private static final Api GLOBEX = Api.as("globex-sales");
    private static final Api GLOBEX_OPERATIONS = Api.as("globex-operations");
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private static final List<String> FIBER_PLAN = List.of("ACCESS_CIRCUIT_PROVISIONING", "IP_ALLOCATION", "ROUTER_SHIPMENT",
            "ROUTER_CONFIGURATION", "SLA_MONITORING_SETUP", "BILLING_ACTIVATION");
    private static final List<String> ORDER_EVENTS = List.of("order.captured.v1", "order.validated.v1",
            "order.decomposed.v1", "order.fulfillment-started.v1", "order.completed.v1");

    private static String catalogVersion;

    @BeforeAll
    static void publishTheDemoCatalog() {
        catalogVersion = Api.publishedCatalog("orders e2e", Api.file(Api.DEMO_CATALOG));
    }

    // ---- helpers -------------------------------------------------------------------------------

    private static String customer() {
        return "cust-" + UUID.randomUUID();
    }

    private static String fiber(String site) {
        return "{\"offeringId\":\"po_enterprise_fiber\",\"quantity\":1,\"characteristics\":{\"bandwidthMbps\":\"500\","
                + "\"slaTier\":\"PREMIUM\",\"siteId\":\"" + site + "\"}}";
    }

    private static String startQuote(String customer) {
        Api.Reply quote = SALES.post("/api/quotes", "{\"customerId\":\"" + customer + "\",\"accountId\":\"acct-" + customer
                + "\",\"channel\":\"DIRECT_SALES\",\"catalogVersionId\":\"" + catalogVersion + "\"}");
        assertEquals(201, quote.status(), quote.body());
        assertEquals("DRAFT", quote.json().getString("status"));
        return quote.json().getString("id");
    }

    private static JsonObject pricedQuote(String customer, String item) {
        String quote = startQuote(customer);
        Api.Reply added = SALES.post("/api/quotes/" + quote + "/items", item);
        assertEquals(200, added.status(), added.body());
        Api.Reply priced = SALES.post("/api/quotes/" + quote + "/pricing", null);
        assertEquals(200, priced.status(), priced.body());
        assertEquals("PRICED", priced.json().getString("status"));
        return priced.json();
    }

    private static JsonObject acceptedQuote(String customer, String item) {
        JsonObject priced = pricedQuote(customer, item);
        Api.Reply accepted = SALES.post("/api/quotes/" + priced.getString("id") + "/acceptance",
                "{\"revision\":" + priced.getInt("revision") + ",\"customerContact\":\"Dana Buyer\"}");
        assertEquals(200, accepted.status(), accepted.body());
        assertEquals("ACCEPTED", accepted.json().getString("status"));
        return accepted.json();
    }

    private static String conversion(JsonObject quote) {
        return "{\"quoteId\":\"" + quote.getString("id") + "\",\"revision\":" + quote.getJsonObject("acceptance").getInt("revision")
                + ",\"acceptanceId\":\"" + quote.getJsonObject("acceptance").getString("acceptanceId") + "\"}";
    }

    private static JsonObject order(String id) {
        Api.Reply reply = OPERATIONS.get("/api/orders/" + id);
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    private static JsonObject completed(String orderId) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100))
                .until(() -> Set.of("COMPLETED", "FALLOUT", "HELD").contains(order(orderId).getString("status")));
        JsonObject order = order(orderId);
        assertEquals("COMPLETED", order.getString("status"), order.toString());
        return order;
    }

    private static JsonArray items(String orderId) {
        Api.Reply reply = OPERATIONS.get("/api/orders/" + orderId + "/fulfillment-items");
        assertEquals(200, reply.status(), reply.body());
        return reply.array();
    }

    private static JsonArray publishedEvents(String orderId, int atLeast) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).until(() -> {
            JsonArray events = AUDITOR.get("/api/orders/" + orderId + "/events").array();
            return events.size() >= atLeast && events.stream().allMatch(e -> e.asJsonObject().containsKey("publishedAt"));
        });
        return AUDITOR.get("/api/orders/" + orderId + "/events").array();
    }

    private static List<String> strings(JsonArray array, String field) {
        return array.stream().map(v -> v.asJsonObject().getString(field)).toList();
    }

    private static void assertProblem(Api.Reply reply, int status, String code) {
        assertEquals(status, reply.status(), reply.body());
        assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
        assertEquals(code, reply.json().getString("code"), reply.body());
    }

    private static int ordersOf(String customer) {
        Api.Reply page = OPERATIONS.get("/api/orders?customerId=" + customer);
        assertEquals(200, page.status(), page.body());
        return page.json().getJsonArray("items").size();
    }

    // ---- the flow ------------------------------------------------------------------------------

    @Test
    void anAcceptedQuoteBecomesACompletedOrder() {
        String customer = customer();
        JsonObject quote = acceptedQuote(customer, fiber("site-hq"));
        JsonObject acceptance = quote.getJsonObject("acceptance");
        assertEquals("Dana Buyer", acceptance.getString("customerContact"));
        assertEquals("acme-sales", acceptance.getString("recordedBy"));
        assertEquals(new java.math.BigDecimal("1500.00"), quote.getJsonObject("priceSnapshot").getJsonNumber("oneTimeTotal").bigDecimalValue());

        Api.Reply captured = SALES.post("/api/orders/from-quote", conversion(quote));
        assertEquals(201, captured.status(), captured.body());
        JsonObject order = captured.json();
        String orderId = order.getString("id");
        assertTrue(captured.header("Location").endsWith("/api/orders/" + orderId));
        assertEquals(quote.getString("id"), order.getString("sourceQuoteId"));
        assertEquals(quote.getString("quoteNumber"), order.getString("sourceQuoteNumber"));
        assertEquals(1, order.getInt("sourceQuoteRevision"));
        assertEquals(acceptance.getString("acceptanceId"), order.getString("acceptanceId"));
        JsonObject line = order.getJsonArray("lines").getJsonObject(0);
        assertEquals(quote.getJsonArray("items").getJsonObject(0).getString("id"), line.getString("sourceQuoteLineId"));
        assertEquals("500", line.getJsonObject("characteristics").getString("bandwidthMbps"));
        assertEquals("36", line.getJsonObject("characteristics").getString("contractTermMonths"), "default applied");
        // the demo catalog gives 10% off the fiber's monthly fee for the (default) 36-month term: 1200.00 - 120.00
        assertEquals(new java.math.BigDecimal("1080.00"), line.getJsonObject("price").getJsonArray("recurringTotals")
                .getJsonObject(0).getJsonNumber("amount").bigDecimalValue());

        JsonObject done = completed(orderId);
        assertEquals("PASSED", done.getJsonObject("validation").getString("status"));
        assertEquals("COMPLETED", done.getJsonArray("lines").getJsonObject(0).getString("fulfillmentStatus"));
        assertNotNull(done.getString("completedAt"));

        // the plan: the demo's fulfillment metadata, dependencies respected, every item with its external reference
        JsonArray items = items(orderId);
        assertEquals(FIBER_PLAN, strings(items, "itemType"));
        Map<String, JsonObject> byType = items.stream().map(JsonValue::asJsonObject)
                .collect(Collectors.toMap(i -> i.getString("itemType"), i -> i));
        Map<String, String> typeOfId = items.stream().map(JsonValue::asJsonObject)
                .collect(Collectors.toMap(i -> i.getString("id"), i -> i.getString("itemType")));
        assertEquals(Set.of("ROUTER_SHIPMENT", "ACCESS_CIRCUIT_PROVISIONING", "IP_ALLOCATION"),
                byType.get("ROUTER_CONFIGURATION").getJsonArray("dependsOn").stream()
                        .map(v -> typeOfId.get(((jakarta.json.JsonString) v).getString())).collect(Collectors.toSet()));
        for (JsonObject item : byType.values()) {
            assertEquals("COMPLETED", item.getString("status"));
            assertEquals(orderId + ":" + item.getString("id") + ":1", item.getString("externalRequestId"));
            assertFalse(item.getString("externalReference").isBlank());
            for (JsonValue dependency : item.getJsonArray("dependsOn")) {
                JsonObject before = byType.get(typeOfId.get(((jakarta.json.JsonString) dependency).getString()));
                assertTrue(before.getString("completedAt").compareTo(item.getString("dispatchedAt")) <= 0,
                        item.getString("itemType") + " was dispatched before " + before.getString("itemType") + " completed");
            }
        }
        JsonObject billing = byType.get("BILLING_ACTIVATION");
        assertEquals(5, billing.getJsonArray("dependsOn").size(), "billing activation comes last");

        // the timeline, from acceptance to completion
        Api.Reply timelineReply = AUDITOR.get("/api/orders/" + orderId + "/timeline");
        assertEquals(200, timelineReply.status(), timelineReply.body());
        JsonArray timeline = timelineReply.array();
        List<String> actions = strings(timeline, "action");
        assertEquals("QUOTE_ACCEPTED", actions.get(0));
        assertEquals(List.of("ORDER_CAPTURED", "ORDER_VALIDATED", "ORDER_DECOMPOSED", "FULFILLMENT_STARTED"),
                actions.subList(1, 5));
        assertEquals("ORDER_COMPLETED", actions.get(actions.size() - 1));
        assertEquals(6, actions.stream().filter("FULFILLMENT_ITEM_DISPATCHED"::equals).count());
        List<JsonObject> completions = timeline.stream().map(JsonValue::asJsonObject)
                .filter(e -> e.getString("action").equals("FULFILLMENT_ITEM_COMPLETED")).toList();
        assertEquals(6, completions.size());
        completions.forEach(c -> assertFalse(c.getJsonObject("details").getString("externalReference").isBlank()));
        assertEquals(acceptance.getString("acceptanceId"),
                timeline.getJsonObject(0).getJsonObject("details").getString("acceptanceId"));

        // the milestones, each once, in the order reached; the customer sees them too
        Api.Reply milestones = CUSTOMER_SERVICE.get("/api/orders/" + orderId + "/milestones");
        assertEquals(200, milestones.status(), milestones.body());
        assertEquals(List.of("ORDER_CAPTURED", "ORDER_VALIDATED", "ORDER_DECOMPOSED", "FULFILLMENT_STARTED"),
                strings(milestones.array(), "milestone").subList(0, 4));
        assertEquals(Set.of("INSTALLATION_SCHEDULED", "SERVICE_ACTIVATED", "BILLING_ACTIVATED"),
                Set.copyOf(strings(milestones.array(), "milestone").subList(4, 7)));
        assertEquals("ORDER_COMPLETED", strings(milestones.array(), "milestone").get(7));
        assertEquals(8, milestones.array().size());
        assertEquals(8, CUSTOMER_SERVICE.get("/api/orders/" + orderId).json().getJsonArray("milestones").size());

        // the events, published to the topic with the seed's envelope
        JsonArray events = publishedEvents(orderId, ORDER_EVENTS.size() + 12);
        List<String> types = strings(events, "eventType");
        assertTrue(types.containsAll(ORDER_EVENTS), types.toString());
        assertEquals("order.completed.v1", types.get(types.size() - 1));
        assertEquals(6, types.stream().filter("order.fulfillment-item.completed.v1"::equals).count());
        Set<String> eventIds = events.stream().map(e -> e.asJsonObject().getString("eventId")).collect(Collectors.toSet());
        assertEquals(events.size(), eventIds.size(), "event ids are unique");
        for (JsonValue value : events) {
            JsonObject event = value.asJsonObject();
            JsonObject data = event.getJsonObject("payload").getJsonObject("data");
            assertEquals(orderId, data.getString("orderId"));
            assertEquals(order.getString("orderNumber"), data.getString("orderNumber"));
            assertEquals(event.getJsonNumber("orderVersion").longValue(), data.getJsonNumber("orderVersion").longValue());
            assertEquals(quote.getString("id"), data.getString("sourceQuoteId"));
            assertEquals(1, data.getInt("sourceQuoteRevision"));
            assertEquals(event.getString("eventId"), event.getJsonObject("payload").getString("eventId"));
            assertFalse(event.getString("correlationId").isBlank());
            assertFalse(event.getString("causationId").isBlank(), event.toString());
        }
    }

    @Test
    void aBundleDecomposesAcrossItsLinesAndCompletes() {
        String bundle = "{\"offeringId\":\"po_connectivity_bundle\",\"children\":[" + fiber("site-branch") + ","
                + "{\"offeringId\":\"po_managed_router\",\"characteristics\":{\"routerModel\":\"CPE-4300\"}},"
                + "{\"offeringId\":\"po_premium_sla\"}]}";
        JsonObject quote = acceptedQuote(customer(), bundle);
        // the catalog's rule PREMIUM-SLA-MONITORING adds the SLA Monitoring child (1.4) to a bundle with the Premium SLA
        assertEquals(List.of("1", "1.1", "1.2", "1.3", "1.4"), strings(quote.getJsonArray("items"), "lineNumber"));
        assertEquals("po_sla_monitoring", quote.getJsonArray("items").getJsonObject(4).getString("offeringId"));
        Api.Reply captured = CAPTURE.post("/api/orders/from-quote", conversion(quote));
        assertEquals(201, captured.status(), captured.body());
        String orderId = captured.json().getString("id");
        JsonObject done = completed(orderId);
        assertEquals(List.of("COMPLETED"), done.getJsonArray("lines").stream()
                .map(l -> l.asJsonObject().getString("status")).distinct().toList(), "the bundle line follows its children");
        JsonArray items = items(orderId);
        assertEquals(12, items.size(), strings(items, "itemType").toString()); // 6 fiber, 2 router, 2 SLA, 2 SLA monitoring
        Map<String, String> typeOfId = items.stream().map(JsonValue::asJsonObject)
                .collect(Collectors.toMap(i -> i.getString("id"), i -> i.getString("itemType")));
        JsonObject onboarding = items.stream().map(JsonValue::asJsonObject)
                .filter(i -> i.getString("itemType").equals("ROUTER_MANAGEMENT_ONBOARDING")).findFirst().orElseThrow();
        assertEquals(List.of("ROUTER_CONFIGURATION"), onboarding.getJsonArray("dependsOn").stream()
                .map(v -> typeOfId.get(((jakarta.json.JsonString) v).getString())).toList(),
                "the managed router waits for the fiber line's router configuration");
    }

    // ---- duplicates and repeats ----------------------------------------------------------------

    @Test
    void fiftyConcurrentConversionsOfOneAcceptanceCreateOneOrder() throws Exception {
        String customer = customer();
        String body = conversion(acceptedQuote(customer, fiber("site-dup")));
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            List<Callable<Api.Reply>> calls = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                calls.add(() -> SALES.post("/api/orders/from-quote", body));
            }
            List<Api.Reply> replies = new ArrayList<>();
            for (Future<Api.Reply> f : pool.invokeAll(calls)) {
                replies.add(f.get());
            }
            Map<Integer, Long> statuses = replies.stream().collect(Collectors.groupingBy(Api.Reply::status, Collectors.counting()));
            assertEquals(Map.of(201, 1L, 200, 49L), statuses, replies.get(0).body());
            assertEquals(1, replies.stream().map(r -> r.json().getString("id")).distinct().count());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, ordersOf(customer));
    }

    @Test
    void anIdempotencyKeyNamesOneRequest() {
        String customer = customer();
        String body = "{\"customerId\":\"" + customer + "\",\"accountId\":\"acct-1\",\"lines\":[" + fiber("site-key") + "]}";
        String key = "key-" + UUID.randomUUID();
        Api.Reply first = CAPTURE.post("/api/orders", body, key);
        assertEquals(201, first.status(), first.body());
        Api.Reply again = CAPTURE.post("/api/orders", body, key);
        assertEquals(200, again.status(), again.body());
        assertEquals(first.json().getString("id"), again.json().getString("id"));
        assertProblem(CAPTURE.post("/api/orders", body.replace("site-key", "site-other"), key), 409, "IDEMPOTENCY_KEY_REUSED");
        assertEquals(1, ordersOf(customer));
        completed(first.json().getString("id"));
    }

    @Test
    void aRedeliveredItemResultChangesNothing() {
        JsonObject quote = acceptedQuote(customer(), fiber("site-redelivery"));
        String orderId = SALES.post("/api/orders/from-quote", conversion(quote)).json().getString("id");
        completed(orderId);
        JsonObject item = items(orderId).getJsonObject(0);
        String path = "/api/worker/orders/" + orderId + "/fulfillment-items/" + item.getString("id");
        int timeline = AUDITOR.get("/api/orders/" + orderId + "/timeline").array().size();
        int events = publishedEvents(orderId, 1).size();
        long version = order(orderId).getJsonNumber("entityVersion").longValue();

        Api.Reply repeated = WORKER.post(path + "/completions", "{\"externalRequestId\":\"" + item.getString("externalRequestId")
                + "\",\"externalReference\":\"" + item.getString("externalReference") + "\"}");
        assertEquals(200, repeated.status(), repeated.body());
        assertEquals(item.getString("completedAt"), repeated.json().getString("completedAt"));
        assertEquals(timeline, AUDITOR.get("/api/orders/" + orderId + "/timeline").array().size());
        assertEquals(events, AUDITOR.get("/api/orders/" + orderId + "/events").array().size());
        assertEquals(version, order(orderId).getJsonNumber("entityVersion").longValue());

        assertProblem(WORKER.post(path + "/completions", "{\"externalRequestId\":\"" + item.getString("externalRequestId")
                + "\",\"externalReference\":\"SOMETHING-ELSE\"}"), 409, "ITEM_OUTCOME_CONFLICT");
        assertProblem(WORKER.post(path + "/completions", "{\"externalRequestId\":\"" + orderId + ":" + item.getString("id")
                + ":7\",\"externalReference\":\"X\"}"), 409, "STALE_ATTEMPT");
        assertProblem(WORKER.post(path + "/failures", "{\"externalRequestId\":\"" + item.getString("externalRequestId")
                + "\",\"code\":\"RESOURCE_UNAVAILABLE\"}"), 409, "ITEM_TRANSITION_NOT_ALLOWED");
        assertEquals("COMPLETED", order(orderId).getString("status"));
    }

    @Test
    void aRefusedAttemptAtAWorkerActionIsAudited() {
        JsonObject quote = acceptedQuote(customer(), fiber("site-forgery"));
        String orderId = SALES.post("/api/orders/from-quote", conversion(quote)).json().getString("id");
        completed(orderId);
        String item = items(orderId).getJsonObject(0).getString("id");
        Api.Reply forged = SALES.unchecked().post("/api/worker/orders/" + orderId + "/fulfillment-items/" + item + "/completions",
                "{\"externalReference\":\"FAKE\"}");
        assertProblem(forged, 403, "ROLE_REQUIRED");
        JsonObject denied = AUDITOR.get("/api/orders/" + orderId + "/timeline").array().stream().map(JsonValue::asJsonObject)
                .filter(e -> e.getString("action").equals("ACCESS_DENIED")).findFirst().orElseThrow();
        assertEquals("acme-sales", denied.getString("actor"));
        assertEquals(forged.header("X-Correlation-Id"), denied.getString("correlationId"));
        assertEquals("REPORT_ITEM_COMPLETION", denied.getJsonObject("details").getString("attemptedAction"));
        assertEquals("ROLE_REQUIRED", denied.getJsonObject("details").getString("reason"));
        assertEquals(403, GLOBEX_OPERATIONS.unchecked().post("/api/worker/orders/" + orderId + "/fulfillment-items/" + item
                + "/failures", "{}").status());
        assertEquals(1, AUDITOR.get("/api/orders/" + orderId + "/timeline").array().stream()
                .filter(e -> e.asJsonObject().getString("action").equals("ACCESS_DENIED")).count(),
                "another tenant's attempt stays in its own tenant");
    }

    // ---- bad inputs: a problem detail and nothing written ---------------------------------------

    @Test
    void aQuoteThatIsNotAcceptedDoesNotBecomeAnOrder() {
        String customer = customer();
        JsonObject priced = pricedQuote(customer, fiber("site-a"));
        assertProblem(SALES.post("/api/orders/from-quote", "{\"quoteId\":\"" + priced.getString("id")
                + "\",\"revision\":1,\"acceptanceId\":\"" + UUID.randomUUID() + "\"}"), 422, "SOURCE_QUOTE_NOT_ACCEPTED");
        assertEquals(0, ordersOf(customer));
    }

    @Test
    void aWrongRevisionOrAcceptanceIsRefused() {
        String customer = customer();
        JsonObject quote = acceptedQuote(customer, fiber("site-b"));
        String acceptanceId = quote.getJsonObject("acceptance").getString("acceptanceId");
        assertProblem(SALES.post("/api/orders/from-quote", "{\"quoteId\":\"" + quote.getString("id")
                + "\",\"revision\":2,\"acceptanceId\":\"" + acceptanceId + "\"}"), 422, "QUOTE_REVISION_MISMATCH");
        assertProblem(SALES.post("/api/orders/from-quote", "{\"quoteId\":\"" + quote.getString("id")
                + "\",\"revision\":1,\"acceptanceId\":\"" + UUID.randomUUID() + "\"}"), 422, "ACCEPTANCE_MISMATCH");
        assertProblem(SALES.post("/api/orders/from-quote", "{\"quoteId\":\"" + UUID.randomUUID()
                + "\",\"revision\":1,\"acceptanceId\":\"" + acceptanceId + "\"}"), 404, "QUOTE_NOT_FOUND");
        assertProblem(SALES.unchecked().post("/api/orders/from-quote", "{\"quoteId\":\"" + quote.getString("id") + "\"}"),
                400, "INVALID_REQUEST_BODY");
        assertProblem(SALES.unchecked().post("/api/orders/from-quote", "{\"quoteId\":"), 400, "MALFORMED_JSON");
        assertEquals(0, ordersOf(customer));
        assertEquals(201, SALES.post("/api/orders/from-quote", conversion(quote)).status(),
                "the refused attempts left the acceptance free");
    }

    @Test
    void directOrdersAreCheckedAgainstTheCatalog() {
        String customer = customer();
        String prefix = "{\"customerId\":\"" + customer + "\",\"accountId\":\"acct-1\",\"lines\":[";
        assertProblem(CAPTURE.post("/api/orders", prefix + "{\"offeringId\":\"po_nonexistent\"}]}"), 422, "OFFERING_NOT_FOUND");
        assertProblem(CAPTURE.post("/api/orders", prefix + "{\"offeringId\":\"po_business_dsl\"}]}"), 422, "OFFERING_NOT_SELLABLE");
        Api.Reply missing = CAPTURE.post("/api/orders", prefix + "{\"offeringId\":\"po_enterprise_fiber\"}]}");
        assertProblem(missing, 422, "CHARACTERISTIC_REQUIRED");
        assertEquals("lines[1].characteristics.siteId",
                missing.json().getJsonArray("violations").getJsonObject(0).getString("target"), missing.body());
        assertProblem(CAPTURE.post("/api/orders", "{\"customerId\":\"" + customer + "\",\"lines\":[" + fiber("s") + "]}"),
                422, "BILLING_ACCOUNT_MISSING");
        assertProblem(CAPTURE.unchecked().post("/api/orders", prefix + "]}"), 400, "INVALID_REQUEST_BODY");
        assertEquals(0, ordersOf(customer));
        Api.Reply quoteItem = SALES.post("/api/quotes/" + startQuote(customer) + "/items", "{\"offeringId\":\"po_business_dsl\"}");
        assertProblem(quoteItem, 422, "OFFERING_NOT_SELLABLE");
    }

    @Test
    void anOpenOrderWithTheSameContentIsADuplicate() {
        String customer = customer();
        String body = "{\"customerId\":\"" + customer + "\",\"accountId\":\"acct-1\",\"lines\":[" + fiber("site-same") + "]}";
        Api.Reply first = CAPTURE.post("/api/orders", body);
        assertEquals(201, first.status(), first.body());
        completed(first.json().getString("id"));
        assertEquals(201, CAPTURE.post("/api/orders", body).status(), "a completed order is no longer open");
    }

    // ---- views, paging, tenants ----------------------------------------------------------------

    @Test
    void customerServiceSeesTheCustomerFacingView() {
        JsonObject quote = acceptedQuote(customer(), fiber("site-view"));
        String orderId = SALES.post("/api/orders/from-quote", conversion(quote)).json().getString("id");
        completed(orderId);
        Api.Reply view = CUSTOMER_SERVICE.get("/api/orders/" + orderId);
        assertEquals(200, view.status(), view.body());
        assertEquals("COMPLETED", view.json().getString("status"));
        assertEquals("Enterprise Fiber Internet", view.json().getJsonArray("lines").getJsonObject(0).getString("offeringName"));
        for (String internal : List.of("validation", "catalogVersionId", "acceptanceId", "entityVersion", "createdBy")) {
            assertFalse(view.json().containsKey(internal), internal + " is not for customers");
        }
        assertEquals(403, CUSTOMER_SERVICE.get("/api/orders/" + orderId + "/fulfillment-items").status());
        assertEquals(403, CUSTOMER_SERVICE.get("/api/orders/" + orderId + "/timeline").status());
        assertEquals(200, CUSTOMER_SERVICE.get("/api/quotes/" + quote.getString("id")).status());
    }

    @Test
    void ordersAreListedNewestFirstByKeyset() {
        String customer = customer();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Api.Reply order = CAPTURE.post("/api/orders", "{\"customerId\":\"" + customer + "\",\"accountId\":\"a\",\"lines\":["
                    + fiber("site-" + i) + "]}");
            assertEquals(201, order.status(), order.body());
            created.add(0, order.json().getString("id"));
        }
        Api.Reply first = OPERATIONS.get("/api/orders?limit=2&customerId=" + customer);
        assertEquals(200, first.status(), first.body());
        assertEquals(created.subList(0, 2), strings(first.json().getJsonArray("items"), "id"));
        Api.Reply second = OPERATIONS.get("/api/orders?limit=2&customerId=" + customer + "&after=" + first.json().getString("next"));
        assertEquals(created.subList(2, 3), strings(second.json().getJsonArray("items"), "id"));
        assertFalse(second.json().containsKey("next"));
        assertEquals(0, OPERATIONS.get("/api/orders?customerId=" + customer + "&createdFrom=2099-01-01T00:00:00Z")
                .json().getJsonArray("items").size());
        assertProblem(OPERATIONS.unchecked().get("/api/orders?status=SHIPPED"), 400, "INVALID_PARAMETER");
        assertProblem(OPERATIONS.unchecked().get("/api/orders?after=garbage"), 400, "INVALID_PAGE");
    }

    @Test
    void anotherTenantSeesNoneOfIt() {
        JsonObject quote = acceptedQuote(customer(), fiber("site-tenant"));
        String orderId = SALES.post("/api/orders/from-quote", conversion(quote)).json().getString("id");
        assertProblem(GLOBEX.get("/api/orders/" + orderId), 404, "ORDER_NOT_FOUND");
        assertProblem(GLOBEX.get("/api/quotes/" + quote.getString("id")), 404, "QUOTE_NOT_FOUND");
        assertProblem(GLOBEX.post("/api/quotes/" + quote.getString("id") + "/pricing", null), 404, "QUOTE_NOT_FOUND");
        assertProblem(GLOBEX.post("/api/orders/from-quote", conversion(quote)), 404, "QUOTE_NOT_FOUND");
        assertFalse(strings(GLOBEX.get("/api/orders?limit=200").json().getJsonArray("items"), "id").contains(orderId));
        completed(orderId);
        for (String view : List.of("", "/fulfillment-items", "/timeline", "/events")) {
            assertProblem(GLOBEX_OPERATIONS.get("/api/orders/" + orderId + view), 404, "ORDER_NOT_FOUND");
        }
        String item = items(orderId).getJsonObject(0).getString("id");
        assertEquals(403, GLOBEX_OPERATIONS.unchecked().post("/api/worker/orders/" + orderId + "/fulfillment-items/" + item
                + "/completions", "{}").status(), "operators are not workers");
    }
}
