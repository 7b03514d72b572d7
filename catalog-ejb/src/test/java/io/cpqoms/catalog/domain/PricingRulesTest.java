package io.cpqoms.catalog.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cpqoms.catalog.api.CatalogDocument;
import io.cpqoms.catalog.api.CharacteristicValueType;
import io.cpqoms.catalog.api.DiscountDefinition;
import io.cpqoms.catalog.api.DiscountKind;
import io.cpqoms.catalog.api.PriceTier;
import io.cpqoms.catalog.api.PriceType;
import io.cpqoms.catalog.api.ProductOffering;
import io.cpqoms.catalog.api.ProductOfferingPrice;
import io.cpqoms.catalog.api.Promotion;
import io.cpqoms.catalog.api.RecurringPeriod;
import io.cpqoms.catalog.api.TierMode;
import io.cpqoms.kernel.Violation;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The catalog rules of pricing definitions: tiers, costs, discounts, promotions, the tax rate. */
class PricingRulesTest {

    private static final Instant FROM = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2027-01-01T00:00:00Z");

    /** The valid document of {@link Catalogs#valid()}, with the given changes. */
    private static CatalogDocument with(List<ProductOffering> offerings, List<Promotion> promotions, String taxRate) {
        return new CatalogDocument(Catalogs.valid().productSpecifications(), offerings, List.of(), promotions,
                taxRate == null ? null : new BigDecimal(taxRate));
    }

    private static List<ProductOffering> replacing(ProductOffering changed) {
        List<ProductOffering> offerings = new ArrayList<>();
        Catalogs.valid().productOfferings().forEach(o -> offerings.add(o.id().equals(changed.id()) ? changed : o));
        return offerings;
    }

    private static ProductOffering fiber() {
        return Catalogs.valid().productOfferings().get(0);
    }

    private static ProductOffering bundle() {
        return Catalogs.valid().productOfferings().get(2);
    }

    private static ProductOffering withPrice(ProductOffering o, ProductOfferingPrice price) {
        return Catalogs.withPrices(o, price);
    }

    private static ProductOffering withDiscounts(ProductOffering o, DiscountDefinition... discounts) {
        return new ProductOffering(o.id(), o.name(), o.description(), o.productSpecificationId(), o.lifecycleStatus(),
                o.validFrom(), o.validTo(), o.bundle(), o.channels(), o.customerSegments(), o.prices(), o.relationships(),
                o.coverageAreaIds(), o.promotional(), List.of(discounts), o.configurationRules());
    }

    private static ProductOfferingPrice monthly(TierMode mode, List<PriceTier> tiers, String unitCost) {
        return new ProductOfferingPrice("pop_tiered", "Tiered", PriceType.RECURRING, RecurringPeriod.MONTH,
                new BigDecimal("10.00"), "USD", mode, tiers, unitCost == null ? null : new BigDecimal(unitCost));
    }

    private static PriceTier tier(String from, String to, String amount) {
        return new PriceTier(new BigDecimal(from), to == null ? null : new BigDecimal(to), new BigDecimal(amount));
    }

    private static DiscountDefinition discount(String id, DiscountKind kind, String characteristic, String value,
                                               String percent) {
        return new DiscountDefinition(id, kind, characteristic, value, PriceType.RECURRING,
                percent == null ? null : new BigDecimal(percent));
    }

    private static Promotion promotion(String id, List<String> offerings, String percent, String amount, Instant from,
                                       Instant to) {
        return new Promotion(id, "Promotion " + id, offerings, PriceType.ONE_TIME,
                percent == null ? null : new BigDecimal(percent), amount == null ? null : new BigDecimal(amount), from, to);
    }

    private static List<Violation> tiers(PriceTier... tiers) {
        return CatalogRules.check(with(replacing(withPrice(fiber(), monthly(TierMode.SLAB, List.of(tiers), null))),
                List.of(), null));
    }

    private static Violation only(List<Violation> violations) {
        assertEquals(1, violations.size(), () -> "expected one violation, got " + violations);
        return violations.get(0);
    }

    private static Violation only(CatalogDocument document) {
        return only(CatalogRules.check(document));
    }

    // --- tiers and costs ---------------------------------------------------------------------

