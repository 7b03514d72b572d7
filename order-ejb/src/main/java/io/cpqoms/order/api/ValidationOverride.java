package io.cpqoms.order.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import io.cpqoms.kernel.Limits;
import java.time.Instant;

/** A supervisor's decision to let an order with overridable blockers go on: who, when and why. */
public record ValidationOverride(String overriddenBy, Instant overriddenAt, String reason) {

    /** The request: the reason is required, the rest comes from the caller. */
    public record Request(@NotBlank @Size(max = Limits.TEXT) String reason) {
    }
}
