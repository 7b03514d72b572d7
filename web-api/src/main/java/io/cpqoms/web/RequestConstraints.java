package io.cpqoms.web;

import io.cpqoms.web.catalog.CatalogOfferingsResource;
import io.cpqoms.web.catalog.CatalogVersionsResource;
import io.cpqoms.web.configuration.ConfigurationEvaluationsResource;
import io.cpqoms.web.eligibility.AccountStandingsResource;
import io.cpqoms.web.eligibility.EligibilityChecksResource;
import io.cpqoms.web.fallout.FalloutCasesResource;
import io.cpqoms.web.fallout.FalloutWorklistResource;
import io.cpqoms.web.inventory.ProductInventoryResource;
import io.cpqoms.web.order.OrdersResource;
import io.cpqoms.web.pricing.PriceCalculationsResource;
import io.cpqoms.web.quote.ApprovalRequestsResource;
import io.cpqoms.web.quote.QuotesResource;
import io.cpqoms.web.worker.WorkerItemsResource;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Publishes the request records' Bean Validation constraints in their schemas: the declaration that
 * {@link JsonBodyReader} checks is the one a client reads (required fields, lengths, patterns, digits,
 * ranges, sizes of lists and maps) and no request schema admits other properties ({@code UNKNOWN_FIELD}).
 * Payara's own processing of the constraints cannot be used: it takes a constraint on a record's
 * constructor parameter for a path parameter's and fails the whole document.
 */
final class RequestConstraints {

    /** Every resource of the API; {@code RequestConstraintsTest} checks that none is missing. */
    static final List<Class<?>> RESOURCES = List.of(CatalogOfferingsResource.class, CatalogVersionsResource.class,
            ConfigurationEvaluationsResource.class, AccountStandingsResource.class, EligibilityChecksResource.class,
            FalloutCasesResource.class, FalloutWorklistResource.class, ProductInventoryResource.class, OrdersResource.class, PriceCalculationsResource.class,
            QuotesResource.class, ApprovalRequestsResource.class, WorkerItemsResource.class);

    private RequestConstraints() {
    }

    /** The records the resources bind as bodies, and every record inside them. */
    static Set<Class<?>> requestRecords() {
        Deque<Class<?>> pending = new ArrayDeque<>();
        for (Class<?> resource : RESOURCES) {
            for (Method method : resource.getMethods()) {
                for (Parameter parameter : method.getParameters()) {
                    if (parameter.getType().isRecord()) {
                        pending.add(parameter.getType());
                    }
                }
            }
        }
        Set<Class<?>> records = new HashSet<>();
        while (!pending.isEmpty()) {
            Class<?> record = pending.pop();
            if (records.add(record)) {
                for (RecordComponent component : record.getRecordComponents()) {
                    nestedRecords(component.getGenericType(), pending);
                }
            }
        }
        return records;
    }

    static void apply(Components components) {
        if (components == null || components.getSchemas() == null) {
            return;
        }
        for (Class<?> record : requestRecords()) {
            Schema schema = components.getSchemas().get(record.getSimpleName());
            if (schema == null || schema.getRef() != null) {
                continue;
            }
            schema.setAdditionalPropertiesBoolean(Boolean.FALSE);
            for (RecordComponent component : record.getRecordComponents()) {
                JsonbProperty renamed = component.getAnnotation(JsonbProperty.class);
                String name = renamed != null && !renamed.value().isEmpty() ? renamed.value() : component.getName();
                Field field = field(record, component);
                Schema property = schema.getProperties() == null ? null : schema.getProperties().get(name);
                if (field.isAnnotationPresent(NotNull.class) || field.isAnnotationPresent(NotBlank.class)
                        || field.isAnnotationPresent(NotEmpty.class)) {
                    if (schema.getRequired() == null || !schema.getRequired().contains(name)) {
                        schema.addRequired(name);
                    }
                }
                if (property != null && property.getRef() == null) {
                    for (Annotation annotation : field.getAnnotations()) {
                        constrain(property, annotation);
                    }
                }
            }
        }
    }

