package io.cpqoms.catalog.api;

import java.util.UUID;

/**
 * One offering of one catalog version with everything needed to configure and price it: its
 * specification (with characteristics), its prices and relationships, and whether it is sellable now.
 */
public record OfferingDetail(UUID catalogVersionId,
                             CatalogVersionStatus catalogVersionStatus,
                             boolean sellable,
                             ProductOffering offering,
                             ProductSpecification productSpecification) {

    /** This detail with the offering's unit costs left out. */
    public OfferingDetail withoutCosts() {
        return new OfferingDetail(catalogVersionId, catalogVersionStatus, sellable, offering.withoutCosts(), productSpecification);
    }
}
