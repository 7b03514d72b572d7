package io.cpqoms.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The quote lifecycle of issue 13 through HTTP: a 99.96% discount needs level 1 (sales-approver) and
 * level 2 (deal-desk) before acceptance and becomes an order whose timeline names the approval;
 * self-approval is refused; a rejection needs a reason and only a new revision moves on; a revision
 * supersedes the old one, which is neither accepted nor ordered; a cancelled quote and one past its
 * validity are refused with their codes, and the persistent expiry sweep marks the latter EXPIRED.
 */
class QuoteLifecycleIT {

    private static final Api SALES = Api.as("acme-sales");
    private static final Api LEAD = Api.as("acme-sales-lead");
    private static final Api APPROVER = Api.as("acme-sales-approver");
    private static final Api DEAL_DESK = Api.as("acme-deal-desk");
    private static final Api OPERATIONS = Api.as("acme-operations");
    private static final String FIBER = "{\"offeringId\":\"po_enterprise_fiber\",\"characteristics\":{\"bandwidthMbps\":\"500\","
            + "\"siteId\":\"HQ\"}}";

    private static String catalogVersion;

    @BeforeAll
    static void publishTheDemoCatalog() {
        catalogVersion = Api.publishedCatalog("quote lifecycle", Api.file(Api.DEMO_CATALOG));
    }

    @Test
    void aNearlyFreeQuoteNeedsBothLevelsBeforeAcceptanceAndTheOrderNamesTheApproval() {
        String quote = pricedQuote(SALES, true);
        JsonObject priced = SALES.get("/api/quotes/" + quote).json();
        assertEquals(0, priced.getJsonObject("priceSnapshot").getJsonObject("signals").getJsonNumber("discountPercent")
                .bigDecimalValue().compareTo(new java.math.BigDecimal("99.96")));
        problem(SALES.post("/api/quotes/" + quote + "/acceptance", acceptance(1)), 409, "QUOTE_APPROVAL_REQUIRED");

        JsonObject submitted = ok(SALES.post("/api/quotes/" + quote + "/submission", null));
        assertEquals("PENDING_APPROVAL", submitted.getString("status"));
        JsonObject approval = submitted.getJsonObject("approval");
        assertEquals("PENDING", approval.getString("status"));
        assertEquals(2, approval.getInt("requiredLevel"));
        assertEquals(1, approval.getInt("nextLevel"));
        assertEquals("sales-approver", approval.getString("nextRole"));
        assertEquals(1, approval.getInt("revision"));
        assertEquals(priced.getJsonObject("priceSnapshot").getString("priceSnapshotId"), approval.getString("priceSnapshotId"));
        List<String> rules = approval.getJsonArray("triggers").stream().map(t -> t.asJsonObject().getString("rule")).toList();
        assertTrue(rules.containsAll(List.of("QUOTE_DISCOUNT", "MARGIN_FLOOR", "LINE_DISCOUNT", "MANUAL_OVERRIDE")), rules.toString());
        problem(SALES.post("/api/quotes/" + quote + "/items", FIBER), 409, "QUOTE_NOT_EDITABLE");

        problem(DEAL_DESK.post("/api/quotes/" + quote + "/approvals", "{\"decision\":\"APPROVE\"}"), 403,
                "APPROVAL_LEVEL_NOT_ALLOWED");
        JsonObject levelOne = ok(APPROVER.post("/api/quotes/" + quote + "/approvals",
                "{\"decision\":\"APPROVE\",\"comment\":\"strategic account\",\"revision\":1}"));
        assertEquals("PENDING_APPROVAL", levelOne.getString("status"));
        assertEquals(2, levelOne.getJsonObject("approval").getInt("nextLevel"));
        assertEquals("deal-desk", levelOne.getJsonObject("approval").getString("nextRole"));
        problem(SALES.post("/api/quotes/" + quote + "/acceptance", acceptance(1)), 409, "QUOTE_APPROVAL_REQUIRED");
        problem(APPROVER.post("/api/quotes/" + quote + "/approvals", "{\"decision\":\"APPROVE\"}"), 403,
                "APPROVAL_LEVEL_NOT_ALLOWED");

        JsonObject approved = ok(DEAL_DESK.post("/api/quotes/" + quote + "/approvals",
                "{\"decision\":\"APPROVE\",\"comment\":\"deal desk signs off\"}"));
        assertEquals("APPROVED", approved.getString("status"));
        assertEquals(2, approved.getJsonObject("approval").getJsonArray("decisions").size());
        String approvalId = approved.getJsonObject("approval").getString("approvalId");

        JsonObject accepted = ok(SALES.post("/api/quotes/" + quote + "/acceptance", acceptance(1)));
        assertEquals("ACCEPTED", accepted.getString("status"));
        assertEquals(approvalId, accepted.getJsonObject("acceptance").getString("approvalId"));
        problem(SALES.post("/api/quotes/" + quote + "/revisions", null), 409, "QUOTE_NOT_REVISABLE");

        Api.Reply order = SALES.post("/api/orders/from-quote", "{\"quoteId\":\"" + quote + "\",\"revision\":1,\"acceptanceId\":\""
                + accepted.getJsonObject("acceptance").getString("acceptanceId") + "\"}");
        assertEquals(201, order.status(), order.body());
        Api.Reply timeline = OPERATIONS.get("/api/orders/" + order.json().getString("id") + "/timeline");
        assertEquals(200, timeline.status(), timeline.body());
        JsonObject first = timeline.array().getJsonObject(0);
        assertEquals("QUOTE_ACCEPTED", first.getString("action"));
        assertEquals(approvalId, first.getJsonObject("details").getString("approvalId"));
    }

