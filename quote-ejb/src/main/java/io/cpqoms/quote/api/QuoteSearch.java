package io.cpqoms.quote.api;

import java.time.LocalDate;

/**
 * A quote search (seed 002 §23, Quote Search View), within the caller's tenant: by customer, status of
 * the latest revision, owner (the user who started the quote) and end of validity. Every filter is
 * optional. {@code expiringBefore} keeps the open quotes whose validity ends before that day and lists
 * them soonest first; otherwise the newest quote comes first. {@code after} is the {@code next} cursor
 * of the previous page of the same search.
 */
public record QuoteSearch(String customerId, QuoteStatus status, String owner, LocalDate expiringBefore, int limit,
                          String after) {
}
