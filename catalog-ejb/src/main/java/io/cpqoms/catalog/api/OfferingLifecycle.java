package io.cpqoms.catalog.api;

/** Lifecycle of a product offering: only ACTIVE offerings may be sold. */
public enum OfferingLifecycle { DRAFT, ACTIVE, RETIRED }
