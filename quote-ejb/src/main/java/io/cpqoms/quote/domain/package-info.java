/**
 * The quote domain: the quote aggregate with its item tree, its lifecycle (draft, priced, accepted)
 * enforced through {@link io.cpqoms.quote.api.QuoteStatus}, its stored price snapshot and the
 * acceptance evidence an order is captured against, and the {@link io.cpqoms.quote.domain.QuoteRepository}
 * port the application keeps quotes through.
 */
package io.cpqoms.quote.domain;
