package io.cpqoms.catalog.domain;

import io.cpqoms.catalog.api.CharacteristicSpecification;
import io.cpqoms.catalog.api.CharacteristicValueType;
import io.cpqoms.catalog.api.ConfigurationRequest;
import io.cpqoms.catalog.api.ConfigurationRuleType;
import io.cpqoms.catalog.api.ProductOffering;
import io.cpqoms.catalog.api.ProductOfferingRelationship;
import io.cpqoms.catalog.api.ProductSpecification;
import io.cpqoms.catalog.api.RuleCondition;
import io.cpqoms.catalog.api.ValueSource;
import io.cpqoms.catalog.domain.ConfigurationRuleIndex.CompiledRule;
import io.cpqoms.catalog.domain.ConfigurationRuleIndex.OfferingRules;
import io.cpqoms.catalog.domain.ConfigurationRuleIndex.RuleScope;
import io.cpqoms.catalog.domain.ConfigurationRuleIndex.SpecificationRules;
import io.cpqoms.kernel.Violation;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The configuration engine (seed 002, section 8): resolves a possibly partial configuration of an
 * offering against one catalog version and explains it. Pure: no state but the immutable version.
 *
 * <p>Resolution: a value the caller chose (USER) wins over a value a DERIVES rule sets (DERIVED, with
 * the rule), which wins over the catalog default (DEFAULT). A DERIVES rule about a child offering
 * without characteristic adds that child to the bundle when the caller did not (a DERIVED child).
 * Derivation is recomputed from the caller's choices round after round until a round changes nothing
 * (a fixed point); the catalog rules refuse derivation cycles, so this ends after at most as many
 * rounds as there are derivations, and a bound turns anything else into a violation. A caller's value
 * that differs from a derived one is kept and reported (RULE_DERIVATION_CONFLICT), never overwritten.
 *
 * <p>Findings are either violations (a choice breaks a rule and has to change) or missing (a required
 * value or child is not there yet); a partial configuration is incomplete rather than invalid. Every
 * finding names its element as a path into the request, and rule findings the rule: its catalog message
 * with the concrete values, then the rule's id and what it states, for example "Static IP /28 is not
 * allowed with 100 Mbps: rule STATIC-IP-BANDWIDTH requires bandwidthMbps in [500, 1000, 10000]".
 *
 * <p>Options: for every characteristic some rule names, each candidate value is tried (all other
 * selections kept) and compared with the characteristic having no value at all; a value is excluded by
 * the first rule it breaks. Characteristics no rule names keep all their allowed values, so only a few
 * what-if resolutions run per request.
 */
public final class ConfigurationEngine {

    public static final String OFFERING_NOT_FOUND = "OFFERING_NOT_FOUND";
    public static final String OFFERING_NOT_SELLABLE = "OFFERING_NOT_SELLABLE";
    public static final String QUANTITY_INVALID = "QUANTITY_INVALID";
    public static final String CHARACTERISTIC_UNKNOWN = "CHARACTERISTIC_UNKNOWN";
    public static final String CHARACTERISTIC_REQUIRED = "CHARACTERISTIC_REQUIRED";
    public static final String CHARACTERISTIC_VALUE_INVALID = "CHARACTERISTIC_VALUE_INVALID";
    public static final String CHARACTERISTIC_VALUE_NOT_ALLOWED = "CHARACTERISTIC_VALUE_NOT_ALLOWED";
    public static final String BUNDLE_CHILD_NOT_ALLOWED = "BUNDLE_CHILD_NOT_ALLOWED";
    public static final String BUNDLE_CARDINALITY_VIOLATED = "BUNDLE_CARDINALITY_VIOLATED";
    /** A REQUIRES rule holds and its consequence does not (a violation, or missing while it is absent). */
    public static final String RULE_REQUIRES_VIOLATED = "RULE_REQUIRES_VIOLATED";
    /** An EXCLUDES rule holds and its consequence is there too. */
    public static final String RULE_EXCLUDES_VIOLATED = "RULE_EXCLUDES_VIOLATED";
    /** A chosen value differs from the value a DERIVES rule sets (or two rules derive different values). */
    public static final String RULE_DERIVATION_CONFLICT = "RULE_DERIVATION_CONFLICT";
    /** Derivations did not settle within the bound (only a catalog with a derivation cycle can do that). */
    public static final String RULE_DERIVATION_UNSTABLE = "RULE_DERIVATION_UNSTABLE";

