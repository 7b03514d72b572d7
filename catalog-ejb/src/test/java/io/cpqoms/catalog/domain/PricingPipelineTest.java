package io.cpqoms.catalog.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cpqoms.catalog.api.CatalogDocument;
import io.cpqoms.catalog.api.CharacteristicSpecification;
import io.cpqoms.catalog.api.CharacteristicValueType;
import io.cpqoms.catalog.api.Charge;
import io.cpqoms.catalog.api.DiscountDefinition;
import io.cpqoms.catalog.api.DiscountKind;
import io.cpqoms.catalog.api.LinePrice;
import io.cpqoms.catalog.api.LineAction;
import io.cpqoms.catalog.api.OfferingLifecycle;
import io.cpqoms.catalog.api.PriceOverride;
import io.cpqoms.catalog.api.PriceSignals;
import io.cpqoms.catalog.api.PriceSnapshot;
import io.cpqoms.catalog.api.PriceStep;
import io.cpqoms.catalog.api.PriceStepKind;
import io.cpqoms.catalog.api.PriceTier;
import io.cpqoms.catalog.api.PriceType;
import io.cpqoms.catalog.api.PricingLine;
import io.cpqoms.catalog.api.ProductOffering;
import io.cpqoms.catalog.api.ProductOfferingPrice;
import io.cpqoms.catalog.api.ProductOfferingRelationship;
import io.cpqoms.catalog.api.ProductSpecification;
import io.cpqoms.catalog.api.Promotion;
import io.cpqoms.catalog.api.RecurringPeriod;
import io.cpqoms.catalog.api.RecurringTotal;
import io.cpqoms.catalog.api.RelationshipType;
import io.cpqoms.catalog.api.TierMode;
import io.cpqoms.kernel.DomainException;
import io.cpqoms.kernel.Json;
import io.cpqoms.kernel.Violation;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The pricing pipeline: every rule type, the order in which they stack, the rounding rule and its edge
 * cases, the signals approval reads, and the evidence a snapshot carries.
 */
class PricingPipelineTest {

    private static final UUID VERSION = UUID.fromString("00000000-0000-0000-0000-00000000c001");
    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    private static final Instant PROMO_FROM = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant PROMO_TO = Instant.parse("2027-01-01T00:00:00Z");

    // --- a small catalog -------------------------------------------------------------------

    private static ProductOfferingPrice oneTime(String id, String amount, String currency) {
        return new ProductOfferingPrice(id, "One-time " + id, PriceType.ONE_TIME, null, new BigDecimal(amount), currency);
    }

    private static ProductOfferingPrice recurring(String id, RecurringPeriod period, String amount, String currency) {
        return new ProductOfferingPrice(id, "Recurring " + id, PriceType.RECURRING, period, new BigDecimal(amount), currency);
    }

    private static ProductOfferingPrice costed(ProductOfferingPrice p, String unitCost) {
        return new ProductOfferingPrice(p.id(), p.name(), p.priceType(), p.recurringPeriod(), p.amount(), p.currency(),
                p.tierMode(), p.tiers(), new BigDecimal(unitCost));
    }

    private static ProductOfferingPrice tiered(ProductOfferingPrice p, TierMode mode, PriceTier... tiers) {
        return new ProductOfferingPrice(p.id(), p.name(), p.priceType(), p.recurringPeriod(), p.amount(), p.currency(),
                mode, List.of(tiers), p.unitCost());
    }

    private static PriceTier tier(int from, Integer to, String unitAmount) {
        return new PriceTier(BigDecimal.valueOf(from), to == null ? null : BigDecimal.valueOf(to), new BigDecimal(unitAmount));
    }

    private static DiscountDefinition term(String id, String months, PriceType appliesTo, String percent) {
        return new DiscountDefinition(id, DiscountKind.CONTRACT_TERM, "contractTermMonths", months, appliesTo,
                new BigDecimal(percent));
    }

    private static DiscountDefinition bundleDiscount(String id, PriceType appliesTo, String percent) {
        return new DiscountDefinition(id, DiscountKind.BUNDLE, null, null, appliesTo, new BigDecimal(percent));
    }

    private static ProductOffering offering(String id, List<DiscountDefinition> discounts, ProductOfferingPrice... prices) {
        return new ProductOffering(id, "Offering " + id, null, "ps", OfferingLifecycle.ACTIVE, Catalogs.JAN_2026, null,
                false, List.of(), List.of(), List.of(prices), List.of(), List.of(), false, discounts, List.of());
    }

    private static ProductOffering bundle(String id, List<DiscountDefinition> discounts, String... children) {
        List<ProductOfferingRelationship> relationships = new ArrayList<>();
        for (String child : children) {
            relationships.add(new ProductOfferingRelationship(RelationshipType.BUNDLE_CHILD, child, 0, 5));
        }
        return new ProductOffering(id, "Bundle " + id, null, "ps", OfferingLifecycle.ACTIVE, Catalogs.JAN_2026, null,
                true, List.of(), List.of(), List.of(), relationships, List.of(), false, discounts, List.of());
    }

    private static Promotion percentPromotion(String id, String offeringId, PriceType appliesTo, String percent) {
        return new Promotion(id, "Promotion " + id, List.of(offeringId), appliesTo, new BigDecimal(percent), null,
                PROMO_FROM, PROMO_TO);
    }

