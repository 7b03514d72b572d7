package io.cpqoms.catalog.api;

import java.util.List;

/**
 * What a characteristic may still take given the current selections: its current value (if any) and
 * source, the allowed values that remain selectable, and every allowed value that a configuration rule
 * excludes, with that rule. For a characteristic without an allowed-value list (any value of its type)
 * allowedValues is empty and excludedValues lists the values rules name that are excluded.
 */
public record CharacteristicOptions(String name,
                                    CharacteristicValueType valueType,
                                    boolean required,
                                    String value,
                                    ValueSource source,
                                    List<String> allowedValues,
                                    List<ExcludedValue> excludedValues) {

    public CharacteristicOptions {
        allowedValues = allowedValues == null ? List.of() : List.copyOf(allowedValues);
        excludedValues = excludedValues == null ? List.of() : List.copyOf(excludedValues);
    }
}
