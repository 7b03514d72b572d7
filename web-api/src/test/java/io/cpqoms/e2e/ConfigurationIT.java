package io.cpqoms.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
 * The configuration engine through HTTP on the deployed EAR (seed 002, section 8): the demo Enterprise
 * Connectivity Bundle is configured click by click through {@code POST /configurations/evaluations}
 * (start empty, pick a bandwidth, pick a /28 static IP block with 100 Mbps and see it excluded with the
 * rule that says why, fix it, add children, see derived values and the derived SLA Monitoring child),
 * then added to a quote, priced and accepted. A configuration that breaks a rule cannot be quoted.
 */
class ConfigurationIT {

    private static final Api ADMIN = Api.as("acme-catalog-admin");
    private static final Api SALES = Api.as("acme-sales");
    private static final String STATIC_IP_EXPLANATION = "Static IP /28 is not allowed with 100 Mbps: rule "
            + "STATIC-IP-BANDWIDTH requires bandwidthMbps in [500, 1000, 10000].";

    private static String catalogVersion;

    @BeforeAll
    static void publishTheDemoCatalog() {
        catalogVersion = Api.publishedCatalog("configuration e2e", Api.file(Api.DEMO_CATALOG));
    }

    // ---- helpers -------------------------------------------------------------------------------

    /** The bundle with these children (JSON objects), as a quote item body. */
    private static String bundle(String... children) {
        return "{\"offeringId\":\"po_connectivity_bundle\",\"children\":[" + String.join(",", children) + "]}";
    }

    private static String fiber(String characteristics) {
        return "{\"offeringId\":\"po_enterprise_fiber\",\"characteristics\":{" + characteristics + "}}";
    }

    private static String child(String offeringId) {
        return "{\"offeringId\":\"" + offeringId + "\"}";
    }

    /** The same configuration as an evaluation request on the published demo version. */
    private static String onVersion(String configuration) {
        return "{\"catalogVersionId\":\"" + catalogVersion + "\"," + configuration.substring(1);
    }

    private static JsonObject evaluate(String configuration) {
        Api.Reply reply = SALES.post("/api/configurations/evaluations", onVersion(configuration));
        assertEquals(200, reply.status(), reply.body());
        assertTrue(reply.contentType().startsWith("application/json"), reply.contentType());
        JsonObject evaluation = reply.json();
        assertEquals(catalogVersion, evaluation.getString("catalogVersionId"));
        return evaluation;
    }