    private static Promotion amountPromotion(String id, String offeringId, PriceType appliesTo, String amount) {
        return new Promotion(id, "Promotion " + id, List.of(offeringId), appliesTo, null, new BigDecimal(amount),
                PROMO_FROM, PROMO_TO);
    }

    private static final ProductSpecification SPEC = new ProductSpecification("ps", "Spec", null, null,
            List.of(new CharacteristicSpecification("contractTermMonths", null, CharacteristicValueType.INTEGER, true,
                    "months", List.of("12", "24", "36"), "12")), List.of());

    private static final List<ProductOffering> OFFERINGS = List.of(
            offering("po_fiber", List.of(term("term_fiber_36", "36", PriceType.RECURRING, "10"),
                            term("term_fiber_24", "24", PriceType.RECURRING, "5")),
                    costed(oneTime("fiber_install", "1500.00", "USD"), "900.00"),
                    costed(recurring("fiber_monthly", RecurringPeriod.MONTH, "1200.00", "USD"), "640.00")),
            offering("po_router", List.of(), oneTime("router_setup", "250.00", "USD"),
                    recurring("router_yearly", RecurringPeriod.YEAR, "10.00", "USD"),
                    recurring("router_monthly", RecurringPeriod.MONTH, "95.00", "USD")),
            offering("po_ip_range", List.of(), tiered(recurring("ip_range", RecurringPeriod.MONTH, "12.00", "USD"),
                    TierMode.RANGE, tier(1, 5, "12.00"), tier(5, 20, "10.00"), tier(20, null, "7.50"))),
            offering("po_ip_slab", List.of(), tiered(recurring("ip_slab", RecurringPeriod.MONTH, "10.00", "USD"),
                    TierMode.SLAB, tier(1, 5, "10.00"), tier(5, 17, "8.00"), tier(17, null, "6.00"))),
            offering("po_voice", List.of(), recurring("voice_monthly", RecurringPeriod.MONTH, "20.00", "USD"),
                    new ProductOfferingPrice("voice_minutes", "Minutes", PriceType.USAGE, null, new BigDecimal("0.02"), "USD",
                            null, List.of(), new BigDecimal("0.01"))),
            offering("po_promo", List.of(), oneTime("promo_install", "100.00", "USD")),
            offering("po_gift", List.of(), oneTime("gift_install", "50.00", "USD")),
            offering("po_cheap", List.of(), oneTime("cheap", "0.125", "USD")),
            offering("po_dime", List.of(term("dime_24", "24", PriceType.ONE_TIME, "5")), oneTime("dime", "0.10", "USD")),
            offering("po_free", List.of()),
            offering("po_euro", List.of(), recurring("euro_monthly", RecurringPeriod.MONTH, "10.00", "EUR")),
            offering("po_yen", List.of(), oneTime("yen_install", "1234.5", "JPY"),
                    recurring("yen_monthly", RecurringPeriod.MONTH, "99.4", "JPY")),
            offering("po_dinar", List.of(), oneTime("dinar_install", "1.2345", "BHD")),
            bundle("po_bundle", List.of(bundleDiscount("bundle_recurring", PriceType.RECURRING, "5")),
                    "po_fiber", "po_router"));

    private static final List<Promotion> PROMOTIONS = List.of(
            percentPromotion("promo_fiber_monthly", "po_fiber", PriceType.RECURRING, "10"),
            amountPromotion("promo_install_off", "po_promo", PriceType.ONE_TIME, "30.00"),
            amountPromotion("promo_gift", "po_gift", PriceType.ONE_TIME, "80.00"));

    private static CatalogDocument catalog(List<Promotion> promotions, String taxRate) {
        return new CatalogDocument(List.of(SPEC), OFFERINGS, List.of(), promotions,
                taxRate == null ? null : new BigDecimal(taxRate));
    }

    private static PriceSnapshot price(CatalogDocument catalog, Instant at, PricingLine... lines) {
        return new PricingPipeline(new DocumentCatalog(VERSION, catalog)).price(List.of(lines), at);
    }

    /** Priced without promotions and without a tax rate. */
    private static PriceSnapshot price(PricingLine... lines) {
        return price(catalog(List.of(), null), NOW, lines);
    }

    private static PricingLine line(String lineId, String offeringId, String quantity) {
        return new PricingLine(lineId, offeringId, quantity == null ? null : new BigDecimal(quantity));
    }

    private static PricingLine line(String lineId, String offeringId, String quantity, String parent, Map<String, String> values,
                                    PriceOverride... overrides) {
        return new PricingLine(lineId, offeringId, new BigDecimal(quantity), parent, values, List.of(overrides), null);
    }

    private static Map<String, String> months(String months) {
        return Map.of("contractTermMonths", months);
    }

    private static BigDecimal amount(String text) {
        return new BigDecimal(text);
    }

    private static RecurringTotal monthly(String amount) {
        return new RecurringTotal(RecurringPeriod.MONTH, amount(amount));
    }

    private static Charge charge(PriceSnapshot snapshot, String lineId, String priceId) {
        return snapshot.line(lineId).charges().stream().filter(c -> c.priceId().equals(priceId)).findFirst().orElseThrow();
    }

