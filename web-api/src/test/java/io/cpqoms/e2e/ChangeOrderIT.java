package io.cpqoms.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Change orders end to end (seed 000 sections 4, 7, 9, 20 and 21): computed from the installed base, not
 * copied from the order that created it. A bandwidth change from 500 to 1000 Mbps is one MODIFY line
 * decomposed into the catalog's MODIFY steps, refused while another order is open on the product, and
 * updates the product once complete; a disconnect of a bundle takes every member along (DELETE lines,
 * the catalog's deprovisioning, IP release, router return and billing stop) and terminates them all; a
 * suspension and a resumption move the product's status; what the base does not allow is refused with
 * its code, and nothing is written.
 */
class ChangeOrderIT {

    private static final Api SALES = Api.as("acme-sales");
    private static final Api CAPTURE = Api.as("acme-order-capture");
    private static final Api OPERATIONS = Api.as("acme-operations");
    private static final Api WORKER = Api.as("acme-fulfillment-worker");
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private static String catalogVersion;

    @BeforeAll
    static void publishTheDemoCatalog() {
        catalogVersion = Api.publishedCatalog("change orders e2e", Api.file(Api.DEMO_CATALOG));
    }

    @Test
    void aBandwidthChangeIsAModifyLineThatUpdatesTheProductOnceComplete() {
        String customer = customer();
        // billing answers through the worker API here, so the change order stays open until it does
        String site = "hq sim:billing=async";
        String created = capture(customer, "NEW", "[" + fiber("500", site) + "]");
        reportAsync(created, "BILLING_ACTIVATION");
        JsonObject before = completed(created);
        JsonObject product = onlyProduct(customer);
        assertEquals("500", characteristics(product).get("bandwidthMbps"));
        long version = product.getJsonNumber("entityVersion").longValue();

        String change = capture(customer, "CHANGE", "[{\"productId\":\"" + product.getString("id")
                + "\",\"characteristics\":{\"bandwidthMbps\":\"1000\"}}]");
        JsonObject order = order(change);
        assertEquals("CHANGE", order.getString("orderType"));
        JsonArray lines = order.getJsonArray("lines");
        assertEquals(1, lines.size(), lines.toString());
        JsonObject line = lines.getJsonObject(0);
        assertEquals("MODIFY", line.getString("action"));
        assertEquals(product.getString("id"), line.getString("productId"));
        assertEquals("1000", line.getJsonObject("characteristics").getString("bandwidthMbps"));
        assertEquals(site, line.getJsonObject("characteristics").getString("siteId"), "the rest of the product as it is");
        assertEquals(0, order.getJsonNumber("oneTimeTotal").bigDecimalValue().signum(),
                "a change pays no installation again: " + order.get("oneTimeTotal"));
        BigDecimal newMonthly = monthly(line.getJsonObject("price").getJsonArray("recurringTotals"));
        BigDecimal oldMonthly = monthly(before.getJsonArray("lines").getJsonObject(0).getJsonObject("price")
                .getJsonArray("recurringTotals"));
        // the demo catalog's fiber fee does not depend on the bandwidth: the change is priced as the product
        // will be, its monthly fee again (and no installation)
        assertEquals(0, newMonthly.compareTo(oldMonthly), newMonthly + " vs " + oldMonthly);
        assertTrue(newMonthly.signum() > 0);
        awaitItems(change, items -> items.size() == 2);
        assertEquals(List.of("BANDWIDTH_CHANGE", "BILLING_CHANGE"), itemTypes(change));

        // one order at a time changes a product
        Api.Reply second = CAPTURE.unchecked().post("/api/orders", body(customer, "CHANGE", "[{\"productId\":\""
                + product.getString("id") + "\",\"characteristics\":{\"bandwidthMbps\":\"200\"}}]"));
        assertProblem(second, 422, "CONFLICTING_ACTIVE_ORDER");
        assertTrue(second.body().contains(order.getString("orderNumber")), second.body());

        reportAsync(change, "BILLING_CHANGE");
        JsonObject done = completed(change);
        JsonObject changed = product(product.getString("id"));
        assertEquals("ACTIVE", changed.getString("status"));
        assertEquals("1000", characteristics(changed).get("bandwidthMbps"));
        assertEquals(version + 1, changed.getJsonNumber("entityVersion").longValue(), "one change, one version");
        assertEquals(0, newMonthly.compareTo(monthly(changed.getJsonArray("productPrice"), "recurringChargePeriod", "amount")),
                changed.toString());
        JsonObject last = realizing(changed, "LAST_CHANGED");
        assertEquals(change, last.getString("orderId"));
        assertEquals(line.getString("id"), last.getString("orderLineId"));
        assertEquals(created, realizing(changed, "CREATED").getString("orderId"));
        assertTrue(timelineActions(done.getString("id")).contains("PRODUCT_INVENTORY_UPDATED"));
        // the product links to what billing was told: started by the first order, changed by this one from its day
        trigger(changed, created, "START_SUBSCRIPTION");
        JsonObject changeTrigger = trigger(changed, change, "CHANGE_SUBSCRIPTION");
        assertEquals(done.getString("completedAt").substring(0, 10), changeTrigger.getString("effectiveDate"));

        // the same change again changes nothing, and is said so
        assertProblem(CAPTURE.unchecked().post("/api/orders", body(customer, "CHANGE", "[{\"productId\":\""
                + product.getString("id") + "\",\"characteristics\":{\"bandwidthMbps\":\"1000\"}}]")), 422, "CHANGE_HAS_NO_EFFECT");
    }

    @Test
    void aDisconnectOfABundleTerminatesEveryMemberAfterTheCatalogsDeprovisioningSteps() {
        String customer = customer();
        String bundle = "{\"offeringId\":\"po_connectivity_bundle\",\"children\":[" + fiber("500", "branch") + ","
                + "{\"offeringId\":\"po_managed_router\",\"characteristics\":{\"routerModel\":\"CPE-4300\"}}]}";
        completed(capture(customer, "NEW", "[" + bundle + "]"));
        JsonArray products = products(customer);
        JsonObject root = products.stream().map(JsonValue::asJsonObject)
                .filter(p -> !p.containsKey("parentProductId")).findFirst().orElseThrow();

        String disconnect = capture(customer, "DISCONNECT", "[{\"productId\":\"" + root.getString("id") + "\"}]");
        JsonObject order = order(disconnect);
        JsonArray lines = order.getJsonArray("lines");
        assertEquals(products.size(), lines.size(), "every member of the bundle: " + lines);
        assertTrue(lines.stream().allMatch(l -> l.asJsonObject().getString("action").equals("DELETE")), lines.toString());
        assertEquals(products.stream().map(p -> p.asJsonObject().getString("id")).collect(Collectors.toSet()),
                lines.stream().map(l -> l.asJsonObject().getString("productId")).collect(Collectors.toSet()));
        JsonObject done = completed(disconnect);
        List<String> types = itemTypes(disconnect);
        for (String step : List.of("ROUTER_MANAGEMENT_OFFBOARDING", "ACCESS_CIRCUIT_DEPROVISIONING", "IP_RELEASE", "ROUTER_RETURN",
                "BILLING_STOP")) {
            assertTrue(types.contains(step), step + " in " + types);
        }
        String day = done.getString("completedAt").substring(0, 10);
        for (JsonValue value : products(customer)) {
            JsonObject member = value.asJsonObject();
            assertEquals("TERMINATED", member.getString("status"), member.toString());
            assertEquals(day, member.getString("terminationDate"));
            assertEquals(disconnect, realizing(member, "LAST_CHANGED").getString("orderId"));
            if (!member.getJsonArray("productPrice").isEmpty()) {
                JsonObject stop = trigger(member, disconnect, "STOP_SUBSCRIPTION");
                assertEquals(day, stop.getString("effectiveDate"), "billing stops the day the product ends");
            }
        }

        // a terminated product can be changed no more
        Api.Reply again = CAPTURE.unchecked().post("/api/orders", body(customer, "DISCONNECT", "[{\"productId\":\""
                + root.getString("id") + "\"}]"));
        assertProblem(again, 422, "PRODUCT_STATE_FORBIDS_ACTION");
    }

    @Test
    void aSuspensionAndAResumptionMoveTheProductsStatus() {
        String customer = customer();
        completed(capture(customer, "NEW", "[" + fiber("200", "depot") + "]"));
        JsonObject product = onlyProduct(customer);
        String productId = product.getString("id");
        assertProblem(CAPTURE.unchecked().post("/api/orders", body(customer, "RESUME", "[{\"productId\":\"" + productId + "\"}]")),
                422, "PRODUCT_STATE_FORBIDS_ACTION");

        String suspension = capture(customer, "SUSPEND", "[{\"productId\":\"" + productId + "\"}]");
        completed(suspension);
        assertEquals(List.of("SERVICE_SUSPENSION", "BILLING_SUSPENSION"), itemTypes(suspension));
        assertEquals("SUSPENDED", product(productId).getString("status"));

        completed(capture(customer, "RESUME", "[{\"productId\":\"" + productId + "\"}]"));
        JsonObject resumed = product(productId);
        assertEquals("ACTIVE", resumed.getString("status"));
        assertEquals(product.getJsonNumber("entityVersion").longValue() + 2, resumed.getJsonNumber("entityVersion").longValue());
    }

    @Test
    void whatTheInstalledBaseDoesNotAllowIsRefusedAndWritesNothing() {
        String owner = customer();
        completed(capture(owner, "NEW", "[" + fiber("500", "tower") + "]"));
        JsonObject product = onlyProduct(owner);
        String productId = product.getString("id");
        String stranger = customer();

        assertProblem(CAPTURE.unchecked().post("/api/orders", body(stranger, "CHANGE", "[{\"productId\":\"" + productId
                + "\",\"characteristics\":{\"bandwidthMbps\":\"1000\"}}]")), 422, "PRODUCT_NOT_IN_ACCOUNT");
        // the catalog still decides what a valid configuration is
        Api.Reply invalid = CAPTURE.unchecked().post("/api/orders", body(owner, "CHANGE", "[{\"productId\":\"" + productId
                + "\",\"characteristics\":{\"bandwidthMbps\":\"750\"}}]"));
        assertEquals(422, invalid.status(), invalid.body());
        assertProblem(CAPTURE.unchecked().post("/api/orders", body(owner, "SUSPEND", "[{\"productId\":\"" + productId
                + "\",\"action\":\"DELETE\"}]")), 422, "LINE_ACTION_NOT_ALLOWED");
        assertEquals(1, ordersOf(owner), "only the order that created the product");
        assertEquals(0, ordersOf(stranger));
        assertEquals(product, product(productId), "the product untouched");
    }

    @Test
    void aChangeQuoteStartsFromTheProductAndBecomesAChangeOrderThatUpdatesIt() {
        String customer = customer();
        String bundle = "{\"offeringId\":\"po_connectivity_bundle\",\"children\":[" + fiber("500", "campus") + ","
                + "{\"offeringId\":\"po_managed_router\",\"characteristics\":{\"routerModel\":\"CPE-4300\"}}]}";
        completed(capture(customer, "NEW", "[" + bundle + "]"));
        JsonObject fiber = products(customer).stream().map(JsonValue::asJsonObject)
                .filter(p -> p.getJsonObject("productOffering").getString("id").equals("po_enterprise_fiber")).findFirst().orElseThrow();

        String quoteId = quote(customer);
        Api.Reply changed = SALES.post("/api/quotes/" + quoteId + "/change-items", "{\"productId\":\"" + fiber.getString("id")
                + "\",\"characteristics\":{\"bandwidthMbps\":\"1000\"}}");
        assertEquals(200, changed.status(), changed.body());
        JsonArray items = changed.json().getJsonArray("items");
        assertEquals(List.of("NO_CHANGE", "MODIFY", "NO_CHANGE"), items.stream().map(i -> i.asJsonObject().getString("action")).toList(),
                "the bundle's tree as it is, with the fiber changed: " + items);
        JsonObject item = items.getJsonObject(1);
        assertEquals(fiber.getString("id"), item.getString("productId"));
        assertEquals(fiber.getJsonNumber("entityVersion").longValue(), item.getJsonNumber("baselineVersion").longValue());
        assertEquals(0, monthly(item.getJsonArray("previousRecurringTotals")).compareTo(
                monthly(fiber.getJsonArray("productPrice"), "recurringChargePeriod", "amount")), "the price the product has now");
        assertEquals("1000", item.getJsonObject("characteristics").getString("bandwidthMbps"));

        JsonObject accepted = priceAndAccept(quoteId);
        assertEquals(0, accepted.getJsonObject("priceSnapshot").getJsonNumber("oneTimeTotal").bigDecimalValue().signum(),
                "no installation charged for a change");
        // the demo's fiber fee does not depend on the bandwidth: the change in charges is there, and nothing
        assertEquals(0, monthly(accepted.getJsonArray("items").getJsonObject(1).getJsonArray("recurringChange")).signum(),
                accepted.getJsonArray("items").getJsonObject(1).toString());
        Api.Reply converted = SALES.post("/api/orders/from-quote", conversion(accepted));
        assertEquals(201, converted.status(), converted.body());
        JsonObject order = converted.json();
        assertEquals("CHANGE", order.getString("orderType"));
        JsonArray lines = order.getJsonArray("lines");
        assertEquals(List.of("NO_CHANGE", "MODIFY", "NO_CHANGE"), lines.stream().map(l -> l.asJsonObject().getString("action")).toList());
        assertEquals(item.getString("id"), lines.getJsonObject(1).getString("sourceQuoteLineId"));
        completed(order.getString("id"));
        JsonObject after = product(fiber.getString("id"));
        assertEquals("1000", characteristics(after).get("bandwidthMbps"));
        assertEquals(order.getString("id"), realizing(after, "LAST_CHANGED").getString("orderId"));
    }

    @Test
    void aChangeQuoteCanEndAProductAndShowsTheChargesThatStop() {
        String customer = customer();
        completed(capture(customer, "NEW", "[" + fiber("200", "kiosk") + "]"));
        JsonObject product = onlyProduct(customer);
        String quoteId = quote(customer);
        Api.Reply ended = SALES.post("/api/quotes/" + quoteId + "/change-items", "{\"productId\":\"" + product.getString("id")
                + "\",\"action\":\"DELETE\"}");
        assertEquals(200, ended.status(), ended.body());
        assertEquals("DELETE", ended.json().getJsonArray("items").getJsonObject(0).getString("action"));

        JsonObject accepted = priceAndAccept(quoteId);
        JsonObject item = accepted.getJsonArray("items").getJsonObject(0);
        BigDecimal monthly = monthly(product.getJsonArray("productPrice"), "recurringChargePeriod", "amount");
        assertEquals(0, monthly(item.getJsonArray("recurringChange")).compareTo(monthly.negate()), item.toString());
        Api.Reply converted = SALES.post("/api/orders/from-quote", conversion(accepted));
        assertEquals(201, converted.status(), converted.body());
        assertEquals("CHANGE", converted.json().getString("orderType"));
        assertEquals("DELETE", converted.json().getJsonArray("lines").getJsonObject(0).getString("action"));
        completed(converted.json().getString("id"));
        assertEquals("TERMINATED", product(product.getString("id")).getString("status"));
    }

    @Test
    void aChangeQuoteComputedBeforeTheProductChangedDoesNotBecomeAnOrder() {
        String customer = customer();
        completed(capture(customer, "NEW", "[" + fiber("500", "annex") + "]"));
        String productId = onlyProduct(customer).getString("id");
        String quoteId = quote(customer);
        assertEquals(200, SALES.post("/api/quotes/" + quoteId + "/change-items", "{\"productId\":\"" + productId
                + "\",\"characteristics\":{\"bandwidthMbps\":\"1000\"}}").status());
        JsonObject accepted = priceAndAccept(quoteId);

        completed(capture(customer, "SUSPEND", "[{\"productId\":\"" + productId + "\"}]"));
        assertProblem(SALES.unchecked().post("/api/orders/from-quote", conversion(accepted)), 422, "PRODUCT_CHANGED_SINCE_BASELINE");
        assertEquals(2, ordersOf(customer), "the new order and the suspension, no change order");
        assertProblem(SALES.unchecked().post("/api/quotes/" + quote(customer) + "/change-items", "{\"productId\":\""
                + UUID.randomUUID() + "\"}"), 422, "PRODUCT_NOT_FOUND");
    }

    // ---- helpers -------------------------------------------------------------------------------

    private static String quote(String customer) {
        Api.Reply quote = SALES.post("/api/quotes", "{\"customerId\":\"" + customer + "\",\"accountId\":\"acct-" + customer
                + "\",\"channel\":\"DIRECT_SALES\",\"catalogVersionId\":\"" + catalogVersion + "\"}");
        assertEquals(201, quote.status(), quote.body());
        return quote.json().getString("id");
    }

    private static JsonObject priceAndAccept(String quoteId) {
        Api.Reply priced = SALES.post("/api/quotes/" + quoteId + "/pricing", null);
        assertEquals(200, priced.status(), priced.body());
        Api.Reply accepted = SALES.post("/api/quotes/" + quoteId + "/acceptance",
                "{\"revision\":" + priced.json().getInt("revision") + ",\"customerContact\":\"Dana Buyer\"}");
        assertEquals(200, accepted.status(), accepted.body());
        return accepted.json();
    }

    private static String conversion(JsonObject quote) {
        return "{\"quoteId\":\"" + quote.getString("id") + "\",\"revision\":" + quote.getJsonObject("acceptance").getInt("revision")
                + ",\"acceptanceId\":\"" + quote.getJsonObject("acceptance").getString("acceptanceId") + "\"}";
    }

    private static String customer() {
        return "cust-chg-" + UUID.randomUUID();
    }

    private static String fiber(String bandwidth, String site) {
        return "{\"offeringId\":\"po_enterprise_fiber\",\"quantity\":1,\"characteristics\":{\"bandwidthMbps\":\"" + bandwidth
                + "\",\"slaTier\":\"PREMIUM\",\"siteId\":\"" + site + "\"}}";
    }

    private static String body(String customer, String type, String lines) {
        return "{\"orderType\":\"" + type + "\",\"customerId\":\"" + customer + "\",\"accountId\":\"acct-" + customer
                + "\",\"lines\":" + lines + "}";
    }

    private static String capture(String customer, String type, String lines) {
        Api.Reply order = CAPTURE.post("/api/orders", body(customer, type, lines));
        assertEquals(201, order.status(), order.body());
        return order.json().getString("id");
    }

    private static JsonObject order(String id) {
        Api.Reply reply = OPERATIONS.get("/api/orders/" + id);
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    private static JsonObject completed(String orderId) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100))
                .until(() -> Set.of("COMPLETED", "FALLOUT", "HELD").contains(order(orderId).getString("status")));
        JsonObject order = order(orderId);
        assertEquals("COMPLETED", order.getString("status"), order.toString());
        return order;
    }

    private static JsonArray items(String orderId) {
        Api.Reply reply = OPERATIONS.get("/api/orders/" + orderId + "/fulfillment-items");
        assertEquals(200, reply.status(), reply.body());
        return reply.array();
    }

    private static List<String> itemTypes(String orderId) {
        return items(orderId).stream().map(i -> i.asJsonObject().getString("itemType")).toList();
    }

    private static void awaitItems(String orderId, java.util.function.Predicate<JsonArray> condition) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).until(() -> condition.test(items(orderId)));
    }

    /** The billing system answers the item of this type, once it was sent, through the worker API. */
    private static void reportAsync(String orderId, String itemType) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).until(() -> items(orderId).stream()
                .map(JsonValue::asJsonObject).anyMatch(i -> i.getString("itemType").equals(itemType)
                        && i.getString("status").equals("IN_PROGRESS")));
        JsonObject item = items(orderId).stream().map(JsonValue::asJsonObject)
                .filter(i -> i.getString("itemType").equals(itemType)).findFirst().orElseThrow();
        Api.Reply done = WORKER.post("/api/worker/orders/" + orderId + "/fulfillment-items/" + item.getString("id")
                + "/completions", "{\"externalRequestId\":\"" + item.getString("externalRequestId")
                + "\",\"externalReference\":\"BIL-" + UUID.randomUUID() + "\"}");
        assertEquals(200, done.status(), done.body());
    }

    private static JsonArray products(String customer) {
        Api.Reply reply = OPERATIONS.get("/api/inventory/products?customerId=" + customer);
        assertEquals(200, reply.status(), reply.body());
        return reply.json().getJsonArray("items");
    }

    private static JsonObject onlyProduct(String customer) {
        JsonArray products = products(customer);
        assertEquals(1, products.size(), products.toString());
        return products.getJsonObject(0);
    }

    private static JsonObject product(String id) {
        Api.Reply reply = OPERATIONS.get("/api/inventory/products/" + id);
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    private static JsonObject trigger(JsonObject product, String orderId, String kind) {
        return product.getJsonArray("billingTrigger").stream().map(JsonValue::asJsonObject)
                .filter(t -> t.getString("orderId").equals(orderId) && t.getString("kind").equals(kind)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " of order " + orderId + " on " + product));
    }

    private static JsonObject realizing(JsonObject product, String role) {
        return product.getJsonArray("realizingOrder").stream().map(JsonValue::asJsonObject)
                .filter(o -> o.getString("role").equals(role)).findFirst().orElseThrow();
    }

    private static Map<String, String> characteristics(JsonObject product) {
        Map<String, String> values = new HashMap<>();
        product.getJsonArray("productCharacteristic").forEach(c -> values.put(c.asJsonObject().getString("name"),
                c.asJsonObject().getString("value")));
        return values;
    }

    private static BigDecimal monthly(JsonArray totals) {
        return monthly(totals, "period", "amount");
    }

    private static BigDecimal monthly(JsonArray prices, String periodField, String amountField) {
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonValue value : prices) {
            JsonObject price = value.asJsonObject();
            if ("MONTH".equals(price.getString(periodField, null))) {
                sum = sum.add(price.getJsonNumber(amountField).bigDecimalValue());
            }
        }
        return sum;
    }

    private static List<String> timelineActions(String orderId) {
        Api.Reply reply = OPERATIONS.get("/api/orders/" + orderId + "/timeline");
        assertEquals(200, reply.status(), reply.body());
        return reply.array().stream().map(e -> e.asJsonObject().getString("action", "")).toList();
    }

    private static long ordersOf(String customer) {
        Api.Reply reply = OPERATIONS.get("/api/orders?customerId=" + customer);
        assertEquals(200, reply.status(), reply.body());
        return reply.json().getJsonArray("items").size();
    }

    private static void assertProblem(Api.Reply reply, int status, String code) {
        assertEquals(status, reply.status(), reply.body());
        assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
        assertEquals(code, reply.json().getString("code"), reply.body());
    }
}
