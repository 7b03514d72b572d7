package io.cpqoms.quote.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** The default policy (version 2, migration V5), as the unit tests use it. */
final class ApprovalPolicies {

    static final ApprovalPolicy DEMO = new ApprovalPolicy(2, Map.of(1, "sales-approver", 2, "deal-desk"), List.of(
            rule("LINE_DISCOUNT", "40", 1), rule("LINE_DISCOUNT", "60", 2),
            rule("QUOTE_DISCOUNT", "40", 1), rule("QUOTE_DISCOUNT", "60", 2),
            rule("MARGIN_FLOOR", "15", 1), rule("MARGIN_FLOOR", "0", 2),
            rule("MANUAL_OVERRIDE", null, 1),
            new ApprovalPolicy.Rule("NON_STANDARD_TERM", null, List.of(12, 24, 36), 1),
            rule("ELIGIBILITY_EXCEPTION", null, 2)));

    private static ApprovalPolicy.Rule rule(String type, String threshold, int level) {
        return new ApprovalPolicy.Rule(type, threshold == null ? null : new BigDecimal(threshold), null, level);
    }

    private ApprovalPolicies() {
    }
}
