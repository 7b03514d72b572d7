package io.cpqoms.catalog.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A configuration the catalog version accepted, as quotes and orders snapshot it: the offering's
 * identity and name at that version, its specification, the quantity, every characteristic value
 * (defaults applied) and the configured children of a bundle.
 */
public record ConfiguredProduct(String offeringId,
                                String offeringName,
                                String productSpecificationId,
                                BigDecimal quantity,
                                Map<String, String> characteristics,
                                List<ConfiguredProduct> children) {

    public ConfiguredProduct {
        characteristics = characteristics == null ? Map.of() : Map.copyOf(characteristics);
        children = children == null ? List.of() : List.copyOf(children);
    }
}
