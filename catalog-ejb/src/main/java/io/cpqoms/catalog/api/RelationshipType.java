package io.cpqoms.catalog.api;

/** How one offering relates to another: part of a bundle, needs it, or cannot be sold with it. */
public enum RelationshipType { BUNDLE_CHILD, REQUIRES, EXCLUDES }
