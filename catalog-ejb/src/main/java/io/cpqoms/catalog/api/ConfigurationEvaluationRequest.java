package io.cpqoms.catalog.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.Digits;
import jakarta.validation.Valid;
import io.cpqoms.kernel.Limits;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A configuration to evaluate, as a configurator screen sends it on every change: the catalog version
 * (the latest published one when absent), the offering, and the partial configuration so far.
 */
public record ConfigurationEvaluationRequest(UUID catalogVersionId,
                                             @NotBlank @Size(max = Limits.CATALOG_ID) String offeringId,
                                             @Digits(integer = 12, fraction = 6) BigDecimal quantity,
                                             @Size(max = Limits.CHARACTERISTICS)
                                             Map<String, String> characteristics,
                                             @Size(max = Limits.CHILDREN) @Valid List<ConfigurationRequest> children) {

    public ConfigurationEvaluationRequest {
        characteristics = characteristics == null ? Map.of() : Map.copyOf(characteristics);
        children = children == null ? List.of() : List.copyOf(children);
    }

    /** The configuration part, as quote items and order lines carry it. */
    public ConfigurationRequest configuration() {
        return new ConfigurationRequest(offeringId, quantity, characteristics, children);
    }
}
