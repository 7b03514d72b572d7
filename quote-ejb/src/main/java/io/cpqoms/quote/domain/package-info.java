/**
 * The quote domain: the quote aggregate with its item tree, its lifecycle (draft, priced, accepted)
 * enforced through {@link io.cpqoms.quote.api.QuoteStatus}, its stored price snapshot and the
 * acceptance evidence an order is captured against.
 */
package io.cpqoms.quote.domain;
