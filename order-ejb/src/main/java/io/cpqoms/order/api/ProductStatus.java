package io.cpqoms.order.api;

/**
 * The status of a product in the installed base: ACTIVE from the completion of the order that added
 * it, SUSPENDED and back (suspend and resume orders), TERMINATED at the end (a disconnect), for good.
 */
public enum ProductStatus {
    ACTIVE, SUSPENDED, TERMINATED;

    /** Whether an asset in this status may move to {@code target}: ACTIVE and SUSPENDED both ways, either to TERMINATED. */
    public boolean canMoveTo(ProductStatus target) {
        return switch (this) {
            case ACTIVE -> target == SUSPENDED || target == TERMINATED;
            case SUSPENDED -> target == ACTIVE || target == TERMINATED;
            case TERMINATED -> false;
        };
    }
}
