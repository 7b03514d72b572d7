package io.cpqoms.catalog.domain;

import io.cpqoms.catalog.api.CatalogDocument;
import io.cpqoms.catalog.api.ProductOffering;
import io.cpqoms.catalog.api.ProductSpecification;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** A catalog document indexed for one use, for example a draft a catalog administrator tries configurations on. */
public final class DocumentCatalog implements CatalogIndex {

    private final UUID versionId;
    private final Map<String, ProductOffering> offerings = new HashMap<>();
    private final Map<String, ProductSpecification> specifications = new HashMap<>();

    public DocumentCatalog(UUID versionId, CatalogDocument document) {
        this.versionId = versionId;
        document.productSpecifications().forEach(s -> specifications.putIfAbsent(s.id(), s));
        document.productOfferings().forEach(o -> offerings.putIfAbsent(o.id(), o));
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
}