    private static void constrain(Schema schema, Annotation annotation) {
        Schema.SchemaType type = schema.getType();
        if (annotation instanceof Size size) {
            Integer max = size.max() == Integer.MAX_VALUE ? null : size.max();
            Integer min = size.min() == 0 ? null : size.min();
            if (type == Schema.SchemaType.STRING) {
                schema.maxLength(max).minLength(min != null ? min : schema.getMinLength());
            } else if (type == Schema.SchemaType.ARRAY) {
                schema.maxItems(max).minItems(min != null ? min : schema.getMinItems());
            } else if (type == Schema.SchemaType.OBJECT) {
                schema.maxProperties(max);
            }
        } else if (annotation instanceof NotBlank) {
            schema.minLength(1);
            if (schema.getPattern() == null) {
                schema.pattern("\\S");
            }
        } else if (annotation instanceof NotEmpty) {
            if (type == Schema.SchemaType.ARRAY) {
                schema.minItems(1);
            } else if (type == Schema.SchemaType.STRING) {
                schema.minLength(1);
            }
        } else if (annotation instanceof Pattern pattern) {
            schema.pattern("^" + pattern.regexp() + "$");
        } else if (annotation instanceof Positive) {
            number(schema).minimum(BigDecimal.ONE);
        } else if (annotation instanceof PositiveOrZero) {
            number(schema).minimum(BigDecimal.ZERO);
        } else if (annotation instanceof Min min) {
            number(schema).minimum(BigDecimal.valueOf(min.value()));
        } else if (annotation instanceof Max max) {
            number(schema).maximum(BigDecimal.valueOf(max.value()));
        } else if (annotation instanceof Digits digits) {
            BigDecimal limit = BigDecimal.TEN.pow(digits.integer());
            number(schema).maximum(limit).exclusiveMaximum(Boolean.TRUE).minimum(limit.negate()).exclusiveMinimum(Boolean.TRUE);
            schema.description("At most " + digits.integer() + " integer and " + digits.fraction() + " fraction digits."
                    + (schema.getDescription() == null ? "" : " " + schema.getDescription()));
        }
    }

    /** An exact decimal is a number or its text: the bounds go on the number. */
    private static Schema number(Schema schema) {
        for (List<Schema> group : java.util.Arrays.asList(schema.getOneOf(), schema.getAnyOf())) {
            if (group != null) {
                for (Schema alternative : group) {
                    if (alternative.getType() == Schema.SchemaType.NUMBER || alternative.getType() == Schema.SchemaType.INTEGER) {
                        return alternative;
                    }
                }
            }
        }
        return schema;
    }

    private static Field field(Class<?> record, RecordComponent component) {
        try {
            return record.getDeclaredField(component.getName());
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(record + " has no field " + component.getName(), e);
        }
    }

    private static void nestedRecords(Type type, Deque<Class<?>> pending) {
        if (type instanceof Class<?> c && c.isRecord()) {
            pending.add(c);
        } else if (type instanceof ParameterizedType p) {
            for (Type argument : p.getActualTypeArguments()) {
                nestedRecords(argument, pending);
            }
        }
    }

    /** Examples of the main bodies, as a client would send them. */
    static final Map<String, Object> EXAMPLES = Map.of(
            "NewQuote", Map.of("customerId", "cust-1", "accountId", "acct-1", "channel", "DIRECT_SALES"),
            "ConfigurationRequest", Map.of("offeringId", "po_enterprise_fiber", "quantity", 1,
                    "characteristics", Map.of("bandwidthMbps", "500", "siteId", "HQ")),
            "AcceptanceRequest", Map.of("revision", 1, "customerContact", "Dana Buyer", "evidenceReference", "signed-2026-118"),
            "QuoteConversion", Map.of("quoteId", "3f2b8c1e-0d4a-4b6e-9a51-7c2d1e0f9a10", "revision", 1,
                    "acceptanceId", "8a1d2c3b-4e5f-4a6b-9c7d-0e1f2a3b4c5d"),
            "DirectOrder", Map.of("customerId", "cust-2", "accountId", "acct-2", "priority", "HIGH",
                    "lines", List.of(Map.of("action", "ADD", "offeringId", "po_managed_router", "quantity", 2))),
            "CancellationRequest", Map.of("reason", "Customer withdrew", "initiator", "CUSTOMER"),
            "PriceOverrideRequest", Map.of("priceId", "pop_fiber_monthly", "amount", 450.00, "reason", "Competitive match"),
            "FalloutResolution", Map.of("action", "RETRY_ITEM", "note", "Port freed by field service"));

    static void examples(Components components) {
        if (components == null || components.getSchemas() == null) {
            return;
        }
        EXAMPLES.forEach((name, example) -> {
            Schema schema = components.getSchemas().get(name);
            if (schema != null && schema.getRef() == null) {
                schema.setExample(example);
            }
        });
    }
}
