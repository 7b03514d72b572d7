package io.cpqoms.catalog.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cpqoms.catalog.api.CatalogDocument;
import io.cpqoms.catalog.api.CoverageArea;
import io.cpqoms.catalog.api.OfferingLifecycle;
import io.cpqoms.catalog.api.ProductOffering;
import io.cpqoms.catalog.api.ProductSpecification;
import io.cpqoms.kernel.DomainException;
import io.cpqoms.kernel.Violation;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The eligibility data rules of {@link CatalogRules}: coverage areas defined once, named by offerings that exist. */
class CoverageRulesTest {

    private static final List<ProductSpecification> SPECS = List.of(
            new ProductSpecification("ps", "Spec", null, null, List.of(), List.of()));

    private static ProductOffering offering(String id, String... areas) {
        return new ProductOffering(id, "Offering " + id, null, "ps", OfferingLifecycle.ACTIVE, null, null, false,
                List.of("DIRECT_SALES"), List.of("ENTERPRISE"), List.of(), List.of(), Arrays.asList(areas), false,
                List.of(), List.of());
    }

    private static CoverageArea area(String id, String... locations) {
        return new CoverageArea(id, "Area " + id, Arrays.asList(locations));
    }

    private static List<String> check(List<CoverageArea> areas, ProductOffering... offerings) {
        return CatalogRules.check(new CatalogDocument(SPECS, List.of(offerings), areas, List.of(), null)).stream()
                .map(v -> v.rule() + " @ " + v.target()).toList();
    }

    @Test
    void offeringsMayNameTheAreasOfTheCatalogOrNone() {
        assertEquals(List.of(), check(List.of(area("metro", "loc-1", "loc-2"), area("rural", "loc-9")),
                offering("po_a", "metro", "rural"), offering("po_b")));
    }

    @Test
    void anUnknownAreaIsRefusedWithItsPathAndTheAreasThatExist() {
        List<Violation> violations = CatalogRules.check(new CatalogDocument(SPECS,
                List.of(offering("po_a", "metro", "moon")), List.of(area("metro", "loc-1"), area("rural")), List.of(), null));
        assertEquals(1, violations.size(), violations::toString);
        Violation v = violations.get(0);
        assertEquals(CatalogRules.COVERAGE_AREA_NOT_FOUND, v.rule());
        assertEquals("productOfferings[po_a].coverageAreaIds[1]", v.target());
        assertEquals("Offering 'po_a' is offered in coverage area 'moon', which this catalog does not define; it defines "
                + "[metro, rural].", v.message());
    }

    @Test
    void aCatalogWithoutAreasRefusesEveryAreaReference() {
        assertEquals(List.of("COVERAGE_AREA_NOT_FOUND @ productOfferings[po_a].coverageAreaIds[0]"),
                check(List.of(), offering("po_a", "metro")));
    }

    @Test
    void anAreaIsDefinedOnceAndNamedOncePerOffering() {
        assertEquals(List.of("DUPLICATE_ID @ coverageAreas[metro]",
                        "COVERAGE_AREA_DUPLICATE @ productOfferings[po_a].coverageAreaIds[1]"),
                check(List.of(area("metro", "loc-1"), area("metro", "loc-2")), offering("po_a", "metro", "metro")));
    }

    @Test
    void areasHaveIdsNamesAndNonBlankLocations() {
        List<CoverageArea> areas = List.of(new CoverageArea(null, null, List.of()),
                new CoverageArea("metro", " ", Arrays.asList("loc-1", " ")));
        assertEquals(List.of("REQUIRED_FIELD_MISSING @ coverageAreas[0].id", "REQUIRED_FIELD_MISSING @ coverageAreas[0].name",
                        "REQUIRED_FIELD_MISSING @ coverageAreas[metro].name",
                        "REQUIRED_FIELD_MISSING @ coverageAreas[metro].locationIds[1]",
                        "REQUIRED_FIELD_MISSING @ productOfferings[po_a].coverageAreaIds[0]"),
                check(areas, offering("po_a", " ")));
    }

    @Test
    void aVersionBreakingACoverageRuleIsNotImported() {
        CatalogVersion draft = CatalogVersion.draft("t1", "draft", null, "alice", Instant.now());
        DomainException e = assertThrows(DomainException.class, () -> draft.importDocument(new CatalogDocument(SPECS,
                List.of(offering("po_a", "moon")), List.of(), List.of(), null), Instant.now()));
        assertEquals(CatalogRules.COVERAGE_AREA_NOT_FOUND, e.code());
        assertEquals(0, draft.view().offeringCount(), "nothing was imported");
    }
}
