package io.cpqoms.order.api;

/** One validation finding: a stable code, its severity, a message for people and the element concerned. */
public record ValidationCheck(String code, Severity severity, String message, String target) {
}
