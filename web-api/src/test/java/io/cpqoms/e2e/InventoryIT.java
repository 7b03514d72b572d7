package io.cpqoms.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The installed base end to end (seed 000 section 21, seed 002 sections 16 and 22): completed orders
 * — a direct one and a bundle from a quote — put their products into the inventory with the lines'
 * characteristics and price, the bundle's tree, the order and quote revision; the order's timeline
 * shows it; another tenant sees nothing; the list pages by keyset; bad parameters are problem details;
 * a redelivered completion report creates nothing twice.
 */
class InventoryIT {

    private static final Api SALES = Api.as("acme-sales");
    private static final Api CAPTURE = Api.as("acme-order-capture");
    private static final Api OPERATIONS = Api.as("acme-operations");
    private static final Api CUSTOMER_SERVICE = Api.as("acme-customer-service");
    private static final Api AUDITOR = Api.as("acme-auditor");
    private static final Api WORKER = Api.as("acme-fulfillment-worker");
    private static final Api GLOBEX = Api.as("globex-operations");
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private static String catalogVersion;

    @BeforeAll
    static void publishTheDemoCatalog() {
        catalogVersion = Api.publishedCatalog("inventory e2e", Api.file(Api.DEMO_CATALOG));
    }

    @Test
    void aCompletedDirectOrderCreatesItsProductWithCharacteristicsAndPrice() {
        String customer = customer();
        String orderId = direct(customer, "site-direct");
        JsonObject order = completed(orderId);
        JsonObject line = order.getJsonArray("lines").getJsonObject(0);

        JsonArray products = products(OPERATIONS, "customerId=" + customer).getJsonArray("items");
        assertEquals(1, products.size(), products.toString());
        JsonObject product = products.getJsonObject(0);
        assertEquals("ACTIVE", product.getString("status"));
        assertEquals(customer, product.getString("customerId"));
        assertEquals("acct-" + customer, product.getString("accountId"));
        assertEquals("po_enterprise_fiber", product.getJsonObject("productOffering").getString("id"));
        assertEquals(line.getString("productSpecificationId"), product.getString("productSpecificationId"));
        Map<String, String> configured = new HashMap<>();
        line.getJsonObject("characteristics").forEach((name, value) -> configured.put(name, ((jakarta.json.JsonString) value).getString()));
        Map<String, String> held = characteristics(product);
        assertTrue(held.entrySet().containsAll(configured.entrySet()), "the line's configuration: " + held + " vs " + configured);
        assertEquals("500", held.get("bandwidthMbps"));
        assertEquals("site-direct", held.get("siteId"));
        assertEquals("PREMIUM", held.get("slaTier"));
        JsonArray recurring = line.getJsonObject("price").getJsonArray("recurringTotals");
        assertFalse(recurring.isEmpty(), "the fiber has a monthly charge");
        JsonArray price = product.getJsonArray("productPrice");
        assertEquals(recurring.size(), price.size());
        assertEquals(recurring.getJsonObject(0).getJsonNumber("amount").bigDecimalValue().compareTo(
                price.getJsonObject(0).getJsonNumber("amount").bigDecimalValue()), 0, price.toString());
        assertEquals(recurring.getJsonObject(0).getString("period"), price.getJsonObject(0).getString("recurringChargePeriod"));
        assertEquals(order.getString("currency"), price.getJsonObject(0).getString("currency"));
        assertEquals("recurring", price.getJsonObject(0).getString("priceType"));
        assertEquals(order.getString("completedAt").substring(0, 10), product.getString("startDate"));
        assertFalse(product.containsKey("terminationDate"));
        assertFalse(product.containsKey("sourceQuote"), "a direct order has no quote");
        JsonObject created = product.getJsonArray("realizingOrder").getJsonObject(0);
        assertEquals("CREATED", created.getString("role"));
        assertEquals(orderId, created.getString("orderId"));
        assertEquals(order.getString("orderNumber"), created.getString("orderNumber"));
        assertEquals(line.getString("id"), created.getString("orderLineId"));

        Api.Reply one = CUSTOMER_SERVICE.get("/api/inventory/products/" + product.getString("id"));
        assertEquals(200, one.status(), one.body());
        assertEquals(product, one.json(), "every reading role gets the same view: no costs on a product");
    }

