package io.cpqoms.catalog.api;

/**
 * REQUIRES: when the condition holds, the consequence must hold. EXCLUDES: when the condition holds,
 * the consequence must not. DERIVES: when the condition holds, the consequence's value is set (and
 * marked derived), or its offering is added.
 */
public enum ConfigurationRuleType { REQUIRES, EXCLUDES, DERIVES }
