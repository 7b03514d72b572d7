package io.cpqoms.catalog.domain;

import io.cpqoms.catalog.api.CatalogDocument;
import io.cpqoms.catalog.api.CharacteristicSpecification;
import io.cpqoms.catalog.api.CoverageArea;
import io.cpqoms.catalog.api.FulfillmentStepSpecification;
import io.cpqoms.catalog.api.LineAction;
import io.cpqoms.catalog.api.PriceType;
import io.cpqoms.catalog.api.ProductOffering;
import io.cpqoms.catalog.api.ProductOfferingPrice;
import io.cpqoms.catalog.api.ProductOfferingRelationship;
import io.cpqoms.catalog.api.ProductSpecification;
import io.cpqoms.catalog.api.RelationshipType;
import io.cpqoms.kernel.Violation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The invariants of a catalog document (seed 002, section 6.3), checked as a whole. Every broken rule
 * is reported with its stable code and the element it concerns, so one answer lists everything that
 * must be fixed.
 */
public final class CatalogRules {

    public static final String REQUIRED_FIELD_MISSING = "REQUIRED_FIELD_MISSING";
    public static final String DUPLICATE_ID = "DUPLICATE_ID";
    public static final String CHARACTERISTIC_DUPLICATE = "CHARACTERISTIC_DUPLICATE";
    public static final String CHARACTERISTIC_VALUE_TYPE_MISMATCH = "CHARACTERISTIC_VALUE_TYPE_MISMATCH";
    public static final String CHARACTERISTIC_DEFAULT_NOT_ALLOWED = "CHARACTERISTIC_DEFAULT_NOT_ALLOWED";
    public static final String OFFERING_SPECIFICATION_NOT_FOUND = "OFFERING_SPECIFICATION_NOT_FOUND";
    public static final String OFFERING_VALIDITY_WINDOW_INVALID = "OFFERING_VALIDITY_WINDOW_INVALID";
    public static final String PRICE_AMOUNT_NEGATIVE = "PRICE_AMOUNT_NEGATIVE";
    public static final String PRICE_CURRENCY_UNKNOWN = "PRICE_CURRENCY_UNKNOWN";
    public static final String PRICE_RECURRING_PERIOD_MISSING = "PRICE_RECURRING_PERIOD_MISSING";
    public static final String PRICE_RECURRING_PERIOD_NOT_APPLICABLE = "PRICE_RECURRING_PERIOD_NOT_APPLICABLE";
    public static final String RELATIONSHIP_TARGET_NOT_FOUND = "RELATIONSHIP_TARGET_NOT_FOUND";
    public static final String RELATIONSHIP_SELF_REFERENCE = "RELATIONSHIP_SELF_REFERENCE";
    public static final String RELATIONSHIP_DUPLICATE = "RELATIONSHIP_DUPLICATE";
    public static final String REQUIRES_EXCLUDES_CONFLICT = "REQUIRES_EXCLUDES_CONFLICT";
    public static final String BUNDLE_CHILD_ON_NON_BUNDLE = "BUNDLE_CHILD_ON_NON_BUNDLE";
    public static final String BUNDLE_WITHOUT_CHILDREN = "BUNDLE_WITHOUT_CHILDREN";
    public static final String BUNDLE_CARDINALITY_INVALID = "BUNDLE_CARDINALITY_INVALID";
    public static final String BUNDLE_CYCLE = "BUNDLE_CYCLE";
    public static final String REQUIRES_CYCLE = "REQUIRES_CYCLE";
    public static final String FULFILLMENT_STEP_DUPLICATE = "FULFILLMENT_STEP_DUPLICATE";
    public static final String FULFILLMENT_RETRY_BUDGET_INVALID = "FULFILLMENT_RETRY_BUDGET_INVALID";
    public static final String FULFILLMENT_DURATION_INVALID = "FULFILLMENT_DURATION_INVALID";
    public static final String FULFILLMENT_DEPENDENCY_CYCLE = "FULFILLMENT_DEPENDENCY_CYCLE";
    public static final String COVERAGE_AREA_NOT_FOUND = "COVERAGE_AREA_NOT_FOUND";
    public static final String COVERAGE_AREA_DUPLICATE = "COVERAGE_AREA_DUPLICATE";
    public static final String CONFIGURATION_RULE_DUPLICATE_ID = "CONFIGURATION_RULE_DUPLICATE_ID";
    public static final String CONFIGURATION_RULE_CONDITION_INVALID = "CONFIGURATION_RULE_CONDITION_INVALID";
    public static final String CONFIGURATION_RULE_OFFERING_UNKNOWN = "CONFIGURATION_RULE_OFFERING_UNKNOWN";
    public static final String CONFIGURATION_RULE_CHARACTERISTIC_UNKNOWN = "CONFIGURATION_RULE_CHARACTERISTIC_UNKNOWN";
    public static final String CONFIGURATION_RULE_VALUE_NOT_ALLOWED = "CONFIGURATION_RULE_VALUE_NOT_ALLOWED";
    public static final String CONFIGURATION_RULE_DERIVES_VALUE_COUNT = "CONFIGURATION_RULE_DERIVES_VALUE_COUNT";
    public static final String CONFIGURATION_RULE_MESSAGE_PLACEHOLDER_UNKNOWN = "CONFIGURATION_RULE_MESSAGE_PLACEHOLDER_UNKNOWN";
    public static final String CONFIGURATION_RULE_DERIVATION_CYCLE = "CONFIGURATION_RULE_DERIVATION_CYCLE";

