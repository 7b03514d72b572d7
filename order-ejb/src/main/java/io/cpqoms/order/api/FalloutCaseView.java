package io.cpqoms.order.api;

import java.time.Instant;
import java.util.UUID;

/** A fallout case as operations see it (seed 000, section 17). */
public record FalloutCaseView(UUID id,
                              UUID orderId,
                              UUID orderLineId,
                              UUID fulfillmentItemId,
                              FalloutCaseStatus status,
                              FalloutSeverity severity,
                              String reasonCode,
                              String description,
                              String ownerGroup,
                              String ownerUserId,
                              Instant openedAt,
                              Instant resolvedAt,
                              String resolvedBy,
                              String resolutionCode,
                              String resolutionNote,
                              long entityVersion) {
}
