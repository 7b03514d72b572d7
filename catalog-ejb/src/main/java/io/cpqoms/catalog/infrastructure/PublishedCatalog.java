package io.cpqoms.catalog.infrastructure;

import io.cpqoms.catalog.api.CatalogVersionView;
import io.cpqoms.catalog.api.CoverageArea;
import io.cpqoms.catalog.api.ProductOffering;
import io.cpqoms.catalog.api.ProductSpecification;
import io.cpqoms.catalog.api.Promotion;
import java.math.BigDecimal;
import java.util.List;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import io.cpqoms.catalog.domain.CatalogIndex;
import io.cpqoms.catalog.domain.ConfigurationRuleIndex;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A published catalog version indexed for lookups, with its configuration rules compiled. It never
 * changes, so it is shared freely.
 */
public final class PublishedCatalog implements CatalogIndex {

    private final String tenantId;
    private final CatalogVersionView version;
    private final Map<String, ProductOffering> offerings;
    private final Map<String, ProductSpecification> specifications;
    private final Map<String, CoverageArea> coverageAreas;
    private final List<Promotion> promotions;
    private final BigDecimal taxRatePercent;
    private final ConfigurationRuleIndex configurationRules = new ConfigurationRuleIndex();

    PublishedCatalog(String tenantId, CatalogVersionView version, Collection<ProductSpecification> specifications,
                     Collection<ProductOffering> offerings, Collection<CoverageArea> coverageAreas,
                     List<Promotion> promotions, BigDecimal taxRatePercent) {
        this.tenantId = tenantId;
        this.version = version;
        this.offerings = index(offerings, ProductOffering::id);
        this.specifications = index(specifications, ProductSpecification::id);
        this.coverageAreas = index(coverageAreas, CoverageArea::id);
        this.promotions = List.copyOf(promotions);
        this.taxRatePercent = taxRatePercent;
    }

    private static <T> Map<String, T> index(Collection<T> items, Function<T, String> id) {
        return items.stream().collect(Collectors.toMap(id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
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
        return offerings.values();
    }

    @Override
    public Optional<ProductOffering> offering(String id) {
        return Optional.ofNullable(offerings.get(id));
    }

    @Override
    public Optional<ProductSpecification> specification(String id) {
        return Optional.ofNullable(specifications.get(id));
    }

    @Override
    public Optional<CoverageArea> coverageArea(String id) {
        return Optional.ofNullable(coverageAreas.get(id));
    }

    @Override
    public List<Promotion> promotions() {
        return promotions;
    }

    @Override
    public BigDecimal taxRatePercent() {
        return taxRatePercent;
    }

    /** Compiled once per specification and offering on first use, then shared by every evaluation. */
    @Override
    public ConfigurationRuleIndex configurationRules() {
        return configurationRules;
    }
}
