package io.cpqoms.catalog.api;

/**
 * How far a configuration is: COMPLETE (nothing broken, nothing missing: it can be quoted), INCOMPLETE
 * (nothing broken, but required values or children are still missing) or INVALID (some choice breaks a
 * rule and must be changed).
 */
public enum ConfigurationStatus { COMPLETE, INCOMPLETE, INVALID }
