package io.cpqoms.catalog.api;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A manual override of one charge of a line: the price definition it replaces the net amount of, the
 * new net amount of the charge (for the line's whole quantity, before tax, in the price's currency),
 * who set it, why and when. The pipeline applies it at its step, after the promotions.
 */
public record PriceOverride(String priceId, BigDecimal amount, String reason, String actor, Instant overriddenAt) {
}
