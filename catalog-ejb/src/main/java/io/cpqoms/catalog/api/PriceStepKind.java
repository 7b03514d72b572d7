package io.cpqoms.catalog.api;

/**
 * The steps of the pricing pipeline, in the one order they apply to every charge (see docs/pricing.md):
 * list price, volume tiers, contract term, bundle, promotion, manual override, rounding; the tax
 * placeholder is shown after them and is not part of the price.
 */
public enum PriceStepKind {
    LIST_PRICE, VOLUME_TIER, CONTRACT_TERM, BUNDLE, PROMOTION, MANUAL_OVERRIDE, ROUNDING, TAX_PLACEHOLDER
}
