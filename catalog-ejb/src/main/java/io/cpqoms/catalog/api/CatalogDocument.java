package io.cpqoms.catalog.api;

import jakarta.json.bind.annotation.JsonbCreator;
import java.math.BigDecimal;
import java.util.List;

/**
 * A whole catalog: what a draft version holds and what a published version freezes. It is imported
 * as one document and validated as a whole. Besides specifications and offerings it holds the
 * coverage areas eligibility checks locations against, the promotions, and the tax rate placeholder
 * pricing applies last.
 */
public record CatalogDocument(List<ProductSpecification> productSpecifications,
                              List<ProductOffering> productOfferings,
                              List<CoverageArea> coverageAreas,
                              List<Promotion> promotions,
                              BigDecimal taxRatePercent) {

    @JsonbCreator
    public CatalogDocument {
        coverageAreas = coverageAreas == null ? List.of() : List.copyOf(coverageAreas);
        promotions = promotions == null ? List.of() : List.copyOf(promotions);
        productSpecifications = productSpecifications == null ? List.of() : List.copyOf(productSpecifications);
        productOfferings = productOfferings == null ? List.of() : List.copyOf(productOfferings);
    }

    public CatalogDocument(List<ProductSpecification> productSpecifications, List<ProductOffering> productOfferings) {
        this(productSpecifications, productOfferings, List.of(), List.of(), null);
    }

    public static CatalogDocument empty() {
        return new CatalogDocument(List.of(), List.of());
    }
}
