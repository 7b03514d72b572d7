package io.cpqoms.kernel;

import java.util.List;

/**
 * One broken rule: the stable rule code, the element it concerns (a path such as
 * {@code productOfferings[po_fiber].relationships[0]}), an explanation for a person and, where the
 * element takes one of a closed set of values, those values.
 */
public record Violation(String rule, String target, String message, List<String> allowedValues) {

    public Violation {
        allowedValues = allowedValues == null || allowedValues.isEmpty() ? null : List.copyOf(allowedValues);
    }

    public Violation(String rule, String target, String message) {
        this(rule, target, message, null);
    }
}
