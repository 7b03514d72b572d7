package io.cpqoms.order.api;

import io.cpqoms.kernel.JsonSchema;
import io.cpqoms.kernel.ServerResources;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The product's contract with ERP over JMS, as an AsyncAPI 3.0 document generated from the records the
 * product reads and sends: the inbound messages ({@link ErpMessageType}, bodies checked against the
 * very schemas published here), the replies ({@link ErpReply}), and the integration events copied to
 * the ERP outbound queue (the order, inventory and billing catalogues; every event type starting with
 * one of {@link #OUTBOUND_PREFIXES} goes there). docs/erp.md describes it in prose.
 */
public final class ErpContract {

    /** The contract's version: the major changes when a message is removed or changed incompatibly. */
    public static final String VERSION = "1.0.0";

    /** The integration events ERP receives: by the start of their type, so a new event of these families needs no edit. */
    public static final List<String> OUTBOUND_PREFIXES = List.of("order.", "inventory.", "billing.");

    /** JMS string properties of an inbound message. */
    public static final String MESSAGE_TYPE = "messageType";
    public static final String TENANT_ID = "tenantId";
    public static final String MESSAGE_ID = "messageId";
    /** A tenant id's length: {@code audit_entry.tenant_id varchar(64)}. */
    public static final int MAX_TENANT = 64;
    /** A message id's length: it names the message in the audit trail, {@code audit_entry.aggregate_id varchar(100)}. */
    public static final int MAX_MESSAGE_ID = 100;

    private static final String SCHEMAS = "#/components/schemas/";

    private ErpContract() {
    }

    /** The document, as a map ready to be written as JSON. */
    public static Map<String, Object> asyncApi() {
        JsonSchema schemas = new JsonSchema(SCHEMAS);
        Map<String, Object> messages = new LinkedHashMap<>();
        List<Map<String, Object>> inbound = new ArrayList<>();
        for (ErpMessageType type : ErpMessageType.values()) {
            String name = messageName(type.type());
            messages.put(name, message(type.type(), type.description(), ref("InboundHeaders"), schemas.of(type.body())));
            inbound.add(ref(name, "#/components/messages/"));
        }
        messages.put("erpReply", message(ErpReply.TYPE, "The answer to an inbound message, on its JMSReplyTo.",
                ref("ReplyHeaders"), schemas.of(ErpReply.class)));
        List<Map<String, Object>> outbound = new ArrayList<>();
        for (Event event : events()) {
            String name = messageName(event.type());
            messages.put(name, message(event.type(), event.description(), ref("EventHeaders"),
                    envelope(schemas, event)));
            outbound.add(ref(name, "#/components/messages/"));
        }

        Map<String, Object> componentSchemas = new LinkedHashMap<>(schemas.definitions());
        componentSchemas.put("InboundHeaders", headers(Map.of(
                MESSAGE_TYPE, string("The message's type and version, e.g. order-request.v1."),
                TENANT_ID, string("The tenant the message acts for (see docs/erp.md, trust model)."),
                MESSAGE_ID, string("ERP's id of the message, stable across resends: the deduplication key, per tenant.")),
                List.of(MESSAGE_TYPE, TENANT_ID, MESSAGE_ID), MAX_MESSAGE_ID));
        componentSchemas.put("ReplyHeaders", headers(Map.of(
                MESSAGE_TYPE, Map.of("const", ErpReply.TYPE),
                TENANT_ID, string("The inbound message's tenant, when it named one."),
                MESSAGE_ID, string("The inbound message's id, when it had one."),
                "status", Map.of("type", "string", "enum", List.of("ACK", "NACK"))),
                List.of(MESSAGE_TYPE, "status"), MAX_MESSAGE_ID));
        Map<String, Object> eventHeaders = new LinkedHashMap<>();
        for (String header : List.of("eventId", "eventType", "tenantId", "correlationId", "causationId", "aggregateType",
                "aggregateId")) {
            eventHeaders.put(header, string(null));
        }
        eventHeaders.put("schemaVersion", Map.of("type", "integer", "description", "the N of the type's .vN"));
        componentSchemas.put("EventHeaders", headers(eventHeaders, List.of("eventId", "eventType", "schemaVersion",
                "tenantId", "correlationId", "aggregateType", "aggregateId"), 0));

        Map<String, Object> channels = new LinkedHashMap<>();
        channels.put("erpInbound", channel(ServerResources.ERP_INBOUND_QUEUE_NAME, ServerResources.ERP_INBOUND_QUEUE,
                "Messages from ERP. Each is validated, deduplicated by (tenantId, messageId) and answered on its JMSReplyTo.",
                inbound));
        channels.put("erpOutbound", channel(ServerResources.ERP_OUTBOUND_QUEUE_NAME, ServerResources.ERP_OUTBOUND_QUEUE,
                "The order, inventory and billing integration events, at least once: drop duplicates by eventId.",
                outbound));
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("address", null); // the inbound message's JMSReplyTo
        reply.put("description", "The inbound message's JMSReplyTo; JMSCorrelationID = the message's JMSCorrelationID,"
                + " else its JMSMessageID.");
        reply.put("messages", Map.of("erpReply", ref("erpReply", "#/components/messages/")));
        channels.put("erpReply", reply);
        channels.put("erpDeadLetter", channel(ServerResources.ERP_DEAD_LETTER_QUEUE_NAME, ServerResources.ERP_DEAD_LETTER_QUEUE,
                "Malformed inbound messages, kept with the reason (property deadLetterReason) for an operator; never"
                        + " redelivered.", List.of()));

        Map<String, Object> operations = new LinkedHashMap<>();
        operations.put("receiveErpMessage", Map.of("action", "receive", "channel", ref("erpInbound", "#/channels/"),
                "reply", Map.of("channel", ref("erpReply", "#/channels/"))));
        operations.put("sendIntegrationEvent", Map.of("action", "send", "channel", ref("erpOutbound", "#/channels/")));

        Map<String, Object> document = new LinkedHashMap<>();
        document.put("asyncapi", "3.0.0");
        document.put("info", Map.of("title", "CPQ/OMS ERP contract", "version", VERSION, "description",
                "ERP integration over the product's JMS broker: messages ERP sends, the answers, and the events ERP"
                        + " receives. Described in docs/erp.md."));
        document.put("defaultContentType", "application/json");
        document.put("channels", channels);
        document.put("operations", operations);
        document.put("components", Map.of("messages", messages, "schemas", componentSchemas));
        return document;
    }

    /** One outbound event: its type, where it is described, and the record(s) its data is made of. */
    public record Event(String type, String description, List<Class<?>> data) {
    }

    /** The integration events of the catalogues that go to ERP. */
    public static List<Event> events() {
        List<Event> events = new ArrayList<>();
        for (Class<?> event : OrderIntegrationEvent.class.getPermittedSubclasses()) {
            String type = ((OrderIntegrationEvent) instance(event)).type();
            events.add(new Event(type, "An order event (docs/events.md): the order's reference fields, then the event's.",
                    List.of(OrderIntegrationEvent.OrderReference.class, event)));
        }
        for (Class<?> event : InventoryIntegrationEvent.class.getPermittedSubclasses()) {
            String type = ((InventoryIntegrationEvent) instance(event)).type();
            events.add(new Event(type, "An installed base event (docs/inventory.md, docs/events.md).", List.of(event)));
        }
        for (Class<?> event : BillingIntegrationEvent.class.getPermittedSubclasses()) {
            String type = ((BillingIntegrationEvent) instance(event)).type();
            events.add(new Event(type, "A billing trigger event (docs/billing.md, docs/events.md).", List.of(event)));
        }
        return events.stream().filter(e -> OUTBOUND_PREFIXES.stream().anyMatch(p -> e.type().startsWith(p))).toList();
    }

    private static Map<String, Object> envelope(JsonSchema schemas, Event event) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("type", "object");
        Map<String, Object> properties = new LinkedHashMap<>();
        for (Class<?> part : event.data()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> definition = (Map<String, Object>) schemas.definitions().get(name(schemas, part));
            @SuppressWarnings("unchecked")
            Map<String, Object> fields = (Map<String, Object>) definition.get("properties");
            properties.putAll(fields);
        }
        data.put("properties", properties);
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("type", "object");
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("eventId", Map.of("type", "string", "format", "uuid"));
        fields.put("eventType", Map.of("const", event.type()));
        fields.put("occurredAt", Map.of("type", "string", "format", "date-time"));
        for (String name : List.of("tenantId", "correlationId", "causationId", "aggregateType", "aggregateId")) {
            fields.put(name, Map.of("type", "string"));
        }
        fields.put("aggregateVersion", Map.of("type", "integer", "format", "int64"));
        fields.put("data", data);
        envelope.put("properties", fields);
        envelope.put("required", List.of("eventId", "eventType", "occurredAt", "tenantId", "correlationId",
                "aggregateType", "aggregateId", "aggregateVersion", "data"));
        return envelope;
    }

    private static String name(JsonSchema schemas, Class<?> record) {
        schemas.of(record);
        return JsonSchema.name(record);
    }

    private static Map<String, Object> message(String type, String description, Object headers, Object payload) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("name", type);
        message.put("title", type);
        message.put("summary", description);
        message.put("headers", headers);
        message.put("payload", payload);
        return message;
    }

    private static Map<String, Object> channel(String address, String jndi, String description, List<Map<String, Object>> messages) {
        Map<String, Object> byName = new LinkedHashMap<>();
        for (Map<String, Object> message : messages) {
            String ref = (String) message.get("$ref");
            byName.put(ref.substring(ref.lastIndexOf('/') + 1), message);
        }
        return Map.of("address", address, "description", description + " JMS queue " + address + " (" + jndi + ").",
                "messages", byName);
    }

    private static Map<String, Object> headers(Map<String, Object> properties, List<String> required, int maxLength) {
        Map<String, Object> fields = new LinkedHashMap<>();
        properties.forEach((name, schema) -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> field = new LinkedHashMap<>((Map<String, Object>) schema);
            if (maxLength > 0 && "string".equals(field.get("type"))) {
                field.put("minLength", 1);
                field.put("maxLength", name.equals(TENANT_ID) ? MAX_TENANT : maxLength);
            }
            fields.put(name, field);
        });
        return Map.of("type", "object", "properties", fields, "required", required,
                "description", "JMS message properties");
    }

    private static Map<String, Object> string(String description) {
        return description == null ? Map.of("type", "string") : Map.of("type", "string", "description", description);
    }

    private static Map<String, Object> ref(String schema) {
        return ref(schema, SCHEMAS);
    }

    private static Map<String, Object> ref(String name, String prefix) {
        return Map.of("$ref", prefix + name);
    }

    /** order.fulfillment-item.started.v1 becomes orderFulfillmentItemStartedV1, a name AsyncAPI components take. */
    static String messageName(String type) {
        StringBuilder name = new StringBuilder();
        boolean upper = false;
        for (char c : type.toCharArray()) {
            if (c == '.' || c == '-') {
                upper = true;
            } else {
                name.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return name.toString();
    }

    private static Object instance(Class<?> record) {
        try {
            Constructor<?> constructor = record.getDeclaredConstructor(Arrays.stream(record.getRecordComponents())
                    .map(RecordComponent::getType).toArray(Class<?>[]::new));
            Object[] args = Arrays.stream(constructor.getParameterTypes()).map(ErpContract::empty).toArray();
            return constructor.newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot name the event " + record, e);
        }
    }

    private static Object empty(Class<?> type) {
        if (type == int.class) {
            return 0;
        }
        if (type == long.class) {
            return 0L;
        }
        return type == boolean.class ? false : null;
    }
}
