package io.cpqoms.web;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.tags.Tag;

/**
 * Makes the generated OpenAPI document the contract the API keeps: every {@code application/problem+json}
 * response refers to the one {@code Problem} schema (built from the {@link Problem} record), every
 * operation lists the errors the server's boundary can answer with (400, 401, 403, 406, 503 everywhere;
 * 404 where the path names a resource; 413 and 415 where there is a body), and the root carries only
 * standard properties.
 *
 * <p>Registered with {@code mp.openapi.filter}; it runs once, when the application is deployed.
 */
public class ContractFilter implements OASFilter {

    static final String PROBLEM = "Problem";
    static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM;
    static final String PROBLEM_JSON = "application/problem+json";
    static final String VIOLATION = "Violation";

    /** The errors any operation can get from the boundary, with what the client should understand. */
    private static final Map<String, String> EVERYWHERE = ordered(
            "400", "Malformed request: a parameter, header or body that breaks the contract (the problem's code"
                    + " and violations say which); not worth retrying unchanged",
            "401", "No or wrong HTTP Basic credentials (AUTHENTICATION_REQUIRED)",
            "403", "The caller's roles or tenant do not allow this operation (FORBIDDEN, TENANT_UNDEFINED)",
            "406", "The Accept header names no media type this operation produces",
            "503", "The database or the message broker is unreachable (SERVICE_UNAVAILABLE); retry after the"
                    + " Retry-After delay, with the same Idempotency-Key where the operation takes one");
    private static final Map<String, String> WITH_PATH_PARAMETER = ordered(
            "404", "The resource the path names does not exist, or belongs to another tenant");
    private static final Map<String, String> WITH_BODY = ordered(
            "413", "The body is larger than this operation accepts (REQUEST_TOO_LARGE)",
            "415", "The body is not application/json in UTF-8 (UNSUPPORTED_MEDIA_TYPE)");

    /**
     * Answers that are one of several views, by the caller's role. Payara cannot write
     * {@code @Schema(oneOf = ...)} (it writes another class's properties instead); the operation refers
     * to the name with {@code @Schema(ref = ...)} and the component is made here.
     */
    static final Map<String, List<Class<?>>> ALTERNATIVES = Map.of(
            "OrderOrCustomerOrderView", List.of(io.cpqoms.order.api.OrderView.class,
                    io.cpqoms.order.api.CustomerOrderView.class));

    /** A decimal written as text, as {@link java.math.BigDecimal#BigDecimal(String)} reads it. */
    static final String DECIMAL_TEXT = "^[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?$";

