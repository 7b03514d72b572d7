package io.cpqoms.order.api;

/**
 * One validation finding: a stable code, its severity, a message for people and the element concerned.
 * An overridable blocker does not refuse a capture: it holds the order until a supervisor overrides
 * it or the order is cancelled.
 */
public record ValidationCheck(String code, Severity severity, String message, String target, boolean overridable) {
}
