package io.cpqoms.catalog.domain;

import io.cpqoms.catalog.api.CatalogDocument;
import io.cpqoms.catalog.api.ProductOffering;
import io.cpqoms.catalog.api.ProductSpecification;
import io.cpqoms.catalog.api.CoverageArea;
import io.cpqoms.catalog.api.Promotion;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** A catalog document indexed for one use, for example a draft a catalog administrator tries configurations on. */
public final class DocumentCatalog implements CatalogIndex {

    private final UUID versionId;
    private final Map<String, ProductOffering> offerings = new LinkedHashMap<>();
    private final Map<String, ProductSpecification> specifications = new LinkedHashMap<>();
    private final Map<String, CoverageArea> coverageAreas = new HashMap<>();
    private final CatalogDocument document;

    public DocumentCatalog(UUID versionId, CatalogDocument document) {
        this.versionId = versionId;
        this.document = document;
        document.productSpecifications().forEach(s -> specifications.putIfAbsent(s.id(), s));
        document.productOfferings().forEach(o -> offerings.putIfAbsent(o.id(), o));
        document.coverageAreas().forEach(a -> coverageAreas.putIfAbsent(a.id(), a));
    }

    @Override
    public UUID versionId() {
        return versionId;
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
    public Collection<ProductOffering> offerings() {
        return offerings.values();
    }

    @Override
    public Optional<CoverageArea> coverageArea(String id) {
        return Optional.ofNullable(coverageAreas.get(id));
    }

    @Override
    public List<Promotion> promotions() {
        return document.promotions();
    }

    @Override
    public BigDecimal taxRatePercent() {
        return document.taxRatePercent();
    }
}
