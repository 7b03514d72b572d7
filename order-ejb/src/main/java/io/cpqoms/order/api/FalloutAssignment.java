package io.cpqoms.order.api;

/** Gives a fallout case to a person of its work group (AssignFalloutCase, seed 000, section 17). */
public record FalloutAssignment(String assignee) {
}
