package io.cpqoms.catalog.api;

import java.math.BigDecimal;

/**
 * A discount an offering declares: for CONTRACT_TERM, a percentage off its charges of one price type
 * when a characteristic (for example contractTermMonths) has a value; for BUNDLE, declared on a bundle
 * offering, a percentage off its children's charges of one price type.
 */
public record DiscountDefinition(String id,
                                 DiscountKind kind,
                                 String characteristic,
                                 String value,
                                 PriceType appliesTo,
                                 BigDecimal percentOff) {
}
