package io.cpqoms.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Eligibility through HTTP on the deployed EAR (seed 002, section 7): the trusted integration records
 * account standings, sales check offerings for a customer, channel, location and time against the demo
 * catalog (coverage areas, a promotional fiber offer, fiber and wireless as one family), quotes refuse
 * ineligible items with the same reasons, and one tenant's projection is invisible to another.
 */
class EligibilityIT {

    private static final Api ACME_ADMIN = Api.as("acme-catalog-admin");
    private static final Api GLOBEX_ADMIN = Api.as("globex-catalog-admin");
    private static final Api SALES = Api.as("acme-sales");
    private static final Api CAPTURE = Api.as("acme-order-capture");
    private static final Api CUSTOMER_SERVICE = Api.as("acme-customer-service");
    private static final Api GLOBEX_SALES = Api.as("globex-sales");
    private static final String DEMO = Api.file("../server-config/src/main/demo/demo-catalog.json");
    private static final String AT = "2026-12-01T10:00:00+07:00";

    private static String acmeVersion;
    private static String globexVersion;

    @BeforeAll
    static void publishTheDemoCatalogForBothTenants() {
        acmeVersion = publish(ACME_ADMIN);
        globexVersion = publish(GLOBEX_ADMIN);
    }

    private static String publish(Api admin) {
        Api.Reply created = admin.post("/api/catalog/versions", "{\"name\":\"eligibility e2e " + UUID.randomUUID() + "\"}");
        assertEquals(201, created.status(), created.body());
        String id = created.json().getString("id");
        Api.Reply imported = admin.post("/api/catalog/versions/" + id + "/imports", DEMO);
        assertEquals(200, imported.status(), imported.body());
        Api.Reply published = admin.post("/api/catalog/versions/" + id + "/publication", null);
        assertEquals(200, published.status(), published.body());
        return id;
    }

    // ---- helpers -------------------------------------------------------------------------------

    private static String account() {
        return "acct-" + UUID.randomUUID();
    }

    private static String statement(String segment, String debt, Instant asOf) {
        return "{\"customerId\":\"cus-e2e\",\"customerSegment\":\"" + segment + "\",\"outstandingDebt\":" + debt
                + ",\"currency\":\"USD\",\"asOf\":\"" + asOf + "\"}";
    }

    private static JsonObject record(String account, String segment, String debt, Instant asOf, String outcome) {
        Api.Reply reply = CAPTURE.put("/api/eligibility/accounts/" + account, statement(segment, debt, asOf));
        assertEquals(200, reply.status(), reply.body());
        assertEquals(outcome, reply.json().getString("outcome"), reply.body());
        return reply.json();
    }

    /**
     * A check at a fixed instant inside the demo offerings' windows and before the 10G launch offer's, so
     * the alternatives do not depend on the day the suite runs.
     */
    private static String check(String account, String channel, String location, String segment, String version,
                                String... offerings) {
        StringBuilder json = new StringBuilder("{\"customerId\":\"cus-e2e\",\"channel\":\"" + channel
                + "\",\"requestedAt\":\"" + AT + "\"");
        if (account != null) {
            json.append(",\"accountId\":\"").append(account).append('"');
        }
        if (location != null) {
            json.append(",\"locationId\":\"").append(location).append('"');
        }
        if (segment != null) {
            json.append(",\"customerSegment\":\"").append(segment).append('"');
        }
        if (version != null) {
            json.append(",\"catalogVersionId\":\"").append(version).append('"');
        }
        if (offerings.length == 1) {
            json.append(",\"productOfferingId\":\"").append(offerings[0]).append('"');
        } else {
            json.append(",\"productOfferingIds\":[").append(String.join(",", List.of(offerings).stream()
                    .map(o -> "\"" + o + "\"").toList())).append(']');
        }
        return json.append('}').toString();
    }

