package io.cpqoms.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The catalog through HTTP on the deployed EAR: a catalog manager creates a draft, imports the demo
 * catalog, publishes it, and sales browse and fetch offerings; every wrong input gets a problem detail
 * and changes nothing.
 */
class CatalogApiIT {

    private static final String DEMO = Api.file("../server-config/src/main/demo/demo-catalog.json");
    private static final Api ADMIN = Api.as("acme-catalog-admin");
    private static final Api SALES = Api.as("acme-sales");
    private static String published;

    private static Api.Reply get(String path) {
        return ADMIN.get(path);
    }

    private static Api.Reply post(String path, String json) {
        return ADMIN.post(path, json);
    }

    @BeforeAll
    static void publishTheDemoCatalog() {
        Api.Reply created = post("/api/catalog/versions", "{\"name\":\"e2e " + UUID.randomUUID() + "\"}");
        assertEquals(201, created.status(), created.body());
        published = created.json().getString("id");
        assertTrue(created.header("Location").endsWith("/api/catalog/versions/" + published));
        assertEquals("DRAFT", created.json().getString("status"));

        Api.Reply imported = post("/api/catalog/versions/" + published + "/imports", DEMO);
        assertEquals(200, imported.status(), imported.body());
        assertEquals(10, imported.json().getInt("offeringCount"));

        Api.Reply publication = post("/api/catalog/versions/" + published + "/publication", null);
        assertEquals(200, publication.status(), publication.body());
        assertEquals("PUBLISHED", publication.json().getString("status"));
        assertNotNull(publication.json().getString("publishedAt"));
    }

    private static String draft() {
        Api.Reply created = post("/api/catalog/versions", "{\"name\":\"e2e draft " + UUID.randomUUID() + "\"}");
        assertEquals(201, created.status(), created.body());
        return created.json().getString("id");
    }

    private static void assertProblem(Api.Reply reply, int status, String code) {
        assertEquals(status, reply.status(), reply.body());
        assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
        JsonObject problem = reply.json();
        assertEquals(code, problem.getString("code"), reply.body());
        assertEquals(status, problem.getInt("status"));
        assertFalse(problem.getString("detail").isBlank());
        assertEquals(reply.header("X-Correlation-Id"), problem.getString("correlationId"));
    }

    private static Set<String> ids(Api.Reply page) {
        return page.json().getJsonArray("items").stream()
                .map(item -> item.asJsonObject().getString("id")).collect(Collectors.toSet());
    }

    @Test
    void publishingAgainChangesNothing() {
        JsonObject before = get("/api/catalog/versions/" + published).json();
        Api.Reply again = post("/api/catalog/versions/" + published + "/publication", null);
        assertEquals(200, again.status());
        assertEquals(before.getString("publishedAt"), again.json().getString("publishedAt"));
        assertEquals(before.getInt("entityVersion"), again.json().getInt("entityVersion"));
    }

    @Test
    void theVersionIsListed() {
        Api.Reply versions = get("/api/catalog/versions");
        assertEquals(200, versions.status());
        assertTrue(versions.array().stream().anyMatch(v -> v.asJsonObject().getString("id").equals(published)));
    }

    @Test
    void offeringsAreFilteredByChannelSegmentAndLifecycle() {
        String version = "/api/catalog/offerings?version=" + published;
        assertEquals(ids(get(version)), ids(SALES.get(version)), "sales browse the published version too");
        assertEquals(Set.of("po_enterprise_wireless_200m", "po_basic_router"), ids(get(version + "&channel=SELF_SERVICE")));
        assertEquals(Set.of("po_enterprise_wireless_200m", "po_managed_router", "po_basic_router", "po_business_dsl"),
                ids(get(version + "&segment=SMB")));
        assertEquals(Set.of("po_enterprise_wireless_200m", "po_managed_router", "po_basic_router"),
                ids(get(version + "&segment=SMB&channel=PARTNER&lifecycle=ACTIVE")));
        Api.Reply retired = get(version + "&lifecycle=retired");
        assertEquals(Set.of("po_business_dsl"), ids(retired));
        assertFalse(retired.json().getJsonArray("items").getJsonObject(0).getBoolean("sellable"));
    }

    @Test
    void offeringsArePaged() {
        Api.Reply all = get("/api/catalog/offerings?version=" + published + "&limit=200");
        assertEquals(10, all.json().getInt("total"));
        Api.Reply page = get("/api/catalog/offerings?version=" + published + "&offset=6&limit=4");
        assertEquals(10, page.json().getInt("total"));
        assertEquals(4, page.json().getJsonArray("items").size());
        assertEquals(6, page.json().getInt("offset"));
        assertProblem(ADMIN.unchecked().get("/api/catalog/offerings?version=" + published + "&limit=0"), 400, "INVALID_PAGE");
        assertProblem(ADMIN.unchecked().get("/api/catalog/offerings?version=" + published + "&limit=abc"), 400, "INVALID_PARAMETER");
        assertProblem(ADMIN.unchecked().get("/api/catalog/offerings?version=" + published + "&lifecycle=GONE"), 400, "INVALID_PARAMETER");
    }

