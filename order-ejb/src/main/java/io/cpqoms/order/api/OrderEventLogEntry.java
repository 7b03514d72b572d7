package io.cpqoms.order.api;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An integration event of an order as the event log holds it: what was (or is about to be) published
 * on the events topic, and when it went out. An unpublished event has no publishedAt yet. The event
 * types and their data are catalogued in {@link OrderIntegrationEvent}.
 */
@Schema(name = "OrderEvent")
public record OrderEventLogEntry(UUID eventId, String eventType, long orderVersion, Instant occurredAt, Instant publishedAt,
                                 String correlationId, String causationId, Map<String, Object> payload) {
}
