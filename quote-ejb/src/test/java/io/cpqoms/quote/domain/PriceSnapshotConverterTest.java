package io.cpqoms.quote.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.cpqoms.catalog.api.Charge;
import io.cpqoms.catalog.api.LinePrice;
import io.cpqoms.catalog.api.PriceSignals;
import io.cpqoms.catalog.api.PriceSnapshot;
import io.cpqoms.catalog.api.PriceStep;
import io.cpqoms.catalog.api.PriceStepKind;
import io.cpqoms.catalog.api.PriceType;
import io.cpqoms.catalog.api.RecurringPeriod;
import io.cpqoms.catalog.api.RecurringTotal;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The stored price snapshot reads back exactly as it was calculated. */
class PriceSnapshotConverterTest {

    private final PriceSnapshotConverter converter = new PriceSnapshotConverter();

    @Test
    void aSnapshotSurvivesTheJsonbColumn() {
        List<RecurringTotal> monthly = List.of(new RecurringTotal(RecurringPeriod.MONTH, new BigDecimal("39.90")));
        LinePrice line = new LinePrice(UUID.randomUUID().toString(), "po_fiber", new BigDecimal("2"),
                List.of(new Charge("pop_setup", "Setup", PriceType.ONE_TIME, null, new BigDecimal("49.50"), new BigDecimal("99.00")),
                        new Charge("pop_monthly", "Monthly", PriceType.RECURRING, RecurringPeriod.MONTH,
                                new BigDecimal("19.95"), new BigDecimal("39.90"))),
                new BigDecimal("99.00"), monthly);
        PriceSnapshot snapshot = new PriceSnapshot(UUID.randomUUID(), UUID.randomUUID(),
                Instant.parse("2026-11-21T10:15:30.123Z"), "EUR", List.of(line), new BigDecimal("99.00"), monthly);

        assertEquals(snapshot, converter.convertToEntityAttribute(converter.convertToDatabaseColumn(snapshot)));
    }

    @Test
    void theBreakdownSignalsAndTaxSurviveTheJsonbColumn() {
        List<RecurringTotal> monthly = List.of(new RecurringTotal(RecurringPeriod.MONTH, new BigDecimal("80.00")));
        PriceSignals signals = new PriceSignals(new BigDecimal("95.00"), new BigDecimal("80.00"), new BigDecimal("15.00"),
                new BigDecimal("15.79"), new BigDecimal("40.00"), new BigDecimal("40.00"), new BigDecimal("50.00"), true);
        Charge charge = new Charge("pop_router_monthly", "Router", PriceType.RECURRING, RecurringPeriod.MONTH,
                new BigDecimal("95.00"), new BigDecimal("80.00"), List.of(
                new PriceStep(PriceStepKind.LIST_PRICE, "pop_router_monthly", null, new BigDecimal("95.00"), "95.00 x 1"),
                new PriceStep(PriceStepKind.BUNDLE, "disc_bundle", new BigDecimal("95.00"), new BigDecimal("90.2500"), "in bundle: 5% off"),
                new PriceStep(PriceStepKind.MANUAL_OVERRIDE, PriceStep.MANUAL_OVERRIDE, new BigDecimal("90.2500"),
                        new BigDecimal("80.00"), null, "alice", "Loyal customer"),
                new PriceStep(PriceStepKind.ROUNDING, PriceStep.ROUNDING, new BigDecimal("80.00"), new BigDecimal("80.00"), null),
                new PriceStep(PriceStepKind.TAX_PLACEHOLDER, PriceStep.TAX_PLACEHOLDER, new BigDecimal("80.00"),
                        new BigDecimal("88.00"), "10% placeholder")),
                new BigDecimal("95.00"), new BigDecimal("8.00"));
        LinePrice line = new LinePrice("child", "po_router", BigDecimal.ONE, List.of(charge), new BigDecimal("0.00"), monthly,
                "parent", signals);
        PriceSnapshot snapshot = new PriceSnapshot(UUID.randomUUID(), UUID.randomUUID(), Instant.parse("2026-11-21T10:15:30Z"),
                "USD", List.of(line), new BigDecimal("0.00"), monthly, signals, new BigDecimal("10"), new BigDecimal("0.00"),
                List.of(new RecurringTotal(RecurringPeriod.MONTH, new BigDecimal("8.00"))), "cpq-pricing-v1");

        assertEquals(snapshot, converter.convertToEntityAttribute(converter.convertToDatabaseColumn(snapshot)));
    }

    @Test
    void noSnapshotIsNull() {
        assertNull(converter.convertToDatabaseColumn(null));
        assertNull(converter.convertToEntityAttribute(null));
    }
}