    private static List<PriceStepKind> kinds(Charge charge) {
        return charge.steps().stream().map(PriceStep::kind).toList();
    }

    private static PriceStep step(Charge charge, PriceStepKind kind) {
        return charge.steps().stream().filter(s -> s.kind() == kind).findFirst().orElseThrow();
    }

    // --- list price and sums -------------------------------------------------------------------

    @Test
    void aLineIsChargedUnitAmountTimesQuantity() {
        PriceSnapshot snapshot = price(line("L1", "po_router", "2"));

        LinePrice router = snapshot.line("L1");
        assertEquals("po_router", router.offeringId());
        assertEquals(amount("2"), router.quantity());
        Charge setup = charge(snapshot, "L1", "router_setup");
        assertEquals(amount("250.00"), setup.unitAmount());
        assertEquals(amount("500.00"), setup.amount());
        assertEquals(List.of(PriceStepKind.LIST_PRICE, PriceStepKind.ROUNDING), kinds(setup), "no other rule applies");
        PriceStep list = setup.steps().get(0);
        assertEquals("router_setup", list.ruleId());
        assertNull(list.amountBefore());
        assertEquals(amount("500.00"), list.amountAfter());
        assertNull(list.note(), "the unit amount and quantity are on the charge and its line");
        assertEquals(amount("500.00"), setup.listAmount());
        assertEquals(amount("500.00"), router.oneTimeTotal());
        assertEquals("USD", snapshot.currency());
    }

    @Test
    void aLineChangingOrKeepingAProductIsPricedWithoutOneTimeCharges() {
        PriceSnapshot added = price(line("L1", "po_router", "1"));
        for (LineAction action : List.of(LineAction.MODIFY, LineAction.NO_CHANGE, LineAction.RESUME)) {
            PriceSnapshot changed = price(new PricingLine("L1", "po_router", BigDecimal.ONE, null, Map.of(), List.of(), action));
            LinePrice router = changed.line("L1");
            assertEquals(amount("0.00"), router.oneTimeTotal(), action + " pays no setup again");
            assertTrue(router.charges().stream().noneMatch(c -> c.priceId().equals("router_setup")), action.name());
            assertEquals(added.line("L1").recurringTotals(), router.recurringTotals(), action + " keeps the recurring charges");
        }
    }

    @Test
    void totalsAddUpTheLinesPerPeriod() {
        PriceSnapshot snapshot = price(line("L1", "po_fiber", "1"), line("L2", "po_router", "3"));

        LinePrice router = snapshot.line("L2");
        assertEquals(amount("750.00"), router.oneTimeTotal());
        // recurring totals come in period order, whatever the order of the price definitions
        assertEquals(List.of(monthly("285.00"), new RecurringTotal(RecurringPeriod.YEAR, amount("30.00"))),
                router.recurringTotals());
        assertEquals(amount("2250.00"), snapshot.oneTimeTotal());
        assertEquals(List.of(monthly("1485.00"), new RecurringTotal(RecurringPeriod.YEAR, amount("30.00"))),
                snapshot.recurringTotals());
        assertEquals(List.of("L1", "L2"), snapshot.lines().stream().map(LinePrice::lineId).toList());
    }

    @Test
    void aMissingQuantityMeansOne() {
        PriceSnapshot snapshot = price(line("L1", "po_fiber", null));
        assertEquals(BigDecimal.ONE, snapshot.line("L1").quantity());
        assertEquals(amount("1500.00"), snapshot.oneTimeTotal());
    }

    // --- volume tiers --------------------------------------------------------------------------

    @Test
    void rangeTiersPriceTheWholeQuantityAtTheTierItFallsIn() {
        assertEquals(amount("48.00"), charge(price(line("L", "po_ip_range", "4")), "L", "ip_range").amount());
        assertEquals(amount("50.00"), charge(price(line("L", "po_ip_range", "5")), "L", "ip_range").amount(),
                "5 is the first quantity of the second tier");
        assertEquals(amount("190.00"), charge(price(line("L", "po_ip_range", "19")), "L", "ip_range").amount());
        Charge open = charge(price(line("L", "po_ip_range", "100")), "L", "ip_range");
        assertEquals(amount("750.00"), open.amount(), "the last tier has no upper bound");

        PriceStep tier = step(open, PriceStepKind.VOLUME_TIER);
        assertEquals("ip_range", tier.ruleId());
        assertEquals(amount("1200.00"), tier.amountBefore(), "the list price: 100 x 12.00");
        assertEquals(amount("750.00"), tier.amountAfter().setScale(2));
        assertEquals("RANGE: 100 x 7.50 (tier from 20)", tier.note());
    }

    @Test
    void slabTiersPriceEachUnitAtItsOwnTier() {
        Charge ten = charge(price(line("L", "po_ip_slab", "10")), "L", "ip_slab");
        assertEquals(amount("88.00"), ten.amount(), "4 x 10.00 + 6 x 8.00");
        assertEquals("SLAB: 4 x 10.00 + 6 x 8.00", step(ten, PriceStepKind.VOLUME_TIER).note());

        assertEquals(amount("160.00"), charge(price(line("L", "po_ip_slab", "20")), "L", "ip_slab").amount(),
                "4 x 10.00 + 12 x 8.00 + 4 x 6.00");
        assertEquals(amount("40.00"), charge(price(line("L", "po_ip_slab", "4")), "L", "ip_slab").amount());
        assertEquals(amount("10.00"), charge(price(line("L", "po_ip_slab", "1")), "L", "ip_slab").amount());
    }

