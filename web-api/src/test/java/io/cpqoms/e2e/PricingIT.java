package io.cpqoms.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The pricing pipeline through HTTP on the deployed EAR (seed 002, section 9), with the demo catalog's
 * price definitions: an ad-hoc calculation with every kind of step in its breakdown, a quote priced
 * with a manual override whose actor and reason land in the snapshot, acceptance and the order keeping
 * that snapshot, and items added in batches.
 */
class PricingIT {

    private static final Api SALES = Api.as("acme-sales");
    private static final Api CUSTOMER_SERVICE = Api.as("acme-customer-service");
    /** Inside the demo promotion's window [2026-11-01, 2027-07-01), whatever day the suite runs. */
    private static final String PRICED_AT = "2026-12-01T00:00:00Z";

    private static String catalogVersion;

    @BeforeAll
    static void publishTheDemoCatalog() {
        catalogVersion = Api.publishedCatalog("pricing e2e", Api.file(Api.DEMO_CATALOG));
    }

    // ---- helpers -------------------------------------------------------------------------------

    private static final String FIBER = "{\"offeringId\":\"po_enterprise_fiber\",\"characteristics\":{\"bandwidthMbps\":\"500\","
            + "\"siteId\":\"HQ\"}}";
    private static final String BUNDLE = "{\"offeringId\":\"po_connectivity_bundle\",\"children\":["
            + "{\"offeringId\":\"po_enterprise_fiber\",\"characteristics\":{\"bandwidthMbps\":\"1000\",\"siteId\":\"HQ\"}},"
            + "{\"offeringId\":\"po_managed_router\"},{\"offeringId\":\"po_premium_sla\"}]}";
    private static final String ROUTERS = "{\"offeringId\":\"po_managed_router\",\"quantity\":5}";

    private static BigDecimal amount(String text) {
        return new BigDecimal(text);
    }

    private static BigDecimal number(JsonObject object, String field) {
        return object.getJsonNumber(field).bigDecimalValue();
    }

    private static void assertAmount(String expected, JsonObject object, String field) {
        assertEquals(0, amount(expected).compareTo(number(object, field)),
                field + " of " + object + " should be " + expected);
    }

    private static JsonObject line(JsonObject snapshot, String lineId) {
        return snapshot.getJsonArray("lines").stream().map(JsonValue::asJsonObject)
                .filter(l -> l.getString("lineId").equals(lineId)).findFirst().orElseThrow(() -> new AssertionError(
                        "no line " + lineId + " in " + snapshot));
    }

    private static JsonObject charge(JsonObject line, String priceId) {
        return line.getJsonArray("charges").stream().map(JsonValue::asJsonObject)
                .filter(c -> c.getString("priceId").equals(priceId)).findFirst().orElseThrow(() -> new AssertionError(
                        "no charge " + priceId + " in " + line));
    }

    private static List<String> strings(JsonArray array, String field) {
        return array.stream().map(v -> v.asJsonObject().getString(field)).toList();
    }

    private static BigDecimal monthly(JsonObject priced) {
        return priced.getJsonArray("recurringTotals").stream().map(JsonValue::asJsonObject)
                .filter(t -> t.getString("period").equals("MONTH")).findFirst().map(t -> number(t, "amount")).orElseThrow();
    }

    private static void assertProblem(Api.Reply reply, int status, String code) {
        assertEquals(status, reply.status(), reply.body());
        assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
        assertEquals(code, reply.json().getString("code"), reply.body());
    }

    private static boolean absent(JsonObject object, String field) {
        return !object.containsKey(field) || object.isNull(field);
    }

    private static String startQuote() {
        String customer = "cust-" + UUID.randomUUID();
        Api.Reply quote = SALES.post("/api/quotes", "{\"customerId\":\"" + customer + "\",\"accountId\":\"acct-" + customer
                + "\",\"channel\":\"DIRECT_SALES\",\"catalogVersionId\":\"" + catalogVersion + "\"}");
        assertEquals(201, quote.status(), quote.body());
        return quote.json().getString("id");
    }

