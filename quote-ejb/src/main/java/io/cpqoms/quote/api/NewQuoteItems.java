package io.cpqoms.quote.api;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import jakarta.validation.Valid;
import io.cpqoms.catalog.api.ConfigurationRequest;
import java.util.List;

/** Items added to a quote in one command (one transaction): each a product, a bundle with its children. */
public record NewQuoteItems(@NotEmpty @Size(max = 1000) @Valid List<ConfigurationRequest> items) {

    public NewQuoteItems {
        items = items == null ? List.of() : items;
    }
}
