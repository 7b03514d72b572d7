package io.cpqoms.order.domain;

/**
 * How an order keeps time against its catalog's expected durations: {@code timeScale} multiplies them
 * (1 in production; a demo or test stack compresses hours into seconds), and the completion warning
 * comes when {@code warningRatio} of the committed span has passed.
 */
public record SlaPolicy(double timeScale, double warningRatio) {

    /** The catalog's durations as they are, with the warning at 80% of the span. */
    public static final SlaPolicy AS_CATALOGUED = new SlaPolicy(1.0, 0.8);

    public SlaPolicy {
        if (!(timeScale > 0) || !(warningRatio > 0 && warningRatio < 1)) {
            throw new IllegalArgumentException("time scale above 0 and warning ratio between 0 and 1: " + timeScale + ", "
                    + warningRatio);
        }
    }
}
