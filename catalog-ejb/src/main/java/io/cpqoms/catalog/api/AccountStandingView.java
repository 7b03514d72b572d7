package io.cpqoms.catalog.api;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The recorded standing of an account after an update, and what the update did to it: CREATED,
 * UPDATED, UNCHANGED (the same statement again) or STALE_IGNORED (older than the recorded one).
 */
public record AccountStandingView(String accountId,
                                  String customerId,
                                  String customerSegment,
                                  BigDecimal outstandingDebt,
                                  String currency,
                                  Instant asOf,
                                  Instant updatedAt,
                                  long entityVersion,
                                  Outcome outcome) {

    public enum Outcome { CREATED, UPDATED, UNCHANGED, STALE_IGNORED }
}