    private static JsonObject decide(Api as, String body) {
        Api.Reply reply = as.post("/api/eligibility-checks", body);
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    private static JsonObject offering(JsonObject result, String id) {
        return result.getJsonArray("offerings").stream().map(JsonObject.class::cast)
                .filter(o -> o.getString("productOfferingId").equals(id)).findFirst().orElseThrow();
    }

    private static List<String> codes(JsonObject offering) {
        return offering.getJsonArray("reasons").stream().map(r -> r.asJsonObject().getString("code")).toList();
    }

    private static List<String> alternatives(JsonObject offering) {
        return offering.getJsonArray("alternatives").stream().map(a -> a.asJsonObject().getString("productOfferingId")).toList();
    }

    private static void assertProblem(Api.Reply reply, int status, String code) {
        assertEquals(status, reply.status(), reply.body());
        assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
        assertEquals(code, reply.json().getString("code"), reply.body());
    }

    private static String startQuote(String account) {
        Api.Reply quote = SALES.post("/api/quotes", "{\"customerId\":\"cus-e2e\",\"accountId\":\"" + account
                + "\",\"channel\":\"DIRECT_SALES\",\"catalogVersionId\":\"" + acmeVersion + "\"}");
        assertEquals(201, quote.status(), quote.body());
        return quote.json().getString("id");
    }

    private static String item(String offering, String site) {
        return "{\"offeringId\":\"" + offering + "\",\"quantity\":1,\"characteristics\":{\"siteId\":\"" + site + "\"}}";
    }

    // ---- checks --------------------------------------------------------------------------------

    @Test
    void fiberIsNotCoveredAtARuralSiteAndTheFamilyOffersAlternatives() {
        String account = account();
        Instant asOf = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        record(account, "ENTERPRISE", "0", asOf, "CREATED");

        JsonObject result = decide(SALES, check(account, "DIRECT_SALES", "loc-rural-101", null, acmeVersion, "po_fiber_welcome"));
        assertEquals(acmeVersion, result.getString("catalogVersionId"));
        assertFalse(result.getBoolean("allEligible"));
        assertEquals("ENTERPRISE", result.getString("customerSegment"));
        assertEquals("ACCOUNT_STANDING", result.getString("customerSegmentSource"));
        JsonObject standing = result.getJsonObject("standing");
        assertEquals(account, standing.getString("accountId"));
        assertTrue(standing.getBoolean("known"));
        assertEquals(asOf, Instant.parse(standing.getString("asOf")));
        assertNotNull(standing.getString("updatedAt"));

        JsonObject welcome = offering(result, "po_fiber_welcome");
        assertFalse(welcome.getBoolean("eligible"));
        assertEquals(List.of("LOCATION_NOT_COVERED"), codes(welcome));
        assertEquals("Coverage is not available at location loc-rural-101: Fiber Welcome Offer (po_fiber_welcome) is "
                + "offered in areas [area-metro-fiber].", welcome.getJsonArray("reasons").getJsonObject(0).getString("message"));
        assertEquals(List.of("po_enterprise_fiber", "po_enterprise_wireless_200m"), alternatives(welcome));
        assertEquals("Enterprise Fixed Wireless 200M", welcome.getJsonArray("alternatives").getJsonObject(1).getString("name"));

        JsonObject metro = decide(CUSTOMER_SERVICE, check(account, "DIRECT_SALES", "loc-metro-001", null, acmeVersion,
                "po_fiber_welcome"));
        assertTrue(metro.getBoolean("allEligible"), metro.toString());
        assertEquals(List.of(), codes(offering(metro, "po_fiber_welcome")));
        assertEquals(List.of(), alternatives(offering(metro, "po_fiber_welcome")));
    }

    @Test
    void everyOfferingIsAnsweredWithEveryReason() {
        String body = "{\"channel\":\"DIRECT_SALES\",\"locationId\":\"loc-999\",\"customerSegment\":\"SMB\","
                + "\"requestedAt\":\"" + AT + "\",\"catalogVersionId\":\"" + acmeVersion + "\","
                + "\"productOfferingIds\":[\"po_enterprise_fiber\",\"po_enterprise_wireless_200m\",\"po_fiber_10g_launch\","
                + "\"po_business_dsl\",\"po_nothing\",\"po_enterprise_fiber\"]}";
        JsonObject result = decide(SALES, body);
        assertEquals("2026-12-01T03:00:00Z", result.getString("requestedAt"));
        assertEquals("REQUEST", result.getString("customerSegmentSource"));
        assertFalse(result.getJsonObject("standing").getBoolean("known"));
        assertNotNull(result.getJsonObject("standing").getString("note"));
        JsonArray offerings = result.getJsonArray("offerings");
        assertEquals(5, offerings.size(), "each offering once");
        assertEquals(List.of("SEGMENT_NOT_ELIGIBLE"), codes(offering(result, "po_enterprise_fiber")));
        assertEquals(List.of("LOCATION_NOT_COVERED"), codes(offering(result, "po_enterprise_wireless_200m")));
        assertEquals(List.of("OFFERING_NOT_SELLABLE", "SEGMENT_NOT_ELIGIBLE"), codes(offering(result, "po_fiber_10g_launch")));
        assertEquals(List.of("OFFERING_NOT_SELLABLE"), codes(offering(result, "po_business_dsl")));
        assertEquals(List.of("OFFERING_NOT_FOUND"), codes(offering(result, "po_nothing")));
        assertTrue(offerings.stream().noneMatch(o -> o.asJsonObject().getBoolean("eligible")));
    }

    @Test
    void theChannelAndAnUnknownSegmentOrStandingAreReasonsToo() {
        String unknown = account();
        JsonObject partner = decide(SALES, check(unknown, "PARTNER", "loc-metro-001", "ENTERPRISE", acmeVersion, "po_fiber_welcome"));
        assertEquals(List.of("CHANNEL_NOT_ELIGIBLE", "ACCOUNT_STANDING_UNKNOWN"), codes(offering(partner, "po_fiber_welcome")));
        assertEquals(List.of("po_enterprise_fiber", "po_enterprise_wireless_200m"), alternatives(offering(partner,
                "po_fiber_welcome")), "both are sold through partners and need no known standing; wireless covers loc-metro-001");
    }

    @Test
    void withoutSegmentTheAnswerSaysSo() {
        JsonObject result = decide(SALES, check(account(), "DIRECT_SALES", null, null, acmeVersion, "po_enterprise_fiber"));
        assertEquals("UNKNOWN", result.getString("customerSegmentSource"));
        assertEquals(List.of("SEGMENT_UNKNOWN"), codes(offering(result, "po_enterprise_fiber")));
    }

    @Test
    void withoutAVersionTheLatestPublishedOneDecides() {
        JsonObject result = decide(SALES, check(null, "DIRECT_SALES", null, "ENTERPRISE", null, "po_enterprise_fiber"));
        assertNotNull(result.getString("catalogVersionId"), "whichever version of the tenant was published last");
        assertEquals(1, result.getJsonArray("offerings").size());
    }

    // ---- account standing ----------------------------------------------------------------------

    @Test
    void debtKeepsThePromotionAwayUntilANewerStandingClearsIt() {
        String account = account();
        Instant monday = Instant.now().minus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Instant tuesday = monday.plus(1, ChronoUnit.DAYS);
        JsonObject created = record(account, "ENTERPRISE", "250.00", monday, "CREATED");
        assertEquals(account, created.getString("accountId"));
        assertEquals("USD", created.getString("currency"));

        JsonObject withDebt = offering(decide(SALES, check(account, "DIRECT_SALES", "loc-metro-002", null, acmeVersion,
                "po_fiber_welcome")), "po_fiber_welcome");
        assertEquals(List.of("OUTSTANDING_DEBT"), codes(withDebt));
        assertTrue(withDebt.getJsonArray("reasons").getJsonObject(0).getString("message").contains("250.00 USD"));
        assertEquals(List.of("po_enterprise_fiber", "po_enterprise_wireless_200m"), alternatives(withDebt));

        record(account, "ENTERPRISE", "250.00", monday, "UNCHANGED");
        record(account, "ENTERPRISE", "0", tuesday, "UPDATED");
        JsonObject stale = record(account, "ENTERPRISE", "999", monday, "STALE_IGNORED");
        assertEquals(0, stale.getJsonNumber("outstandingDebt").bigDecimalValue().signum(), "the recorded standing answers");
        assertEquals(tuesday, Instant.parse(stale.getString("asOf")));

        JsonObject cleared = decide(SALES, check(account, "DIRECT_SALES", "loc-metro-002", null, acmeVersion, "po_fiber_welcome"));
        assertTrue(cleared.getBoolean("allEligible"), cleared.toString());
        assertEquals(tuesday, Instant.parse(cleared.getJsonObject("standing").getString("asOf")));

        assertProblem(CAPTURE.put("/api/eligibility/accounts/" + account, statement("ENTERPRISE", "5", tuesday)), 409,
                "ACCOUNT_STANDING_CONFLICT");
    }

    @Test
    void wrongStatementsAndChecksAreBadRequests() {
        String account = account();
        Api.Reply invalid = CAPTURE.unchecked().put("/api/eligibility/accounts/" + account,
                "{\"outstandingDebt\":-1,\"currency\":\"USD\"}");
        assertProblem(invalid, 400, "INVALID_REQUEST_BODY");
        assertEquals(List.of("asOf", "outstandingDebt"), invalid.json().getJsonArray("violations").stream()
                .map(v -> v.asJsonObject().getString("target")).toList());
        assertProblem(CAPTURE.unchecked().put("/api/eligibility/accounts/" + account, statement("ENTERPRISE", "0",
                Instant.now().plus(1, ChronoUnit.DAYS))), 400, "ACCOUNT_STANDING_INVALID");
        assertProblem(CAPTURE.unchecked().put("/api/eligibility/accounts/" + account, "{\"asOf\":"), 400, "MALFORMED_JSON");
        assertFalse(decide(SALES, check(account, "DIRECT_SALES", null, "ENTERPRISE", acmeVersion, "po_enterprise_fiber"))
                .getJsonObject("standing").getBoolean("known"), "nothing was recorded");

        assertProblem(SALES.unchecked().post("/api/eligibility-checks", "{\"productOfferingId\":\"po_enterprise_fiber\"}"), 400,
                "INVALID_REQUEST_BODY");
        assertProblem(SALES.unchecked().post("/api/eligibility-checks", "{\"channel\":\"DIRECT_SALES\"}"), 400, "ELIGIBILITY_REQUEST_INVALID");
        assertProblem(SALES.post("/api/eligibility-checks", check(null, "DIRECT_SALES", null, null, UUID.randomUUID().toString(),
                "po_enterprise_fiber")), 404, "CATALOG_VERSION_NOT_FOUND");
        assertProblem(SALES.unchecked().post("/api/eligibility-checks", "{\"channel\":\"DIRECT_SALES\",\"requestedAt\":\"soon\"}"), 400,
                "INVALID_REQUEST_BODY");
    }

    @Test
    void anotherTenantsProjectionIsInvisible() {
        String account = account();
        record(account, "ENTERPRISE", "0", Instant.now().minus(1, ChronoUnit.HOURS), "CREATED");
        JsonObject globex = decide(GLOBEX_SALES, check(account, "DIRECT_SALES", "loc-metro-001", null, globexVersion,
                "po_fiber_welcome"));
        assertFalse(globex.getJsonObject("standing").getBoolean("known"));
        assertEquals(List.of("SEGMENT_UNKNOWN", "ACCOUNT_STANDING_UNKNOWN"), codes(offering(globex, "po_fiber_welcome")));
        assertTrue(decide(SALES, check(account, "DIRECT_SALES", "loc-metro-001", null, acmeVersion, "po_fiber_welcome"))
                .getBoolean("allEligible"), "acme's own projection decides for acme");
        assertProblem(GLOBEX_SALES.post("/api/eligibility-checks", check(account, "DIRECT_SALES", null, "ENTERPRISE",
                acmeVersion, "po_enterprise_fiber")), 404, "CATALOG_VERSION_NOT_FOUND");
    }

    // ---- quotes --------------------------------------------------------------------------------

    @Test
    void aQuoteRefusesAnIneligibleItemWithTheSameReasons() {
        String account = account();
        record(account, "ENTERPRISE", "75.00", Instant.now().minus(1, ChronoUnit.HOURS), "CREATED");
        String quote = startQuote(account);

        Api.Reply debt = SALES.post("/api/quotes/" + quote + "/items", item("po_fiber_welcome", "loc-metro-001"));
        assertProblem(debt, 422, "OUTSTANDING_DEBT");
        JsonObject violation = debt.json().getJsonArray("violations").getJsonObject(0);
        assertEquals("item.offeringId", violation.getString("target"));
        assertEquals(offering(decide(SALES, check(account, "DIRECT_SALES", "loc-metro-001", null, acmeVersion,
                "po_fiber_welcome")), "po_fiber_welcome").getJsonArray("reasons").getJsonObject(0).getString("message"),
                violation.getString("message"), "the same explanation as the eligibility check");

        Api.Reply uncovered = SALES.post("/api/quotes/" + quote + "/items", item("po_enterprise_wireless_200m", "loc-999"));
        assertProblem(uncovered, 422, "LOCATION_NOT_COVERED");
        assertEquals("item.offeringId", uncovered.json().getJsonArray("violations").getJsonObject(0).getString("target"));

        Api.Reply covered = SALES.post("/api/quotes/" + quote + "/items", item("po_enterprise_wireless_200m", "loc-rural-101"));
        assertEquals(200, covered.status(), covered.body());
        assertEquals(1, covered.json().getJsonArray("items").size(), "only the eligible item was added");
    }

    @Test
    void aQuoteForAnAccountWithoutStandingGoesOnUnlessTheOfferingIsPromotional() {
        String quote = startQuote(account());
        Api.Reply fiber = SALES.post("/api/quotes/" + quote + "/items", "{\"offeringId\":\"po_enterprise_fiber\","
                + "\"characteristics\":{\"siteId\":\"site-hq\"}}");
        assertEquals(200, fiber.status(), fiber.body());
        Api.Reply promotion = SALES.post("/api/quotes/" + quote + "/items", item("po_fiber_welcome", "loc-metro-001"));
        assertProblem(promotion, 422, "ACCOUNT_STANDING_UNKNOWN");
    }

    @Test
    void aQuoteAppliesTheSegmentOfAKnownAccount() {
        String account = account();
        record(account, "SMB", "0", Instant.now().minus(1, ChronoUnit.HOURS), "CREATED");
        Api.Reply refused = SALES.post("/api/quotes/" + startQuote(account) + "/items", "{\"offeringId\":\"po_connectivity_bundle\","
                + "\"children\":[{\"offeringId\":\"po_enterprise_fiber\",\"characteristics\":{\"siteId\":\"site-hq\"}},"
                + "{\"offeringId\":\"po_managed_router\"}]}");
        assertProblem(refused, 422, "SEGMENT_NOT_ELIGIBLE");
        List<String> targets = refused.json().getJsonArray("violations").stream()
                .map(v -> v.asJsonObject().getString("rule") + " " + v.asJsonObject().getString("target")).toList();
        assertEquals(List.of("SEGMENT_NOT_ELIGIBLE item.offeringId", "SEGMENT_NOT_ELIGIBLE item.children[0].offeringId"),
                targets, "the bundle and the fiber are not for SMB, the managed router is");
    }
}
