package io.cpqoms.quote.application;

import io.cpqoms.catalog.api.CatalogQueries;
import io.cpqoms.catalog.api.CatalogVersionStatus;
import io.cpqoms.catalog.api.CatalogVersionView;
import io.cpqoms.catalog.api.ConfigurationCheck;
import io.cpqoms.catalog.api.ConfigurationRequest;
import io.cpqoms.catalog.api.PriceSnapshot;
import io.cpqoms.catalog.api.PricingLine;
import io.cpqoms.catalog.api.RecurringTotal;
import io.cpqoms.kernel.AuditEntry;
import io.cpqoms.kernel.CommandContext;
import io.cpqoms.kernel.DomainException;
import io.cpqoms.kernel.OutboxEvent;
import io.cpqoms.kernel.Violation;
import io.cpqoms.quote.api.Acceptance;
import io.cpqoms.quote.api.AcceptanceRequest;
import io.cpqoms.quote.api.NewQuote;
import io.cpqoms.quote.api.QuoteCommands;
import io.cpqoms.quote.api.QuoteQueries;
import io.cpqoms.quote.api.QuoteStatus;
import io.cpqoms.quote.api.QuoteView;
import io.cpqoms.quote.domain.ItemEligibility;
import io.cpqoms.quote.domain.Quote;
import io.cpqoms.quote.domain.QuoteItem;
import io.cpqoms.quote.infrastructure.Quotes;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Quote commands and queries; every command is one JTA transaction that loads the quote, lets it
 * decide, flushes (so a concurrent change fails here), and writes its audit entry and integration
 * event. Configuration checks and prices come from the pinned catalog version.
 */
@Stateless
public class QuoteService implements QuoteCommands, QuoteQueries {

    /** Starting a quote needs a published catalog version (422). */
    public static final String NO_PUBLISHED_CATALOG = "NO_PUBLISHED_CATALOG";
    /** The named catalog version is not a published version of the tenant (422). */
    public static final String CATALOG_VERSION_NOT_PUBLISHED = "CATALOG_VERSION_NOT_PUBLISHED";

    private static final String AGGREGATE = "Quote";

    @Inject
    private Quotes quotes;

    @EJB
    private CatalogQueries catalog;

    @Override
    public QuoteView start(CommandContext context, NewQuote request) {
        Instant now = Instant.now();
        Quote.check(request, now);
        UUID catalogVersionId = pinnedVersion(context, request.catalogVersionId());
        Quote quote = Quote.start(context.tenantId(), quotes.nextQuoteNumber(), request, catalogVersionId,
                context.actor(), now);
        quotes.add(quote);
        quotes.flush();
        Map<String, Object> details = details("quoteId", quote.id(), "quoteNumber", quote.quoteNumber(),
                "revision", quote.revision(), "customerId", quote.customerId(), "accountId", quote.accountId(),
                "channel", quote.channel(), "catalogVersionId", catalogVersionId, "validUntil", quote.validUntil());
        audit(context, now, "QUOTE_STARTED", quote, details);
        event(context, now, "quote.started.v1", quote, details);
        return quote.view();
    }

    @Override
    public QuoteView addItem(CommandContext context, UUID quoteId, ConfigurationRequest item) {
        Instant now = Instant.now();
        Quote quote = quotes.get(context.tenantId(), quoteId);
        quote.ensureEditable();
        ConfigurationCheck check = catalog.configure(context, quote.catalogVersionId(), item, "item", now);
        List<Violation> ineligible = ItemEligibility.of(item, "item")
                .violations(request -> catalog.eligibility(context, request), quote, now);
        if (!check.valid() || !ineligible.isEmpty()) {
            List<Violation> violations = new ArrayList<>(check.violations());
            violations.addAll(ineligible);
            throw DomainException.ruleViolation(check.valid()
                    ? "The item may not be offered to this customer through this channel at this location."
                    : "The item does not fit the catalog.", violations);
        }
        boolean wasPriced = quote.status() == QuoteStatus.PRICED;
        List<QuoteItem> added = quote.addItem(check.product(), now);
        quotes.flush();
        QuoteItem top = added.get(0);
        audit(context, now, "QUOTE_ITEM_ADDED", quote, details("itemId", top.id(), "lineNumber", top.lineNumber(),
                "offeringId", top.offeringId(), "quantity", top.quantity(), "itemsAdded", added.size(),
                "priceSnapshotDropped", wasPriced));
        return quote.view();
    }

