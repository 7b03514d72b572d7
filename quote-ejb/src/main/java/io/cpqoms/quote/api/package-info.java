/**
 * The quote context's contract (quotes, revisions, approvals, acceptance). It grows with the quote
 * lifecycle; today the context owns its schema and nothing else.
 */
package io.cpqoms.quote.api;