    @Test
    void aBundleFromAQuoteKeepsItsTreeAndTheQuoteRevisionAndShowsOnTheOrderTimeline() {
        String customer = customer();
        String bundle = "{\"offeringId\":\"po_connectivity_bundle\",\"children\":[" + fiber("site-branch") + ","
                + "{\"offeringId\":\"po_managed_router\",\"characteristics\":{\"routerModel\":\"CPE-4300\"}},"
                + "{\"offeringId\":\"po_premium_sla\"}]}";
        JsonObject quote = acceptedQuote(customer, bundle);
        Api.Reply captured = SALES.post("/api/orders/from-quote", conversion(quote));
        assertEquals(201, captured.status(), captured.body());
        String orderId = captured.json().getString("id");
        JsonObject order = completed(orderId);

        JsonArray products = products(OPERATIONS, "customerId=" + customer).getJsonArray("items");
        assertEquals(5, products.size(), "the bundle, the fiber, the router, the SLA and the SLA monitoring the rule added");
        Map<String, JsonObject> byOffering = new HashMap<>();
        products.forEach(p -> byOffering.put(p.asJsonObject().getJsonObject("productOffering").getString("id"), p.asJsonObject()));
        JsonObject root = byOffering.get("po_connectivity_bundle");
        assertFalse(root.containsKey("parentProductId"));
        assertEquals(4, root.getJsonArray("childProductIds").size());
        for (String child : List.of("po_enterprise_fiber", "po_managed_router", "po_premium_sla", "po_sla_monitoring")) {
            assertEquals(root.getString("id"), byOffering.get(child).getString("parentProductId"), child);
            assertTrue(root.getJsonArray("childProductIds").getValuesAs(jakarta.json.JsonString::getString)
                    .contains(byOffering.get(child).getString("id")), child);
        }
        assertEquals("CPE-4300", characteristics(byOffering.get("po_managed_router")).get("routerModel"));
        assertEquals("500", characteristics(byOffering.get("po_enterprise_fiber")).get("bandwidthMbps"));
        for (JsonObject product : byOffering.values()) {
            JsonObject source = product.getJsonObject("sourceQuote");
            assertEquals(quote.getString("id"), source.getString("id"));
            assertEquals(quote.getJsonObject("acceptance").getInt("revision"), source.getInt("revision"));
            assertEquals(order.getString("orderNumber"), product.getJsonArray("realizingOrder").getJsonObject(0).getString("orderNumber"));
        }
        // the price of each product is its line's, from the order's snapshot
        for (JsonValue value : order.getJsonArray("lines")) {
            JsonObject line = value.asJsonObject();
            JsonObject product = byOffering.get(line.getString("offeringId"));
            BigDecimal lineMonthly = monthly(line.containsKey("price") ? line.getJsonObject("price").getJsonArray("recurringTotals")
                    : null, "period", "amount");
            BigDecimal productMonthly = monthly(product.getJsonArray("productPrice"), "recurringChargePeriod", "amount");
            assertEquals(0, lineMonthly.compareTo(productMonthly), line.getString("offeringId"));
        }

        List<String> actions = AUDITOR.get("/api/orders/" + orderId + "/timeline").array().stream()
                .map(e -> e.asJsonObject().getString("action")).toList();
        assertTrue(actions.indexOf("PRODUCT_INVENTORY_UPDATED") >= 0 && actions.indexOf("PRODUCT_INVENTORY_UPDATED")
                < actions.indexOf("ORDER_COMPLETED"), actions.toString());
        JsonObject installed = AUDITOR.get("/api/orders/" + orderId + "/timeline").array().stream().map(JsonValue::asJsonObject)
                .filter(e -> e.getString("action").equals("PRODUCT_INVENTORY_UPDATED")).findFirst().orElseThrow();
        assertEquals(5, installed.getJsonObject("details").getJsonArray("products").size());
    }

