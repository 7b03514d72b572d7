package io.cpqoms.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The quote read models of seed 002 §23 through HTTP: the keyset-paged quote search, the approver's
 * queue (only the levels the caller decides, never the caller's own requests), the timeline across
 * revisions, a revision as it was offered, and the quote document read back from its PDF, with the
 * customer-facing one free of costs and margins.
 */
class QuoteReadsIT {

    private static final Api SALES = Api.as("acme-sales");
    private static final Api LEAD = Api.as("acme-sales-lead");
    private static final Api APPROVER = Api.as("acme-sales-approver");
    private static final Api DEAL_DESK = Api.as("acme-deal-desk");
    private static final Api SERVICE = Api.as("acme-customer-service");
    private static final Api AUDITOR = Api.as("acme-auditor");
    private static final String FIBER = "{\"offeringId\":\"po_enterprise_fiber\",\"characteristics\":{\"bandwidthMbps\":\"500\","
            + "\"siteId\":\"HQ\",\"contractTermMonths\":\"24\"}}";

    private static String catalogVersion;

    @BeforeAll
    static void publishTheDemoCatalog() {
        catalogVersion = Api.publishedCatalog("quote reads", Api.file(Api.DEMO_CATALOG));
    }

    // ---- search ----------------------------------------------------------------------------------

    @Test
    void theSearchPagesACustomersQuotesNewestFirstWithoutGapsOrRepeats() {
        String customer = "cust-" + UUID.randomUUID();
        List<String> started = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            started.add(start(SALES, customer, null));
        }
        List<String> seen = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            JsonObject page = ok(SALES.get("/api/quotes?customerId=" + customer + "&limit=2" + (after == null ? "" : "&after=" + after)));
            page.getJsonArray("items").forEach(q -> seen.add(q.asJsonObject().getString("id")));
            after = page.containsKey("next") && page.get("next") != JsonValue.NULL ? page.getString("next") : null;
            pages++;
        } while (after != null && pages < 10);
        assertEquals(3, pages);
        List<String> newestFirst = new ArrayList<>(started);
        java.util.Collections.reverse(newestFirst);
        assertEquals(newestFirst, seen, "newest first, each quote once");

        JsonObject first = ok(SALES.get("/api/quotes?customerId=" + customer + "&limit=1")).getJsonArray("items").getJsonObject(0);
        assertEquals("DRAFT", first.getString("status"));
        assertEquals("acme-sales", first.getString("owner"));
        assertEquals(customer, first.getString("customerId"));
    }

    @Test
    void theSearchFiltersByStatusOwnerAndEndOfValidity() {
        String customer = "cust-" + UUID.randomUUID();
        String draft = start(SALES, customer, null);
        String priced = start(SALES, customer, null);
        ok(SALES.post("/api/quotes/" + priced + "/items", FIBER));
        ok(SALES.post("/api/quotes/" + priced + "/pricing", null));
        String leads = start(LEAD, customer, null);
        String soon = start(SALES, customer, LocalDate.now(ZoneOffset.UTC).plusDays(2));

        assertEquals(List.of(priced), ids(SALES.get("/api/quotes?customerId=" + customer + "&status=PRICED")));
        JsonObject pricedSummary = ok(SALES.get("/api/quotes?customerId=" + customer + "&status=PRICED")).getJsonArray("items")
                .getJsonObject(0);
        assertEquals("USD", pricedSummary.getString("currency"));
        assertNotNull(pricedSummary.getJsonNumber("oneTimeTotal"));
        assertEquals(List.of(leads), ids(SALES.get("/api/quotes?customerId=" + customer + "&owner=acme-sales-lead")));
        assertEquals(List.of(soon), ids(SALES.get("/api/quotes?customerId=" + customer + "&expiringBefore="
                + LocalDate.now(ZoneOffset.UTC).plusDays(3))));
        assertEquals(Set.of(draft, priced, leads, soon), new HashSet<>(ids(SERVICE.get("/api/quotes?customerId=" + customer))),
                "customer service searches too");
        assertEquals(List.of(), ids(Api.as("globex-sales").get("/api/quotes?customerId=" + customer)), "another tenant sees none");
        ok(SALES.post("/api/quotes/" + soon + "/cancellation", "{\"reason\":\"customer went elsewhere\"}"));
        assertEquals(List.of(), ids(SALES.get("/api/quotes?customerId=" + customer + "&expiringBefore="
                + LocalDate.now(ZoneOffset.UTC).plusDays(3))), "a cancelled quote is not expiring");
    }

    @Test
    void badSearchParametersAndCursorsAreProblemsNeverErrors() {
        String customer = "cust-" + UUID.randomUUID();
        start(SALES, customer, null);
        start(SALES, customer, null);
        String next = ok(SALES.get("/api/quotes?customerId=" + customer + "&limit=1")).getString("next");
        problem(SALES.unchecked().get("/api/quotes?after=not-a-cursor"), 400, "INVALID_PAGE");
        problem(SALES.unchecked().get("/api/quotes?customerId=other&limit=1&after=" + next), 400, "INVALID_PAGE");
        problem(SALES.unchecked().get("/api/quotes?status=PRICED&after=" + next), 400, "INVALID_PAGE");
        problem(SALES.unchecked().get("/api/quotes?customerId=" + customer + "&expiringBefore=2099-01-01&after=" + next), 400,
                "INVALID_PAGE");
        assertEquals(1, ok(SALES.get("/api/quotes?customerId=" + customer + "&limit=1&after=" + next)).getJsonArray("items").size());
        problem(SALES.unchecked().get("/api/quotes?limit=0"), 400, "INVALID_PAGE");
        problem(SALES.unchecked().get("/api/quotes?limit=201"), 400, "INVALID_PAGE");
        problem(SALES.unchecked().get("/api/quotes?limit=many"), 400, "INVALID_PARAMETER");
        problem(SALES.unchecked().get("/api/quotes?status=SUPERSEDED"), 400, "INVALID_PARAMETER");
        problem(SALES.unchecked().get("/api/quotes?status=OPEN"), 400, "INVALID_PARAMETER");
        problem(SALES.unchecked().get("/api/quotes?expiringBefore=tomorrow"), 400, "INVALID_PARAMETER");
        problem(SALES.unchecked().get("/api/quotes?expiringBefore=2026-02-30"), 400, "INVALID_PARAMETER");
        problem(SALES.unchecked().get("/api/quotes?customerId=" + "c".repeat(101)), 400, "INVALID_PARAMETER");
    }

    // ---- approval queue --------------------------------------------------------------------------

    @Test
    void theQueueHoldsTheLevelsTheCallerDecidesAndNeverTheCallersOwnRequests() {
        String quote = nearlyFree(SALES, "cust-" + UUID.randomUUID());
        ok(SALES.post("/api/quotes/" + quote + "/submission", null));
        String own = nearlyFree(LEAD, "cust-" + UUID.randomUUID());
        ok(LEAD.post("/api/quotes/" + own + "/submission", null));

        JsonObject entry = queueEntry(APPROVER, quote);
        assertNotNull(entry, "level 1 waits for sales-approver");
        assertEquals(1, entry.getInt("nextLevel"));
        assertEquals("sales-approver", entry.getString("nextRole"));
        assertEquals(2, entry.getInt("requiredLevel"));
        assertEquals(1, entry.getInt("revision"));
        assertEquals("acme-sales", entry.getString("requestedBy"));
        assertTrue(entry.getJsonArray("triggers").stream().anyMatch(t -> t.asJsonObject().getString("rule").equals("MARGIN_FLOOR")));
        assertNotNull(queueEntry(APPROVER, own), "the lead's request is in another approver's queue");
        assertEquals(null, queueEntry(LEAD, own), "never the caller's own request");
        assertNotNull(queueEntry(LEAD, quote), "the lead approves other sellers' requests at level 1");
        assertEquals(null, queueEntry(DEAL_DESK, quote), "level 2 only once level 1 approved");

        ok(APPROVER.post("/api/quotes/" + quote + "/approvals", "{\"decision\":\"APPROVE\",\"comment\":\"level one\"}"));
        assertEquals(null, queueEntry(APPROVER, quote));
        assertEquals(2, queueEntry(DEAL_DESK, quote).getInt("nextLevel"));
        ok(DEAL_DESK.post("/api/quotes/" + quote + "/approvals", "{\"decision\":\"APPROVE\",\"comment\":\"level two\"}"));
        assertEquals(null, queueEntry(DEAL_DESK, quote), "a decided request leaves the queue");

        problem(APPROVER.unchecked().get("/api/approval-requests?status=APPROVED"), 400, "INVALID_PARAMETER");
        problem(APPROVER.unchecked().get("/api/approval-requests?after=bogus"), 400, "INVALID_PAGE");
        problem(APPROVER.unchecked().get("/api/approval-requests?limit=500"), 400, "INVALID_PAGE");
        problem(SALES.get("/api/approval-requests"), 403, "ROLE_REQUIRED");
    }

    // ---- timeline and revisions ------------------------------------------------------------------

    @Test
    void theTimelineTellsTheQuotesStoryAcrossRevisions() {
        String quote = nearlyFree(SALES, "cust-" + UUID.randomUUID());
        ok(SALES.post("/api/quotes/" + quote + "/submission", null));
        ok(APPROVER.post("/api/quotes/" + quote + "/approvals", "{\"decision\":\"REJECT\",\"comment\":\"too cheap\"}"));
        ok(SALES.post("/api/quotes/" + quote + "/revisions", null));
        ok(SALES.post("/api/quotes/" + quote + "/pricing", null));
        ok(SALES.post("/api/quotes/" + quote + "/cancellation", "{\"reason\":\"customer went elsewhere\"}"));

        Api.Reply reply = SALES.get("/api/quotes/" + quote + "/timeline");
        assertEquals(200, reply.status(), reply.body());
        List<String> actions = reply.array().stream().map(e -> e.asJsonObject().getString("action")).toList();
        assertEquals(List.of("QUOTE_STARTED", "QUOTE_ITEM_ADDED", "QUOTE_PRICE_OVERRIDDEN", "QUOTE_PRICE_OVERRIDDEN", "QUOTE_PRICED",
                "QUOTE_SUBMITTED", "QUOTE_REJECTED", "QUOTE_REVISED", "QUOTE_PRICED", "QUOTE_CANCELLED"), actions);
        List<Integer> revisions = reply.array().stream().map(e -> e.asJsonObject().getInt("revision")).toList();
        assertEquals(List.of(1, 1, 1, 1, 1, 1, 1, 2, 2, 2), revisions);
        JsonObject rejected = reply.array().getJsonObject(6);
        assertEquals("acme-sales-approver", rejected.getString("actor"));
        assertEquals("too cheap", rejected.getJsonObject("details").getString("comment"));
        assertNotNull(rejected.getString("correlationId"));
        assertTrue(reply.body().contains("marginPercent"), "sales sees the margins it was priced with");

        Api.Reply service = SERVICE.get("/api/quotes/" + quote + "/timeline");
        assertEquals(200, service.status(), service.body());
        assertEquals(actions.size(), service.array().size());
        assertFalse(service.body().contains("marginPercent") || service.body().contains("costAmount"), service.body());
        assertEquals(200, AUDITOR.get("/api/quotes/" + quote + "/timeline").status());
        problem(SALES.get("/api/quotes/" + UUID.randomUUID() + "/timeline"), 404, "QUOTE_NOT_FOUND");
        problem(Api.as("globex-sales").get("/api/quotes/" + quote + "/timeline"), 404, "QUOTE_NOT_FOUND");
    }

    @Test
    void aRevisionReadsAsItWasOffered() {
        String quote = nearlyFree(SALES, "cust-" + UUID.randomUUID());
        JsonObject first = SALES.get("/api/quotes/" + quote).json();
        ok(SALES.post("/api/quotes/" + quote + "/revisions", null));

        JsonObject kept = ok(SALES.get("/api/quotes/" + quote + "/revisions/1"));
        assertEquals(1, kept.getInt("revision"));
        assertEquals("SUPERSEDED", kept.getString("status"));
        assertEquals(first.getJsonObject("priceSnapshot").getString("priceSnapshotId"),
                kept.getJsonObject("priceSnapshot").getString("priceSnapshotId"));
        assertEquals(first.getJsonArray("items").size(), kept.getJsonArray("items").size());
        assertTrue(kept.getJsonObject("priceSnapshot").getJsonObject("signals").containsKey("marginPercent"));
        JsonObject latest = ok(SALES.get("/api/quotes/" + quote + "/revisions/2"));
        assertEquals("DRAFT", latest.getString("status"));
        assertTrue(latest.get("priceSnapshot") == null || latest.get("priceSnapshot") == JsonValue.NULL);

        JsonObject forService = ok(SERVICE.get("/api/quotes/" + quote + "/revisions/1"));
        assertFalse(forService.getJsonObject("priceSnapshot").getJsonObject("signals").containsKey("marginPercent"));
        problem(SALES.get("/api/quotes/" + quote + "/revisions/3"), 404, "QUOTE_REVISION_NOT_FOUND");
        problem(SALES.get("/api/quotes/" + quote + "/revisions/0"), 404, "QUOTE_REVISION_NOT_FOUND");
        problem(SALES.unchecked().get("/api/quotes/" + quote + "/revisions/one"), 400, "INVALID_PARAMETER");
        problem(Api.as("globex-sales").get("/api/quotes/" + quote + "/revisions/1"), 404, "QUOTE_NOT_FOUND");
    }

    // ---- document --------------------------------------------------------------------------------

    @Test
    void theDocumentIsTheStoredSnapshotAndTheCustomersCopyHasNoCostsOrMargins() throws IOException {
        String customer = "cust-" + UUID.randomUUID();
        String quote = nearlyFree(SALES, customer);
        JsonObject priced = SALES.get("/api/quotes/" + quote).json();
        ok(SALES.post("/api/quotes/" + quote + "/submission", null));
        ok(APPROVER.post("/api/quotes/" + quote + "/approvals", "{\"decision\":\"APPROVE\",\"comment\":\"strategic logo\"}"));
        JsonObject approved = ok(DEAL_DESK.post("/api/quotes/" + quote + "/approvals", "{\"decision\":\"APPROVE\",\"comment\":\"ok\"}"));
        String approvalId = approved.getJsonObject("approval").getString("approvalId");
        String snapshotId = priced.getJsonObject("priceSnapshot").getString("priceSnapshotId");

        Api.Download internal = SALES.download("/api/quotes/" + quote + "/document", null);
        assertEquals(200, internal.status(), internal.text());
        assertTrue(internal.contentType().startsWith("application/pdf"), internal.contentType());
        assertTrue(internal.header().contains(priced.getString("quoteNumber") + "-rev1-internal.pdf"), internal.header());
        String text = text(internal.body());
        for (String expected : List.of("Quote " + priced.getString("quoteNumber") + " - revision 1", "Customer: " + customer,
                "Enterprise Fiber Internet (po_enterprise_fiber)", "bandwidthMbps = 500", "contractTermMonths = 24",
                "Recurring total", "One-time total", "Price snapshot: " + snapshotId, "Approval reference: " + approvalId,
                "Status: APPROVED", "Contract term 24 months", "net 1.00 USD", "Margin:", "strategic logo")) {
            assertTrue(text.contains(expected), () -> "'" + expected + "' in\n" + text);
        }

        Api.Download forCustomer = SERVICE.download("/api/quotes/" + quote + "/document", "application/pdf");
        assertEquals(200, forCustomer.status(), forCustomer.text());
        String customerText = text(forCustomer.body());
        assertTrue(customerText.contains("Customer copy") && customerText.contains("Approval reference: " + approvalId), customerText);
        assertTrue(customerText.contains("net 1.00 USD"), customerText);
        for (String secret : List.of("Margin", "margin", "Cost:", "cost ", "strategic logo", "Internal")) {
            assertFalse(customerText.contains(secret), () -> "'" + secret + "' in the customer's copy\n" + customerText);
        }
        assertEquals(customerText, text(SALES.download("/api/quotes/" + quote + "/document?audience=CUSTOMER", null).body()),
                "sales downloads the same customer copy");
        problem(SERVICE.unchecked().get("/api/quotes/" + quote + "/document?audience=INTERNAL"), 403, "COSTS_NOT_VISIBLE");

        Api.Download json = SALES.download("/api/quotes/" + quote + "/document", "application/json");
        assertEquals(406, json.status());
        assertTrue(json.contentType().startsWith("application/problem+json"), json.contentType());
        assertTrue(json.text().contains("NOT_ACCEPTABLE"), json.text());
    }

    @Test
    void aDocumentNeedsAPriceAndNamesItsRevision() throws IOException {
        String quote = nearlyFree(SALES, "cust-" + UUID.randomUUID());
        ok(SALES.post("/api/quotes/" + quote + "/revisions", null));
        Api.Download draft = SALES.download("/api/quotes/" + quote + "/document", null);
        assertEquals(409, draft.status(), draft.text());
        assertTrue(draft.text().contains("QUOTE_NOT_PRICED"), draft.text());
        Api.Download first = SALES.download("/api/quotes/" + quote + "/document?revision=1", "application/pdf, application/problem+json");
        assertEquals(200, first.status(), first.text());
        String text = text(first.body());
        assertTrue(text.contains("revision 1") && text.contains("Status: SUPERSEDED") && text.contains("superseded by a newer one"), text);
        assertEquals(404, SALES.download("/api/quotes/" + quote + "/document?revision=7", null).status());
        assertEquals(404, SALES.download("/api/quotes/" + UUID.randomUUID() + "/document", null).status());
        assertEquals(400, SALES.download("/api/quotes/" + quote + "/document?revision=x", null).status());
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private static String start(Api as, String customer, LocalDate validUntil) {
        Api.Reply started = as.post("/api/quotes", "{\"customerId\":\"" + customer + "\",\"accountId\":\"acct-" + customer
                + "\",\"channel\":\"DIRECT_SALES\",\"catalogVersionId\":\"" + catalogVersion + "\""
                + (validUntil == null ? "" : ",\"validUntil\":\"" + validUntil + "\"") + "}");
        assertEquals(201, started.status(), started.body());
        return started.json().getString("id");
    }

    /** A priced fiber quote at 1.00 a month with free installation (99.96% discount: levels 1 and 2). */
    private static String nearlyFree(Api as, String customer) {
        String quote = start(as, customer, null);
        JsonObject added = ok(as.post("/api/quotes/" + quote + "/items", FIBER));
        String item = added.getJsonArray("items").getJsonObject(0).getString("id");
        String overrides = "/api/quotes/" + quote + "/items/" + item + "/price-overrides";
        ok(as.post(overrides, "{\"priceId\":\"pop_fiber_monthly\",\"amount\":1.00,\"reason\":\"win the logo\"}"));
        ok(as.post(overrides, "{\"priceId\":\"pop_fiber_installation\",\"amount\":0.00,\"reason\":\"win the logo\"}"));
        assertEquals("PRICED", ok(as.post("/api/quotes/" + quote + "/pricing", null)).getString("status"));
        return quote;
    }

    /** The caller's queue entry for the quote, paging through the whole queue; null when it is not there. */
    private static JsonObject queueEntry(Api as, String quote) {
        String after = null;
        for (int pages = 0; pages < 50; pages++) {
            JsonObject page = ok(as.get("/api/approval-requests?status=PENDING&limit=200" + (after == null ? "" : "&after=" + after)));
            for (JsonValue entry : page.getJsonArray("items")) {
                if (entry.asJsonObject().getString("quoteId").equals(quote)) {
                    return entry.asJsonObject();
                }
            }
            if (!page.containsKey("next") || page.get("next") == JsonValue.NULL) {
                return null;
            }
            after = page.getString("next");
        }
        throw new AssertionError("the queue does not end");
    }

    private static List<String> ids(Api.Reply reply) {
        assertEquals(200, reply.status(), reply.body());
        return reply.json().getJsonArray("items").stream().map(q -> q.asJsonObject().getString("id")).toList();
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
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
}
