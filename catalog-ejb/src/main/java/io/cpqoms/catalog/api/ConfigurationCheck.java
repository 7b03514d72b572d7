package io.cpqoms.catalog.api;

import io.cpqoms.kernel.Violation;
import java.util.List;

/**
 * The catalog's answer to a configuration request: the accepted configuration, or every rule it
 * breaks (with the element each concerns). The product is null when there are violations.
 */
public record ConfigurationCheck(ConfiguredProduct product, List<Violation> violations) {

    public ConfigurationCheck {
        violations = violations == null ? List.of() : List.copyOf(violations);
    }

    public boolean valid() {
        return violations.isEmpty();
    }
}