    private final CatalogIndex catalog;
    private final ConfigurationRuleIndex rules;
    private final Instant at;

    public ConfigurationEngine(CatalogIndex catalog, Instant at) {
        this.catalog = catalog;
        this.rules = catalog.configurationRules();
        this.at = at;
    }

    /** Resolves and checks a configuration; target is the path prefix of every finding (may be empty). */
    public ConfigurationOutcome check(ConfigurationRequest request, String target) {
        return run(request, target, false);
    }

    /** Resolves, checks and explains: also the options of every characteristic and declared child. */
    public ConfigurationOutcome evaluate(ConfigurationRequest request, String target) {
        return run(request, target, true);
    }

    private ConfigurationOutcome run(ConfigurationRequest request, String target, boolean withOptions) {
        Object root = input(request, target == null ? "" : target);
        if (root instanceof Finding notFound) {
            return new ConfigurationOutcome(catalog.versionId(), null, List.of(notFound), null);
        }
        Input input = (Input) root;
        Resolution resolution = new Resolution(input, null);
        Options options = withOptions ? new Options(input, resolution) : null;
        return new ConfigurationOutcome(catalog.versionId(), resolution.root, resolution.findings, options);
    }

    // ---- the request, validated once ----------------------------------------------------------

    /** A requested product of a known offering: what the caller chose, with what is wrong on its face. */
    static final class Input {
        final ProductOffering offering;
        final ProductSpecification specification;
        final BigDecimal quantity;
        final String path;
        final Map<String, String> values = new LinkedHashMap<>();
        final List<Finding> head = new ArrayList<>();
        /** Children in request order: an Input, or the Finding that refused it. */
        final List<Object> entries = new ArrayList<>();
        final int requestedChildren;

        Input(ProductOffering offering, ProductSpecification specification, BigDecimal quantity, String path,
              int requestedChildren) {
            this.offering = offering;
            this.specification = specification;
            this.quantity = quantity;
            this.path = path;
            this.requestedChildren = requestedChildren;
        }
    }

    private Object input(ConfigurationRequest request, String path) {
        if (request.offeringId() == null || request.offeringId().isBlank()) {
            return Finding.of(OFFERING_NOT_FOUND, at(path, "offeringId"), false, "An offering id is required.");
        }
        Optional<ProductOffering> found = catalog.offering(request.offeringId());
        if (found.isEmpty()) {
            return Finding.of(OFFERING_NOT_FOUND, at(path, "offeringId"), false, "Offering '" + request.offeringId()
                    + "' does not exist in catalog version " + catalog.versionId() + ".");
        }
        ProductOffering offering = found.get();
        ProductSpecification specification = catalog.specification(offering.productSpecificationId()).orElseThrow();
        BigDecimal quantity = request.quantity() == null ? BigDecimal.ONE : request.quantity();
        Input input = new Input(offering, specification, quantity, path, request.children().size());
        if (!offering.isSellableAt(at)) {
            input.head.add(Finding.of(notSellable(offering, at, at(path, "offeringId"))));
        }
        if (quantity.signum() <= 0 || quantity.stripTrailingZeros().scale() > 0) {
            input.head.add(Finding.of(QUANTITY_INVALID, at(path, "quantity"), false,
                    "Quantity must be a positive whole number, not " + quantity.toPlainString() + "."));
        }
        Map<String, CharacteristicSpecification> known = rules.specification(specification).characteristics;
        request.characteristics().keySet().stream().filter(name -> !known.containsKey(name)).sorted().forEach(name ->
                input.head.add(Finding.of(CHARACTERISTIC_UNKNOWN, at(path, "characteristics." + name), false,
                        "Characteristic '" + name + "' is not defined by specification '" + specification.id()
                                + "'; it defines " + known.keySet() + ".")));
        for (String name : known.keySet()) {
            String value = request.characteristics().get(name);
            if (value != null && !value.isBlank()) {
                input.values.put(name, value);
            }
        }
        Map<String, ProductOfferingRelationship> declared = rules.offering(offering).children;
        for (int i = 0; i < request.children().size(); i++) {
            ConfigurationRequest child = request.children().get(i);
            String childPath = at(path, "children[" + i + "]");
            if (!declared.containsKey(child.offeringId())) {
                input.entries.add(Finding.of(BUNDLE_CHILD_NOT_ALLOWED, at(childPath, "offeringId"), false, "Offering '"
                        + child.offeringId() + "' is not a child of '" + offering.id() + "'"
                        + (declared.isEmpty() ? ", which is not a bundle." : "; its children are " + declared.keySet() + ".")));
            } else {
                input.entries.add(input(child, childPath));
            }
        }
        return input;
    }

