/**
 * The quote context's contract: starting a quote pinned to a catalog version, adding configured items,
 * pricing into a stored snapshot and recording acceptance. Revisions, approvals and expiry extend it.
 */
package io.cpqoms.quote.api;
