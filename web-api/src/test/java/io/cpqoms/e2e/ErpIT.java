package io.cpqoms.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The ERP contract over JMS (docs/erp.md), as ERP uses it: messages on the ERP inbound queue take
 * effect once and are answered on their JMSReplyTo, a duplicate is answered the same without effect,
 * a refusal is a NACK with the command's code, a malformed message lands on the product's dead-letter
 * queue, audited and NACKed; a billing rejection opens a billing fallout case; the ERP outbound queue
 * carries the order, inventory and billing events of an order.
 */
class ErpIT {

    private static final Api CAPTURE = Api.as("acme-order-capture");
    private static final Api SALES = Api.as("acme-sales");
    private static final Api OPERATIONS = Api.as("acme-operations");
    private static final long REPLY_MS = 30_000;
    private static final String AT = "2026-12-01T10:00:00+07:00";

    private ErpBroker broker;

    @BeforeAll
    static void publishTheDemoCatalog() {
        Api.publishedCatalog("erp e2e", Api.file(Api.DEMO_CATALOG));
    }

    @BeforeEach
    void connect() throws JMSException {
        broker = new ErpBroker();
    }

    @AfterEach
    void disconnect() throws JMSException {
        broker.close();
    }

    @Test
    void anAccountStandingStatementChangesTheStandingEligibilityDecidesOn() throws JMSException {
        String account = "acct-erp-" + UUID.randomUUID();
        Instant asOf = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        String correlation = "corr-" + UUID.randomUUID();
        broker.send(properties("account-standing.v1", "acme", id()), "{\"accountId\":\"" + account + "\",\"standing\":"
                + "{\"customerId\":\"cus-e2e\",\"customerSegment\":\"ENTERPRISE\",\"outstandingDebt\":0,\"currency\":\"EUR\","
                + "\"asOf\":\"" + asOf + "\"}}", correlation);

        TextMessage reply = broker.reply(REPLY_MS);
        assertEquals(correlation, reply.getJMSCorrelationID());
        assertEquals("ACK", reply.getStringProperty("status"));
        JsonObject body = json(reply);
        assertEquals(account, body.getJsonObject("effect").getString("accountId"));
        assertEquals("CREATED", body.getJsonObject("effect").getString("outcome"));

        Api.Reply check = SALES.post("/api/eligibility-checks", "{\"customerId\":\"cus-e2e\",\"channel\":\"DIRECT_SALES\","
                + "\"requestedAt\":\"" + AT + "\",\"accountId\":\"" + account + "\",\"productOfferingId\":\"po_enterprise_fiber\"}");
        assertEquals(200, check.status(), check.body());
        JsonObject standing = check.json().getJsonObject("standing");
        assertTrue(standing.getBoolean("known"), check.body());
        assertEquals(asOf, Instant.parse(standing.getString("asOf")));
        assertEquals("ENTERPRISE", check.json().getString("customerSegment"));
        assertEquals("ACCOUNT_STANDING", check.json().getString("customerSegmentSource"));
    }

    @Test
    void anOrderRequestCreatesOneOrderAndItsDuplicateIsAnsweredWithoutEffect() throws Exception {
        String customer = "cust-erp-" + UUID.randomUUID();
        String messageId = id();
        String body = orderRequest(customer, "erp-key-" + UUID.randomUUID(), "po_enterprise_fiber");
        String jmsId = broker.send(properties("order-request.v1", "acme", messageId), body, null);

        TextMessage reply = broker.reply(REPLY_MS);
        assertEquals(jmsId, reply.getJMSCorrelationID(), "without a correlation id the reply names the message's JMS id");
        JsonObject first = json(reply);
        assertEquals("ACK", first.getString("status"), first.toString());
        assertFalse(first.getBoolean("duplicate"));
        String orderId = first.getJsonObject("effect").getString("orderId");
        Api.Reply order = OPERATIONS.get("/api/orders/" + orderId);
        assertEquals(200, order.status(), order.body());
        assertEquals(customer, order.json().getString("customerId"));
        assertEquals(first.getJsonObject("effect").getString("orderNumber"), order.json().getString("orderNumber"));

        broker.send(properties("order-request.v1", "acme", messageId), body, null);
        JsonObject again = json(broker.reply(REPLY_MS));
        assertEquals("ACK", again.getString("status"));
        assertTrue(again.getBoolean("duplicate"), again.toString());
        assertEquals(orderId, again.getJsonObject("effect").getString("orderId"));
        assertEquals(1, ordersOf(customer), "the duplicate captured nothing");
        assertEquals(1, count("select count(*) from ordering.erp_inbox where tenant_id = 'acme' and message_id = ?", messageId));
    }

