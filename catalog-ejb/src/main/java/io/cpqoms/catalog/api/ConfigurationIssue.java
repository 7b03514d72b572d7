package io.cpqoms.catalog.api;

/**
 * One finding of a configuration evaluation: the stable code (the configuration check's codes, and
 * RULE_REQUIRES_VIOLATED, RULE_EXCLUDES_VIOLATED, RULE_DERIVATION_CONFLICT for configuration rules), the
 * id of the configuration rule when one is concerned, the element (a path into the request, such as
 * {@code children[0].characteristics.bandwidthMbps}) and the explanation for a person.
 */
public record ConfigurationIssue(String code, String ruleId, String target, String message) {
}
