package io.cpqoms.order.api;

/** How urgent a fallout case is: a failed compensation or a plan that cannot be built outranks one failed item. */
public enum FalloutSeverity { LOW, MEDIUM, HIGH, CRITICAL }
