package io.cpqoms.catalog.api;

import java.time.Instant;

/**
 * The account standing an eligibility decision used, with its freshness: {@code asOf} is when the
 * owning system (billing, ERP) stated it, {@code updatedAt} when the catalog recorded it. When the
 * projection does not know the account, {@code known} is false and the note says so.
 */
public record EligibilityStanding(String accountId,
                                  boolean known,
                                  String customerId,
                                  String customerSegment,
                                  Instant asOf,
                                  Instant updatedAt,
                                  String note) {
}
