package io.cpqoms.catalog.api;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Fulfillment metadata of a product specification: one unit of execution that an order line with
 * this action produces when it is decomposed. Dependencies name item types of the same line tree (a
 * bundle and its children); a named type the tree does not produce is no dependency. The
 * compensation action is what undoes the step once it has run. The expected duration (ISO-8601, e.g.
 * {@code PT4H}) is how long the step's system usually takes once the item is sent: the order's
 * committed completion date is built from it, and an item not done by then is in jeopardy. The
 * milestone, if any, is the customer-visible milestone the order reaches once every item of the plan
 * that names it is done.
 */
public record FulfillmentStepSpecification(LineAction action,
                                           String itemType,
                                           String responsibleSystem,
                                           List<String> dependsOn,
                                           String compensationAction,
                                           Integer maxRetries,
                                           String expectedDuration,
                                           Milestone milestone) {

    public static final int DEFAULT_MAX_RETRIES = 3;

    /** The milestones of seed 000 section 31 that fulfillment items reach (the others are the order's own). */
    public enum Milestone { INSTALLATION_SCHEDULED, SERVICE_ACTIVATED, BILLING_ACTIVATED }

    public FulfillmentStepSpecification {
        dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
    }

    /** The expected duration, or null if none is declared or it is not an ISO-8601 duration (a catalog rule). */
    public Duration duration() {
        try {
            return expectedDuration == null ? null : Duration.parse(expectedDuration);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    public int retryBudget() {
        return maxRetries == null ? DEFAULT_MAX_RETRIES : maxRetries;
    }
}
