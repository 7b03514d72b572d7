package io.cpqoms.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Billing triggers end to end (seed 002 section 17, docs/billing.md): a completed direct order has a
 * START_SUBSCRIPTION and a ONE_TIME_CHARGE trigger for its fiber line, with the business effective
 * date, the order, the line, the installed product and the line's price, sent as
 * billing.trigger-created.v1 and on the order's timeline before its completion; a change and a
 * disconnect of that product are billed as a CHANGE and a STOP of its subscription, the product ending
 * the day billing stops; a redelivered completion report creates no second trigger; another tenant
 * gets 404.
 */
class BillingTriggersIT {

    private static final Api CAPTURE = Api.as("acme-order-capture");
    private static final Api OPERATIONS = Api.as("acme-operations");
    private static final Api CUSTOMER_SERVICE = Api.as("acme-customer-service");
    private static final Api AUDITOR = Api.as("acme-auditor");
    private static final Api WORKER = Api.as("acme-fulfillment-worker");
    private static final Api GLOBEX = Api.as("globex-operations");
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @BeforeAll
    static void publishTheDemoCatalog() {
        Api.publishedCatalog("billing e2e", Api.file(Api.DEMO_CATALOG));
    }

    @Test
    void aCompletedDirectOrderHasItsStartAndOneTimeTriggersWithDateOrderLineProductAndPrice() throws SQLException {
        String customer = customer();
        String orderId = direct(customer);
        JsonObject order = completed(orderId);
        JsonObject line = order.getJsonArray("lines").getJsonObject(0);
        JsonObject linePrice = line.getJsonObject("price");
        JsonObject product = OPERATIONS.get("/api/inventory/products?customerId=" + customer).json().getJsonArray("items")
                .getJsonObject(0);

        JsonArray triggers = triggers(OPERATIONS, orderId);
        assertEquals(2, triggers.size(), triggers.toString());
        Map<String, JsonObject> byKind = new HashMap<>();
        triggers.forEach(t -> byKind.put(t.asJsonObject().getString("kind"), t.asJsonObject()));
        assertEquals(Set.of("START_SUBSCRIPTION", "ONE_TIME_CHARGE"), byKind.keySet());
        for (JsonObject trigger : byKind.values()) {
            assertEquals(orderId, trigger.getString("orderId"));
            assertEquals(line.getString("id"), trigger.getString("orderLineId"));
            assertEquals("1", trigger.getString("lineNumber"));
            assertEquals(line.getString("productId"), trigger.getString("productId"));
            assertEquals(product.getString("id"), trigger.getString("productId"), "the installed product");
            assertEquals(customer, trigger.getString("customerId"));
            assertEquals("acct-" + customer, trigger.getString("accountId"));
            assertEquals(order.getString("currency"), trigger.getString("currency"));
            assertEquals(line.getString("effectiveAt").substring(0, 10), trigger.getString("effectiveDate"),
                    "the UTC day the line took effect");
            assertEquals(product.getString("startDate"), trigger.getString("effectiveDate"), "the product starts when billing does");
            assertEquals("PENDING", trigger.getString("status"));
            assertEquals(1, trigger.getInt("attempt"));
            assertTrue(trigger.containsKey("priceSnapshotId"));
            assertTrue(trigger.containsKey("acknowledgementDueAt"), "an unanswered trigger does not wait silently");
        }
        JsonObject start = byKind.get("START_SUBSCRIPTION");
        assertEquals(linePrice.getJsonArray("recurringTotals"), start.getJsonArray("recurringPrice"));
        assertFalse(start.containsKey("oneTimeAmount"));
        JsonObject oneTime = byKind.get("ONE_TIME_CHARGE");
        assertEquals(0, linePrice.getJsonNumber("oneTimeTotal").bigDecimalValue()
                .compareTo(oneTime.getJsonNumber("oneTimeAmount").bigDecimalValue()), oneTime.toString());
        assertEquals(List.of(), oneTime.getJsonArray("recurringPrice"));

        assertEquals(triggers, triggers(CUSTOMER_SERVICE, orderId), "customer service reads the same");
        List<String> actions = AUDITOR.get("/api/orders/" + orderId + "/timeline").array().stream()
                .map(e -> e.asJsonObject().getString("action")).toList();
        assertEquals(2, actions.stream().filter("BILLING_TRIGGER_CREATED"::equals).count(), actions.toString());
        assertTrue(actions.lastIndexOf("BILLING_TRIGGER_CREATED") < actions.indexOf("ORDER_COMPLETED"), actions.toString());

        String url = System.getProperty("cpq.db.url", "");
        if (!url.isEmpty()) {
            try (Connection db = DriverManager.getConnection(url, System.getProperty("cpq.db.user"),
                    System.getProperty("cpq.db.password"))) {
                String payload = text(db, "select payload::text from ordering.outbox_event where event_type ="
                        + " 'billing.trigger-created.v1' and aggregate_type = 'BillingTrigger' and aggregate_id = ?",
                        start.getString("id"));
                JsonObject envelope = jakarta.json.Json.createReader(new java.io.StringReader(payload)).readObject();
                assertEquals(start.getString("id"), envelope.getString("aggregateId"));
                assertEquals(start.getInt("entityVersion"), envelope.getInt("aggregateVersion"));
                JsonObject data = envelope.getJsonObject("data");
                assertEquals(start.getString("id"), data.getString("billingTriggerId"));
                assertEquals("START_SUBSCRIPTION", data.getString("kind"));
                assertEquals(start.getString("effectiveDate"), data.getString("effectiveDate"));
                assertEquals(orderId, data.getString("orderId"));
                assertEquals(order.getString("orderNumber"), data.getString("orderNumber"));
                assertEquals(line.getString("id"), data.getString("orderLineId"));
                assertEquals(product.getString("id"), data.getString("productId"));
                assertEquals("po_enterprise_fiber", data.getString("productOfferingId"));
                assertEquals(customer, data.getString("customerId"));
                assertEquals("acct-" + customer, data.getString("accountId"));
                JsonObject monthly = data.getJsonArray("recurringPrice").getJsonObject(0);
                JsonObject shown = start.getJsonArray("recurringPrice").getJsonObject(0);
                assertEquals(shown.getString("period"), monthly.getString("period"));
                assertEquals(0, shown.getJsonNumber("amount").bigDecimalValue().compareTo(monthly.getJsonNumber("amount")
                        .bigDecimalValue()), payload);
                assertEquals(1, data.getInt("attempt"));
            }
        }
    }

