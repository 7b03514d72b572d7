package io.cpqoms.order.api;

import io.cpqoms.catalog.api.LineAction;

/**
 * What a billing trigger tells the billing system to do (seed 002 section 17). An order line's action
 * decides its recurring kind (ADD starts, MODIFY changes, DELETE stops, SUSPEND suspends, RESUME
 * resumes the product's subscription; NO_CHANGE bills nothing); a line with a one-time amount also
 * gets a ONE_TIME_CHARGE. docs/billing.md gives the whole rule.
 */
public enum BillingTriggerKind {
    START_SUBSCRIPTION, CHANGE_SUBSCRIPTION, STOP_SUBSCRIPTION, SUSPEND_SUBSCRIPTION, RESUME_SUBSCRIPTION, ONE_TIME_CHARGE;

    /** The subscription kind a line's action bills, or null for an action that changes no subscription. */
    public static BillingTriggerKind subscription(LineAction action) {
        return switch (action) {
            case ADD -> START_SUBSCRIPTION;
            case MODIFY -> CHANGE_SUBSCRIPTION;
            case DELETE -> STOP_SUBSCRIPTION;
            case SUSPEND -> SUSPEND_SUBSCRIPTION;
            case RESUME -> RESUME_SUBSCRIPTION;
            case NO_CHANGE -> null;
        };
    }
}
