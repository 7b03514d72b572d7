package io.cpqoms.catalog.domain;

import io.cpqoms.catalog.api.CharacteristicSpecification;
import io.cpqoms.catalog.api.ConfigurationRule;
import io.cpqoms.catalog.api.ConfigurationRuleType;
import io.cpqoms.catalog.api.ProductOffering;
import io.cpqoms.catalog.api.ProductOfferingRelationship;
import io.cpqoms.catalog.api.ProductSpecification;
import io.cpqoms.catalog.api.RelationshipType;
import io.cpqoms.catalog.api.RuleCondition;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The configuration rules of one catalog version, compiled once per specification and offering: rules
 * split by kind, message templates parsed, and what each scope's rules read or write, so that the
 * engine knows which characteristics and children a rule can concern without looking at every rule.
 * A published version never changes, so its index is built lazily and shared by every request.
 */
public final class ConfigurationRuleIndex {

    /** {@code {characteristic}} or {@code {offeringId.characteristic}} in a rule's message. */
    static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]+)}");

    private final Map<String, SpecificationRules> specifications = new ConcurrentHashMap<>();
    private final Map<String, OfferingRules> offerings = new ConcurrentHashMap<>();

    SpecificationRules specification(ProductSpecification specification) {
        return specifications.computeIfAbsent(specification.id(), id -> new SpecificationRules(specification));
    }

    OfferingRules offering(ProductOffering offering) {
        return offerings.computeIfAbsent(offering.id(), id -> new OfferingRules(offering));
    }

    /** A specification's characteristics by name and its rules (about its own characteristics). */
    static final class SpecificationRules {
        final Map<String, CharacteristicSpecification> characteristics;
        final RuleScope rules;

        SpecificationRules(ProductSpecification specification) {
            Map<String, CharacteristicSpecification> byName = new LinkedHashMap<>();
            specification.characteristics().forEach(c -> byName.putIfAbsent(c.name(), c));
            this.characteristics = Collections.unmodifiableMap(byName);
            this.rules = new RuleScope(specification.configurationRules());
        }
    }

    /** An offering's declared bundle children and its rules (about itself and its children). */
    static final class OfferingRules {
        final Map<String, ProductOfferingRelationship> children;
        final RuleScope rules;

        OfferingRules(ProductOffering offering) {
            Map<String, ProductOfferingRelationship> declared = new LinkedHashMap<>();
            offering.relationships().stream().filter(r -> r.type() == RelationshipType.BUNDLE_CHILD)
                    .forEach(r -> declared.putIfAbsent(r.offeringId(), r));
            this.children = Collections.unmodifiableMap(declared);
            this.rules = new RuleScope(offering.configurationRules());
        }
    }

    /** The rules of one scope (a specification or an offering) and what they read or write. */
    static final class RuleScope {
        final List<CompiledRule> rules;
        final List<CompiledRule> derives;
        /** Characteristics of the scope's own product that some rule names. */
        final Set<String> selfCharacteristics;
        /** Per child offering: the characteristics rules name ("" when a rule names the child's presence). */
        final Map<String, Set<String>> children;
        /** Per "offeringId|characteristic" (offeringId empty for the product itself): the values rules name. */
        final Map<String, Set<String>> values;

        RuleScope(List<ConfigurationRule> declared) {
            List<CompiledRule> all = new ArrayList<>();
            Set<String> self = new LinkedHashSet<>();
            Map<String, Set<String>> named = new HashMap<>();
            Map<String, Set<String>> values = new HashMap<>();
            for (ConfigurationRule rule : declared) {
                if (rule == null || rule.type() == null || rule.when() == null || rule.then() == null || rule.id() == null) {
                    continue; // the catalog rules refuse such a rule; a draft under test may still hold one
                }
                all.add(new CompiledRule(rule));
                for (RuleCondition condition : List.of(rule.when(), rule.then())) {
                    if (condition.offeringId() == null) {
                        if (condition.characteristic() != null) {
                            self.add(condition.characteristic());
                        }
                    } else {
                        named.computeIfAbsent(condition.offeringId(), o -> new LinkedHashSet<>())
                                .add(condition.characteristic() == null ? "" : condition.characteristic());
                    }
                    if (condition.characteristic() != null) {
                        values.computeIfAbsent(key(condition.offeringId(), condition.characteristic()),
                                k -> new LinkedHashSet<>()).addAll(condition.values());
                    }
                }
            }
            this.rules = List.copyOf(all);
            this.derives = all.stream().filter(r -> r.type == ConfigurationRuleType.DERIVES).toList();
            this.selfCharacteristics = Set.copyOf(self);
            this.children = Map.copyOf(named);
            this.values = Map.copyOf(values);
        }

        static String key(String offeringId, String characteristic) {
            return (offeringId == null ? "" : offeringId) + "|" + characteristic;
        }

        boolean isEmpty() {
            return rules.isEmpty();
        }

        boolean namesChild(String offeringId, String characteristic) {
            Set<String> named = children.get(offeringId);
            return named != null && named.contains(characteristic);
        }

        boolean namesChild(String offeringId) {
            return children.containsKey(offeringId);
        }

        Set<String> values(String offeringId, String characteristic) {
            return values.getOrDefault(key(offeringId, characteristic), Set.of());
        }
    }

    /** One rule with its message template parsed and the clause that states it ("requires x in [a, b]"). */
    static final class CompiledRule {
        final ConfigurationRule rule;
        final String id;
        final ConfigurationRuleType type;
        final RuleCondition when;
        final RuleCondition then;
        /** Literal text (String) and placeholders (RuleCondition without values) in order. */
        final List<Object> message;
        final String clause;

        CompiledRule(ConfigurationRule rule) {
            this.rule = rule;
            this.id = rule.id();
            this.type = rule.type();
            this.when = rule.when();
            this.then = rule.then();
            this.message = parse(rule.message() == null ? "" : rule.message());
            this.clause = clause(rule.type(), rule.then());
        }

        /** The derived value of a DERIVES rule about a characteristic. */
        String derivedValue() {
            return then.values().isEmpty() ? null : then.values().get(0);
        }

        /** Whether the rule names the presence of a child offering (a condition without characteristic). */
        boolean namesPresenceOf(String offeringId) {
            return (offeringId.equals(when.offeringId()) && when.characteristic() == null)
                    || (offeringId.equals(then.offeringId()) && then.characteristic() == null);
        }

        private static List<Object> parse(String template) {
            List<Object> parts = new ArrayList<>();
            Matcher m = PLACEHOLDER.matcher(template);
            int last = 0;
            while (m.find()) {
                parts.add(template.substring(last, m.start()));
                String name = m.group(1).trim();
                int dot = name.lastIndexOf('.');
                parts.add(dot < 0 ? new RuleCondition(null, name, List.of())
                        : new RuleCondition(name.substring(0, dot), name.substring(dot + 1), List.of()));
                last = m.end();
            }
            parts.add(template.substring(last));
            return List.copyOf(parts);
        }

        static String element(RuleCondition condition) {
            if (condition.offeringId() == null) {
                return String.valueOf(condition.characteristic());
            }
            return condition.characteristic() == null ? condition.offeringId()
                    : condition.offeringId() + "." + condition.characteristic();
        }

        private static String clause(ConfigurationRuleType type, RuleCondition then) {
            String element = element(then);
            return switch (type) {
                case REQUIRES -> "requires " + element + (then.characteristic() == null ? "" : " in " + then.values());
                case EXCLUDES -> "excludes " + element + (then.characteristic() == null ? "" : " in " + then.values());
                case DERIVES -> "derives " + element + (then.characteristic() == null ? ""
                        : " = " + (then.values().isEmpty() ? "?" : then.values().get(0)));
            };
        }
    }
}
