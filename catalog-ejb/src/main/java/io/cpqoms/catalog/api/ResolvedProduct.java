package io.cpqoms.catalog.api;

import java.math.BigDecimal;
import java.util.List;

/**
 * A product of a resolved configuration: the requested product with defaults and derived values
 * applied (each value with its source), the options of every characteristic, and for a bundle the
 * options of each declared child and the children, derived ones included (source DERIVED, derivedBy
 * the rule). target is the element's path in the request.
 */
public record ResolvedProduct(String offeringId,
                              String offeringName,
                              String productSpecificationId,
                              BigDecimal quantity,
                              String target,
                              ValueSource source,
                              String derivedBy,
                              List<ResolvedValue> characteristics,
                              List<CharacteristicOptions> options,
                              List<ChildOptions> childOptions,
                              List<ResolvedProduct> children) {

    public ResolvedProduct {
        characteristics = characteristics == null ? List.of() : List.copyOf(characteristics);
        options = options == null ? List.of() : List.copyOf(options);
        childOptions = childOptions == null ? List.of() : List.copyOf(childOptions);
        children = children == null ? List.of() : List.copyOf(children);
    }
}
