package io.cpqoms.catalog.domain;

import io.cpqoms.catalog.api.ConfigurationCheck;
import io.cpqoms.catalog.api.ConfigurationRequest;
import io.cpqoms.catalog.api.ProductOffering;
import io.cpqoms.kernel.Violation;
import java.time.Instant;

/**
 * Checks a requested configuration against one published catalog version, as quote items and order
 * lines need it: the configuration engine's resolution (defaults, derived values and derived children
 * applied) when nothing is broken or missing, otherwise every broken rule with the element it concerns.
 * One piece of logic: this is the engine's check, nothing of its own.
 */
public final class ProductConfigurator {

    public static final String OFFERING_NOT_FOUND = ConfigurationEngine.OFFERING_NOT_FOUND;
    public static final String OFFERING_NOT_SELLABLE = ConfigurationEngine.OFFERING_NOT_SELLABLE;
    public static final String QUANTITY_INVALID = ConfigurationEngine.QUANTITY_INVALID;
    public static final String CHARACTERISTIC_UNKNOWN = ConfigurationEngine.CHARACTERISTIC_UNKNOWN;
    public static final String CHARACTERISTIC_REQUIRED = ConfigurationEngine.CHARACTERISTIC_REQUIRED;
    public static final String CHARACTERISTIC_VALUE_INVALID = ConfigurationEngine.CHARACTERISTIC_VALUE_INVALID;
    public static final String CHARACTERISTIC_VALUE_NOT_ALLOWED = ConfigurationEngine.CHARACTERISTIC_VALUE_NOT_ALLOWED;
    public static final String BUNDLE_CHILD_NOT_ALLOWED = ConfigurationEngine.BUNDLE_CHILD_NOT_ALLOWED;
    public static final String BUNDLE_CARDINALITY_VIOLATED = ConfigurationEngine.BUNDLE_CARDINALITY_VIOLATED;
    public static final String RULE_REQUIRES_VIOLATED = ConfigurationEngine.RULE_REQUIRES_VIOLATED;
    public static final String RULE_EXCLUDES_VIOLATED = ConfigurationEngine.RULE_EXCLUDES_VIOLATED;
    public static final String RULE_DERIVATION_CONFLICT = ConfigurationEngine.RULE_DERIVATION_CONFLICT;

    private final CatalogIndex catalog;
    private final Instant at;

    public ProductConfigurator(CatalogIndex catalog, Instant at) {
        this.catalog = catalog;
        this.at = at;
    }

    public ConfigurationCheck check(ConfigurationRequest request, String target) {
        return new ConfigurationEngine(catalog, at).check(request, target).toCheck();
    }

    /** Why an offering cannot be sold at an instant. */
    public static Violation notSellable(ProductOffering offering, Instant at, String target) {
        return ConfigurationEngine.notSellable(offering, at, target);
    }
}
