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
 * order type defaults to NEW. A line either adds a product (ADD: an offering and its configuration) or
 * names a product of the customer's installed base ({@code productId}) and what to do with it: MODIFY
 * (the characteristic values to change, merged over the product's, and optionally a new quantity),
 * DELETE, SUSPEND, RESUME or NO_CHANGE. The order's lines are computed from the product's tree as it is
 * (a bundle's members come along); the order type decides which actions are allowed and the action a
 * line defaults to.
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

    /**
     * One request line: what it does to the customer's product; for ADD the product as configured, for
     * the other actions the installed product it acts on and, for MODIFY, the values to change.
     */
    public record Line(LineAction action,
                       UUID productId,
                       @Size(max = Limits.CATALOG_ID) String offeringId,
                       @Digits(integer = 12, fraction = 6) BigDecimal quantity,
                       @Size(max = Limits.CHARACTERISTICS)
                       Map<String, String> characteristics,
                       @Size(max = Limits.CHILDREN) @Valid List<ConfigurationRequest> children) {

        public ConfigurationRequest configuration() {
            return new ConfigurationRequest(offeringId, quantity, characteristics, children);
        }
    }
}