    // --- contract term, bundle, promotion -----------------------------------------------------

    @Test
    void aContractTermDiscountAppliesToItsPriceTypeWhenTheLineHasTheTerm() {
        PriceSnapshot snapshot = price(line("L36", "po_fiber", "1", null, months("36")),
                line("L24", "po_fiber", "1", null, months("24")),
                line("L12", "po_fiber", "1", null, months("12")));

        Charge monthly36 = charge(snapshot, "L36", "fiber_monthly");
        assertEquals(amount("1080.00"), monthly36.amount());
        PriceStep term = step(monthly36, PriceStepKind.CONTRACT_TERM);
        assertEquals("term_fiber_36", term.ruleId());
        assertEquals(amount("1200.00"), term.amountBefore());
        assertEquals(0, amount("1080").compareTo(term.amountAfter()));
        assertEquals("contractTermMonths=36: 10% off", term.note());

        assertEquals(amount("1140.00"), charge(snapshot, "L24", "fiber_monthly").amount());
        assertEquals(amount("1200.00"), charge(snapshot, "L12", "fiber_monthly").amount(), "no discount for 12 months");
        assertEquals(amount("1500.00"), charge(snapshot, "L36", "fiber_install").amount(), "the discount is on RECURRING only");
        assertFalse(kinds(charge(snapshot, "L36", "fiber_install")).contains(PriceStepKind.CONTRACT_TERM));
    }

    @Test
    void numericCharacteristicValuesCompareByValue() {
        assertEquals(amount("1080.00"), charge(price(line("L", "po_fiber", "1", null, months("36.0"))), "L", "fiber_monthly").amount());
    }

    @Test
    void aBundleDiscountAppliesToTheDeclaredChildrenOfTheBundleLineOnly() {
        PriceSnapshot snapshot = price(line("B", "po_bundle", "1"),
                line("B.1", "po_router", "1", "B", Map.of()),
                line("B.2", "po_voice", "1", "B", Map.of()),
                line("R", "po_router", "1"));

        Charge inBundle = charge(snapshot, "B.1", "router_monthly");
        assertEquals(amount("90.25"), inBundle.amount(), "95.00 less 5%");
        assertEquals("bundle_recurring", step(inBundle, PriceStepKind.BUNDLE).ruleId());
        assertEquals("in bundle: 5% off", step(inBundle, PriceStepKind.BUNDLE).note());
        assertEquals(amount("250.00"), charge(snapshot, "B.1", "router_setup").amount(), "RECURRING only");
        assertEquals(amount("20.00"), charge(snapshot, "B.2", "voice_monthly").amount(), "not a declared child of the bundle");
        assertEquals(amount("95.00"), charge(snapshot, "R", "router_monthly").amount(), "not in the bundle");
        assertEquals("B", snapshot.line("B.1").parentLineId());
        assertEquals(List.of(), snapshot.line("B").charges(), "the bundle itself has no price");
    }

    @Test
    void aPromotionAppliesInsideItsWindowOnly() {
        CatalogDocument catalog = catalog(PROMOTIONS, null);
        PricingLine fiber = line("L", "po_fiber", "1", null, months("12"));

        assertEquals(amount("1080.00"), charge(price(catalog, PROMO_FROM, fiber), "L", "fiber_monthly").amount(),
                "the window starts at validFrom");
        assertEquals(amount("1080.00"), charge(price(catalog, PROMO_TO.minusMillis(1), fiber), "L", "fiber_monthly").amount());
        assertEquals(amount("1200.00"), charge(price(catalog, PROMO_TO, fiber), "L", "fiber_monthly").amount(),
                "validTo is exclusive");
        assertEquals(amount("1200.00"), charge(price(catalog, PROMO_FROM.minusMillis(1), fiber), "L", "fiber_monthly").amount());
        assertEquals("promo_fiber_monthly", step(charge(price(catalog, NOW, fiber), "L", "fiber_monthly"),
                PriceStepKind.PROMOTION).ruleId());
    }

    @Test
    void anAmountOffIsPerUnitOfTheQuantity() {
        Charge charge = charge(price(catalog(PROMOTIONS, null), NOW, line("L", "po_promo", "2")), "L", "promo_install");
        assertEquals(amount("140.00"), charge.amount(), "2 x 100.00 less 2 x 30.00");
        assertEquals("30.00 off x 2", step(charge, PriceStepKind.PROMOTION).note());
    }

    @Test
    void discountsThatExceedTheAmountFloorItAtZeroAndTheStepSaysSo() {
        PriceSnapshot snapshot = price(catalog(PROMOTIONS, null), NOW, line("L", "po_gift", "1"));

        Charge gift = charge(snapshot, "L", "gift_install");
        assertEquals(amount("0.00"), gift.amount());
        PriceStep promotion = step(gift, PriceStepKind.PROMOTION);
        assertEquals(amount("50.00"), promotion.amountBefore());
        assertEquals(BigDecimal.ZERO, promotion.amountAfter());
        assertTrue(promotion.note().contains("floored at zero"), promotion.note());
        assertTrue(promotion.note().contains("(80.00) exceeds the amount (50.00)"), promotion.note());
        assertEquals(amount("0.00"), snapshot.oneTimeTotal());
        assertEquals(amount("100.00"), snapshot.line("L").signals().discountPercent(), "the whole list price is discounted");
    }

