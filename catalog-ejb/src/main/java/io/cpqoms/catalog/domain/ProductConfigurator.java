package io.cpqoms.catalog.domain;

import io.cpqoms.catalog.api.CharacteristicSpecification;
import io.cpqoms.catalog.api.ConfigurationCheck;
import io.cpqoms.catalog.api.ConfigurationRequest;
import io.cpqoms.catalog.api.ConfiguredProduct;
import io.cpqoms.catalog.api.ProductOffering;
import io.cpqoms.catalog.api.ProductOfferingRelationship;
import io.cpqoms.catalog.api.ProductSpecification;
import io.cpqoms.catalog.api.RelationshipType;
import io.cpqoms.kernel.Violation;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a requested configuration against one published catalog version. Every broken rule is
 * reported with the element it concerns, so a rejection says which rule and where.
 */
public final class ProductConfigurator {

    public static final String OFFERING_NOT_FOUND = "OFFERING_NOT_FOUND";
    public static final String OFFERING_NOT_SELLABLE = "OFFERING_NOT_SELLABLE";
    public static final String QUANTITY_INVALID = "QUANTITY_INVALID";
    public static final String CHARACTERISTIC_UNKNOWN = "CHARACTERISTIC_UNKNOWN";
    public static final String CHARACTERISTIC_REQUIRED = "CHARACTERISTIC_REQUIRED";
    public static final String CHARACTERISTIC_VALUE_INVALID = "CHARACTERISTIC_VALUE_INVALID";
    public static final String CHARACTERISTIC_VALUE_NOT_ALLOWED = "CHARACTERISTIC_VALUE_NOT_ALLOWED";
    public static final String BUNDLE_CHILD_NOT_ALLOWED = "BUNDLE_CHILD_NOT_ALLOWED";
    public static final String BUNDLE_CARDINALITY_VIOLATED = "BUNDLE_CARDINALITY_VIOLATED";

    private final CatalogIndex catalog;
    private final Instant at;

    public ProductConfigurator(CatalogIndex catalog, Instant at) {
        this.catalog = catalog;
        this.at = at;
    }

    public ConfigurationCheck check(ConfigurationRequest request, String target) {
        List<Violation> violations = new ArrayList<>();
        ConfiguredProduct product = configure(request, target, violations);
        return violations.isEmpty() ? new ConfigurationCheck(product, List.of()) : new ConfigurationCheck(null, violations);
    }

    private ConfiguredProduct configure(ConfigurationRequest request, String target, List<Violation> violations) {
        if (request.offeringId() == null || request.offeringId().isBlank()) {
            violations.add(new Violation(OFFERING_NOT_FOUND, target + ".offeringId", "An offering id is required."));
            return null;
        }
        Optional<ProductOffering> found = catalog.offering(request.offeringId());
        if (found.isEmpty()) {
            violations.add(new Violation(OFFERING_NOT_FOUND, target + ".offeringId", "Offering '" + request.offeringId()
                    + "' does not exist in catalog version " + catalog.versionId() + "."));
            return null;
        }
        ProductOffering offering = found.get();
        if (!offering.isSellableAt(at)) {
            violations.add(notSellable(offering, at, target + ".offeringId"));
        }
        BigDecimal quantity = request.quantity() == null ? BigDecimal.ONE : request.quantity();
        if (quantity.signum() <= 0 || quantity.stripTrailingZeros().scale() > 0) {
            violations.add(new Violation(QUANTITY_INVALID, target + ".quantity",
                    "Quantity must be a positive whole number, not " + quantity.toPlainString() + "."));
        }
        ProductSpecification specification = catalog.specification(offering.productSpecificationId()).orElseThrow();
        Map<String, String> values = characteristics(specification, request.characteristics(), target, violations);
        List<ConfiguredProduct> children = children(offering, request.children(), target, violations);
        return new ConfiguredProduct(offering.id(), offering.name(), specification.id(), quantity, values, children);
    }