    @Test
    void anOfferingComesWithItsSpecificationPricesAndRelationships() {
        JsonObject bundle = get("/api/catalog/offerings/po_connectivity_bundle?version=" + published).json();
        assertEquals(published, bundle.getString("catalogVersionId"));
        assertTrue(bundle.getBoolean("sellable"));
        JsonObject offering = bundle.getJsonObject("offering");
        assertTrue(offering.getBoolean("bundle"));
        assertEquals(List.of("po_enterprise_fiber", "po_managed_router", "po_premium_sla", "po_basic_router", "po_sla_monitoring"),
                offering.getJsonArray("relationships")
                .stream().map(r -> r.asJsonObject().getString("offeringId")).toList());

        JsonObject fiber = get("/api/catalog/offerings/po_enterprise_fiber?version=" + published).json();
        assertEquals(List.of("bandwidthMbps", "slaTier", "contractTermMonths", "staticIpBlock", "installationType", "siteId"),
                fiber.getJsonObject("productSpecification").getJsonArray("characteristics").stream()
                        .map(c -> c.asJsonObject().getString("name")).toList());
        assertEquals(Set.of("ONE_TIME", "RECURRING"), fiber.getJsonObject("offering").getJsonArray("prices").stream()
                .map(p -> p.asJsonObject().getString("priceType")).collect(Collectors.toSet()));

        JsonObject future = get("/api/catalog/offerings/po_fiber_10g_launch?version=" + published).json();
        assertFalse(future.getBoolean("sellable"), "not sellable before its validity window opens");
    }

    @Test
    void withoutAVersionTheLatestPublishedOneAnswers() {
        Api.Reply latest = SALES.get("/api/catalog/offerings/po_enterprise_fiber");
        assertEquals(200, latest.status(), latest.body());
        assertEquals("PUBLISHED", latest.json().getString("catalogVersionStatus"));
    }

    @Test
    void anInvalidDocumentIsRefusedWholeAndTheDraftIsUnchanged() {
        String draft = draft();
        assertEquals(200, post("/api/catalog/versions/" + draft + "/imports", DEMO).status());
        JsonObject before = get("/api/catalog/versions/" + draft).json();

        String broken = DEMO.replace("\"productSpecificationId\": \"ps_service_level\"", "\"productSpecificationId\": \"ps_unknown\"")
                .replace("{ \"type\": \"EXCLUDES\", \"offeringId\": \"po_managed_router\" }",
                        "{ \"type\": \"REQUIRES\", \"offeringId\": \"po_connectivity_bundle\" }")
                .replace("{ \"type\": \"BUNDLE_CHILD\", \"offeringId\": \"po_basic_router\", \"minCardinality\": 0, \"maxCardinality\": 1 }",
                        "{ \"type\": \"BUNDLE_CHILD\", \"offeringId\": \"po_basic_router\" }, { \"type\": \"REQUIRES\", \"offeringId\": \"po_basic_router\" }");
        Api.Reply refused = post("/api/catalog/versions/" + draft + "/imports", broken);
        assertProblem(refused, 422, "OFFERING_SPECIFICATION_NOT_FOUND");
        List<String> rules = refused.json().getJsonArray("violations").stream()
                .map(v -> v.asJsonObject().getString("rule")).toList();
        assertTrue(rules.contains("REQUIRES_CYCLE"), rules.toString());
        JsonObject missingSpec = refused.json().getJsonArray("violations").getJsonObject(0);
        assertEquals("productOfferings[po_premium_sla].productSpecificationId", missingSpec.getString("target"));

        JsonObject after = get("/api/catalog/versions/" + draft).json();
        assertEquals(before, after, "a refused import changes nothing");
    }