    static String at(String path, String element) {
        return path == null || path.isEmpty() ? element : path + "." + element;
    }

    // ---- one resolution of the tree ------------------------------------------------------------

    /** A what-if: one characteristic of one product set to a value (null: no value at all), or one more child. */
    private record Override(String nodeKey, String characteristic, String value, String addChild) {

        static Override value(String nodeKey, String characteristic, String value) {
            return new Override(nodeKey, characteristic, value, null);
        }

        static Override child(String nodeKey, String offeringId) {
            return new Override(nodeKey, null, null, offeringId);
        }
    }

    /** A value a DERIVES rule set, and where the rule was evaluated. */
    private record Derived(String value, CompiledRule rule, String scopeKey) {
    }

    /** A product of the resolved tree. Keys identify products across derivation rounds and what-ifs. */
    final class Node {
        final String key;
        final String path;
        final Input input;
        final ProductOffering offering;
        final ProductSpecification specification;
        final BigDecimal quantity;
        final Node parent;
        final CompiledRule derivedBy;
        final SpecificationRules specificationRules;
        final OfferingRules offeringRules;
        final List<Finding> head;
        /** Children in request order (Node or Finding), then a what-if's extra child. */
        final List<Object> entries = new ArrayList<>();
        final List<Node> children = new ArrayList<>();
        final Map<String, Node> derivedChildren = new LinkedHashMap<>();
        Map<String, Derived> derived = Map.of();
        private final String overridden;
        private final String overrideValue;

        Node(Input input, ProductOffering offering, ProductSpecification specification, BigDecimal quantity, String key,
             String path, Node parent, CompiledRule derivedBy, Override override) {
            this.key = key;
            this.path = path;
            this.input = input;
            this.offering = offering;
            this.specification = specification;
            this.quantity = quantity;
            this.parent = parent;
            this.derivedBy = derivedBy;
            this.specificationRules = rules.specification(specification);
            this.offeringRules = rules.offering(offering);
            boolean mine = override != null && override.characteristic() != null && override.nodeKey().equals(key);
            this.overridden = mine ? override.characteristic() : null;
            this.overrideValue = mine ? override.value() : null;
            if (input != null) {
                this.head = input.head;
            } else {
                this.head = offering.isSellableAt(at) ? List.of()
                        : List.of(Finding.of(notSellable(offering, at, at(path, "offeringId"))));
            }
        }

        CharacteristicSpecification characteristic(String name) {
            return specificationRules.characteristics.get(name);
        }

        String offeringName(String offeringId) {
            return catalog.offering(offeringId).map(ProductOffering::name).orElse(offeringId);
        }

        /** The caller's value (or a what-if's), null if none. */
        String userValue(String name) {
            if (name.equals(overridden)) {
                return overrideValue;
            }
            return input == null ? null : input.values.get(name);
        }

        /** The resolved value: the caller's, else the derived one, else the default; null if none. */
        String value(String name) {
            if (name.equals(overridden)) {
                return overrideValue;
            }
            String user = userValue(name);
            if (user != null) {
                return user;
            }
            Derived d = derived.get(name);
            if (d != null) {
                return d.value();
            }
            CharacteristicSpecification ch = characteristic(name);
            return ch == null || ch.defaultValue() == null || ch.defaultValue().isBlank() ? null : ch.defaultValue();
        }

        ValueSource source(String name) {
            if (name.equals(overridden) || userValue(name) != null) {
                return ValueSource.USER;
            }
            return derived.containsKey(name) ? ValueSource.DERIVED : ValueSource.DEFAULT;
        }

        String derivedRule(String name) {
            Derived d = derived.get(name);
            return d == null || source(name) != ValueSource.DERIVED ? null : d.rule().id;
        }

