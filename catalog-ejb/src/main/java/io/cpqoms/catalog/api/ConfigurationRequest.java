package io.cpqoms.catalog.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A product as a quote item or order line asks for it: an offering, a quantity, characteristic values
 * and, for a bundle, its children.
 */
public record ConfigurationRequest(String offeringId,
                                   BigDecimal quantity,
                                   Map<String, String> characteristics,
                                   List<ConfigurationRequest> children) {

    public ConfigurationRequest {
        characteristics = characteristics == null ? Map.of() : Map.copyOf(characteristics);
        children = children == null ? List.of() : List.copyOf(children);
    }
}