    @Test
    void anotherTenantSeesNoneOfTheProducts() {
        String customer = customer();
        completed(direct(customer, "site-tenant"));
        String id = products(OPERATIONS, "customerId=" + customer).getJsonArray("items").getJsonObject(0).getString("id");
        assertEquals(0, products(GLOBEX, "customerId=" + customer).getJsonArray("items").size());
        assertTrue(products(GLOBEX, "limit=200").getJsonArray("items").stream()
                .noneMatch(p -> p.asJsonObject().getString("customerId").equals(customer)));
        assertProblem(GLOBEX.unchecked().get("/api/inventory/products/" + id), 404, "PRODUCT_NOT_FOUND");
    }

    @Test
    void theListIsKeysetPagedAndFilteredAndRefusesBadParameters() {
        String customer = customer();
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            orders.add(direct(customer, "site-" + i));
        }
        orders.forEach(InventoryIT::completed);
        List<String> all = ids(products(OPERATIONS, "customerId=" + customer + "&status=ACTIVE"));
        assertEquals(3, all.size());
        JsonObject first = products(OPERATIONS, "customerId=" + customer + "&limit=2");
        assertEquals(all.subList(0, 2), ids(first));
        String next = first.getString("next");
        JsonObject second = products(OPERATIONS, "customerId=" + customer + "&limit=2&after=" + next);
        assertEquals(all.subList(2, 3), ids(second));
        assertFalse(second.containsKey("next"));
        assertEquals(0, products(OPERATIONS, "customerId=" + customer + "&status=TERMINATED").getJsonArray("items").size());