    @Test
    void contiguousTiersFromOneAreFine() {
        assertEquals(List.of(), tiers(tier("1", "5", "10.00"), tier("5", "17", "8.00"), tier("17", null, "6.00")));
        assertEquals(List.of(), tiers(tier("1", null, "10.00")));
    }

    @Test
    void theFirstTierStartsAtOne() {
        Violation v = only(tiers(tier("2", null, "10.00")));
        assertEquals(PricingRules.PRICE_TIERS_NOT_CONTIGUOUS, v.rule());
        assertEquals("productOfferings[po_fiber].prices[0].tiers[0].fromQuantity", v.target());
    }

    @Test
    void tiersHaveNoGap() {
        Violation v = only(tiers(tier("1", "5", "10.00"), tier("6", null, "8.00")));
        assertEquals(PricingRules.PRICE_TIERS_NOT_CONTIGUOUS, v.rule());
        assertEquals("productOfferings[po_fiber].prices[0].tiers[1].fromQuantity", v.target());
        assertTrue(v.message().contains("have no tier"), v.message());
    }

    @Test
    void tiersDoNotOverlap() {
        Violation v = only(tiers(tier("1", "5", "10.00"), tier("4", null, "8.00")));
        assertEquals(PricingRules.PRICE_TIERS_NOT_CONTIGUOUS, v.rule());
        assertTrue(v.message().contains("overlap"), v.message());
    }

    @Test
    void onlyTheLastTierIsOpenEnded() {
        Violation v = only(tiers(tier("1", null, "10.00"), tier("5", null, "8.00")));
        assertEquals(PricingRules.PRICE_TIERS_NOT_CONTIGUOUS, v.rule());
        assertEquals("productOfferings[po_fiber].prices[0].tiers[1]", v.target());
    }

    @Test
    void aTierEndsAfterItStartsAndHasWholeBounds() {
        assertEquals(PricingRules.PRICE_TIER_RANGE_INVALID, only(tiers(tier("1", "1", "10.00"))).rule());
        assertEquals(PricingRules.PRICE_TIER_RANGE_INVALID, only(tiers(tier("1", "2.5", "10.00"))).rule());
    }

    @Test
    void aTierHasAPositiveUnitAmount() {
        Violation v = only(tiers(tier("1", "5", "10.00"), tier("5", null, "0")));
        assertEquals(PricingRules.PRICE_TIER_AMOUNT_NOT_POSITIVE, v.rule());
        assertEquals("productOfferings[po_fiber].prices[0].tiers[1].unitAmount", v.target());
    }

    @Test
    void tiersNeedAModeAndAModeNeedsTiers() {
        Violation missing = only(with(replacing(withPrice(fiber(), monthly(null, List.of(tier("1", null, "5")), null))),
                List.of(), null));
        assertEquals(CatalogRules.REQUIRED_FIELD_MISSING, missing.rule());
        assertEquals("productOfferings[po_fiber].prices[0].tierMode", missing.target());

        Violation idle = only(with(replacing(withPrice(fiber(), monthly(TierMode.RANGE, List.of(), null))), List.of(), null));
        assertEquals(PricingRules.PRICE_TIER_MODE_WITHOUT_TIERS, idle.rule());
    }

    @Test
    void aUnitCostIsNotNegative() {
        Violation v = only(with(replacing(withPrice(fiber(), monthly(null, List.of(), "-1"))), List.of(), null));
        assertEquals(PricingRules.PRICE_UNIT_COST_NEGATIVE, v.rule());
        assertEquals("productOfferings[po_fiber].prices[0].unitCost", v.target());
    }

    // --- discounts ---------------------------------------------------------------------------

    @Test
    void aContractTermDiscountNamesACharacteristicAndValueOfTheSpecification() {
        assertEquals(List.of(), CatalogRules.check(with(replacing(withDiscounts(fiber(),
                discount("d_100", DiscountKind.CONTRACT_TERM, "bandwidth", "500", "10"))), List.of(), null)));

        Violation unknown = only(with(replacing(withDiscounts(fiber(),
                discount("d_x", DiscountKind.CONTRACT_TERM, "contractTermMonths", "36", "10"))), List.of(), null));
        assertEquals(PricingRules.DISCOUNT_CHARACTERISTIC_NOT_FOUND, unknown.rule());
        assertEquals("productOfferings[po_fiber].discounts[0].characteristic", unknown.target());

        Violation value = only(with(replacing(withDiscounts(fiber(),
                discount("d_y", DiscountKind.CONTRACT_TERM, "bandwidth", "250", "10"))), List.of(), null));
        assertEquals(PricingRules.DISCOUNT_VALUE_NOT_ALLOWED, value.rule());
        assertEquals("productOfferings[po_fiber].discounts[0].value", value.target());

        List<String> missing = CatalogRules.check(with(replacing(withDiscounts(fiber(),
                discount("d_z", DiscountKind.CONTRACT_TERM, null, null, "10"))), List.of(), null))
                .stream().map(Violation::target).toList();
        assertEquals(List.of("productOfferings[po_fiber].discounts[0].characteristic",
                "productOfferings[po_fiber].discounts[0].value"), missing);
    }

