package io.cpqoms.quote.api;

import io.cpqoms.catalog.api.ConfigurationRequest;
import java.util.List;

/** Items added to a quote in one command (one transaction): each a product, a bundle with its children. */
public record NewQuoteItems(List<ConfigurationRequest> items) {

    public NewQuoteItems {
        items = items == null ? List.of() : items;
    }
}