        List<Node> allChildren() {
            if (derivedChildren.isEmpty()) {
                return children;
            }
            List<Node> all = new ArrayList<>(children);
            all.addAll(derivedChildren.values());
            return all;
        }

        List<Node> children(String offeringId) {
            List<Node> found = new ArrayList<>(2);
            for (Node child : children) {
                if (child.offering.id().equals(offeringId)) {
                    found.add(child);
                }
            }
            for (Node child : derivedChildren.values()) {
                if (child.offering.id().equals(offeringId)) {
                    found.add(child);
                }
            }
            return found;
        }

        boolean requestedChild(String offeringId) {
            for (Node child : children) {
                if (child.offering.id().equals(offeringId)) {
                    return true;
                }
            }
            return false;
        }

        void preorder(List<Node> into) {
            into.add(this);
            for (Node child : children) {
                child.preorder(into);
            }
            for (Node child : derivedChildren.values()) {
                child.preorder(into);
            }
        }
    }

    /** The tree resolved to its fixed point, and every finding in a stable order. */
    final class Resolution {
        final Node root;
        final List<Finding> findings = new ArrayList<>();
        private final Override override;
        private final Map<String, List<Finding>> conflicts = new HashMap<>();
        private boolean unstable;
        private int rounds;

        Resolution(Input input, Override override) {
            this.override = override;
            this.root = node(input, null, override);
            derive();
            collect(root, findings);
        }

        private Node node(Input input, Node parent, Override override) {
            Node node = new Node(input, input.offering, input.specification, input.quantity, input.path, input.path,
                    parent, null, override);
            for (Object entry : input.entries) {
                if (entry instanceof Input child) {
                    Node childNode = node(child, node, override);
                    node.children.add(childNode);
                    node.entries.add(childNode);
                } else {
                    node.entries.add(entry);
                }
            }
            if (override != null && override.addChild() != null && override.nodeKey().equals(node.key)) {
                catalog.offering(override.addChild()).ifPresent(offering -> {
                    String path = at(node.path, "children[" + input.requestedChildren + "]");
                    Node extra = new Node(null, offering,
                            catalog.specification(offering.productSpecificationId()).orElseThrow(), BigDecimal.ONE,
                            path, path, node, null, override);
                    node.children.add(extra);
                    node.entries.add(extra);
                });
            }
            return node;
        }

        // -- derivation to a fixed point --

        private void derive() {
            Map<String, Map<String, Derived>> values = Map.of();
            Map<String, Map<String, CompiledRule>> options = Map.of();
            while (true) {
                rounds++;
                conflicts.clear();
                Map<String, Map<String, Derived>> nextValues = new LinkedHashMap<>();
                Map<String, Map<String, CompiledRule>> nextOptions = new LinkedHashMap<>();
                List<Node> nodes = nodes();
                int derivations = 0;
                for (Node node : nodes) {
                    derivations += node.specificationRules.rules.derives.size() + node.offeringRules.rules.derives.size();
                    for (CompiledRule rule : node.specificationRules.rules.derives) {
                        derive(rule, node, nextValues, nextOptions);
                    }
                    for (CompiledRule rule : node.offeringRules.rules.derives) {
                        derive(rule, node, nextValues, nextOptions);
                    }
                }
                if (nextValues.equals(values) && nextOptions.equals(options)) {
                    return;
                }
                if (rounds > derivations + 1) {
                    unstable = true;
                    return;
                }
                apply(nodes, nextValues, nextOptions);
                values = nextValues;
                options = nextOptions;
            }
        }

        private List<Node> nodes() {
            List<Node> nodes = new ArrayList<>();
            root.preorder(nodes);
            return nodes;
        }

