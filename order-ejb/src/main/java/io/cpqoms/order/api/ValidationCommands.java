package io.cpqoms.order.api;

import io.cpqoms.kernel.CommandContext;
import jakarta.ejb.Local;
import java.util.UUID;

/** Decisions a person takes on an order's validation (seed 000, section 37: override a validation blocker). */
@Local
public interface ValidationCommands {

    OrderView overrideBlockers(CommandContext context, UUID orderId, ValidationOverride.Request request);
}
