package io.cpqoms.quote.application;

import io.cpqoms.kernel.CommandContext;
import io.cpqoms.kernel.DomainException;
import io.cpqoms.quote.api.ApprovalQueueEntry;
import io.cpqoms.quote.api.ApprovalQueuePage;
import io.cpqoms.quote.api.ApprovalQueueQuery;
import io.cpqoms.quote.api.ApprovalStatus;
import io.cpqoms.quote.api.QuoteDocument;
import io.cpqoms.quote.api.QuoteQueries;
import io.cpqoms.quote.api.QuoteSearch;
import io.cpqoms.quote.api.QuoteSearchPage;
import io.cpqoms.quote.api.QuoteSummary;
import io.cpqoms.quote.api.QuoteTimelineEntry;
import io.cpqoms.quote.api.QuoteView;
import io.cpqoms.quote.domain.Quote;
import io.cpqoms.quote.domain.QuoteDocuments;
import io.cpqoms.quote.domain.QuoteReadModel;
import io.cpqoms.quote.domain.QuoteRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Quote reads: one quote, the search, the approver's queue, the timeline, a revision as it was offered
 * and its document. Lists are keyset-paged with {@link KeysetCursor}s bound to their filters.
 */
@Stateless
public class QuoteQueryService implements QuoteQueries {

    static final String SEARCH_NEWEST = "quotes";
    static final String SEARCH_EXPIRING = "quotes-expiring";
    static final String QUEUE = "approval-queue";
    /** The web boundary's code for a query parameter out of its values. */
    static final String INVALID_PARAMETER = "INVALID_PARAMETER";

    @Inject
    private QuoteRepository quotes;

    @Inject
    private QuoteReadModel reads;

    @Override
    public QuoteView quote(CommandContext context, UUID quoteId) {
        return quotes.get(context.tenantId(), quoteId).view();
    }

    @Override
    public QuoteSearchPage search(CommandContext context, QuoteSearch search) {
        KeysetCursor.checkLimit(search.limit());
        boolean expiring = search.expiringBefore() != null;
        String kind = expiring ? SEARCH_EXPIRING : SEARCH_NEWEST;
        KeysetCursor after = KeysetCursor.parse(search.after(), kind, searchFingerprint(search));
        QuoteReadModel.SearchPosition position = after == null ? null : position(after, expiring);
        List<QuoteSummary> found = reads.search(context.tenantId(), search, position, search.limit() + 1);
        List<QuoteSummary> page = found.stream().limit(search.limit()).toList();
        QuoteSummary last = found.size() > search.limit() ? page.get(page.size() - 1) : null;
        return new QuoteSearchPage(page, last == null ? null : new KeysetCursor(kind,
                expiring ? last.validUntil().toString() : last.createdAt().toString(), last.id(),
                searchFingerprint(search)).encoded());
    }

    static String searchFingerprint(QuoteSearch search) {
        return KeysetCursor.fingerprintOf(search.customerId(), search.status(), search.owner(), search.expiringBefore());
    }

    private static QuoteReadModel.SearchPosition position(KeysetCursor cursor, boolean expiring) {
        try {
            return expiring ? new QuoteReadModel.SearchPosition(null, LocalDate.parse(cursor.key()), cursor.id())
                    : new QuoteReadModel.SearchPosition(Instant.parse(cursor.key()), null, cursor.id());
        } catch (DateTimeParseException e) {
            throw KeysetCursor.notOurs();
        }
    }

    @Override
    public ApprovalQueuePage approvalQueue(CommandContext context, ApprovalQueueQuery query) {
        KeysetCursor.checkLimit(query.limit());
        if (query.status() != null && query.status() != ApprovalStatus.PENDING) {
            throw DomainException.invalidInput(INVALID_PARAMETER,
                    "The approval queue holds PENDING requests only; decided requests are on their quotes.");
        }
        String fingerprint = KeysetCursor.fingerprintOf(ApprovalStatus.PENDING);
        KeysetCursor after = KeysetCursor.parse(query.after(), QUEUE, fingerprint);
        Instant afterAt;
        try {
            afterAt = after == null ? null : Instant.parse(after.key());
        } catch (DateTimeParseException e) {
            throw KeysetCursor.notOurs();
        }
        List<ApprovalQueueEntry> found = reads.approvalQueue(context.tenantId(), context.roles(), context.actor(), afterAt,
                after == null ? null : after.id(), query.limit() + 1);
        List<ApprovalQueueEntry> page = found.stream().limit(query.limit()).toList();
        ApprovalQueueEntry last = found.size() > query.limit() ? page.get(page.size() - 1) : null;
        return new ApprovalQueuePage(page, last == null ? null
                : new KeysetCursor(QUEUE, last.requestedAt().toString(), last.approvalId(), fingerprint).encoded());
    }

    /** Every entry names its revision: the one its details name, else the revision the quote was at then. */
    @Override
    public List<QuoteTimelineEntry> timeline(CommandContext context, UUID quoteId) {
        quotes.get(context.tenantId(), quoteId);
        List<QuoteTimelineEntry> trail = reads.auditTrail(context.tenantId(), quoteId);
        List<QuoteTimelineEntry> timeline = new ArrayList<>(trail.size());
        int revision = 1;
        for (QuoteTimelineEntry entry : trail) {
            if (entry.revision() != null) {
                revision = entry.revision();
            }
            timeline.add(new QuoteTimelineEntry(entry.occurredAt(), entry.action(), revision, entry.actor(),
                    entry.correlationId(), entry.details()));
        }
        return timeline;
    }

    @Override
    public QuoteView revision(CommandContext context, UUID quoteId, int revision) {
        Quote quote = quotes.get(context.tenantId(), quoteId);
        if (revision == quote.revision()) {
            return quote.view();
        }
        if (revision < 1 || revision > quote.revision()) {
            throw notFound(quote, revision);
        }
        return reads.supersededRevision(context.tenantId(), quoteId, revision).orElseThrow(() -> notFound(quote, revision));
    }

    private static DomainException notFound(Quote quote, int revision) {
        return DomainException.notFound(QUOTE_REVISION_NOT_FOUND, "Quote " + quote.quoteNumber() + " has no revision "
                + revision + "; its revisions are 1 to " + quote.revision() + ".");
    }

    @Override
    public QuoteDocument document(CommandContext context, UUID quoteId, Integer revision, QuoteDocument.Audience audience) {
        QuoteView view = revision == null ? quote(context, quoteId) : revision(context, quoteId, revision);
        return QuoteDocuments.compose(view, audience);
    }
}
