package io.cpqoms.catalog.domain;

import io.cpqoms.catalog.api.CharacteristicSpecification;
import io.cpqoms.catalog.api.ConfigurationRule;
import io.cpqoms.catalog.api.ConfigurationRuleType;
import io.cpqoms.catalog.api.ProductOffering;
import io.cpqoms.catalog.api.ProductOfferingRelationship;
import io.cpqoms.catalog.api.ProductSpecification;
import io.cpqoms.catalog.api.RelationshipType;
import io.cpqoms.catalog.api.RuleCondition;
import io.cpqoms.kernel.Violation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;

/**
 * The catalog rules about configuration rules (part of {@link CatalogRules}): every rule names
 * characteristics, offerings and values its scope knows, a DERIVES sets exactly one value, rule ids are
 * unique per specification and per offering, message placeholders resolve, and derivations do not
 * depend on each other in a cycle (so the engine's fixed point always exists).
 */
final class ConfigurationRuleChecks {

    /** What a rule's conditions may name: the product's own specification and, for a bundle, its children. */
    private record Scope(String owner, boolean specification, ProductSpecification self,
                         Map<String, ProductSpecification> children, Set<String> childIds) {
    }

    /** A fact a derivation reads or writes: a characteristic of a specification, or a child in a bundle. */
    private record Edge(String to, String ruleId, String rulePath) {
    }

    private final Map<String, ProductSpecification> specifications = new HashMap<>();
    private final Map<String, ProductOffering> offerings;
    private final List<Violation> violations;
    private final Map<String, List<Edge>> derivations = new TreeMap<>();

    private ConfigurationRuleChecks(List<ProductSpecification> specifications, Map<String, ProductOffering> offerings,
                                    List<Violation> violations) {
        specifications.forEach(s -> {
            if (s.id() != null) {
                this.specifications.putIfAbsent(s.id(), s);
            }
        });
        this.offerings = offerings;
        this.violations = violations;
    }

    static void check(List<ProductSpecification> specifications, Map<String, ProductOffering> offerings,
                      List<Violation> violations) {
        new ConfigurationRuleChecks(specifications, offerings, violations).check(specifications);
    }

    private void check(List<ProductSpecification> specificationList) {
        for (int i = 0; i < specificationList.size(); i++) {
            ProductSpecification spec = specificationList.get(i);
            String path = "productSpecifications[" + (isBlank(spec.id()) ? String.valueOf(i) : spec.id()) + "]";
            rules(spec.configurationRules(), path, new Scope(spec.id(), true, spec, Map.of(), Set.of()));
        }
        for (ProductOffering offering : offerings.values()) {
            Map<String, ProductSpecification> children = new LinkedHashMap<>();
            Set<String> childIds = new java.util.LinkedHashSet<>();
            for (ProductOfferingRelationship r : offering.relationships()) {
                if (r.type() == RelationshipType.BUNDLE_CHILD && r.offeringId() != null && offerings.containsKey(r.offeringId())) {
                    childIds.add(r.offeringId());
                    ProductSpecification childSpec = specifications.get(offerings.get(r.offeringId()).productSpecificationId());
                    if (childSpec != null) {
                        children.put(r.offeringId(), childSpec);
                    }
                }
            }
            rules(offering.configurationRules(), "productOfferings[" + offering.id() + "]",
                    new Scope(offering.id(), false, specifications.get(offering.productSpecificationId()), children, childIds));
        }
        cycles();
    }

