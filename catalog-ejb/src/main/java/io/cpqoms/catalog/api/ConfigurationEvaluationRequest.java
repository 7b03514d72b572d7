package io.cpqoms.catalog.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A configuration to evaluate, as a configurator screen sends it on every change: the catalog version
 * (the latest published one when absent), the offering, and the partial configuration so far.
 */
public record ConfigurationEvaluationRequest(UUID catalogVersionId,
                                             String offeringId,
                                             BigDecimal quantity,
                                             Map<String, String> characteristics,
                                             List<ConfigurationRequest> children) {

    public ConfigurationEvaluationRequest {
        characteristics = characteristics == null ? Map.of() : Map.copyOf(characteristics);
        children = children == null ? List.of() : List.copyOf(children);
    }

    /** The configuration part, as quote items and order lines carry it. */
    public ConfigurationRequest configuration() {
        return new ConfigurationRequest(offeringId, quantity, characteristics, children);
    }
}
