package io.cpqoms.order.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cpqoms.kernel.Json;
import io.cpqoms.order.api.ErpContract;
import io.cpqoms.order.api.ErpMessageType;
import io.cpqoms.order.api.ErpOrderRequest;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An ERP message is read against its published contract, and anything else is malformed with a stable code. */
class ErpMessageTest {

    /** One valid body per message type, as ERP sends them. */
    static final Map<ErpMessageType, String> VALID = Map.of(
            ErpMessageType.ACCOUNT_STANDING, "{\"accountId\":\"acct-1\",\"standing\":{\"customerId\":\"cus-1\","
                    + "\"customerSegment\":\"ENTERPRISE\",\"outstandingDebt\":\"120.50\",\"currency\":\"EUR\","
                    + "\"asOf\":\"2026-11-01T08:00:00Z\"}}",
            ErpMessageType.BILLING_ACKNOWLEDGEMENT, "{\"triggerId\":\"3f2b8c1e-0d4a-4b6e-9a51-7c2d1e0f9a10\","
                    + "\"billingReference\":\"INV-2026-1\"}",
            ErpMessageType.BILLING_REJECTION, "{\"triggerId\":\"3f2b8c1e-0d4a-4b6e-9a51-7c2d1e0f9a10\","
                    + "\"code\":\"ACCOUNT_CLOSED\",\"reason\":\"The billing account is closed.\"}",
            ErpMessageType.ORDER_REQUEST, "{\"idempotencyKey\":\"erp-42\",\"order\":{\"customerId\":\"cus-1\","
                    + "\"lines\":[{\"offeringId\":\"po_enterprise_fiber\",\"quantity\":1,"
                    + "\"characteristics\":{\"siteId\":\"site-1\"}}]}}");

    @Test
    void everyMessageTypeReadsItsValidBodyIntoItsRecord() throws Exception {
        for (ErpMessageType type : ErpMessageType.values()) {
            ErpMessage message = ErpMessage.read(properties(type.type(), "acme", "m-1"), VALID.get(type), "corr-1", null);
            assertEquals(type, message.type());
            assertTrue(type.body().isInstance(message.body()), type.type());
            assertEquals("acme", message.tenantId());
            assertEquals("m-1", message.messageId());
            assertEquals("corr-1", message.correlationId());
        }
        ErpOrderRequest request = (ErpOrderRequest) ErpMessage.read(properties("order-request.v1", "acme", "m-1"),
                VALID.get(ErpMessageType.ORDER_REQUEST), null, null).body();
        assertEquals("erp-42", request.idempotencyKey());
        assertEquals(new BigDecimal("1"), request.order().lines().get(0).quantity());
    }

    @Test
    void withoutACorrelationIdTheMessageIdCorrelates() throws Exception {
        assertEquals("m-1", ErpMessage.read(properties("billing-acknowledgement.v1", "acme", "m-1"),
                VALID.get(ErpMessageType.BILLING_ACKNOWLEDGEMENT), null, null).correlationId());
    }

    @Test
    void theAuditTrailKeepsALongCorrelationIdShortened() {
        assertEquals("c".repeat(100), ErpMessage.traced("c".repeat(150)));
        assertEquals("corr-1", ErpMessage.traced("corr-1"));
    }

    @Test
    void theContractsPropertiesAreRequired() {
        String body = VALID.get(ErpMessageType.BILLING_ACKNOWLEDGEMENT);
        assertMalformed(ErpMessage.MESSAGE_TYPE_MISSING, properties(null, "acme", "m-1"), body);
        assertMalformed(ErpMessage.MESSAGE_TYPE_UNKNOWN, properties("billing-acknowledgement.v2", "acme", "m-1"), body);
        assertMalformed(ErpMessage.TENANT_MISSING, properties("billing-acknowledgement.v1", " ", "m-1"), body);
        assertMalformed(ErpMessage.TENANT_MISSING, properties("billing-acknowledgement.v1", "t".repeat(65), "m-1"), body);
        assertMalformed(ErpMessage.MESSAGE_ID_MISSING, properties("billing-acknowledgement.v1", "acme", null), body);
        assertMalformed(ErpMessage.MESSAGE_ID_MISSING, properties("billing-acknowledgement.v1", "acme", "m".repeat(101)), body);
        assertMalformed(ErpMessage.NOT_A_TEXT_MESSAGE, properties("billing-acknowledgement.v1", "acme", "m-1"), null);
        assertMalformed(ErpMessage.BODY_TOO_LARGE, properties("billing-acknowledgement.v1", "acme", "m-1"),
                "{\"billingReference\":\"" + "x".repeat(ErpMessage.MAX_BODY) + "\"}");
    }