    // ---- ad-hoc calculation --------------------------------------------------------------------

    @Test
    void anAdHocCalculationShowsEveryStepOfTheBreakdown() {
        String body = "{\"catalogVersionId\":\"" + catalogVersion + "\",\"pricedAt\":\"" + PRICED_AT + "\",\"lines\":["
                + "{\"lineId\":\"bundle\",\"offeringId\":\"po_connectivity_bundle\",\"children\":["
                + "{\"offeringId\":\"po_enterprise_fiber\",\"characteristics\":{\"bandwidthMbps\":\"1000\","
                + "\"contractTermMonths\":\"36\",\"siteId\":\"HQ\"}},"
                + "{\"offeringId\":\"po_managed_router\"},{\"offeringId\":\"po_premium_sla\"}]},"
                + "{\"lineId\":\"routers\",\"offeringId\":\"po_managed_router\",\"quantity\":5}]}";
        Api.Reply reply = SALES.post("/api/prices/calculations", body);
        assertEquals(200, reply.status(), reply.body());
        JsonObject snapshot = reply.json();

        assertEquals(catalogVersion, snapshot.getString("catalogVersionId"));
        assertEquals(PRICED_AT, snapshot.getString("pricedAt"));
        assertEquals("USD", snapshot.getString("currency"));
        assertTrue(snapshot.getString("pricingMethod").startsWith("cpq-pricing-v1"));
        assertEquals(List.of("bundle", "bundle.1", "bundle.2", "bundle.3", "routers"),
                strings(snapshot.getJsonArray("lines"), "lineId"));
        assertEquals("bundle", line(snapshot, "bundle.1").getString("parentLineId"));

        // fiber in the bundle: list, 36-month term, bundle discount, rounding, tax placeholder
        JsonObject fiber = charge(line(snapshot, "bundle.1"), "pop_fiber_monthly");
        JsonArray steps = fiber.getJsonArray("steps");
        assertEquals(List.of("LIST_PRICE", "CONTRACT_TERM", "BUNDLE", "ROUNDING", "TAX_PLACEHOLDER"), strings(steps, "kind"));
        assertEquals(List.of("pop_fiber_monthly", "disc_fiber_term_36", "disc_connectivity_bundle", "rounding",
                "tax-placeholder"), strings(steps, "ruleId"));
        assertAmount("1200.00", steps.getJsonObject(1), "amountBefore");
        assertAmount("1080.00", steps.getJsonObject(1), "amountAfter");
        assertAmount("1026.00", steps.getJsonObject(3), "amountAfter");
        assertAmount("1026.00", fiber, "amount");
        assertAmount("102.60", fiber, "taxAmount");
        JsonObject fiberSignals = line(snapshot, "bundle.1").getJsonObject("signals");
        assertAmount("6.44", fiberSignals, "discountPercent"); // (1500 + 1200 - 1500 - 1026) / (1500 + 1200)
        assertTrue(fiberSignals.containsKey("marginPercent"), "the demo fiber has a unit cost");

        // the router's setup in the bundle is on promotion; five routers are in the second volume tier
        JsonObject setup = charge(line(snapshot, "bundle.2"), "pop_router_setup");
        assertEquals("promo_router_setup_half", setup.getJsonArray("steps").getJsonObject(1).getString("ruleId"));
        assertAmount("125.00", setup, "amount");
        JsonObject routers = charge(line(snapshot, "routers"), "pop_router_monthly");
        assertEquals("VOLUME_TIER", routers.getJsonArray("steps").getJsonObject(1).getString("kind"));
        assertAmount("425.00", routers, "amount");

        // totals are sums of rounded charges; the tax placeholder stays apart
        assertAmount("2250.00", snapshot, "oneTimeTotal");                // 1500 + 125 + 5 x 250 at half price
        assertEquals(0, amount("1873.75").compareTo(monthly(snapshot)));  // 1026 + 90.25 + 332.50 + 425
        assertAmount("10", snapshot, "taxRatePercent");
        assertAmount("225.00", snapshot, "oneTimeTaxTotal");
        JsonObject signals = snapshot.getJsonObject("signals");
        assertTrue(number(signals, "discountPercent").signum() > 0);
        assertTrue(number(signals, "listAmount").compareTo(number(signals, "netAmount")) > 0);
        assertFalse(signals.getBoolean("manualOverride"));
    }