    @Test
    void aRedeliveredCompletionReportCreatesNoSecondTrigger() throws SQLException {
        String orderId = direct(customer());
        completed(orderId);
        JsonArray triggers = triggers(OPERATIONS, orderId);
        for (JsonValue value : OPERATIONS.get("/api/orders/" + orderId + "/fulfillment-items").array()) {
            JsonObject item = value.asJsonObject();
            Api.Reply repeated = WORKER.post("/api/worker/orders/" + orderId + "/fulfillment-items/" + item.getString("id")
                    + "/completions", "{\"externalRequestId\":\"" + item.getString("externalRequestId")
                    + "\",\"externalReference\":\"" + item.getString("externalReference") + "\"}");
            assertEquals(200, repeated.status(), repeated.body());
        }
        assertEquals(triggers, triggers(OPERATIONS, orderId), "the same triggers, at the same version");
        String url = System.getProperty("cpq.db.url", "");
        if (!url.isEmpty()) {
            try (Connection db = DriverManager.getConnection(url, System.getProperty("cpq.db.user"),
                    System.getProperty("cpq.db.password"))) {
                assertEquals("2", text(db, "select count(*)::text from ordering.billing_trigger where order_id = ?::uuid", orderId));
                assertEquals("2", text(db, "select count(*)::text from ordering.outbox_event where event_type ="
                        + " 'billing.trigger-created.v1' and payload->'data'->>'orderId' = ?", orderId));
            }
        }
    }

