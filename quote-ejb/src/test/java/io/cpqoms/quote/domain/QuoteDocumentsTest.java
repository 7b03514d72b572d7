package io.cpqoms.quote.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cpqoms.catalog.api.Charge;
import io.cpqoms.catalog.api.LinePrice;
import io.cpqoms.catalog.api.PriceSignals;
import io.cpqoms.catalog.api.PriceSnapshot;
import io.cpqoms.catalog.api.PriceType;
import io.cpqoms.catalog.api.RecurringPeriod;
import io.cpqoms.catalog.api.RecurringTotal;
import io.cpqoms.kernel.DomainException;
import io.cpqoms.quote.api.ApprovalDecision;
import io.cpqoms.quote.api.ApprovalStatus;
import io.cpqoms.quote.api.ApprovalStep;
import io.cpqoms.quote.api.ApprovalTrigger;
import io.cpqoms.quote.api.ApprovalView;
import io.cpqoms.quote.api.QuoteDocument;
import io.cpqoms.quote.api.QuoteDocument.Audience;
import io.cpqoms.quote.api.QuoteItemView;
import io.cpqoms.quote.api.QuoteStatus;
import io.cpqoms.quote.api.QuoteView;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The content of a quote document, from a revision's stored view: what each audience reads. */
class QuoteDocumentsTest {

    static final UUID BUNDLE = UUID.randomUUID();
    static final UUID FIBER = UUID.randomUUID();
    static final UUID SNAPSHOT = UUID.randomUUID();
    static final UUID APPROVAL = UUID.randomUUID();

    /** A bundle with a fiber child at 1.00 a month (list 2500.00) and free installation, approved at two levels. */
    static QuoteView nearlyFree(QuoteStatus status) {
        Map<String, String> fiber = new LinkedHashMap<>();
        fiber.put("siteId", "HQ");
        fiber.put("bandwidthMbps", "1000");
        fiber.put("contractTermMonths", "24");
        List<QuoteItemView> items = List.of(
                new QuoteItemView(BUNDLE, null, "1", "po_connectivity_bundle", "Enterprise Connectivity Bundle", "ps_bundle",
                        BigDecimal.ONE, Map.of()),
                new QuoteItemView(FIBER, BUNDLE, "1.1", "po_enterprise_fiber", "Enterprise Fiber Internet", "ps_fiber",
                        BigDecimal.ONE, fiber));
        Charge monthly = new Charge("pop_fiber_monthly", "Fiber monthly fee", PriceType.RECURRING, RecurringPeriod.MONTH,
                new BigDecimal("2500.00"), new BigDecimal("1.00"), List.of(), new BigDecimal("2500.00"), null);
        Charge installation = new Charge("pop_fiber_installation", "Fiber installation", PriceType.ONE_TIME, null,
                new BigDecimal("400.00"), new BigDecimal("0.00"), List.of(), new BigDecimal("400.00"), null);
        PriceSignals fiberSignals = new PriceSignals(new BigDecimal("2900.00"), new BigDecimal("1.00"), new BigDecimal("2899.00"),
                new BigDecimal("99.97"), new BigDecimal("1540.00"), new BigDecimal("-1539.00"), new BigDecimal("-153900.00"), true);
        LinePrice bundleLine = new LinePrice(BUNDLE.toString(), "po_connectivity_bundle", BigDecimal.ONE, List.of(),
                BigDecimal.ZERO, List.of(), null, null);
        LinePrice fiberLine = new LinePrice(FIBER.toString(), "po_enterprise_fiber", BigDecimal.ONE, List.of(monthly, installation),
                new BigDecimal("0.00"), List.of(new RecurringTotal(RecurringPeriod.MONTH, new BigDecimal("1.00"))),
                BUNDLE.toString(), fiberSignals);
        PriceSnapshot snapshot = new PriceSnapshot(SNAPSHOT, UUID.randomUUID(), Instant.parse("2026-07-01T08:00:00Z"), "USD",
                List.of(bundleLine, fiberLine), new BigDecimal("0.00"),
                List.of(new RecurringTotal(RecurringPeriod.MONTH, new BigDecimal("1.00"))), fiberSignals, new BigDecimal("11.00"),
                BigDecimal.ZERO, List.of(), "pipeline-v1");
        ApprovalView approval = new ApprovalView(APPROVAL, UUID.randomUUID(), "Q-000042", 2, SNAPSHOT, 2, ApprovalStatus.APPROVED,
                2, null, null, List.of(new ApprovalTrigger("MARGIN_FLOOR", null, null, 2, BigDecimal.ZERO,
                        new BigDecimal("-153900.00"), "The margin -153900.00% is below 0%.")),
                List.of(new ApprovalStep(1, "sales-approver", ApprovalDecision.APPROVE, "acme-sales-approver", "strategic account",
                                Instant.parse("2026-07-01T09:00:00Z"), 2, SNAPSHOT),
                        new ApprovalStep(2, "deal-desk", ApprovalDecision.APPROVE, "acme-deal-desk", "signed off",
                                Instant.parse("2026-07-01T10:00:00Z"), 2, SNAPSHOT)),
                null, "acme-sales", Instant.parse("2026-07-01T08:30:00Z"), Instant.parse("2026-07-01T10:00:00Z"));
        return new QuoteView(UUID.randomUUID(), "Q-000042", 2, status, "cust-1", "acct-1", "DIRECT_SALES", snapshot.catalogVersionId(),
                LocalDate.parse("2026-07-31"), items, snapshot, null, approval, 7, "acme-sales", Instant.parse("2026-06-30T08:00:00Z"),
                Instant.parse("2026-07-01T10:00:00Z"));
    }