        assertProblem(OPERATIONS.unchecked().get("/api/inventory/products?customerId=other&after=" + next), 400, "INVALID_PAGE");
        assertProblem(OPERATIONS.unchecked().get("/api/inventory/products?after=garbage"), 400, "INVALID_PAGE");
        assertProblem(OPERATIONS.unchecked().get("/api/inventory/products?limit=0"), 400, "INVALID_PAGE");
        assertProblem(OPERATIONS.unchecked().get("/api/inventory/products?limit=201"), 400, "INVALID_PAGE");
        assertProblem(OPERATIONS.unchecked().get("/api/inventory/products?limit=many"), 400, "INVALID_PARAMETER");
        assertProblem(OPERATIONS.unchecked().get("/api/inventory/products?status=GONE"), 400, "INVALID_PARAMETER");
        assertProblem(OPERATIONS.unchecked().get("/api/inventory/products?customerId=" + "c".repeat(81)), 400, "INVALID_PARAMETER");
        assertProblem(OPERATIONS.unchecked().get("/api/inventory/products/not-a-uuid"), 400, "INVALID_PARAMETER");
        assertProblem(OPERATIONS.unchecked().get("/api/inventory/products/" + UUID.randomUUID()), 404, "PRODUCT_NOT_FOUND");
    }

    @Test
    void aRedeliveredCompletionReportCreatesNothingTwice() throws SQLException {
        String customer = customer();
        String orderId = direct(customer, "site-redelivered");
        completed(orderId);
        JsonObject product = products(OPERATIONS, "customerId=" + customer).getJsonArray("items").getJsonObject(0);
        JsonArray items = OPERATIONS.get("/api/orders/" + orderId + "/fulfillment-items").array();
        int timeline = AUDITOR.get("/api/orders/" + orderId + "/timeline").array().size();
        for (JsonValue value : items) {
            JsonObject item = value.asJsonObject();
            Api.Reply repeated = WORKER.post("/api/worker/orders/" + orderId + "/fulfillment-items/" + item.getString("id")
                    + "/completions", "{\"externalRequestId\":\"" + item.getString("externalRequestId")
                    + "\",\"externalReference\":\"" + item.getString("externalReference") + "\"}");
            assertEquals(200, repeated.status(), repeated.body());
        }
        JsonArray after = products(OPERATIONS, "customerId=" + customer).getJsonArray("items");
        assertEquals(1, after.size());
        assertEquals(product, after.getJsonObject(0), "the product is untouched, at the same version");
        assertEquals(timeline, AUDITOR.get("/api/orders/" + orderId + "/timeline").array().size());
        String url = System.getProperty("cpq.db.url", "");
        if (!url.isEmpty()) {
            try (Connection db = DriverManager.getConnection(url, System.getProperty("cpq.db.user"),
                    System.getProperty("cpq.db.password"))) {
                assertEquals(1, count(db, "select count(*) from ordering.product_asset where created_by_order_id = ?::uuid", orderId));
                assertEquals(1, count(db, "select count(*) from ordering.outbox_event where event_type = 'inventory.product-created.v1'"
                        + " and aggregate_id = ?", product.getString("id")));
                assertEquals(1, count(db, "select count(*) from ordering.audit_entry where action = 'PRODUCT_INVENTORY_CREATED'"
                        + " and aggregate_type = 'ProductInventory' and aggregate_id = ?", product.getString("id")));
            }
        }
    }

    // ---- helpers -------------------------------------------------------------------------------

    private static String customer() {
        return "cust-inv-" + UUID.randomUUID();
    }

    private static String fiber(String site) {
        return "{\"offeringId\":\"po_enterprise_fiber\",\"quantity\":1,\"characteristics\":{\"bandwidthMbps\":\"500\","
                + "\"slaTier\":\"PREMIUM\",\"siteId\":\"" + site + "\"}}";
    }

    private static String direct(String customer, String site) {
        Api.Reply order = CAPTURE.post("/api/orders", "{\"customerId\":\"" + customer + "\",\"accountId\":\"acct-" + customer
                + "\",\"lines\":[" + fiber(site) + "]}");
        assertEquals(201, order.status(), order.body());
        return order.json().getString("id");
    }

    private static JsonObject acceptedQuote(String customer, String item) {
        Api.Reply quote = SALES.post("/api/quotes", "{\"customerId\":\"" + customer + "\",\"accountId\":\"acct-" + customer
                + "\",\"channel\":\"DIRECT_SALES\",\"catalogVersionId\":\"" + catalogVersion + "\"}");
        assertEquals(201, quote.status(), quote.body());
        String id = quote.json().getString("id");
        assertEquals(200, SALES.post("/api/quotes/" + id + "/items", item).status());
        Api.Reply priced = SALES.post("/api/quotes/" + id + "/pricing", null);
        assertEquals(200, priced.status(), priced.body());
        Api.Reply accepted = SALES.post("/api/quotes/" + id + "/acceptance",
                "{\"revision\":" + priced.json().getInt("revision") + ",\"customerContact\":\"Dana Buyer\"}");
        assertEquals(200, accepted.status(), accepted.body());
        return accepted.json();
    }

    private static String conversion(JsonObject quote) {
        return "{\"quoteId\":\"" + quote.getString("id") + "\",\"revision\":" + quote.getJsonObject("acceptance").getInt("revision")
                + ",\"acceptanceId\":\"" + quote.getJsonObject("acceptance").getString("acceptanceId") + "\"}";
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

    private static JsonObject products(Api caller, String query) {
        Api.Reply reply = caller.get("/api/inventory/products?" + query);
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    private static List<String> ids(JsonObject page) {
        return page.getJsonArray("items").stream().map(p -> p.asJsonObject().getString("id")).toList();
    }

    private static Map<String, String> characteristics(JsonObject product) {
        Map<String, String> values = new HashMap<>();
        product.getJsonArray("productCharacteristic").forEach(c -> values.put(c.asJsonObject().getString("name"),
                c.asJsonObject().getString("value")));
        return values;
    }

    /** The sum of the MONTH charges of a price list, zero without any. */
    private static BigDecimal monthly(JsonArray prices, String periodField, String amountField) {
        BigDecimal sum = BigDecimal.ZERO;
        if (prices == null) {
            return sum;
        }
        for (JsonValue value : prices) {
            JsonObject price = value.asJsonObject();
            if ("MONTH".equals(price.getString(periodField, null))) {
                sum = sum.add(price.getJsonNumber(amountField).bigDecimalValue());
            }
        }
        return sum;
    }

    private static long count(Connection db, String sql, String parameter) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static void assertProblem(Api.Reply reply, int status, String code) {
        assertEquals(status, reply.status(), reply.body());
        assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
        assertEquals(code, reply.json().getString("code"), reply.body());
    }
}