    private CatalogRules() {
    }

    public static List<Violation> check(CatalogDocument document) {
        List<Violation> violations = new ArrayList<>();
        Set<String> specificationIds = checkSpecifications(document.productSpecifications(), violations);
        Map<String, ProductOffering> offerings = checkOfferings(document.productOfferings(), specificationIds, violations);
        checkRelationships(offerings, violations);
        checkCycles(offerings, RelationshipType.REQUIRES, REQUIRES_CYCLE, "requires", violations);
        checkCycles(offerings, RelationshipType.BUNDLE_CHILD, BUNDLE_CYCLE, "contains", violations);
        checkCoverage(document, violations);
        PricingRules.check(document, violations);
        ConfigurationRuleChecks.check(document.productSpecifications(), offerings, violations);
        return violations;
    }

    private static Set<String> checkSpecifications(List<ProductSpecification> specifications, List<Violation> violations) {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < specifications.size(); i++) {
            ProductSpecification spec = specifications.get(i);
            String path = "productSpecifications[" + (isBlank(spec.id()) ? String.valueOf(i) : spec.id()) + "]";
            require(spec.id(), path + ".id", violations);
            require(spec.name(), path + ".name", violations);
            if (!isBlank(spec.id()) && !ids.add(spec.id())) {
                violations.add(new Violation(DUPLICATE_ID, path,
                        "Product specification id '" + spec.id() + "' is used more than once."));
            }
            Set<String> names = new HashSet<>();
            for (int c = 0; c < spec.characteristics().size(); c++) {
                CharacteristicSpecification ch = spec.characteristics().get(c);
                String chPath = path + ".characteristics[" + (isBlank(ch.name()) ? String.valueOf(c) : ch.name()) + "]";
                require(ch.name(), chPath + ".name", violations);
                if (ch.valueType() == null) {
                    violations.add(missing(chPath + ".valueType"));
                    continue;
                }
                if (!isBlank(ch.name()) && !names.add(ch.name())) {
                    violations.add(new Violation(CHARACTERISTIC_DUPLICATE, chPath,
                            "Characteristic '" + ch.name() + "' is declared more than once."));
                }
                for (String value : ch.allowedValues()) {
                    if (!ch.valueType().accepts(value)) {
                        violations.add(new Violation(CHARACTERISTIC_VALUE_TYPE_MISMATCH, chPath + ".allowedValues",
                                "Allowed value '" + value + "' is not a " + ch.valueType() + "."));
                    }
                }
                if (ch.defaultValue() != null) {
                    if (!ch.valueType().accepts(ch.defaultValue())) {
                        violations.add(new Violation(CHARACTERISTIC_VALUE_TYPE_MISMATCH, chPath + ".defaultValue",
                                "Default value '" + ch.defaultValue() + "' is not a " + ch.valueType() + "."));
                    } else if (!ch.allowedValues().isEmpty() && !ch.allowedValues().contains(ch.defaultValue())) {
                        violations.add(new Violation(CHARACTERISTIC_DEFAULT_NOT_ALLOWED, chPath + ".defaultValue",
                                "Default value '" + ch.defaultValue() + "' is not one of the allowed values "
                                        + ch.allowedValues() + "."));
                    }
                }
            }
            checkFulfillmentSteps(spec, path, violations);
        }
        return ids;
    }

    /** Fulfillment metadata: complete steps, one step per item type and action, no dependency cycle. */
    private static void checkFulfillmentSteps(ProductSpecification spec, String path, List<Violation> violations) {
        Map<LineAction, Map<String, List<String>>> graphs = new EnumMap<>(LineAction.class);
        for (int i = 0; i < spec.fulfillmentSteps().size(); i++) {
            FulfillmentStepSpecification step = spec.fulfillmentSteps().get(i);
            String stepPath = path + ".fulfillmentSteps[" + i + "]";
            if (step.action() == null) {
                violations.add(missing(stepPath + ".action"));
            }
            require(step.itemType(), stepPath + ".itemType", violations);
            require(step.responsibleSystem(), stepPath + ".responsibleSystem", violations);
            if (step.retryBudget() < 0) {
                violations.add(new Violation(FULFILLMENT_RETRY_BUDGET_INVALID, stepPath + ".maxRetries",
                        "The retry budget cannot be negative."));
            }
            if (step.expectedDuration() != null && (step.duration() == null || step.duration().isNegative()
                    || step.duration().isZero() || step.duration().compareTo(java.time.Duration.ofDays(366)) > 0)) {
                violations.add(new Violation(FULFILLMENT_DURATION_INVALID, stepPath + ".expectedDuration",
                        "The expected duration is an ISO-8601 duration above zero and at most a year (e.g. PT4H, P2D)."));
            }
            if (step.action() == null || isBlank(step.itemType())) {
                continue;
            }
            Map<String, List<String>> graph = graphs.computeIfAbsent(step.action(), a -> new LinkedHashMap<>());
            List<String> declared = graph.get(step.itemType());
            List<String> dependsOn = new ArrayList<>(declared == null ? List.of() : declared);
            dependsOn.addAll(step.dependsOn()); // a duplicate's dependencies count too, so every cycle is reported
            graph.put(step.itemType(), dependsOn);
            if (declared != null) {
                violations.add(new Violation(FULFILLMENT_STEP_DUPLICATE, stepPath, "Item type '" + step.itemType()
                        + "' is declared more than once for action " + step.action() + "."));
            }
        }
        graphs.forEach((action, graph) -> {
            Map<String, Integer> state = new HashMap<>();
            Set<String> reported = new HashSet<>();
            for (String start : graph.keySet()) {
                visit(start, graph, state, new ArrayList<>(), cycle -> {
                    if (reported.add(canonical(cycle))) {
                        violations.add(new Violation(FULFILLMENT_DEPENDENCY_CYCLE, path + ".fulfillmentSteps",
                                "Fulfillment steps for " + action + " form a cycle: " + String.join(" after ", cycle)
                                        + " after " + cycle.get(0) + "."));
                    }
                });
            }
        });
    }

    private static Map<String, ProductOffering> checkOfferings(List<ProductOffering> offerings, Set<String> specificationIds,
                                                               List<Violation> violations) {
        Map<String, ProductOffering> byId = new LinkedHashMap<>();
        Set<String> priceIds = new HashSet<>();
        for (int i = 0; i < offerings.size(); i++) {
            ProductOffering offering = offerings.get(i);
            String path = offeringPath(offering.id(), i);
            require(offering.id(), path + ".id", violations);
            require(offering.name(), path + ".name", violations);
            if (offering.lifecycleStatus() == null) {
                violations.add(missing(path + ".lifecycleStatus"));
            }
            if (!isBlank(offering.id()) && byId.putIfAbsent(offering.id(), offering) != null) {
                violations.add(new Violation(DUPLICATE_ID, path,
                        "Product offering id '" + offering.id() + "' is used more than once."));
            }
            if (isBlank(offering.productSpecificationId())) {
                violations.add(missing(path + ".productSpecificationId"));
            } else if (!specificationIds.contains(offering.productSpecificationId())) {
                violations.add(new Violation(OFFERING_SPECIFICATION_NOT_FOUND, path + ".productSpecificationId",
                        "Offering '" + offering.id() + "' references product specification '"
                                + offering.productSpecificationId() + "', which this catalog does not define."));
            }
            if (offering.validFrom() != null && offering.validTo() != null
                    && !offering.validTo().isAfter(offering.validFrom())) {
                violations.add(new Violation(OFFERING_VALIDITY_WINDOW_INVALID, path + ".validTo",
                        "Offering '" + offering.id() + "' ends (" + offering.validTo() + ") before it starts ("
                                + offering.validFrom() + ")."));
            }
            for (int p = 0; p < offering.prices().size(); p++) {
                checkPrice(offering.prices().get(p), path + ".prices[" + p + "]", priceIds, violations);
            }
        }
        return byId;
    }

    private static void checkPrice(ProductOfferingPrice price, String path, Set<String> priceIds, List<Violation> violations) {
        require(price.id(), path + ".id", violations);
        require(price.name(), path + ".name", violations);
        if (!isBlank(price.id()) && !priceIds.add(price.id())) {
            violations.add(new Violation(DUPLICATE_ID, path, "Price id '" + price.id() + "' is used more than once."));
        }
        if (price.priceType() == null) {
            violations.add(missing(path + ".priceType"));
        } else if (price.priceType() == PriceType.RECURRING && price.recurringPeriod() == null) {
            violations.add(new Violation(PRICE_RECURRING_PERIOD_MISSING, path + ".recurringPeriod",
                    "A recurring price must say its period (MONTH, QUARTER or YEAR)."));
        } else if (price.priceType() == PriceType.ONE_TIME && price.recurringPeriod() != null) {
            violations.add(new Violation(PRICE_RECURRING_PERIOD_NOT_APPLICABLE, path + ".recurringPeriod",
                    "A one-time price has no recurring period."));
        }
        if (price.amount() == null) {
            violations.add(missing(path + ".amount"));
        } else if (price.amount().compareTo(BigDecimal.ZERO) < 0) {
            violations.add(new Violation(PRICE_AMOUNT_NEGATIVE, path + ".amount",
                    "A price amount cannot be negative (" + price.amount().toPlainString() + ")."));
        }
        if (isBlank(price.currency())) {
            violations.add(missing(path + ".currency"));
        } else if (!isCurrency(price.currency())) {
            violations.add(new Violation(PRICE_CURRENCY_UNKNOWN, path + ".currency",
                    "'" + price.currency() + "' is not an ISO 4217 currency code."));
        }
    }

    /**
     * Eligibility data: coverage areas have an id (unique) and a name and list non-blank locations;
     * an offering names each of its coverage areas once, and only areas this catalog defines.
     */
    private static void checkCoverage(CatalogDocument document, List<Violation> violations) {
        Set<String> areaIds = new HashSet<>();
        for (int i = 0; i < document.coverageAreas().size(); i++) {
            CoverageArea area = document.coverageAreas().get(i);
            String path = "coverageAreas[" + (isBlank(area.id()) ? String.valueOf(i) : area.id()) + "]";
            require(area.id(), path + ".id", violations);
            require(area.name(), path + ".name", violations);
            if (!isBlank(area.id()) && !areaIds.add(area.id())) {
                violations.add(new Violation(DUPLICATE_ID, path, "Coverage area id '" + area.id() + "' is used more than once."));
            }
            for (int l = 0; l < area.locationIds().size(); l++) {
                require(area.locationIds().get(l), path + ".locationIds[" + l + "]", violations);
            }
        }
        for (int i = 0; i < document.productOfferings().size(); i++) {
            ProductOffering offering = document.productOfferings().get(i);
            String path = offeringPath(offering.id(), i);
            Set<String> named = new HashSet<>();
            for (int a = 0; a < offering.coverageAreaIds().size(); a++) {
                String areaId = offering.coverageAreaIds().get(a);
                String areaPath = path + ".coverageAreaIds[" + a + "]";
                if (isBlank(areaId)) {
                    violations.add(missing(areaPath));
                } else if (!areaIds.contains(areaId)) {
                    violations.add(new Violation(COVERAGE_AREA_NOT_FOUND, areaPath, "Offering '" + offering.id()
                            + "' is offered in coverage area '" + areaId + "', which this catalog does not define"
                            + (areaIds.isEmpty() ? "." : "; it defines " + areaIds.stream().sorted().toList() + ".")));
                } else if (!named.add(areaId)) {
                    violations.add(new Violation(COVERAGE_AREA_DUPLICATE, areaPath,
                            "Offering '" + offering.id() + "' names coverage area '" + areaId + "' twice."));
                }
            }
        }
    }

    private static void checkRelationships(Map<String, ProductOffering> offerings, List<Violation> violations) {
        for (ProductOffering offering : offerings.values()) {
            String path = offeringPath(offering.id(), 0);
            Map<RelationshipType, Set<String>> seen = new HashMap<>();
            boolean hasChild = false;
            for (int r = 0; r < offering.relationships().size(); r++) {
                ProductOfferingRelationship rel = offering.relationships().get(r);
                String relPath = path + ".relationships[" + r + "]";
                if (rel.type() == null) {
                    violations.add(missing(relPath + ".type"));
                    continue;
                }
                if (isBlank(rel.offeringId())) {
                    violations.add(missing(relPath + ".offeringId"));
                    continue;
                }
                if (rel.offeringId().equals(offering.id())) {
                    violations.add(new Violation(RELATIONSHIP_SELF_REFERENCE, relPath,
                            "Offering '" + offering.id() + "' cannot have a " + rel.type() + " relationship to itself."));
                    continue;
                }
                if (!offerings.containsKey(rel.offeringId())) {
                    violations.add(new Violation(RELATIONSHIP_TARGET_NOT_FOUND, relPath + ".offeringId",
                            "Offering '" + offering.id() + "' has a " + rel.type() + " relationship to '"
                                    + rel.offeringId() + "', which this catalog does not define."));
                    continue;
                }
                if (!seen.computeIfAbsent(rel.type(), t -> new HashSet<>()).add(rel.offeringId())) {
                    violations.add(new Violation(RELATIONSHIP_DUPLICATE, relPath,
                            "Offering '" + offering.id() + "' declares " + rel.type() + " '" + rel.offeringId() + "' twice."));
                }
                if (rel.type() == RelationshipType.BUNDLE_CHILD) {
                    hasChild = true;
                    if (!offering.bundle()) {
                        violations.add(new Violation(BUNDLE_CHILD_ON_NON_BUNDLE, relPath,
                                "Offering '" + offering.id() + "' is not a bundle, so it cannot contain '" + rel.offeringId() + "'."));
                    }
                    if (rel.min() < 0 || rel.max() < 1 || rel.min() > rel.max()) {
                        violations.add(new Violation(BUNDLE_CARDINALITY_INVALID, relPath,
                                "Cardinality " + rel.min() + ".." + rel.max() + " of '" + rel.offeringId()
                                        + "' is invalid: it needs 0 <= min <= max and max >= 1."));
                    }
                }
            }
            Set<String> required = seen.getOrDefault(RelationshipType.REQUIRES, Set.of());
            for (String excluded : seen.getOrDefault(RelationshipType.EXCLUDES, Set.of())) {
                if (required.contains(excluded)) {
                    violations.add(new Violation(REQUIRES_EXCLUDES_CONFLICT, path + ".relationships",
                            "Offering '" + offering.id() + "' both requires and excludes '" + excluded + "'."));
                }
            }
            if (offering.bundle() && !hasChild) {
                violations.add(new Violation(BUNDLE_WITHOUT_CHILDREN, path,
                        "Bundle '" + offering.id() + "' has no BUNDLE_CHILD relationship."));
            }
        }
    }

    /** Reports each cycle of the relationship type once, as the path that closes it. */
    private static void checkCycles(Map<String, ProductOffering> offerings, RelationshipType type, String rule,
                                    String verb, List<Violation> violations) {
        Map<String, List<String>> edges = new HashMap<>();
        offerings.values().forEach(o -> edges.put(o.id(), o.relationships().stream()
                .filter(r -> r.type() == type && r.offeringId() != null
                        && offerings.containsKey(r.offeringId()) && !r.offeringId().equals(o.id()))
                .map(ProductOfferingRelationship::offeringId)
                .toList()));
        Map<String, Integer> state = new HashMap<>(); // 1 = on the current path, 2 = done
        Set<String> reported = new HashSet<>();
        for (String start : edges.keySet().stream().sorted().toList()) {
            visit(start, edges, state, new ArrayList<>(), cycle -> {
                if (reported.add(canonical(cycle))) {
                    violations.add(new Violation(rule, offeringPath(cycle.get(0), 0) + ".relationships",
                            "Offerings form a cycle: " + String.join(" " + verb + " ", cycle) + " " + verb + " "
                                    + cycle.get(0) + "."));
                }
            });
        }
    }

    private static void visit(String node, Map<String, List<String>> edges, Map<String, Integer> state,
                              List<String> path, java.util.function.Consumer<List<String>> onCycle) {
        Integer s = state.get(node);
        if (s != null && s == 2) {
            return;
        }
        if (s != null && s == 1) {
            onCycle.accept(List.copyOf(path.subList(path.indexOf(node), path.size())));
            return;
        }
        state.put(node, 1);
        path.add(node);
        for (String next : edges.getOrDefault(node, List.of())) {
            visit(next, edges, state, path, onCycle);
        }
        path.remove(path.size() - 1);
        state.put(node, 2);
    }

    private static String canonical(List<String> cycle) {
        int first = cycle.indexOf(cycle.stream().sorted().findFirst().orElseThrow());
        List<String> rotated = new ArrayList<>(cycle.subList(first, cycle.size()));
        rotated.addAll(cycle.subList(0, first));
        return String.join(">", rotated);
    }

    private static String offeringPath(String id, int index) {
        return "productOfferings[" + (isBlank(id) ? String.valueOf(index) : id) + "]";
    }

    private static void require(String value, String path, List<Violation> violations) {
        if (isBlank(value)) {
            violations.add(missing(path));
        }
    }

    private static Violation missing(String path) {
        return new Violation(REQUIRED_FIELD_MISSING, path, path + " is required.");
    }

    private static boolean isCurrency(String code) {
        try {
            return Currency.getInstance(code).getCurrencyCode().equals(code);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
