package io.cpqoms.catalog.domain;

import static io.cpqoms.catalog.domain.Catalogs.bundle;
import static io.cpqoms.catalog.domain.Catalogs.characteristic;
import static io.cpqoms.catalog.domain.Catalogs.child;
import static io.cpqoms.catalog.domain.Catalogs.document;
import static io.cpqoms.catalog.domain.Catalogs.excludes;
import static io.cpqoms.catalog.domain.Catalogs.monthly;
import static io.cpqoms.catalog.domain.Catalogs.offering;
import static io.cpqoms.catalog.domain.Catalogs.requires;
import static io.cpqoms.catalog.domain.Catalogs.spec;
import static io.cpqoms.catalog.domain.Catalogs.withLifecycle;
import static io.cpqoms.catalog.domain.Catalogs.withPrices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cpqoms.catalog.api.CatalogDocument;
import io.cpqoms.catalog.api.CharacteristicValueType;
import io.cpqoms.catalog.api.OfferingLifecycle;
import io.cpqoms.catalog.api.PriceType;
import io.cpqoms.catalog.api.ProductOfferingPrice;
import io.cpqoms.catalog.api.RecurringPeriod;
import io.cpqoms.kernel.Json;
import io.cpqoms.kernel.Violation;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogRulesTest {

    private static List<String> rules(CatalogDocument document) {
        return CatalogRules.check(document).stream().map(Violation::rule).toList();
    }

    private static Violation only(CatalogDocument document) {
        List<Violation> violations = CatalogRules.check(document);
        assertEquals(1, violations.size(), () -> "expected one violation, got " + violations);
        return violations.get(0);
    }

    @Test
    void aConsistentDocumentBreaksNoRule() {
        assertEquals(List.of(), CatalogRules.check(Catalogs.valid()));
    }

    @Test
    void theShippedDemoCatalogBreaksNoRule() throws Exception {
        String json = Files.readString(Path.of("../server-config/src/main/demo/demo-catalog.json"));
        CatalogDocument demo = Json.read(json, CatalogDocument.class);
        assertEquals(List.of(), CatalogRules.check(demo));
        assertTrue(demo.productOfferings().size() >= 5);
    }

    @Test
    void anOfferingMustReferenceAnExistingSpecification() {
        Violation v = only(document(List.of(spec("ps_a")), offering("po_a", "ps_missing")));
        assertEquals(CatalogRules.OFFERING_SPECIFICATION_NOT_FOUND, v.rule());
        assertEquals("productOfferings[po_a].productSpecificationId", v.target());
        assertTrue(v.message().contains("ps_missing"));
    }

    @Test
    void requiresMayNotFormACycleAndTheCycleIsNamed() {
        Violation v = only(document(List.of(spec("ps")),
                offering("po_a", "ps", requires("po_b")),
                offering("po_b", "ps", requires("po_c")),
                offering("po_c", "ps", requires("po_a"))));
        assertEquals(CatalogRules.REQUIRES_CYCLE, v.rule());
        assertTrue(v.message().contains("po_a requires po_b requires po_c requires po_a"), v.message());
    }

    @Test
    void aChainOfRequiresWithoutCycleIsFine() {
        assertEquals(List.of(), rules(document(List.of(spec("ps")),
                offering("po_a", "ps", requires("po_b")),
                offering("po_b", "ps", requires("po_c")),
                offering("po_c", "ps"),
                offering("po_d", "ps", requires("po_c")))));
    }

    @Test
    void aBundleMayNotContainItselfThroughOtherBundles() {
        List<String> rules = rules(document(List.of(spec("ps")),
                offering("po_leaf", "ps"),
                bundle("po_x", "ps", child("po_y", 1, 1), child("po_leaf", 1, 1)),
                bundle("po_y", "ps", child("po_x", 1, 1))));
        assertEquals(List.of(CatalogRules.BUNDLE_CYCLE), rules);
    }

    @Test
    void relationshipsMustPointAtOfferingsOfTheSameCatalog() {
        Violation v = only(document(List.of(spec("ps")), offering("po_a", "ps", excludes("po_ghost"))));
        assertEquals(CatalogRules.RELATIONSHIP_TARGET_NOT_FOUND, v.rule());
        assertEquals("productOfferings[po_a].relationships[0].offeringId", v.target());
    }

    @Test
    void anOfferingCannotRelateToItself() {
        assertEquals(List.of(CatalogRules.RELATIONSHIP_SELF_REFERENCE),
                rules(document(List.of(spec("ps")), offering("po_a", "ps", requires("po_a")))));
    }

    @Test
    void requiringAndExcludingTheSameOfferingContradicts() {
        assertEquals(List.of(CatalogRules.REQUIRES_EXCLUDES_CONFLICT), rules(document(List.of(spec("ps")),
                offering("po_a", "ps", requires("po_b"), excludes("po_b")), offering("po_b", "ps"))));
    }

    @Test
    void duplicateRelationshipsAreReported() {
        assertEquals(List.of(CatalogRules.RELATIONSHIP_DUPLICATE), rules(document(List.of(spec("ps")),
                offering("po_a", "ps", requires("po_b"), requires("po_b")), offering("po_b", "ps"))));
    }

    @Test
    void onlyBundlesHaveChildrenAndBundlesNeedThem() {
        assertEquals(List.of(CatalogRules.BUNDLE_CHILD_ON_NON_BUNDLE), rules(document(List.of(spec("ps")),
                offering("po_a", "ps", child("po_b", 1, 1)), offering("po_b", "ps"))));
        assertEquals(List.of(CatalogRules.BUNDLE_WITHOUT_CHILDREN),
                rules(document(List.of(spec("ps")), bundle("po_empty", "ps"))));
    }

    @Test
    void bundleCardinalityMustBeARange() {
        assertEquals(List.of(CatalogRules.BUNDLE_CARDINALITY_INVALID), rules(document(List.of(spec("ps")),
                offering("po_a", "ps"), bundle("po_b", "ps", child("po_a", 3, 2)))));
        assertEquals(List.of(CatalogRules.BUNDLE_CARDINALITY_INVALID), rules(document(List.of(spec("ps")),
                offering("po_a", "ps"), bundle("po_b", "ps", child("po_a", 0, 0)))));
        assertEquals(List.of(), rules(document(List.of(spec("ps")),
                offering("po_a", "ps"), bundle("po_b", "ps", child("po_a", null, null)))));
    }

    @Test
    void idsAreUniqueAcrossTheDocument() {
        assertEquals(List.of(CatalogRules.DUPLICATE_ID, CatalogRules.DUPLICATE_ID), rules(document(
                List.of(spec("ps"), spec("ps")), offering("po_a", "ps"),
                withPrices(offering("po_b", "ps"), monthly("pop_po_a", "1.00")))));
    }

    @Test
    void requiredFieldsAreNamedByPath() {
        CatalogDocument doc = document(List.of(spec("ps")), withLifecycle(offering("po_a", "ps"), null, null, null));
        Violation v = only(doc);
        assertEquals(CatalogRules.REQUIRED_FIELD_MISSING, v.rule());
        assertEquals("productOfferings[po_a].lifecycleStatus", v.target());
    }

    @Test
    void theValidityWindowMustEndAfterItStarts() {
        Instant t = Instant.parse("2026-06-01T00:00:00Z");
        assertEquals(List.of(CatalogRules.OFFERING_VALIDITY_WINDOW_INVALID), rules(document(List.of(spec("ps")),
                withLifecycle(offering("po_a", "ps"), OfferingLifecycle.ACTIVE, t, t))));
    }

    @Test
    void pricesNeedAPositiveAmountAKnownCurrencyAndAPeriodWhenRecurring() {
        ProductOfferingPrice negative = new ProductOfferingPrice("p1", "n", PriceType.ONE_TIME, null, new BigDecimal("-1"), "USD");
        ProductOfferingPrice badCurrency = new ProductOfferingPrice("p2", "n", PriceType.ONE_TIME, null, BigDecimal.TEN, "XYZ");
        ProductOfferingPrice noPeriod = new ProductOfferingPrice("p3", "n", PriceType.RECURRING, null, BigDecimal.TEN, "EUR");
        ProductOfferingPrice periodOnOneTime = new ProductOfferingPrice("p4", "n", PriceType.ONE_TIME, RecurringPeriod.MONTH, BigDecimal.TEN, "EUR");
        assertEquals(List.of(CatalogRules.PRICE_AMOUNT_NEGATIVE, CatalogRules.PRICE_CURRENCY_UNKNOWN,
                        CatalogRules.PRICE_RECURRING_PERIOD_MISSING, CatalogRules.PRICE_RECURRING_PERIOD_NOT_APPLICABLE),
                rules(document(List.of(spec("ps")), withPrices(offering("po_a", "ps"), negative, badCurrency, noPeriod, periodOnOneTime))));
    }

    @Test
    void characteristicValuesMustHaveTheirTypeAndTheDefaultMustBeAllowed() {
        assertEquals(List.of(CatalogRules.CHARACTERISTIC_VALUE_TYPE_MISMATCH), rules(document(List.of(
                spec("ps", characteristic("bandwidth", CharacteristicValueType.INTEGER, null, "100", "fast"))))));
        assertEquals(List.of(CatalogRules.CHARACTERISTIC_DEFAULT_NOT_ALLOWED), rules(document(List.of(
                spec("ps", characteristic("term", CharacteristicValueType.INTEGER, "48", "12", "24"))))));
        assertEquals(List.of(CatalogRules.CHARACTERISTIC_DUPLICATE), rules(document(List.of(
                spec("ps", characteristic("a", CharacteristicValueType.STRING, null),
                        characteristic("a", CharacteristicValueType.STRING, null))))));
    }

    @Test
    void everyBrokenRuleIsReportedAtOnce() {
        List<String> rules = rules(document(List.of(spec("ps")),
                offering("po_a", "ps_missing", requires("po_ghost")),
                offering("po_b", "ps", requires("po_b"))));
        assertEquals(List.of(CatalogRules.OFFERING_SPECIFICATION_NOT_FOUND, CatalogRules.RELATIONSHIP_TARGET_NOT_FOUND,
                CatalogRules.RELATIONSHIP_SELF_REFERENCE), rules);
    }
}