    @Test
    void aDiscountPercentageIsBetweenZeroAndHundred() {
        Violation v = only(with(replacing(withDiscounts(fiber(),
                discount("d_big", DiscountKind.CONTRACT_TERM, "bandwidth", "500", "100.5"))), List.of(), null));
        assertEquals(PricingRules.PERCENTAGE_OUT_OF_RANGE, v.rule());
        assertEquals("productOfferings[po_fiber].discounts[0].percentOff", v.target());
        assertEquals(PricingRules.PERCENTAGE_OUT_OF_RANGE, only(with(replacing(withDiscounts(fiber(),
                discount("d_neg", DiscountKind.CONTRACT_TERM, "bandwidth", "500", "-1"))), List.of(), null)).rule());
        assertEquals(List.of(), CatalogRules.check(with(replacing(withDiscounts(fiber(),
                discount("d_all", DiscountKind.CONTRACT_TERM, "bandwidth", "500", "100"))), List.of(), null)));
    }

    @Test
    void aBundleDiscountBelongsToABundle() {
        assertEquals(List.of(), CatalogRules.check(with(replacing(withDiscounts(bundle(),
                discount("d_bundle", DiscountKind.BUNDLE, null, null, "5"))), List.of(), null)));
        Violation v = only(with(replacing(withDiscounts(fiber(), discount("d_bundle", DiscountKind.BUNDLE, null, null, "5"))),
                List.of(), null));
        assertEquals(PricingRules.DISCOUNT_BUNDLE_ON_NON_BUNDLE, v.rule());
        assertEquals("productOfferings[po_fiber].discounts[0].kind", v.target());
    }

    @Test
    void aDiscountHasAnIdAKindATypeAndAPercentage() {
        List<String> targets = CatalogRules.check(with(replacing(withDiscounts(fiber(),
                new DiscountDefinition(null, null, null, null, null, null))), List.of(), null))
                .stream().map(Violation::target).toList();
        assertEquals(List.of("productOfferings[po_fiber].discounts[0].id", "productOfferings[po_fiber].discounts[0].kind",
                "productOfferings[po_fiber].discounts[0].appliesTo", "productOfferings[po_fiber].discounts[0].percentOff"),
                targets);
    }

    @Test
    void priceDiscountAndPromotionIdsShareOneNamespace() {
        Violation v = only(with(replacing(withDiscounts(fiber(),
                discount("pop_po_fiber", DiscountKind.CONTRACT_TERM, "bandwidth", "500", "10"))), List.of(), null));
        assertEquals(CatalogRules.DUPLICATE_ID, v.rule());
        assertEquals("productOfferings[po_fiber].discounts[0]", v.target());

        Violation promotion = only(with(Catalogs.valid().productOfferings(), List.of(
                promotion("promo", List.of("po_fiber"), "10", null, FROM, TO),
                promotion("promo", List.of("po_router"), "10", null, FROM, TO)), null));
        assertEquals(CatalogRules.DUPLICATE_ID, promotion.rule());
        assertEquals("promotions[promo]", promotion.target());
    }

    // --- promotions --------------------------------------------------------------------------

    @Test
    void aValidPromotionBreaksNoRule() {
        assertEquals(List.of(), CatalogRules.check(with(Catalogs.valid().productOfferings(), List.of(
                promotion("p1", List.of("po_fiber", "po_router"), "10", null, FROM, TO),
                promotion("p2", List.of("po_fiber"), null, "25.00", FROM, null)), "11")));
    }

