package io.cpqoms.order.domain;

import java.time.Duration;

/**
 * How long a fallout case may wait on someone before it escalates: the customer's answer to a request
 * for information, and the escalation desk's taking up of an escalated case.
 */
public record FalloutDeadlines(Duration customerWait, Duration escalationResponse) {
}
