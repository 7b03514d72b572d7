package io.cpqoms.order.application;

import io.cpqoms.catalog.api.CatalogQueries;
import io.cpqoms.catalog.api.ConfigurationRequest;
import io.cpqoms.kernel.CommandContext;
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

/** The facts order validation needs from the other contexts, asked the same way at capture and at validation. */
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

    /** What the quote context holds as acceptance of the source quote. */
    public static OrderValidation.SourceQuote sourceQuote(QuoteView quote) {
        return new OrderValidation.SourceQuote(quote.status() == QuoteStatus.ACCEPTED && quote.acceptance() != null,
                quote.acceptance() == null ? null : quote.acceptance().revision(),
                quote.acceptance() == null ? null : quote.acceptance().acceptanceId());
    }
}
