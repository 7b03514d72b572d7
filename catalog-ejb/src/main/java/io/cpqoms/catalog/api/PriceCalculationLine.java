package io.cpqoms.catalog.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One line of an ad-hoc price calculation: an optional line id (numbered 1, 2, 1.1 … when absent),
 * the offering, a quantity (1 when absent), characteristic values and, for a bundle, its children,
 * which are priced as lines of their own under it.
 */
public record PriceCalculationLine(String lineId,
                                   String offeringId,
                                   BigDecimal quantity,
                                   Map<String, String> characteristics,
                                   List<PriceCalculationLine> children) {

    public PriceCalculationLine {
        characteristics = characteristics == null ? Map.of() : Map.copyOf(characteristics);
        children = children == null ? List.of() : List.copyOf(children);
    }
}
