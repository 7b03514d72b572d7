package io.cpqoms.quote.api;

import java.util.List;

/** One page of a quote search; {@code next} is the cursor of the following page, null on the last. */
public record QuoteSearchPage(List<QuoteSummary> items, String next) {

    public QuoteSearchPage {
        items = List.copyOf(items);
    }
}
