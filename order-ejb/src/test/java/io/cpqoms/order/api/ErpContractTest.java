package io.cpqoms.order.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cpqoms.kernel.Json;
import io.cpqoms.kernel.JsonSchema;
import io.cpqoms.kernel.ServerResources;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The AsyncAPI document lists every message of the ERP contract, in and out, with every field of the
 * records the product reads and sends; docs/erp.md describes the same messages and fields.
 */
class ErpContractTest {

    private static final Map<String, Object> DOCUMENT = ErpContract.asyncApi();

    @Test
    void everyInboundMessageIsOnTheInboundQueueWithEveryFieldOfItsRecord() {
        Map<String, Object> inbound = map(map(DOCUMENT, "channels"), "erpInbound");
        assertEquals(ServerResources.ERP_INBOUND_QUEUE_NAME, inbound.get("address"));
        for (ErpMessageType type : ErpMessageType.values()) {
            String name = ErpContract.messageName(type.type());
            assertTrue(map(inbound, "messages").containsKey(name), "the inbound queue carries " + type.type());
            Map<String, Object> message = map(messages(), name);
            assertEquals(type.type(), message.get("name"));
            assertEquals(Map.of("$ref", "#/components/schemas/" + JsonSchema.name(type.body())), message.get("payload"));
            assertDescribesRecord(type.body(), new HashSet<>());
        }
        Map<String, Object> headers = map(schemas(), "InboundHeaders");
        assertEquals(List.of("messageType", "tenantId", "messageId"), headers.get("required"));
    }

    @Test
    void theReplyIsDescribedWithEveryField() {
        assertEquals(Map.of("$ref", "#/components/schemas/ErpReply"), map(messages(), "erpReply").get("payload"));
        assertDescribesRecord(ErpReply.class, new HashSet<>());
        assertNotNull(map(map(DOCUMENT, "operations"), "receiveErpMessage").get("reply"));
    }

    @Test
    void everyOrderInventoryAndBillingEventIsOnTheOutboundQueueWithEveryFieldOfItsData() {
        Map<String, Object> outbound = map(map(DOCUMENT, "channels"), "erpOutbound");
        assertEquals(ServerResources.ERP_OUTBOUND_QUEUE_NAME, outbound.get("address"));
        List<Class<?>> catalogue = new ArrayList<>(List.of(OrderIntegrationEvent.class.getPermittedSubclasses()));
        catalogue.addAll(List.of(InventoryIntegrationEvent.class.getPermittedSubclasses()));
        catalogue.addAll(List.of(BillingIntegrationEvent.class.getPermittedSubclasses()));
        assertEquals(catalogue.size(), ErpContract.events().size(), "every event of the catalogues goes to ERP");
        for (ErpContract.Event event : ErpContract.events()) {
            String name = ErpContract.messageName(event.type());
            assertTrue(map(outbound, "messages").containsKey(name), "the outbound queue carries " + event.type());
            Map<String, Object> envelope = map(map(messages(), name), "payload");
            assertEquals(Map.of("const", event.type()), map(map(envelope, "properties"), "eventType"));
            Map<String, Object> data = map(map(map(envelope, "properties"), "data"), "properties");
            for (Class<?> part : event.data()) {
                for (RecordComponent field : part.getRecordComponents()) {
                    assertTrue(data.containsKey(field.getName()), event.type() + " lacks " + field.getName());
                }
            }
            assertTrue(ErpContract.OUTBOUND_PREFIXES.stream().anyMatch(event.type()::startsWith));
        }
        assertTrue(ErpContract.events().stream().anyMatch(e -> e.data().contains(OrderIntegrationEvent.OrderReference.class)));
    }

    @Test
    void theSchemasCarryTheRecordsConstraints() {
        Map<String, Object> rejection = map(schemas(), "ErpBillingRejection");
        assertEquals(List.of("triggerId", "code", "reason"), rejection.get("required"));
        assertEquals(false, rejection.get("additionalProperties"));
        assertEquals(2000, map(map(rejection, "properties"), "reason").get("maxLength"));
        assertEquals("^[A-Z][A-Z0-9_]*$", map(map(rejection, "properties"), "code").get("pattern"));
        assertEquals("uuid", map(map(rejection, "properties"), "triggerId").get("format"));
        Map<String, Object> line = map(map(map(schemas(), "DirectOrder"), "properties"), "lines");
        assertEquals(1000, line.get("maxItems"));
        assertEquals(1, line.get("minItems"));
        // a bundle's children are bundles again: referred to, not unrolled
        assertTrue(Json.write(map(schemas(), "ConfigurationRequest")).contains("#/components/schemas/ConfigurationRequest"));
    }

    @Test
    void docsErpDescribesEveryInboundMessageAndFieldAndTheReply() throws IOException {
        String doc = Files.readString(Path.of("../docs/erp.md"));
        for (ErpMessageType type : ErpMessageType.values()) {
            String row = doc.lines().filter(l -> l.startsWith("| `" + type.type() + "` |")).findFirst()
                    .orElseThrow(() -> new AssertionError("docs/erp.md does not describe " + type.type()));
            for (RecordComponent field : type.body().getRecordComponents()) {
                assertTrue(row.contains("`" + field.getName() + "`"), "docs/erp.md: " + type.type() + " lacks " + field.getName());
            }
        }
        for (RecordComponent field : ErpReply.class.getRecordComponents()) {
            assertTrue(doc.contains("`" + field.getName() + "`"), "docs/erp.md: the reply lacks " + field.getName());
        }
        for (String queue : List.of(ServerResources.ERP_INBOUND_QUEUE_NAME, ServerResources.ERP_OUTBOUND_QUEUE_NAME,
                ServerResources.ERP_DEAD_LETTER_QUEUE_NAME)) {
            assertTrue(doc.contains("`" + queue + "`"), "docs/erp.md names " + queue);
        }
    }

    /** The record's definition has a property for each component, and so have the records it holds. */
    private static void assertDescribesRecord(Class<?> record, Set<Class<?>> seen) {
        if (!seen.add(record)) {
            return;
        }
        Map<String, Object> properties = map(map(schemas(), JsonSchema.name(record)), "properties");
        for (RecordComponent field : record.getRecordComponents()) {
            assertTrue(properties.containsKey(field.getName()), JsonSchema.name(record) + " lacks " + field.getName());
            Class<?> type = field.getType();
            if (type.isRecord()) {
                assertDescribesRecord(type, seen);
            }
            if (field.getGenericType() instanceof java.lang.reflect.ParameterizedType p
                    && p.getActualTypeArguments()[0] instanceof Class<?> element && element.isRecord()) {
                assertDescribesRecord(element, seen);
            }
        }
    }

    private static Map<String, Object> messages() {
        return map(map(DOCUMENT, "components"), "messages");
    }

    private static Map<String, Object> schemas() {
        return map(map(DOCUMENT, "components"), "schemas");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> map, String key) {
        Object value = map.get(key);
        assertNotNull(value, key);
        return (Map<String, Object>) value;
    }
}
