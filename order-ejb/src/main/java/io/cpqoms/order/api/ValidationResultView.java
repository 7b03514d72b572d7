package io.cpqoms.order.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A stored validation result (seed 000, section 10): PASSED or FAILED, the checks performed and the
 * findings. FAILED means at least one blocker.
 */
public record ValidationResultView(UUID validationResultId,
                                   UUID orderId,
                                   String status,
                                   Instant validatedAt,
                                   List<String> checksPerformed,
                                   List<ValidationCheck> checks,
                                   ValidationOverride override) {
}
