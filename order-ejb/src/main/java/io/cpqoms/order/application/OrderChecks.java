package io.cpqoms.order.application;

import io.cpqoms.catalog.api.CatalogQueries;
import io.cpqoms.catalog.api.ConfigurationRequest;
import io.cpqoms.catalog.api.ProductSpecification;
import io.cpqoms.order.domain.CustomerOrder;
import io.cpqoms.kernel.CommandContext;
import io.cpqoms.kernel.DomainException;
import io.cpqoms.kernel.Violation;
import io.cpqoms.order.domain.LineDraft;
import io.cpqoms.order.domain.OrderValidation;
import io.cpqoms.quote.api.QuoteStatus;
import io.cpqoms.quote.api.QuoteView;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The facts an order's commands need from the other contexts: what validation checks and what the plan is built from. */
@ApplicationScoped
public class OrderChecks {

    @EJB
    private CatalogQueries catalog;

    /** What the catalog version says about the lines at that instant: still sellable, configuration still valid. */
    public List<Violation> configurationViolations(CommandContext context, UUID versionId, List<LineDraft> lines, Instant at) {
        List<Violation> violations = new ArrayList<>();
        for (Map.Entry<String, ConfigurationRequest> root : OrderLines.requests(lines).entrySet()) {
            violations.addAll(catalog.configure(context, versionId, root.getValue(), "lines[" + root.getKey() + "]", at)
                    .violations());
        }
        return violations;
    }

    /** The product specifications of the order's pinned catalog version that its plan is built from. */
    public Map<String, ProductSpecification> specifications(CommandContext context, CustomerOrder order) {
        return catalog.specifications(context, order.catalogVersionId(), order.specificationIds());
    }

    /** The conversion names a revision that a newer one superseded (409). */
    public static final String QUOTE_REVISION_SUPERSEDED = "QUOTE_REVISION_SUPERSEDED";
    /** The source quote is cancelled (409). */
    public static final String QUOTE_CANCELLED = "QUOTE_CANCELLED";
    /** The source quote is expired (409). */
    public static final String QUOTE_EXPIRED = "QUOTE_EXPIRED";

    /**
     * Refuses, with 409 and a code, an order from a revision that is superseded, or from a quote that is
     * cancelled or expired: no order comes from what the customer can no longer accept.
     */
    public static void refuseClosedRevision(QuoteView quote, int revision) {
        if (revision < quote.revision()) {
            throw DomainException.conflict(QUOTE_REVISION_SUPERSEDED, "Revision " + revision + " of quote "
                    + quote.quoteNumber() + " is superseded by revision " + quote.revision() + "; no order comes from it.");
        }
        if (quote.status() == QuoteStatus.CANCELLED) {
            throw DomainException.conflict(QUOTE_CANCELLED, "Quote " + quote.quoteNumber() + " is cancelled; no order comes from it.");
        }
        if (quote.status() == QuoteStatus.EXPIRED) {
            throw DomainException.conflict(QUOTE_EXPIRED, "Quote " + quote.quoteNumber() + " expired on "
                    + quote.validUntil() + "; no order comes from it.");
        }
    }

    /** What the quote context holds as acceptance of the source quote. */
    public static OrderValidation.SourceQuote sourceQuote(QuoteView quote) {
        return new OrderValidation.SourceQuote(quote.status() == QuoteStatus.ACCEPTED && quote.acceptance() != null,
                quote.acceptance() == null ? null : quote.acceptance().revision(),
                quote.acceptance() == null ? null : quote.acceptance().acceptanceId());
    }
}
