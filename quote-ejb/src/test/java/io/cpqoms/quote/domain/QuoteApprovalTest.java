package io.cpqoms.quote.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cpqoms.catalog.api.ConfiguredProduct;
import io.cpqoms.catalog.api.LinePrice;
import io.cpqoms.catalog.api.PriceSignals;
import io.cpqoms.catalog.api.PriceSnapshot;
import io.cpqoms.catalog.api.RecurringPeriod;
import io.cpqoms.catalog.api.RecurringTotal;
import io.cpqoms.kernel.DomainException;
import io.cpqoms.quote.api.AcceptanceRequest;
import io.cpqoms.quote.api.ApprovalDecision;
import io.cpqoms.quote.api.ApprovalDecisionRequest;
import io.cpqoms.quote.api.ApprovalStatus;
import io.cpqoms.quote.api.ApprovalTrigger;
import io.cpqoms.quote.api.NewQuote;
import io.cpqoms.quote.api.QuoteCancellationRequest;
import io.cpqoms.quote.api.QuoteStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Submission, the approval policy, the chain, revisions, smart re-approval, cancellation and expiry. */
class QuoteApprovalTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    private static final UUID VERSION = UUID.fromString("00000000-0000-0000-0000-00000000c001");
    private static final ApprovalPolicy POLICY = ApprovalPolicies.DEMO;
    private static final Set<String> LEVEL_1 = Set.of("sales-approver");
    private static final Set<String> LEVEL_2 = Set.of("deal-desk");

    private static Quote quote(String term) {
        Quote quote = Quote.start("t1", "Q-000001", new NewQuote("c-42", "a-7", "direct", null, LocalDate.parse("2026-12-31")),
                VERSION, "alice", NOW);
        quote.addItem(new ConfiguredProduct("po_fiber", "Fiber", "ps_fiber", BigDecimal.ONE,
                Map.of("contractTermMonths", term), List.of()), NOW);
        return quote;
    }

    /** Prices every line with that discount and margin (percent). */
    private static void price(Quote quote, String discount, String margin) {
        PriceSignals signals = new PriceSignals(new BigDecimal("100"), new BigDecimal("100").subtract(new BigDecimal(discount)),
                new BigDecimal(discount), new BigDecimal(discount), new BigDecimal("10"), null, new BigDecimal(margin), false);
        List<LinePrice> lines = quote.linesToPrice().stream().map(l -> new LinePrice(l.lineId(), l.offeringId(), l.quantity(),
                List.of(), BigDecimal.TEN, List.of(new RecurringTotal(RecurringPeriod.MONTH, BigDecimal.ONE)), null, signals))
                .toList();
        quote.price(new PriceSnapshot(UUID.randomUUID(), VERSION, NOW, "USD", lines, BigDecimal.TEN,
                List.of(new RecurringTotal(RecurringPeriod.MONTH, BigDecimal.ONE)), signals, null, null, List.of(), "test"), NOW);
    }

    private static ApprovalDecisionRequest approve() {
        return new ApprovalDecisionRequest(ApprovalDecision.APPROVE, "fine", null, null);
    }

    private static List<String> rules(List<ApprovalTrigger> triggers) {
        return triggers.stream().map(t -> t.rule() + "@" + t.level()).toList();
    }

    @Test
    void thePolicyNamesEveryTriggeredRuleWithItsLevelAndEvidence() {
        Quote quote = quote("18");
        price(quote, "99.96", "-1539");
        List<ApprovalTrigger> triggers = POLICY.evaluate(quote.priceSnapshot(), quote.approvalLines());
        assertEquals(List.of("QUOTE_DISCOUNT@2", "MARGIN_FLOOR@2", "LINE_DISCOUNT@2", "NON_STANDARD_TERM@1"), rules(triggers));
        assertEquals(2, ApprovalPolicy.requiredLevel(triggers));
        assertEquals(0, new BigDecimal("99.96").compareTo(triggers.get(0).value()));
        assertTrue(triggers.get(0).evidence().contains("99.96%"), triggers.get(0).evidence());

        Quote modest = quote("36");
        price(modest, "45", "30");
        assertEquals(List.of("QUOTE_DISCOUNT@1", "LINE_DISCOUNT@1"), rules(POLICY.evaluate(modest.priceSnapshot(), modest.approvalLines())));
        Quote plain = quote("24");
        price(plain, "5", "40");
        assertEquals(List.of(), POLICY.evaluate(plain.priceSnapshot(), plain.approvalLines()));
    }

    @Test
    void anEligibilityExceptionAndAManualOverrideTrigger() {
        Quote quote = quote("24");
        price(quote, "5", "40");
        String line = quote.items().get(0).id().toString();
        List<ApprovalTrigger> triggers = POLICY.evaluate(quote.priceSnapshot(),
                List.of(new ApprovalPolicy.Line(line, "1", Map.of(), true, true)));
        assertEquals(List.of("MANUAL_OVERRIDE@1", "ELIGIBILITY_EXCEPTION@2"), rules(triggers));
    }

    @Test
    void aQuoteThatNeedsNoApprovalIsAcceptedWhenPricedAndApprovedAtOnceWhenSubmitted() {
        Quote quote = quote("24");
        price(quote, "5", "40");
        assertTrue(quote.accept(new AcceptanceRequest(1, "Carol", null), POLICY, "alice", NOW));
        assertNull(quote.acceptance().approvalId());

        Quote submitted = quote("24");
        price(submitted, "5", "40");
        QuoteApproval approval = submitted.submit(POLICY, "alice", NOW);
        assertEquals(ApprovalStatus.APPROVED, approval.status());
        assertEquals(QuoteStatus.APPROVED, submitted.status());
    }

    @Test
    void theChainGoesLevelByLevelAndTheRequesterCannotDecide() {
        Quote quote = quote("36");
        price(quote, "99.96", "-1539");
        DomainException unapproved = assertThrows(DomainException.class,
                () -> quote.accept(new AcceptanceRequest(1, "Carol", null), POLICY, "alice", NOW));
        assertEquals(Quote.QUOTE_APPROVAL_REQUIRED, unapproved.code());

        QuoteApproval approval = quote.submit(POLICY, "alice", NOW);
        assertEquals(QuoteStatus.PENDING_APPROVAL, quote.status());
        assertEquals(1, approval.nextLevel());
        assertEquals("sales-approver", approval.nextRole());
        assertThrows(DomainException.class, () -> quote.addItem(new ConfiguredProduct("po_x", "X", "ps_x", BigDecimal.ONE,
                Map.of(), List.of()), NOW), "a submitted revision is not edited");

        DomainException self = assertThrows(DomainException.class, () -> quote.decide(approve(), "alice",
                Set.of("sales", "sales-approver"), NOW));
        assertEquals(DomainException.Kind.FORBIDDEN, self.kind());
        assertEquals(Quote.SELF_APPROVAL, self.code());
        DomainException wrongLevel = assertThrows(DomainException.class, () -> quote.decide(approve(), "dora", LEVEL_2, NOW));
        assertEquals(Quote.APPROVAL_LEVEL_NOT_ALLOWED, wrongLevel.code());

        quote.decide(approve(), "sam", LEVEL_1, NOW);
        assertEquals(QuoteStatus.PENDING_APPROVAL, quote.status(), "level 2 is still needed");
        assertEquals(2, approval.nextLevel());
        assertThrows(DomainException.class, () -> quote.accept(new AcceptanceRequest(1, "Carol", null), POLICY, "alice", NOW));
        quote.decide(approve(), "dora", LEVEL_2, NOW);
        assertEquals(QuoteStatus.APPROVED, quote.status());
        assertEquals(List.of(1, 2), approval.decisions().stream().map(d -> d.level()).toList());
        assertEquals(quote.priceSnapshot().priceSnapshotId(), approval.decisions().get(1).priceSnapshotId());

        assertTrue(quote.accept(new AcceptanceRequest(1, "Carol", null), POLICY, "alice", NOW));
        assertEquals(approval.id(), quote.acceptance().approvalId());
    }

    @Test
    void aRejectionNeedsAReasonAndOnlyANewRevisionMovesOn() {
        Quote quote = quote("36");
        price(quote, "45", "30");
        quote.submit(POLICY, "alice", NOW);
        DomainException noReason = assertThrows(DomainException.class, () -> quote.decide(
                new ApprovalDecisionRequest(ApprovalDecision.REJECT, " ", null, null), "sam", LEVEL_1, NOW));
        assertEquals(Quote.REJECTION_REASON_REQUIRED, noReason.code());
        quote.decide(new ApprovalDecisionRequest(ApprovalDecision.REJECT, "too generous", null, null), "sam", LEVEL_1, NOW);
        assertEquals(QuoteStatus.REJECTED, quote.status());
        assertEquals(Quote.QUOTE_REJECTED, assertThrows(DomainException.class,
                () -> quote.accept(new AcceptanceRequest(1, "Carol", null), POLICY, "alice", NOW)).code());
        assertEquals(Quote.QUOTE_NOT_SUBMITTABLE, assertThrows(DomainException.class,
                () -> quote.submit(POLICY, "alice", NOW)).code());

        QuoteRevision superseded = quote.revise(NOW);
        assertEquals(1, superseded.revision());
        assertTrue(superseded.content().contains("\"SUPERSEDED\""));
        assertEquals(2, quote.revision());
        assertEquals(QuoteStatus.DRAFT, quote.status());
        assertEquals(1, quote.items().size(), "the items are copied");
        assertNull(quote.currentApproval());
    }

    @Test
    void aDecisionIsBoundToItsRevisionAndAnOldRevisionIsNeverAccepted() {
        Quote quote = quote("36");
        price(quote, "45", "30");
        quote.submit(POLICY, "alice", NOW);
        UUID firstSnapshot = quote.priceSnapshot().priceSnapshotId();
        quote.revise(NOW);
        price(quote, "45", "30");
        assertEquals(ApprovalStatus.WITHDRAWN, quote.approvals().get(0).status(), "the pending request of revision 1 is withdrawn");
        quote.submit(POLICY, "alice", NOW);
        assertEquals(Quote.QUOTE_REVISION_SUPERSEDED, assertThrows(DomainException.class, () -> quote.decide(
                new ApprovalDecisionRequest(ApprovalDecision.APPROVE, null, 1, null), "sam", LEVEL_1, NOW)).code());
        assertEquals(Quote.APPROVAL_REVISION_MISMATCH, assertThrows(DomainException.class, () -> quote.decide(
                new ApprovalDecisionRequest(ApprovalDecision.APPROVE, null, 2, firstSnapshot), "sam", LEVEL_1, NOW)).code());
        quote.decide(new ApprovalDecisionRequest(ApprovalDecision.APPROVE, null, 2, quote.priceSnapshot().priceSnapshotId()),
                "sam", LEVEL_1, NOW);
        assertEquals(Quote.QUOTE_REVISION_SUPERSEDED, assertThrows(DomainException.class,
                () -> quote.accept(new AcceptanceRequest(1, "Carol", null), POLICY, "alice", NOW)).code());
        assertTrue(quote.accept(new AcceptanceRequest(2, "Carol", null), POLICY, "alice", NOW));
    }

    @Test
    void smartReApprovalKeepsAnApprovalThatStillCoversTheNewRevision() {
        Quote quote = quote("36");
        price(quote, "45", "30");
        QuoteApproval first = quote.submit(POLICY, "alice", NOW);
        quote.decide(approve(), "sam", LEVEL_1, NOW);
        assertEquals(QuoteStatus.APPROVED, quote.status());

        quote.revise(NOW);
        price(quote, "42", "32");
        QuoteApproval kept = quote.submit(POLICY, "alice", NOW);
        assertEquals(ApprovalStatus.APPROVED, kept.status(), "a smaller discount keeps the approval");
        assertEquals(first.id(), kept.carriedOverFrom());
        assertEquals(QuoteStatus.APPROVED, quote.status());

        quote.revise(NOW);
        price(quote, "50", "32");
        QuoteApproval again = quote.submit(POLICY, "alice", NOW);
        assertEquals(ApprovalStatus.PENDING, again.status(), "a larger discount needs approval again");
        assertNull(again.carriedOverFrom());

    }

    @Test
    void aNewTriggeringLineNeedsApprovalAgain() {
        Quote quote = quote("36");
        price(quote, "45", "30");
        assertEquals(List.of("QUOTE_DISCOUNT@1", "LINE_DISCOUNT@1"), rules(quote.submit(POLICY, "alice", NOW).triggers()));
        quote.decide(approve(), "sam", LEVEL_1, NOW);
        quote.revise(NOW);
        price(quote, "45", "30");
        assertEquals(ApprovalStatus.APPROVED, quote.submit(POLICY, "alice", NOW).status(), "the same signals keep it");
        quote.revise(NOW);
        quote.addItem(new ConfiguredProduct("po_y", "Y", "ps_y", BigDecimal.ONE, Map.of(), List.of()), NOW);
        price(quote, "45", "30");
        QuoteApproval newLine = quote.submit(POLICY, "alice", NOW);
        assertEquals(ApprovalStatus.PENDING, newLine.status(), "a new triggering line needs approval again");
    }

    @Test
    void coversComparesRuleLineLevelAndSignal() {
        ApprovalTrigger discount = new ApprovalTrigger("QUOTE_DISCOUNT", null, null, 1, BigDecimal.TEN, new BigDecimal("30"), "");
        ApprovalTrigger margin = new ApprovalTrigger("MARGIN_FLOOR", null, null, 1, BigDecimal.TEN, new BigDecimal("5"), "");
        assertTrue(ApprovalPolicy.covers(List.of(discount, margin), List.of(discount)));
        assertTrue(ApprovalPolicy.covers(List.of(margin), List.of(new ApprovalTrigger("MARGIN_FLOOR", null, null, 1,
                BigDecimal.TEN, new BigDecimal("6"), ""))));
        assertEquals(false, ApprovalPolicy.covers(List.of(margin), List.of(new ApprovalTrigger("MARGIN_FLOOR", null, null, 1,
                BigDecimal.TEN, new BigDecimal("4"), ""))));
        assertEquals(false, ApprovalPolicy.covers(List.of(discount), List.of(new ApprovalTrigger("QUOTE_DISCOUNT", null, null, 2,
                BigDecimal.TEN, new BigDecimal("20"), ""))), "a higher level is not covered");
        assertEquals(false, ApprovalPolicy.covers(List.of(discount), List.of(margin)));
    }

    @Test
    void anOpenQuoteIsCancelledAndAnExpiredOneIsRefused() {
        Quote quote = quote("36");
        price(quote, "45", "30");
        quote.submit(POLICY, "alice", NOW);
        assertEquals(Quote.CANCELLATION_INVALID, assertThrows(DomainException.class,
                () -> quote.cancel(new QuoteCancellationRequest(""), "alice", NOW)).code());
        quote.cancel(new QuoteCancellationRequest("customer went elsewhere"), "alice", NOW);
        assertEquals(QuoteStatus.CANCELLED, quote.status());
        assertEquals(ApprovalStatus.WITHDRAWN, quote.currentApproval().status());
        assertEquals(Quote.QUOTE_NOT_CANCELLABLE, assertThrows(DomainException.class,
                () -> quote.cancel(new QuoteCancellationRequest("again"), "alice", NOW)).code());

        Quote late = quote("24");
        price(late, "5", "40");
        Instant afterValidity = Instant.parse("2027-01-01T00:00:00Z");
        assertEquals(Quote.QUOTE_EXPIRED, assertThrows(DomainException.class,
                () -> late.accept(new AcceptanceRequest(1, "Carol", null), POLICY, "alice", afterValidity)).code(),
                "refused before the sweep has marked it");
        assertEquals(false, late.expire(Instant.parse("2026-12-31T23:59:59Z")), "valid through its last day");
        assertTrue(late.expire(afterValidity));
        assertEquals(QuoteStatus.EXPIRED, late.status());
        assertNotNull(late.view());
    }
}
