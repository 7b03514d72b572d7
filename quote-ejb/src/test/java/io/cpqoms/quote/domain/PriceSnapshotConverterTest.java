package io.cpqoms.quote.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.cpqoms.catalog.api.Charge;
import io.cpqoms.catalog.api.LinePrice;
import io.cpqoms.catalog.api.PriceSnapshot;
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
    void noSnapshotIsNull() {
        assertNull(converter.convertToDatabaseColumn(null));
        assertNull(converter.convertToEntityAttribute(null));
    }
}