        /** One DERIVES rule in one round: the values it sets and the children it adds (the first rule wins). */
        private void derive(CompiledRule rule, Node scope, Map<String, Map<String, Derived>> values,
                            Map<String, Map<String, CompiledRule>> options) {
            if (!holds(rule.when, scope)) {
                return;
            }
            RuleCondition then = rule.then;
            if (then.characteristic() == null) {
                if (then.offeringId() != null && !scope.requestedChild(then.offeringId())) {
                    options.computeIfAbsent(scope.key, k -> new LinkedHashMap<>()).putIfAbsent(then.offeringId(), rule);
                }
                return;
            }
            String value = rule.derivedValue();
            if (value == null) {
                return;
            }
            for (Node target : refs(then, scope)) {
                Map<String, Derived> ofTarget = values.computeIfAbsent(target.key, k -> new HashMap<>());
                Derived existing = ofTarget.get(then.characteristic());
                if (existing == null) {
                    ofTarget.put(then.characteristic(), new Derived(value, rule, scope.key));
                } else if (!same(target, then.characteristic(), existing.value(), value)) {
                    conflict(rule, scope, Finding.rule(RULE_DERIVATION_CONFLICT, rule, scope.key,
                            at(target.path, "characteristics." + then.characteristic()), false,
                            () -> explain(rule, scope, target) + ", but rule " + existing.rule().id + " derives "
                                    + existing.value() + "."));
                }
            }
        }

        /** Makes a round's derivations the tree's: derived values replaced, derived children added or dropped. */
        private void apply(List<Node> nodes, Map<String, Map<String, Derived>> values,
                           Map<String, Map<String, CompiledRule>> options) {
            for (Node node : nodes) {
                node.derived = values.getOrDefault(node.key, Map.of());
                Map<String, CompiledRule> wanted = options.getOrDefault(node.key, Map.of());
                node.derivedChildren.keySet().removeIf(offeringId -> !wanted.containsKey(offeringId));
                wanted.forEach((offeringId, rule) -> {
                    if (!node.derivedChildren.containsKey(offeringId)) {
                        catalog.offering(offeringId).ifPresent(offering -> {
                            int index = node.entries.size() + node.derivedChildren.size();
                            String path = at(node.path, "children[" + index + "]");
                            node.derivedChildren.put(offeringId, new Node(null, offering,
                                    catalog.specification(offering.productSpecificationId()).orElseThrow(),
                                    BigDecimal.ONE, node.key + "+" + offeringId, path, node, rule, override));
                        });
                    }
                });
            }
        }

        private void conflict(CompiledRule rule, Node scope, Finding finding) {
            conflicts.computeIfAbsent(scope.key + "/" + rule.id, k -> new ArrayList<>()).add(finding);
        }

        // -- findings, in a stable order --

        private void collect(Node node, List<Finding> out) {
            if (node == root && unstable) {
                out.add(Finding.of(RULE_DERIVATION_UNSTABLE, node.path.isEmpty() ? "configuration" : node.path, false,
                        "Derived values did not settle after " + rounds + " rounds; the catalog's DERIVES rules depend "
                                + "on each other in a cycle."));
            }
            out.addAll(node.head);
            characteristics(node, out);
            rules(node, node.specificationRules.rules, out);
            for (Object entry : node.entries) {
                if (entry instanceof Node child) {
                    collect(child, out);
                } else {
                    out.add((Finding) entry);
                }
            }
            for (Node child : node.derivedChildren.values()) {
                collect(child, out);
            }
            cardinality(node, out);
            rules(node, node.offeringRules.rules, out);
        }

        private void characteristics(Node node, List<Finding> out) {
            for (CharacteristicSpecification ch : node.specificationRules.characteristics.values()) {
                String path = at(node.path, "characteristics." + ch.name());
                String value = node.value(ch.name());
                if (value == null || value.isBlank()) {
                    if (ch.required()) {
                        out.add(Finding.of(CHARACTERISTIC_REQUIRED, path, true,
                                "Characteristic '" + ch.name() + "' is required and has no default."));
                    }
                    continue;
                }
                if (ch.valueType() != null && !ch.valueType().accepts(value)) {
                    out.add(Finding.of(CHARACTERISTIC_VALUE_INVALID, path, false,
                            "'" + value + "' is not a " + ch.valueType() + " value."));
                } else if (!ch.allowedValues().isEmpty() && !ch.allowedValues().contains(value)) {
                    out.add(Finding.of(CHARACTERISTIC_VALUE_NOT_ALLOWED, path, false, "'" + value + "' is not allowed for '"
                            + ch.name() + "'; allowed values are " + ch.allowedValues() + "."));
                }
            }
        }

