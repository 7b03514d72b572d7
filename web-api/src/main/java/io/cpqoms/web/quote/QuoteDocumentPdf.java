package io.cpqoms.web.quote;

import io.cpqoms.catalog.api.PriceType;
import io.cpqoms.catalog.api.RecurringTotal;
import io.cpqoms.quote.api.QuoteDocument;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * The layout of a quote document as PDF (Apache PDFBox): A4 pages of text in sections, the content as
 * {@link QuoteDocument} gives it; nothing here computes a price. Text outside the standard fonts'
 * character set is written as '?', so a customer id in any script cannot break the rendering.
 */
final class QuoteDocumentPdf {

    private static final float MARGIN = 50;
    private static final float LEADING = 1.35f;

    private QuoteDocumentPdf() {
    }

    static byte[] render(QuoteDocument d) {
        try (PDDocument pdf = new PDDocument()) {
            PDDocumentInformation info = pdf.getDocumentInformation();
            info.setTitle("Quote " + d.quoteNumber() + " revision " + d.revision());
            info.setProducer("CPQ/OMS");
            Page page = new Page(pdf);
            boolean internal = d.audience() == QuoteDocument.Audience.INTERNAL;
            page.text("Quote " + d.quoteNumber() + " - revision " + d.revision(), page.bold, 18, 0);
            page.text(internal ? "Internal copy: contains costs and margins; not for the customer." : "Customer copy",
                    page.regular, 10, 0);
            page.gap();
            page.text("Customer: " + d.customerId() + (d.accountId() == null ? "" : "    Account: " + d.accountId())
                    + "    Channel: " + d.channel(), page.regular, 10, 0);
            page.text("Status: " + d.status() + "    Valid until: " + d.validUntil() + " (UTC)", page.regular, 10, 0);
            page.text("Priced at: " + d.pricedAt() + "    Price snapshot: " + d.priceSnapshotId(), page.regular, 10, 0);

            page.heading("Offer");
            for (QuoteDocument.Line line : d.lines()) {
                float indent = 14 * line.depth();
                page.text(line.lineNumber() + "  " + line.offeringName() + " (" + line.offeringId() + ")  x "
                        + plain(line.quantity()), page.bold, 10, indent);
                if (!line.configuration().isEmpty()) {
                    page.text("Configuration: " + line.configuration().stream().map(s -> s.name() + " = " + s.value())
                            .collect(Collectors.joining(", ")), page.regular, 9, indent + 12);
                }
                for (QuoteDocument.LineCharge charge : line.charges()) {
                    page.text(charge.name() + " (" + kind(charge) + "): list " + money(charge.listAmount(), d.currency())
                            + ", discount " + money(charge.discountAmount(), d.currency()) + ", net "
                            + money(charge.amount(), d.currency()), page.regular, 9, indent + 12);
                }
                if (line.internal() != null && line.internal().costAmount() != null) {
                    page.text("Internal: cost " + money(line.internal().costAmount(), d.currency()) + ", margin "
                            + money(line.internal().marginAmount(), d.currency()) + " (" + percent(line.internal().marginPercent())
                            + ")", page.oblique, 9, indent + 12);
                }
            }

            page.heading("Totals (" + d.currency() + ", excluding tax)");
            page.text("One-time total: " + money(d.oneTimeTotal(), d.currency()), page.bold, 10, 0);
            for (RecurringTotal total : d.recurringTotals()) {
                page.text("Recurring total, " + total.period().name().toLowerCase(java.util.Locale.ROOT) + ": "
                        + money(total.amount(), d.currency()), page.bold, 10, 0);
            }
            if (d.listAmount() != null) {
                page.text("List amount: " + money(d.listAmount(), d.currency()) + "    Discount: "
                        + money(d.discountAmount(), d.currency()) + " (" + percent(d.discountPercent()) + ")", page.regular, 10, 0);
            }
            if (d.taxRatePercent() != null) {
                page.text("Tax rate (estimate, invoiced separately): " + percent(d.taxRatePercent()), page.regular, 10, 0);
            }

            page.heading("Approval");
            if (d.approval() == null) {
                page.text("No approval request: this revision was not submitted.", page.regular, 10, 0);
            } else {
                page.text("Approval reference: " + d.approval().approvalId() + "    Status: " + d.approval().status()
                        + "    Levels required: " + d.approval().requiredLevel(), page.regular, 10, 0);
                if (d.approval().carriedOverFrom() != null) {
                    page.text("Kept from approval " + d.approval().carriedOverFrom() + " of an earlier revision.", page.regular, 10, 0);
                }
                for (String decision : d.approval().decisions()) {
                    page.text(decision, page.regular, 9, 12);
                }
            }
            if (d.acceptance() != null) {
                page.text("Accepted by " + d.acceptance().customerContact() + " at " + d.acceptance().acceptedAt()
                        + " (acceptance " + d.acceptance().acceptanceId() + ")", page.regular, 10, 0);
            }

            page.heading("Terms");
            for (String term : d.terms()) {
                page.text("- " + term, page.regular, 9, 0);
            }

            if (d.internal() != null) {
                page.heading("Internal: costs and margin");
                page.text("Cost: " + money(d.internal().costAmount(), d.currency()) + "    Margin: "
                        + money(d.internal().marginAmount(), d.currency()) + " (" + percent(d.internal().marginPercent()) + ")"
                        + (d.internal().manualOverride() ? "    Manual price override present" : ""), page.regular, 10, 0);
                for (String rule : d.internal().approvalRules()) {
                    page.text("Rule " + rule, page.regular, 9, 12);
                }
            }
            page.close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            pdf.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String kind(QuoteDocument.LineCharge charge) {
        if (charge.type() == PriceType.RECURRING) {
            return "recurring" + (charge.period() == null ? "" : ", " + charge.period().name().toLowerCase(java.util.Locale.ROOT));
        }
        return charge.type() == PriceType.USAGE ? "usage, rated by billing" : "one-time";
    }

    private static String money(BigDecimal amount, String currency) {
        return amount == null ? "-" : plain(amount) + " " + currency;
    }

    private static String percent(BigDecimal value) {
        return value == null ? "-" : plain(value) + "%";
    }

    private static String plain(BigDecimal value) {
        return value == null ? "-" : value.toPlainString();
    }

    /** A writer of wrapped lines down A4 pages, starting a new page when one is full. */
    private static final class Page {
        final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        final PDType1Font oblique = new PDType1Font(Standard14Fonts.FontName.HELVETICA_OBLIQUE);
        private final PDDocument pdf;
        private PDPageContentStream content;
        private float y;

        Page(PDDocument pdf) throws IOException {
            this.pdf = pdf;
            next();
        }

        private void next() throws IOException {
            if (content != null) {
                content.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            pdf.addPage(page);
            content = new PDPageContentStream(pdf, page);
            y = page.getMediaBox().getHeight() - MARGIN;
        }

        void gap() {
            y -= 8;
        }

        void heading(String text) throws IOException {
            y -= 10;
            text(text, bold, 12, 0);
        }

        void text(String text, PDType1Font font, float size, float indent) throws IOException {
            float width = PDRectangle.A4.getWidth() - 2 * MARGIN - indent;
            for (String line : wrap(printable(text, font), font, size, width)) {
                if (y - size * LEADING < MARGIN) {
                    next();
                }
                y -= size * LEADING;
                content.beginText();
                content.setFont(font, size);
                content.newLineAtOffset(MARGIN + indent, y);
                content.showText(line);
                content.endText();
            }
        }

        void close() throws IOException {
            content.close();
        }

        /** The text with every character the font cannot show as '?' and line breaks as spaces. */
        private static String printable(String text, PDType1Font font) {
            StringBuilder out = new StringBuilder(text.length());
            text.codePoints().forEach(c -> {
                String s = new String(Character.toChars(Character.isISOControl(c) ? ' ' : c));
                try {
                    font.encode(s);
                    out.append(s);
                } catch (IOException | IllegalArgumentException e) {
                    out.append('?');
                }
            });
            return out.toString();
        }

        private static List<String> wrap(String text, PDType1Font font, float size, float width) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            for (String word : text.split(" ")) {
                String candidate = line.length() == 0 ? word : line + " " + word;
                if (font.getStringWidth(candidate) / 1000 * size <= width || line.length() == 0 && fits(word, font, size, width)) {
                    line.setLength(0);
                    line.append(candidate);
                    continue;
                }
                if (line.length() > 0) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                // a word longer than the line is cut where it no longer fits
                String rest = word;
                while (!fits(rest, font, size, width)) {
                    int cut = rest.length() - 1;
                    while (cut > 1 && !fits(rest.substring(0, cut), font, size, width)) {
                        cut--;
                    }
                    lines.add(rest.substring(0, cut));
                    rest = rest.substring(cut);
                }
                line.append(rest);
            }
            if (line.length() > 0 || lines.isEmpty()) {
                lines.add(line.toString());
            }
            return lines;
        }

        private static boolean fits(String text, PDType1Font font, float size, float width) throws IOException {
            return font.getStringWidth(text) / 1000 * size <= width;
        }
    }
}
