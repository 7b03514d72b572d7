package io.cpqoms.quote.api;

import io.cpqoms.kernel.CommandContext;
import jakarta.ejb.Local;
import java.util.UUID;

/** What the quote context answers; a quote of another tenant does not exist. */
@Local
public interface QuoteQueries {

    QuoteView quote(CommandContext context, UUID quoteId);
}
