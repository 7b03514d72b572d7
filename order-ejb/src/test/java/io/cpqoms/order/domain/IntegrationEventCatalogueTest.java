package io.cpqoms.order.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cpqoms.order.api.BillingIntegrationEvent;
import io.cpqoms.order.api.InventoryIntegrationEvent;
import io.cpqoms.order.api.OrderIntegrationEvent;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The catalogue of integration events is documented whole in docs/events.md, and every type is versioned. */
class IntegrationEventCatalogueTest {

    private static final Pattern INVENTORY = Pattern.compile("inventory\\.[a-z-]+\\.v[0-9]+");
    private static final Pattern BILLING = Pattern.compile("billing\\.[a-z-]+\\.v[0-9]+");
    private static final Pattern VERSIONED = Pattern.compile("order\\.[a-z-]+(\\.[a-z-]+)?\\.v[0-9]+");

    @Test
    void everyEventTypeIsVersionedUniqueAndDocumentedWithItsFields() throws IOException {
        String doc = Files.readString(Path.of("../docs/events.md"));
        Set<String> types = new HashSet<>();
        Class<?>[] events = OrderIntegrationEvent.class.getPermittedSubclasses();
        assertTrue(events.length >= 20, "the catalogue lists the order's events");
        for (Class<?> event : events) {
            String type = type(event);
            assertTrue(VERSIONED.matcher(type).matches(), type + " names its version");
            assertTrue(types.add(type), type + " is one event");
            String row = doc.lines().filter(l -> l.startsWith("| `" + type + "` |")).findFirst()
                    .orElseThrow(() -> new AssertionError("docs/events.md does not describe " + type));
            for (RecordComponent field : event.getRecordComponents()) {
                assertTrue(row.contains("`" + field.getName() + "`"), "docs/events.md: " + type + " lacks " + field.getName());
            }
        }
        for (RecordComponent field : OrderIntegrationEvent.OrderReference.class.getRecordComponents()) {
            assertTrue(doc.contains("`" + field.getName() + "`"), "docs/events.md lacks the reference field " + field.getName());
        }
        List<String> documented = doc.lines().filter(l -> l.startsWith("| `order.")).map(l -> l.split("`")[1]).toList();
        assertEquals(Set.copyOf(documented), types, "docs/events.md documents the catalogue, nothing else");
    }

    @Test
    void everyInventoryEventTypeIsVersionedAndDocumentedWithItsFields() throws IOException {
        String doc = Files.readString(Path.of("../docs/events.md"));
        Set<String> types = new HashSet<>();
        for (Class<?> event : InventoryIntegrationEvent.class.getPermittedSubclasses()) {
            String type = type(event);
            assertTrue(INVENTORY.matcher(type).matches(), type + " names its version");
            assertTrue(types.add(type), type + " is one event");
            String row = doc.lines().filter(l -> l.startsWith("| `" + type + "` |")).findFirst()
                    .orElseThrow(() -> new AssertionError("docs/events.md does not describe " + type));
            for (RecordComponent field : event.getRecordComponents()) {
                assertTrue(row.contains("`" + field.getName() + "`"), "docs/events.md: " + type + " lacks " + field.getName());
            }
        }
        List<String> documented = doc.lines().filter(l -> l.startsWith("| `inventory.")).map(l -> l.split("`")[1]).toList();
        assertEquals(Set.copyOf(documented), types, "docs/events.md documents the inventory catalogue, nothing else");
    }

    @Test
    void everyBillingEventTypeIsVersionedAndDocumentedWithItsFields() throws IOException {
        String doc = Files.readString(Path.of("../docs/events.md"));
        Set<String> types = new HashSet<>();
        Class<?>[] events = BillingIntegrationEvent.class.getPermittedSubclasses();
        assertTrue(events.length >= 4, "created, resent, acknowledged, rejected");
        for (Class<?> event : events) {
            String type = type(event);
            assertTrue(BILLING.matcher(type).matches(), type + " names its version");
            assertTrue(types.add(type), type + " is one event");
            String row = doc.lines().filter(l -> l.startsWith("| `" + type + "` |")).findFirst()
                    .orElseThrow(() -> new AssertionError("docs/events.md does not describe " + type));
            for (RecordComponent field : event.getRecordComponents()) {
                assertTrue(row.contains("`" + field.getName() + "`"), "docs/events.md: " + type + " lacks " + field.getName());
            }
        }
        List<String> documented = doc.lines().filter(l -> l.startsWith("| `billing.")).map(l -> l.split("`")[1]).toList();
        assertEquals(Set.copyOf(documented), types, "docs/events.md documents the billing catalogue, nothing else");
    }

    private static String type(Class<?> event) {
        try {
            Constructor<?> constructor = event.getDeclaredConstructor(Arrays.stream(event.getRecordComponents())
                    .map(RecordComponent::getType).toArray(Class<?>[]::new));
            Object[] args = Arrays.stream(constructor.getParameterTypes()).map(IntegrationEventCatalogueTest::empty).toArray();
            Object instance = constructor.newInstance(args);
            return instance instanceof InventoryIntegrationEvent inventory ? inventory.type()
                    : instance instanceof BillingIntegrationEvent billing ? billing.type()
                    : ((OrderIntegrationEvent) instance).type();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
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
