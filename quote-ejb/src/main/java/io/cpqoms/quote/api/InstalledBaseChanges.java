package io.cpqoms.quote.api;

import io.cpqoms.kernel.CommandContext;
import java.util.List;
import java.util.UUID;

/**
 * What the quote context needs of the installed base, which the ordering context keeps: the lines a
 * change of a customer's product makes, computed from the product's tree as it is now and checked
 * against it (the customer's and account's product, a state that allows the change, no open order on
 * it, a configuration the catalog version accepts, a change that changes something), or 422 with the
 * codes of what stands in the way.
 */
public interface InstalledBaseChanges {

    List<ChangeLine> changeLines(CommandContext context, String customerId, String accountId, UUID catalogVersionId,
                                 ProductChange change);
}
