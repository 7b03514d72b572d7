package io.cpqoms.catalog.api;

import jakarta.json.bind.annotation.JsonbCreator;
import java.math.BigDecimal;

/**
 * One applied step of a charge's price breakdown: which step, the rule that produced it (a price id, a
 * discount id, a promotion id, {@code manual-override}, {@code rounding} or {@code tax-placeholder}),
 * the charge amount before and after it, and a note where the step needs one (tiers used, a discount
 * floored at zero, a usage placeholder). A manual override names its actor and reason.
 */
public record PriceStep(PriceStepKind kind,
                        String ruleId,
                        BigDecimal amountBefore,
                        BigDecimal amountAfter,
                        String note,
                        String actor,
                        String reason) {

    public static final String MANUAL_OVERRIDE = "manual-override";
    public static final String ROUNDING = "rounding";
    public static final String TAX_PLACEHOLDER = "tax-placeholder";

    @JsonbCreator
    public PriceStep {
    }

    public PriceStep(PriceStepKind kind, String ruleId, BigDecimal amountBefore, BigDecimal amountAfter, String note) {
        this(kind, ruleId, amountBefore, amountAfter, note, null, null);
    }
}