    @Override
    public QuoteView price(CommandContext context, UUID quoteId) {
        Instant now = Instant.now();
        Quote quote = quotes.get(context.tenantId(), quoteId);
        List<PricingLine> lines = quote.linesToPrice();
        PriceSnapshot snapshot = catalog.price(context, quote.catalogVersionId(), lines, now);
        quote.price(snapshot, now);
        quotes.flush();
        Map<String, Object> details = details("quoteId", quote.id(), "quoteNumber", quote.quoteNumber(),
                "revision", quote.revision(), "customerId", quote.customerId());
        details.putAll(totals(snapshot));
        details.put("lines", lines.size());
        audit(context, now, "QUOTE_PRICED", quote, details);
        event(context, now, "quote.priced.v1", quote, details);
        return quote.view();
    }

    @Override
    public QuoteView accept(CommandContext context, UUID quoteId, AcceptanceRequest request) {
        Instant now = Instant.now();
        Quote quote = quotes.get(context.tenantId(), quoteId);
        if (quote.accept(request, context.actor(), now)) {
            quotes.flush();
            Acceptance acceptance = quote.acceptance();
            Map<String, Object> data = details("quoteId", quote.id(), "quoteNumber", quote.quoteNumber(),
                    "revision", acceptance.revision(), "customerId", quote.customerId(),
                    "accountId", quote.accountId(), "catalogVersionId", quote.catalogVersionId(),
                    "acceptanceId", acceptance.acceptanceId());
            data.putAll(totals(quote.priceSnapshot()));
            data.put("acceptedAt", acceptance.acceptedAt().toString());
            event(context, now, "quote.accepted.v1", quote, data);
            // The person at the customer and the evidence stay in the audit trail, off the topic.
            Map<String, Object> details = new LinkedHashMap<>(data);
            details.putAll(details("customerContact", acceptance.customerContact(),
                    "evidenceReference", acceptance.evidenceReference()));
            audit(context, now, "QUOTE_ACCEPTED", quote, details);
        }
        return quote.view();
    }

    @Override
    public QuoteView quote(CommandContext context, UUID quoteId) {
        return quotes.get(context.tenantId(), quoteId).view();
    }

    /**
     * The catalog version a new quote is pinned to: the named one, which must be a published version
     * of the tenant, or else the newest published one.
     */
    private UUID pinnedVersion(CommandContext context, UUID requested) {
        List<CatalogVersionView> published = catalog.versions(context).stream()
                .filter(v -> v.status() == CatalogVersionStatus.PUBLISHED)
                .toList();
        if (requested == null) {
            return published.stream().findFirst().map(CatalogVersionView::id)
                    .orElseThrow(() -> DomainException.ruleViolation("A quote needs a published catalog version.",
                            List.of(new Violation(NO_PUBLISHED_CATALOG, "catalogVersionId",
                                    "No catalog version has been published yet."))));
        }
        if (published.stream().noneMatch(v -> v.id().equals(requested))) {
            throw DomainException.ruleViolation("A quote is pinned to a published catalog version.",
                    List.of(new Violation(CATALOG_VERSION_NOT_PUBLISHED, "catalogVersionId",
                            "Catalog version " + requested + " is not a published catalog version.")));
        }
        return requested;
    }

    /** The price snapshot's id, currency and totals, as audit details and event data. */
    private static Map<String, Object> totals(PriceSnapshot snapshot) {
        Map<String, Object> totals = details("priceSnapshotId", snapshot.priceSnapshotId(),
                "currency", snapshot.currency(), "oneTimeTotal", snapshot.oneTimeTotal());
        totals.put("recurringTotals", snapshot.recurringTotals().stream().map(QuoteService::recurring).toList());
        return totals;
    }

    private static Map<String, Object> recurring(RecurringTotal total) {
        return details("period", total.period().name(), "amount", total.amount());
    }

    private void audit(CommandContext context, Instant now, String action, Quote quote, Map<String, ?> details) {
        quotes.record(new AuditEntry(context, now, action, AGGREGATE, quote.id().toString(), quote.entityVersion(), details));
    }

    private void event(CommandContext context, Instant now, String type, Quote quote, Map<String, ?> data) {
        quotes.record(new OutboxEvent(context, now, type, AGGREGATE, quote.id().toString(), quote.entityVersion(), data));
    }

    /** A map of the non-null values, ids, dates and instants as strings. */
    private static Map<String, Object> details(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            Object value = keyValues[i + 1];
            if (value != null) {
                map.put((String) keyValues[i], value instanceof UUID || value instanceof LocalDate
                        || value instanceof Instant ? value.toString() : value);
            }
        }
        return map;
    }
}