        private void cardinality(Node node, List<Finding> out) {
            Map<String, ProductOfferingRelationship> declared = node.offeringRules.children;
            if (declared.isEmpty()) {
                return;
            }
            Map<String, Integer> counts = new HashMap<>();
            node.allChildren().forEach(c -> counts.merge(c.offering.id(), 1, Integer::sum));
            for (ProductOfferingRelationship relationship : declared.values()) {
                int count = counts.getOrDefault(relationship.offeringId(), 0);
                if (count < relationship.min() || count > relationship.max()) {
                    out.add(Finding.of(BUNDLE_CARDINALITY_VIOLATED, at(node.path, "children"), count < relationship.min(),
                            "Bundle '" + node.offering.id() + "' must hold " + relationship.min() + ".."
                                    + relationship.max() + " of '" + relationship.offeringId() + "', not " + count + "."));
                }
            }
        }

        private void rules(Node scope, RuleScope ruleScope, List<Finding> out) {
            for (CompiledRule rule : ruleScope.rules) {
                if (rule.type == ConfigurationRuleType.DERIVES) {
                    derivationConflicts(rule, scope, out);
                } else {
                    check(rule, scope, out);
                }
            }
        }

        private void derivationConflicts(CompiledRule rule, Node scope, List<Finding> out) {
            List<Finding> between = conflicts.get(scope.key + "/" + rule.id);
            if (between != null) {
                out.addAll(between);
            }
            String characteristic = rule.then.characteristic();
            if (characteristic == null || !holds(rule.when, scope)) {
                return;
            }
            for (Node target : refs(rule.then, scope)) {
                Derived d = target.derived.get(characteristic);
                String user = target.userValue(characteristic);
                if (d != null && d.rule() == rule && d.scopeKey().equals(scope.key) && user != null
                        && !same(target, characteristic, user, d.value())) {
                    out.add(Finding.rule(RULE_DERIVATION_CONFLICT, rule, scope.key,
                            at(target.path, "characteristics." + characteristic), false,
                            () -> explain(rule, scope, target) + ", not " + user + "."));
                }
            }
        }

        private void check(CompiledRule rule, Node scope, List<Finding> out) {
            if (!holds(rule.when, scope)) {
                return;
            }
            RuleCondition then = rule.then;
            String characteristic = then.characteristic();
            List<Node> refs = refs(then, scope);
            String code = rule.type == ConfigurationRuleType.REQUIRES ? RULE_REQUIRES_VIOLATED : RULE_EXCLUDES_VIOLATED;
            if (rule.type == ConfigurationRuleType.REQUIRES) {
                if (refs.isEmpty()) {
                    out.add(Finding.rule(code, rule, scope.key, at(scope.path, "children"), true,
                            () -> explain(rule, scope, null) + "."));
                    return;
                }
                if (characteristic == null) {
                    return;
                }
                Node unset = null;
                for (Node n : refs) {
                    String value = n.value(characteristic);
                    if (value == null) {
                        unset = unset == null ? n : unset;
                    } else if (!in(n, characteristic, value, then.values())) {
                        out.add(Finding.rule(code, rule, scope.key, at(n.path, "characteristics." + characteristic), false,
                                () -> explain(rule, scope, n) + "."));
                        return;
                    }
                }
                if (unset != null) {
                    Node missing = unset;
                    out.add(Finding.rule(code, rule, scope.key, at(missing.path, "characteristics." + characteristic), true,
                            () -> explain(rule, scope, missing) + "."));
                }
                return;
            }
            for (Node n : refs) {
                if (characteristic == null) {
                    out.add(Finding.rule(code, rule, scope.key, at(n.path, "offeringId"), false,
                            () -> explain(rule, scope, n) + "."));
                    return;
                }
                String value = n.value(characteristic);
                if (value != null && in(n, characteristic, value, then.values())) {
                    out.add(Finding.rule(code, rule, scope.key, at(n.path, "characteristics." + characteristic), false,
                            () -> explain(rule, scope, n) + "."));
                    return;
                }
            }
        }

        // -- conditions --

        private List<Node> refs(RuleCondition condition, Node scope) {
            return condition.offeringId() == null ? List.of(scope) : scope.children(condition.offeringId());
        }

        private boolean holds(RuleCondition condition, Node scope) {
            String characteristic = condition.characteristic();
            if (condition.offeringId() == null) {
                return characteristic == null || matches(scope, characteristic, condition.values());
            }
            List<Node> refs = scope.children(condition.offeringId());
            if (characteristic == null) {
                return !refs.isEmpty();
            }
            for (Node n : refs) {
                if (matches(n, characteristic, condition.values())) {
                    return true;
                }
            }
            return false;
        }