    @Test
    void anAdHocCalculationRefusesWhatCannotBePriced() {
        assertProblem(SALES.unchecked().post("/api/prices/calculations", "{\"lines\":[]}"), 400, "INVALID_REQUEST_BODY");
        assertProblem(SALES.unchecked().post("/api/prices/calculations", "{\"lines\":[{\"offeringId\":"), 400, "MALFORMED_JSON");
        Api.Reply unknown = SALES.post("/api/prices/calculations", "{\"catalogVersionId\":\"" + catalogVersion
                + "\",\"lines\":[{\"offeringId\":\"po_enterprise_fiber\"},{\"offeringId\":\"po_ghost\",\"quantity\":-1}]}");
        assertProblem(unknown, 422, "OFFERING_NOT_FOUND");
        assertEquals(List.of("lines[1].offeringId", "lines[1].quantity"),
                strings(unknown.json().getJsonArray("violations"), "target"));
        assertProblem(SALES.post("/api/prices/calculations", "{\"catalogVersionId\":\"" + UUID.randomUUID()
                + "\",\"lines\":[{\"offeringId\":\"po_enterprise_fiber\"}]}"), 404, "CATALOG_VERSION_NOT_FOUND");
    }

    // ---- quote pricing with a manual override --------------------------------------------------

    @Test
    void aManualOverrideIsPricedAtItsStepAndAcceptanceAndTheOrderKeepTheSnapshot() {
        String quote = startQuote();
        Api.Reply added = SALES.post("/api/quotes/" + quote + "/items", FIBER);
        assertEquals(200, added.status(), added.body());
        String item = added.json().getJsonArray("items").getJsonObject(0).getString("id");
        Api.Reply first = SALES.post("/api/quotes/" + quote + "/pricing", null);
        assertEquals(200, first.status(), first.body());
        assertEquals(0, amount("1080.00").compareTo(monthly(first.json().getJsonObject("priceSnapshot"))),
                "the default 36-month term takes 10% off");

        String overrides = "/api/quotes/" + quote + "/items/" + item + "/price-overrides";
        assertProblem(SALES.unchecked().post(overrides, "{\"priceId\":\"pop_fiber_monthly\",\"amount\":999.00}"), 400,
                "INVALID_REQUEST_BODY");
        assertProblem(SALES.post(overrides, "{\"priceId\":\"pop_router_monthly\",\"amount\":1,\"reason\":\"x\"}"), 422,
                "PRICE_OVERRIDE_TARGET_NOT_FOUND");
        assertProblem(SALES.unchecked().post(overrides, "{\"priceId\":\"pop_fiber_monthly\",\"amount\":1.005,\"reason\":\"x\"}"), 400,
                "PRICE_OVERRIDE_INVALID");
        assertProblem(SALES.post("/api/quotes/" + quote + "/items/" + UUID.randomUUID() + "/price-overrides",
                "{\"priceId\":\"pop_fiber_monthly\",\"amount\":1,\"reason\":\"x\"}"), 404, "QUOTE_ITEM_NOT_FOUND");
        assertEquals("PRICED", SALES.get("/api/quotes/" + quote).json().getString("status"), "refusals change nothing");

        Api.Reply overridden = SALES.post(overrides,
                "{\"priceId\":\"pop_fiber_monthly\",\"amount\":999.00,\"reason\":\"Matches the competitor's offer\"}");
        assertEquals(200, overridden.status(), overridden.body());
        assertEquals("DRAFT", overridden.json().getString("status"), "a priced quote is a draft again");
        assertTrue(absent(overridden.json(), "priceSnapshot"));
        JsonObject stored = overridden.json().getJsonArray("items").getJsonObject(0).getJsonArray("priceOverrides")
                .getJsonObject(0);
        assertEquals("acme-sales", stored.getString("actor"));
        assertEquals("Matches the competitor's offer", stored.getString("reason"));

        Api.Reply priced = SALES.post("/api/quotes/" + quote + "/pricing", null);
        assertEquals(200, priced.status(), priced.body());
        JsonObject snapshot = priced.json().getJsonObject("priceSnapshot");
        JsonObject monthlyFee = charge(line(snapshot, item), "pop_fiber_monthly");
        JsonObject step = monthlyFee.getJsonArray("steps").stream().map(JsonValue::asJsonObject)
                .filter(s -> s.getString("kind").equals("MANUAL_OVERRIDE")).findFirst().orElseThrow();
        assertEquals("manual-override", step.getString("ruleId"));
        assertEquals("acme-sales", step.getString("actor"));
        assertEquals("Matches the competitor's offer", step.getString("reason"));
        assertAmount("1080", step, "amountBefore");
        assertAmount("999.00", step, "amountAfter");
        assertAmount("999.00", monthlyFee, "amount");
        assertTrue(line(snapshot, item).getJsonObject("signals").getBoolean("manualOverride"));
        assertTrue(snapshot.getJsonObject("signals").getBoolean("manualOverride"));
        assertAmount("7.44", line(snapshot, item).getJsonObject("signals"), "discountPercent"); // (2700 - 1500 - 999) / 2700

        // a manual override needs level 1 of the approval policy before the customer accepts
        assertProblem(SALES.post("/api/quotes/" + quote + "/acceptance", "{\"revision\":1,\"customerContact\":\"Dana Buyer\"}"),
                409, "QUOTE_APPROVAL_REQUIRED");
        Api.Reply submitted = SALES.post("/api/quotes/" + quote + "/submission", null);
        assertEquals("PENDING_APPROVAL", submitted.json().getString("status"), submitted.body());
        Api.Reply approved = Api.as("acme-sales-approver").post("/api/quotes/" + quote + "/approvals",
                "{\"decision\":\"APPROVE\",\"comment\":\"competitor match\"}");
        assertEquals("APPROVED", approved.json().getString("status"), approved.body());
        Api.Reply accepted = SALES.post("/api/quotes/" + quote + "/acceptance",
                "{\"revision\":1,\"customerContact\":\"Dana Buyer\"}");
        assertEquals(200, accepted.status(), accepted.body());
        assertEquals(snapshot.getString("priceSnapshotId"),
                accepted.json().getJsonObject("acceptance").getString("priceSnapshotId"));
        assertEquals(snapshot, accepted.json().getJsonObject("priceSnapshot"), "acceptance keeps the stored snapshot");
        assertEquals(snapshot, SALES.get("/api/quotes/" + quote).json().getJsonObject("priceSnapshot"));
        assertProblem(SALES.post(overrides, "{\"priceId\":\"pop_fiber_monthly\",\"amount\":1,\"reason\":\"late\"}"), 409,
                "QUOTE_NOT_EDITABLE");

        JsonObject acceptance = accepted.json().getJsonObject("acceptance");
        Api.Reply order = SALES.post("/api/orders/from-quote", "{\"quoteId\":\"" + quote + "\",\"revision\":1,"
                + "\"acceptanceId\":\"" + acceptance.getString("acceptanceId") + "\"}");
        assertEquals(201, order.status(), order.body());
        JsonObject orderLine = order.json().getJsonArray("lines").getJsonObject(0);
        assertEquals(line(snapshot, item), orderLine.getJsonObject("price"), "the order line carries the accepted price");
    }

