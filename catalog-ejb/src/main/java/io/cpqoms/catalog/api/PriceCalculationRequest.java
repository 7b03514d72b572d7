package io.cpqoms.catalog.api;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import jakarta.validation.Valid;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An ad-hoc price calculation: lines priced with a published catalog version (the latest when none is
 * named) at an instant (now when none is given), which decides the promotions that apply.
 */
public record PriceCalculationRequest(UUID catalogVersionId, Instant pricedAt,
                                      @NotEmpty @Size(max = 20000) @Valid List<PriceCalculationLine> lines) {

    public PriceCalculationRequest {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }
}