        private boolean matches(Node node, String characteristic, List<String> values) {
            String value = node.value(characteristic);
            return value != null && in(node, characteristic, value, values);
        }

        /** The rule's catalog message with the concrete values, then its id and what it states. */
        String explain(CompiledRule rule, Node scope, Node consequence) {
            StringBuilder text = new StringBuilder();
            for (Object part : rule.message) {
                if (part instanceof String literal) {
                    text.append(literal);
                } else {
                    RuleCondition placeholder = (RuleCondition) part;
                    text.append(placeholder(rule, scope, consequence, placeholder));
                }
            }
            String message = text.toString().strip();
            while (message.endsWith(".")) {
                message = message.substring(0, message.length() - 1);
            }
            return (message.isEmpty() ? "" : message + ": ") + "rule " + rule.id + " " + rule.clause;
        }

        private String placeholder(CompiledRule rule, Node scope, Node consequence, RuleCondition placeholder) {
            Node node;
            String offeringId = placeholder.offeringId();
            if (offeringId == null) {
                node = scope;
            } else if (consequence != null && offeringId.equals(rule.then.offeringId())) {
                node = consequence;
            } else {
                List<Node> refs = scope.children(offeringId);
                node = refs.stream().filter(n -> offeringId.equals(rule.when.offeringId()) && rule.when.characteristic() != null
                        && matches(n, rule.when.characteristic(), rule.when.values())).findFirst()
                        .orElse(refs.isEmpty() ? null : refs.get(0));
            }
            String value = node == null ? null : node.value(placeholder.characteristic());
            return value == null ? "(none)" : value;
        }
    }

    /** Whether a value is one of the values, numerically for numbers (so 99.90 is 99.9). */
    static boolean in(Node node, String characteristic, String value, List<String> values) {
        CharacteristicSpecification ch = node.characteristic(characteristic);
        CharacteristicValueType type = ch == null ? null : ch.valueType();
        for (String candidate : values) {
            if (equal(type, value, candidate)) {
                return true;
            }
        }
        return false;
    }

    private static boolean same(Node node, String characteristic, String a, String b) {
        CharacteristicSpecification ch = node.characteristic(characteristic);
        return equal(ch == null ? null : ch.valueType(), a, b);
    }

    private static boolean equal(CharacteristicValueType type, String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        if ((type == CharacteristicValueType.INTEGER || type == CharacteristicValueType.DECIMAL)
                && type.accepts(a) && type.accepts(b)) {
            return new BigDecimal(a).compareTo(new BigDecimal(b)) == 0;
        }
        return false;
    }

    /** Why an offering cannot be sold at an instant. */
    public static Violation notSellable(ProductOffering offering, Instant at, String target) {
        return new Violation(OFFERING_NOT_SELLABLE, target, "Offering '" + offering.id() + "' is "
                + offering.lifecycleStatus() + " with validity [" + (offering.validFrom() == null ? "-" : offering.validFrom())
                + ", " + (offering.validTo() == null ? "-" : offering.validTo()) + ") and cannot be sold at " + at
                + "; only ACTIVE offerings inside their validity window can.");
    }

    // ---- options: what can still be chosen, and why not --------------------------------------

    /** The options of every product of a resolved tree, from what-if resolutions. */
    final class Options {
        private final Input input;
        private final Map<String, List<ExcludedOption>> values = new HashMap<>();
        private final Map<String, ExcludedOption> children = new HashMap<>();

        Options(Input input, Resolution base) {
            this.input = input;
            List<Node> nodes = new ArrayList<>();
            base.root.preorder(nodes);
            for (Node node : nodes) {
                for (CharacteristicSpecification ch : node.specificationRules.characteristics.values()) {
                    if (named(node, ch.name())) {
                        values.put(node.key + "#" + ch.name(), excluded(node, ch, base));
                    }
                }
                for (ProductOfferingRelationship relationship : node.offeringRules.children.values()) {
                    String offeringId = relationship.offeringId();
                    if (node.offeringRules.rules.namesChild(offeringId)
                            && node.children(offeringId).size() < relationship.max()) {
                        ExcludedOption why = addingExcluded(node, offeringId, base);
                        if (why != null) {
                            children.put(node.key + "+" + offeringId, why);
                        }
                    }
                }
            }
        }

