package io.cpqoms.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document the deployed EAR publishes is a contract a client can generate code from and a
 * gateway can enforce: a strict parser accepts it without a single message, and every operation says
 * what it takes and what it answers.
 */
class OpenApiContractIT {

    /** The errors the server's boundary can give on every operation, and those for a path or a body. */
    private static final List<String> EVERYWHERE = List.of("400", "401", "403", "406", "503");
    private static final List<String> WITH_PATH_PARAMETER = List.of("404");
    private static final List<String> WITH_BODY = List.of("413", "415");
    /** The media types of documents the API answers besides JSON (the quote document). */
    private static final Set<String> BINARY = Set.of("application/pdf");

    private static OpenAPI api;
    private static List<String> parserMessages;

    @BeforeAll
    static void parse() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setValidateInternalRefs(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(Api.Contract.DOCUMENT, null, options);
        parserMessages = result.getMessages() == null ? List.of() : result.getMessages();
        api = result.getOpenAPI();
        assertNotNull(api, () -> "The document does not parse: " + parserMessages);
    }

    @Test
    void aStrictParserAcceptsTheDocumentWithoutAnyMessage() {
        assertEquals(List.of(), parserMessages, "swagger-parser's messages on /openapi");
        assertTrue(api.getOpenapi().startsWith("3."), api.getOpenapi());
    }