    @Test
    void aRefusedOrderRequestIsNackedWithTheRulesCodeAndKeptSoItsDuplicateIsAnsweredTheSame() throws Exception {
        String customer = "cust-erp-" + UUID.randomUUID();
        String messageId = id();
        String body = orderRequest(customer, "erp-key-" + UUID.randomUUID(), "po_no_such_offering");
        broker.send(properties("order-request.v1", "acme", messageId), body, "corr-" + messageId);

        JsonObject nack = json(broker.reply(REPLY_MS));
        assertEquals("NACK", nack.getString("status"), nack.toString());
        String code = nack.getString("code");
        assertFalse(code.isBlank());
        assertEquals(0, ordersOf(customer));
        assertEquals(1, count("select count(*) from ordering.erp_inbox where tenant_id = 'acme' and message_id = ?"
                + " and status = 'NACK' and code = '" + code + "'", messageId));
        assertEquals(1, count("select count(*) from ordering.audit_entry where action = 'erp.message-refused'"
                + " and aggregate_id = ? and actor = 'system:erp'", messageId));

        broker.send(properties("order-request.v1", "acme", messageId), body, "corr-" + messageId);
        JsonObject again = json(broker.reply(REPLY_MS));
        assertEquals("NACK", again.getString("status"));
        assertEquals(code, again.getString("code"));
        assertTrue(again.getBoolean("duplicate"));
    }

    @Test
    void aBillingRejectionOpensABillingFalloutCaseAndAnAnswerForAnUnknownTriggerIsNacked() throws Exception {
        String orderId = completedOrder("cust-erp-" + UUID.randomUUID());
        String triggerId = OPERATIONS.get("/api/orders/" + orderId + "/billing-triggers").array().getJsonObject(0)
                .getString("id");
        broker.send(properties("billing-rejection.v1", "acme", id()), "{\"triggerId\":\"" + triggerId
                + "\",\"code\":\"ACCOUNT_CLOSED\",\"reason\":\"The billing account is closed.\"}", null);
        JsonObject ack = json(broker.reply(REPLY_MS));
        assertEquals("ACK", ack.getString("status"), ack.toString());
        assertEquals(triggerId, ack.getJsonObject("effect").getString("triggerId"));
        JsonObject fallout = OPERATIONS.get("/api/orders/" + orderId + "/fallout-cases").array().stream()
                .map(JsonObject.class::cast).filter(c -> c.getString("reasonCode").equals("BILLING_REJECTED")).findFirst()
                .orElseThrow(() -> new AssertionError("no billing fallout case on " + orderId));
        assertEquals("billing-operations", fallout.getString("ownerGroup"));
        assertEquals("OPEN", fallout.getString("status"));

        broker.send(properties("billing-acknowledgement.v1", "acme", id()), "{\"triggerId\":\"" + UUID.randomUUID()
                + "\",\"billingReference\":\"INV-1\"}", null);
        JsonObject nack = json(broker.reply(REPLY_MS));
        assertEquals("NACK", nack.getString("status"));
        assertEquals("BILLING_TRIGGER_NOT_FOUND", nack.getString("code"));
    }