    // --- manual override -----------------------------------------------------------------------

    @Test
    void aManualOverrideReplacesTheAmountAfterThePromotionsAndNamesItsActorAndReason() {
        PriceOverride override = new PriceOverride("fiber_monthly", amount("999.99"), "Matches the competitor's offer",
                "alice", NOW);
        PriceSnapshot snapshot = price(catalog(PROMOTIONS, null), NOW, line("L", "po_fiber", "1", null, months("36"), override));

        Charge monthly = charge(snapshot, "L", "fiber_monthly");
        assertEquals(amount("999.99"), monthly.amount());
        PriceStep step = step(monthly, PriceStepKind.MANUAL_OVERRIDE);
        assertEquals(PriceStep.MANUAL_OVERRIDE, step.ruleId());
        assertEquals(0, amount("972").compareTo(step.amountBefore()), "1200 less 10% term, less 10% promotion");
        assertEquals(amount("999.99"), step.amountAfter());
        assertEquals("alice", step.actor());
        assertEquals("Matches the competitor's offer", step.reason());
        assertTrue(snapshot.line("L").signals().manualOverride());
        assertTrue(snapshot.signals().manualOverride());
        assertFalse(kinds(charge(snapshot, "L", "fiber_install")).contains(PriceStepKind.MANUAL_OVERRIDE),
                "only the overridden charge");
        assertFalse(price(line("L", "po_fiber", "1")).signals().manualOverride());
    }

    @Test
    void anOverrideOfAPriceTheLineDoesNotHaveIsRefused() {
        PriceOverride override = new PriceOverride("router_setup", amount("1.00"), "typo", "alice", NOW);
        DomainException e = assertThrows(DomainException.class,
                () -> price(line("L", "po_fiber", "1", null, Map.of(), override)));
        assertEquals(PricingPipeline.PRICE_OVERRIDE_TARGET_NOT_FOUND, e.code());
        assertEquals("lines[L].overrides", e.violations().get(0).target());
    }

    @Test
    void aUsageChargeCannotBeOverridden() {
        PriceOverride override = new PriceOverride("voice_minutes", amount("5.00"), "guess", "alice", NOW);
        DomainException e = assertThrows(DomainException.class,
                () -> price(line("L", "po_voice", "1", null, Map.of(), override)));
        assertEquals(PricingPipeline.PRICE_OVERRIDE_TARGET_NOT_FOUND, e.code());
    }

    // --- the order of the steps ----------------------------------------------------------------

    @Test
    void stepsStackInOneOrderAndEachPercentageAppliesToWhatThePreviousStepLeft() {
        PriceOverride override = new PriceOverride("router_monthly", amount("80.00"), "Loyal customer", "bob", NOW);
        List<Promotion> promotions = List.of(percentPromotion("promo_router", "po_router", PriceType.RECURRING, "10"));
        PriceSnapshot snapshot = price(catalog(promotions, "10"), NOW, line("B", "po_bundle", "1"),
                line("B.1", "po_fiber", "1", "B", months("36")),
                line("B.2", "po_router", "1", "B", Map.of(), override));

        Charge fiber = charge(snapshot, "B.1", "fiber_monthly");
        assertEquals(List.of(PriceStepKind.LIST_PRICE, PriceStepKind.CONTRACT_TERM, PriceStepKind.BUNDLE,
                PriceStepKind.ROUNDING, PriceStepKind.TAX_PLACEHOLDER), kinds(fiber));
        // 1200 -> 10% term -> 1080 -> 5% bundle -> 1026 (compounded, not 15% of 1200 = 1020)
        assertEquals(amount("1026.00"), fiber.amount());
        assertEquals(0, amount("1080").compareTo(step(fiber, PriceStepKind.BUNDLE).amountBefore()));

        Charge router = charge(snapshot, "B.2", "router_monthly");
        assertEquals(List.of(PriceStepKind.LIST_PRICE, PriceStepKind.BUNDLE, PriceStepKind.PROMOTION,
                PriceStepKind.MANUAL_OVERRIDE, PriceStepKind.ROUNDING, PriceStepKind.TAX_PLACEHOLDER), kinds(router));
        assertEquals(List.of("router_monthly", "bundle_recurring", "promo_router", "manual-override", "rounding",
                "tax-placeholder"), router.steps().stream().map(PriceStep::ruleId).toList());
        // each step starts where the previous one ended
        for (int i = 1; i < router.steps().size(); i++) {
            assertEquals(0, router.steps().get(i - 1).amountAfter().compareTo(router.steps().get(i).amountBefore()),
                    "step " + i + " of " + router.steps());
        }
        assertEquals(amount("80.00"), router.amount());
    }

    // --- rounding ------------------------------------------------------------------------------

