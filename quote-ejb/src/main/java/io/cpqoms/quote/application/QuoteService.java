package io.cpqoms.quote.application;

import io.cpqoms.catalog.api.OfferingQuery;
import io.cpqoms.catalog.api.CatalogQueries;
import io.cpqoms.catalog.api.ConfigurationCheck;
import io.cpqoms.catalog.api.ConfigurationRequest;
import io.cpqoms.catalog.api.ConfiguredProduct;
import io.cpqoms.catalog.api.PriceOverride;
import io.cpqoms.catalog.api.PriceSignals;
import io.cpqoms.catalog.api.PriceSnapshot;
import io.cpqoms.catalog.api.PriceType;
import io.cpqoms.catalog.api.ProductOffering;
import io.cpqoms.catalog.api.ProductOfferingPrice;
import io.cpqoms.catalog.api.PricingLine;
import io.cpqoms.catalog.api.RecurringTotal;
import io.cpqoms.kernel.AuditEntry;
import io.cpqoms.kernel.CommandContext;
import io.cpqoms.kernel.DomainException;
import io.cpqoms.kernel.OutboxEvent;
import io.cpqoms.kernel.Violation;
import io.cpqoms.quote.api.Acceptance;
import io.cpqoms.quote.api.AcceptanceRequest;
import io.cpqoms.quote.api.ApprovalDecision;
import io.cpqoms.quote.api.ApprovalDecisionRequest;
import io.cpqoms.quote.api.ApprovalStatus;
import io.cpqoms.quote.api.QuoteCancellationRequest;
import io.cpqoms.quote.domain.QuoteApproval;
import io.cpqoms.quote.domain.QuoteRevision;
import io.cpqoms.quote.api.NewQuote;
import io.cpqoms.quote.api.PriceOverrideRequest;
import io.cpqoms.quote.api.ChangeLine;
import io.cpqoms.quote.api.InstalledBaseChanges;
import io.cpqoms.quote.api.ProductChange;
import io.cpqoms.quote.api.QuoteCommands;
import io.cpqoms.quote.api.QuoteStatus;
import io.cpqoms.quote.api.QuoteView;
import io.cpqoms.quote.domain.ItemEligibility;
import io.cpqoms.quote.domain.Quote;
import io.cpqoms.quote.domain.QuoteItem;
import io.cpqoms.quote.domain.QuoteRepository;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntFunction;

/**
 * Quote commands; every command is one JTA transaction that loads the quote, lets it
 * decide, flushes (so a concurrent change fails here), and writes its audit entry and integration
 * event. Configuration checks and prices come from the pinned catalog version.
 */
@Stateless
public class QuoteService implements QuoteCommands {

    /** A batch of items is empty, too large or holds an empty item (400). */
    public static final String QUOTE_ITEMS_INVALID = "QUOTE_ITEMS_INVALID";
    /** The overridden price is not a price of the item's offering in the pinned version (422). */
    public static final String PRICE_OVERRIDE_TARGET_NOT_FOUND = "PRICE_OVERRIDE_TARGET_NOT_FOUND";
    /** A usage charge is rated by billing and priced at zero on a quote; it cannot be overridden (422). */
    public static final String PRICE_OVERRIDE_NOT_APPLICABLE = "PRICE_OVERRIDE_NOT_APPLICABLE";
    /** The most items (top-level products, each with its children) one batch adds. */
    public static final int MAX_ITEMS_PER_BATCH = 1_000;
    /** Products of one batch, bundle children included: what one transaction configures and stores. */
    public static final int MAX_PRODUCTS_PER_BATCH = 5_000;

    private static final String AGGREGATE = "Quote";

    @Inject
    private QuoteRepository quotes;

    @EJB
    private CatalogQueries catalog;

    @EJB
    private InstalledBaseChanges installedBase;

