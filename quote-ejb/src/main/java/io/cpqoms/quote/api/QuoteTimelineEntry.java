package io.cpqoms.quote.api;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One moment of a quote's history (seed 002 §23, Quote Timeline View), from its audit trail: what
 * happened ({@code QUOTE_STARTED}, {@code QUOTE_ITEM_ADDED}, {@code QUOTE_PRICED}, {@code QUOTE_SUBMITTED},
 * {@code QUOTE_APPROVAL_GRANTED}, {@code QUOTE_REJECTED}, {@code QUOTE_REVISED}, {@code QUOTE_ACCEPTED},
 * {@code QUOTE_EXPIRED}, {@code QUOTE_CANCELLED}, ...), to which revision, when, by whom, under which
 * correlation id, with the command's details.
 */
public record QuoteTimelineEntry(Instant occurredAt, String action, Integer revision, String actor, String correlationId,
                                 Map<String, Object> details) {

    /** What the provider's costs are called in audit details; a customer-facing reader gets none of them. */
    static final Set<String> COST_KEYS = Set.of("unitCost", "costAmount", "marginAmount", "marginPercent");

    /** The entry without cost and margin figures, at any depth of its details. */
    public QuoteTimelineEntry withoutCosts() {
        return new QuoteTimelineEntry(occurredAt, action, revision, actor, correlationId, withoutCosts(details));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> withoutCosts(Map<String, Object> details) {
        if (details == null) {
            return null;
        }
        Map<String, Object> kept = new LinkedHashMap<>();
        details.forEach((key, value) -> {
            if (!COST_KEYS.contains(key)) {
                kept.put(key, withoutCostsIn(value));
            }
        });
        return kept;
    }

    @SuppressWarnings("unchecked")
    private static Object withoutCostsIn(Object value) {
        if (value instanceof Map<?, ?> map) {
            return withoutCosts((Map<String, Object>) map);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(QuoteTimelineEntry::withoutCostsIn).toList();
        }
        return value;
    }
}