    @Test
    void aPromotionGivesExactlyOneOfPercentOffAndAmountOff() {
        Violation both = only(with(Catalogs.valid().productOfferings(),
                List.of(promotion("p", List.of("po_fiber"), "10", "5.00", FROM, TO)), null));
        assertEquals(PricingRules.PROMOTION_BENEFIT_INVALID, both.rule());
        assertEquals("promotions[p]", both.target());
        assertEquals(PricingRules.PROMOTION_BENEFIT_INVALID, only(with(Catalogs.valid().productOfferings(),
                List.of(promotion("p", List.of("po_fiber"), null, null, FROM, TO)), null)).rule());
    }

    @Test
    void aPromotionsBenefitIsInRange() {
        Violation percent = only(with(Catalogs.valid().productOfferings(),
                List.of(promotion("p", List.of("po_fiber"), "150", null, FROM, TO)), null));
        assertEquals(PricingRules.PERCENTAGE_OUT_OF_RANGE, percent.rule());
        assertEquals("promotions[p].percentOff", percent.target());
        Violation amount = only(with(Catalogs.valid().productOfferings(),
                List.of(promotion("p", List.of("po_fiber"), null, "-5", FROM, TO)), null));
        assertEquals(PricingRules.PROMOTION_AMOUNT_OFF_NEGATIVE, amount.rule());
    }

    @Test
    void aPromotionHasAWindowThatEndsAfterItStarts() {
        Violation v = only(with(Catalogs.valid().productOfferings(),
                List.of(promotion("p", List.of("po_fiber"), "10", null, TO, FROM)), null));
        assertEquals(PricingRules.PROMOTION_VALIDITY_WINDOW_INVALID, v.rule());
        assertEquals("promotions[p].validTo", v.target());
        Violation start = only(with(Catalogs.valid().productOfferings(),
                List.of(promotion("p", List.of("po_fiber"), "10", null, null, TO)), null));
        assertEquals(CatalogRules.REQUIRED_FIELD_MISSING, start.rule());
        assertEquals("promotions[p].validFrom", start.target());
    }

    @Test
    void aPromotionListsKnownOfferings() {
        Violation v = only(with(Catalogs.valid().productOfferings(),
                List.of(promotion("p", List.of("po_fiber", "po_ghost"), "10", null, FROM, TO)), null));
        assertEquals(PricingRules.PROMOTION_OFFERING_NOT_FOUND, v.rule());
        assertEquals("promotions[p].offeringIds[1]", v.target());
        Violation none = only(with(Catalogs.valid().productOfferings(),
                List.of(promotion("p", List.of(), "10", null, FROM, TO)), null));
        assertEquals("promotions[p].offeringIds", none.target());
    }

    @Test
    void theTaxRateIsAPercentage() {
        Violation v = only(with(Catalogs.valid().productOfferings(), List.of(), "101"));
        assertEquals(PricingRules.PERCENTAGE_OUT_OF_RANGE, v.rule());
        assertEquals("taxRatePercent", v.target());
    }

    @Test
    void theShippedDemoCatalogDefinesEveryKindOfPricingRule() {
        CatalogDocument demo = InMemoryCatalog.demoDocument();
        assertEquals(List.of(), CatalogRules.check(demo));
        assertTrue(demo.productOfferings().stream().flatMap(o -> o.discounts().stream())
                .anyMatch(d -> d.kind() == DiscountKind.CONTRACT_TERM));
        assertTrue(demo.productOfferings().stream().flatMap(o -> o.discounts().stream())
                .anyMatch(d -> d.kind() == DiscountKind.BUNDLE));
        assertTrue(demo.productOfferings().stream().flatMap(o -> o.prices().stream()).anyMatch(p -> !p.tiers().isEmpty()));
        assertTrue(demo.productOfferings().stream().flatMap(o -> o.prices().stream()).anyMatch(p -> p.unitCost() != null));
        assertTrue(demo.productOfferings().stream().flatMap(o -> o.prices().stream())
                .anyMatch(p -> p.priceType() == PriceType.USAGE));
        assertEquals(1, demo.promotions().size());
        assertEquals(new BigDecimal("10"), demo.taxRatePercent());
        assertEquals(CharacteristicValueType.INTEGER, demo.productSpecifications().get(0).characteristics().stream()
                .filter(c -> c.name().equals("contractTermMonths")).findFirst().orElseThrow().valueType());
    }
}
