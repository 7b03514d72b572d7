package io.cpqoms.order.api;

import java.time.Instant;
import java.util.Map;

/** One moment of an order's history: what happened, when, by whom, under which correlation. */
public record TimelineEntry(Instant occurredAt, String action, String actor, String correlationId,
                           Map<String, Object> details) {
}
