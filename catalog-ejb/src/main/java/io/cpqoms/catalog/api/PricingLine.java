package io.cpqoms.catalog.api;

import java.math.BigDecimal;

/** One line to price: the caller's line id, the offering and the quantity. */
public record PricingLine(String lineId, String offeringId, BigDecimal quantity) {
}
