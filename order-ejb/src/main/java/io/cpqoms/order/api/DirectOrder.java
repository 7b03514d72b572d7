package io.cpqoms.order.api;

import io.cpqoms.catalog.api.ConfigurationRequest;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An order placed without a quote (the direct order API): lines are configured against a published
 * catalog version (the latest one when none is named) and checked the same way as quote items.
 */
public record DirectOrder(String customerId,
                          String accountId,
                          UUID catalogVersionId,
                          LocalDate requestedCompletionDate,
                          String priority,
                          List<ConfigurationRequest> lines) {

    public DirectOrder {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }
}