    @Test
    void aBodyIsReadAsStrictlyAsAnApiRequestBody() {
        Map<String, String> rejection = properties("billing-rejection.v1", "acme", "m-1");
        assertMalformed("MALFORMED_JSON", rejection, "{\"triggerId\":");
        assertMalformed("MALFORMED_JSON", rejection, "[1]");
        assertMalformed("UNKNOWN_FIELD", rejection, VALID.get(ErpMessageType.BILLING_REJECTION).replace("}", ",\"extra\":1}"));
        assertMalformed("INVALID_REQUEST_BODY", rejection, "{\"triggerId\":\"not-a-uuid\",\"code\":\"X\",\"reason\":\"r\"}");
        assertMalformed("INVALID_REQUEST_BODY", rejection, "{\"triggerId\":\"3f2b8c1e-0d4a-4b6e-9a51-7c2d1e0f9a10\","
                + "\"code\":\"lower-case\",\"reason\":\"r\"}");
        assertMalformed("INVALID_REQUEST_BODY", rejection, "{\"triggerId\":\"3f2b8c1e-0d4a-4b6e-9a51-7c2d1e0f9a10\","
                + "\"code\":\"X\",\"reason\":\"" + "r".repeat(2001) + "\"}");
        assertMalformed("INVALID_REQUEST_BODY", properties("order-request.v1", "acme", "m-1"),
                "{\"idempotencyKey\":\"with space\",\"order\":{\"customerId\":\"c\",\"lines\":[{\"offeringId\":\"o\"}]}}");
        assertMalformed("INVALID_REQUEST_BODY", properties("order-request.v1", "acme", "m-1"),
                "{\"idempotencyKey\":\"k\",\"order\":{\"customerId\":\"c\",\"lines\":[]}}");
        ErpMessage.Malformed named = assertThrows(ErpMessage.Malformed.class, () -> ErpMessage.read(rejection,
                "{\"triggerId\":\"3f2b8c1e-0d4a-4b6e-9a51-7c2d1e0f9a10\",\"code\":\"X\"}", null, null));
        assertTrue(named.getMessage().contains("reason"), "the reason names the field: " + named.getMessage());
    }

    /** What the published schema requires is what is enforced: every required field, taken away, makes the message malformed. */
    @Test
    void everyFieldThePublishedSchemaRequiresIsEnforced() throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) ErpContract.asyncApi().get("components"))
                .get("schemas");
        for (ErpMessageType type : ErpMessageType.values()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> schema = (Map<String, Object>) schemas.get(type.body().getSimpleName());
            @SuppressWarnings("unchecked")
            List<String> required = (List<String>) schema.get("required");
            assertTrue(required != null && !required.isEmpty(), type.type() + " requires fields");
            for (String field : required) {
                @SuppressWarnings("unchecked")
                Map<String, Object> body = new LinkedHashMap<>(Json.read(VALID.get(type), Map.class));
                body.remove(field);
                assertMalformed("INVALID_REQUEST_BODY", properties(type.type(), "acme", "m-1"), Json.write(body));
            }
        }
    }

    private static void assertMalformed(String code, Map<String, String> properties, String body) {
        ErpMessage.Malformed malformed = assertThrows(ErpMessage.Malformed.class,
                () -> ErpMessage.read(properties, body, null, null), code);
        assertEquals(code, malformed.code(), malformed.getMessage());
    }

    private static Map<String, String> properties(String type, String tenant, String messageId) {
        Map<String, String> properties = new LinkedHashMap<>();
        if (type != null) {
            properties.put("messageType", type);
        }
        if (tenant != null) {
            properties.put("tenantId", tenant);
        }
        if (messageId != null) {
            properties.put("messageId", messageId);
        }
        return properties;
    }
}
