package io.cpqoms.quote.api;

import io.cpqoms.catalog.api.ConfigurationRequest;
import io.cpqoms.kernel.CommandContext;
import jakarta.ejb.Local;
import java.util.List;
import java.util.UUID;

/** What may be done to a quote; every command is one transaction with its audit entry. */
@Local
public interface QuoteCommands {

    QuoteView start(CommandContext context, NewQuote request);

    /**
     * Adds an item (a bundle with its children) checked against the pinned catalog version: its
     * configuration, and the eligibility of each of its offerings for the quote's customer, account and
     * channel at the item's location (its {@code siteId} characteristic, or its parent's). Every broken
     * rule of either is a violation of one 422 answer.
     */
    QuoteView addItem(CommandContext context, UUID quoteId, ConfigurationRequest item);

    /**
     * Adds many items in one transaction: every item is checked against the pinned catalog version and
     * either all are added or, when any breaks a rule, none (every violation is reported).
     */
    QuoteView addItems(CommandContext context, UUID quoteId, List<ConfigurationRequest> items);

    /**
     * Adds the change of a product of the customer's installed base (a change quote, seed 000 section
     * 20): the items are computed from the product's tree as it is now, each MODIFY, NO_CHANGE or DELETE
     * with the product it acts on, its version and its recurring price now; 422 when the base does not
     * allow the change.
     */
    QuoteView addChange(CommandContext context, UUID quoteId, ProductChange change);

    /**
     * Overrides the net amount of one charge of an item, with the caller as actor and a reason; audited.
     * A priced quote drops its snapshot and is a draft again; the next pricing applies the override.
     */
    QuoteView overridePrice(CommandContext context, UUID quoteId, UUID itemId, PriceOverrideRequest request);

    /** Prices the quote with its pinned catalog version and stores the snapshot. */
    QuoteView price(CommandContext context, UUID quoteId);

    /**
     * Records acceptance of the latest revision, priced without any rule of the approval policy
     * triggering, or approved; accepting the same revision again returns the same evidence.
     */
    QuoteView accept(CommandContext context, UUID quoteId, AcceptanceRequest request);

    /** Submits the priced revision for approval under the tenant's approval policy. */
    QuoteView submit(CommandContext context, UUID quoteId);

    /** An approver's decision at the level the revision's pending request waits for. */
    QuoteView decide(CommandContext context, UUID quoteId, ApprovalDecisionRequest request);

    /** Starts the next revision as a draft with the items copied; the current one is superseded. */
    QuoteView revise(CommandContext context, UUID quoteId);

    /** Cancels an open quote, with a reason. */
    QuoteView cancel(CommandContext context, UUID quoteId, QuoteCancellationRequest request);
}
