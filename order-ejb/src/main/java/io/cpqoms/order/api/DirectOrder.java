package io.cpqoms.order.api;

import io.cpqoms.catalog.api.ConfigurationRequest;
import io.cpqoms.catalog.api.LineAction;
import io.cpqoms.kernel.Limits;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An order placed without a quote (the direct order API): lines are configured against a published
 * catalog version (the latest one when none is named) and checked the same way as quote items. The
 * order type defaults to NEW and each line's action to ADD; other types and actions are refused until
 * change orders exist, never silently captured as new.
 */
public record DirectOrder(OrderType orderType,
                          @NotBlank @Size(max = Limits.PARTY_ID) String customerId,
                          @Size(max = Limits.PARTY_ID) String accountId,
                          UUID catalogVersionId,
                          LocalDate requestedCompletionDate,
                          OrderPriority priority,
                          @NotEmpty @Size(max = 1000) @Valid List<Line> lines) {

    public DirectOrder {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    /** One order line: what it does to the customer's product, and the product as configured. */
    public record Line(LineAction action,
                       @NotBlank @Size(max = Limits.CATALOG_ID) String offeringId,
                       @Digits(integer = 12, fraction = 6) BigDecimal quantity,
                       @Size(max = Limits.CHARACTERISTICS)
                       Map<String, String> characteristics,
                       @Size(max = Limits.CHILDREN) @Valid List<ConfigurationRequest> children) {

        public ConfigurationRequest configuration() {
            return new ConfigurationRequest(offeringId, quantity, characteristics, children);
        }
    }
}
