package io.cpqoms.quote.api;

import io.cpqoms.catalog.api.PriceType;
import io.cpqoms.catalog.api.RecurringPeriod;
import io.cpqoms.catalog.api.RecurringTotal;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What a quote document says, taken from one revision's stored view and price snapshot (never
 * recalculated): the parties and validity, every line with its offering, configuration and charges,
 * the totals and currency, the discount against list, the approval it carries and a summary of the
 * terms. The layout (PDF) is the web module's; this is the content, so it can be checked on its own.
 * A customer-facing document ({@code audience} CUSTOMER) carries no costs or margins: {@code internal}
 * and every line's {@code internal} are null.
 */
public record QuoteDocument(Audience audience,
                            UUID quoteId,
                            String quoteNumber,
                            int revision,
                            QuoteStatus status,
                            String customerId,
                            String accountId,
                            String channel,
                            LocalDate validUntil,
                            UUID priceSnapshotId,
                            Instant pricedAt,
                            String currency,
                            List<Line> lines,
                            BigDecimal oneTimeTotal,
                            List<RecurringTotal> recurringTotals,
                            BigDecimal listAmount,
                            BigDecimal discountAmount,
                            BigDecimal discountPercent,
                            BigDecimal taxRatePercent,
                            Approval approval,
                            Acceptance acceptance,
                            List<String> terms,
                            Internal internal) {

    /** Whom the document is for: the customer (prices only) or the provider's own people (with costs). */
    public enum Audience { CUSTOMER, INTERNAL }

    public QuoteDocument {
        lines = lines == null ? List.of() : List.copyOf(lines);
        recurringTotals = recurringTotals == null ? List.of() : List.copyOf(recurringTotals);
        terms = terms == null ? List.of() : List.copyOf(terms);
    }

    /** One line: its number (1, 1.1, ...), depth in the bundle, offering, quantity, configuration and charges. */
    public record Line(String lineNumber, int depth, String offeringId, String offeringName, BigDecimal quantity,
                       List<Setting> configuration, List<LineCharge> charges, InternalLine internal) {
        public Line {
            configuration = configuration == null ? List.of() : List.copyOf(configuration);
            charges = charges == null ? List.of() : List.copyOf(charges);
        }
    }

    /** One configured characteristic of a line. */
    public record Setting(String name, String value) {
    }

    /**
     * One charge of a line: name, one-time, recurring (with its period) or usage, the list amount, the
     * discount from list (list minus net, never negative) and the net amount.
     */
    public record LineCharge(String name, PriceType type, RecurringPeriod period, BigDecimal listAmount,
                             BigDecimal discountAmount, BigDecimal amount) {
    }

    /** The approval the revision carries: its reference, status, the levels that decided, or the one kept. */
    public record Approval(UUID approvalId, ApprovalStatus status, int requiredLevel, List<String> decisions,
                           UUID carriedOverFrom) {
        public Approval {
            decisions = decisions == null ? List.of() : List.copyOf(decisions);
        }
    }

    /** The provider's view of the whole snapshot: cost, margin, whether a manual override is in it. */
    public record Internal(BigDecimal costAmount, BigDecimal marginAmount, BigDecimal marginPercent,
                           boolean manualOverride, List<String> approvalRules) {
        public Internal {
            approvalRules = approvalRules == null ? List.of() : List.copyOf(approvalRules);
        }
    }

    /** The provider's view of one line: cost and margin. */
    public record InternalLine(BigDecimal costAmount, BigDecimal marginAmount, BigDecimal marginPercent) {
    }
}
