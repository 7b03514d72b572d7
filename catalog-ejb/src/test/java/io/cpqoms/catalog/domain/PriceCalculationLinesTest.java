package io.cpqoms.catalog.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cpqoms.catalog.api.PriceCalculationLine;
import io.cpqoms.catalog.api.PricingLine;
import io.cpqoms.kernel.DomainException;
import io.cpqoms.kernel.Violation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Ad-hoc calculation lines become pipeline lines: numbered, flattened under their bundle, checked. */
class PriceCalculationLinesTest {

    private static final DocumentCatalog DEMO = InMemoryCatalog.of(InMemoryCatalog.demoDocument());

    private static PriceCalculationLine line(String id, String offeringId, String quantity, PriceCalculationLine... children) {
        return new PriceCalculationLine(id, offeringId, quantity == null ? null : new BigDecimal(quantity),
                Map.of("contractTermMonths", "24"), Arrays.asList(children));
    }

    @Test
    void bundlesAreFlattenedParentsFirstAndLinesWithoutIdsAreNumbered() {
        List<PricingLine> lines = PriceCalculationLines.flatten(List.of(
                line(null, "po_connectivity_bundle", null, line(null, "po_enterprise_fiber", null),
                        line("router-hq", "po_managed_router", "2")),
                line("x", "po_premium_sla", "1")), DEMO);

        assertEquals(List.of("1", "1.1", "router-hq", "x"), lines.stream().map(PricingLine::lineId).toList());
        assertEquals(Arrays.asList(null, "1", "1", null), lines.stream().map(PricingLine::parentLineId).toList());
        assertEquals(BigDecimal.ONE, lines.get(0).quantity(), "no quantity means one");
        assertEquals(new BigDecimal("2"), lines.get(2).quantity());
        assertEquals("24", lines.get(1).characteristics().get("contractTermMonths"));
    }

    @Test
    void characteristicsTheLineLeavesOutTakeTheSpecificationsDefaults() {
        List<PricingLine> lines = PriceCalculationLines.flatten(List.of(new PriceCalculationLine(null,
                "po_enterprise_fiber", null, Map.of("bandwidthMbps", "1000"), List.of())), DEMO);
        assertEquals("1000", lines.get(0).characteristics().get("bandwidthMbps"), "a given value stays");
        assertEquals("36", lines.get(0).characteristics().get("contractTermMonths"), "the default, as a quote item gets it");

        PricingPipeline pipeline = new PricingPipeline(DEMO);
        assertEquals(new BigDecimal("1080.00"), pipeline.price(lines, java.time.Instant.parse("2026-12-01T00:00:00Z"))
                .recurringTotals().get(0).amount(), "priced like a quote of the same line: the 36-month term applies");
    }

    @Test
    void everyProblemOfTheLinesIsReportedWithItsPath() {
        DomainException e = assertThrows(DomainException.class, () -> PriceCalculationLines.flatten(List.of(
                line("a", "po_ghost", "1"),
                line("b", "po_connectivity_bundle", "1", line("a", "po_managed_router", "0.5"), line(null, " ", "1"))),
                DEMO));

        assertEquals(DomainException.Kind.RULE_VIOLATION, e.kind());
        assertEquals(List.of(
                        new Violation(ProductConfigurator.OFFERING_NOT_FOUND, "lines[0].offeringId", null),
                        new Violation(PricingPipeline.LINE_ID_DUPLICATE, "lines[1].children[0].lineId", null),
                        new Violation(ProductConfigurator.QUANTITY_INVALID, "lines[1].children[0].quantity", null),
                        new Violation(ProductConfigurator.OFFERING_NOT_FOUND, "lines[1].children[1].offeringId", null)),
                e.violations().stream().map(v -> new Violation(v.rule(), v.target(), null)).toList());
    }

    @Test
    void aCalculationHasLinesButNotTooMany() {
        DomainException empty = assertThrows(DomainException.class, () -> PriceCalculationLines.flatten(List.of(), DEMO));
        assertEquals(DomainException.Kind.INVALID_INPUT, empty.kind());
        assertEquals(PriceCalculationLines.PRICE_CALCULATION_INVALID, empty.code());

        List<PriceCalculationLine> many = new ArrayList<>();
        for (int i = 0; i <= PriceCalculationLines.MAX_LINES; i++) {
            many.add(line(null, "po_managed_router", "1"));
        }
        DomainException tooMany = assertThrows(DomainException.class, () -> PriceCalculationLines.flatten(many, DEMO));
        assertEquals(PriceCalculationLines.PRICE_CALCULATION_INVALID, tooMany.code());
    }
}
