package io.cpqoms.catalog.api;

import java.util.List;

/**
 * A condition on a configuration: a characteristic having one of the values (of the configured product
 * itself when offeringId is null, otherwise of that offering in the same bundle), or, without a
 * characteristic, the offering being present in the bundle.
 */
public record RuleCondition(String offeringId, String characteristic, List<String> values) {

    public RuleCondition {
        values = values == null ? List.of() : List.copyOf(values);
    }
}
