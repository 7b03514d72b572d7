package io.cpqoms.catalog.api;

import java.util.List;

/**
 * A configurable attribute of a product specification. Values are written as strings and must parse
 * as the value type; an empty allowed-value list means any value of the type.
 */
public record CharacteristicSpecification(String name,
                                          String description,
                                          CharacteristicValueType valueType,
                                          boolean required,
                                          String unitOfMeasure,
                                          List<String> allowedValues,
                                          String defaultValue) {

    public CharacteristicSpecification {
        allowedValues = allowedValues == null ? List.of() : List.copyOf(allowedValues);
    }
}
