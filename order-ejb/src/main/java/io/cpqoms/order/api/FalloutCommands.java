package io.cpqoms.order.api;

import io.cpqoms.kernel.CommandContext;
import jakarta.ejb.Local;
import java.util.UUID;

/**
 * Working fallout cases: operations work the cases of their work groups, supervisors any case. Each
 * command locks the order, so it sees the plan as the workers leave it.
 */
@Local
public interface FalloutCommands {

    FalloutCaseView assign(CommandContext context, UUID orderId, UUID caseId, FalloutAssignment assignment);

    FalloutCaseView resolve(CommandContext context, UUID orderId, UUID caseId, FalloutResolution resolution);
}