    @Test
    void aMalformedMessageLandsInTheProductsDeadLetterQueueIsAuditedAndNacked() throws Exception {
        String messageId = id();
        String correlation = "corr-" + messageId;
        broker.send(properties("order-request.v1", "acme", messageId), "{\"idempotencyKey\":\"k\",\"order\":{},"
                + "\"priority\":\"HIGH\"}", correlation);

        TextMessage reply = broker.reply(REPLY_MS);
        assertEquals(correlation, reply.getJMSCorrelationID());
        JsonObject nack = json(reply);
        assertEquals("NACK", nack.getString("status"));
        assertEquals("UNKNOWN_FIELD", nack.getString("code"), nack.toString());

        List<Message> dead = broker.browse(ErpBroker.DEAD_LETTER, "messageId = '" + messageId + "'");
        assertEquals(1, dead.size(), "on the product's dead-letter queue, once");
        assertEquals("UNKNOWN_FIELD", dead.get(0).getStringProperty("deadLetterCode"));
        assertTrue(dead.get(0).getStringProperty("deadLetterReason").contains("priority"));
        assertEquals(1, count("select count(*) from ordering.audit_entry where action = 'erp.message-dead-lettered'"
                + " and aggregate_id = ? and tenant_id = 'acme' and actor = 'system:erp'", messageId));
        assertEquals(0, count("select count(*) from ordering.erp_inbox where message_id = ?", messageId),
                "a malformed message is not kept: it may come again, corrected");
        broker.take(ErpBroker.DEAD_LETTER, "messageId = '" + messageId + "'", taken -> taken.size() == 1, REPLY_MS);

        // without a tenant, and of a type the contract does not have
        String anonymous = id();
        broker.send(properties("order-request.v1", null, anonymous), "{}", null);
        assertEquals("TENANT_MISSING", json(broker.reply(REPLY_MS)).getString("code"));
        broker.send(properties("order-request.v9", "acme", id()), "{}", null);
        assertEquals("MESSAGE_TYPE_UNKNOWN", json(broker.reply(REPLY_MS)).getString("code"));
        assertEquals(1, broker.take(ErpBroker.DEAD_LETTER, "messageId = '" + anonymous + "'", taken -> taken.size() == 1,
                REPLY_MS).size(), "the message without a tenant is on the dead-letter queue too");
    }

    @Test
    void theOutboundQueueCarriesTheOrderInventoryAndBillingEventsOfAnOrderThatCompletes() throws Exception {
        String customer = "cust-erp-" + UUID.randomUUID();
        String orderId = completedOrder(customer);
        String productId = OPERATIONS.get("/api/inventory/products?customerId=" + customer).json().getJsonArray("items")
                .getJsonObject(0).getString("id");

        Set<String> types = new HashSet<>();
        Set<String> eventIds = new HashSet<>();
        List<TextMessage> events = broker.take(ErpBroker.OUTBOUND, "aggregateId = '" + orderId + "' OR aggregateId = '"
                + productId + "'", taken -> !taken.isEmpty() && "order.completed.v1".equals(type(taken.get(taken.size() - 1))),
                REPLY_MS);
        for (TextMessage event : events) {
            String type = event.getStringProperty("eventType");
            JsonObject envelope = json(event);
            assertEquals(event.getStringProperty("eventId"), envelope.getString("eventId"), "the property names the envelope's event");
            assertEquals(type, envelope.getString("eventType"));
            assertEquals(1, event.getIntProperty("schemaVersion"));
            assertEquals("acme", event.getStringProperty("tenantId"));
            assertTrue(eventIds.add(event.getStringProperty("eventId")), "one message per event");
            types.add(type);
        }
        assertTrue(types.containsAll(Set.of("order.captured.v1", "order.fulfillment-started.v1",
                "inventory.product-created.v1", "order.completed.v1")), types.toString());
        assertTrue(types.stream().allMatch(t -> t.startsWith("order.") || t.startsWith("inventory.")), types.toString());
        // the order's billing triggers, by their own aggregate
        StringBuilder triggers = new StringBuilder();
        OPERATIONS.get("/api/orders/" + orderId + "/billing-triggers").array().forEach(t -> triggers
                .append(triggers.length() == 0 ? "" : ", ").append('\'').append(t.asJsonObject().getString("id")).append('\''));
        List<TextMessage> billing = broker.take(ErpBroker.OUTBOUND, "aggregateId IN (" + triggers + ")", taken -> taken.size() == 2,
                REPLY_MS);
        assertEquals(2, billing.size(), "the START_SUBSCRIPTION and ONE_TIME_CHARGE triggers");
        for (TextMessage event : billing) {
            assertEquals("billing.trigger-created.v1", event.getStringProperty("eventType"));
            assertEquals(event.getStringProperty("eventId"), json(event).getString("eventId"));
        }
    }

