package io.cpqoms.catalog.api;

/**
 * A configuration rule with a stable id (for example STATIC-IP-BANDWIDTH) and a message that explains
 * it to a person. Rules are data of the catalog version, declared on a specification (its own
 * characteristics) or on a bundle offering (between its children).
 */
public record ConfigurationRule(String id,
                                ConfigurationRuleType type,
                                RuleCondition when,
                                RuleCondition then,
                                String message) {
}
