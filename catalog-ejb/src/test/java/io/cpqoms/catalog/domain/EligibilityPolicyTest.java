package io.cpqoms.catalog.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cpqoms.catalog.api.AccountStandingUpdate;
import io.cpqoms.catalog.api.CatalogDocument;
import io.cpqoms.catalog.api.CoverageArea;
import io.cpqoms.catalog.api.EligibilityAlternative;
import io.cpqoms.catalog.api.EligibilityReason;
import io.cpqoms.catalog.api.EligibilityRequest;
import io.cpqoms.catalog.api.EligibilityResult;
import io.cpqoms.catalog.api.EligibilityResult.CustomerSegmentSource;
import io.cpqoms.catalog.api.OfferingEligibility;
import io.cpqoms.catalog.api.OfferingLifecycle;
import io.cpqoms.catalog.api.ProductOffering;
import io.cpqoms.catalog.api.ProductOfferingRelationship;
import io.cpqoms.catalog.api.ProductSpecification;
import io.cpqoms.catalog.api.RelationshipType;
import io.cpqoms.kernel.DomainException;
import io.cpqoms.kernel.Violation;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class EligibilityPolicyTest {

    private static final Instant JAN_2026 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant NOW = Instant.parse("2026-07-02T03:00:00Z");
    private static final Instant FROM_2027 = Instant.parse("2027-01-01T00:00:00Z");
    private static final Instant UNTIL_JUNE = Instant.parse("2026-06-01T00:00:00Z");

    // --- the catalog under test -------------------------------------------------------------

    private static ProductSpecification spec(String id, String family) {
        return new ProductSpecification(id, "Spec " + id, null, null, List.of(), List.of(), family, List.of());
    }

    private static ProductOffering offering(String id, String name, String specId, OfferingLifecycle lifecycle, Instant from,
                                            Instant to, List<String> channels, List<String> segments,
                                            List<String> areas, boolean promotional) {
        return new ProductOffering(id, name, null, specId, lifecycle, from, to, false, channels, segments, List.of(),
                List.of(), areas, promotional, List.of(), List.of());
    }

    private static ProductOffering active(String id, String name, String specId, List<String> channels, List<String> segments,
                                          List<String> areas, boolean promotional) {
        return offering(id, name, specId, OfferingLifecycle.ACTIVE, JAN_2026, null, channels, segments, areas, promotional);
    }

    private static final ProductOffering FIBER = active("po_fiber", "Enterprise Fiber Internet", "ps_fiber",
            List.of("DIRECT_SALES", "PARTNER"), List.of("ENTERPRISE", "PUBLIC_SECTOR"), List.of(), false);
    private static final ProductOffering PROMO = active("po_fiber_promo", "Fiber Welcome", "ps_fiber",
            List.of("DIRECT_SALES"), List.of("ENTERPRISE"), List.of("area-metro"), true);
    private static final ProductOffering WIRELESS = active("po_wireless", "Fixed Wireless", "ps_wireless",
            List.of("DIRECT_SALES", "PARTNER", "SELF_SERVICE"), List.of("ENTERPRISE", "SMB"),
            List.of("area-wireless"), false);
    private static final ProductOffering FUTURE = offering("po_fiber_future", "Fiber 10G Launch", "ps_fiber",
            OfferingLifecycle.ACTIVE, FROM_2027, null, List.of("DIRECT_SALES"), List.of("ENTERPRISE"), List.of(), false);
    private static final ProductOffering ENDED = offering("po_fiber_spring", "Spring Fiber", "ps_fiber",
            OfferingLifecycle.ACTIVE, JAN_2026, UNTIL_JUNE, List.of("DIRECT_SALES"), List.of("ENTERPRISE"), List.of(), false);
    private static final ProductOffering RETIRED = offering("po_dsl", "Business DSL", "ps_fiber",
            OfferingLifecycle.RETIRED, JAN_2026, null, List.of("DIRECT_SALES"), List.of("ENTERPRISE"), List.of(), false);
    private static final ProductOffering ROUTER = active("po_router", "Managed Router", "ps_router",
            List.of("DIRECT_SALES"), List.of("ENTERPRISE"), List.of(), false);
    private static final ProductOffering BUNDLE = new ProductOffering("po_bundle", "Internet Bundle", null, "ps_bundle",
            OfferingLifecycle.ACTIVE, JAN_2026, null, true, List.of("DIRECT_SALES", "PARTNER", "SELF_SERVICE"),
            List.of("ENTERPRISE", "SMB"), List.of(), List.of(new ProductOfferingRelationship(RelationshipType.BUNDLE_CHILD,
            "po_fiber", 1, 1)), List.of(), false, List.of(), List.of());

    private static final CatalogDocument DOCUMENT = new CatalogDocument(
            List.of(spec("ps_fiber", "internet"), spec("ps_wireless", "internet"), spec("ps_router", null),
                    spec("ps_bundle", "internet")),
            List.of(FIBER, PROMO, WIRELESS, FUTURE, ENDED, RETIRED, ROUTER, BUNDLE),
            List.of(new CoverageArea("area-metro", "Metro fiber", List.of("loc-m1", "loc-m2")),
                    new CoverageArea("area-wireless", "Wireless", List.of("loc-m1", "loc-r1"))),
            List.of(), null);

    private static final DocumentCatalog CATALOG = InMemoryCatalog.of(DOCUMENT);
    private static final EligibilityPolicy POLICY = new EligibilityPolicy(CATALOG);

    // --- helpers ----------------------------------------------------------------------------

    private static EligibilityRequest request(String channel, String location, String segment, String... offeringIds) {
        return new EligibilityRequest("cus-1", "acc-1", channel, location, List.of(offeringIds), null, segment, null);
    }

    private static AccountStanding standing(String segment, String debt) {
        return AccountStanding.of("t1", "acc-1", new AccountStandingUpdate("cus-1", segment, new BigDecimal(debt), "USD",
                Instant.parse("2026-07-01T00:00:00Z")), NOW);
    }

    private static OfferingEligibility only(EligibilityRequest request, AccountStanding standing) {
        EligibilityResult result = POLICY.decide(request, standing, NOW);
        assertEquals(1, result.offerings().size());
        return result.offerings().get(0);
    }

    private static List<String> codes(OfferingEligibility answer) {
        return answer.reasons().stream().map(EligibilityReason::code).toList();
    }

    private static List<String> alternatives(OfferingEligibility answer) {
        return answer.alternatives().stream().map(EligibilityAlternative::productOfferingId).toList();
    }

    private static String message(OfferingEligibility answer, String code) {
        return answer.reasons().stream().filter(r -> r.code().equals(code)).findFirst().orElseThrow().message();
    }

    // --- eligible ---------------------------------------------------------------------------

    @Test
    void anOfferingWithoutCoverageAreasIsAvailableAtAnyLocation() {
        EligibilityResult result = POLICY.decide(request("DIRECT_SALES", "loc-anywhere", "ENTERPRISE", "po_fiber"), null, NOW);
        OfferingEligibility answer = result.offerings().get(0);
        assertTrue(answer.eligible());
        assertEquals(List.of(), answer.reasons());
        assertEquals(List.of(), answer.alternatives(), "an eligible offering needs no alternatives");
        assertEquals("Enterprise Fiber Internet", answer.name());
        assertTrue(result.allEligible());
        assertEquals(CATALOG.versionId(), result.catalogVersionId());
        assertEquals(NOW, result.requestedAt());
        assertEquals("DIRECT_SALES", result.channel());
        assertEquals("loc-anywhere", result.locationId());
        assertEquals("ENTERPRISE", result.customerSegment());
        assertEquals(CustomerSegmentSource.REQUEST, result.customerSegmentSource());
    }

    @Test
    void anOfferingWithoutCoverageAreasNeedsNoLocation() {
        assertTrue(only(request("DIRECT_SALES", null, "ENTERPRISE", "po_fiber"), null).eligible());
    }

    @Test
    void aLocationInAnyOfTheOfferingsAreasIsCovered() {
        assertTrue(only(request("DIRECT_SALES", "loc-r1", "SMB", "po_wireless"), null).eligible());
        assertTrue(only(request("DIRECT_SALES", "loc-m1", "SMB", "po_wireless"), null).eligible());
        assertTrue(only(request("DIRECT_SALES", "loc-m2", "ENTERPRISE", "po_fiber_promo"), standing("ENTERPRISE", "0")).eligible());
    }

    // --- coverage ---------------------------------------------------------------------------

    @Test
    void aLocationOutsideTheCoverageAreasIsNotCoveredAndTheFamilyOffersAlternatives() {
        OfferingEligibility answer = only(request("DIRECT_SALES", "loc-r1", "ENTERPRISE", "po_fiber_promo"),
                standing("ENTERPRISE", "0.00"));
        assertFalse(answer.eligible());
        assertEquals(List.of(EligibilityReason.LOCATION_NOT_COVERED), codes(answer));
        assertEquals("Coverage is not available at location loc-r1: Fiber Welcome (po_fiber_promo) is offered in areas "
                + "[area-metro].", message(answer, EligibilityReason.LOCATION_NOT_COVERED));
        // same family, eligible here and now: not the asked one, not the future or ended or retired ones, not the bundle
        assertEquals(List.of("po_fiber", "po_wireless"), alternatives(answer));
        assertEquals("Fixed Wireless", answer.alternatives().get(1).name());
    }

    @Test
    void alternativesMustThemselvesBeCoveredAtTheLocation() {
        OfferingEligibility answer = only(request("DIRECT_SALES", "loc-nowhere", "ENTERPRISE", "po_fiber_promo"),
                standing("ENTERPRISE", "0"));
        assertEquals(List.of(EligibilityReason.LOCATION_NOT_COVERED), codes(answer));
        assertEquals(List.of("po_fiber"), alternatives(answer), "wireless does not cover loc-nowhere either");
    }

    @Test
    void aRestrictedOfferingWithoutALocationIsNotCovered() {
        OfferingEligibility answer = only(request("DIRECT_SALES", null, "SMB", "po_wireless"), null);
        assertEquals(List.of(EligibilityReason.LOCATION_NOT_COVERED), codes(answer));
        assertEquals("No location was given: Fixed Wireless (po_wireless) is offered in areas [area-wireless].",
                message(answer, EligibilityReason.LOCATION_NOT_COVERED));
        assertEquals(List.of(), alternatives(answer), "fiber is not offered to SMB");
    }

    @Test
    void aBlankLocationIsNoLocation() {
        EligibilityResult result = POLICY.decide(request("DIRECT_SALES", "  ", "SMB", "po_wireless"), null, NOW);
        assertNull(result.locationId());
        assertEquals(List.of(EligibilityReason.LOCATION_NOT_COVERED), codes(result.offerings().get(0)));
    }

    // --- validity ---------------------------------------------------------------------------

    @Test
    void anOfferingBeforeItsWindowIsNotSellable() {
        OfferingEligibility answer = only(request("DIRECT_SALES", null, "ENTERPRISE", "po_fiber_future"), null);
        assertEquals(List.of(EligibilityReason.OFFERING_NOT_SELLABLE), codes(answer));
        assertEquals("Fiber 10G Launch (po_fiber_future) is not on sale at 2026-07-02T03:00:00Z: it is sold from "
                + "2027-01-01T00:00:00Z.", message(answer, EligibilityReason.OFFERING_NOT_SELLABLE));
        assertEquals(List.of("po_fiber"), alternatives(answer));
    }

    @Test
    void theRequestedInstantDecidesTheWindow() {
        EligibilityRequest in2027 = new EligibilityRequest("cus-1", "acc-1", "DIRECT_SALES", null,
                List.of("po_fiber_future", "po_fiber_spring"), null, "ENTERPRISE", null);
        EligibilityResult result = POLICY.decide(in2027, null, Instant.parse("2027-02-01T00:00:00Z"));
        assertTrue(result.offerings().get(0).eligible());
        assertEquals(List.of(EligibilityReason.OFFERING_NOT_SELLABLE), codes(result.offerings().get(1)));
        assertEquals("Spring Fiber (po_fiber_spring) is not on sale at 2027-02-01T00:00:00Z: it was sold until "
                + "2026-06-01T00:00:00Z.", result.offerings().get(1).reasons().get(0).message());
        assertTrue(POLICY.decide(in2027, null, Instant.parse("2026-05-31T23:59:59Z")).offerings().get(1).eligible(),
                "inside the window, validTo exclusive");
    }

    @Test
    void aRetiredOfferingIsNotSellable() {
        OfferingEligibility answer = only(request("DIRECT_SALES", null, "ENTERPRISE", "po_dsl"), null);
        assertEquals(List.of(EligibilityReason.OFFERING_NOT_SELLABLE), codes(answer));
        assertEquals("Business DSL (po_dsl) is RETIRED; only ACTIVE offerings are sold.", answer.reasons().get(0).message());
    }

    // --- channel and segment ----------------------------------------------------------------

    @Test
    void anOfferingIsSoldOnlyThroughItsChannels() {
        OfferingEligibility answer = only(request("SELF_SERVICE", "loc-m1", "ENTERPRISE", "po_fiber"), null);
        assertEquals(List.of(EligibilityReason.CHANNEL_NOT_ELIGIBLE), codes(answer));
        assertEquals("Enterprise Fiber Internet (po_fiber) is not sold through channel SELF_SERVICE; it is sold through "
                + "[DIRECT_SALES, PARTNER].", answer.reasons().get(0).message());
        assertEquals(List.of("po_wireless"), alternatives(answer), "wireless is sold self-service at loc-m1");
    }

    @Test
    void anOfferingIsOfferedOnlyToItsSegments() {
        OfferingEligibility answer = only(request("DIRECT_SALES", "loc-r1", "SMB", "po_fiber"), null);
        assertEquals(List.of(EligibilityReason.SEGMENT_NOT_ELIGIBLE), codes(answer));
        assertEquals("Enterprise Fiber Internet (po_fiber) is not offered to the SMB segment (as given in the request); "
                + "it is offered to [ENTERPRISE, PUBLIC_SECTOR].", answer.reasons().get(0).message());
        assertEquals(List.of("po_wireless"), alternatives(answer));
    }

    @Test
    void theSegmentComesFromTheAccountStandingUnlessTheRequestNamesOne() {
        EligibilityResult fromStanding = POLICY.decide(request("DIRECT_SALES", null, null, "po_fiber"), standing("SMB", "0"), NOW);
        assertEquals("SMB", fromStanding.customerSegment());
        assertEquals(CustomerSegmentSource.ACCOUNT_STANDING, fromStanding.customerSegmentSource());
        assertEquals(List.of(EligibilityReason.SEGMENT_NOT_ELIGIBLE), codes(fromStanding.offerings().get(0)));
        assertTrue(fromStanding.offerings().get(0).reasons().get(0).message()
                .contains("the segment of account acc-1 as of 2026-07-01T00:00:00Z"));

        EligibilityResult overridden = POLICY.decide(request("DIRECT_SALES", null, "ENTERPRISE", "po_fiber"),
                standing("SMB", "0"), NOW);
        assertEquals(CustomerSegmentSource.REQUEST, overridden.customerSegmentSource());
        assertTrue(overridden.offerings().get(0).eligible());
    }

    @Test
    void anUnknownSegmentIsAReasonUnlessTheCallerAllowsIt() {
        EligibilityResult result = POLICY.decide(request("DIRECT_SALES", null, null, "po_fiber"), null, NOW);
        assertEquals(CustomerSegmentSource.UNKNOWN, result.customerSegmentSource());
        assertNull(result.customerSegment());
        OfferingEligibility answer = result.offerings().get(0);
        assertEquals(List.of(EligibilityReason.SEGMENT_UNKNOWN), codes(answer));
        assertEquals("No customer segment was given and none is known for account acc-1; Enterprise Fiber Internet "
                + "(po_fiber) is offered to [ENTERPRISE, PUBLIC_SECTOR].", answer.reasons().get(0).message());
        assertEquals(List.of(), alternatives(answer), "no alternative can be decided without a segment either");

        AccountStanding withoutSegment = standing(null, "0");
        assertEquals(List.of(EligibilityReason.SEGMENT_UNKNOWN),
                codes(only(request("DIRECT_SALES", null, null, "po_fiber"), withoutSegment)));

        EligibilityRequest lenient = new EligibilityRequest("cus-1", "acc-1", "DIRECT_SALES", null, List.of("po_fiber"),
                null, null, null, true);
        assertTrue(only(lenient, null).eligible(), "quotes go on for accounts the projection does not know");
    }

    // --- account standing -------------------------------------------------------------------

    @Test
    void aPromotionalOfferingIsRefusedToAnAccountWithOutstandingDebt() {
        OfferingEligibility answer = only(request("DIRECT_SALES", "loc-m1", "ENTERPRISE", "po_fiber_promo"),
                standing("ENTERPRISE", "120.50"));
        assertEquals(List.of(EligibilityReason.OUTSTANDING_DEBT), codes(answer));
        assertEquals("Account acc-1 has an outstanding debt of 120.50 USD (as of 2026-07-01T00:00:00Z): promotional "
                + "offering Fiber Welcome (po_fiber_promo) is not available to accounts with outstanding debt.",
                answer.reasons().get(0).message());
        assertEquals(List.of("po_fiber", "po_wireless"), alternatives(answer), "the non-promotional ones");
    }

    @Test
    void debtDoesNotMatterForANonPromotionalOffering() {
        assertTrue(only(request("DIRECT_SALES", "loc-m1", "ENTERPRISE", "po_fiber"), standing("ENTERPRISE", "9999")).eligible());
    }

    @Test
    void aPromotionalOfferingNeedsAKnownStanding() {
        OfferingEligibility unknown = only(request("DIRECT_SALES", "loc-m1", "ENTERPRISE", "po_fiber_promo"), null);
        assertEquals(List.of(EligibilityReason.ACCOUNT_STANDING_UNKNOWN), codes(unknown));
        assertEquals("Fiber Welcome (po_fiber_promo) is promotional and no standing is known for account acc-1, so "
                + "outstanding debt cannot be ruled out.", unknown.reasons().get(0).message());

        EligibilityRequest noAccount = new EligibilityRequest("cus-1", null, "DIRECT_SALES", "loc-m1",
                List.of("po_fiber_promo"), null, "ENTERPRISE", null);
        OfferingEligibility anonymous = only(noAccount, standing("ENTERPRISE", "0"));
        assertEquals(List.of(EligibilityReason.ACCOUNT_STANDING_UNKNOWN), codes(anonymous),
                "a standing is only used for the account it belongs to");
        assertTrue(anonymous.reasons().get(0).message().contains("no account was named"));
    }

    @Test
    void theStandingUsedIsReportedWithItsFreshness() {
        EligibilityResult known = POLICY.decide(request("DIRECT_SALES", null, null, "po_fiber"), standing("ENTERPRISE", "0"), NOW);
        assertEquals("acc-1", known.standing().accountId());
        assertTrue(known.standing().known());
        assertEquals(Instant.parse("2026-07-01T00:00:00Z"), known.standing().asOf());
        assertEquals(NOW, known.standing().updatedAt());
        assertEquals("ENTERPRISE", known.standing().customerSegment());
        assertNull(known.standing().note());

        EligibilityResult unknown = POLICY.decide(request("DIRECT_SALES", null, "ENTERPRISE", "po_fiber"), null, NOW);
        assertFalse(unknown.standing().known());
        assertNull(unknown.standing().asOf());
        assertEquals("No account standing is known for account acc-1.", unknown.standing().note());

        EligibilityRequest otherCustomer = new EligibilityRequest("cus-2", "acc-1", "DIRECT_SALES", null,
                List.of("po_fiber"), null, null, null);
        assertEquals("Account acc-1 belongs to customer cus-1 according to its standing, not to cus-2.",
                POLICY.decide(otherCustomer, standing("ENTERPRISE", "0"), NOW).standing().note());
    }

    // --- everything at once -----------------------------------------------------------------

    @Test
    void everyBrokenRuleIsListedInOrder() {
        OfferingEligibility answer = only(request("PARTNER", "loc-r1", "SMB", "po_fiber_promo"), standing("SMB", "10"));
        assertEquals(List.of(EligibilityReason.CHANNEL_NOT_ELIGIBLE, EligibilityReason.SEGMENT_NOT_ELIGIBLE,
                EligibilityReason.LOCATION_NOT_COVERED, EligibilityReason.OUTSTANDING_DEBT), codes(answer));
        assertEquals(List.of("po_wireless"), alternatives(answer));

        OfferingEligibility future = only(request("SELF_SERVICE", null, "ENTERPRISE", "po_fiber_future"), null);
        assertEquals(List.of(EligibilityReason.OFFERING_NOT_SELLABLE, EligibilityReason.CHANNEL_NOT_ELIGIBLE), codes(future));
    }

    @Test
    void anUnknownOfferingIsNotFoundAndNothingElse() {
        OfferingEligibility answer = only(request("NOWHERE", null, null, "po_ghost"), null);
        assertEquals("po_ghost", answer.productOfferingId());
        assertNull(answer.name());
        assertEquals(List.of(EligibilityReason.OFFERING_NOT_FOUND), codes(answer));
        assertEquals("Offering 'po_ghost' does not exist in catalog version " + CATALOG.versionId() + ".",
                answer.reasons().get(0).message());
        assertEquals(List.of(), answer.alternatives());
    }

    @Test
    void anOfferingWithoutFamilyHasNoAlternatives() {
        OfferingEligibility answer = only(request("PARTNER", null, "ENTERPRISE", "po_router"), null);
        assertEquals(List.of(EligibilityReason.CHANNEL_NOT_ELIGIBLE), codes(answer));
        assertEquals(List.of(), answer.alternatives());
    }

    @Test
    void severalOfferingsAreAnsweredOnceEachInTheOrderAsked() {
        EligibilityResult result = POLICY.decide(request("DIRECT_SALES", "loc-r1", "ENTERPRISE",
                "po_wireless", "po_fiber", " po_wireless ", "po_fiber_promo"), standing("ENTERPRISE", "0"), NOW);
        assertEquals(List.of("po_wireless", "po_fiber", "po_fiber_promo"),
                result.offerings().stream().map(OfferingEligibility::productOfferingId).toList());
        assertEquals(List.of(true, true, false), result.offerings().stream().map(OfferingEligibility::eligible).toList());
        assertFalse(result.allEligible());
    }

    // --- the request ------------------------------------------------------------------------

    @Test
    void aRequestNeedsAChannelAndAtLeastOneOffering() {
        DomainException e = assertThrows(DomainException.class, () -> POLICY.decide(
                new EligibilityRequest(null, null, " ", null, null, null, null, null), null, NOW));
        assertEquals(DomainException.Kind.INVALID_INPUT, e.kind());
        assertEquals(EligibilityPolicy.ELIGIBILITY_REQUEST_INVALID, e.code());
        assertEquals(List.of("channel", "productOfferingIds"), e.violations().stream().map(Violation::target).toList());
        assertEquals(List.of(EligibilityPolicy.REQUIRED_FIELD_MISSING, EligibilityPolicy.REQUIRED_FIELD_MISSING),
                e.violations().stream().map(Violation::rule).toList());
    }

    @Test
    void aRequestRefusesBlankIdsTooManyOfferingsAndLongIds() {
        List<String> ids = new ArrayList<>(Collections.nCopies(EligibilityPolicy.MAX_OFFERINGS + 1, "po_fiber"));
        ids.set(3, " ");
        DomainException e = assertThrows(DomainException.class, () -> EligibilityPolicy.check(new EligibilityRequest(
                null, "a".repeat(101), "DIRECT_SALES", null, ids, null, null, null)));
        assertEquals(List.of("accountId FIELD_TOO_LONG", "productOfferingIds TOO_MANY_OFFERINGS",
                        "productOfferingIds[3] REQUIRED_FIELD_MISSING"),
                e.violations().stream().map(v -> v.target() + " " + v.rule()).toList());
    }
}