    @Test
    void chargesAreRoundedHalfUpToTheCurrencysMinorUnit() {
        assertEquals(amount("0.13"), price(line("L1", "po_cheap", "1")).oneTimeTotal());
        assertEquals(amount("0.25"), price(line("L1", "po_cheap", "2")).oneTimeTotal());
        assertEquals(amount("0.38"), price(line("L1", "po_cheap", "3")).oneTimeTotal());
        PriceStep rounding = step(charge(price(line("L1", "po_cheap", "1")), "L1", "cheap"), PriceStepKind.ROUNDING);
        assertEquals(amount("0.125"), rounding.amountBefore());
        assertEquals(amount("0.13"), rounding.amountAfter());
    }

    @Test
    void intermediateAmountsAreNotRoundedOnlyTheChargeIsRoundedOnce() {
        // 0.10 x 0.95 = 0.095 and x 0.95 again = 0.09025 -> 0.09; rounding after each step would give 0.10
        ProductOffering dime = offering("po_twice", List.of(term("twice_a", "24", PriceType.ONE_TIME, "5"),
                term("twice_b", "24", PriceType.ONE_TIME, "5")), oneTime("twice", "0.10", "USD"));
        List<ProductOffering> offerings = new ArrayList<>(OFFERINGS);
        offerings.add(dime);
        CatalogDocument catalog = new CatalogDocument(List.of(SPEC), offerings, List.of(), List.of(), null);

        Charge charge = charge(price(catalog, NOW, line("L", "po_twice", "1", null, months("24"))), "L", "twice");
        assertEquals(0, amount("0.095").compareTo(charge.steps().get(1).amountAfter()));
        assertEquals(0, amount("0.09025").compareTo(charge.steps().get(2).amountAfter()));
        assertEquals(amount("0.09"), charge.amount());
    }

    @Test
    void halfACentRoundsUpExactlyWithoutBinaryFloatingPoint() {
        // 0.10 less 5% = 0.095 exactly, so HALF_UP gives 0.10 (a double would give 0.09499... and 0.09)
        assertEquals(amount("0.10"), charge(price(line("L", "po_dime", "1", null, months("24"))), "L", "dime").amount());
    }

    @Test
    void eachChargeIsRoundedBeforeItIsSummed() {
        PriceSnapshot snapshot = price(line("L1", "po_cheap", "1"), line("L2", "po_cheap", "1"));
        assertEquals(amount("0.13"), snapshot.line("L1").oneTimeTotal());
        assertEquals(amount("0.26"), snapshot.oneTimeTotal(), "0.13 + 0.13, not 0.25 rounded");
        assertEquals(amount("0.125"), snapshot.line("L1").charges().get(0).unitAmount(), "the unit amount stays as defined");
    }

    @Test
    void aCurrencyWithoutMinorUnitIsPricedInWholeUnits() {
        PriceSnapshot snapshot = price(line("L1", "po_yen", "1"));
        assertEquals("JPY", snapshot.currency());
        assertEquals(amount("1235"), snapshot.oneTimeTotal());
        assertEquals(0, snapshot.oneTimeTotal().scale());
        assertEquals(List.of(monthly("99")), snapshot.recurringTotals());
    }

    @Test
    void aCurrencyWithThreeDecimalsKeepsThem() {
        assertEquals(amount("1.235"), price(line("L1", "po_dinar", "1")).oneTimeTotal());
    }

    // --- usage and tax placeholders -------------------------------------------------------------

    @Test
    void aUsageChargeIsAPlaceholderAtZeroInNoTotal() {
        PriceSnapshot snapshot = price(catalog(List.of(), "10"), NOW, line("L", "po_voice", "3"));

        Charge minutes = charge(snapshot, "L", "voice_minutes");
        assertEquals(PriceType.USAGE, minutes.priceType());
        assertEquals(amount("0.00"), minutes.amount());
        assertEquals(amount("0.02"), minutes.unitAmount(), "the catalog's rate is shown, not invented into a price");
        assertTrue(minutes.steps().get(0).note().startsWith("usage placeholder"), minutes.steps().get(0).note());
        assertNull(minutes.taxAmount());
        assertEquals(amount("0.00"), minutes.listAmount());
        assertNull(snapshot.line("L").signals().costAmount(), "a usage cost is not weighed against a zero price");
        assertEquals(amount("0.00"), snapshot.line("L").oneTimeTotal());
        assertEquals(List.of(monthly("60.00")), snapshot.recurringTotals());
    }

    @Test
    void taxIsAPlaceholderStepRoundedPerChargeAndKeptOutOfThePrice() {
        PriceSnapshot snapshot = price(catalog(List.of(), "10"), NOW, line("L1", "po_cheap", "1"),
                line("L2", "po_cheap", "1"), line("L3", "po_router", "1"));

        Charge cheap = charge(snapshot, "L1", "cheap");
        PriceStep tax = step(cheap, PriceStepKind.TAX_PLACEHOLDER);
        assertEquals(PriceStep.TAX_PLACEHOLDER, tax.ruleId());
        assertEquals(amount("0.13"), tax.amountBefore());
        assertEquals(amount("0.14"), tax.amountAfter(), "0.013 rounds to 0.01");
        assertEquals(amount("0.01"), cheap.taxAmount());
        assertEquals(amount("0.13"), cheap.amount(), "the tax is not part of the price");
        assertEquals(amount("250.26"), snapshot.oneTimeTotal(), "nor of the totals");
        assertEquals(amount("25.02"), snapshot.oneTimeTaxTotal(), "0.01 + 0.01 + 25.00: a sum of rounded taxes");
        assertEquals(List.of(monthly("9.50"), new RecurringTotal(RecurringPeriod.YEAR, amount("1.00"))),
                snapshot.recurringTaxTotals());
        assertEquals(amount("10"), snapshot.taxRatePercent());
    }

