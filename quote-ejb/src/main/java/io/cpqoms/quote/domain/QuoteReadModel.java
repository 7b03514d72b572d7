package io.cpqoms.quote.domain;

import io.cpqoms.quote.api.ApprovalQueueEntry;
import io.cpqoms.quote.api.QuoteSearch;
import io.cpqoms.quote.api.QuoteSummary;
import io.cpqoms.quote.api.QuoteTimelineEntry;
import io.cpqoms.quote.api.QuoteView;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The quote context's read models (seed 002 §23): searches and queues answered by queries of their own
 * on indexed columns, not by loading aggregates. Always scoped to one tenant.
 */
public interface QuoteReadModel {

    /** Where a keyset page of a search continues: after this sort key and id (null: from the start). */
    record SearchPosition(Instant createdAt, LocalDate validUntil, UUID id) {
    }

    /**
     * Up to {@code fetch} quotes of the search after {@code after}: newest first, or, with
     * {@code expiringBefore}, the open quotes ending before that day, soonest first; ties by id.
     */
    List<QuoteSummary> search(String tenantId, QuoteSearch search, SearchPosition after, int fetch);

    /**
     * Up to {@code fetch} pending approval requests that wait for one of {@code roles} and were not
     * requested by {@code actor}, oldest first, after the request at {@code afterRequestedAt}/{@code afterId}.
     */
    List<ApprovalQueueEntry> approvalQueue(String tenantId, Set<String> roles, String actor, Instant afterRequestedAt,
                                           UUID afterId, int fetch);

    /** The quote's audit trail in the order it was written (the revision is the running one, filled in by the caller). */
    List<QuoteTimelineEntry> auditTrail(String tenantId, UUID quoteId);

    /** A superseded revision as it was kept, or empty. */
    Optional<QuoteView> supersededRevision(String tenantId, UUID quoteId, int revision);
}
