package io.cpqoms.order.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import io.cpqoms.kernel.Limits;
import java.util.Map;

/**
 * A worker's report that its responsible system carried out an item: the external request id it sent
 * (which names the attempt), the system's reference for the work, and the result in domain terms.
 */
public record ItemCompletion(@NotBlank @Size(max = Limits.REFERENCE) String externalRequestId,
                             @Size(max = Limits.REFERENCE) String externalReference,
                             @Size(max = 50) Map<String, String> result) {
}
