package io.cpqoms.catalog.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cpqoms.catalog.api.CatalogDocument;
import io.cpqoms.catalog.api.Charge;
import io.cpqoms.catalog.api.LinePrice;
import io.cpqoms.catalog.api.OfferingLifecycle;
import io.cpqoms.catalog.api.PriceSnapshot;
import io.cpqoms.catalog.api.PriceType;
import io.cpqoms.catalog.api.PricingLine;
import io.cpqoms.catalog.api.ProductOffering;
import io.cpqoms.catalog.api.ProductOfferingPrice;
import io.cpqoms.catalog.api.ProductSpecification;
import io.cpqoms.catalog.api.RecurringPeriod;
import io.cpqoms.catalog.api.RecurringTotal;
import io.cpqoms.kernel.DomainException;
import io.cpqoms.kernel.Violation;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PriceCalculatorTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final UUID VERSION = UUID.fromString("00000000-0000-0000-0000-0000000000a1");

    // --- price definitions ------------------------------------------------------------------

    private static ProductOfferingPrice oneTime(String id, String amount, String currency) {
        return new ProductOfferingPrice(id, "One-time " + id, PriceType.ONE_TIME, null, new BigDecimal(amount), currency);
    }

    private static ProductOfferingPrice recurring(String id, RecurringPeriod period, String amount, String currency) {
        return new ProductOfferingPrice(id, "Recurring " + id, PriceType.RECURRING, period, new BigDecimal(amount), currency);
    }

    private static ProductOffering offering(String id, ProductOfferingPrice... prices) {
        return new ProductOffering(id, "Offering " + id, null, "ps", OfferingLifecycle.ACTIVE, Catalogs.JAN_2026, null,
                false, List.of(), List.of(), List.of(prices), List.of());
    }

    private static final CatalogDocument CATALOG = new CatalogDocument(
            List.of(new ProductSpecification("ps", "Spec", null, null, List.of(), List.of())),
            List.of(offering("po_fiber", oneTime("fiber_install", "1500.00", "USD"),
                            recurring("fiber_monthly", RecurringPeriod.MONTH, "1200.00", "USD")),
                    offering("po_router", oneTime("router_setup", "250.00", "USD"),
                            recurring("router_yearly", RecurringPeriod.YEAR, "10.00", "USD"),
                            recurring("router_monthly", RecurringPeriod.MONTH, "95.00", "USD")),
                    offering("po_cheap", oneTime("cheap", "0.125", "USD")),
                    offering("po_free"),
                    offering("po_euro", recurring("euro_monthly", RecurringPeriod.MONTH, "10.00", "EUR")),
                    offering("po_yen", oneTime("yen_install", "1234.5", "JPY"),
                            recurring("yen_monthly", RecurringPeriod.MONTH, "99.4", "JPY")),
                    offering("po_dinar", oneTime("dinar_install", "1.2345", "BHD"))));

    private static PriceSnapshot price(PricingLine... lines) {
        return new PriceCalculator(new InMemoryCatalog(VERSION, CATALOG)).price(List.of(lines), NOW);
    }

    private static PricingLine line(String lineId, String offeringId, String quantity) {
        return new PricingLine(lineId, offeringId, quantity == null ? null : new BigDecimal(quantity));
    }

    private static BigDecimal amount(String text) {
        return new BigDecimal(text);
    }

    private static RecurringTotal monthly(String amount) {
        return new RecurringTotal(RecurringPeriod.MONTH, amount(amount));
    }

    // --- sums -------------------------------------------------------------------------------

    @Test
    void aLineIsChargedUnitAmountTimesQuantity() {
        PriceSnapshot snapshot = price(line("L1", "po_fiber", "2"));

        LinePrice fiber = snapshot.line("L1");
        assertEquals("po_fiber", fiber.offeringId());
        assertEquals(amount("2"), fiber.quantity());
        assertEquals(List.of(
                new Charge("fiber_install", "One-time fiber_install", PriceType.ONE_TIME, null, amount("1500.00"), amount("3000.00")),
                new Charge("fiber_monthly", "Recurring fiber_monthly", PriceType.RECURRING, RecurringPeriod.MONTH,
                        amount("1200.00"), amount("2400.00"))), fiber.charges());
        assertEquals(amount("3000.00"), fiber.oneTimeTotal());
        assertEquals(List.of(monthly("2400.00")), fiber.recurringTotals());
        assertEquals(amount("3000.00"), snapshot.oneTimeTotal());
        assertEquals(List.of(monthly("2400.00")), snapshot.recurringTotals());
        assertEquals("USD", snapshot.currency());
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

    // --- rounding ---------------------------------------------------------------------------

    @Test
    void chargesAreRoundedHalfUpToTheCurrencysMinorUnit() {
        assertEquals(amount("0.13"), price(line("L1", "po_cheap", "1")).oneTimeTotal());
        assertEquals(amount("0.25"), price(line("L1", "po_cheap", "2")).oneTimeTotal());
        assertEquals(amount("0.38"), price(line("L1", "po_cheap", "3")).oneTimeTotal());
    }

    @Test
    void eachChargeIsRoundedBeforeItIsSummed() {
        PriceSnapshot snapshot = price(line("L1", "po_cheap", "1"), line("L2", "po_cheap", "1"));
        assertEquals(amount("0.13"), snapshot.line("L1").oneTimeTotal());
        assertEquals(amount("0.26"), snapshot.oneTimeTotal());
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

    // --- currencies and empty prices --------------------------------------------------------

    @Test
    void linesInDifferentCurrenciesCannotBePricedTogether() {
        DomainException e = assertThrows(DomainException.class,
                () -> price(line("L1", "po_fiber", "1"), line("L2", "po_euro", "1")));

        assertEquals(DomainException.Kind.RULE_VIOLATION, e.kind());
        assertEquals(PriceCalculator.PRICE_CURRENCY_MIXED, e.code());
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
        assertEquals(0, alone.line("L1").oneTimeTotal().signum());

        PriceSnapshot withFiber = price(line("L1", "po_free", "1"), line("L2", "po_fiber", "1"));
        assertEquals("USD", withFiber.currency(), "an unpriced line does not count as another currency");
        assertEquals(amount("0.00"), withFiber.line("L1").oneTimeTotal());
        assertEquals(amount("1500.00"), withFiber.oneTimeTotal());
    }

    @Test
    void anUnknownOfferingCannotBePriced() {
        DomainException e = assertThrows(DomainException.class, () -> price(line("L7", "po_ghost", "1")));
        assertEquals(ProductConfigurator.OFFERING_NOT_FOUND, e.code());
        assertEquals("lines[L7].offeringId", e.violations().get(0).target());
    }

    // --- evidence ---------------------------------------------------------------------------

    @Test
    void theSnapshotNamesTheCatalogVersionAndTheInstant() {
        PriceSnapshot first = price(line("L1", "po_fiber", "1"));
        PriceSnapshot second = price(line("L1", "po_fiber", "1"));

        assertEquals(VERSION, first.catalogVersionId());
        assertEquals(NOW, first.pricedAt());
        assertNotEquals(first.priceSnapshotId(), second.priceSnapshotId(), "each calculation is its own snapshot");
        assertEquals(first.lines(), second.lines());
    }

    @Test
    void theDemoFiberIsPricedFromTheShippedCatalog() {
        InMemoryCatalog demo = InMemoryCatalog.of(InMemoryCatalog.demoDocument());
        PriceSnapshot snapshot = new PriceCalculator(demo).price(List.of(
                line("1", "po_enterprise_fiber", "1"), line("2", "po_managed_router", "2")), NOW);

        assertEquals(amount("2000.00"), snapshot.oneTimeTotal());
        assertEquals(List.of(monthly("1390.00")), snapshot.recurringTotals());
        assertEquals(demo.versionId(), snapshot.catalogVersionId());
    }
}