    @Test
    void theRootHasOnlyStandardProperties() {
        jakarta.json.JsonObject root = jakarta.json.Json.createReader(new java.io.StringReader(Api.Contract.DOCUMENT))
                .readObject();
        Set<String> standard = Set.of("openapi", "info", "jsonSchemaDialect", "servers", "paths", "webhooks",
                "components", "security", "tags", "externalDocs");
        Set<String> other = root.keySet().stream().filter(k -> !standard.contains(k) && !k.startsWith("x-"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of(), other);
    }

    @Test
    void everyOperationHasAUniqueOperationId() {
        Map<String, List<String>> byId = new LinkedHashMap<>();
        List<String> without = new ArrayList<>();
        operations((where, operation) -> {
            if (operation.getOperationId() == null || operation.getOperationId().isBlank()) {
                without.add(where);
            } else {
                byId.computeIfAbsent(operation.getOperationId(), id -> new ArrayList<>()).add(where);
            }
        });
        assertEquals(List.of(), without, "operations without an operationId");
        Map<String, List<String>> duplicated = byId.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
        assertEquals(Map.of(), duplicated, "operationIds used more than once");
    }

    @Test
    void everySuccessfulAnswerHasASchema() {
        List<String> missing = new ArrayList<>();
        operations((where, operation) -> {
            List<String> successes = operation.getResponses().keySet().stream().filter(s -> s.startsWith("2")).toList();
            if (successes.isEmpty()) {
                missing.add(where + ": no 2xx response" + (operation.getResponses().containsKey("default")
                        ? " (only 'default')" : ""));
            }
            for (String status : successes) {
                ApiResponse response = operation.getResponses().get(status);
                if (status.equals("204")) {
                    continue;
                }
                Content content = response.getContent();
                if (content == null || content.isEmpty()) {
                    missing.add(where + " " + status + ": no content");
                    continue;
                }
                content.forEach((type, media) -> {
                    if (BINARY.contains(type)) {
                        // a document: a binary string, not JSON
                        if (media.getSchema() == null || !"string".equals(media.getSchema().getType())
                                || !"binary".equals(media.getSchema().getFormat())) {
                            missing.add(where + " " + status + ": " + type + " is not a binary string " + describe(media.getSchema()));
                        }
                    } else if (!type.equals("application/json")) {
                        missing.add(where + " " + status + ": media type " + type);
                    } else if (!typed(media.getSchema())) {
                        missing.add(where + " " + status + ": untyped schema " + describe(media.getSchema()));
                    }
                });
            }
        });
        assertEquals(List.of(), missing);
    }

    @Test
    void everyPageSaysWhatItLists() {
        List<String> untyped = new ArrayList<>();
        operations((where, operation) -> operation.getResponses().forEach((status, response) -> {
            if (status.startsWith("2") && response.getContent() != null && response.getContent().get("application/json") != null) {
                Schema<?> answer = resolve(response.getContent().get("application/json").getSchema());
                Schema<?> items = answer == null || answer.getProperties() == null ? null : answer.getProperties().get("items");
                if (items != null && "array".equals(items.getType()) && !typed(items.getItems())) {
                    untyped.add(where + " " + status + ": items " + describe(items.getItems()));
                }
            }
        }));
        assertEquals(List.of(), untyped);
    }

    @Test
    void everyRequestBodyIsTypedJson() {
        List<String> wrong = new ArrayList<>();
        operations((where, operation) -> {
            if (operation.getRequestBody() == null) {
                return;
            }
            Content content = operation.getRequestBody().getContent();
            if (content == null || !content.containsKey("application/json")) {
                wrong.add(where + ": no application/json body");
                return;
            }
            content.forEach((type, media) -> {
                if (!type.equals("application/json")) {
                    wrong.add(where + ": body media type " + type);
                }
            });
            MediaType json = content.get("application/json");
            if (!typed(json.getSchema()) || !"object".equals(resolve(json.getSchema()).getType())) {
                wrong.add(where + ": body schema " + describe(json.getSchema()));
            }
        });
        assertEquals(List.of(), wrong);
    }

    @Test
    void everyOperationDocumentsTheErrorsTheBoundaryCanGiveAsProblems() {
        List<String> missing = new ArrayList<>();
        operations((where, operation) -> {
            List<String> expected = new ArrayList<>(EVERYWHERE);
            if (where.contains("{")) {
                expected.addAll(WITH_PATH_PARAMETER);
            }
            if (operation.getRequestBody() != null) {
                expected.addAll(WITH_BODY);
            }
            for (String status : expected) {
                if (!operation.getResponses().containsKey(status)) {
                    missing.add(where + ": no " + status);
                }
            }
            operation.getResponses().forEach((status, response) -> {
                if (status.startsWith("4") || status.startsWith("5")) {
                    MediaType problem = response.getContent() == null ? null : response.getContent().get("application/problem+json");
                    if (problem == null || problem.getSchema() == null
                            || !"#/components/schemas/Problem".equals(problem.getSchema().get$ref())) {
                        missing.add(where + " " + status + ": not application/problem+json with the Problem schema");
                    }
                }
            });
            ApiResponse unavailable = operation.getResponses().get("503");
            if (unavailable != null && (unavailable.getHeaders() == null || !unavailable.getHeaders().containsKey("Retry-After"))) {
                missing.add(where + " 503: no Retry-After header");
            }
        });
        assertEquals(List.of(), missing);
        Schema<?> problem = api.getComponents().getSchemas().get("Problem");
        assertNotNull(problem, "components/schemas/Problem");
        assertEquals(Set.of("type", "title", "status", "detail", "code", "correlationId", "violations"),
                problem.getProperties().keySet());
        assertEquals("array", problem.getProperties().get("violations").getType());
    }

    @Test
    void httpBasicIsTheSecuritySchemeOfEveryOperation() {
        Map<String, SecurityScheme> schemes = api.getComponents().getSecuritySchemes();
        assertNotNull(schemes, "components/securitySchemes");
        List<String> basic = schemes.entrySet().stream().filter(e -> e.getValue().getType() == SecurityScheme.Type.HTTP
                && "basic".equalsIgnoreCase(e.getValue().getScheme())).map(Map.Entry::getKey).toList();
        assertEquals(1, basic.size(), () -> "HTTP Basic schemes: " + schemes.keySet());
        List<SecurityRequirement> global = api.getSecurity();
        assertTrue(global != null && global.stream().anyMatch(r -> r.containsKey(basic.get(0))),
                () -> "global security: " + global);
        List<String> unsecured = new ArrayList<>();
        operations((where, operation) -> {
            if (operation.getSecurity() != null && operation.getSecurity().stream().noneMatch(r -> r.containsKey(basic.get(0)))) {
                unsecured.add(where);
            }
        });
        assertEquals(List.of(), unsecured, "operations overriding the Basic requirement");
    }

    @Test
    void everyTagIsDeclaredWithADescription() {
        Map<String, String> declared = new LinkedHashMap<>();
        List<String> duplicated = new ArrayList<>();
        for (Tag tag : api.getTags() == null ? List.<Tag>of() : api.getTags()) {
            if (declared.put(tag.getName(), tag.getDescription() == null ? "" : tag.getDescription()) != null) {
                duplicated.add(tag.getName());
            }
        }
        assertEquals(List.of(), duplicated, "tags declared more than once");
        Set<String> used = new TreeSet<>();
        List<String> untagged = new ArrayList<>();
        operations((where, operation) -> {
            if (operation.getTags() == null || operation.getTags().isEmpty()) {
                untagged.add(where);
            } else {
                used.addAll(operation.getTags());
            }
        });
        assertEquals(List.of(), untagged, "operations without a tag");
        List<String> undescribed = used.stream().filter(t -> declared.getOrDefault(t, "").isBlank()).toList();
        assertEquals(List.of(), undescribed, "tags used without a declared description");
        assertTrue(used.containsAll(Set.of("Catalog", "Configuration", "Eligibility", "Pricing", "Quotes", "Approvals", "Orders",
                "Fallout", "Worker", "Inventory")), () -> "tags in use: " + used);
    }

    @Test
    void theQuoteReadsAreInTheContractWithTheirParametersAndMediaTypes() {
        Map<String, List<String>> expected = new LinkedHashMap<>();
        expected.put("get /quotes searchQuotes", List.of("customerId", "status", "owner", "expiringBefore", "limit", "after"));
        expected.put("get /approval-requests listApprovalRequests", List.of("status", "limit", "after"));
        expected.put("get /quotes/{id}/timeline getQuoteTimeline", List.of("id"));
        expected.put("get /quotes/{id}/revisions/{revision} getQuoteRevision", List.of("id", "revision"));
        expected.put("get /quotes/{id}/document getQuoteDocument", List.of("id", "revision", "audience"));
        Map<String, List<String>> found = new LinkedHashMap<>();
        operations((where, operation) -> {
            String key = where.toLowerCase() + " " + operation.getOperationId();
            if (expected.containsKey(key)) {
                found.put(key, operation.getParameters() == null ? List.of()
                        : operation.getParameters().stream().map(p -> p.getName()).toList());
            }
        });
        assertEquals(expected.keySet(), found.keySet());
        expected.forEach((key, names) -> assertTrue(found.get(key).containsAll(names), () -> key + ": " + found.get(key)));
        Operation document = api.getPaths().get("/quotes/{id}/document").getGet();
        assertEquals(Set.of("application/pdf"), document.getResponses().get("200").getContent().keySet());
        assertTrue(document.getResponses().containsKey("409") && document.getResponses().containsKey("406"));
        Schema<?> page = resolve(api.getPaths().get("/quotes").getGet().getResponses().get("200").getContent()
                .get("application/json").getSchema());
        assertEquals(Set.of("items", "next"), page.getProperties().keySet());
    }

    @Test
    void theInstalledBaseIsInTheContractWithItsParametersAndPage() {
        Operation list = api.getPaths().get("/inventory/products").getGet();
        assertEquals("listProducts", list.getOperationId());
        assertEquals(List.of("customerId", "status", "limit", "after"), list.getParameters().stream().map(p -> p.getName()).toList());
        assertEquals(List.of("ACTIVE", "SUSPENDED", "TERMINATED"), list.getParameters().get(1).getSchema().getEnum());
        Schema<?> page = resolve(list.getResponses().get("200").getContent().get("application/json").getSchema());
        assertEquals(Set.of("items", "next"), page.getProperties().keySet());
        Operation one = api.getPaths().get("/inventory/products/{id}").getGet();
        assertEquals("getProduct", one.getOperationId());
        assertTrue(one.getResponses().containsKey("404") && one.getResponses().containsKey("400"));
        Schema<?> product = resolve(one.getResponses().get("200").getContent().get("application/json").getSchema());
        assertTrue(product.getProperties().keySet().containsAll(Set.of("id", "status", "productOffering",
                "productSpecificationId", "productCharacteristic", "productPrice", "startDate", "terminationDate",
                "realizingOrder", "sourceQuote", "parentProductId", "entityVersion")), () -> "product: " + product.getProperties().keySet());
    }

    private static void operations(BiConsumer<String, Operation> each) {
        api.getPaths().forEach((path, item) -> item.readOperationsMap()
                .forEach((method, operation) -> each.accept(method + " " + path, operation)));
    }

    /** A schema that says what the JSON is: an object with properties, an array of those, or alternatives of them. */
    private static boolean typed(Schema<?> schema) {
        if (schema == null) {
            return false;
        }
        Schema<?> resolved = resolve(schema);
        if (resolved == null) {
            return false;
        }
        if ("array".equals(resolved.getType())) {
            return resolved.getItems() != null && typed(resolved.getItems());
        }
        if (resolved.getOneOf() != null && !resolved.getOneOf().isEmpty()) {
            return resolved.getOneOf().stream().allMatch(OpenApiContractIT::typed);
        }
        if (resolved.getAnyOf() != null && !resolved.getAnyOf().isEmpty()) {
            return resolved.getAnyOf().stream().allMatch(OpenApiContractIT::typed);
        }
        if ("object".equals(resolved.getType())) {
            return (resolved.getProperties() != null && !resolved.getProperties().isEmpty())
                    || resolved.getAdditionalProperties() != null;
        }
        return false;
    }

    private static Schema<?> resolve(Schema<?> schema) {
        if (schema != null && schema.get$ref() != null) {
            String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
            return api.getComponents().getSchemas().get(name);
        }
        return schema;
    }

    private static String describe(Schema<?> schema) {
        if (schema == null) {
            return "none";
        }
        return schema.get$ref() != null ? schema.get$ref() : "{type: " + schema.getType()
                + (schema.getProperties() == null ? "" : ", properties: " + schema.getProperties().keySet()) + "}";
    }
}
