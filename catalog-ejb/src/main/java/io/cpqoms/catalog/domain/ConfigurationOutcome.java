package io.cpqoms.catalog.domain;

import io.cpqoms.catalog.api.CharacteristicOptions;
import io.cpqoms.catalog.api.CharacteristicSpecification;
import io.cpqoms.catalog.api.ChildOptions;
import io.cpqoms.catalog.api.ConfigurationCheck;
import io.cpqoms.catalog.api.ConfigurationEvaluation;
import io.cpqoms.catalog.api.ConfigurationIssue;
import io.cpqoms.catalog.api.ConfigurationStatus;
import io.cpqoms.catalog.api.ConfiguredProduct;
import io.cpqoms.catalog.api.ExcludedValue;
import io.cpqoms.catalog.api.ProductOfferingRelationship;
import io.cpqoms.catalog.api.ResolvedProduct;
import io.cpqoms.catalog.api.ResolvedValue;
import io.cpqoms.catalog.api.ValueSource;
import io.cpqoms.catalog.domain.ConfigurationEngine.ExcludedOption;
import io.cpqoms.catalog.domain.ConfigurationEngine.Finding;
import io.cpqoms.catalog.domain.ConfigurationEngine.Node;
import io.cpqoms.kernel.Violation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the configuration engine found: the resolved tree and every finding in a stable order. Quote
 * items and order lines read it as a {@link ConfigurationCheck} (every finding blocks), a configurator
 * screen as a {@link ConfigurationEvaluation} (violations and missing apart, with the options).
 */
public final class ConfigurationOutcome {

    private final UUID catalogVersionId;
    private final Node root;
    private final List<Finding> findings;
    private final ConfigurationEngine.Options options;

    ConfigurationOutcome(UUID catalogVersionId, Node root, List<Finding> findings, ConfigurationEngine.Options options) {
        this.catalogVersionId = catalogVersionId;
        this.root = root;
        this.findings = List.copyOf(findings);
        this.options = options;
    }

    /** Whether the requested offering exists in the version (otherwise there is nothing to resolve). */
    public boolean offeringFound() {
        return root != null;
    }

    /** Every finding, violations and missing together, in the order of the request's elements. */
    public List<Violation> findings() {
        return findings.stream().map(f -> new Violation(f.code(), f.target(), f.message())).toList();
    }

    /** The resolved configuration (defaults and derived values applied, derived children added), or null. */
    public ConfiguredProduct product() {
        return root == null ? null : product(root);
    }

    /** The check quotes and orders use: the resolved product if nothing is broken or missing, else every finding. */
    public ConfigurationCheck toCheck() {
        return findings.isEmpty() ? new ConfigurationCheck(product(), List.of()) : new ConfigurationCheck(null, findings());
    }

    /** The explained answer a configurator shows (needs the engine's evaluate, which works out the options). */
    public ConfigurationEvaluation toEvaluation() {
        List<ConfigurationIssue> violations = new ArrayList<>();
        List<ConfigurationIssue> missing = new ArrayList<>();
        for (Finding f : findings) {
            (f.missing() ? missing : violations).add(new ConfigurationIssue(f.code(), f.ruleId(), f.target(), f.message()));
        }
        ConfigurationStatus status = !violations.isEmpty() ? ConfigurationStatus.INVALID
                : !missing.isEmpty() ? ConfigurationStatus.INCOMPLETE : ConfigurationStatus.COMPLETE;
        return new ConfigurationEvaluation(catalogVersionId, status, root == null ? null : resolved(root), violations, missing);
    }

    private static ConfiguredProduct product(Node node) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : node.specificationRules.characteristics.keySet()) {
            String value = node.value(name);
            if (value != null) {
                values.put(name, value);
            }
        }
        return new ConfiguredProduct(node.offering.id(), node.offering.name(), node.specification.id(), node.quantity,
                values, node.allChildren().stream().map(ConfigurationOutcome::product).toList());
    }

    private ResolvedProduct resolved(Node node) {
        List<ResolvedValue> values = new ArrayList<>();
        List<CharacteristicOptions> characteristicOptions = new ArrayList<>();
        for (CharacteristicSpecification ch : node.specificationRules.characteristics.values()) {
            String value = node.value(ch.name());
            ValueSource source = value == null ? null : node.source(ch.name());
            if (value != null) {
                values.add(new ResolvedValue(ch.name(), value, source, node.derivedRule(ch.name())));
            }
            if (options != null) {
                List<ExcludedValue> excluded = options.excludedValues(node, ch.name()).stream()
                        .map(e -> new ExcludedValue(e.value(), e.ruleId(), e.message())).toList();
                List<String> allowed = ch.allowedValues().stream()
                        .filter(v -> excluded.stream().noneMatch(e -> e.value().equals(v))).toList();
                characteristicOptions.add(new CharacteristicOptions(ch.name(), ch.valueType(), ch.required(), value, source,
                        allowed, excluded));
            }
        }
        List<ChildOptions> childOptions = new ArrayList<>();
        if (options != null) {
            for (ProductOfferingRelationship relationship : node.offeringRules.children.values()) {
                String offeringId = relationship.offeringId();
                int count = node.children(offeringId).size();
                ExcludedOption why = options.excludedChild(node, offeringId);
                childOptions.add(new ChildOptions(offeringId, node.offeringName(offeringId), relationship.min(),
                        relationship.max(), count, count < relationship.max() && why == null,
                        why == null ? null : why.ruleId(), why == null ? null : why.message()));
            }
        }
        return new ResolvedProduct(node.offering.id(), node.offering.name(), node.specification.id(), node.quantity,
                node.path, node.derivedBy == null ? ValueSource.USER : ValueSource.DERIVED,
                node.derivedBy == null ? null : node.derivedBy.id, values, characteristicOptions, childOptions,
                node.allChildren().stream().map(this::resolved).toList());
    }
}
