package io.cpqoms.web.quote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cpqoms.catalog.api.Charge;
import io.cpqoms.catalog.api.LinePrice;
import io.cpqoms.catalog.api.PriceSignals;
import io.cpqoms.catalog.api.PriceSnapshot;
import io.cpqoms.catalog.api.PriceType;
import io.cpqoms.catalog.api.RecurringPeriod;
import io.cpqoms.catalog.api.RecurringTotal;
import io.cpqoms.quote.api.ApprovalDecision;
import io.cpqoms.quote.api.ApprovalStatus;
import io.cpqoms.quote.api.ApprovalStep;
import io.cpqoms.quote.api.ApprovalView;
import io.cpqoms.quote.api.QuoteDocument.Audience;
import io.cpqoms.quote.api.QuoteItemView;
import io.cpqoms.quote.api.QuoteStatus;
import io.cpqoms.quote.api.QuoteView;
import io.cpqoms.quote.domain.QuoteDocuments;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The PDF layout, read back with PDFBox's text extraction as a customer's reader would show it. */
class QuoteDocumentPdfTest {

    private static final UUID SNAPSHOT = UUID.randomUUID();
    private static final UUID APPROVAL = UUID.randomUUID();

    private static QuoteView quote(int lines, String customerId) {
        List<QuoteItemView> items = new ArrayList<>();
        List<LinePrice> prices = new ArrayList<>();
        PriceSignals signals = new PriceSignals(new BigDecimal("2900.00"), new BigDecimal("1.00"), new BigDecimal("2899.00"),
                new BigDecimal("99.97"), new BigDecimal("1540.00"), new BigDecimal("-1539.00"), new BigDecimal("-153900.00"), true);
        for (int i = 1; i <= lines; i++) {
            UUID id = UUID.randomUUID();
            items.add(new QuoteItemView(id, null, String.valueOf(i), "po_enterprise_fiber", "Enterprise Fiber Internet", "ps_fiber",
                    BigDecimal.ONE, Map.of("bandwidthMbps", "1000", "siteId", "HQ " + "x".repeat(i == 1 ? 300 : 1))));
            prices.add(new LinePrice(id.toString(), "po_enterprise_fiber", BigDecimal.ONE, List.of(
                    new Charge("pop_fiber_monthly", "Fiber monthly fee", PriceType.RECURRING, RecurringPeriod.MONTH,
                            new BigDecimal("2500.00"), new BigDecimal("1.00"), List.of(), new BigDecimal("2500.00"), null),
                    new Charge("pop_fiber_installation", "Fiber installation", PriceType.ONE_TIME, null,
                            new BigDecimal("400.00"), new BigDecimal("0.00"), List.of(), new BigDecimal("400.00"), null)),
                    new BigDecimal("0.00"), List.of(new RecurringTotal(RecurringPeriod.MONTH, new BigDecimal("1.00"))), null, signals));
        }
        PriceSnapshot snapshot = new PriceSnapshot(SNAPSHOT, UUID.randomUUID(), Instant.parse("2026-07-01T08:00:00Z"), "USD", prices,
                new BigDecimal("0.00"), List.of(new RecurringTotal(RecurringPeriod.MONTH, new BigDecimal("1.00"))), signals,
                new BigDecimal("11"), BigDecimal.ZERO, List.of(), "pipeline");
        ApprovalView approval = new ApprovalView(APPROVAL, UUID.randomUUID(), "Q-000042", 1, SNAPSHOT, 2, ApprovalStatus.APPROVED, 2,
                null, null, List.of(), List.of(new ApprovalStep(2, "deal-desk", ApprovalDecision.APPROVE, "acme-deal-desk",
                "strategic account", Instant.parse("2026-07-01T10:00:00Z"), 1, SNAPSHOT)), null, "acme-sales",
                Instant.parse("2026-07-01T09:00:00Z"), Instant.parse("2026-07-01T10:00:00Z"));
        return new QuoteView(UUID.randomUUID(), "Q-000042", 1, QuoteStatus.APPROVED, customerId, "acct-1", "DIRECT_SALES",
                snapshot.catalogVersionId(), LocalDate.parse("2026-07-31"), items, snapshot, null, approval, 3, "acme-sales",
                Instant.parse("2026-06-30T08:00:00Z"), Instant.parse("2026-07-01T10:00:00Z"));
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static int pages(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return document.getNumberOfPages();
        }
    }

    @Test
    void theCustomerDocumentReadsBackWithItsOfferChargesTotalsTermsAndApprovalReference() throws IOException {
        String text = text(QuoteDocumentPdf.render(QuoteDocuments.compose(quote(1, "cust-1"), Audience.CUSTOMER)));
        for (String expected : List.of("Quote Q-000042 - revision 1", "Customer copy", "Customer: cust-1",
                "Enterprise Fiber Internet", "bandwidthMbps = 1000", "Fiber monthly fee (recurring, month): list 2500.00 USD",
                "net 1.00 USD", "Fiber installation (one-time)", "One-time total: 0.00 USD", "Recurring total, month: 1.00 USD",
                "Valid until: 2026-07-31", "valid through 2026-07-31", "Approval reference: " + APPROVAL,
                "Price snapshot: " + SNAPSHOT)) {
            assertTrue(text.contains(expected), () -> "'" + expected + "' in\n" + text);
        }
        for (String secret : List.of("1540.00", "-1539.00", "153900", "margin", "Margin", "strategic account", "Internal")) {
            assertFalse(text.contains(secret), () -> "'" + secret + "' in the customer's document\n" + text);
        }
    }

    @Test
    void theInternalDocumentAddsCostsAndMargins() throws IOException {
        String text = text(QuoteDocumentPdf.render(QuoteDocuments.compose(quote(1, "cust-1"), Audience.INTERNAL)));
        assertTrue(text.contains("Internal copy"), text);
        assertTrue(text.contains("Margin: -1539.00 USD (-153900.00%)"), text);
        assertTrue(text.contains("strategic account"), text);
    }

    @Test
    void longQuotesRunOverPagesAndAnyTextIsRendered() throws IOException {
        byte[] pdf = QuoteDocumentPdf.render(QuoteDocuments.compose(quote(120, "客户-1 \u0000 tab\there"), Audience.CUSTOMER));
        assertTrue(pages(pdf) > 3, "pages: " + pages(pdf));
        String text = text(pdf);
        assertTrue(text.contains("Customer: ??-1"), text.substring(0, 300));
        assertTrue(text.contains("120  Enterprise Fiber Internet"), "the last line is on the last page");
        assertEquals(120, text.split("Fiber installation \\(one-time\\)", -1).length - 1);
    }
}
