package io.cpqoms.catalog.api;

/** A catalog version is edited as a DRAFT and frozen when PUBLISHED. */
public enum CatalogVersionStatus { DRAFT, PUBLISHED }
