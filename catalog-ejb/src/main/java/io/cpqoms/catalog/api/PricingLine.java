package io.cpqoms.catalog.api;

import jakarta.json.bind.annotation.JsonbCreator;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One line to price: the caller's line id, the offering and the quantity; the line id of its bundle
 * (children of a bundle get the bundle's discounts), its characteristic values (contract-term
 * discounts read them) and the manual overrides of its charges.
 */
public record PricingLine(String lineId,
                          String offeringId,
                          BigDecimal quantity,
                          String parentLineId,
                          Map<String, String> characteristics,
                          List<PriceOverride> overrides) {

    @JsonbCreator
    public PricingLine {
        characteristics = characteristics == null ? Map.of() : Map.copyOf(characteristics);
        overrides = overrides == null ? List.of() : List.copyOf(overrides);
    }

    /** A line on its own, without characteristics or overrides. */
    public PricingLine(String lineId, String offeringId, BigDecimal quantity) {
        this(lineId, offeringId, quantity, null, Map.of(), List.of());
    }
}