        /** Whether any rule that can see this product names the characteristic. */
        private boolean named(Node node, String characteristic) {
            return node.specificationRules.rules.selfCharacteristics.contains(characteristic)
                    || node.offeringRules.rules.selfCharacteristics.contains(characteristic)
                    || (node.parent != null && node.parent.offeringRules.rules.namesChild(node.offering.id(), characteristic));
        }

        private List<String> candidates(Node node, CharacteristicSpecification ch) {
            if (!ch.allowedValues().isEmpty()) {
                return ch.allowedValues();
            }
            Set<String> named = new LinkedHashSet<>();
            named.addAll(node.specificationRules.rules.values(null, ch.name()));
            named.addAll(node.offeringRules.rules.values(null, ch.name()));
            if (node.parent != null) {
                named.addAll(node.parent.offeringRules.rules.values(node.offering.id(), ch.name()));
            }
            return List.copyOf(named);
        }

        private List<ExcludedOption> excluded(Node node, CharacteristicSpecification ch, Resolution base) {
            List<String> candidates = candidates(node, ch);
            if (candidates.isEmpty()) {
                return List.of();
            }
            Set<String> without = violations(new Resolution(input, Override.value(node.key, ch.name(), null)));
            String current = node.value(ch.name());
            List<ExcludedOption> excluded = new ArrayList<>();
            for (String candidate : candidates) {
                Resolution whatIf = current != null && same(node, ch.name(), current, candidate) && node.userValue(ch.name()) != null
                        ? base : new Resolution(input, Override.value(node.key, ch.name(), candidate));
                Finding why = firstNew(whatIf, without, null, null);
                if (why != null) {
                    excluded.add(new ExcludedOption(candidate, why.ruleId(), why.message()));
                }
            }
            return excluded;
        }

        private ExcludedOption addingExcluded(Node node, String offeringId, Resolution base) {
            Set<String> before = violations(base);
            Finding why = firstNew(new Resolution(input, Override.child(node.key, offeringId)), before, node.key, offeringId);
            return why == null ? null : new ExcludedOption(offeringId, why.ruleId(), why.message());
        }

        /** The first rule violation of the what-if that the reference does not have (or that names the child). */
        private Finding firstNew(Resolution whatIf, Set<String> reference, String scopeKey, String childOfferingId) {
            for (Finding f : whatIf.findings) {
                if (f.rule() == null || f.missing()) {
                    continue;
                }
                if (!reference.contains(f.identity())
                        || (childOfferingId != null && scopeKey.equals(f.scopeKey()) && f.rule().namesPresenceOf(childOfferingId))) {
                    return f;
                }
            }
            return null;
        }

        private Set<String> violations(Resolution resolution) {
            Set<String> identities = new HashSet<>();
            for (Finding f : resolution.findings) {
                if (f.rule() != null && !f.missing()) {
                    identities.add(f.identity());
                }
            }
            return identities;
        }

        List<ExcludedOption> excludedValues(Node node, String characteristic) {
            return values.getOrDefault(node.key + "#" + characteristic, List.of());
        }

        ExcludedOption excludedChild(Node node, String offeringId) {
            return children.get(node.key + "+" + offeringId);
        }
    }

    /** A value or child that cannot be chosen, and the rule that says so. */
    record ExcludedOption(String value, String ruleId, String message) {
    }

    /** One finding; rule findings carry their rule and the product (scope) the rule was evaluated on. */
    record Finding(String code, CompiledRule rule, String scopeKey, String target, boolean missing,
                   Supplier<String> explanation) {

        static Finding of(String code, String target, boolean missing, String message) {
            return new Finding(code, null, null, target, missing, () -> message);
        }

        static Finding of(Violation violation) {
            return of(violation.rule(), violation.target(), false, violation.message());
        }

        static Finding rule(String code, CompiledRule rule, String scopeKey, String target, boolean missing,
                            Supplier<String> explanation) {
            return new Finding(code, rule, scopeKey, target, missing, explanation);
        }

        String ruleId() {
            return rule == null ? null : rule.id;
        }

        String message() {
            return explanation.get();
        }

        String identity() {
            return code + "|" + scopeKey + "/" + ruleId() + "|" + target;
        }
    }
}
