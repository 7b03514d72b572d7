package io.cpqoms.catalog.api;

import java.util.List;
import java.util.UUID;

/**
 * The catalog's answer to a partial configuration (seed 002, section 8): the resolved configuration,
 * the violations (choices that break a rule and must change) and, separately, what is still missing
 * (required values without value, children below their minimum, options a rule requires that are not
 * there yet), so that a partial configuration is INCOMPLETE rather than INVALID. It is an answer, not a
 * command: nothing is stored.
 */
public record ConfigurationEvaluation(UUID catalogVersionId,
                                      ConfigurationStatus status,
                                      ResolvedProduct configuration,
                                      List<ConfigurationIssue> violations,
                                      List<ConfigurationIssue> missing) {

    public ConfigurationEvaluation {
        violations = violations == null ? List.of() : List.copyOf(violations);
        missing = missing == null ? List.of() : List.copyOf(missing);
    }
}
