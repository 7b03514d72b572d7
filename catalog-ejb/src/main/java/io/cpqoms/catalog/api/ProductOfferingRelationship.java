package io.cpqoms.catalog.api;

/**
 * A relationship from the offering that declares it to another offering of the same catalog version.
 * Cardinality applies to BUNDLE_CHILD: how many of the child a bundle holds (defaults 1..1).
 */
public record ProductOfferingRelationship(RelationshipType type,
                                          String offeringId,
                                          Integer minCardinality,
                                          Integer maxCardinality) {

    public int min() {
        return minCardinality == null ? 1 : minCardinality;
    }

    public int max() {
        return maxCardinality == null ? Math.max(1, min()) : maxCardinality;
    }
}
