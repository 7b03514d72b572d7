package io.cpqoms.catalog.domain;

import io.cpqoms.catalog.api.CoverageArea;
import io.cpqoms.catalog.api.ProductOffering;
import io.cpqoms.catalog.api.ProductSpecification;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

/** Lookups into one published catalog version. */
public interface CatalogIndex {

    UUID versionId();

    Optional<ProductOffering> offering(String id);

    Optional<ProductSpecification> specification(String id);

    /** Every offering of the version, in document order. */
    Collection<ProductOffering> offerings();

    /** A coverage area of the version. */
    Optional<CoverageArea> coverageArea(String id);
}