    private void rules(List<ConfigurationRule> rules, String path, Scope scope) {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < rules.size(); i++) {
            ConfigurationRule rule = rules.get(i);
            String rulePath = path + ".configurationRules[" + (isBlank(rule.id()) ? String.valueOf(i) : rule.id()) + "]";
            require(rule.id(), rulePath + ".id");
            require(rule.message(), rulePath + ".message");
            if (rule.type() == null) {
                violations.add(missing(rulePath + ".type"));
            }
            if (!isBlank(rule.id()) && !ids.add(rule.id())) {
                violations.add(new Violation(CatalogRules.CONFIGURATION_RULE_DUPLICATE_ID, rulePath,
                        "Configuration rule id '" + rule.id() + "' is used more than once in '" + scope.owner() + "'."));
            }
            boolean whenValid = rule.when() == null ? missingCondition(rulePath + ".when")
                    : condition(rule.when(), rulePath + ".when", scope, false);
            boolean thenValid = rule.then() == null ? missingCondition(rulePath + ".then")
                    : condition(rule.then(), rulePath + ".then", scope, rule.type() == ConfigurationRuleType.DERIVES);
            if (rule.message() != null) {
                placeholders(rule.message(), rulePath + ".message", scope);
            }
            if (rule.type() == ConfigurationRuleType.DERIVES && whenValid && thenValid && !isBlank(rule.id())) {
                derivations.computeIfAbsent(fact(rule.when(), scope), f -> new ArrayList<>())
                        .add(new Edge(fact(rule.then(), scope), rule.id(), rulePath));
            }
        }
    }

    private boolean missingCondition(String path) {
        violations.add(missing(path));
        return false;
    }

    /** Checks one condition; true when it names known things (so it can take part in the cycle check). */
    private boolean condition(RuleCondition condition, String path, Scope scope, boolean derived) {
        if (scope.specification() && condition.offeringId() != null) {
            violations.add(new Violation(CatalogRules.CONFIGURATION_RULE_CONDITION_INVALID, path + ".offeringId",
                    "A specification's rules are about its own characteristics; they name no offering ('"
                            + condition.offeringId() + "')."));
            return false;
        }
        if (condition.offeringId() == null && isBlank(condition.characteristic())) {
            violations.add(new Violation(CatalogRules.CONFIGURATION_RULE_CONDITION_INVALID, path,
                    "A condition names a characteristic, a child offering, or both."));
            return false;
        }
        ProductSpecification target = scope.self();
        if (condition.offeringId() != null) {
            if (!scope.childIds().contains(condition.offeringId())) {
                violations.add(new Violation(CatalogRules.CONFIGURATION_RULE_OFFERING_UNKNOWN, path + ".offeringId",
                        "Offering '" + condition.offeringId() + "' is not a child of '" + scope.owner() + "'"
                                + (scope.childIds().isEmpty() ? ", which has no bundle children."
                                : "; its children are " + scope.childIds() + ".")));
                return false;
            }
            target = scope.children().get(condition.offeringId());
        }
        if (condition.characteristic() == null) {
            if (!condition.values().isEmpty()) {
                violations.add(new Violation(CatalogRules.CONFIGURATION_RULE_CONDITION_INVALID, path + ".values",
                        "A condition on the presence of '" + condition.offeringId() + "' takes no values."));
                return false;
            }
            return true;
        }
        if (target == null) {
            return false; // the offering's missing specification is reported by its own rule
        }
        CharacteristicSpecification ch = target.characteristics().stream()
                .filter(c -> condition.characteristic().equals(c.name())).findFirst().orElse(null);
        if (ch == null) {
            violations.add(new Violation(CatalogRules.CONFIGURATION_RULE_CHARACTERISTIC_UNKNOWN, path + ".characteristic",
                    "Characteristic '" + condition.characteristic() + "' is not defined by specification '" + target.id()
                            + "'."));
            return false;
        }
        boolean valid = true;
        if (derived && condition.values().size() != 1) {
            violations.add(new Violation(CatalogRules.CONFIGURATION_RULE_DERIVES_VALUE_COUNT, path + ".values",
                    "A DERIVES rule sets exactly one value of '" + ch.name() + "', not " + condition.values().size() + "."));
            valid = false;
        } else if (condition.values().isEmpty()) {
            violations.add(new Violation(CatalogRules.CONFIGURATION_RULE_CONDITION_INVALID, path + ".values",
                    "A condition on '" + ch.name() + "' names the values it is about."));
            valid = false;
        }
        for (String value : condition.values()) {
            if (ch.valueType() != null && !ch.valueType().accepts(value)) {
                violations.add(new Violation(CatalogRules.CONFIGURATION_RULE_VALUE_NOT_ALLOWED, path + ".values",
                        "'" + value + "' is not a " + ch.valueType() + " value of '" + ch.name() + "'."));
                valid = false;
            } else if (!ch.allowedValues().isEmpty() && !ch.allowedValues().contains(value)) {
                violations.add(new Violation(CatalogRules.CONFIGURATION_RULE_VALUE_NOT_ALLOWED, path + ".values",
                        "'" + value + "' is not an allowed value of '" + ch.name() + "'; allowed values are "
                                + ch.allowedValues() + "."));
                valid = false;
            }
        }
        return valid;
    }

    /** {characteristic} names the scope's own characteristic, {offeringId.characteristic} a child's. */
    private void placeholders(String message, String path, Scope scope) {
        Matcher m = ConfigurationRuleIndex.PLACEHOLDER.matcher(message);
        while (m.find()) {
            String name = m.group(1).trim();
            int dot = name.lastIndexOf('.');
            ProductSpecification target = dot < 0 ? scope.self() : scope.children().get(name.substring(0, dot));
            String characteristic = dot < 0 ? name : name.substring(dot + 1);
            boolean known = target != null && target.characteristics().stream().anyMatch(c -> characteristic.equals(c.name()));
            boolean unknowable = dot < 0 ? scope.self() == null
                    : scope.childIds().contains(name.substring(0, dot)) && target == null;
            if (!known && !unknowable) {
                violations.add(new Violation(CatalogRules.CONFIGURATION_RULE_MESSAGE_PLACEHOLDER_UNKNOWN, path,
                        "Placeholder {" + name + "} names no characteristic of '" + scope.owner() + "'"
                                + (scope.specification() ? "." : " or of its children.")));
            }
        }
    }

    /** The fact a well-formed condition is about. */
    private String fact(RuleCondition condition, Scope scope) {
        if (condition.offeringId() == null) {
            return (scope.self() == null ? scope.owner() : scope.self().id()) + "." + condition.characteristic();
        }
        if (condition.characteristic() == null) {
            return condition.offeringId() + " in " + scope.owner();
        }
        ProductSpecification child = scope.children().get(condition.offeringId());
        return (child == null ? condition.offeringId() : child.id()) + "." + condition.characteristic();
    }

    /** Each cycle of derivations once, as the chain of facts and the rules between them. */
    private void cycles() {
        Map<String, Integer> state = new HashMap<>(); // 1 on the current path, 2 done
        Set<String> reported = new HashSet<>();
        for (String start : derivations.keySet()) {
            visit(start, state, new ArrayList<>(), new ArrayList<>(), reported);
        }
    }

    private void visit(String fact, Map<String, Integer> state, List<String> facts, List<Edge> edges, Set<String> reported) {
        Integer s = state.get(fact);
        if (s != null && s == 2) {
            return;
        }
        if (s != null && s == 1) {
            int from = facts.indexOf(fact);
            List<Edge> cycle = edges.subList(from, edges.size());
            String key = cycle.stream().map(e -> e.rulePath()).sorted().toList().toString();
            if (reported.add(key)) {
                StringBuilder chain = new StringBuilder(facts.get(from));
                for (Edge e : cycle) {
                    chain.append(" derives ").append(e.to()).append(" (rule ").append(e.ruleId()).append(")");
                }
                violations.add(new Violation(CatalogRules.CONFIGURATION_RULE_DERIVATION_CYCLE, cycle.get(0).rulePath(),
                        "Derived values depend on each other in a cycle: " + chain + "."));
            }
            return;
        }
        state.put(fact, 1);
        facts.add(fact);
        for (Edge edge : derivations.getOrDefault(fact, List.of())) {
            edges.add(edge);
            visit(edge.to(), state, facts, edges, reported);
            edges.remove(edges.size() - 1);
        }
        facts.remove(facts.size() - 1);
        state.put(fact, 2);
    }

    private void require(String value, String path) {
        if (isBlank(value)) {
            violations.add(missing(path));
        }
    }

    private static Violation missing(String path) {
        return new Violation(CatalogRules.REQUIRED_FIELD_MISSING, path, path + " is required.");
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
