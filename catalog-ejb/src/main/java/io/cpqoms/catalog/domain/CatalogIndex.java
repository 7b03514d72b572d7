package io.cpqoms.catalog.domain;

import io.cpqoms.catalog.api.CoverageArea;
import io.cpqoms.catalog.api.ProductOffering;
import io.cpqoms.catalog.api.ProductSpecification;
import java.util.Collection;
import io.cpqoms.catalog.api.Promotion;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Lookups into one catalog version. */
public interface CatalogIndex {

    UUID versionId();

    Optional<ProductOffering> offering(String id);

    Optional<ProductSpecification> specification(String id);

    /** Every offering of the version, in document order. */
    Collection<ProductOffering> offerings();

    /** A coverage area of the version. */
    Optional<CoverageArea> coverageArea(String id);

    /** The version's promotions, in the order the document declares them. */
    default List<Promotion> promotions() {
        return List.of();
    }

    /** The version's tax rate placeholder in percent, or null when it declares none. */
    default BigDecimal taxRatePercent() {
        return null;
    }

    /**
     * The version's configuration rules, compiled. This default compiles them anew for every caller; an
     * index of a published version keeps one instance, since the version never changes.
     */
    default ConfigurationRuleIndex configurationRules() {
        return new ConfigurationRuleIndex();
    }
}
