package io.cpqoms.catalog.api;

import jakarta.json.bind.annotation.JsonbCreator;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One line to price: the caller's line id, the offering and the quantity; the line id of its bundle
 * (children of a bundle get the bundle's discounts), its characteristic values (contract-term
 * discounts read them), the manual overrides of its charges, and what the line does to the customer's
 * product: a line that changes or keeps a product the customer has (any action but ADD, null being
 * ADD) is priced without the offering's one-time charges, which were paid when the product was added.
 */
public record PricingLine(String lineId,
                          String offeringId,
                          BigDecimal quantity,
                          String parentLineId,
                          Map<String, String> characteristics,
                          List<PriceOverride> overrides,
                          LineAction action) {

    @JsonbCreator
    public PricingLine {
        characteristics = characteristics == null ? Map.of() : Map.copyOf(characteristics);
        overrides = overrides == null ? List.of() : List.copyOf(overrides);
    }

    /** A line on its own, without characteristics or overrides. */
    public PricingLine(String lineId, String offeringId, BigDecimal quantity) {
        this(lineId, offeringId, quantity, null, Map.of(), List.of(), null);
    }

    /** Whether the line is priced with the offering's one-time charges: only a line adding a product is. */
    public boolean chargesOneTime() {
        return action == null || action == LineAction.ADD;
    }
}