    /** Flags Payara writes with their default value on schemas from annotations; they say nothing. */
    private static final Set<String> DEFAULTED_FLAGS = Set.of("exclusiveMaximum", "exclusiveMinimum",
            "uniqueItems", "nullable", "readOnly", "writeOnly", "deprecated");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        if (components == null) {
            components = OASFactory.createComponents();
            openAPI.setComponents(components);
        }
        components.addSchema(VIOLATION, elementSchema(Problem.class, "violations", "One broken rule"));
        components.addSchema(PROBLEM, problemSchema());
        for (Map.Entry<String, List<Class<?>>> alternative : ALTERNATIVES.entrySet()) {
            Schema anyOf = OASFactory.createSchema();
            for (Class<?> view : alternative.getValue()) {
                anyOf.addAnyOf(OASFactory.createSchema().ref(componentOf(components, view)));
            }
            components.addSchema(alternative.getKey(), anyOf);
        }
        if (components.getSchemas() != null) {
            components.getSchemas().values().forEach(ContractFilter::clean);
        }
        RequestConstraints.apply(components);
        RequestConstraints.examples(components);
        typedPages(openAPI, components);
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations()
                    .forEach((method, operation) -> complete(path, method, operation)));
        }
        mergeTags(openAPI);
        dropServerEndpointList(openAPI);
    }

    /**
     * Payara lists a tag once per resource class that names it, next to the declaration with its
     * description on {@link CpqApi}: one entry per name, with the description where one is declared.
     */
    private static void mergeTags(OpenAPI openAPI) {
        if (openAPI.getTags() == null) {
            return;
        }
        Map<String, Tag> byName = new LinkedHashMap<>();
        for (Tag tag : openAPI.getTags()) {
            Tag known = byName.putIfAbsent(tag.getName(), tag);
            if (known != null && known.getDescription() == null && tag.getDescription() != null) {
                byName.put(tag.getName(), tag);
            }
        }
        List<Tag> tags = new ArrayList<>(byName.values());
        tags.sort(Comparator.comparing(Tag::getName));
        openAPI.setTags(tags);
    }

    private static void complete(String path, PathItem.HttpMethod method, Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        addMissing(responses, EVERYWHERE);
        if (path.contains("{")) {
            addMissing(responses, WITH_PATH_PARAMETER);
        }
        if (operation.getRequestBody() != null) {
            addMissing(responses, WITH_BODY);
            if (operation.getRequestBody().getContent() != null) {
                operation.getRequestBody().getContent().getMediaTypes().values().forEach(ContractFilter::cleanMedia);
            }
        }
        if (operation.getParameters() != null) {
            operation.getParameters().stream().filter(p -> p.getSchema() != null).forEach(p -> clean(p.getSchema()));
        }
        APIResponse unavailable = responses.getAPIResponse("503");
        if (unavailable.getHeaders() == null || !unavailable.getHeaders().containsKey("Retry-After")) {
            unavailable.addHeader("Retry-After", OASFactory.createHeader()
                    .description("Seconds after which the request may be sent again")
                    .schema(OASFactory.createSchema().type(Schema.SchemaType.INTEGER).minimum(BigDecimal.ZERO)));
        }
        responses.getAPIResponses().forEach((status, response) -> {
            if (response.getContent() == null) {
                return;
            }
            response.getContent().getMediaTypes().forEach((type, media) -> {
                if (type.startsWith(PROBLEM_JSON)) {
                    media.setSchema(OASFactory.createSchema().ref(PROBLEM_REF));
                } else {
                    cleanMedia(media);
                }
            });
        });
    }

    private static void addMissing(APIResponses responses, Map<String, String> standard) {
        standard.forEach((status, description) -> {
            if (!responses.hasAPIResponse(status)) {
                responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description)
                        .content(problemContent()));
            } else if (responses.getAPIResponse(status).getContent() == null
                    || responses.getAPIResponse(status).getContent().getMediaTypes().isEmpty()) {
                responses.getAPIResponse(status).setContent(problemContent());
            }
        });
    }

    private static Content problemContent() {
        return OASFactory.createContent().addMediaType(PROBLEM_JSON,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF)));
    }

    private static Schema problemSchema() {
        Schema schema = recordSchema(Problem.class, "An RFC 9457 problem detail with the product's stable code");
        schema.addRequired("type").addRequired("title").addRequired("status").addRequired("code");
        return schema;
    }

    /** The component of a record: Payara's when it made one, else one from the record's components. */
    /** The items of the one list that answers in two views, by role. */
    static final Map<String, List<Class<?>>> PAGE_ALTERNATIVES = Map.of(
            "listOrders", List.of(io.cpqoms.order.api.OrderSummary.class, io.cpqoms.order.api.CustomerOrderSummary.class));

    /**
     * Payara drops the type argument of {@code Page<T>} and {@code KeysetPage<T>}: each paged operation gets
     * its own page component ({@code KeysetPageOfFalloutCaseView}) whose items are the records it lists.
     */
    private static void typedPages(OpenAPI openAPI, Components components) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null || components.getSchemas() == null) {
            return;
        }
        Map<String, Operation> operations = new LinkedHashMap<>();
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values()
                .forEach(operation -> operations.put(operation.getOperationId(), operation)));
        for (Class<?> resource : RequestConstraints.RESOURCES) {
            for (Method method : resource.getMethods()) {
                org.eclipse.microprofile.openapi.annotations.Operation declared =
                        method.getAnnotation(org.eclipse.microprofile.openapi.annotations.Operation.class);
                Operation operation = declared == null ? null : operations.get(declared.operationId());
                if (operation == null) {
                    continue;
                }
                Class<?> page;
                List<Class<?>> items;
                if (method.getGenericReturnType() instanceof ParameterizedType returned
                        && returned.getActualTypeArguments()[0] instanceof Class<?> item
                        && (returned.getRawType() == io.cpqoms.kernel.Page.class
                        || returned.getRawType() == io.cpqoms.order.api.KeysetPage.class)) {
                    page = (Class<?>) returned.getRawType();
                    items = List.of(item);
                } else if (PAGE_ALTERNATIVES.containsKey(declared.operationId())) {
                    page = io.cpqoms.order.api.KeysetPage.class;
                    items = PAGE_ALTERNATIVES.get(declared.operationId());
                } else {
                    continue;
                }
                Schema generic = components.getSchemas().get(page.getSimpleName());
                if (generic == null || generic.getProperties() == null) {
                    continue;
                }
                Schema element = OASFactory.createSchema();
                for (Class<?> item : items) {
                    element.addAnyOf(OASFactory.createSchema().ref(componentOf(components, item)));
                }
                Schema typed = OASFactory.createSchema().type(Schema.SchemaType.OBJECT);
                generic.getProperties().forEach((name, property) -> typed.addProperty(name, name.equals("items")
                        ? OASFactory.createSchema().type(Schema.SchemaType.ARRAY)
                                .items(element.getAnyOf().size() == 1 ? element.getAnyOf().get(0) : element)
                        : property));
                String name = page.getSimpleName() + "Of" + String.join("Or", items.stream().map(Class::getSimpleName).toList());
                components.addSchema(name, typed);
                APIResponse ok = operation.getResponses() == null ? null : operation.getResponses().getAPIResponse("200");
                if (ok != null) {
                    ok.setContent(OASFactory.createContent().addMediaType("application/json",
                            OASFactory.createMediaType().schema(OASFactory.createSchema().ref("#/components/schemas/" + name))));
                }
            }
        }
    }

    private static String componentOf(Components components, Class<?> type) {
        String name = type.getEnclosingClass() == null ? type.getSimpleName()
                : type.getEnclosingClass().getSimpleName() + type.getSimpleName();
        if (components.getSchemas() == null || !components.getSchemas().containsKey(name)) {
            components.addSchema(name, OASFactory.createSchema());
            Schema schema = OASFactory.createSchema().type(Schema.SchemaType.OBJECT);
            for (RecordComponent component : type.getRecordComponents()) {
                schema.addProperty(component.getName(), viewSchema(components, component.getGenericType()));
            }
            components.addSchema(name, schema);
        }
        return "#/components/schemas/" + name;
    }

    private static Schema viewSchema(Components components, Type type) {
        if (type instanceof ParameterizedType parameterized
                && Collection.class.isAssignableFrom((Class<?>) parameterized.getRawType())) {
            return OASFactory.createSchema().type(Schema.SchemaType.ARRAY)
                    .items(viewSchema(components, parameterized.getActualTypeArguments()[0]));
        }
        if (type instanceof ParameterizedType parameterized && Map.class.isAssignableFrom((Class<?>) parameterized.getRawType())) {
            return OASFactory.createSchema().type(Schema.SchemaType.OBJECT)
                    .additionalPropertiesSchema(viewSchema(components, parameterized.getActualTypeArguments()[1]));
        }
        Class<?> c = (Class<?>) type;
        if (c.isRecord()) {
            return OASFactory.createSchema().ref(componentOf(components, c));
        }
        if (c == UUID.class) {
            return OASFactory.createSchema().type(Schema.SchemaType.STRING).format("uuid");
        }
        if (c == java.time.Instant.class || c == java.time.OffsetDateTime.class) {
            return OASFactory.createSchema().type(Schema.SchemaType.STRING).format("date-time");
        }
        if (c == java.time.LocalDate.class) {
            return OASFactory.createSchema().type(Schema.SchemaType.STRING).format("date");
        }
        return decimal(schemaOf(c));
    }

    /** A record's JSON-B form: one property per component, in declaration order. */
    static Schema recordSchema(Class<?> type, String description) {
        Schema schema = OASFactory.createSchema().type(Schema.SchemaType.OBJECT).description(description);
        for (RecordComponent component : type.getRecordComponents()) {
            schema.addProperty(component.getName(), schemaOf(component.getGenericType()));
        }
        return schema;
    }

    /** The schema of the records in a list component, such as the problem's violations. */
    private static Schema elementSchema(Class<?> type, String listComponent, String description) {
        for (RecordComponent component : type.getRecordComponents()) {
            if (component.getName().equals(listComponent)) {
                Type element = ((ParameterizedType) component.getGenericType()).getActualTypeArguments()[0];
                return recordSchema((Class<?>) element, description);
            }
        }
        throw new IllegalStateException(type + " has no component " + listComponent);
    }

    private static Schema schemaOf(Type type) {
        if (type instanceof ParameterizedType parameterized
                && Collection.class.isAssignableFrom((Class<?>) parameterized.getRawType())) {
            Type element = parameterized.getActualTypeArguments()[0];
            if (element instanceof Class<?> c && c.isRecord()) {
                return OASFactory.createSchema().type(Schema.SchemaType.ARRAY)
                        .items(OASFactory.createSchema().ref("#/components/schemas/" + c.getSimpleName()));
            }
            return OASFactory.createSchema().type(Schema.SchemaType.ARRAY).items(schemaOf(element));
        }
        Class<?> c = (Class<?>) (type instanceof ParameterizedType p ? p.getRawType() : type);
        if (c == String.class || c == UUID.class) {
            return OASFactory.createSchema().type(Schema.SchemaType.STRING);
        }
        if (c == int.class || c == Integer.class || c == long.class || c == Long.class || c == BigInteger.class) {
            return OASFactory.createSchema().type(Schema.SchemaType.INTEGER);
        }
        if (c == BigDecimal.class || c == double.class || c == Double.class) {
            return OASFactory.createSchema().type(Schema.SchemaType.NUMBER);
        }
        if (c == boolean.class || c == Boolean.class) {
            return OASFactory.createSchema().type(Schema.SchemaType.BOOLEAN);
        }
        if (c.isEnum()) {
            Schema schema = OASFactory.createSchema().type(Schema.SchemaType.STRING);
            for (Object constant : c.getEnumConstants()) {
                schema.addEnumeration(((Enum<?>) constant).name());
            }
            return schema;
        }
        if (Map.class.isAssignableFrom(c)) {
            return OASFactory.createSchema().type(Schema.SchemaType.OBJECT);
        }
        throw new IllegalStateException("No JSON schema for " + type + " in the problem detail");
    }

    private static void cleanMedia(MediaType media) {
        if (media.getSchema() != null) {
            clean(media.getSchema());
        }
    }

    /**
     * Removes what Payara copies from unset {@code @Schema} attributes: {@code maxProperties: 0} would
     * forbid every property, the rest are defaults that only add noise.
     */
    static void clean(Schema schema) {
        if (schema.getRef() != null) {
            return;
        }
        if (schema.getType() == Schema.SchemaType.ARRAY && schema.getProperties() != null
                && !schema.getProperties().isEmpty()) {
            // Payara writes @Schema(type = ARRAY, implementation = X.class) as an array with X's properties
            // (and, at times, an empty items schema)
            schema.setItems(OASFactory.createSchema().type(Schema.SchemaType.OBJECT).properties(schema.getProperties()));
            schema.setProperties(null);
        }
        if (Integer.valueOf(0).equals(schema.getMaxProperties())) {
            schema.setMaxProperties(null);
        }
        if (Integer.valueOf(0).equals(schema.getMinProperties())) {
            schema.setMinProperties(null);
        }
        if (Integer.valueOf(0).equals(schema.getMinLength())) {
            schema.setMinLength(null);
        }
        for (String flag : DEFAULTED_FLAGS) {
            Boolean value = switch (flag) {
                case "exclusiveMaximum" -> schema.getExclusiveMaximum();
                case "exclusiveMinimum" -> schema.getExclusiveMinimum();
                case "uniqueItems" -> schema.getUniqueItems();
                case "nullable" -> schema.getNullable();
                case "readOnly" -> schema.getReadOnly();
                case "writeOnly" -> schema.getWriteOnly();
                default -> schema.getDeprecated();
            };
            if (Boolean.FALSE.equals(value)) {
                switch (flag) {
                    case "exclusiveMaximum" -> schema.setExclusiveMaximum(null);
                    case "exclusiveMinimum" -> schema.setExclusiveMinimum(null);
                    case "uniqueItems" -> schema.setUniqueItems(null);
                    case "nullable" -> schema.setNullable(null);
                    case "readOnly" -> schema.setReadOnly(null);
                    case "writeOnly" -> schema.setWriteOnly(null);
                    default -> schema.setDeprecated(null);
                }
            }
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(ContractFilter::clean);
            Map<String, Schema> properties = new LinkedHashMap<>();
            schema.getProperties().forEach((name, property) -> properties.put(name, decimal(property)));
            schema.setProperties(properties);
        }
        if (schema.getItems() != null) {
            clean(schema.getItems());
            schema.setItems(decimal(schema.getItems()));
        }
        if (schema.getAdditionalPropertiesSchema() != null) {
            clean(schema.getAdditionalPropertiesSchema());
        }
        for (List<Schema> group : java.util.Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
            if (group != null) {
                group.forEach(ContractFilter::clean);
            }
        }
    }

    /**
     * Payara writes the exact decimals (BigDecimal; also long) as {@code number}, and ignores
     * {@code mp.openapi.schema.java.math.BigDecimal}. The server writes them as JSON numbers and reads
     * a number or the decimal as text ({@code "1500.00"}, as in the demo catalog): the contract says both.
     */
    private static Schema decimal(Schema schema) {
        if (schema.getRef() != null || schema.getType() != Schema.SchemaType.NUMBER || schema.getFormat() != null) {
            return schema;
        }
        Schema number = OASFactory.createSchema().type(Schema.SchemaType.NUMBER)
                .minimum(schema.getMinimum()).maximum(schema.getMaximum());
        Schema text = OASFactory.createSchema().type(Schema.SchemaType.STRING).pattern(DECIMAL_TEXT);
        return OASFactory.createSchema().description(schema.getDescription()).addOneOf(number).addOneOf(text);
    }

    /**
     * Payara adds a root property {@code endpoints} (the paths per context root) before filters run and
     * offers no setting to leave it out (set-openapi-configuration has none; MP Config neither). It is not
     * part of OpenAPI 3.0, so strict parsers reject the document; an empty map is not written.
     */
    private static void dropServerEndpointList(OpenAPI openAPI) {
        try {
            Method setter = openAPI.getClass().getMethod("setEndpoints", Map.class);
            setter.invoke(openAPI, new LinkedHashMap<String, Set<String>>());
        } catch (NoSuchMethodException e) {
            // another implementation: nothing to drop
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot drop the non-standard root property 'endpoints'", e);
        }
    }

    private static Map<String, String> ordered(String... statusAndDescription) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < statusAndDescription.length; i += 2) {
            map.put(statusAndDescription[i], statusAndDescription[i + 1]);
        }
        return map;
    }
}
