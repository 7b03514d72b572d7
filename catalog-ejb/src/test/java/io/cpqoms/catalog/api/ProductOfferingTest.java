package io.cpqoms.catalog.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProductOfferingTest {

    private static final Instant FROM = Instant.parse("2027-01-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2027-07-01T00:00:00Z");

    private static ProductOffering offering(OfferingLifecycle lifecycle, Instant from, Instant to) {
        return new ProductOffering("po", "Offering", null, "ps", lifecycle, from, to, false,
                List.of(), List.of(), List.of(), List.of());
    }

    @Test
    void sellableOnlyWhenActiveAndInsideTheValidityWindow() {
        ProductOffering active = offering(OfferingLifecycle.ACTIVE, FROM, TO);
        assertFalse(active.isSellableAt(FROM.minusMillis(1)), "before the window");
        assertTrue(active.isSellableAt(FROM), "the window includes its start");
        assertTrue(active.isSellableAt(TO.minusMillis(1)));
        assertFalse(active.isSellableAt(TO), "the window excludes its end");
        assertFalse(offering(OfferingLifecycle.DRAFT, FROM, TO).isSellableAt(FROM));
        assertFalse(offering(OfferingLifecycle.RETIRED, FROM, TO).isSellableAt(FROM));
        assertTrue(offering(OfferingLifecycle.ACTIVE, null, null).isSellableAt(FROM), "an open window never closes");
    }

    @Test
    void valueTypesAcceptOnlyTheirValues() {
        assertTrue(CharacteristicValueType.INTEGER.accepts("500"));
        assertFalse(CharacteristicValueType.INTEGER.accepts("500.5"));
        assertTrue(CharacteristicValueType.DECIMAL.accepts("99.95"));
        assertFalse(CharacteristicValueType.DECIMAL.accepts("high"));
        assertTrue(CharacteristicValueType.BOOLEAN.accepts("true"));
        assertFalse(CharacteristicValueType.BOOLEAN.accepts("yes"));
        assertTrue(CharacteristicValueType.STRING.accepts("/29"));
        assertFalse(CharacteristicValueType.STRING.accepts(" "));
    }
}
