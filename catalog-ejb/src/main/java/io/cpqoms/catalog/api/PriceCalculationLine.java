package io.cpqoms.catalog.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.Digits;
import jakarta.validation.Valid;
import io.cpqoms.kernel.Limits;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One line of an ad-hoc price calculation: an optional line id (numbered 1, 2, 1.1 … when absent),
 * the offering, a quantity (1 when absent), characteristic values and, for a bundle, its children,
 * which are priced as lines of their own under it.
 */
public record PriceCalculationLine(@Size(max = 40) String lineId,
                                   @NotBlank @Size(max = Limits.CATALOG_ID) String offeringId,
                                   @Digits(integer = 12, fraction = 6) BigDecimal quantity,
                                   @Size(max = Limits.CHARACTERISTICS)
                                   Map<String, String> characteristics,
                                   @Size(max = Limits.CHILDREN) @Valid List<PriceCalculationLine> children) {

    public PriceCalculationLine {
        characteristics = characteristics == null ? Map.of() : Map.copyOf(characteristics);
        children = children == null ? List.of() : List.copyOf(children);
    }
}