    @Test
    void aChangeAndADisconnectOfTheProductAreBilledAsAChangeAndAStopOfItsSubscription() {
        String customer = customer();
        completed(direct(customer));
        JsonObject product = OPERATIONS.get("/api/inventory/products?customerId=" + customer).json().getJsonArray("items")
                .getJsonObject(0);
        String productId = product.getString("id");

        String change = capture(customer, "CHANGE", "[{\"productId\":\"" + productId
                + "\",\"characteristics\":{\"bandwidthMbps\":\"1000\"}}]");
        JsonObject changeLine = completed(change).getJsonArray("lines").getJsonObject(0);
        assertEquals("MODIFY", changeLine.getString("action"));
        JsonArray changeTriggers = triggers(OPERATIONS, change);
        assertEquals(1, changeTriggers.size(), "a change pays no installation again: " + changeTriggers);
        JsonObject changed = changeTriggers.getJsonObject(0);
        assertEquals("CHANGE_SUBSCRIPTION", changed.getString("kind"));
        assertEquals(productId, changed.getString("productId"));
        assertEquals(changeLine.getString("id"), changed.getString("orderLineId"));
        assertEquals(changeLine.getJsonObject("price").getJsonArray("recurringTotals"), changed.getJsonArray("recurringPrice"));
        assertEquals(changeLine.getString("effectiveAt").substring(0, 10), changed.getString("effectiveDate"));

        String disconnect = capture(customer, "DISCONNECT", "[{\"productId\":\"" + productId + "\"}]");
        JsonObject deleteLine = completed(disconnect).getJsonArray("lines").getJsonObject(0);
        assertEquals("DELETE", deleteLine.getString("action"));
        JsonArray stopTriggers = triggers(OPERATIONS, disconnect);
        assertEquals(1, stopTriggers.size(), stopTriggers.toString());
        JsonObject stopped = stopTriggers.getJsonObject(0);
        assertEquals("STOP_SUBSCRIPTION", stopped.getString("kind"));
        assertEquals(productId, stopped.getString("productId"));
        assertEquals(deleteLine.getString("effectiveAt").substring(0, 10), stopped.getString("effectiveDate"));
        JsonObject stoppedPrice = stopped.getJsonArray("recurringPrice").getJsonObject(0);
        JsonObject changedPrice = changed.getJsonArray("recurringPrice").getJsonObject(0);
        assertEquals(changedPrice.getString("period"), stoppedPrice.getString("period"));
        assertEquals(0, changedPrice.getJsonNumber("amount").bigDecimalValue().compareTo(stoppedPrice.getJsonNumber("amount")
                .bigDecimalValue()), "what stops is the product's price, the one the change set: " + stopped);
        JsonObject terminated = OPERATIONS.get("/api/inventory/products/" + productId).json();
        assertEquals("TERMINATED", terminated.getString("status"));
        assertEquals(stopped.getString("effectiveDate"), terminated.getString("terminationDate"),
                "the product ends the day its billing stops");
    }

    @Test
    void anotherTenantsOrderHasNoTriggersToShowAndBadIdsAreProblems() {
        String orderId = direct(customer());
        completed(orderId);
        assertProblem(GLOBEX.unchecked().get("/api/orders/" + orderId + "/billing-triggers"), 404, "ORDER_NOT_FOUND");
        assertProblem(OPERATIONS.unchecked().get("/api/orders/" + UUID.randomUUID() + "/billing-triggers"), 404, "ORDER_NOT_FOUND");
        assertProblem(OPERATIONS.unchecked().get("/api/orders/not-a-uuid/billing-triggers"), 400, "INVALID_PARAMETER");
    }

    // ---- helpers -------------------------------------------------------------------------------

    private static String customer() {
        return "cust-bill-" + UUID.randomUUID();
    }

    private static String direct(String customer) {
        Api.Reply order = CAPTURE.post("/api/orders", "{\"customerId\":\"" + customer + "\",\"accountId\":\"acct-" + customer
                + "\",\"lines\":[{\"offeringId\":\"po_enterprise_fiber\",\"quantity\":1,\"characteristics\":"
                + "{\"bandwidthMbps\":\"500\",\"slaTier\":\"PREMIUM\",\"siteId\":\"site-billing\"}}]}");
        assertEquals(201, order.status(), order.body());
        return order.json().getString("id");
    }

    private static String capture(String customer, String type, String lines) {
        Api.Reply order = CAPTURE.post("/api/orders", "{\"orderType\":\"" + type + "\",\"customerId\":\"" + customer
                + "\",\"accountId\":\"acct-" + customer + "\",\"lines\":" + lines + "}");
        assertEquals(201, order.status(), order.body());
        return order.json().getString("id");
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

    private static JsonArray triggers(Api caller, String orderId) {
        Api.Reply reply = caller.get("/api/orders/" + orderId + "/billing-triggers");
        assertEquals(200, reply.status(), reply.body());
        return reply.array();
    }

    private static String text(Connection db, String sql, String parameter) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                assertTrue(rows.next(), sql);
                return rows.getString(1);
            }
        }
    }

    private static void assertProblem(Api.Reply reply, int status, String code) {
        assertEquals(status, reply.status(), reply.body());
        assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
        assertEquals(code, reply.json().getString("code"), reply.body());
    }
}
