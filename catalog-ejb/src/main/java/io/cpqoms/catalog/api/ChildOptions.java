package io.cpqoms.catalog.api;

/**
 * One child a bundle declares, as a configurator shows it: its cardinality, how many the configuration
 * holds now (derived ones included), and whether one more can be added; when a configuration rule
 * forbids adding it, the rule and the explanation (addable is also false at the maximum, without a rule).
 */
public record ChildOptions(String offeringId,
                           String offeringName,
                           int minCardinality,
                           int maxCardinality,
                           int count,
                           boolean addable,
                           String ruleId,
                           String message) {
}
