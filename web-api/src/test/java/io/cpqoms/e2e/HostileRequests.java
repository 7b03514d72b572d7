package io.cpqoms.e2e;

import java.io.File;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Generates hostile requests for every operation of the OpenAPI document: each {@link Family} of the
 * hostile-input issue (nesting, size, control characters, over-long strings, numbers out of range,
 * wrong types, unknown fields and values, dates outside PostgreSQL's range, malformed and truncated
 * JSON, empty bodies, bogus charsets and media types, unacceptable Accept, malformed
 * percent-encoding), placed in the body, a query parameter, a path segment or a header as the family
 * allows. Each request starts from what a client validly sends (the document's example or schema
 * where it has one, else the table {@link #BODIES}) with the ids of real objects, and breaks one thing.
 * <p>
 * Deterministic for a seed: the same seed, count, document and fixture give the same requests. JDK
 * only, so that {@code benchmark/HostileBench.java} compiles it too.
 */
public final class HostileRequests {

    public enum Family {
        DEPTH_OVER_32, DEPTH_OVER_1000, BODY_OVER_1MB, NUL, CONTROL_CHARACTERS, LONG_STRING, HUGE_NUMBER, WRONG_TYPE,
        UNKNOWN_FIELD, UNKNOWN_ENUM_VALUE, DATE_OUT_OF_RANGE, MALFORMED_JSON, TRUNCATED_BODY, EMPTY_BODY, BOGUS_CHARSET,
        GARBAGE_MEDIA_TYPE, UNACCEPTABLE_ACCEPT, BAD_PERCENT_ENCODING
    }

    public record Parameter(String name, String in) {
    }

    /** One operation of the document, with the roles its resource method declares. */
    public record Operation(String method, String path, List<Parameter> parameters, boolean hasBody,
                            Map<String, Object> bodySchema, Object bodyExample, Set<String> roles) {
        public String key() {
            return method + " " + path;
        }

        List<String> names(String in) {
            return parameters.stream().filter(p -> p.in().equals(in)).map(Parameter::name).toList();
        }
    }

    /** One request to send. {@code target} is the path and query below the base URL, already encoded. */
    public record Request(int index, Operation operation, Family family, String variant, String user, String target,
                          Map<String, String> headers, byte[] body, boolean realIds, boolean mustRefuse) {
        /** Needs a raw socket: java.net.URI refuses malformed percent-encoding. */
        public boolean raw() {
            return family == Family.BAD_PERCENT_ENCODING;
        }

        public String describe() {
            StringBuilder s = new StringBuilder().append('#').append(index).append(' ').append(operation.key())
                    .append(" [").append(family).append(": ").append(variant).append(mustRefuse ? ", never valid" : "").append("] as ").append(user).append(": ")
                    .append(operation.method()).append(' ').append(excerpt(target, 160));
            headers.forEach((k, v) -> s.append(" | ").append(k).append(": ").append(excerpt(v, 60)));
            if (body != null) {
                s.append(" | body ").append(body.length).append(" bytes: ")
                        .append(excerpt(new String(body, StandardCharsets.UTF_8), 160));
            }
            return s.toString();
        }
    }

    /** The ids of the real objects the requests address, and the demo catalog document. */
    public interface Fixture {
        String value(String name);
    }

    /**
     * What a client validly sends, per operation, with {@code ${name}} for the fixture's values (a
     * value standing alone in quotes is replaced as raw JSON when it is the demo catalog). The
     * document's request schemas refine it where they exist (enumerations, formats, lengths).
     */
    static final Map<String, String> BODIES = Map.ofEntries(
            Map.entry("POST /catalog/versions",
                    "{\"name\":\"hostile ${unique}\",\"description\":\"hostile input\",\"sourceVersionId\":\"${version}\"}"),
            Map.entry("POST /catalog/versions/{id}/imports", "${demoCatalog}"),
            Map.entry("POST /configurations/evaluations", "{\"catalogVersionId\":\"${version}\",\"offeringId\":\"po_connectivity_bundle\","
                    + "\"quantity\":1,\"characteristics\":{},\"children\":[{\"offeringId\":\"po_enterprise_fiber\",\"quantity\":1,"
                    + "\"characteristics\":{\"bandwidthMbps\":\"100\",\"staticIpBlock\":\"/28\",\"siteId\":\"HQ\"},\"children\":[]}]}"),
            Map.entry("POST /eligibility-checks", "{\"customerId\":\"cust-hostile\",\"accountId\":\"${account}\",\"channel\":\"DIRECT_SALES\","
                    + "\"locationId\":\"loc-rural-101\",\"productOfferingId\":\"po_fiber_welcome\",\"requestedAt\":\"${now}\","
                    + "\"customerSegment\":\"ENTERPRISE\",\"catalogVersionId\":\"${version}\"}"),
            Map.entry("PUT /eligibility/accounts/{accountId}", "{\"customerId\":\"cust-hostile\",\"customerSegment\":\"ENTERPRISE\","
                    + "\"outstandingDebt\":0,\"currency\":\"USD\",\"asOf\":\"${now}\"}"),
            Map.entry("POST /quotes", "{\"customerId\":\"cust-hostile\",\"accountId\":\"${account}\",\"channel\":\"DIRECT_SALES\","
                    + "\"catalogVersionId\":\"${version}\",\"validUntil\":\"${futureDate}\"}"),
            Map.entry("POST /quotes/{id}/items", "{\"offeringId\":\"po_enterprise_fiber\",\"quantity\":1,\"characteristics\":"
                    + "{\"bandwidthMbps\":\"500\",\"slaTier\":\"PREMIUM\",\"siteId\":\"HQ\"},\"children\":[]}"),
            Map.entry("POST /quotes/{id}/items/batch", "{\"items\":[{\"offeringId\":\"po_enterprise_fiber\",\"quantity\":1,"
                    + "\"characteristics\":{\"bandwidthMbps\":\"500\",\"siteId\":\"HQ\"},\"children\":[]},"
                    + "{\"offeringId\":\"po_managed_router\",\"quantity\":2,\"characteristics\":{},\"children\":[]}]}"),
            Map.entry("POST /quotes/{id}/items/{itemId}/price-overrides",
                    "{\"priceId\":\"${priceId}\",\"amount\":10.5,\"reason\":\"hostile input check\"}"),
            Map.entry("POST /quotes/{id}/acceptance",
                    "{\"revision\":${pricedRevision},\"customerContact\":\"Dana Buyer\",\"evidenceReference\":\"doc-1\"}"),
            Map.entry("POST /prices/calculations", "{\"catalogVersionId\":\"${version}\",\"pricedAt\":\"${now}\",\"lines\":[{\"lineId\":\"l1\","
                    + "\"offeringId\":\"po_managed_router\",\"quantity\":5,\"characteristics\":{},\"children\":[]}]}"),
            Map.entry("POST /orders/from-quote",
                    "{\"quoteId\":\"${acceptedQuote}\",\"revision\":${acceptedRevision},\"acceptanceId\":\"${acceptanceId}\"}"),
            Map.entry("POST /orders", "{\"customerId\":\"cust-hostile\",\"accountId\":\"${account}\",\"catalogVersionId\":\"${version}\","
                    + "\"orderType\":\"NEW\",\"requestedCompletionDate\":\"${futureDate}\",\"priority\":\"NORMAL\",\"lines\":[{\"offeringId\":"
                    + "\"po_managed_router\",\"action\":\"ADD\",\"quantity\":1,\"characteristics\":{},\"children\":[]}]}"),
            Map.entry("POST /orders/{id}/cancellations", "{\"reason\":\"customer withdrew\",\"initiator\":\"CUSTOMER\"}"),
            Map.entry("POST /orders/{id}/validation-overrides", "{\"reason\":\"checked by hand\"}"),
            Map.entry("POST /orders/{id}/fulfillment-items/{itemId}/force-completions",
                    "{\"reason\":\"done by phone\",\"externalReference\":\"EXT-1\"}"),
            Map.entry("POST /orders/{id}/fallout-cases/{caseId}/assignments", "{\"assignee\":\"acme-operations\"}"),
            Map.entry("POST /orders/{id}/fallout-cases/{caseId}/resolutions", "{\"action\":\"RETRY_ITEM\",\"note\":\"try again\"}"),
            Map.entry("POST /worker/orders/{orderId}/fulfillment-items/{itemId}/completions",
                    "{\"externalRequestId\":\"req-1\",\"externalReference\":\"EXT-1\",\"result\":{\"circuitId\":\"C-1\"}}"),
            Map.entry("POST /worker/orders/{orderId}/fulfillment-items/{itemId}/failures",
                    "{\"externalRequestId\":\"req-1\",\"code\":\"TIMEOUT\",\"message\":\"no answer\"}"));

    /** Valid query parameters a client sends, per operation (the mutated one is replaced). */
    static final Map<String, String> QUERIES = Map.of(
            "GET /catalog/offerings", "version=${version}&channel=PARTNER&segment=ENTERPRISE&lifecycle=ACTIVE&offset=0&limit=5",
            "GET /catalog/offerings/{id}", "version=${version}",
            "GET /orders", "customerId=cust-hostile&status=COMPLETED&jeopardy=WARNING&createdFrom=2020-01-01T00:00:00Z&createdTo=${now}&limit=5",
            "GET /fallout-cases", "ownerGroup=ip-address-management&status=OPEN&limit=5",
            "GET /inventory/products", "customerId=cust-hostile&status=ACTIVE&limit=5",
            "GET /quotes", "customerId=cust-hostile&status=PRICED&owner=acme-sales&expiringBefore=${futureDate}&limit=5",
            "GET /approval-requests", "status=PENDING&limit=5",
            "GET /quotes/{id}/document", "revision=${pricedRevision}&audience=CUSTOMER");

    /** Which real object a path parameter names: the fixture value for an operation's path and parameter. */
    static String pathObject(String path, String parameter) {
        if (parameter.equals("accountId")) {
            return "account";
        }
        if (path.startsWith("/catalog/versions/")) {
            return "draft";
        }
        if (path.startsWith("/inventory/products/")) {
            return "product";
        }
        if (path.startsWith("/catalog/offerings/")) {
            return "offering";
        }
        if (path.startsWith("/quotes/")) {
            if (parameter.equals("itemId")) {
                return "item";
            }
            if (parameter.equals("revision")) {
                return "pricedRevision";
            }
            return path.endsWith("/acceptance") || path.endsWith("/document") || path.contains("/revisions/{revision}")
                    ? "pricedQuote" : "quote";
        }
        if (path.contains("/fallout-cases/") || path.contains("/fulfillment-items/{itemId}")) {
            return switch (parameter) {
                case "caseId" -> "falloutCase";
                case "itemId" -> "falloutItem";
                default -> "falloutOrder";
            };
        }
        if (path.endsWith("/cancellations")) {
            return "cancelOrder";
        }
        return "order";
    }

    /** Preferred caller when several roles may call an operation: the one that sees most (drafts, any case). */
    private static final List<String> ROLE_PREFERENCE = List.of("catalog-admin", "sales", "order-capture",
            "operations-supervisor", "break-glass", "fulfillment-worker", "customer-service", "operations", "sales-approver", "deal-desk",
            "auditor");

    private static final Pattern ENUM_LIKE = Pattern.compile("[A-Z][A-Z0-9_]{2,}");
    private static final Pattern DATE_LIKE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}(T.*)?");
    private static final Pattern NUMBER_LIKE = Pattern.compile("-?\\d+(\\.\\d+)?");

    private final List<Operation> operations;
    private final Fixture fixture;
    private final long seed;
    private final Map<String, Object> bases = new LinkedHashMap<>();

    public HostileRequests(List<Operation> operations, Fixture fixture, long seed) {
        this.operations = operations;
        this.fixture = fixture;
        this.seed = seed;
    }

    // ---- the document and the roles -----------------------------------------------------------

    /** The operations of an OpenAPI document (JSON), with the roles from {@code roles} ("METHOD /path"). */
    public static List<Operation> operations(String openapi, Map<String, Set<String>> roles) {
        Map<String, Object> document = HostileJson.object(HostileJson.parse(openapi));
        Map<String, Object> paths = HostileJson.object(document.get("paths"));
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, Object> path : new TreeMap<>(paths).entrySet()) {
            Map<String, Object> item = HostileJson.object(path.getValue());
            List<Object> shared = HostileJson.array(item.get("parameters"));
            for (String method : List.of("get", "put", "post", "delete", "patch")) {
                if (!item.containsKey(method)) {
                    continue;
                }
                Map<String, Object> operation = HostileJson.object(item.get(method));
                List<Parameter> parameters = new ArrayList<>();
                for (Object p : concat(shared, HostileJson.array(operation.get("parameters")))) {
                    Map<String, Object> parameter = HostileJson.object(resolve(document, p));
                    parameters.add(new Parameter(HostileJson.string(parameter.get("name")), HostileJson.string(parameter.get("in"))));
                }
                Map<String, Object> body = HostileJson.object(resolve(document, operation.get("requestBody")));
                Map<String, Object> json = HostileJson.object(HostileJson.object(body.get("content")).get("application/json"));
                Map<String, Object> schema = inline(document, HostileJson.object(resolve(document, json.get("schema"))), 0);
                if ("string".equals(schema.get("type"))) {
                    schema = Map.of(); // a body typed as a bare string says nothing about its fields
                }
                String key = method.toUpperCase(Locale.ROOT) + " " + path.getKey();
                operations.add(new Operation(method.toUpperCase(Locale.ROOT), path.getKey(), parameters, !body.isEmpty(),
                        schema, json.get("example"), roles.getOrDefault(key, Set.of())));
            }
        }
        return operations;
    }

    /**
     * The roles of every resource method, from its {@code @RolesAllowed} (or its class's), keyed
     * "METHOD /path" as the document names operations. Read by reflection from the compiled
     * resources of {@code packageName} found in {@code loader}'s class folders.
     */
    public static Map<String, Set<String>> rolesFromResources(ClassLoader loader, String packageName) throws Exception {
        Class<? extends Annotation> pathType = annotation(loader, "jakarta.ws.rs.Path");
        Class<? extends Annotation> rolesType = annotation(loader, "jakarta.annotation.security.RolesAllowed");
        Map<String, Set<String>> roles = new TreeMap<>();
        for (String name : classesIn(loader, packageName)) {
            Class<?> type = Class.forName(name, false, loader);
            Annotation root = type.getAnnotation(pathType);
            if (root == null) {
                continue;
            }
            for (Method method : type.getDeclaredMethods()) {
                String verb = null;
                for (Annotation a : method.getAnnotations()) {
                    String n = a.annotationType().getName();
                    if (n.startsWith("jakarta.ws.rs.") && List.of("GET", "POST", "PUT", "DELETE", "PATCH")
                            .contains(a.annotationType().getSimpleName())) {
                        verb = a.annotationType().getSimpleName();
                    }
                }
                if (verb == null) {
                    continue;
                }
                Annotation sub = method.getAnnotation(pathType);
                String path = join(value(root), sub == null ? "" : value(sub));
                Annotation allowed = method.getAnnotation(rolesType) != null ? method.getAnnotation(rolesType)
                        : type.getAnnotation(rolesType);
                Set<String> declared = new LinkedHashSet<>();
                if (allowed != null) {
                    declared.addAll(Arrays.asList((String[]) allowed.annotationType().getMethod("value").invoke(allowed)));
                }
                roles.put(verb + " " + path, declared);
            }
        }
        return roles;
    }

    /** The demo user to call an operation as: {@code acme-<role>} of a role the operation allows. */
    public static String userFor(Operation operation) {
        for (String role : ROLE_PREFERENCE) {
            if (operation.roles().contains(role)) {
                return "acme-" + role;
            }
        }
        return operation.roles().isEmpty() ? null : "acme-" + operation.roles().iterator().next();
    }

    // ---- generation ----------------------------------------------------------------------------

    /** The families that apply to an operation (a body family needs a body, a query family parameters...). */
    public List<Family> families(Operation operation) {
        List<Family> families = new ArrayList<>();
        for (Family family : Family.values()) {
            if (!places(operation, family).isEmpty()) {
                families.add(family);
            }
        }
        return families;
    }

    /**
     * {@code count} requests: the (operation, family) pairs in a seeded order, cycled, so that a
     * count of at least the number of pairs covers every family of every operation.
     */
    public List<Request> generate(int count) {
        List<Object[]> pairs = new ArrayList<>();
        for (Operation operation : operations) {
            for (Family family : families(operation)) {
                pairs.add(new Object[] {operation, family});
            }
        }
        Random random = new Random(seed);
        List<Request> requests = new ArrayList<>();
        List<Object[]> round = new ArrayList<>();
        for (int i = 0; i < count && !pairs.isEmpty(); i++) {
            if (round.isEmpty()) {
                round.addAll(pairs);
                Collections.shuffle(round, random);
            }
            Object[] pair = round.remove(round.size() - 1);
            requests.add(build(i, (Operation) pair[0], (Family) pair[1], new Random(random.nextLong())));
        }
        return requests;
    }

    public int pairs() {
        return operations.stream().mapToInt(o -> families(o).size()).sum();
    }

    /** The valid body of an operation with the fixture's ids, or null when it has none. */
    public Object base(Operation operation) {
        if (!operation.hasBody()) {
            return null;
        }
        return HostileJson.copy(bases.computeIfAbsent(operation.key(), k -> {
            String template = BODIES.get(k);
            if (template != null) {
                return HostileJson.parse(substitute(template));
            }
            if (operation.bodyExample() != null) {
                return operation.bodyExample();
            }
            return synthesize(operation.bodySchema(), 0);
        }));
    }

    private enum Place { BODY, QUERY, PATH, HEADER, REQUEST }

    private List<Place> places(Operation operation, Family family) {
        boolean body = operation.hasBody();
        boolean query = !operation.names("query").isEmpty();
        boolean path = !operation.names("path").isEmpty();
        boolean write = !operation.method().equals("GET");
        List<Place> places = new ArrayList<>();
        switch (family) {
            case DEPTH_OVER_32, DEPTH_OVER_1000, BODY_OVER_1MB, WRONG_TYPE, UNKNOWN_FIELD, MALFORMED_JSON, TRUNCATED_BODY, EMPTY_BODY,
                 BOGUS_CHARSET -> {
                if (body) {
                    places.add(Place.BODY);
                }
            }
            case NUL, CONTROL_CHARACTERS -> {
                if (body && !leaves(base(operation), v -> v instanceof String).isEmpty()) {
                    places.add(Place.BODY);
                }
                if (query) {
                    places.add(Place.QUERY);
                }
                if (path) {
                    places.add(Place.PATH);
                }
            }
            case LONG_STRING -> {
                if (body && !leaves(base(operation), v -> v instanceof String).isEmpty()) {
                    places.add(Place.BODY);
                }
                if (query) {
                    places.add(Place.QUERY);
                }
                if (path) {
                    places.add(Place.PATH);
                }
                if (!operation.names("header").isEmpty()) {
                    places.add(Place.HEADER);
                }
            }
            case HUGE_NUMBER -> {
                if (body) {
                    places.add(Place.BODY);
                }
                if (query) {
                    places.add(Place.QUERY);
                }
            }
            case UNKNOWN_ENUM_VALUE -> {
                if (body && !enumLeaves(operation).isEmpty()) {
                    places.add(Place.BODY);
                }
                if (!enumQuery(operation).isEmpty()) {
                    places.add(Place.QUERY);
                }
            }
            case DATE_OUT_OF_RANGE -> {
                if (body && !dateLeaves(operation).isEmpty()) {
                    places.add(Place.BODY);
                }
                if (!dateQuery(operation).isEmpty()) {
                    places.add(Place.QUERY);
                }
            }
            case GARBAGE_MEDIA_TYPE -> {
                if (write) {
                    places.add(Place.REQUEST);
                }
            }
            case UNACCEPTABLE_ACCEPT -> places.add(Place.REQUEST);
            case BAD_PERCENT_ENCODING -> {
                places.add(Place.PATH);
                if (query) {
                    places.add(Place.QUERY);
                }
            }
            default -> throw new IllegalStateException(family.name());
        }
        return places;
    }

    private Request build(int index, Operation operation, Family family, Random random) {
        List<Place> places = places(operation, family);
        Place place = places.get(random.nextInt(places.size()));
        // the body families need real objects to get past the 404 to the database; the others address
        // nobody a quarter of the time
        boolean realIds = place == Place.BODY || random.nextInt(4) != 0;
        Map<String, String> pathValues = new LinkedHashMap<>();
        for (String p : operation.names("path")) {
            pathValues.put(p, encode(realIds ? fixture.value(pathObject(operation.path(), p)) : unknownId(operation.path(), p, random)));
        }
        Map<String, String> query = new LinkedHashMap<>();
        String seeded = QUERIES.get(operation.key());
        if (seeded != null) {
            for (String pair : substitute(seeded).split("&")) {
                int eq = pair.indexOf('=');
                query.put(pair.substring(0, eq), encode(pair.substring(eq + 1)));
            }
        }
        Map<String, String> headers = new LinkedHashMap<>();
        if (!operation.method().equals("GET")) {
            headers.put("Content-Type", "application/json");
        }
        if (operation.names("header").contains("Idempotency-Key")) {
            headers.put("Idempotency-Key", "hostile-" + new UUID(random.nextLong(), random.nextLong()));
        }
        Object base = base(operation);
        byte[] body = base == null ? null : utf8(HostileJson.write(base));
        String variant;
        Boolean must = null;

        switch (place) {
            case BODY -> {
                Mutation m = mutateBody(operation, family, base, random, headers);
                variant = m.variant();
                body = m.body();
                must = m.must();
            }
            case QUERY -> {
                List<String> names = switch (family) {
                    case UNKNOWN_ENUM_VALUE -> enumQuery(operation);
                    case DATE_OUT_OF_RANGE -> dateQuery(operation);
                    default -> operation.names("query");
                };
                String name = names.get(random.nextInt(names.size()));
                String[] value = queryValue(family, query.get(name), random);
                query.put(name, value[1]);
                variant = "query " + name + " " + value[0];
            }
            case PATH -> {
                List<String> names = operation.names("path");
                if (names.isEmpty()) {
                    variant = "path";
                } else {
                    String name = names.get(random.nextInt(names.size()));
                    String[] value = pathValue(family, pathValues.get(name), random);
                    pathValues.put(name, value[1]);
                    variant = "path {" + name + "} " + value[0];
                }
            }
            case HEADER -> {
                int length = pickInt(random, 1000, 4000);
                headers.put("Idempotency-Key", "k".repeat(length));
                variant = "Idempotency-Key of " + length + " characters";
            }
            default -> { // REQUEST
                if (family == Family.GARBAGE_MEDIA_TYPE) {
                    String type = pick(random, "@@@", "text/plain", "application/xml", "application/json/json", "multipart/form-data",
                            "application/x-www-form-urlencoded", ";;;", "application/", "application/json; =;;q", "(none)");
                    if (type.equals("(none)")) {
                        headers.remove("Content-Type");
                    } else {
                        headers.put("Content-Type", type);
                    }
                    variant = "Content-Type " + type;
                } else {
                    String accept = pick(random, "@@@", "text/html", "application/xml", "image/png", "application/json;q=0",
                            "*/*;q=bogus", ",,,", "text/html;level=@@@");
                    headers.put("Accept", accept);
                    variant = "Accept " + accept;
                }
            }
        }
        String path = operation.path();
        for (Map.Entry<String, String> p : pathValues.entrySet()) {
            path = path.replace("{" + p.getKey() + "}", p.getValue());
        }
        if (family == Family.BAD_PERCENT_ENCODING && place == Place.PATH && pathValues.isEmpty()) {
            String bad = pick(random, "%ZZ", "%", "%G0", "%C3", "%C0%AF", "%FF%FE", "a%2", "%%41");
            path = path + bad;
            variant = "path suffix " + bad;
        }
        StringBuilder target = new StringBuilder("/api").append(path);
        String separator = "?";
        for (Map.Entry<String, String> q : query.entrySet()) {
            target.append(separator).append(q.getKey()).append('=').append(q.getValue());
            separator = "&";
        }
        boolean mustRefuse = must != null ? must : neverValid(operation, family, place, variant);
        return new Request(index, operation, family, variant, userFor(operation), target.toString(), headers, body, realIds, mustRefuse);
    }

    private static final Set<String> AMBIGUOUS_MALFORMED = Set.of("lone surrogate escape", "byte order mark", "invalid UTF-8 bytes");
    private static final List<String> OUT_OF_ANY_RANGE = List.of("1e-1000000000", "1e1000000", "1E+2147483647", "-1e1000000",
            "1e309", "1e-400", "999999999999", "-999999999999", "0.000000000000");
    private static final Pattern C0 = Pattern.compile("(U\\+00[01][0-9A-F]|U\\+007F)( .*)?");
    private static final Pattern C0_ENCODED = Pattern.compile("control %(0[0-8A-F]|1[0-9A-F]|7F)(%0A)?");

    /**
     * Whether a hostile request can never be valid, whatever limits the product chooses: malformed
     * percent-encoding or JSON, a truncated body, nesting beyond 32, NUL, C0 control characters,
     * wrong JSON types, numbers beyond any column, impossible dates. Such a request must be refused
     * (4xx); the other families may legitimately be accepted (a long note, a lower-case code).
     */
    static boolean neverValid(Operation operation, Family family, Place place, String variant) {
        return switch (family) {
            case BAD_PERCENT_ENCODING -> !variant.endsWith("%2e%2e");
            case MALFORMED_JSON -> !AMBIGUOUS_MALFORMED.contains(variant);
            case TRUNCATED_BODY, DEPTH_OVER_32, DEPTH_OVER_1000, NUL -> true;
            case CONTROL_CHARACTERS -> place == Place.BODY ? variant.startsWith("unescaped") || C0.matcher(variant.split(" in ")[0]).matches()
                    : C0_ENCODED.matcher(variant.replaceFirst("^(query|path) \\{?[A-Za-z]+}? ", "")).matches()
                    && !variant.endsWith("%09");
            case WRONG_TYPE -> variant.startsWith("body is ") || !(variant.startsWith("\"12\" at") || variant.startsWith("\"\" at"));
            case HUGE_NUMBER -> {
                String number = variant.replaceFirst("^(query [A-Za-z]+ )?number ", "");
                boolean huge = OUT_OF_ANY_RANGE.stream().anyMatch(number::startsWith);
                if (place == Place.QUERY) {
                    String name = variant.split(" ")[1];
                    String seeded = QUERIES.getOrDefault(operation.key(), "");
                    yield huge && Pattern.compile("(^|&)" + Pattern.quote(name) + "=-?[0-9]+(&|$)").matcher(seeded).find();
                }
                yield huge;
            }
            case DATE_OUT_OF_RANGE -> place == Place.BODY && (variant.startsWith("2026-02-30") || variant.startsWith("2026-13-01")
                    || variant.contains("T25:61:61") || variant.contains("+99:00") || variant.startsWith("+999999999")
                    || variant.startsWith("+5874898") || variant.startsWith("-4714-11-23")
                    || (variant.startsWith("+275760") && variant.contains("T")));
            default -> false;
        };
    }

    /** A changed body; {@code must} says whether it can never be valid (null: judged from the variant). */
    private record Mutation(String variant, byte[] body, Boolean must) {
        Mutation(String variant, byte[] body) {
            this(variant, body, null);
        }
    }

    private Mutation mutateBody(Operation operation, Family family, Object base, Random random, Map<String, String> headers) {
        String valid = HostileJson.write(base);
        switch (family) {
            case DEPTH_OVER_32 -> {
                int depth = pickInt(random, 33, 34, 40, 64, 100);
                boolean arrays = random.nextBoolean();
                return replaceAny(base, nested(depth, arrays, random), random, "nesting " + depth + (arrays ? " arrays" : " objects"));
            }
            case DEPTH_OVER_1000 -> {
                int depth = pickInt(random, 1001, 2000, 5000, 20000, 100000);
                boolean arrays = random.nextBoolean();
                if (random.nextInt(3) == 0) {
                    return new Mutation("whole body nested " + depth + (arrays ? " arrays" : " objects"),
                            utf8(nested(depth, arrays, random).text()));
                }
                return replaceAny(base, nested(depth, arrays, random), random, "nesting " + depth + (arrays ? " arrays" : " objects"));
            }
            case BODY_OVER_1MB -> {
                int size = pickInt(random, 1_100_000, 1_600_000, 3_000_000);
                switch (random.nextInt(3)) {
                    case 0 -> {
                        List<List<Object>> strings = leaves(base, v -> v instanceof String);
                        if (!strings.isEmpty()) {
                            List<Object> at = strings.get(random.nextInt(strings.size()));
                            return new Mutation("string of " + size + " characters at " + at,
                                    utf8(HostileJson.write(set(base, at, "x".repeat(size)))));
                        }
                        return new Mutation("unknown field of " + size + " characters",
                                utf8(HostileJson.write(withField(base, List.of(), "padding", "x".repeat(size)))));
                    }
                    case 1 -> {
                        return new Mutation(size + " bytes of whitespace before the object", utf8(" ".repeat(size) + valid));
                    }
                    default -> {
                        StringBuilder many = new StringBuilder("[");
                        while (many.length() < size) {
                            many.append("1,");
                        }
                        many.append("1]");
                        return replaceAny(base, new HostileJson.Raw(many.toString()), random, "array of " + size / 2 + " numbers");
                    }
                }
            }
            case NUL, CONTROL_CHARACTERS, LONG_STRING -> {
                List<List<Object>> strings = leaves(base, v -> v instanceof String);
                List<Object> at = strings.get(random.nextInt(strings.size()));
                String current = (String) get(base, at);
                if (family == Family.LONG_STRING) {
                    Integer max = maxLength(operation, at);
                    int length = max != null && random.nextBoolean() ? max + 1 : pickInt(random, 256, 1025, 4097, 65537, 400_000);
                    String unit = length > 70_000 ? "x" : pick(random, "x", "é", "\uD83D\uDE00");
                    String value = unit.repeat(Math.max(1, length / unit.length()));
                    return new Mutation(length + " characters of '" + unit + "' at " + at, utf8(HostileJson.write(set(base, at, value))));
                }
                if (family == Family.NUL) {
                    int where = random.nextInt(current.length() + 1);
                    String value = pick(random, "\u0000", current.substring(0, where) + "\u0000" + current.substring(where), current + "\u0000");
                    return new Mutation("NUL in " + at, utf8(HostileJson.write(set(base, at, value))));
                }
                String control = pick(random, "\u0001", "\u0007", "\u0008", "\u001b", "\u001f", "\u007f", "\u0085", "\u2028", "\uFFFE",
                        "\u202E", "raw");
                if (control.equals("raw")) {
                    String raw = "\"" + current + "\u0001\u001b\"";
                    return new Mutation("unescaped U+0001 in " + at, utf8(HostileJson.write(set(base, at, new HostileJson.Raw(raw)))));
                }
                return new Mutation(String.format("U+%04X in %s", (int) control.charAt(0), at),
                        utf8(HostileJson.write(set(base, at, current + control + "x"))));
            }
            case HUGE_NUMBER -> {
                String number = pick(random, "1e-1000000000", "1e1000000", "1E+2147483647", "-1e1000000", "1e309", "1e-400",
                        "9".repeat(400), "-" + "9".repeat(400), "0." + "0".repeat(399) + "1", "1" + "0".repeat(30) + ".5",
                        "123456789012345678901234567890.123456789012345678901234567890", "-0", "2147483648", "9223372036854775808");
                List<List<Object>> numbers = leaves(base, v -> v instanceof HostileJson.Raw);
                List<List<Object>> all = leaves(base, v -> !(v instanceof Map) && !(v instanceof List));
                List<List<Object>> targets = !numbers.isEmpty() && random.nextInt(5) != 0 ? numbers : all;
                if (targets.isEmpty()) {
                    return new Mutation("number " + excerpt(number, 40) + " in an unknown field",
                            utf8(HostileJson.write(withField(base, List.of(), "quantity", new HostileJson.Raw(number)))));
                }
                List<Object> at = targets.get(random.nextInt(targets.size()));
                return new Mutation("number " + excerpt(number, 40) + " at " + at,
                        utf8(HostileJson.write(set(base, at, new HostileJson.Raw(number)))));
            }
            case WRONG_TYPE -> {
                if (random.nextInt(4) == 0) {
                    String root = pick(random, "123", "\"x\"", "[]", "[" + valid + "]", "null", "true", "-1.5");
                    return new Mutation("body is " + excerpt(root, 30), utf8(root));
                }
                List<List<Object>> all = leaves(base, v -> true);
                all.remove(List.of());
                if (all.isEmpty()) {
                    return new Mutation("body is 123", utf8("123"));
                }
                List<Object> at = all.get(random.nextInt(all.size()));
                Object current = get(base, at);
                Object wrong;
                if (current instanceof String) {
                    wrong = pick(random, new HostileJson.Raw("123"), Boolean.TRUE, new LinkedHashMap<>(), new ArrayList<>(), new HostileJson.Raw("1.5e3"));
                } else if (current instanceof HostileJson.Raw) {
                    wrong = pick(random, "12", "abc", "", Boolean.FALSE, new LinkedHashMap<>(), List.of(new HostileJson.Raw("1")));
                } else if (current instanceof List) {
                    wrong = pick(random, new LinkedHashMap<>(), "x", new HostileJson.Raw("1"), List.of(List.of()), List.of("", Boolean.TRUE));
                } else if (current instanceof Map) {
                    wrong = pick(random, new ArrayList<>(), "x", new HostileJson.Raw("123"), Boolean.TRUE);
                } else {
                    wrong = pick(random, "yes", new HostileJson.Raw("1"), new LinkedHashMap<>());
                }
                return new Mutation(HostileJson.write(wrong) + " at " + at, utf8(HostileJson.write(set(base, at, wrong))));
            }
            case UNKNOWN_FIELD -> {
                List<List<Object>> objects = leaves(base, v -> v instanceof Map);
                List<Object> at = objects.isEmpty() ? List.of() : objects.get(random.nextInt(objects.size()));
                if (get(base, at) instanceof Map<?, ?> object && object.isEmpty() && at.size() > 0 && random.nextBoolean()) {
                    at = List.of(); // a free-form map (characteristics) takes any name; the root does not
                }
                String name = pick(random, "hostileUnknown", "__proto__", "constructor", "", "@type", "$ref", "orderTyp", "ID");
                Object value = pick(random, new HostileJson.Raw("1"), "x", new LinkedHashMap<>(), null);
                return new Mutation("unknown field \"" + name + "\" at " + at,
                        utf8(HostileJson.write(withField(base, at, name, value))));
            }
            case UNKNOWN_ENUM_VALUE -> {
                List<List<Object>> enums = enumLeaves(operation);
                List<Object> at = enums.get(random.nextInt(enums.size()));
                String current = String.valueOf(get(base, at));
                String value = pick(random, "NOPE", current.toLowerCase(Locale.ROOT), "", " " + current, current + " ", "ESCALATE",
                        "CHANGE", "MODIFY", "DELETE", "Ω");
                List<Object> allowed = HostileJson.array(schemaAt(operation.bodySchema(), at).get("enum"));
                return new Mutation("\"" + value + "\" at " + at, utf8(HostileJson.write(set(base, at, value))),
                        !allowed.isEmpty() && !allowed.contains(value));
            }
            case DATE_OUT_OF_RANGE -> {
                List<List<Object>> dates = dateLeaves(operation);
                List<Object> at = dates.get(random.nextInt(dates.size()));
                String value = outOfRangeDate(String.valueOf(get(base, at)).contains("T"), random);
                return new Mutation(value + " at " + at, utf8(HostileJson.write(set(base, at, value))));
            }
            case MALFORMED_JSON -> {
                int variant = random.nextInt(14);
                return switch (variant) {
                    case 0 -> new Mutation("trailing comma", utf8(valid.substring(0, valid.length() - 1) + ",}"));
                    case 1 -> new Mutation("single quotes", utf8(valid.replace('"', '\'')));
                    case 2 -> new Mutation("unquoted names", utf8(valid.replaceAll("\"([A-Za-z]+)\":", "$1:")));
                    case 3 -> new Mutation("missing value", utf8("{\"a\":}"));
                    case 4 -> new Mutation("two objects", utf8(valid + valid));
                    case 5 -> new Mutation("extra brace", utf8(valid + "}"));
                    case 6 -> new Mutation("comment", utf8("/* x */" + valid));
                    case 7 -> new Mutation("NaN", utf8(replaceFirstLeaf(base, "NaN")));
                    case 8 -> new Mutation("lone surrogate escape", utf8(replaceFirstString(base, "\"\\ud800\"")));
                    case 9 -> new Mutation("short unicode escape", utf8(replaceFirstString(base, "\"\\u00\"")));
                    case 10 -> {
                        byte[] bytes = utf8(replaceFirstString(base, "\"@@\""));
                        String text = new String(bytes, StandardCharsets.ISO_8859_1);
                        int at = text.indexOf("@@");
                        bytes[at] = (byte) 0xC3; // invalid UTF-8: a lead byte followed by '('
                        bytes[at + 1] = (byte) 0x28;
                        yield new Mutation("invalid UTF-8 bytes", bytes);
                    }
                    case 11 -> new Mutation("byte order mark", utf8("\uFEFF" + valid));
                    case 12 -> new Mutation("unbalanced", utf8("{".repeat(3) + "\"a\":[" ));
                    default -> new Mutation("raw newline in a string", utf8(replaceFirstString(base, "\"a\nb\"")));
                };
            }
            case TRUNCATED_BODY -> {
                int cut = 1 + random.nextInt(Math.max(1, valid.length() - 1));
                return new Mutation("cut after " + cut + " of " + valid.length() + " characters", utf8(valid.substring(0, cut)));
            }
            case EMPTY_BODY -> {
                String empty = pick(random, "", "   ", "\n", "\r\n\t");
                return new Mutation(empty.isEmpty() ? "no bytes" : "only whitespace", utf8(empty));
            }
            case BOGUS_CHARSET -> {
                String type = pick(random, "application/json; charset=bogus-9", "application/json; charset=utf-7", "application/json;charset=",
                        "application/json; charset=\"\"", "application/json; charset=UTF-16", "application/json; charset=x-user-defined",
                        "application/json; charset=@@@", "application/json; charset=" + "u".repeat(300));
                headers.put("Content-Type", type);
                return new Mutation("Content-Type " + excerpt(type, 60), utf8(valid));
            }
            default -> throw new IllegalStateException(family.name());
        }
    }

    private static String[] queryValue(Family family, String current, Random random) {
        String c = current == null ? "x" : current;
        return switch (family) {
            case NUL -> new String[] {"NUL", pick(random, "%00", c + "%00", "%00" + c)};
            case CONTROL_CHARACTERS -> {
                String control = pick(random, "%01", "%07", "%1B", "%1F", "%7F", "%0D%0A", "%E2%80%A8", "%C2%85");
                yield new String[] {"control " + control, c + control};
            }
            case LONG_STRING -> {
                int length = pickInt(random, 256, 1025, 4000);
                yield new String[] {length + " characters", "x".repeat(length)};
            }
            case HUGE_NUMBER -> {
                String n = pick(random, "1e-1000000000", "1e1000000", "9".repeat(400), "-" + "9".repeat(400), "2147483648",
                        "9223372036854775808", "-1", "0x10", "1.5");
                yield new String[] {"number " + excerpt(n, 40), n.replace("+", "%2B")};
            }
            case UNKNOWN_ENUM_VALUE -> {
                String v = pick(random, "NOPE", c.toLowerCase(Locale.ROOT), "", "FALLOUT", "%20" + c);
                yield new String[] {"\"" + v + "\"", v};
            }
            case DATE_OUT_OF_RANGE -> {
                String d = outOfRangeDate(true, random);
                yield new String[] {d, d.replace("+", "%2B").replace(":", "%3A")};
            }
            case BAD_PERCENT_ENCODING -> {
                String bad = pick(random, "%ZZ", "%", "%G0", "%C3", "%C0%AF", "%FF%FE", "a%2");
                yield new String[] {bad, c + bad};
            }
            default -> throw new IllegalStateException(family.name());
        };
    }

    private static String[] pathValue(Family family, String current, Random random) {
        return switch (family) {
            case NUL -> new String[] {"NUL", pick(random, "%00", current + "%00", "%00" + current)};
            case CONTROL_CHARACTERS -> {
                String control = pick(random, "%01", "%07", "%1B", "%1F", "%7F", "%0D%0A", "%09", "%E2%80%A8");
                yield new String[] {"control " + control, current + control};
            }
            case LONG_STRING -> {
                int length = pickInt(random, 256, 1025, 4000);
                yield new String[] {length + " characters", "a".repeat(length)};
            }
            case BAD_PERCENT_ENCODING -> {
                String bad = pick(random, "%ZZ", "%", "%G0", "%C3", "%C0%AF", "%FF%FE", "a%2", "%%41", "%2e%2e");
                yield new String[] {bad, pick(random, bad, current + bad)};
            }
            default -> throw new IllegalStateException(family.name());
        };
    }

    private static String outOfRangeDate(boolean withTime, Random random) {
        String date = pick(random, "+275760-09-13", "0000-01-01", "-000001-01-01", "+999999999-12-31", "+5874898-01-01", "-4714-11-23",
                "2026-02-30", "2026-13-01", "99999-01-01");
        if (!withTime) {
            return date;
        }
        return date + pick(random, "T00:00:00Z", "T23:59:59.999999999Z", "T25:61:61Z", "T00:00:00+99:00");
    }

    // ---- the body's shape ----------------------------------------------------------------------

    private List<List<Object>> enumLeaves(Operation operation) {
        Object base = base(operation);
        return leaves(base, v -> v instanceof String).stream()
                .filter(at -> schemaAt(operation.bodySchema(), at).containsKey("enum") || ENUM_LIKE.matcher((String) get(base, at)).matches())
                .toList();
    }

    private List<List<Object>> dateLeaves(Operation operation) {
        Object base = base(operation);
        return leaves(base, v -> v instanceof String).stream()
                .filter(at -> {
                    Object format = schemaAt(operation.bodySchema(), at).get("format");
                    return "date".equals(format) || "date-time".equals(format) || DATE_LIKE.matcher((String) get(base, at)).matches();
                })
                .toList();
    }

    private List<String> enumQuery(Operation operation) {
        return queryMatching(operation, ENUM_LIKE);
    }

    private List<String> dateQuery(Operation operation) {
        return queryMatching(operation, DATE_LIKE);
    }

    private List<String> queryMatching(Operation operation, Pattern pattern) {
        String seeded = QUERIES.get(operation.key());
        if (seeded == null) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (String pair : substitute(seeded).split("&")) {
            int eq = pair.indexOf('=');
            if (pattern.matcher(pair.substring(eq + 1)).matches() && operation.names("query").contains(pair.substring(0, eq))) {
                names.add(pair.substring(0, eq));
            }
        }
        return names;
    }

    private static Integer maxLength(Operation operation, List<Object> at) {
        Object max = schemaAt(operation.bodySchema(), at).get("maxLength");
        return max == null ? null : Integer.valueOf(max.toString());
    }

    /** The schema of the value at a path in the body (empty when the document does not say). */
    static Map<String, Object> schemaAt(Map<String, Object> schema, List<Object> at) {
        Map<String, Object> current = schema;
        for (Object step : at) {
            if (current.isEmpty()) {
                return current;
            }
            current = step instanceof Integer ? HostileJson.object(current.get("items"))
                    : HostileJson.object(HostileJson.object(current.get("properties")).get(step));
        }
        return current;
    }

    /** The paths to every value the predicate accepts (the root is the empty path). */
    static List<List<Object>> leaves(Object value, java.util.function.Predicate<Object> accept) {
        List<List<Object>> found = new ArrayList<>();
        walk(value, new ArrayList<>(), accept, found);
        return found;
    }

    private static void walk(Object value, List<Object> at, java.util.function.Predicate<Object> accept, List<List<Object>> found) {
        if (accept.test(value)) {
            found.add(List.copyOf(at));
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                at.add(e.getKey());
                walk(e.getValue(), at, accept, found);
                at.remove(at.size() - 1);
            }
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                at.add(i);
                walk(list.get(i), at, accept, found);
                at.remove(at.size() - 1);
            }
        }
    }

    static Object get(Object value, List<Object> at) {
        Object current = value;
        for (Object step : at) {
            current = step instanceof Integer i ? HostileJson.array(current).get(i) : HostileJson.object(current).get(step);
        }
        return current;
    }

    /** A copy of the body with the value at a path replaced (the root path replaces the body). */
    static Object set(Object body, List<Object> at, Object value) {
        if (at.isEmpty()) {
            return value;
        }
        Object copy = HostileJson.copy(body);
        Object parent = get(copy, at.subList(0, at.size() - 1));
        Object last = at.get(at.size() - 1);
        if (last instanceof Integer i) {
            HostileJson.array(parent).set(i, value);
        } else {
            HostileJson.object(parent).put((String) last, value);
        }
        return copy;
    }

    private static Object withField(Object body, List<Object> at, String name, Object value) {
        Object copy = HostileJson.copy(body);
        Object target = get(copy, at);
        if (target instanceof Map<?, ?>) {
            HostileJson.object(target).put(name, value);
            return copy;
        }
        Map<String, Object> wrapped = new LinkedHashMap<>();
        wrapped.put(name, value);
        return wrapped;
    }

    private static Mutation replaceAny(Object base, Object value, Random random, String variant) {
        List<List<Object>> all = leaves(base, v -> true);
        all.remove(List.of());
        if (all.isEmpty()) {
            return new Mutation(variant + " as a new field", utf8(HostileJson.write(withField(base, List.of(), "nested", value))));
        }
        List<Object> at = all.get(random.nextInt(all.size()));
        return new Mutation(variant + " at " + at, utf8(HostileJson.write(set(base, at, value))));
    }

    private static String replaceFirstLeaf(Object base, String raw) {
        List<List<Object>> all = leaves(base, v -> !(v instanceof Map) && !(v instanceof List));
        return HostileJson.write(all.isEmpty() ? withField(base, List.of(), "a", new HostileJson.Raw(raw))
                : set(base, all.get(0), new HostileJson.Raw(raw)));
    }

    private static String replaceFirstString(Object base, String raw) {
        List<List<Object>> strings = leaves(base, v -> v instanceof String);
        return HostileJson.write(strings.isEmpty() ? withField(base, List.of(), "a", new HostileJson.Raw(raw))
                : set(base, strings.get(0), new HostileJson.Raw(raw)));
    }

    private static HostileJson.Raw nested(int depth, boolean arrays, Random random) {
        StringBuilder s = new StringBuilder(depth * 6);
        for (int i = 0; i < depth; i++) {
            s.append(arrays ? "[" : "{\"a\":");
        }
        s.append(random.nextBoolean() ? "1" : "\"x\"");
        for (int i = 0; i < depth; i++) {
            s.append(arrays ? ']' : '}');
        }
        return new HostileJson.Raw(s.toString());
    }

    private static Object synthesize(Map<String, Object> schema, int depth) {
        if (schema.containsKey("example")) {
            return schema.get("example");
        }
        if (schema.containsKey("enum")) {
            return HostileJson.array(schema.get("enum")).get(0);
        }
        String type = String.valueOf(schema.get("type"));
        if (depth > 6) {
            return null;
        }
        switch (type) {
            case "object" -> {
                Map<String, Object> object = new LinkedHashMap<>();
                HostileJson.object(schema.get("properties")).forEach((k, v) -> object.put(k, synthesize(HostileJson.object(v), depth + 1)));
                return object;
            }
            case "array" -> {
                return new ArrayList<>(List.of(synthesize(HostileJson.object(schema.get("items")), depth + 1)));
            }
            case "integer", "number" -> {
                return new HostileJson.Raw("1");
            }
            case "boolean" -> {
                return Boolean.FALSE;
            }
            default -> {
                Object format = schema.get("format");
                return "date".equals(format) ? "2030-01-01" : "date-time".equals(format) ? "2030-01-01T00:00:00Z"
                        : "uuid".equals(format) ? UUID.randomUUID().toString() : "x";
            }
        }
    }

    // ---- small things --------------------------------------------------------------------------

    private String substitute(String template) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (true) {
            int start = template.indexOf("${", at);
            if (start < 0) {
                return out.append(template.substring(at)).toString();
            }
            int end = template.indexOf('}', start);
            out.append(template, at, start);
            String name = template.substring(start + 2, end);
            out.append(name.equals("unique") ? UUID.randomUUID().toString() : fixture.value(name));
            at = end + 1;
        }
    }

    private static String unknownId(String path, String parameter, Random random) {
        String uuid = new UUID(random.nextLong(), random.nextLong()).toString();
        return switch (pathObject(path, parameter)) {
            case "offering" -> "po_unknown_" + uuid.substring(0, 8);
            case "account" -> "acct-unknown-" + uuid.substring(0, 8);
            default -> uuid;
        };
    }

    /** Percent-encodes everything but the unreserved characters (RFC 3986). */
    static String encode(String value) {
        StringBuilder s = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == '~') {
                s.append((char) c);
            } else {
                s.append('%').append(String.format("%02X", c));
            }
        }
        return s.toString();
    }

    @SafeVarargs
    private static <T> T pick(Random random, T... options) {
        return options[random.nextInt(options.length)];
    }

    private static int pickInt(Random random, int... options) {
        return options[random.nextInt(options.length)];
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    public static String excerpt(String s, int max) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length() && out.length() < max; i++) {
            char c = s.charAt(i);
            // ASCII only: a console must never see half a surrogate pair or a control character
            out.append(c < 0x20 || c >= 0x7f ? String.format(c < 0x100 ? "\\x%02x" : "\\u%04x", (int) c) : String.valueOf(c));
        }
        return s.length() > max ? out + "...(" + s.length() + " chars)" : out.toString();
    }

    private static List<Object> concat(List<Object> a, List<Object> b) {
        List<Object> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static Object resolve(Map<String, Object> document, Object value) {
        Map<String, Object> object = HostileJson.object(value);
        Object ref = object.get("$ref");
        if (ref instanceof String r && r.startsWith("#/")) {
            Object target = document;
            for (String step : r.substring(2).split("/")) {
                target = HostileJson.object(target).get(step.replace("~1", "/").replace("~0", "~"));
            }
            return target;
        }
        return value;
    }

    /** The schema with its references and allOf inlined (bounded, references may be cyclic). */
    private static Map<String, Object> inline(Map<String, Object> document, Map<String, Object> schema, int depth) {
        if (depth > 8 || schema.isEmpty()) {
            return schema;
        }
        Map<String, Object> copy = new LinkedHashMap<>(HostileJson.object(resolve(document, schema)));
        for (Object part : HostileJson.array(copy.remove("allOf"))) {
            Map<String, Object> inlined = inline(document, HostileJson.object(resolve(document, part)), depth + 1);
            inlined.forEach(copy::putIfAbsent);
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        HostileJson.object(copy.get("properties")).forEach((k, v) ->
                properties.put(k, inline(document, HostileJson.object(resolve(document, v)), depth + 1)));
        if (!properties.isEmpty()) {
            copy.put("properties", properties);
        }
        if (copy.get("items") != null) {
            copy.put("items", inline(document, HostileJson.object(resolve(document, copy.get("items"))), depth + 1));
        }
        return copy;
    }

    private static String join(String a, String b) {
        String path = Stream.of(a, b).flatMap(p -> Arrays.stream(p.split("/"))).filter(s -> !s.isEmpty())
                .map(s -> s.replaceAll("\\{\\s*([A-Za-z0-9_]+)\\s*:.*}", "{$1}")).reduce("", (x, y) -> x + "/" + y);
        return path.isEmpty() ? "/" : path;
    }

    @SuppressWarnings("unchecked")
    private static Class<? extends Annotation> annotation(ClassLoader loader, String name) throws ClassNotFoundException {
        return (Class<? extends Annotation>) Class.forName(name, false, loader);
    }

    private static String value(Annotation annotation) throws Exception {
        return (String) annotation.annotationType().getMethod("value").invoke(annotation);
    }

    private static List<String> classesIn(ClassLoader loader, String packageName) throws Exception {
        List<String> names = new ArrayList<>();
        String folder = packageName.replace('.', '/');
        Enumeration<URL> roots = loader.getResources(folder);
        while (roots.hasMoreElements()) {
            URL root = roots.nextElement();
            if (!root.getProtocol().equals("file")) {
                continue;
            }
            Path dir = new File(URLDecoder.decode(root.getPath(), StandardCharsets.UTF_8)).toPath();
            try (Stream<Path> files = Files.walk(dir)) {
                files.filter(f -> f.toString().endsWith(".class") && !f.getFileName().toString().contains("$"))
                        .forEach(f -> names.add(packageName + "." + dir.relativize(f).toString()
                                .replace(File.separatorChar, '.').replaceAll("\\.class$", "")));
            }
        }
        return names;
    }

    /** The families, for filtering by name: "NUL,HUGE_NUMBER" or empty for all. */
    public static Set<Family> families(String names) {
        if (names == null || names.isBlank()) {
            return EnumSet.allOf(Family.class);
        }
        Set<Family> families = EnumSet.noneOf(Family.class);
        for (String n : names.split(",")) {
            families.add(Family.valueOf(n.trim().toUpperCase(Locale.ROOT)));
        }
        return families;
    }

    /** Keeps the requests of the given families (for replaying one family of a seed). */
    public static List<Request> only(List<Request> requests, Set<Family> families) {
        return requests.stream().filter(r -> families.contains(r.family())).toList();
    }
}
