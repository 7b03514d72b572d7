package io.cpqoms.order.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A fallout case as operations see it (seed 000, section 17): of a fulfillment item, of a billing
 * trigger ({@code billingTriggerId}, /orders/{id}/billing-triggers) or of the whole order. {@code dueAt} is until when the case
 * waits for the customer or the escalation desk (it escalates when that passes), {@code customerRequest}
 * what the customer was asked while the case waits for the answer, {@code allowedActions} the
 * resolution actions the case takes now, {@code orderJeopardy} whether its order is in jeopardy (in the
 * worklist and a case read on its own).
 */
public record FalloutCaseView(UUID id,
                              UUID orderId,
                              UUID orderLineId,
                              UUID fulfillmentItemId,
                              UUID billingTriggerId,
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
                              Instant dueAt,
                              String customerRequest,
                              int escalations,
                              List<FalloutResolution.Action> allowedActions,
                              Jeopardy orderJeopardy,
                              long entityVersion) {
}
