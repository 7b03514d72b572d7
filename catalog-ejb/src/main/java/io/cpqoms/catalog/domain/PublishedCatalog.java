package io.cpqoms.catalog.domain;

import io.cpqoms.catalog.api.CatalogDocument;
import io.cpqoms.catalog.api.CatalogVersionView;
import io.cpqoms.catalog.api.CoverageArea;
import io.cpqoms.catalog.api.ProductOffering;
import io.cpqoms.catalog.api.ProductSpecification;
import io.cpqoms.catalog.api.Promotion;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A published catalog version indexed for lookups, with its configuration rules compiled. It never
 * changes, so it is shared freely.
 */
public final class PublishedCatalog implements CatalogIndex {

    private final String tenantId;
    private final CatalogVersionView version;
    private final DocumentCatalog content;
    private final ConfigurationRuleIndex configurationRules = new ConfigurationRuleIndex();

    public PublishedCatalog(String tenantId, CatalogVersionView version, CatalogDocument document) {
        this.tenantId = tenantId;
        this.version = version;
        this.content = new DocumentCatalog(version.id(), document);
    }

    public String tenantId() {
        return tenantId;
    }

    public CatalogVersionView version() {
        return version;
    }

    @Override
    public UUID versionId() {
        return version.id();
    }

    @Override
    public Collection<ProductOffering> offerings() {
        return content.offerings();
    }

    @Override
    public Optional<ProductOffering> offering(String id) {
        return content.offering(id);
    }

    @Override
    public Optional<ProductSpecification> specification(String id) {
        return content.specification(id);
    }

    @Override
    public Optional<CoverageArea> coverageArea(String id) {
        return content.coverageArea(id);
    }

    @Override
    public List<Promotion> promotions() {
        return content.promotions();
    }

    @Override
    public BigDecimal taxRatePercent() {
        return content.taxRatePercent();
    }

    /** Compiled once per specification and offering on first use, then shared by every evaluation. */
    @Override
    public ConfigurationRuleIndex configurationRules() {
        return configurationRules;
    }
}
