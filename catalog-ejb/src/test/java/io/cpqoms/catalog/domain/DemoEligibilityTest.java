package io.cpqoms.catalog.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cpqoms.catalog.api.AccountStandingUpdate;
import io.cpqoms.catalog.api.EligibilityAlternative;
import io.cpqoms.catalog.api.EligibilityReason;
import io.cpqoms.catalog.api.EligibilityRequest;
import io.cpqoms.catalog.api.EligibilityResult;
import io.cpqoms.catalog.api.OfferingEligibility;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shipped demo catalog shows eligibility, and keeps the offerings the order flow sells open to everyone. */
class DemoEligibilityTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    private static final EligibilityPolicy POLICY = new EligibilityPolicy(InMemoryCatalog.of(InMemoryCatalog.demoDocument()));

    private static EligibilityRequest request(String location, String segment, boolean lenient, String... offerings) {
        return new EligibilityRequest("cus-1", "acc-1", "DIRECT_SALES", location, List.of(offerings), null, segment, null,
                lenient);
    }

    private static AccountStanding standing(String debt) {
        return AccountStanding.of("acme", "acc-1", new AccountStandingUpdate("cus-1", "ENTERPRISE", new BigDecimal(debt),
                "USD", NOW.minusSeconds(3600)), NOW);
    }

    @Test
    void theOfferingsOfTheOrderFlowAreEligibleAnywhereForUnknownAccounts() {
        EligibilityResult result = POLICY.decide(request("site-hq", null, true, "po_enterprise_fiber", "po_managed_router",
                "po_premium_sla", "po_connectivity_bundle"), null, NOW);
        assertTrue(result.allEligible(), result::toString);
    }

    @Test
    void theWelcomeOfferIsForMetroSitesAndTheFamilyOffersFiberAndWirelessInstead() {
        OfferingEligibility answer = POLICY.decide(request("loc-rural-101", null, false, "po_fiber_welcome"),
                standing("0"), NOW).offerings().get(0);
        assertEquals(List.of(EligibilityReason.LOCATION_NOT_COVERED), answer.reasons().stream().map(EligibilityReason::code).toList());
        assertEquals("Coverage is not available at location loc-rural-101: Fiber Welcome Offer (po_fiber_welcome) is "
                + "offered in areas [area-metro-fiber].", answer.reasons().get(0).message());
        assertEquals(List.of("po_enterprise_fiber", "po_enterprise_wireless_200m"),
                answer.alternatives().stream().map(EligibilityAlternative::productOfferingId).toList());
        assertTrue(POLICY.decide(request("loc-metro-002", null, false, "po_fiber_welcome"), standing("0"), NOW).allEligible());
    }

    @Test
    void theWelcomeOfferIsNotForAccountsWithDebtOrUnknownStanding() {
        assertEquals(List.of(EligibilityReason.OUTSTANDING_DEBT), POLICY.decide(request("loc-metro-001", null, false,
                "po_fiber_welcome"), standing("250.00"), NOW).offerings().get(0).reasons().stream().map(EligibilityReason::code).toList());
        assertEquals(List.of(EligibilityReason.ACCOUNT_STANDING_UNKNOWN), POLICY.decide(request("loc-metro-001", "ENTERPRISE",
                true, "po_fiber_welcome"), null, NOW).offerings().get(0).reasons().stream().map(EligibilityReason::code).toList());
    }

    @Test
    void fixedWirelessNeedsItsCoverage() {
        OfferingEligibility answer = POLICY.decide(request("loc-999", "ENTERPRISE", false, "po_enterprise_wireless_200m"),
                null, NOW).offerings().get(0);
        assertEquals(List.of(EligibilityReason.LOCATION_NOT_COVERED), answer.reasons().stream().map(EligibilityReason::code).toList());
        assertEquals(List.of("po_enterprise_fiber"), answer.alternatives().stream().map(EligibilityAlternative::productOfferingId).toList());
    }
}
