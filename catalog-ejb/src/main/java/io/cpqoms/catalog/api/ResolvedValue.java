package io.cpqoms.catalog.api;

/** One characteristic value of a resolved configuration, where it comes from and, if derived, the rule. */
public record ResolvedValue(String name, String value, ValueSource source, String ruleId) {
}
