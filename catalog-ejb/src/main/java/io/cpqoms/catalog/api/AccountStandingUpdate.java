package io.cpqoms.catalog.api;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What the system that owns an account (billing, ERP) states about it as of an instant: its customer,
 * the customer's segment and the outstanding debt. A statement older than the recorded one is ignored.
 */
public record AccountStandingUpdate(String customerId,
                                    String customerSegment,
                                    BigDecimal outstandingDebt,
                                    String currency,
                                    Instant asOf) {
}