    @Override
    public QuoteView start(CommandContext context, NewQuote request) {
        Instant now = Instant.now();
        Quote.check(request, now);
        UUID catalogVersionId = catalog.publishedVersion(context, request.catalogVersionId());
        if (catalog.offerings(context, new OfferingQuery(catalogVersionId, request.channel(), null, null, 0, 1)).total() == 0) {
            throw DomainException.ruleViolation("The catalog sells nothing through channel " + request.channel() + ".",
                    List.of(new Violation(Quote.CHANNEL_NOT_SOLD, "channel", "No offering of catalog version "
                            + catalogVersionId + " is sold through channel " + request.channel() + ".")));
        }
        Quote quote = Quote.start(context.tenantId(), quotes.nextQuoteNumber(), request, catalogVersionId,
                context.actor(), now);
        quotes.add(quote);
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
        ConfiguredProduct product = admitted(context, quote, List.of(item), i -> "item", now).get(0);
        boolean wasPriced = quote.status() == QuoteStatus.PRICED;
        List<QuoteItem> added = quote.addItem(product, now);
        quotes.store(quote);
        QuoteItem top = added.get(0);
        audit(context, now, "QUOTE_ITEM_ADDED", quote, details("itemId", top.id(), "lineNumber", top.lineNumber(),
                "offeringId", top.offeringId(), "quantity", top.quantity(), "itemsAdded", added.size(),
                "priceSnapshotDropped", wasPriced));
        return quote.view();
    }

    /**
     * The items as the catalog version configures them, provided every one fits the catalog and may be
     * offered to the quote's customer through its channel at the item's site; otherwise every broken
     * rule of every item, and nothing is added.
     */
    private List<ConfiguredProduct> admitted(CommandContext context, Quote quote, List<ConfigurationRequest> items,
                                             IntFunction<String> target, Instant now) {
        List<Violation> violations = new ArrayList<>();
        List<ConfiguredProduct> products = new ArrayList<>(items.size());
        boolean configurationsValid = true;
        for (int i = 0; i < items.size(); i++) {
            ConfigurationCheck check = catalog.configure(context, quote.catalogVersionId(), items.get(i), target.apply(i), now);
            List<Violation> ineligible = ItemEligibility.of(items.get(i), target.apply(i))
                    .violations(request -> catalog.eligibility(context, request), quote, now);
            violations.addAll(check.violations());
            violations.addAll(ineligible);
            configurationsValid &= check.valid();
            if (check.valid() && ineligible.isEmpty()) {
                products.add(check.product());
            }
        }
        if (!violations.isEmpty()) {
            throw DomainException.ruleViolation(configurationsValid
                    ? "The item may not be offered to this customer through this channel at this location; none was added."
                    : "The item does not fit the catalog; none was added.", violations);
        }
        return products;
    }

    @Override
    public QuoteView addItems(CommandContext context, UUID quoteId, List<ConfigurationRequest> items) {
        if (items == null || items.isEmpty() || items.size() > MAX_ITEMS_PER_BATCH) {
            throw DomainException.invalidInput(QUOTE_ITEMS_INVALID, "A batch adds 1 to " + MAX_ITEMS_PER_BATCH
                    + " items, not " + (items == null ? 0 : items.size()) + ".");
        }
        if (items.contains(null)) {
            throw DomainException.invalidInput(QUOTE_ITEMS_INVALID, "items[" + items.indexOf(null) + "] is not an item.");
        }
        int productCount = items.stream().mapToInt(ConfigurationRequest::productCount).sum();
        if (productCount > MAX_PRODUCTS_PER_BATCH) {
            throw DomainException.invalidInput(QUOTE_ITEMS_INVALID, "A batch adds at most " + MAX_PRODUCTS_PER_BATCH
                    + " products, bundle children included, not " + productCount + ".");
        }
        Instant now = Instant.now();
        Quote quote = quotes.get(context.tenantId(), quoteId);
        quote.ensureEditable();
        List<ConfiguredProduct> products = admitted(context, quote, items, i -> "items[" + i + "]", now);
        boolean wasPriced = quote.status() == QuoteStatus.PRICED;
        List<QuoteItem> added = quote.addItems(products, now);
        quotes.store(quote);
        audit(context, now, "QUOTE_ITEMS_ADDED", quote, details("products", products.size(), "itemsAdded", added.size(),
                "firstLineNumber", added.get(0).lineNumber(), "lastTopLevelLineNumber",
                added.stream().filter(QuoteItem::isTopLevel).reduce((a, b) -> b).map(QuoteItem::lineNumber).orElse(null),
                "priceSnapshotDropped", wasPriced));
        return quote.view();
    }

