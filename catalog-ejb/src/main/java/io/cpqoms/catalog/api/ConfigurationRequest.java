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
 * A product as a quote item or order line asks for it: an offering, a quantity, characteristic values
 * and, for a bundle, its children.
 */
public record ConfigurationRequest(@NotBlank @Size(max = Limits.CATALOG_ID) String offeringId,
                                   @Digits(integer = 12, fraction = 6) BigDecimal quantity,
                                   @Size(max = Limits.CHARACTERISTICS)
                                   Map<String, String> characteristics,
                                   @Size(max = Limits.CHILDREN) @Valid List<ConfigurationRequest> children) {

    public ConfigurationRequest {
        characteristics = characteristics == null ? Map.of() : Map.copyOf(characteristics);
        children = children == null ? List.of() : List.copyOf(children);
    }
}
