package io.cpqoms.quote.api;

import io.cpqoms.catalog.api.LineAction;
import io.cpqoms.kernel.Limits;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

/**
 * A change to quote for a product of the customer's installed base: MODIFY (the default: the
 * characteristic values to change, merged over the product's, and optionally a new quantity), DELETE
 * (the product and its bundle's members end) or NO_CHANGE. The quote's items are computed from the
 * product's tree as it is now.
 */
public record ProductChange(@NotNull UUID productId,
                            LineAction action,
                            @Digits(integer = 12, fraction = 6) BigDecimal quantity,
                            @Size(max = Limits.CHARACTERISTICS) Map<String, String> characteristics) {
}