    @Override
    public QuoteView addChange(CommandContext context, UUID quoteId, ProductChange change) {
        Instant now = Instant.now();
        Quote quote = quotes.get(context.tenantId(), quoteId);
        quote.ensureEditable();
        List<ChangeLine> lines = installedBase.changeLines(context, quote.customerId(), quote.accountId(),
                quote.catalogVersionId(), change);
        boolean wasPriced = quote.status() == QuoteStatus.PRICED;
        List<QuoteItem> added = quote.addChange(lines, now);
        quotes.store(quote);
        QuoteItem top = added.get(0);
        audit(context, now, "QUOTE_CHANGE_ADDED", quote, details("itemId", top.id(), "lineNumber", top.lineNumber(),
                "productId", change.productId(), "actions", added.stream().map(i -> i.action().name()).toList(),
                "itemsAdded", added.size(), "priceSnapshotDropped", wasPriced));
        return quote.view();
    }

    @Override
    public QuoteView overridePrice(CommandContext context, UUID quoteId, UUID itemId, PriceOverrideRequest request) {
        Quote.checkOverride(request, null);
        Instant now = Instant.now();
        Quote quote = quotes.get(context.tenantId(), quoteId);
        quote.ensureEditable();
        QuoteItem item = quote.item(itemId);
        String priceId = request.priceId().strip();
        ProductOffering offering = catalog.offering(context, item.offeringId(), quote.catalogVersionId()).offering();
        ProductOfferingPrice price = offering.prices().stream().filter(p -> p.id().equals(priceId)).findFirst()
                .orElseThrow(() -> DomainException.ruleViolation("The item has no such price.", List.of(new Violation(
                        PRICE_OVERRIDE_TARGET_NOT_FOUND, "priceId", "Offering '" + offering.id() + "' of line "
                        + item.lineNumber() + " has no price '" + priceId + "'; its prices are "
                        + offering.prices().stream().map(ProductOfferingPrice::id).toList() + "."))));
        if (price.priceType() == PriceType.USAGE) {
            throw DomainException.ruleViolation("A usage charge cannot be overridden.", List.of(new Violation(
                    PRICE_OVERRIDE_NOT_APPLICABLE, "priceId", "Price '" + priceId + "' is a usage charge: billing rates it "
                    + "from consumption and a quote shows it at zero.")));
        }
        Quote.checkOverride(request, Currency.getInstance(price.currency()).getDefaultFractionDigits());
        boolean wasPriced = quote.status() == QuoteStatus.PRICED;
        PriceOverride previous = quote.overridePrice(itemId, request, context.actor(), now);
        quotes.store(quote);
        audit(context, now, "QUOTE_PRICE_OVERRIDDEN", quote, details("itemId", itemId, "lineNumber", item.lineNumber(),
                "offeringId", item.offeringId(), "priceId", priceId, "priceType", price.priceType().name(),
                "amount", request.amount(), "currency", price.currency(), "reason", request.reason().strip(),
                "previousAmount", previous == null ? null : previous.amount(),
                "previousReason", previous == null ? null : previous.reason(), "priceSnapshotDropped", wasPriced));
        return quote.view();
    }

