package io.cpqoms.catalog.api;

import java.util.List;

/**
 * Fulfillment metadata of a product specification: one unit of execution that an order line with
 * this action produces when it is decomposed. Dependencies name item types of the same line tree (a
 * bundle and its children); a named type the tree does not produce is no dependency. The
 * compensation action is what undoes the step once it has run.
 */
public record FulfillmentStepSpecification(LineAction action,
                                           String itemType,
                                           String responsibleSystem,
                                           List<String> dependsOn,
                                           String compensationAction,
                                           Integer maxRetries) {

    public static final int DEFAULT_MAX_RETRIES = 3;

    public FulfillmentStepSpecification {
        dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
    }

    public int retryBudget() {
        return maxRetries == null ? DEFAULT_MAX_RETRIES : maxRetries;
    }
}