    @Test
    void withoutATaxRateThereIsNoTaxStep() {
        PriceSnapshot snapshot = price(line("L", "po_router", "1"));
        assertNull(snapshot.taxRatePercent());
        assertNull(snapshot.oneTimeTaxTotal());
        assertEquals(List.of(), snapshot.recurringTaxTotals());
        assertFalse(kinds(charge(snapshot, "L", "router_setup")).contains(PriceStepKind.TAX_PLACEHOLDER));
    }

    // --- signals -------------------------------------------------------------------------------

    @Test
    void signalsCompareListAndNetAndMeasureTheMarginAgainstTheUnitCost() {
        PriceSnapshot snapshot = price(line("L", "po_fiber", "2", null, months("36")), line("R", "po_router", "1"));

        Charge monthly = charge(snapshot, "L", "fiber_monthly");
        assertEquals(amount("2400.00"), monthly.listAmount());
        assertEquals(amount("2160.00"), monthly.amount());

        PriceSignals line = snapshot.line("L").signals();
        assertEquals(amount("5400.00"), line.listAmount(), "3000 one-time + 2400 monthly");
        assertEquals(amount("5160.00"), line.netAmount());
        assertEquals(amount("4.44"), line.discountPercent(), "240 / 5400");
        assertEquals(amount("3080.00"), line.costAmount(), "1800 + 1280");
        assertEquals(amount("2080.00"), line.marginAmount());
        assertEquals(amount("40.31"), line.marginPercent(), "2080 / 5160");

        PriceSignals router = snapshot.line("R").signals();
        assertEquals(amount("0.00"), router.discountAmount());
        assertEquals(amount("0.00"), router.discountPercent());
        assertNull(router.costAmount(), "the catalog gives no unit cost for the router");
        assertNull(router.marginPercent());

        PriceSignals overall = snapshot.signals();
        assertEquals(amount("5755.00"), overall.listAmount());
        assertEquals(amount("5515.00"), overall.netAmount());
        assertEquals(amount("4.17"), overall.discountPercent());
        assertEquals(amount("3080.00"), overall.costAmount(), "only costed charges count towards the margin");
        assertEquals(amount("2080.00"), overall.marginAmount());
        assertEquals(amount("40.31"), overall.marginPercent());
    }

    @Test
    void aPriceBelowItsCostHasANegativeMargin() {
        PriceSnapshot snapshot = price(line("L", "po_fiber", "1", null, months("12"),
                new PriceOverride("fiber_install", amount("450.00"), "Strategic account", "alice", NOW),
                new PriceOverride("fiber_monthly", amount("600.00"), "Strategic account", "alice", NOW)));
        PriceSignals signals = snapshot.line("L").signals();
        assertEquals(amount("1540.00"), signals.costAmount(), "900.00 + 640.00");
        assertEquals(amount("-490.00"), signals.marginAmount(), "1050.00 net against 1540.00 cost");
        assertEquals(amount("-46.67"), signals.marginPercent());
        assertEquals(amount("61.11"), signals.discountPercent(), "1650.00 off 2700.00");
        assertEquals(signals, snapshot.signals(), "one line: the snapshot's signals are the line's");
    }

    @Test
    void anOverrideAboveListIsANegativeDiscount() {
        PriceOverride override = new PriceOverride("router_setup", amount("300.00"), "Site survey included", "alice", NOW);
        PriceSignals signals = price(line("L", "po_router", "1", null, Map.of(), override)).line("L").signals();
        assertEquals(amount("-50.00"), signals.discountAmount(), "405.00 net against 355.00 list");
        assertEquals(amount("-14.08"), signals.discountPercent());
    }

    // --- currencies, unknown offerings, empty prices ------------------------------------------

    @Test
    void linesInDifferentCurrenciesCannotBePricedTogether() {
        DomainException e = assertThrows(DomainException.class,
                () -> price(line("L1", "po_fiber", "1"), line("L2", "po_euro", "1")));

        assertEquals(DomainException.Kind.RULE_VIOLATION, e.kind());
        assertEquals(PricingPipeline.PRICE_CURRENCY_MIXED, e.code());
        Violation v = e.violations().get(0);
        assertEquals("lines", v.target());
        assertTrue(v.message().contains("[EUR, USD]"), v.message());
    }

    @Test
    void anOfferingWithoutPricesCostsNothing() {
        PriceSnapshot alone = price(line("L1", "po_free", "5"));
        assertNull(alone.currency());
        assertEquals(0, alone.oneTimeTotal().signum());
        assertEquals(List.of(), alone.recurringTotals());
        assertEquals(List.of(), alone.line("L1").charges());
        assertNull(alone.line("L1").signals().discountPercent(), "no list amount to compare with");

        PriceSnapshot withFiber = price(line("L1", "po_free", "1"), line("L2", "po_fiber", "1"));
        assertEquals("USD", withFiber.currency(), "an unpriced line does not count as another currency");
        assertEquals(amount("0.00"), withFiber.line("L1").oneTimeTotal());
        assertEquals(amount("1500.00"), withFiber.oneTimeTotal());
    }

