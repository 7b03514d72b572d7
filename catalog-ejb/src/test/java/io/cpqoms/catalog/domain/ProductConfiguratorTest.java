package io.cpqoms.catalog.domain;

import static io.cpqoms.catalog.domain.Catalogs.child;
import static io.cpqoms.catalog.domain.Catalogs.withLifecycle;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cpqoms.catalog.api.CatalogDocument;
import io.cpqoms.catalog.api.CharacteristicSpecification;
import io.cpqoms.catalog.api.CharacteristicValueType;
import io.cpqoms.catalog.api.ConfigurationCheck;
import io.cpqoms.catalog.api.ConfigurationRequest;
import io.cpqoms.catalog.api.ConfiguredProduct;
import io.cpqoms.catalog.api.OfferingLifecycle;
import io.cpqoms.catalog.api.ProductOffering;
import io.cpqoms.catalog.api.ProductSpecification;
import io.cpqoms.kernel.Violation;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProductConfiguratorTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final Instant FROM_2027 = Instant.parse("2027-01-01T00:00:00Z");
    private static final Instant UNTIL_JUNE = Instant.parse("2026-06-01T00:00:00Z");

    // --- the catalog under test -------------------------------------------------------------

    private static CharacteristicSpecification ch(String name, CharacteristicValueType type, boolean required,
                                                  String defaultValue, String... allowed) {
        return new CharacteristicSpecification(name, null, type, required, null, List.of(allowed), defaultValue);
    }

    private static ProductSpecification spec(String id, CharacteristicSpecification... characteristics) {
        return new ProductSpecification(id, "Spec " + id, null, null, List.of(characteristics), List.of());
    }

    private static final ProductSpecification ACCESS = spec("ps_access",
            ch("bandwidth", CharacteristicValueType.INTEGER, true, "100", "100", "500"),
            ch("siteId", CharacteristicValueType.STRING, true, null),
            ch("ipBlock", CharacteristicValueType.STRING, false, "NONE", "NONE", "/29"),
            ch("termMonths", CharacteristicValueType.INTEGER, false, null));
    private static final ProductSpecification ROUTER = spec("ps_router",
            ch("model", CharacteristicValueType.STRING, true, "CPE-1", "CPE-1", "CPE-2"),
            ch("highAvailability", CharacteristicValueType.BOOLEAN, false, "false"));
    private static final ProductSpecification SLA = spec("ps_sla",
            ch("availability", CharacteristicValueType.DECIMAL, true, "99.9"));
    private static final ProductSpecification BUNDLE = spec("ps_bundle");

    private static CatalogDocument document(ProductOffering... offerings) {
        return new CatalogDocument(List.of(ACCESS, ROUTER, SLA, BUNDLE), List.of(offerings));
    }

    private static CatalogDocument standard() {
        return document(Catalogs.offering("po_access", "ps_access"),
                Catalogs.offering("po_router", "ps_router"),
                Catalogs.offering("po_sla", "ps_sla"),
                withLifecycle(Catalogs.offering("po_retired", "ps_access"), OfferingLifecycle.RETIRED, Catalogs.JAN_2026, null),
                withLifecycle(Catalogs.offering("po_future", "ps_access"), OfferingLifecycle.ACTIVE, FROM_2027, null),
                withLifecycle(Catalogs.offering("po_window", "ps_access"), OfferingLifecycle.ACTIVE, Catalogs.JAN_2026, UNTIL_JUNE),
                withLifecycle(Catalogs.offering("po_draft", "ps_access"), OfferingLifecycle.DRAFT, Catalogs.JAN_2026, null),
                Catalogs.bundle("po_bundle", "ps_bundle",
                        child("po_access", 1, 1), child("po_router", 1, 2), child("po_sla", 0, 1)));
    }

    private static ConfigurationCheck check(ConfigurationRequest request) {
        return check(standard(), NOW, request, "lines[0]");
    }

    private static ConfigurationCheck check(CatalogDocument document, Instant at, ConfigurationRequest request, String target) {
        return new ProductConfigurator(InMemoryCatalog.of(document), at).check(request, target);
    }

    // --- requests ---------------------------------------------------------------------------

    private static ConfigurationRequest request(String offeringId, String quantity, Map<String, String> characteristics,
                                                ConfigurationRequest... children) {
        return new ConfigurationRequest(offeringId, quantity == null ? null : new BigDecimal(quantity), characteristics,
                List.of(children));
    }

    private static ConfigurationRequest access(Map<String, String> characteristics) {
        return request("po_access", "1", characteristics);
    }

    private static ConfigurationRequest validAccess() {
        return access(Map.of("siteId", "SITE-1"));
    }

    private static ConfigurationRequest router() {
        return request("po_router", "1", Map.of());
    }

    private static ConfigurationRequest bundleOf(ConfigurationRequest... children) {
        return request("po_bundle", "1", Map.of(), children);
    }

    // --- assertions -------------------------------------------------------------------------

    private static List<String> rulesAndTargets(ConfigurationCheck check) {
        return check.violations().stream().map(v -> v.rule() + " @ " + v.target()).toList();
    }

    private static Violation only(ConfigurationCheck check) {
        assertEquals(1, check.violations().size(), () -> "expected one violation, got " + check.violations());
        assertNull(check.product(), "a rejected configuration carries no product");
        assertTrue(!check.valid());
        return check.violations().get(0);
    }

    private static void assertOnly(ConfigurationCheck check, String rule, String target) {
        Violation v = only(check);
        assertEquals(rule, v.rule(), v::toString);
        assertEquals(target, v.target(), v::toString);
    }

    // --- a valid configuration --------------------------------------------------------------

    @Test
    void aValidConfigurationIsAcceptedWithDefaultsApplied() {
        ConfigurationCheck check = check(request("po_access", "2", Map.of("siteId", "SITE-1")));

        assertTrue(check.valid(), () -> check.violations().toString());
        ConfiguredProduct product = check.product();
        assertEquals("po_access", product.offeringId());
        assertEquals("Offering po_access", product.offeringName());
        assertEquals("ps_access", product.productSpecificationId());
        assertEquals(new BigDecimal("2"), product.quantity());
        // optional termMonths has neither value nor default, so it is left out
        assertEquals(Map.of("bandwidth", "100", "siteId", "SITE-1", "ipBlock", "NONE"), product.characteristics());
        assertEquals(List.of(), product.children());
    }

    @Test
    void aRequestedValueWinsOverTheDefaultAndABlankValueFallsBackToIt() {
        ConfigurationCheck check = check(access(Map.of("siteId", "SITE-1", "bandwidth", "500", "ipBlock", " ",
                "termMonths", "36")));

        assertTrue(check.valid(), () -> check.violations().toString());
        assertEquals(Map.of("bandwidth", "500", "siteId", "SITE-1", "ipBlock", "NONE", "termMonths", "36"),
                check.product().characteristics());
    }

    @Test
    void aMissingQuantityMeansOne() {
        ConfigurationCheck check = check(request("po_access", null, Map.of("siteId", "S")));
        assertEquals(BigDecimal.ONE, check.product().quantity());
    }

    @Test
    void aWholeQuantityWrittenWithDecimalsIsAccepted() {
        ConfigurationCheck check = check(request("po_access", "3.00", Map.of("siteId", "S")));
        assertTrue(check.valid(), () -> check.violations().toString());
    }

    // --- the offering -----------------------------------------------------------------------

    @Test
    void anUnknownOfferingIsNotFoundInThisVersion() {
        DocumentCatalog catalog = InMemoryCatalog.of(standard());
        ConfigurationCheck check = new ProductConfigurator(catalog, NOW)
                .check(request("po_ghost", "1", Map.of("anything", "x")), "lines[3]");

        Violation v = only(check);
        assertEquals(ProductConfigurator.OFFERING_NOT_FOUND, v.rule());
        assertEquals("lines[3].offeringId", v.target());
        assertTrue(v.message().contains("po_ghost") && v.message().contains(catalog.versionId().toString()), v.message());
    }

    @Test
    void aBlankOfferingIdIsNotFound() {
        assertOnly(check(request(" ", "1", Map.of())), ProductConfigurator.OFFERING_NOT_FOUND, "lines[0].offeringId");
        assertOnly(check(request(null, "1", Map.of())), ProductConfigurator.OFFERING_NOT_FOUND, "lines[0].offeringId");
    }

    @Test
    void aRetiredOfferingIsNotSellable() {
        Violation v = only(check(request("po_retired", "1", Map.of("siteId", "S"))));
        assertEquals(ProductConfigurator.OFFERING_NOT_SELLABLE, v.rule());
        assertEquals("lines[0].offeringId", v.target());
        assertTrue(v.message().contains("RETIRED"), v.message());
    }

    @Test
    void aDraftOfferingIsNotSellable() {
        assertOnly(check(request("po_draft", "1", Map.of("siteId", "S"))),
                ProductConfigurator.OFFERING_NOT_SELLABLE, "lines[0].offeringId");
    }

    @Test
    void anOfferingIsNotSellableBeforeItsValidityStarts() {
        assertOnly(check(request("po_future", "1", Map.of("siteId", "S"))),
                ProductConfigurator.OFFERING_NOT_SELLABLE, "lines[0].offeringId");
        assertTrue(check(standard(), FROM_2027, request("po_future", "1", Map.of("siteId", "S")), "lines[0]").valid(),
                "validFrom is inclusive");
    }

    @Test
    void theValidityWindowEndIsExclusive() {
        ConfigurationRequest request = request("po_window", "1", Map.of("siteId", "S"));
        assertTrue(check(standard(), UNTIL_JUNE.minusSeconds(1), request, "lines[0]").valid());
        assertOnly(check(standard(), UNTIL_JUNE, request, "lines[0]"),
                ProductConfigurator.OFFERING_NOT_SELLABLE, "lines[0].offeringId");
    }

    // --- quantity ---------------------------------------------------------------------------

    @Test
    void theQuantityMustBeAPositiveWholeNumber() {
        for (String quantity : List.of("0", "-1", "1.5", "0.001")) {
            Violation v = only(check(request("po_access", quantity, Map.of("siteId", "S"))));
            assertEquals(ProductConfigurator.QUANTITY_INVALID, v.rule(), quantity);
            assertEquals("lines[0].quantity", v.target(), quantity);
            assertTrue(v.message().contains(new BigDecimal(quantity).toPlainString()), v.message());
        }
    }

    // --- characteristics --------------------------------------------------------------------

    @Test
    void anUnknownCharacteristicIsNamed() {
        Violation v = only(check(access(Map.of("siteId", "S", "colour", "red"))));
        assertEquals(ProductConfigurator.CHARACTERISTIC_UNKNOWN, v.rule());
        assertEquals("lines[0].characteristics.colour", v.target());
        assertTrue(v.message().contains("ps_access"), v.message());
    }

    @Test
    void aRequiredCharacteristicWithoutValueOrDefaultIsMissing() {
        assertOnly(check(access(Map.of())), ProductConfigurator.CHARACTERISTIC_REQUIRED, "lines[0].characteristics.siteId");
        assertOnly(check(access(Map.of("siteId", "  "))), ProductConfigurator.CHARACTERISTIC_REQUIRED,
                "lines[0].characteristics.siteId");
    }

    @Test
    void aValueMustHaveTheCharacteristicsType() {
        assertOnly(check(access(Map.of("siteId", "S", "bandwidth", "fast"))),
                ProductConfigurator.CHARACTERISTIC_VALUE_INVALID, "lines[0].characteristics.bandwidth");
        assertOnly(check(access(Map.of("siteId", "S", "termMonths", "12.5"))),
                ProductConfigurator.CHARACTERISTIC_VALUE_INVALID, "lines[0].characteristics.termMonths");
        assertOnly(check(request("po_router", "1", Map.of("highAvailability", "yes"))),
                ProductConfigurator.CHARACTERISTIC_VALUE_INVALID, "lines[0].characteristics.highAvailability");
        assertOnly(check(request("po_sla", "1", Map.of("availability", "high"))),
                ProductConfigurator.CHARACTERISTIC_VALUE_INVALID, "lines[0].characteristics.availability");
    }

    @Test
    void aValueMustBeOneOfTheAllowedValues() {
        Violation v = only(check(access(Map.of("siteId", "S", "bandwidth", "200"))));
        assertEquals(ProductConfigurator.CHARACTERISTIC_VALUE_NOT_ALLOWED, v.rule());
        assertEquals("lines[0].characteristics.bandwidth", v.target());
        assertTrue(v.message().contains("[100, 500]"), v.message());
    }

    @Test
    void anyValueOfTheTypeIsAllowedWhenNoValuesAreListed() {
        assertTrue(check(request("po_sla", "1", Map.of("availability", "99.999"))).valid());
    }

    // --- bundles ----------------------------------------------------------------------------

    @Test
    void aBundleIsConfiguredWithItsChildren() {
        ConfigurationCheck check = check(bundleOf(validAccess(), router(), router(),
                request("po_sla", "1", Map.of("availability", "99.95"))));

        assertTrue(check.valid(), () -> check.violations().toString());
        List<ConfiguredProduct> children = check.product().children();
        assertEquals(List.of("po_access", "po_router", "po_router", "po_sla"),
                children.stream().map(ConfiguredProduct::offeringId).toList());
        assertEquals(Map.of("model", "CPE-1", "highAvailability", "false"), children.get(1).characteristics());
        assertEquals(Map.of("availability", "99.95"), children.get(3).characteristics());
    }

    @Test
    void aChildTheBundleDoesNotDeclareIsRefusedAndNotConfigured() {
        // the undeclared child also has a bad quantity: it is not configured, so only the refusal is reported
        ConfigurationCheck check = check(standard(), NOW,
                bundleOf(validAccess(), router(), request("po_retired", "0", Map.of())), "lines[1]");

        Violation v = only(check);
        assertEquals(ProductConfigurator.BUNDLE_CHILD_NOT_ALLOWED, v.rule());
        assertEquals("lines[1].children[2].offeringId", v.target());
        assertTrue(v.message().contains("[po_access, po_router, po_sla]"), v.message());
    }

    @Test
    void anOfferingThatIsNotABundleTakesNoChildren() {
        Violation v = only(check(request("po_access", "1", Map.of("siteId", "S"), router())));
        assertEquals(ProductConfigurator.BUNDLE_CHILD_NOT_ALLOWED, v.rule());
        assertEquals("lines[0].children[0].offeringId", v.target());
        assertTrue(v.message().contains("not a bundle"), v.message());
    }

    @Test
    void aBundleNeedsAtLeastTheMinimumOfEachChild() {
        Violation v = only(check(bundleOf(validAccess())));
        assertEquals(ProductConfigurator.BUNDLE_CARDINALITY_VIOLATED, v.rule());
        assertEquals("lines[0].children", v.target());
        assertTrue(v.message().contains("1..2 of 'po_router', not 0"), v.message());
    }

    @Test
    void aBundleHoldsAtMostTheMaximumOfEachChild() {
        Violation routers = only(check(bundleOf(validAccess(), router(), router(), router())));
        assertEquals(ProductConfigurator.BUNDLE_CARDINALITY_VIOLATED, routers.rule());
        assertTrue(routers.message().contains("1..2 of 'po_router', not 3"), routers.message());

        Violation slas = only(check(bundleOf(validAccess(), router(), request("po_sla", "1", Map.of()),
                request("po_sla", "1", Map.of()))));
        assertEquals(ProductConfigurator.BUNDLE_CARDINALITY_VIOLATED, slas.rule());
        assertTrue(slas.message().contains("0..1 of 'po_sla', not 2"), slas.message());
    }

    @Test
    void aChildIsCheckedLikeALineUnderItsOwnPath() {
        ConfigurationCheck check = check(standard(), NOW, bundleOf(access(Map.of("bandwidth", "999")), router()),
                "lines[1]");

        assertEquals(List.of(
                ProductConfigurator.CHARACTERISTIC_VALUE_NOT_ALLOWED + " @ lines[1].children[0].characteristics.bandwidth",
                ProductConfigurator.CHARACTERISTIC_REQUIRED + " @ lines[1].children[0].characteristics.siteId"),
                rulesAndTargets(check));
        assertNull(check.product());
    }

    @Test
    void aChildMustBeSellableToo() {
        List<ProductOffering> offerings = new ArrayList<>(standard().productOfferings());
        offerings.replaceAll(o -> o.id().equals("po_router")
                ? withLifecycle(o, OfferingLifecycle.RETIRED, o.validFrom(), null) : o);
        CatalogDocument retiredRouter = new CatalogDocument(standard().productSpecifications(), offerings);

        ConfigurationCheck check = check(retiredRouter, NOW, bundleOf(validAccess(), router()), "items[4]");

        assertOnly(check, ProductConfigurator.OFFERING_NOT_SELLABLE, "items[4].children[1].offeringId");
    }

    // --- all at once ------------------------------------------------------------------------

    @Test
    void everyBrokenRuleIsReportedTogetherInAStableOrder() {
        ConfigurationCheck check = check(standard(), NOW, request("po_window", "0",
                        Map.of("zeta", "1", "alpha", "2", "bandwidth", "fast", "ipBlock", "/24"), router()),
                "lines[2]");

        assertEquals(List.of(
                ProductConfigurator.QUANTITY_INVALID + " @ lines[2].quantity",
                ProductConfigurator.CHARACTERISTIC_UNKNOWN + " @ lines[2].characteristics.alpha",
                ProductConfigurator.CHARACTERISTIC_UNKNOWN + " @ lines[2].characteristics.zeta",
                ProductConfigurator.CHARACTERISTIC_VALUE_INVALID + " @ lines[2].characteristics.bandwidth",
                ProductConfigurator.CHARACTERISTIC_REQUIRED + " @ lines[2].characteristics.siteId",
                ProductConfigurator.CHARACTERISTIC_VALUE_NOT_ALLOWED + " @ lines[2].characteristics.ipBlock",
                ProductConfigurator.BUNDLE_CHILD_NOT_ALLOWED + " @ lines[2].children[0].offeringId"),
                rulesAndTargets(check));
        assertNull(check.product());
    }

    @Test
    void notSellableIsReportedFirstAndTheRestIsStillChecked() {
        ConfigurationCheck check = check(standard(), UNTIL_JUNE, request("po_window", "-2", Map.of()), "lines[0]");

        assertEquals(List.of(
                ProductConfigurator.OFFERING_NOT_SELLABLE + " @ lines[0].offeringId",
                ProductConfigurator.QUANTITY_INVALID + " @ lines[0].quantity",
                ProductConfigurator.CHARACTERISTIC_REQUIRED + " @ lines[0].characteristics.siteId"),
                rulesAndTargets(check));
    }

    @Test
    void theDemoConnectivityBundleConfiguresWithItsDefaults() {
        CatalogDocument demo = InMemoryCatalog.demoDocument();
        ConfigurationCheck check = check(demo, NOW, request("po_connectivity_bundle", "1", Map.of(),
                request("po_enterprise_fiber", "1", Map.of("siteId", "SITE-42", "bandwidthMbps", "1000")),
                request("po_managed_router", "1", Map.of()),
                request("po_premium_sla", "1", Map.of())), "lines[0]");

        assertTrue(check.valid(), () -> check.violations().toString());
        ConfiguredProduct fiber = check.product().children().get(0);
        assertEquals(Map.of("bandwidthMbps", "1000", "slaTier", "STANDARD", "contractTermMonths", "36",
                "staticIpBlock", "NONE", "installationType", "STANDARD", "siteId", "SITE-42"), fiber.characteristics());
        assertNotNull(check.product().children().get(2));
        // the demo's rule PREMIUM-SLA-MONITORING adds SLA Monitoring to a bundle with the Premium SLA
        assertEquals(List.of("po_enterprise_fiber", "po_managed_router", "po_premium_sla", "po_sla_monitoring"),
                check.product().children().stream().map(ConfiguredProduct::offeringId).toList());
        assertEquals(Map.of("reportingInterval", "MONTHLY"), check.product().children().get(3).characteristics());
    }
}