    @Test
    void theRequesterCannotApproveAndARejectionNeedsAReason() {
        String quote = pricedQuote(LEAD, true);
        ok(LEAD.post("/api/quotes/" + quote + "/submission", null));
        problem(LEAD.post("/api/quotes/" + quote + "/approvals", "{\"decision\":\"APPROVE\",\"comment\":\"mine\"}"), 403,
                "SELF_APPROVAL");
        problem(APPROVER.unchecked().post("/api/quotes/" + quote + "/approvals", "{\"decision\":\"REJECT\",\"comment\":\" \"}"),
                400, "REJECTION_REASON_REQUIRED");
        assertEquals("PENDING_APPROVAL", SALES.get("/api/quotes/" + quote).json().getString("status"), "refusals change nothing");

        JsonObject rejected = ok(APPROVER.post("/api/quotes/" + quote + "/approvals",
                "{\"decision\":\"REJECT\",\"comment\":\"the installation cannot be free\"}"));
        assertEquals("REJECTED", rejected.getString("status"));
        assertEquals("REJECTED", rejected.getJsonObject("approval").getString("status"));
        problem(LEAD.post("/api/quotes/" + quote + "/acceptance", acceptance(1)), 409, "QUOTE_REJECTED");
        problem(LEAD.post("/api/quotes/" + quote + "/submission", null), 409, "QUOTE_NOT_SUBMITTABLE");

        JsonObject revised = ok(LEAD.post("/api/quotes/" + quote + "/revisions", null));
        assertEquals(2, revised.getInt("revision"));
        assertEquals("DRAFT", revised.getString("status"));
        assertTrue(revised.get("approval") == null || revised.get("approval") == JsonValue.NULL);
    }

    @Test
    void aRevisionSupersedesTheOldOneWhichIsNeitherAcceptedNorOrdered() {
        String quote = pricedQuote(SALES, false);
        JsonObject before = SALES.get("/api/quotes/" + quote).json();
        JsonObject revised = ok(SALES.post("/api/quotes/" + quote + "/revisions", null));
        assertEquals(2, revised.getInt("revision"));
        assertEquals("DRAFT", revised.getString("status"));
        assertEquals(before.getJsonArray("items").size(), revised.getJsonArray("items").size(), "the items are copied");
        assertEquals(before.getJsonArray("items").getJsonObject(0).getString("offeringId"),
                revised.getJsonArray("items").getJsonObject(0).getString("offeringId"));

        ok(SALES.post("/api/quotes/" + quote + "/pricing", null));
        problem(SALES.post("/api/quotes/" + quote + "/acceptance", acceptance(1)), 409, "QUOTE_REVISION_SUPERSEDED");
        problem(SALES.post("/api/orders/from-quote", "{\"quoteId\":\"" + quote + "\",\"revision\":1,\"acceptanceId\":\""
                + UUID.randomUUID() + "\"}"), 409, "QUOTE_REVISION_SUPERSEDED");
        JsonObject accepted = ok(SALES.post("/api/quotes/" + quote + "/acceptance", acceptance(2)));
        assertEquals(2, accepted.getJsonObject("acceptance").getInt("revision"));
    }

    @Test
    void aCancelledQuoteIsClosed() {
        String quote = pricedQuote(SALES, false);
        problem(SALES.unchecked().post("/api/quotes/" + quote + "/cancellation", "{}"), 400, "INVALID_REQUEST_BODY");
        JsonObject cancelled = ok(SALES.post("/api/quotes/" + quote + "/cancellation", "{\"reason\":\"customer went elsewhere\"}"));
        assertEquals("CANCELLED", cancelled.getString("status"));
        problem(SALES.post("/api/quotes/" + quote + "/cancellation", "{\"reason\":\"again\"}"), 409, "QUOTE_NOT_CANCELLABLE");
        problem(SALES.post("/api/quotes/" + quote + "/acceptance", acceptance(1)), 409, "QUOTE_CANCELLED");
        problem(SALES.post("/api/orders/from-quote", "{\"quoteId\":\"" + quote + "\",\"revision\":1,\"acceptanceId\":\""
                + UUID.randomUUID() + "\"}"), 409, "QUOTE_CANCELLED");
    }

