package io.cpqoms.order.domain;

import io.cpqoms.kernel.Violation;
import io.cpqoms.order.api.Severity;
import io.cpqoms.order.api.ValidationCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Order validation (seed 000, sections 9-10): "may the organisation run this order now?". The same
 * checks refuse a capture synchronously and, run again when the order is validated, decide between
 * VALIDATED and HELD. Each check is named, each finding has a code, severity, message and target.
 * A blocker that is a matter of policy rather than of fact (a possible duplicate) is overridable: it
 * does not refuse the capture, it holds the order for a supervisor's decision.
 * Lines acting on existing products are checked against the installed base ({@link ChangeOrders#check}:
 * ownership, the product's state, its baseline, a conflicting open order). The dimensions not yet
 * checked (billing readiness, contracts, address, KYC) are added here.
 */
public final class OrderValidation {

    public static final String SOURCE_QUOTE = "SOURCE_QUOTE";
    public static final String REQUIRED_DATA = "REQUIRED_DATA";
    public static final String PRODUCT_ORDERABLE = "PRODUCT_ORDERABLE";
    public static final String NO_DUPLICATE = "NO_DUPLICATE";

    public static final String SOURCE_QUOTE_NOT_ACCEPTED = "SOURCE_QUOTE_NOT_ACCEPTED";
    public static final String QUOTE_REVISION_MISMATCH = "QUOTE_REVISION_MISMATCH";
    public static final String ACCEPTANCE_MISMATCH = "ACCEPTANCE_MISMATCH";
    public static final String CUSTOMER_MISSING = "CUSTOMER_MISSING";
    public static final String BILLING_ACCOUNT_MISSING = "BILLING_ACCOUNT_MISSING";
    public static final String ORDER_HAS_NO_LINES = "ORDER_HAS_NO_LINES";
    public static final String DUPLICATE_ORDER = "DUPLICATE_ORDER";

    /** What the quote context says about the source quote; null for an order without one. */
    public record SourceQuote(boolean accepted, Integer acceptedRevision, UUID acceptanceId) {
    }

    /** The checks performed and what they found. */
    public record Outcome(List<String> performed, List<ValidationCheck> findings) {

        public Outcome {
            performed = List.copyOf(performed);
            findings = List.copyOf(findings);
        }

        public boolean hasBlocker() {
            return findings.stream().anyMatch(f -> f.severity() == Severity.BLOCKER);
        }

        /** Whether a capture is refused: a blocker no supervisor may override. */
        public boolean refusesCapture() {
            return findings.stream().anyMatch(f -> f.severity() == Severity.BLOCKER && !f.overridable());
        }

        /** The blockers as rule violations, for a refusal. */
        public List<Violation> blockers() {
            return findings.stream().filter(f -> f.severity() == Severity.BLOCKER)
                    .map(f -> new Violation(f.code(), f.target(), f.message())).toList();
        }
    }

    private OrderValidation() {
    }

    /**
     * @param draft the order (its source quote fields are what the request asked for)
     * @param source what the quote context holds for the source quote; null when there is none
     * @param configurationViolations what the catalog version says about the lines now
     * @param duplicateOf the number of an open order with the same content, or null
     */
    public static Outcome validate(OrderDraft draft, SourceQuote source, List<Violation> configurationViolations,
                                   String duplicateOf) {
        return validate(draft, source, configurationViolations, duplicateOf, null);
    }

    /**
     * @param installedBase the findings of {@link ChangeOrders#check} for an order acting on existing
     *                      products; null for an order that only adds
     */
    public static Outcome validate(OrderDraft draft, SourceQuote source, List<Violation> configurationViolations,
                                   String duplicateOf, List<ValidationCheck> installedBase) {
        List<String> performed = new ArrayList<>();
        List<ValidationCheck> findings = new ArrayList<>();
        if (draft.fromQuote()) {
            performed.add(SOURCE_QUOTE);
            if (source == null || !source.accepted()) {
                findings.add(blocker(SOURCE_QUOTE_NOT_ACCEPTED, "Quote " + draft.sourceQuoteId()
                        + " has not been accepted; only an accepted quote becomes an order.", "quoteId"));
            } else {
                if (!Objects.equals(source.acceptedRevision(), draft.sourceQuoteRevision())) {
                    findings.add(blocker(QUOTE_REVISION_MISMATCH, "Revision " + draft.sourceQuoteRevision()
                            + " was not accepted; the accepted revision is " + source.acceptedRevision() + ".", "revision"));
                }
                if (!Objects.equals(source.acceptanceId(), draft.acceptanceId())) {
                    findings.add(blocker(ACCEPTANCE_MISMATCH, "Acceptance " + draft.acceptanceId()
                            + " is not the acceptance recorded on quote " + draft.sourceQuoteId() + ".", "acceptanceId"));
                }
            }
        }
        performed.add(REQUIRED_DATA);
        if (isBlank(draft.customerId())) {
            findings.add(blocker(CUSTOMER_MISSING, "A customer is required.", "customerId"));
        }
        if (isBlank(draft.accountId())) {
            findings.add(blocker(BILLING_ACCOUNT_MISSING,
                    "A billing account is required before fulfillment can start.", "accountId"));
        }
        if (draft.lines().isEmpty() && configurationViolations.isEmpty()) {
            findings.add(blocker(ORDER_HAS_NO_LINES, "An order needs at least one line.", "lines"));
        }
        performed.add(PRODUCT_ORDERABLE);
        configurationViolations.forEach(v -> findings.add(blocker(v.rule(), v.message(), v.target())));
        if (installedBase != null) {
            performed.add(ChangeOrders.INSTALLED_BASE);
            findings.addAll(installedBase);
        }
        performed.add(NO_DUPLICATE);
        if (duplicateOf != null) {
            findings.add(new ValidationCheck(DUPLICATE_ORDER, Severity.BLOCKER, "Order " + duplicateOf
                    + " is open for the same customer with the same lines.", "lines", true));
        }
        return new Outcome(performed, findings);
    }

    private static ValidationCheck blocker(String code, String message, String target) {
        return new ValidationCheck(code, Severity.BLOCKER, message, target, false);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
