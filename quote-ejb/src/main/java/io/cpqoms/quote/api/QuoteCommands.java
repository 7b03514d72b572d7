package io.cpqoms.quote.api;

import io.cpqoms.catalog.api.ConfigurationRequest;
import io.cpqoms.kernel.CommandContext;
import jakarta.ejb.Local;
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

    /** Prices the quote with its pinned catalog version and stores the snapshot. */
    QuoteView price(CommandContext context, UUID quoteId);

    /** Records acceptance of a priced revision; accepting the same revision again returns the same evidence. */
    QuoteView accept(CommandContext context, UUID quoteId, AcceptanceRequest request);
}
