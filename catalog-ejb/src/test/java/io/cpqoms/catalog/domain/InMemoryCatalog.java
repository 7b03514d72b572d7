package io.cpqoms.catalog.domain;

import io.cpqoms.catalog.api.CatalogDocument;
import io.cpqoms.catalog.api.CoverageArea;
import io.cpqoms.catalog.api.ProductOffering;
import io.cpqoms.catalog.api.ProductSpecification;
import io.cpqoms.catalog.api.Promotion;
import io.cpqoms.kernel.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** A catalog version held in memory, for the configurator, pricing pipeline and eligibility tests. */
final class InMemoryCatalog implements CatalogIndex {

    static final Path DEMO_CATALOG = Path.of("../server-config/src/main/demo/demo-catalog.json");

    private final UUID versionId;
    private final Map<String, ProductOffering> offerings = new LinkedHashMap<>();
    private final Map<String, ProductSpecification> specifications = new LinkedHashMap<>();
    private final Map<String, CoverageArea> coverageAreas = new LinkedHashMap<>();
    private final List<Promotion> promotions;
    private final BigDecimal taxRatePercent;

    InMemoryCatalog(UUID versionId, CatalogDocument document) {
        this.versionId = versionId;
        this.promotions = document.promotions();
        this.taxRatePercent = document.taxRatePercent();
        document.productSpecifications().forEach(s -> specifications.put(s.id(), s));
        document.productOfferings().forEach(o -> offerings.put(o.id(), o));
        document.coverageAreas().forEach(a -> coverageAreas.put(a.id(), a));
    }

    static InMemoryCatalog of(CatalogDocument document) {
        return new InMemoryCatalog(UUID.randomUUID(), document);
    }

    /** The catalog the product ships as its demo. */
    static CatalogDocument demoDocument() {
        try {
            return Json.read(Files.readString(DEMO_CATALOG), CatalogDocument.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
        return promotions;
    }

    @Override
    public BigDecimal taxRatePercent() {
        return taxRatePercent;
    }
}