    @Test
    void theContractIsServedBesideTheOpenApiDocumentToAnyone() {
        Api.Reply document = Api.anonymous().unchecked().get("/api/asyncapi.json");
        assertEquals(200, document.status(), document.body());
        assertEquals("3.0.0", document.json().getString("asyncapi"));
        JsonObject messages = document.json().getJsonObject("components").getJsonObject("messages");
        for (String message : List.of("accountStandingV1", "billingAcknowledgementV1", "billingRejectionV1", "orderRequestV1",
                "erpReply", "orderCompletedV1", "inventoryProductCreatedV1")) {
            assertTrue(messages.containsKey(message), message);
        }
        assertEquals("CpqErpOutbound", document.json().getJsonObject("channels").getJsonObject("erpOutbound")
                .getString("address"));
    }

    // ---- helpers -------------------------------------------------------------------------------

    private static String id() {
        return "erp-msg-" + UUID.randomUUID();
    }

    private static Map<String, String> properties(String type, String tenant, String messageId) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("messageType", type);
        properties.put("tenantId", tenant);
        properties.put("messageId", messageId);
        return properties;
    }

    private static String fiber(String site) {
        return "{\"offeringId\":\"po_enterprise_fiber\",\"quantity\":1,\"characteristics\":{\"bandwidthMbps\":\"500\","
                + "\"slaTier\":\"PREMIUM\",\"siteId\":\"" + site + "\"}}";
    }

    private static String orderRequest(String customer, String key, String offering) {
        return "{\"idempotencyKey\":\"" + key + "\",\"order\":{\"customerId\":\"" + customer + "\",\"accountId\":\"acct-"
                + customer + "\",\"lines\":[" + fiber("site-erp").replace("po_enterprise_fiber", offering) + "]}}";
    }

    /** A direct order of one fiber line for a new customer, waited for until it is COMPLETED. */
    private static String completedOrder(String customer) {
        Api.Reply created = CAPTURE.post("/api/orders", "{\"customerId\":\"" + customer + "\",\"accountId\":\"acct-" + customer
                + "\",\"lines\":[" + fiber("site-erp") + "]}");
        assertEquals(201, created.status(), created.body());
        String orderId = created.json().getString("id");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> Set.of("COMPLETED", "FALLOUT", "HELD").contains(OPERATIONS.get("/api/orders/" + orderId).json()
                        .getString("status")));
        assertEquals("COMPLETED", OPERATIONS.get("/api/orders/" + orderId).json().getString("status"));
        return orderId;
    }

    private static String type(TextMessage message) {
        try {
            return message.getStringProperty("eventType");
        } catch (JMSException e) {
            throw new AssertionError(e);
        }
    }

    private static JsonObject json(TextMessage message) throws JMSException {
        return Json.createReader(new StringReader(message.getText())).readObject();
    }

    private static int ordersOf(String customer) {
        Api.Reply orders = OPERATIONS.get("/api/orders?customerId=" + customer);
        assertEquals(200, orders.status(), orders.body());
        return orders.json().getJsonArray("items").size();
    }

    private static int count(String sql, String parameter) throws SQLException {
        try (Connection connection = DriverManager.getConnection(System.getProperty("cpq.db.url"),
                System.getProperty("cpq.db.user"), System.getProperty("cpq.db.password"));
             PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
