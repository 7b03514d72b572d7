package io.cpqoms.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cpqoms.kernel.Roles;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Who may do what, for which tenant: every endpoint of the OpenAPI contract against every role and an
 * anonymous caller, through HTTP with the demo users of the server's realm. A new endpoint without an
 * entry in the table fails {@link #theTableCoversEveryEndpointOfTheContract()}.
 */
class AuthorizationIT {

    private static final Set<String> CATALOG_READERS = Set.of(Roles.CATALOG_ADMIN, Roles.SALES, Roles.SALES_APPROVER,
            Roles.ORDER_CAPTURE, Roles.OPERATIONS, Roles.OPERATIONS_SUPERVISOR, Roles.CUSTOMER_SERVICE);
    private static final Set<String> CATALOG_ADMIN = Set.of(Roles.CATALOG_ADMIN);
    private static final Set<String> SALES = Set.of(Roles.SALES);
    private static final Set<String> QUOTE_READERS = Set.of(Roles.SALES, Roles.SALES_APPROVER, Roles.DEAL_DESK,
            Roles.CUSTOMER_SERVICE);
    private static final Set<String> APPROVERS = Set.of(Roles.SALES_APPROVER, Roles.DEAL_DESK);
    private static final Set<String> QUOTE_TIMELINE_READERS = Set.of(Roles.SALES, Roles.SALES_APPROVER, Roles.DEAL_DESK,
            Roles.CUSTOMER_SERVICE, Roles.AUDITOR);
    private static final Set<String> ORDER_CAPTURERS = Set.of(Roles.SALES, Roles.ORDER_CAPTURE);
    private static final Set<String> ORDER_CAPTURE = Set.of(Roles.ORDER_CAPTURE);
    private static final Set<String> ORDER_READERS = Set.of(Roles.SALES, Roles.ORDER_CAPTURE, Roles.OPERATIONS,
            Roles.OPERATIONS_SUPERVISOR, Roles.CUSTOMER_SERVICE);
    private static final Set<String> INVENTORY_READERS = Set.of(Roles.SALES, Roles.ORDER_CAPTURE, Roles.OPERATIONS,
            Roles.OPERATIONS_SUPERVISOR, Roles.CUSTOMER_SERVICE);
    private static final Set<String> PLAN_READERS = Set.of(Roles.OPERATIONS, Roles.OPERATIONS_SUPERVISOR, Roles.BREAK_GLASS);
    private static final Set<String> AUDIT_READERS = Set.of(Roles.OPERATIONS, Roles.OPERATIONS_SUPERVISOR, Roles.AUDITOR);
    private static final Set<String> BILLING_READERS = Set.of(Roles.OPERATIONS, Roles.OPERATIONS_SUPERVISOR,
            Roles.CUSTOMER_SERVICE, Roles.AUDITOR);
    private static final Set<String> WORKER = Set.of(Roles.FULFILLMENT_WORKER);
    private static final Set<String> FALLOUT_WORKERS = Set.of(Roles.OPERATIONS, Roles.OPERATIONS_SUPERVISOR);
    private static final Set<String> SUPERVISOR = Set.of(Roles.OPERATIONS_SUPERVISOR);
    private static final Set<String> BREAK_GLASS = Set.of(Roles.BREAK_GLASS);
    private static final Set<String> ELIGIBILITY_CHECKERS = Set.of(Roles.SALES, Roles.ORDER_CAPTURE, Roles.CUSTOMER_SERVICE);
    private static final Set<String> PRICE_CALCULATORS = Set.of(Roles.SALES, Roles.ORDER_CAPTURE, Roles.CUSTOMER_SERVICE);
    private static final Set<String> CONFIGURATORS = Set.of(Roles.SALES, Roles.ORDER_CAPTURE, Roles.CUSTOMER_SERVICE,
            Roles.CATALOG_ADMIN);

    /** One endpoint: method, path template of the contract, the roles that may call it. */
    record Rule(String method, String path, Set<String> roles) {
    }

    static final List<Rule> TABLE = List.of(
            new Rule("GET", "/catalog/versions", CATALOG_READERS),
            new Rule("POST", "/catalog/versions", CATALOG_ADMIN),
            new Rule("GET", "/catalog/versions/{id}", CATALOG_READERS),
            new Rule("POST", "/catalog/versions/{id}/imports", CATALOG_ADMIN),
            new Rule("POST", "/catalog/versions/{id}/publication", CATALOG_ADMIN),
            new Rule("GET", "/catalog/offerings", CATALOG_READERS),
            new Rule("GET", "/catalog/offerings/{id}", CATALOG_READERS),
            new Rule("POST", "/configurations/evaluations", CONFIGURATORS),
            new Rule("POST", "/quotes", SALES),
            new Rule("GET", "/quotes", QUOTE_READERS),
            new Rule("GET", "/quotes/{id}", QUOTE_READERS),
            new Rule("GET", "/quotes/{id}/timeline", QUOTE_TIMELINE_READERS),
            new Rule("GET", "/quotes/{id}/revisions/{revision}", QUOTE_READERS),
            new Rule("GET", "/quotes/{id}/document", QUOTE_READERS),
            new Rule("GET", "/approval-requests", APPROVERS),
            new Rule("POST", "/quotes/{id}/items", SALES),
            new Rule("POST", "/quotes/{id}/items/batch", SALES),
            new Rule("POST", "/quotes/{id}/change-items", SALES),
            new Rule("POST", "/quotes/{id}/items/{itemId}/price-overrides", SALES),
            new Rule("POST", "/quotes/{id}/pricing", SALES),
            new Rule("POST", "/quotes/{id}/acceptance", SALES),
            new Rule("POST", "/quotes/{id}/submission", SALES),
            new Rule("POST", "/quotes/{id}/approvals", APPROVERS),
            new Rule("POST", "/quotes/{id}/revisions", SALES),
            new Rule("POST", "/quotes/{id}/cancellation", SALES),
            new Rule("POST", "/prices/calculations", PRICE_CALCULATORS),
            new Rule("POST", "/orders/from-quote", ORDER_CAPTURERS),
            new Rule("POST", "/orders", ORDER_CAPTURE),
            new Rule("GET", "/orders", ORDER_READERS),
            new Rule("GET", "/orders/{id}", ORDER_READERS),
            new Rule("GET", "/orders/{id}/fulfillment-items", PLAN_READERS),
            new Rule("GET", "/inventory/products", INVENTORY_READERS),
            new Rule("GET", "/inventory/products/{id}", INVENTORY_READERS),
            new Rule("GET", "/orders/{id}/timeline", AUDIT_READERS),
            new Rule("GET", "/orders/{id}/milestones", ORDER_READERS),
            new Rule("GET", "/orders/{id}/events", AUDIT_READERS),
            new Rule("GET", "/orders/{id}/billing-triggers", BILLING_READERS),
            new Rule("GET", "/orders/{id}/fallout-cases", FALLOUT_WORKERS),
            new Rule("GET", "/fallout-cases", FALLOUT_WORKERS),
            new Rule("GET", "/fallout-cases/{caseId}", FALLOUT_WORKERS),
            new Rule("POST", "/orders/{id}/fallout-cases/{caseId}/assignments", FALLOUT_WORKERS),
            new Rule("POST", "/orders/{id}/fallout-cases/{caseId}/resolutions", FALLOUT_WORKERS),
            new Rule("POST", "/orders/{id}/cancellations", SUPERVISOR),
            new Rule("POST", "/orders/{id}/validation-overrides", SUPERVISOR),
            new Rule("POST", "/orders/{id}/fulfillment-items/{itemId}/force-completions", BREAK_GLASS),
            new Rule("POST", "/worker/orders/{orderId}/fulfillment-items/{itemId}/completions", WORKER),
            new Rule("POST", "/worker/orders/{orderId}/fulfillment-items/{itemId}/failures", WORKER),
            new Rule("POST", "/eligibility-checks", ELIGIBILITY_CHECKERS),
            new Rule("PUT", "/eligibility/accounts/{accountId}", ORDER_CAPTURE));

    private static final String DEMO = Api.file("../server-config/src/main/demo/demo-catalog.json");
    private static final Api ACME_ADMIN = Api.as("acme-catalog-admin");
    private static final Api GLOBEX_ADMIN = Api.as("globex-catalog-admin");
    private static String publishedVersion;

    @BeforeAll
    static void publishAVersion() {
        publishedVersion = draft(ACME_ADMIN);
        assertEquals(200, ACME_ADMIN.post("/api/catalog/versions/" + publishedVersion + "/imports", DEMO).status());
        assertEquals(200, ACME_ADMIN.post("/api/catalog/versions/" + publishedVersion + "/publication", null).status());
    }

    private static String draft(Api as) {
        Api.Reply created = as.post("/api/catalog/versions", "{\"name\":\"authz " + UUID.randomUUID() + "\"}");
        assertEquals(201, created.status(), created.body());
        return created.json().getString("id");
    }

    @Test
    void theTableCoversEveryEndpointOfTheContract() {
        Api.Reply openapi = Api.anonymous().get("/openapi?format=JSON");
        assertEquals(200, openapi.status());
        Set<String> contract = new TreeSet<>();
        JsonObject paths = openapi.json().getJsonObject("paths");
        for (String path : paths.keySet()) {
            for (String method : paths.getJsonObject(path).keySet()) {
                contract.add(method.toUpperCase() + " " + path);
            }
        }
        Set<String> table = new TreeSet<>();
        TABLE.forEach(rule -> table.add(rule.method() + " " + rule.path()));
        assertEquals(contract, table, "every endpoint needs an entry in the authorization table");
    }

    @Test
    void everyRoleGetsExactlyWhatTheTableGrants() {
        List<String> failures = new ArrayList<>();
        for (Rule rule : TABLE) {
            for (String role : Roles.ALL) {
                // a fresh draft per call, so an allowed write never changes what the next call sees
                String path = concrete(rule.path(), rule.path().startsWith("/catalog/versions/") ? draft(ACME_ADMIN) : null);
                // placeholder bodies, valid or not for the operation: only the roles are under test here
                Api.Reply reply = Api.as("acme-" + role).unchecked().call(rule.method(), "/api" + path, body(rule));
                boolean allowed = rule.roles().contains(role);
                if (allowed && (reply.status() == 401 || reply.status() == 403)) {
                    failures.add(role + " was refused " + rule + ": " + reply.status() + " " + reply.body());
                } else if (!allowed && !(reply.status() == 403 && reply.json().getString("code").equals("ROLE_REQUIRED"))) {
                    failures.add(role + " was not refused " + rule + ": " + reply.status() + " " + reply.body());
                }
            }
            Api.Reply anonymous = Api.anonymous().call(rule.method(), "/api" + concrete(rule.path(), publishedVersion), body(rule));
            if (anonymous.status() != 401 || !anonymous.contentType().startsWith("application/problem+json")
                    || anonymous.header("WWW-Authenticate") == null) {
                failures.add("anonymous " + rule + ": " + anonymous.status() + " " + anonymous.contentType());
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void aRefusalDoesNotRevealWhetherTheObjectExists() {
        Api auditor = Api.as("acme-auditor");
        Api.Reply existing = auditor.get("/api/catalog/versions/" + publishedVersion);
        Api.Reply missing = auditor.get("/api/catalog/versions/" + UUID.randomUUID());
        assertEquals(403, existing.status());
        assertEquals(existing.status(), missing.status());
        assertEquals(existing.json().getString("detail"), missing.json().getString("detail"));
        assertEquals(401, Api.anonymous().get("/api/catalog/versions/" + UUID.randomUUID()).status());
    }

    @Test
    void wrongCredentialsAreUnauthenticated() {
        Api.Reply reply = Api.asWithPassword("acme-sales", "not-the-password").get("/api/catalog/offerings");
        assertEquals(401, reply.status());
    }

    @Test
    void aCallerWithoutTenantIsRefused() {
        Api.Reply reply = Api.as("no-tenant-sales").get("/api/catalog/offerings");
        assertEquals(403, reply.status(), reply.body());
        assertEquals("TENANT_UNDEFINED", reply.json().getString("code"));
    }

    @Test
    void anotherTenantsCatalogIsNotFoundAndCannotBeChanged() {
        String acmeDraft = draft(ACME_ADMIN);
        for (String id : List.of(publishedVersion, acmeDraft)) {
            assertEquals(404, GLOBEX_ADMIN.get("/api/catalog/versions/" + id).status());
            assertEquals(404, GLOBEX_ADMIN.post("/api/catalog/versions/" + id + "/imports", DEMO).status());
            assertEquals(404, GLOBEX_ADMIN.post("/api/catalog/versions/" + id + "/publication", null).status());
            assertEquals(404, GLOBEX_ADMIN.get("/api/catalog/offerings?version=" + id).status());
            assertEquals(404, GLOBEX_ADMIN.get("/api/catalog/offerings/po_enterprise_fiber?version=" + id).status());
            assertEquals(404, Api.as("globex-sales").get("/api/catalog/versions/" + id).status());
            assertEquals(404, GLOBEX_ADMIN.post("/api/catalog/versions",
                    "{\"name\":\"copy\",\"sourceVersionId\":\"" + id + "\"}").status(), "no copy of another tenant's version");
        }
        assertEquals("DRAFT", ACME_ADMIN.get("/api/catalog/versions/" + acmeDraft).json().getString("status"),
                "the other tenant's attempts changed nothing");

        String globexDraft = draft(GLOBEX_ADMIN);
        assertFalse(ids(ACME_ADMIN.get("/api/catalog/versions")).contains(globexDraft));
        assertFalse(ids(GLOBEX_ADMIN.get("/api/catalog/versions")).contains(acmeDraft));
        assertTrue(ids(GLOBEX_ADMIN.get("/api/catalog/versions")).contains(globexDraft));
    }

    @Test
    void onlyCatalogAdministratorsSeeDrafts() {
        String draft = draft(ACME_ADMIN);
        Api sales = Api.as("acme-sales");
        assertEquals(404, sales.get("/api/catalog/versions/" + draft).status());
        assertFalse(ids(sales.get("/api/catalog/versions")).contains(draft));
        assertTrue(ids(sales.get("/api/catalog/versions")).contains(publishedVersion));
    }

    @Test
    void theAuditTrailNamesTheAuthenticatedActor() {
        Api.Reply created = ACME_ADMIN.post("/api/catalog/versions", "{\"name\":\"actor check\"}");
        assertEquals("acme-catalog-admin", created.json().getString("createdBy"));
        assertNotNull(created.header("X-Correlation-Id"));
    }

    private static Set<String> ids(Api.Reply versions) {
        Set<String> ids = new TreeSet<>();
        versions.array().forEach(v -> ids.add(v.asJsonObject().getString("id")));
        return ids;
    }

    private static String concrete(String template, String versionId) {
        return template.replace("/catalog/versions/{id}", "/catalog/versions/" + (versionId == null ? publishedVersion : versionId))
                .replace("/catalog/offerings/{id}", "/catalog/offerings/po_enterprise_fiber")
                // quotes and orders of nobody: allowed roles get past authorization to a 404
                .replace("{id}", UUID.randomUUID().toString())
                .replace("{orderId}", UUID.randomUUID().toString())
                .replace("{itemId}", UUID.randomUUID().toString())
                .replace("{revision}", "1")
                .replace("{caseId}", UUID.randomUUID().toString())
                .replace("{accountId}", "authz-" + UUID.randomUUID());
    }

    private static String body(Rule rule) {
        if (rule.method().equals("GET")) {
            return null;
        }
        if (rule.path().endsWith("/imports")) {
            return DEMO;
        }
        if (rule.path().equals("/configurations/evaluations")) {
            return "{\"catalogVersionId\":\"" + publishedVersion + "\",\"offeringId\":\"po_enterprise_fiber\"}";
        }
        return rule.path().equals("/catalog/versions") ? "{\"name\":\"authz table\"}" : "{}";
    }
}