    @Test
    void customerServiceSeesPricesButNotCosts() {
        String body = "{\"pricedAt\":\"2026-12-01T00:00:00Z\",\"lines\":[{\"lineId\":\"f\",\"offeringId\":\"po_enterprise_fiber\","
                + "\"characteristics\":{\"siteId\":\"S\"}}]}";
        JsonObject forSales = SALES.post("/api/prices/calculations", body).json();
        assertTrue(forSales.getJsonObject("signals").containsKey("marginPercent"), forSales.toString());
        Api.Reply forService = CUSTOMER_SERVICE.post("/api/prices/calculations", body);
        assertEquals(200, forService.status(), forService.body());
        JsonObject signals = forService.json().getJsonObject("signals");
        assertEquals(forSales.getJsonObject("signals").get("netAmount"), signals.get("netAmount"));
        for (String cost : List.of("costAmount", "marginAmount", "marginPercent")) {
            assertFalse(signals.containsKey(cost), cost + " is not for customer-facing readers");
            assertFalse(line(forService.json(), "f").getJsonObject("signals").containsKey(cost));
        }
        JsonObject offering = CUSTOMER_SERVICE.get("/api/catalog/offerings/po_enterprise_fiber?version="
                + catalogVersion).json().getJsonObject("offering");
        offering.getJsonArray("prices").forEach(p -> assertFalse(p.asJsonObject().containsKey("unitCost")));
    }