    private static Map<String, String> characteristics(ProductSpecification specification, Map<String, String> requested,
                                                       String target, List<Violation> violations) {
        Map<String, CharacteristicSpecification> known = new LinkedHashMap<>();
        specification.characteristics().forEach(c -> known.put(c.name(), c));
        requested.keySet().stream().filter(name -> !known.containsKey(name)).sorted().forEach(name ->
                violations.add(new Violation(CHARACTERISTIC_UNKNOWN, target + ".characteristics." + name,
                        "Characteristic '" + name + "' is not defined by specification '" + specification.id()
                                + "'; it defines " + known.keySet() + ".")));
        Map<String, String> values = new LinkedHashMap<>();
        for (CharacteristicSpecification ch : known.values()) {
            String path = target + ".characteristics." + ch.name();
            String value = requested.get(ch.name());
            if (value == null || value.isBlank()) {
                value = ch.defaultValue();
            }
            if (value == null || value.isBlank()) {
                if (ch.required()) {
                    violations.add(new Violation(CHARACTERISTIC_REQUIRED, path,
                            "Characteristic '" + ch.name() + "' is required and has no default."));
                }
                continue;
            }
            if (!ch.valueType().accepts(value)) {
                violations.add(new Violation(CHARACTERISTIC_VALUE_INVALID, path,
                        "'" + value + "' is not a " + ch.valueType() + " value."));
            } else if (!ch.allowedValues().isEmpty() && !ch.allowedValues().contains(value)) {
                violations.add(new Violation(CHARACTERISTIC_VALUE_NOT_ALLOWED, path,
                        "'" + value + "' is not allowed for '" + ch.name() + "'; allowed values are " + ch.allowedValues() + "."));
            }
            values.put(ch.name(), value);
        }
        return values;
    }

    private List<ConfiguredProduct> children(ProductOffering parent, List<ConfigurationRequest> requested, String target,
                                             List<Violation> violations) {
        Map<String, ProductOfferingRelationship> declared = new LinkedHashMap<>();
        parent.relationships().stream().filter(r -> r.type() == RelationshipType.BUNDLE_CHILD)
                .forEach(r -> declared.put(r.offeringId(), r));
        Map<String, Integer> counts = new LinkedHashMap<>();
        List<ConfiguredProduct> children = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            ConfigurationRequest child = requested.get(i);
            String path = target + ".children[" + i + "]";
            if (!declared.containsKey(child.offeringId())) {
                violations.add(new Violation(BUNDLE_CHILD_NOT_ALLOWED, path + ".offeringId", "Offering '"
                        + child.offeringId() + "' is not a child of '" + parent.id() + "'"
                        + (declared.isEmpty() ? ", which is not a bundle." : "; its children are " + declared.keySet() + ".")));
                continue;
            }
            counts.merge(child.offeringId(), 1, Integer::sum);
            ConfiguredProduct configured = configure(child, path, violations);
            if (configured != null) {
                children.add(configured);
            }
        }
        for (ProductOfferingRelationship relationship : declared.values()) {
            int count = counts.getOrDefault(relationship.offeringId(), 0);
            if (count < relationship.min() || count > relationship.max()) {
                violations.add(new Violation(BUNDLE_CARDINALITY_VIOLATED, target + ".children",
                        "Bundle '" + parent.id() + "' must hold " + relationship.min() + ".." + relationship.max()
                                + " of '" + relationship.offeringId() + "', not " + count + "."));
            }
        }
        return children;
    }

    /** Why an offering cannot be sold at an instant. */
    public static Violation notSellable(ProductOffering offering, Instant at, String target) {
        return new Violation(OFFERING_NOT_SELLABLE, target, "Offering '" + offering.id() + "' is "
                + offering.lifecycleStatus() + " with validity [" + (offering.validFrom() == null ? "-" : offering.validFrom())
                + ", " + (offering.validTo() == null ? "-" : offering.validTo()) + ") and cannot be sold at " + at
                + "; only ACTIVE offerings inside their validity window can.");
    }
}