    private static JsonObject named(JsonArray array, String field, String value) {
        return array.stream().map(JsonValue::asJsonObject).filter(o -> o.getString(field).equals(value)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + field + "=" + value + " in " + array));
    }

    private static JsonObject options(JsonObject product, String characteristic) {
        return named(product.getJsonArray("options"), "name", characteristic);
    }

    private static List<String> strings(JsonArray array) {
        return array.stream().map(v -> ((jakarta.json.JsonString) v).getString()).toList();
    }

    private static List<String> strings(JsonArray array, String field) {
        return array.stream().map(v -> v.asJsonObject().getString(field)).toList();
    }

    private static void assertProblem(Api.Reply reply, int status, String code) {
        assertEquals(status, reply.status(), reply.body());
        assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
        assertEquals(code, reply.json().getString("code"), reply.body());
    }

    private static String startQuote() {
        String customer = "cust-" + UUID.randomUUID();
        Api.Reply quote = SALES.post("/api/quotes", "{\"customerId\":\"" + customer + "\",\"accountId\":\"acct-" + customer
                + "\",\"channel\":\"DIRECT_SALES\",\"catalogVersionId\":\"" + catalogVersion + "\"}");
        assertEquals(201, quote.status(), quote.body());
        return quote.json().getString("id");
    }

    // ---- click by click ------------------------------------------------------------------------

    @Test
    void theBundleIsConfiguredClickByClickThenQuotedPricedAndAccepted() {
        // 1. an empty bundle is incomplete, not invalid: the fiber line is still missing
        JsonObject empty = evaluate(bundle());
        assertEquals("INCOMPLETE", empty.getString("status"));
        assertEquals(0, empty.getJsonArray("violations").size());
        JsonObject noFiber = empty.getJsonArray("missing").getJsonObject(0);
        assertEquals("BUNDLE_CARDINALITY_VIOLATED", noFiber.getString("code"));
        assertEquals("children", noFiber.getString("target"));
        JsonObject fiberOption = named(empty.getJsonObject("configuration").getJsonArray("childOptions"), "offeringId",
                "po_enterprise_fiber");
        assertTrue(fiberOption.getBoolean("addable"));
        assertEquals(1, fiberOption.getInt("minCardinality"));

        // 2. pick 100 Mbps: the /28 block is no longer allowed, and the answer says which rule and why
        JsonObject slow = evaluate(bundle(fiber("\"bandwidthMbps\":\"100\"")));
        assertEquals("INCOMPLETE", slow.getString("status"), "the site is still missing");
        assertEquals(List.of("children[0].characteristics.siteId"), strings(slow.getJsonArray("missing"), "target"));
        JsonObject fiber = slow.getJsonObject("configuration").getJsonArray("children").getJsonObject(0);
        JsonObject bandwidth = named(fiber.getJsonArray("characteristics"), "name", "bandwidthMbps");
        assertEquals("100", bandwidth.getString("value"));
        assertEquals("USER", bandwidth.getString("source"));
        assertEquals("DEFAULT", named(fiber.getJsonArray("characteristics"), "name", "contractTermMonths").getString("source"));
        JsonObject staticIp = options(fiber, "staticIpBlock");
        assertEquals(List.of("NONE", "/30", "/29"), strings(staticIp.getJsonArray("allowedValues")));
        JsonObject excluded = staticIp.getJsonArray("excludedValues").getJsonObject(0);
        assertEquals("/28", excluded.getString("value"));
        assertEquals("STATIC-IP-BANDWIDTH", excluded.getString("ruleId"));
        assertEquals(STATIC_IP_EXPLANATION, excluded.getString("message"));

        // 3. pick /28 anyway with 100 Mbps: invalid, explained, and the bandwidths that fix it are offered
        JsonObject broken = evaluate(bundle(fiber("\"bandwidthMbps\":\"100\",\"staticIpBlock\":\"/28\",\"siteId\":\"HQ\"")));
        assertEquals("INVALID", broken.getString("status"));
        JsonObject violation = broken.getJsonArray("violations").getJsonObject(0);
        assertEquals("RULE_REQUIRES_VIOLATED", violation.getString("code"));
        assertEquals("STATIC-IP-BANDWIDTH", violation.getString("ruleId"));
        assertEquals("children[0].characteristics.bandwidthMbps", violation.getString("target"));
        assertEquals(STATIC_IP_EXPLANATION, violation.getString("message"));
        JsonObject brokenFiber = broken.getJsonObject("configuration").getJsonArray("children").getJsonObject(0);
        assertEquals(List.of("500", "1000", "10000"), strings(options(brokenFiber, "bandwidthMbps").getJsonArray("allowedValues")));
        assertEquals(List.of("100", "200"), strings(options(brokenFiber, "bandwidthMbps").getJsonArray("excludedValues"), "value"));

        // 4. fix it with 10 Gbps, add a managed router and the Premium SLA: the router model and SLA Monitoring are derived
        String configured = bundle(fiber("\"bandwidthMbps\":\"10000\",\"staticIpBlock\":\"/28\",\"siteId\":\"HQ\""),
                child("po_managed_router"), child("po_premium_sla"));
        JsonObject complete = evaluate(configured);
        assertEquals("COMPLETE", complete.getString("status"), complete.toString());
        assertEquals(0, complete.getJsonArray("violations").size());
        assertEquals(0, complete.getJsonArray("missing").size());
        JsonArray children = complete.getJsonObject("configuration").getJsonArray("children");
        assertEquals(List.of("po_enterprise_fiber", "po_managed_router", "po_premium_sla", "po_sla_monitoring"),
                strings(children, "offeringId"));
        JsonObject routerModel = named(children.getJsonObject(1).getJsonArray("characteristics"), "name", "routerModel");
        assertEquals("CPE-8500", routerModel.getString("value"));
        assertEquals("DERIVED", routerModel.getString("source"));
        assertEquals("ROUTER-FOR-10G", routerModel.getString("ruleId"));
        assertEquals(List.of("CPE-8500"), strings(options(children.getJsonObject(1), "routerModel").getJsonArray("allowedValues")));
        JsonObject monitoring = children.getJsonObject(3);
        assertEquals("DERIVED", monitoring.getString("source"));
        assertEquals("PREMIUM-SLA-MONITORING", monitoring.getString("derivedBy"));
        assertEquals("children[3]", monitoring.getString("target"));
        JsonObject basicRouter = named(complete.getJsonObject("configuration").getJsonArray("childOptions"), "offeringId",
                "po_basic_router");
        assertFalse(basicRouter.getBoolean("addable"));
        assertEquals("ROUTER-ONE-KIND", basicRouter.getString("ruleId"));

        // 5. the same configuration becomes a quote item: the resolved configuration, derived child included
        String quote = startQuote();
        Api.Reply added = SALES.post("/api/quotes/" + quote + "/items", configured);
        assertEquals(200, added.status(), added.body());
        JsonArray items = added.json().getJsonArray("items");
        assertEquals(List.of("1", "1.1", "1.2", "1.3", "1.4"), strings(items, "lineNumber"));
        assertEquals("CPE-8500", items.getJsonObject(2).getJsonObject("characteristics").getString("routerModel"));
        assertEquals("po_sla_monitoring", items.getJsonObject(4).getString("offeringId"));
        assertEquals("MONTHLY", items.getJsonObject(4).getJsonObject("characteristics").getString("reportingInterval"));

        // 6. priced (the derived SLA Monitoring carries its own monthly fee) and accepted
        Api.Reply priced = SALES.post("/api/quotes/" + quote + "/pricing", null);
        assertEquals(200, priced.status(), priced.body());
        assertEquals("PRICED", priced.json().getString("status"));
        JsonObject snapshot = priced.json().getJsonObject("priceSnapshot");
        JsonObject monitoringLine = named(snapshot.getJsonArray("lines"), "lineId", items.getJsonObject(4).getString("id"));
        JsonObject monitoringFee = named(monitoringLine.getJsonArray("charges"), "priceId", "pop_sla_monitoring_monthly");
        assertEquals(0, new BigDecimal("75.00").compareTo(monitoringFee.getJsonNumber("unitAmount").bigDecimalValue()));
        // its breakdown: list price, the bundle's discount on its children's recurring charges, rounding, tax placeholder
        assertEquals(List.of("LIST_PRICE", "BUNDLE", "ROUNDING", "TAX_PLACEHOLDER"),
                strings(monitoringFee.getJsonArray("steps"), "kind"));
        assertEquals("disc_connectivity_bundle", monitoringFee.getJsonArray("steps").getJsonObject(1).getString("ruleId"));
        assertEquals(0, new BigDecimal("71.25").compareTo(monitoringFee.getJsonNumber("amount").bigDecimalValue()));
        assertEquals(snapshot.getString("catalogVersionId"), priced.json().getString("catalogVersionId"));
        Api.Reply accepted = SALES.post("/api/quotes/" + quote + "/acceptance",
                "{\"revision\":" + priced.json().getInt("revision") + ",\"customerContact\":\"Dana Buyer\"}");
        assertEquals(200, accepted.status(), accepted.body());
        assertEquals("ACCEPTED", accepted.json().getString("status"));
        assertNotNull(accepted.json().getJsonObject("acceptance").getString("acceptanceId"));
    }

    // ---- the same rules guard quotes ------------------------------------------------------------

    @Test
    void aConfigurationThatBreaksARuleCannotBeQuoted() {
        String quote = startQuote();
        Api.Reply refused = SALES.post("/api/quotes/" + quote + "/items",
                bundle(fiber("\"bandwidthMbps\":\"100\",\"staticIpBlock\":\"/28\",\"siteId\":\"HQ\""), child("po_managed_router")));
        assertProblem(refused, 422, "RULE_REQUIRES_VIOLATED");
        JsonObject violation = refused.json().getJsonArray("violations").getJsonObject(0);
        assertEquals("item.children[0].characteristics.bandwidthMbps", violation.getString("target"));
        assertEquals(STATIC_IP_EXPLANATION, violation.getString("message"));

        Api.Reply conflict = SALES.post("/api/quotes/" + quote + "/items", bundle(
                fiber("\"bandwidthMbps\":\"10000\",\"siteId\":\"HQ\""),
                "{\"offeringId\":\"po_managed_router\",\"characteristics\":{\"routerModel\":\"CPE-4300\"}}"));
        assertProblem(conflict, 422, "RULE_DERIVATION_CONFLICT");
        assertTrue(conflict.json().getJsonArray("violations").getJsonObject(0).getString("message")
                .contains("rule ROUTER-FOR-10G derives po_managed_router.routerModel = CPE-8500, not CPE-4300"), conflict.body());

        assertProblem(SALES.post("/api/quotes/" + quote + "/items", bundle(fiber("\"siteId\":\"HQ\""),
                child("po_managed_router"), child("po_basic_router"))), 422, "RULE_EXCLUDES_VIOLATED");

        Api.Reply unchanged = SALES.get("/api/quotes/" + quote);
        assertEquals(0, unchanged.json().getJsonArray("items").size(), "refused items leave the quote as it was");
    }

    // ---- answers and refusals ------------------------------------------------------------------

    @Test
    void theOptionsOfAPlainOfferingAndTheRolesThatMayAsk() {
        String fiberOnly = "{\"catalogVersionId\":\"" + catalogVersion + "\",\"offeringId\":\"po_enterprise_fiber\","
                + "\"characteristics\":{\"contractTermMonths\":\"12\",\"siteId\":\"HQ\"}}";
        for (String user : List.of("acme-sales", "acme-order-capture", "acme-customer-service", "acme-catalog-admin")) {
            Api.Reply reply = Api.as(user).post("/api/configurations/evaluations", fiberOnly);
            assertEquals(200, reply.status(), user + ": " + reply.body());
            assertEquals("COMPLETE", reply.json().getString("status"));
            JsonObject bandwidth = options(reply.json().getJsonObject("configuration"), "bandwidthMbps");
            assertEquals("TERM-10G", bandwidth.getJsonArray("excludedValues").getJsonObject(0).getString("ruleId"));
        }
        assertProblem(Api.as("acme-operations").post("/api/configurations/evaluations", fiberOnly), 403, "ROLE_REQUIRED");
    }

    @Test
    void withoutAVersionTheLatestPublishedOneAnswers() {
        Api.Reply reply = SALES.post("/api/configurations/evaluations", "{\"offeringId\":\"po_enterprise_fiber\"}");
        assertEquals(200, reply.status(), reply.body());
        assertFalse(reply.json().getString("catalogVersionId").isBlank());
        assertEquals("INCOMPLETE", reply.json().getString("status"));
    }

    @Test
    void unknownVersionsAndOfferingsAreNotFoundAndBadBodiesAreBadRequests() {
        assertProblem(SALES.post("/api/configurations/evaluations", "{\"catalogVersionId\":\"" + UUID.randomUUID()
                + "\",\"offeringId\":\"po_enterprise_fiber\"}"), 404, "CATALOG_VERSION_NOT_FOUND");
        assertProblem(SALES.post("/api/configurations/evaluations", "{\"catalogVersionId\":\"" + catalogVersion
                + "\",\"offeringId\":\"po_ghost\"}"), 404, "OFFERING_NOT_FOUND");
        assertProblem(SALES.unchecked().post("/api/configurations/evaluations", "{}"), 400, "INVALID_REQUEST_BODY");
        assertProblem(SALES.unchecked().post("/api/configurations/evaluations", "{\"offeringId\":"), 400, "MALFORMED_JSON");
        assertProblem(SALES.unchecked().post("/api/configurations/evaluations", "{\"catalogVersionId\":\"not-a-uuid\","
                + "\"offeringId\":\"po_enterprise_fiber\"}"), 400, "INVALID_REQUEST_BODY");
        assertProblem(Api.as("globex-sales").post("/api/configurations/evaluations", "{\"catalogVersionId\":\""
                + catalogVersion + "\",\"offeringId\":\"po_enterprise_fiber\"}"), 404, "CATALOG_VERSION_NOT_FOUND");
    }

    @Test
    void aCatalogAdministratorTriesRulesOnADraftOthersDoNotSeeIt() {
        Api.Reply created = ADMIN.post("/api/catalog/versions", "{\"name\":\"configuration draft " + UUID.randomUUID() + "\"}");
        String draft = created.json().getString("id");
        assertEquals(200, ADMIN.post("/api/catalog/versions/" + draft + "/imports",
                Api.file("../server-config/src/main/demo/demo-catalog.json")).status());
        String body = "{\"catalogVersionId\":\"" + draft + "\",\"offeringId\":\"po_enterprise_fiber\","
                + "\"characteristics\":{\"bandwidthMbps\":\"100\",\"staticIpBlock\":\"/28\",\"siteId\":\"HQ\"}}";

        Api.Reply onDraft = ADMIN.post("/api/configurations/evaluations", body);
        assertEquals(200, onDraft.status(), onDraft.body());
        assertEquals("INVALID", onDraft.json().getString("status"));
        assertEquals(draft, onDraft.json().getString("catalogVersionId"));
        assertProblem(SALES.post("/api/configurations/evaluations", body), 404, "CATALOG_VERSION_NOT_FOUND");
    }
}
