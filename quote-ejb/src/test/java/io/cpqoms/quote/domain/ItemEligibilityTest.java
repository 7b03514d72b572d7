package io.cpqoms.quote.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cpqoms.catalog.api.ConfigurationRequest;
import io.cpqoms.catalog.api.EligibilityReason;
import io.cpqoms.catalog.api.EligibilityRequest;
import io.cpqoms.catalog.api.EligibilityResult;
import io.cpqoms.catalog.api.OfferingEligibility;
import io.cpqoms.kernel.Violation;
import io.cpqoms.quote.api.NewQuote;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ItemEligibilityTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    private static final UUID VERSION = UUID.fromString("00000000-0000-0000-0000-00000000c001");
    private static final Quote QUOTE = Quote.start("t1", "Q-000001", new NewQuote("cus-1", "acc-1", "DIRECT_SALES", null, null),
            VERSION, "alice", NOW);

    private static ConfigurationRequest node(String offeringId, String site, ConfigurationRequest... children) {
        return new ConfigurationRequest(offeringId, BigDecimal.ONE, site == null ? Map.of() : Map.of("siteId", site),
                List.of(children));
    }

    /** A bundle without a site, fiber at site-a, two routers (one at site-b), an SLA. */
    private static final ConfigurationRequest BUNDLE = node("po_bundle", null,
            node("po_fiber", "site-a"), node("po_router", null), node("po_router", " site-b "), node("po_sla", " "));

    @Test
    void everyOfferingOfTheTreeIsAskedAtItsOwnSiteOrItsParents() {
        assertEquals(List.of(new ItemEligibility.Node("item", "po_bundle", null),
                        new ItemEligibility.Node("item.children[0]", "po_fiber", "site-a"),
                        new ItemEligibility.Node("item.children[1]", "po_router", null),
                        new ItemEligibility.Node("item.children[2]", "po_router", "site-b"),
                        new ItemEligibility.Node("item.children[3]", "po_sla", null)),
                ItemEligibility.of(BUNDLE, "item").nodes());
        assertEquals(List.of(new ItemEligibility.Node("item", "po_access", "site-x"),
                        new ItemEligibility.Node("item.children[0]", "po_router", "site-x")),
                ItemEligibility.of(node("po_access", "site-x", node("po_router", null)), "item").nodes(),
                "a child is delivered where its parent is");
    }

    @Test
    void nodesWithoutOfferingAreNotAsked() {
        assertEquals(List.of(new ItemEligibility.Node("item.children[1]", "po_router", null)),
                ItemEligibility.of(node(" ", null, node(null, null), node("po_router", null)), "item").nodes());
    }

    @Test
    void oneRequestPerLocationWithTheQuotesCustomerAccountChannelAndVersion() {
        List<EligibilityRequest> requests = ItemEligibility.of(BUNDLE, "item").requests(QUOTE, NOW);
        assertEquals(3, requests.size());
        assertEquals(List.of("po_bundle", "po_router", "po_sla"), requests.get(0).productOfferingIds(), "each offering once");
        assertEquals(null, requests.get(0).locationId());
        assertEquals(List.of("po_fiber"), requests.get(1).productOfferingIds());
        assertEquals("site-a", requests.get(1).locationId());
        assertEquals(List.of("po_router"), requests.get(2).productOfferingIds());
        assertEquals("site-b", requests.get(2).locationId());
        for (EligibilityRequest request : requests) {
            assertEquals("cus-1", request.customerId());
            assertEquals("acc-1", request.accountId());
            assertEquals("DIRECT_SALES", request.channel());
            assertEquals(VERSION, request.catalogVersionId());
            assertEquals(NOW, request.requestedAt());
            assertEquals(null, request.customerSegment(), "the segment comes from the account standing");
            assertTrue(request.unknownSegmentAllowed(), "an account without standing can still be quoted");
        }
    }

    private static OfferingEligibility answer(String offeringId, String... codes) {
        List<EligibilityReason> reasons = new ArrayList<>();
        for (String code : codes) {
            reasons.add(new EligibilityReason(code, offeringId + " " + code + " explained"));
        }
        return new OfferingEligibility(offeringId, offeringId, reasons.isEmpty(), reasons, List.of());
    }

    private static EligibilityResult result(EligibilityRequest request, OfferingEligibility... offerings) {
        return new EligibilityResult(VERSION, NOW, request.channel(), request.locationId(), null,
                EligibilityResult.CustomerSegmentSource.UNKNOWN, null, false, List.of(offerings));
    }

    @Test
    void everyReasonBecomesAViolationOnItsNodesOffering() {
        List<EligibilityRequest> asked = new ArrayList<>();
        List<Violation> violations = ItemEligibility.of(BUNDLE, "item").violations(request -> {
            asked.add(request);
            if ("site-a".equals(request.locationId())) {
                return result(request, answer("po_fiber", EligibilityReason.LOCATION_NOT_COVERED));
            }
            if ("site-b".equals(request.locationId())) {
                return result(request, answer("po_router"));
            }
            return result(request, answer("po_bundle"), answer("po_router", EligibilityReason.CHANNEL_NOT_ELIGIBLE,
                    EligibilityReason.OUTSTANDING_DEBT), answer("po_sla"));
        }, QUOTE, NOW);
        assertEquals(3, asked.size());
        assertEquals(List.of(
                new Violation("LOCATION_NOT_COVERED", "item.children[0].offeringId", "po_fiber LOCATION_NOT_COVERED explained"),
                new Violation("CHANNEL_NOT_ELIGIBLE", "item.children[1].offeringId", "po_router CHANNEL_NOT_ELIGIBLE explained"),
                new Violation("OUTSTANDING_DEBT", "item.children[1].offeringId", "po_router OUTSTANDING_DEBT explained")),
                violations, "the router at site-b is eligible, the one without a site is not");
    }

    @Test
    void whatTheConfigurationCheckReportsIsNotRepeated() {
        ConfigurationRequest item = node("po_old", null);
        List<Violation> violations = ItemEligibility.of(item, "item").violations(request -> result(request,
                answer("po_old", EligibilityReason.OFFERING_NOT_SELLABLE, EligibilityReason.SEGMENT_NOT_ELIGIBLE)), QUOTE, NOW);
        assertEquals(List.of("SEGMENT_NOT_ELIGIBLE"), violations.stream().map(Violation::rule).toList());
        assertEquals(List.of(), ItemEligibility.of(node("po_ghost", null), "item").violations(request -> result(request,
                answer("po_ghost", EligibilityReason.OFFERING_NOT_FOUND)), QUOTE, NOW));
    }

    @Test
    void anEligibleItemHasNoViolations() {
        assertEquals(List.of(), ItemEligibility.of(BUNDLE, "item").violations(request -> result(request,
                request.productOfferingIds().stream().map(id -> answer(id)).toArray(OfferingEligibility[]::new)), QUOTE, NOW));
    }
}
