package io.cpqoms.quote.api;

import io.cpqoms.kernel.CommandContext;
import jakarta.ejb.Local;
import java.util.List;
import java.util.UUID;

/** What the quote context answers; a quote of another tenant does not exist. */
@Local
public interface QuoteQueries {

    /** The quote has no such revision (404). */
    String QUOTE_REVISION_NOT_FOUND = "QUOTE_REVISION_NOT_FOUND";
    /** A page size out of range, or a cursor this search did not return (400). */
    String INVALID_PAGE = "INVALID_PAGE";
    /** The most items one page holds. */
    int MAX_PAGE_SIZE = 200;

    QuoteView quote(CommandContext context, UUID quoteId);

    /** The tenant's quotes by customer, status, owner and end of validity, keyset-paged. */
    QuoteSearchPage search(CommandContext context, QuoteSearch search);

    /** The approval requests waiting for a level the caller's roles decide, not the caller's own; oldest first. */
    ApprovalQueuePage approvalQueue(CommandContext context, ApprovalQueueQuery query);

    /** The quote's history from its audit trail, in the order it happened, across its revisions. */
    List<QuoteTimelineEntry> timeline(CommandContext context, UUID quoteId);

    /**
     * One revision as it was offered: the latest as it stands, an earlier one as it was kept when it was
     * superseded; 404 {@link #QUOTE_REVISION_NOT_FOUND} for a number the quote never had.
     */
    QuoteView revision(CommandContext context, UUID quoteId, int revision);

    /**
     * The document of a revision (the latest when {@code revision} is null), from its stored view and
     * price snapshot, for the audience given; 409 {@code QUOTE_NOT_PRICED} when the revision has no price.
     */
    QuoteDocument document(CommandContext context, UUID quoteId, Integer revision, QuoteDocument.Audience audience);
}
