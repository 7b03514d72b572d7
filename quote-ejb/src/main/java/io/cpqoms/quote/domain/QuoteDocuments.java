package io.cpqoms.quote.domain;

import io.cpqoms.catalog.api.Charge;
import io.cpqoms.catalog.api.LinePrice;
import io.cpqoms.catalog.api.PriceSignals;
import io.cpqoms.catalog.api.PriceSnapshot;
import io.cpqoms.catalog.api.PriceType;
import io.cpqoms.kernel.DomainException;
import io.cpqoms.quote.api.ApprovalStep;
import io.cpqoms.quote.api.ApprovalView;
import io.cpqoms.quote.api.QuoteDocument;
import io.cpqoms.quote.api.QuoteDocument.Audience;
import io.cpqoms.quote.api.QuoteItemView;
import io.cpqoms.quote.api.QuoteStatus;
import io.cpqoms.quote.api.QuoteView;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Composes the content of a quote document from one revision's stored view: its items and its stored
 * price snapshot, never a recalculation. A customer-facing document leaves out costs, margins, the
 * approval's triggering rules and the approvers' comments; an internal one carries them.
 */
public final class QuoteDocuments {

    /** The characteristic that names a line's contract term (catalog: contractTermMonths). */
    static final String CONTRACT_TERM = "contractTermMonths";

    private QuoteDocuments() {
    }

    /** The document of that revision, or 409 {@code QUOTE_NOT_PRICED} when the revision has no price. */
    public static QuoteDocument compose(QuoteView revision, Audience audience) {
        PriceSnapshot snapshot = revision.priceSnapshot();
        if (snapshot == null) {
            throw DomainException.conflict(Quote.QUOTE_NOT_PRICED, "Revision " + revision.revision() + " of quote "
                    + revision.quoteNumber() + " has no price; a document is made from a priced revision.");
        }
        boolean internal = audience == Audience.INTERNAL;
        Map<String, LinePrice> prices = new LinkedHashMap<>();
        snapshot.lines().forEach(line -> prices.put(line.lineId(), line));
        List<QuoteDocument.Line> lines = new ArrayList<>(revision.items().size());
        for (QuoteItemView item : revision.items()) {
            LinePrice price = prices.get(item.id().toString());
            lines.add(new QuoteDocument.Line(item.lineNumber(), depth(item.lineNumber()), item.offeringId(),
                    item.offeringName(), item.quantity(), configuration(item.characteristics()),
                    price == null ? List.of() : price.charges().stream().map(QuoteDocuments::charge).toList(),
                    internal && price != null ? internalLine(price.signals()) : null));
        }
        PriceSignals signals = snapshot.signals();
        ApprovalView approval = revision.approval();
        return new QuoteDocument(audience, revision.id(), revision.quoteNumber(), revision.revision(), revision.status(),
                revision.customerId(), revision.accountId(), revision.channel(), revision.validUntil(),
                snapshot.priceSnapshotId(), snapshot.pricedAt(), snapshot.currency(), lines, snapshot.oneTimeTotal(),
                snapshot.recurringTotals(), signals == null ? null : signals.listAmount(),
                signals == null ? null : signals.discountAmount(), signals == null ? null : signals.discountPercent(),
                snapshot.taxRatePercent(), approval(approval, internal), revision.acceptance(),
                terms(revision, snapshot), internal ? internal(signals, approval) : null);
    }

    private static int depth(String lineNumber) {
        return (int) lineNumber.chars().filter(c -> c == '.').count();
    }

    private static List<QuoteDocument.Setting> configuration(Map<String, String> characteristics) {
        if (characteristics == null) {
            return List.of();
        }
        List<QuoteDocument.Setting> settings = new ArrayList<>(characteristics.size());
        new TreeMap<>(characteristics).forEach((name, value) -> settings.add(new QuoteDocument.Setting(name, value)));
        return settings;
    }

