package io.cpqoms.catalog.domain;

import io.cpqoms.catalog.api.CatalogDocument;
import io.cpqoms.catalog.api.CharacteristicSpecification;
import io.cpqoms.catalog.api.CharacteristicValueType;
import io.cpqoms.catalog.api.OfferingLifecycle;
import io.cpqoms.catalog.api.PriceType;
import io.cpqoms.catalog.api.ProductOffering;
import io.cpqoms.catalog.api.ProductOfferingPrice;
import io.cpqoms.catalog.api.ProductOfferingRelationship;
import io.cpqoms.catalog.api.ProductSpecification;
import io.cpqoms.catalog.api.RecurringPeriod;
import io.cpqoms.catalog.api.RelationshipType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Small catalog documents for the rule tests. */
final class Catalogs {

    static final Instant JAN_2026 = Instant.parse("2026-01-01T00:00:00Z");

    private Catalogs() {
    }

    static ProductSpecification spec(String id, CharacteristicSpecification... characteristics) {
        return new ProductSpecification(id, "Spec " + id, null, null, List.of(characteristics), List.of());
    }

    static CharacteristicSpecification characteristic(String name, CharacteristicValueType type, String defaultValue,
                                                      String... allowed) {
        return new CharacteristicSpecification(name, null, type, true, null, List.of(allowed), defaultValue);
    }

    static ProductOffering offering(String id, String specId, ProductOfferingRelationship... relationships) {
        return new ProductOffering(id, "Offering " + id, null, specId, OfferingLifecycle.ACTIVE, JAN_2026, null,
                false, List.of("DIRECT_SALES"), List.of("ENTERPRISE"),
                List.of(monthly("pop_" + id, "100.00")), List.of(relationships));
    }

    static ProductOffering bundle(String id, String specId, ProductOfferingRelationship... children) {
        ProductOffering o = offering(id, specId, children);
        return new ProductOffering(o.id(), o.name(), null, specId, o.lifecycleStatus(), o.validFrom(), null, true,
                o.channels(), o.customerSegments(), List.of(), o.relationships());
    }

    static ProductOffering withLifecycle(ProductOffering o, OfferingLifecycle lifecycle, Instant from, Instant to) {
        return new ProductOffering(o.id(), o.name(), o.description(), o.productSpecificationId(), lifecycle, from, to,
                o.bundle(), o.channels(), o.customerSegments(), o.prices(), o.relationships());
    }

    static ProductOffering withPrices(ProductOffering o, ProductOfferingPrice... prices) {
        return new ProductOffering(o.id(), o.name(), o.description(), o.productSpecificationId(), o.lifecycleStatus(),
                o.validFrom(), o.validTo(), o.bundle(), o.channels(), o.customerSegments(), List.of(prices),
                o.relationships());
    }

    static ProductOfferingPrice monthly(String id, String amount) {
        return new ProductOfferingPrice(id, "Monthly " + id, PriceType.RECURRING, RecurringPeriod.MONTH,
                new BigDecimal(amount), "USD");
    }

    static ProductOfferingRelationship requires(String offeringId) {
        return new ProductOfferingRelationship(RelationshipType.REQUIRES, offeringId, null, null);
    }

    static ProductOfferingRelationship excludes(String offeringId) {
        return new ProductOfferingRelationship(RelationshipType.EXCLUDES, offeringId, null, null);
    }

    static ProductOfferingRelationship child(String offeringId, Integer min, Integer max) {
        return new ProductOfferingRelationship(RelationshipType.BUNDLE_CHILD, offeringId, min, max);
    }

    static CatalogDocument document(List<ProductSpecification> specs, ProductOffering... offerings) {
        return new CatalogDocument(specs, new ArrayList<>(List.of(offerings)));
    }

    /** A valid document: fiber, router requiring fiber, and a bundle of both. */
    static CatalogDocument valid() {
        return document(List.of(spec("ps_fiber", characteristic("bandwidth", CharacteristicValueType.INTEGER, "100", "100", "500")),
                        spec("ps_router"), spec("ps_bundle")),
                offering("po_fiber", "ps_fiber"),
                offering("po_router", "ps_router", requires("po_fiber")),
                bundle("po_bundle", "ps_bundle", child("po_fiber", 1, 1), child("po_router", 0, 2)));
    }
}
