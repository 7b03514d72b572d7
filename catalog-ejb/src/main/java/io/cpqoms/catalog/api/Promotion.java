package io.cpqoms.catalog.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A promotion of the catalog version: a percentage or an amount off the charges of one price type of
 * the listed offerings, valid in [validFrom, validTo).
 */
public record Promotion(String id,
                        String name,
                        List<String> offeringIds,
                        PriceType appliesTo,
                        BigDecimal percentOff,
                        BigDecimal amountOff,
                        Instant validFrom,
                        Instant validTo) {

    public Promotion {
        offeringIds = offeringIds == null ? List.of() : List.copyOf(offeringIds);
    }
}
