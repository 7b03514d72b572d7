package io.cpqoms.catalog.api;

/**
 * How volume tiers apply: RANGE prices the whole quantity at the unit amount of the tier the quantity
 * falls in; SLAB prices each slice of the quantity at its own tier's unit amount.
 */
public enum TierMode { RANGE, SLAB }