    @Test
    void theDocumentShowsTheStoredSnapshotLineByLine() {
        QuoteDocument document = QuoteDocuments.compose(nearlyFree(QuoteStatus.APPROVED), Audience.INTERNAL);
        assertEquals("Q-000042", document.quoteNumber());
        assertEquals(2, document.revision());
        assertEquals(SNAPSHOT, document.priceSnapshotId());
        assertEquals("USD", document.currency());
        assertEquals(List.of("1", "1.1"), document.lines().stream().map(QuoteDocument.Line::lineNumber).toList());
        assertEquals(List.of(0, 1), document.lines().stream().map(QuoteDocument.Line::depth).toList());
        QuoteDocument.Line fiber = document.lines().get(1);
        assertEquals("Enterprise Fiber Internet", fiber.offeringName());
        assertEquals(List.of("bandwidthMbps", "contractTermMonths", "siteId"),
                fiber.configuration().stream().map(QuoteDocument.Setting::name).toList(), "sorted by name");
        QuoteDocument.LineCharge monthly = fiber.charges().get(0);
        assertEquals(PriceType.RECURRING, monthly.type());
        assertEquals(RecurringPeriod.MONTH, monthly.period());
        assertEquals(new BigDecimal("2500.00"), monthly.listAmount());
        assertEquals(new BigDecimal("2499.00"), monthly.discountAmount());
        assertEquals(new BigDecimal("1.00"), monthly.amount());
        assertEquals(new BigDecimal("0.00"), document.oneTimeTotal());
        assertEquals(new BigDecimal("1.00"), document.recurringTotals().get(0).amount());
        assertEquals(new BigDecimal("99.97"), document.discountPercent());
        assertEquals(APPROVAL, document.approval().approvalId());
        assertEquals(ApprovalStatus.APPROVED, document.approval().status());
    }

    @Test
    void theInternalDocumentCarriesCostsMarginsAndTheApprovalsStory() {
        QuoteDocument document = QuoteDocuments.compose(nearlyFree(QuoteStatus.APPROVED), Audience.INTERNAL);
        assertEquals(new BigDecimal("-153900.00"), document.internal().marginPercent());
        assertEquals(new BigDecimal("1540.00"), document.internal().costAmount());
        assertTrue(document.internal().manualOverride());
        assertEquals(new BigDecimal("-1539.00"), document.lines().get(1).internal().marginAmount());
        assertEquals(2, document.approval().decisions().size());
        assertTrue(document.approval().decisions().get(1).contains("deal-desk"), document.approval().decisions().toString());
        assertTrue(document.internal().approvalRules().get(0).startsWith("MARGIN_FLOOR"));
    }

    @Test
    void theCustomerDocumentHasNoCostsMarginsOrApproversNotes() {
        QuoteDocument document = QuoteDocuments.compose(nearlyFree(QuoteStatus.APPROVED), Audience.CUSTOMER);
        assertNull(document.internal());
        assertTrue(document.lines().stream().allMatch(l -> l.internal() == null));
        assertEquals(List.of(), document.approval().decisions());
        assertEquals(APPROVAL, document.approval().approvalId(), "the approval reference stays");
        String everything = document.toString();
        for (String secret : List.of("1540.00", "-1539.00", "-153900", "strategic account", "MARGIN_FLOOR")) {
            assertTrue(!everything.contains(secret), secret + " in " + everything);
        }
    }

    @Test
    void theTermsSayValidityCurrencyTaxContractTermAndRevision() {
        List<String> terms = QuoteDocuments.compose(nearlyFree(QuoteStatus.APPROVED), Audience.CUSTOMER).terms();
        String all = String.join("\n", terms);
        assertTrue(all.contains("valid through 2026-07-31"), all);
        assertTrue(all.contains("in USD and exclude tax") && all.contains("11%"), all);
        assertTrue(all.contains("Contract term 24 months (line 1.1)"), all);
        assertTrue(all.contains("revision 2 with price snapshot " + SNAPSHOT), all);
        assertTrue(String.join("\n", QuoteDocuments.compose(nearlyFree(QuoteStatus.SUPERSEDED), Audience.CUSTOMER).terms())
                .contains("superseded"));
    }

    @Test
    void aRevisionWithoutPriceHasNoDocument() {
        QuoteView priced = nearlyFree(QuoteStatus.PRICED);
        QuoteView draft = new QuoteView(priced.id(), priced.quoteNumber(), 3, QuoteStatus.DRAFT, priced.customerId(),
                priced.accountId(), priced.channel(), priced.catalogVersionId(), priced.validUntil(), priced.items(), null, null,
                null, 8, priced.createdBy(), priced.createdAt(), priced.updatedAt());
        DomainException e = assertThrows(DomainException.class, () -> QuoteDocuments.compose(draft, Audience.CUSTOMER));
        assertEquals(Quote.QUOTE_NOT_PRICED, e.code());
        assertEquals(DomainException.Kind.CONFLICT, e.kind());
    }
}