    @Test
    void malformedJsonAndWrongTypesAreBadRequestsThatChangeNothing() {
        String draft = draft();
        JsonObject before = get("/api/catalog/versions/" + draft).json();
        assertProblem(ADMIN.unchecked().post("/api/catalog/versions/" + draft + "/imports", "{\"productOfferings\": [ {\"id\": "), 400, "MALFORMED_JSON");
        assertProblem(ADMIN.unchecked().post("/api/catalog/versions/" + draft + "/imports", "[]"), 400, "MALFORMED_JSON");
        assertProblem(ADMIN.unchecked().post("/api/catalog/versions/" + draft + "/imports",
                DEMO.replace("\"amount\": \"1500.00\"", "\"amount\": \"fifteen hundred\"")), 400, "INVALID_REQUEST_BODY");
        assertProblem(ADMIN.unchecked().post("/api/catalog/versions/" + draft + "/imports",
                DEMO.replace("\"lifecycleStatus\": \"RETIRED\"", "\"lifecycleStatus\": \"SUNSET\"")), 400, "INVALID_REQUEST_BODY");
        assertEquals(before, get("/api/catalog/versions/" + draft).json());

        int versions = get("/api/catalog/versions").array().size();
        assertProblem(ADMIN.unchecked().post("/api/catalog/versions", "{\"name\": 42"), 400, "MALFORMED_JSON");
        assertProblem(ADMIN.unchecked().post("/api/catalog/versions", "{\"name\": \"x\"} trailing"), 400, "MALFORMED_JSON");
        assertProblem(ADMIN.unchecked().post("/api/catalog/versions", "{\"description\": \"no name\"}"), 400, "INVALID_REQUEST_BODY");
        assertEquals(versions, get("/api/catalog/versions").array().size(), "refused creations write nothing");
    }

    @Test
    void aPublishedVersionCannotBeChanged() {
        JsonObject before = get("/api/catalog/versions/" + published).json();
        assertProblem(post("/api/catalog/versions/" + published + "/imports", DEMO), 409, "CATALOG_VERSION_PUBLISHED");
        assertEquals(before, get("/api/catalog/versions/" + published).json());
    }

    @Test
    void aNewDraftCanStartFromAPublishedVersionOnly() {
        Api.Reply copy = post("/api/catalog/versions", "{\"name\":\"next\",\"sourceVersionId\":\"" + published + "\"}");
        assertEquals(201, copy.status(), copy.body());
        assertEquals(published, copy.json().getString("sourceVersionId"));
        assertEquals(10, copy.json().getInt("offeringCount"));
        assertEquals("DRAFT", copy.json().getString("status"));

        String draft = draft();
        assertProblem(post("/api/catalog/versions", "{\"name\":\"x\",\"sourceVersionId\":\"" + draft + "\"}"),
                422, "SOURCE_VERSION_NOT_PUBLISHED");
        assertProblem(post("/api/catalog/versions", "{\"name\":\"x\",\"sourceVersionId\":\"" + UUID.randomUUID() + "\"}"),
                404, "CATALOG_VERSION_NOT_FOUND");
        assertProblem(post("/api/catalog/versions/" + draft + "/publication", null), 422, "CATALOG_VERSION_EMPTY");
    }

    @Test
    void unknownIdsAreNotFound() {
        assertProblem(get("/api/catalog/versions/" + UUID.randomUUID()), 404, "CATALOG_VERSION_NOT_FOUND");
        assertProblem(post("/api/catalog/versions/" + UUID.randomUUID() + "/imports", DEMO), 404, "CATALOG_VERSION_NOT_FOUND");
        assertProblem(post("/api/catalog/versions/" + UUID.randomUUID() + "/publication", null), 404, "CATALOG_VERSION_NOT_FOUND");
        assertProblem(get("/api/catalog/offerings/po_nothing?version=" + published), 404, "OFFERING_NOT_FOUND");
        assertProblem(get("/api/catalog/offerings?version=" + UUID.randomUUID()), 404, "CATALOG_VERSION_NOT_FOUND");
        assertProblem(ADMIN.unchecked().get("/api/catalog/versions/not-a-uuid"), 400, "INVALID_PARAMETER");
        assertProblem(ADMIN.unchecked().get("/api/no-such-resource"), 404, "RESOURCE_NOT_FOUND");
    }

    @Test
    void everyResponseCarriesACorrelationId() {
        Api.Reply reply = get("/api/catalog/versions/" + UUID.randomUUID());
        assertNotNull(reply.header("X-Correlation-Id"));
    }

    @Test
    void theContractIsServedAndHealthCoversDatabaseAndBroker() {
        Api.Reply openapi = Api.anonymous().get("/openapi");
        assertEquals(200, openapi.status());
        for (String path : List.of("/catalog/versions:", "/catalog/versions/{id}/imports:",
                "/catalog/versions/{id}/publication:", "/catalog/offerings:", "/catalog/offerings/{id}:")) {
            assertTrue(openapi.body().contains(path), "OpenAPI lacks " + path);
        }
        Api.Reply health = Api.anonymous().get("/health/ready");
        assertEquals(200, health.status(), health.body());
        Set<String> checks = health.json().getJsonArray("checks").stream()
                .filter(c -> c.asJsonObject().getString("status").equals("UP"))
                .map(c -> ((JsonString) c.asJsonObject().get("name")).getString()).collect(Collectors.toSet());
        assertTrue(checks.containsAll(Set.of("cpq-database", "cpq-jms-broker")), checks.toString());
    }
}
