package io.cpqoms.kernel;

/**
 * One broken rule: the stable rule code, the element it concerns (a path such as
 * {@code productOfferings[po_fiber].relationships[0]}) and an explanation for a person.
 */
public record Violation(String rule, String target, String message) {
}
