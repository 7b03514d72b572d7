package io.cpqoms.order.api;

import io.cpqoms.catalog.api.LineAction;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One fulfillment item of an order's plan, with its dependencies and its external trace. */
public record FulfillmentItemView(UUID id,
                                  UUID orderId,
                                  UUID orderLineId,
                                  int sequence,
                                  String itemType,
                                  String responsibleSystem,
                                  LineAction action,
                                  FulfillmentItemStatus status,
                                  List<UUID> dependsOn,
                                  int attemptGroup,
                                  int retryCount,
                                  int maxRetryCount,
                                  String externalRequestId,
                                  String externalReference,
                                  String compensationAction,
                                  String failureCode,
                                  String failureMessage,
                                  Instant dispatchedAt,
                                  Instant completedAt,
                                  String compensationReference,
                                  Instant compensatedAt,
                                  Instant nextAttemptAt,
                                  Instant expectedBy,
                                  Instant overdueSince) {
}
