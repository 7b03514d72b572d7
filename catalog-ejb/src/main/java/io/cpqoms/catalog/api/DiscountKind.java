package io.cpqoms.catalog.api;

/** What a catalog discount depends on: a contract term (a characteristic value) or being sold in a bundle. */
public enum DiscountKind { CONTRACT_TERM, BUNDLE }