    @Test
    void everyUnknownOfferingIsReported() {
        DomainException e = assertThrows(DomainException.class,
                () -> price(line("L7", "po_ghost", "1"), line("L8", "po_fiber", "1"), line("L9", "po_phantom", "1")));
        assertEquals(ProductConfigurator.OFFERING_NOT_FOUND, e.code());
        assertEquals(List.of("lines[L7].offeringId", "lines[L9].offeringId"),
                e.violations().stream().map(Violation::target).toList());
    }

    @Test
    void lineIdsAreUnique() {
        DomainException e = assertThrows(DomainException.class,
                () -> price(line("L", "po_fiber", "1"), line("L", "po_router", "1")));
        assertEquals(PricingPipeline.LINE_ID_DUPLICATE, e.code());
    }

    // --- evidence ------------------------------------------------------------------------------

    @Test
    void theSnapshotNamesTheCatalogVersionTheInstantAndTheMethod() {
        PriceSnapshot first = price(line("L1", "po_fiber", "1"));
        PriceSnapshot second = price(line("L1", "po_fiber", "1"));

        assertEquals(VERSION, first.catalogVersionId());
        assertEquals(NOW, first.pricedAt());
        assertEquals(PricingPipeline.METHOD, first.pricingMethod());
        assertNotEquals(first.priceSnapshotId(), second.priceSnapshotId(), "each calculation is its own snapshot");
        assertEquals(first.lines(), second.lines(), "the same lines at the same instant give the same breakdown");
    }

    @Test
    void aSnapshotWithItsBreakdownReadsBackExactlyFromJson() {
        PriceOverride override = new PriceOverride("router_monthly", amount("80.00"), "Loyal customer", "bob", NOW);
        PriceSnapshot snapshot = price(catalog(PROMOTIONS, "10"), NOW, line("B", "po_bundle", "1"),
                line("B.1", "po_fiber", "1", "B", months("36")),
                line("B.2", "po_router", "2", "B", Map.of(), override), line("U", "po_voice", "1"),
                line("G", "po_gift", "1"));

        assertEquals(snapshot, Json.read(Json.write(snapshot), PriceSnapshot.class));
    }

    @Test
    void theDemoCatalogPricesFiberWithItsTermAndTheBundleWithItsDiscountAndPromotion() {
        DocumentCatalog demo = InMemoryCatalog.of(InMemoryCatalog.demoDocument());
        PricingPipeline pipeline = new PricingPipeline(demo);

        PriceSnapshot fiber = pipeline.price(List.of(line("1", "po_enterprise_fiber", "1", null,
                Map.of("bandwidthMbps", "500", "contractTermMonths", "36"))), NOW);
        assertEquals(amount("1500.00"), fiber.oneTimeTotal());
        assertEquals(List.of(monthly("1080.00")), fiber.recurringTotals(), "1200.00 less the 36-month term's 10%");
        assertEquals(amount("150.00"), fiber.oneTimeTaxTotal(), "the 10% tax placeholder, apart from the price");

        PriceSnapshot bundle = pipeline.price(List.of(line("1", "po_connectivity_bundle", "1"),
                line("1.1", "po_enterprise_fiber", "1", "1", Map.of("contractTermMonths", "36")),
                line("1.2", "po_managed_router", "1", "1", Map.of()),
                line("1.3", "po_premium_sla", "1", "1", Map.of())), NOW);
        // fiber 1200 -10% -5% = 1026, router 95 -5% = 90.25, SLA 350 -5% = 332.50
        assertEquals(List.of(monthly("1448.75")), bundle.recurringTotals());
        // installation 1500 + router setup 250 at half price (promotion valid from 2026-11-01)
        assertEquals(amount("1625.00"), bundle.oneTimeTotal());
        assertEquals(demo.versionId(), bundle.catalogVersionId());

        PriceSnapshot routers = pipeline.price(List.of(line("1", "po_managed_router", "5")), NOW);
        assertEquals(List.of(monthly("425.00")), routers.recurringTotals(), "5 routers are in the 85.00 tier");
    }

    @Test
    void tenThousandLinesArePricedInOnePass() {
        List<PricingLine> lines = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            lines.add(line("B" + i, "po_bundle", "1"));
            lines.add(line("B" + i + ".1", "po_fiber", "1", "B" + i, months("36")));
            lines.add(line("B" + i + ".2", "po_router", "2", "B" + i, Map.of()));
            lines.add(line("S" + i, "po_ip_slab", "10"));
        }
        PriceSnapshot snapshot = price(lines.toArray(PricingLine[]::new));

        assertEquals(10_000, snapshot.lines().size());
        // per bundle: fiber 1026.00, routers 2 x 90.25 = 180.50, IPs 88.00
        assertEquals(List.of(monthly("3236250.00"), new RecurringTotal(RecurringPeriod.YEAR, amount("47500.00"))),
                snapshot.recurringTotals());
    }
}
