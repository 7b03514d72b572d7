package io.cpqoms.catalog.domain;

import io.cpqoms.catalog.api.ProductOffering;
import io.cpqoms.catalog.api.ProductSpecification;
import java.util.Optional;
import java.util.UUID;

/** Lookups into one catalog version. */
public interface CatalogIndex {

    UUID versionId();

    Optional<ProductOffering> offering(String id);

    Optional<ProductSpecification> specification(String id);

    /**
     * The version's configuration rules, compiled. This default compiles them anew for every caller; an
     * index of a published version keeps one instance, since the version never changes.
     */
    default ConfigurationRuleIndex configurationRules() {
        return new ConfigurationRuleIndex();
    }
}
