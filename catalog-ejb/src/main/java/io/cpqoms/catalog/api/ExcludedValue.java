package io.cpqoms.catalog.api;

/**
 * A value that cannot be chosen given the other current selections, with the configuration rule that
 * excludes it and the explanation (the rule's catalog message with the concrete values, for example
 * "Static IP /28 is not allowed with 100 Mbps: rule STATIC-IP-BANDWIDTH requires bandwidthMbps in
 * [500, 1000, 10000]").
 */
public record ExcludedValue(String value, String ruleId, String message) {
}
