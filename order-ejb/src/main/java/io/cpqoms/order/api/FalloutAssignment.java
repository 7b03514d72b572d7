package io.cpqoms.order.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
/** Gives a fallout case to a person of its work group (AssignFalloutCase, seed 000, section 17). */
public record FalloutAssignment(@NotBlank @Size(max = 120) String assignee) {
}
