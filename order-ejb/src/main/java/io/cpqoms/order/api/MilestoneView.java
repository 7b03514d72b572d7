package io.cpqoms.order.api;

import java.time.Instant;

/** A milestone the order reached, and when. */
public record MilestoneView(OrderMilestone milestone, Instant reachedAt) {
}