    @Test
    void aQuotePastItsValidityIsNotAcceptedEvenBeforeTheSweep() throws Exception {
        String quote = pricedQuote(SALES, false);
        try (Connection db = database();
             PreparedStatement update = db.prepareStatement(
                     "update quote.quote set valid_until = current_date - 1 where id = ?::uuid")) {
            update.setString(1, quote);
            assertEquals(1, update.executeUpdate());
        }
        problem(SALES.post("/api/quotes/" + quote + "/acceptance", acceptance(1)), 409, "QUOTE_EXPIRED");
        problem(SALES.post("/api/quotes/" + quote + "/submission", null), 409, "QUOTE_EXPIRED");

        // the persistent sweep timer marks it EXPIRED and publishes quote.expired.v1 through the outbox
        await("the expiry sweep").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> SALES.get("/api/quotes/" + quote).json().getString("status").equals("EXPIRED"));
        try (Connection db = database();
             PreparedStatement events = db.prepareStatement("select count(*) from quote.outbox_event"
                     + " where aggregate_id = ? and event_type = 'quote.expired.v1'");
             PreparedStatement audit = db.prepareStatement("select count(*) from quote.audit_entry"
                     + " where aggregate_id = ? and action = 'QUOTE_EXPIRED'")) {
            events.setString(1, quote);
            audit.setString(1, quote);
            assertEquals(1, count(events), "one quote.expired.v1");
            assertEquals(1, count(audit), "one audit entry");
        }
        problem(SALES.post("/api/quotes/" + quote + "/acceptance", acceptance(1)), 409, "QUOTE_EXPIRED");
        problem(SALES.post("/api/orders/from-quote", "{\"quoteId\":\"" + quote + "\",\"revision\":1,\"acceptanceId\":\""
                + UUID.randomUUID() + "\"}"), 409, "QUOTE_EXPIRED");
        problem(SALES.post("/api/quotes/" + quote + "/cancellation", "{\"reason\":\"late\"}"), 409, "QUOTE_NOT_CANCELLABLE");
        JsonObject last = SALES.get("/api/quotes/" + quote + "/timeline").array().stream().map(JsonValue::asJsonObject)
                .reduce((a, b) -> b).orElseThrow();
        assertEquals("QUOTE_EXPIRED", last.getString("action"), "the timeline ends with the expiry");
        assertEquals("system:quote-expiry", last.getString("actor"));
    }

    private static long count(PreparedStatement query) throws Exception {
        try (ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    // ---- helpers -------------------------------------------------------------------------------

    /** A priced fiber quote; nearly free (monthly 1.00, installation 0.00 by manual override) when asked. */
    private static String pricedQuote(Api as, boolean nearlyFree) {
        String customer = "cust-" + UUID.randomUUID();
        Api.Reply started = as.post("/api/quotes", "{\"customerId\":\"" + customer + "\",\"accountId\":\"acct-" + customer
                + "\",\"channel\":\"DIRECT_SALES\",\"catalogVersionId\":\"" + catalogVersion + "\"}");
        assertEquals(201, started.status(), started.body());
        String quote = started.json().getString("id");
        JsonObject added = ok(as.post("/api/quotes/" + quote + "/items", FIBER));
        if (nearlyFree) {
            String item = added.getJsonArray("items").getJsonObject(0).getString("id");
            String overrides = "/api/quotes/" + quote + "/items/" + item + "/price-overrides";
            ok(as.post(overrides, "{\"priceId\":\"pop_fiber_monthly\",\"amount\":1.00,\"reason\":\"win the logo\"}"));
            ok(as.post(overrides, "{\"priceId\":\"pop_fiber_installation\",\"amount\":0.00,\"reason\":\"win the logo\"}"));
        }
        assertEquals("PRICED", ok(as.post("/api/quotes/" + quote + "/pricing", null)).getString("status"));
        return quote;
    }

    private static String acceptance(int revision) {
        return "{\"revision\":" + revision + ",\"customerContact\":\"Dana Buyer\"}";
    }

    private static JsonObject ok(Api.Reply reply) {
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    private static void problem(Api.Reply reply, int status, String code) {
        assertEquals(status, reply.status(), reply.body());
        assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
        assertEquals(code, reply.json().getString("code"), reply.body());
    }

    private static Connection database() throws Exception {
        String url = System.getProperty("cpq.db.url", "");
        if (url.isBlank() || url.startsWith("${")) {
            fail("QuoteLifecycleIT moves a quote past its validity over JDBC and needs -Dcpq.db.url, -Dcpq.db.user and "
                    + "-Dcpq.db.password (server-config/bin/cpq test passes them)");
        }
        return DriverManager.getConnection(url, System.getProperty("cpq.db.user"), System.getProperty("cpq.db.password"));
    }
}
