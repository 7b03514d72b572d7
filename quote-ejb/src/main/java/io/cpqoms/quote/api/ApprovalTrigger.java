package io.cpqoms.quote.api;

import java.math.BigDecimal;

/**
 * One rule of the approval policy that a revision's price snapshot triggered, with the price signal
 * that triggered it as evidence: the rule, the line it concerns (null for the whole quote), the level
 * that must approve, the policy's threshold and the observed value (discount or margin percent, the
 * contract term in months; null for a manual override or an eligibility exception).
 */
public record ApprovalTrigger(String rule,
                              String lineId,
                              String lineNumber,
                              int level,
                              BigDecimal threshold,
                              BigDecimal value,
                              String evidence) {

    /** The trigger without cost-derived numbers (a margin is what the provider earns, not customer-facing). */
    public ApprovalTrigger withoutCosts() {
        return "MARGIN_FLOOR".equals(rule) ? new ApprovalTrigger(rule, lineId, lineNumber, level, null, null,
                "The margin is below the policy's floor.") : this;
    }
}
