package io.cpqoms.catalog.api;

import java.util.List;

/**
 * A whole catalog: what a draft version holds and what a published version freezes. It is imported
 * as one document and validated as a whole.
 */
public record CatalogDocument(List<ProductSpecification> productSpecifications,
                              List<ProductOffering> productOfferings) {

    public CatalogDocument {
        productSpecifications = productSpecifications == null ? List.of() : List.copyOf(productSpecifications);
        productOfferings = productOfferings == null ? List.of() : List.copyOf(productOfferings);
    }

    public static CatalogDocument empty() {
        return new CatalogDocument(List.of(), List.of());
    }
}