    @Override
    public QuoteView price(CommandContext context, UUID quoteId) {
        Instant now = Instant.now();
        Quote quote = quotes.get(context.tenantId(), quoteId);
        List<PricingLine> lines = quote.linesToPrice();
        PriceSnapshot snapshot = catalog.price(context, quote.catalogVersionId(), lines, now);
        quote.price(snapshot, now);
        quotes.store(quote);
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
        Quote quote = quotes.lock(context.tenantId(), quoteId);
        if (quote.accept(request, quotes.policy(context.tenantId()), context.actor(), now)) {
            quotes.store(quote);
            Acceptance acceptance = quote.acceptance();
            Map<String, Object> data = details("quoteId", quote.id(), "quoteNumber", quote.quoteNumber(),
                    "revision", acceptance.revision(), "customerId", quote.customerId(),
                    "accountId", quote.accountId(), "catalogVersionId", quote.catalogVersionId(),
                    "acceptanceId", acceptance.acceptanceId(), "approvalId", acceptance.approvalId());
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
    public QuoteView submit(CommandContext context, UUID quoteId) {
        Instant now = Instant.now();
        Quote quote = quotes.lock(context.tenantId(), quoteId);
        QuoteApproval approval = quote.submit(quotes.policy(context.tenantId()), context.actor(), now);
        quotes.store(quote);
        Map<String, Object> data = reference(quote);
        data.putAll(totals(quote.priceSnapshot()));
        data.putAll(approvalData(approval));
        audit(context, now, "QUOTE_SUBMITTED", quote, data);
        event(context, now, "quote.submitted.v1", quote, data);
        if (approval.status() == ApprovalStatus.PENDING) {
            event(context, now, "quote.approval-requested.v1", quote, data);
        } else {
            event(context, now, "quote.approved.v1", quote, data);
        }
        return quote.view();
    }

    @Override
    public QuoteView decide(CommandContext context, UUID quoteId, ApprovalDecisionRequest request) {
        Quote.checkDecision(request);
        Instant now = Instant.now();
        Quote quote = quotes.lock(context.tenantId(), quoteId);
        int level = quote.currentApproval() == null || quote.currentApproval().nextLevel() == null ? 0
                : quote.currentApproval().nextLevel();
        QuoteApproval approval = quote.decide(request, context.actor(), context.roles(), now);
        quotes.store(quote);
        Map<String, Object> data = reference(quote);
        data.putAll(approvalData(approval));
        data.putAll(details("decision", request.decision().name(), "decidedLevel", level,
                "comment", request.comment() == null || request.comment().isBlank() ? null : request.comment().strip()));
        audit(context, now, request.decision() == ApprovalDecision.APPROVE ? "QUOTE_APPROVAL_GRANTED" : "QUOTE_REJECTED",
                quote, data);
        if (approval.status() == ApprovalStatus.APPROVED) {
            event(context, now, "quote.approved.v1", quote, data);
        } else if (approval.status() == ApprovalStatus.REJECTED) {
            event(context, now, "quote.rejected.v1", quote, data);
        } else {
            event(context, now, "quote.approval-requested.v1", quote, data);
        }
        return quote.view();
    }

    @Override
    public QuoteView revise(CommandContext context, UUID quoteId) {
        Instant now = Instant.now();
        Quote quote = quotes.lock(context.tenantId(), quoteId);
        QuoteRevision superseded = quote.revise(now);
        quotes.keep(superseded);
        quotes.store(quote);
        Map<String, Object> data = reference(quote);
        data.put("supersededRevision", superseded.revision());
        audit(context, now, "QUOTE_REVISED", quote, data);
        event(context, now, "quote.superseded.v1", quote, details("quoteId", quote.id(), "quoteNumber", quote.quoteNumber(),
                "revision", superseded.revision(), "customerId", quote.customerId(), "supersededBy", quote.revision()));
        event(context, now, "quote.revised.v1", quote, data);
        return quote.view();
    }

    @Override
    public QuoteView cancel(CommandContext context, UUID quoteId, QuoteCancellationRequest request) {
        Quote.checkCancellation(request);
        Instant now = Instant.now();
        Quote quote = quotes.lock(context.tenantId(), quoteId);
        quote.cancel(request, context.actor(), now);
        quotes.store(quote);
        Map<String, Object> data = reference(quote);
        data.put("reason", request.reason().strip());
        audit(context, now, "QUOTE_CANCELLED", quote, data);
        event(context, now, "quote.cancelled.v1", quote, data);
        return quote.view();
    }

    private static Map<String, Object> reference(Quote quote) {
        return details("quoteId", quote.id(), "quoteNumber", quote.quoteNumber(), "revision", quote.revision(),
                "customerId", quote.customerId(), "status", quote.status().name());
    }

    /** The approval request's id, binding, state and triggered rules. */
    private static Map<String, Object> approvalData(QuoteApproval approval) {
        Map<String, Object> data = details("approvalId", approval.id(), "approvalStatus", approval.status().name(),
                "priceSnapshotId", approval.priceSnapshotId(), "requiredLevel", approval.requiredLevel(),
                "nextLevel", approval.nextLevel(), "nextRole", approval.nextRole(),
                "carriedOverFrom", approval.carriedOverFrom());
        data.put("rules", approval.triggers().stream().map(t -> details("rule", t.rule(), "lineNumber", t.lineNumber(),
                "level", t.level())).toList());
        return data;
    }


    /** The price snapshot's id, currency, totals and approval signals, as audit details and event data. */
    private static Map<String, Object> totals(PriceSnapshot snapshot) {
        Map<String, Object> totals = details("priceSnapshotId", snapshot.priceSnapshotId(),
                "currency", snapshot.currency(), "oneTimeTotal", snapshot.oneTimeTotal());
        totals.put("recurringTotals", snapshot.recurringTotals().stream().map(QuoteService::recurring).toList());
        PriceSignals signals = snapshot.signals();
        if (signals != null) {
            totals.putAll(details("discountPercent", signals.discountPercent(), "marginPercent", signals.marginPercent(),
                    "manualOverride", signals.manualOverride()));
        }
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