    // ---- batches -------------------------------------------------------------------------------

    @Test
    void aBatchOfItemsIsAddedInOneCommandAllOrNothing() {
        String quote = startQuote();
        Api.Reply added = SALES.post("/api/quotes/" + quote + "/items/batch",
                "{\"items\":[" + FIBER + "," + BUNDLE + "," + ROUTERS + "]}");
        assertEquals(200, added.status(), added.body());
        assertEquals(List.of("1", "2", "2.1", "2.2", "2.3", "2.4", "3"), strings(added.json().getJsonArray("items"), "lineNumber"));

        Api.Reply refused = SALES.post("/api/quotes/" + quote + "/items/batch", "{\"items\":[" + ROUTERS + ","
                + "{\"offeringId\":\"po_enterprise_fiber\",\"characteristics\":{\"bandwidthMbps\":\"300\",\"siteId\":\"B\"}}]}");
        assertProblem(refused, 422, "CHARACTERISTIC_VALUE_NOT_ALLOWED");
        assertEquals("items[1].characteristics.bandwidthMbps",
                refused.json().getJsonArray("violations").getJsonObject(0).getString("target"));
        assertProblem(SALES.unchecked().post("/api/quotes/" + quote + "/items/batch", "{\"items\":[]}"), 400, "INVALID_REQUEST_BODY");
        assertEquals(7, SALES.get("/api/quotes/" + quote).json().getJsonArray("items").size(), "refused batches add nothing");

        Api.Reply priced = SALES.post("/api/quotes/" + quote + "/pricing", null);
        assertEquals(200, priced.status(), priced.body());
        assertEquals(7, priced.json().getJsonObject("priceSnapshot").getJsonArray("lines").size());
    }

    @Test
    void aThousandLineQuoteIsFilledAndPricedInOneRequestEach() {
        String quote = startQuote();
        StringBuilder items = new StringBuilder("{\"items\":[");
        for (int i = 0; i < 1_000; i++) {
            items.append(i > 0 ? "," : "").append(i % 2 == 0 ? ROUTERS : FIBER.replace("\"HQ\"", "\"site-" + i + "\""));
        }
        Api.Reply added = SALES.post("/api/quotes/" + quote + "/items/batch", items.append("]}").toString());
        assertEquals(200, added.status(), added.body());
        assertEquals(1_000, added.json().getJsonArray("items").size());

        Api.Reply priced = SALES.post("/api/quotes/" + quote + "/pricing", null);
        assertEquals(200, priced.status(), priced.body());
        JsonObject snapshot = priced.json().getJsonObject("priceSnapshot");
        assertEquals(1_000, snapshot.getJsonArray("lines").size());
        // 500 x 5 routers at 85.00 + 500 fibers at 1080.00
        assertEquals(0, amount("752500.00").compareTo(monthly(snapshot)), snapshot.getJsonArray("recurringTotals").toString());
    }
}