    private static QuoteDocument.LineCharge charge(Charge charge) {
        BigDecimal list = charge.listAmount() == null ? charge.amount() : charge.listAmount();
        BigDecimal discount = list == null || charge.amount() == null ? null : list.subtract(charge.amount()).max(BigDecimal.ZERO);
        return new QuoteDocument.LineCharge(charge.name(), charge.priceType(), charge.recurringPeriod(), list, discount,
                charge.amount());
    }

    private static QuoteDocument.InternalLine internalLine(PriceSignals signals) {
        return signals == null ? null : new QuoteDocument.InternalLine(signals.costAmount(), signals.marginAmount(),
                signals.marginPercent());
    }

    private static QuoteDocument.Internal internal(PriceSignals signals, ApprovalView approval) {
        List<String> rules = approval == null ? List.of() : approval.triggers().stream()
                .map(t -> t.rule() + (t.lineNumber() == null ? "" : " line " + t.lineNumber()) + " (level " + t.level()
                        + "): " + t.evidence()).toList();
        return new QuoteDocument.Internal(signals == null ? null : signals.costAmount(),
                signals == null ? null : signals.marginAmount(), signals == null ? null : signals.marginPercent(),
                signals != null && signals.manualOverride(), rules);
    }

    /** The approval reference; the decisions (who, level, comment) only for the provider's own people. */
    private static QuoteDocument.Approval approval(ApprovalView approval, boolean internal) {
        if (approval == null) {
            return null;
        }
        List<String> decisions = internal ? approval.decisions().stream().map(QuoteDocuments::decision).toList() : List.of();
        return new QuoteDocument.Approval(approval.approvalId(), approval.status(), approval.requiredLevel(), decisions,
                approval.carriedOverFrom());
    }

    private static String decision(ApprovalStep step) {
        return "Level " + step.level() + " (" + step.role() + "): " + step.decision() + " by " + step.decidedBy()
                + " at " + step.decidedAt() + (step.comment() == null || step.comment().isBlank() ? "" : ", \"" + step.comment() + "\"");
    }

    /** The terms the snapshot and the items imply: validity, currency and tax, billing, contract terms, status. */
    static List<String> terms(QuoteView revision, PriceSnapshot snapshot) {
        List<String> terms = new ArrayList<>();
        terms.add("This offer is valid through " + revision.validUntil() + " (UTC) and cannot be accepted after that day.");
        terms.add("Prices are in " + snapshot.currency() + " and exclude tax"
                + (snapshot.taxRatePercent() == null ? "." : "; tax is invoiced at the rate then applicable (estimated "
                + snapshot.taxRatePercent().stripTrailingZeros().toPlainString() + "%)."));
        terms.add("One-time charges are invoiced once, on activation; recurring charges are invoiced every period shown, "
                + "from activation.");
        Map<String, List<String>> byTerm = new TreeMap<>();
        for (QuoteItemView item : revision.items()) {
            String months = item.characteristics() == null ? null : item.characteristics().get(CONTRACT_TERM);
            if (months != null && !months.isBlank()) {
                byTerm.computeIfAbsent(months.strip(), m -> new ArrayList<>()).add(item.lineNumber());
            }
        }
        byTerm.forEach((months, lineNumbers) -> terms.add("Contract term " + months + " months (line"
                + (lineNumbers.size() == 1 ? " " : "s ") + String.join(", ", lineNumbers) + ")."));
        boolean usage = snapshot.lines().stream().flatMap(l -> l.charges().stream()).anyMatch(c -> c.priceType() == PriceType.USAGE);
        if (usage) {
            terms.add("Usage charges are rated by billing from actual consumption; they are shown here at their rate.");
        }
        terms.add("This document shows revision " + revision.revision() + " with price snapshot " + snapshot.priceSnapshotId()
                + "; an acceptance refers to exactly this revision and price.");
        if (revision.status() == QuoteStatus.SUPERSEDED) {
            terms.add("This revision has been superseded by a newer one and can no longer be accepted.");
        } else if (revision.status() == QuoteStatus.EXPIRED || revision.status() == QuoteStatus.CANCELLED) {
            terms.add("This quote is " + revision.status().name().toLowerCase(java.util.Locale.ROOT)
                    + " and can no longer be accepted.");
        }
        return terms;
    }
}
