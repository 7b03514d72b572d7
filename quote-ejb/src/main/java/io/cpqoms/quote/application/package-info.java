/**
 * The quote's command and query services: one transaction per command, which loads the quote, checks
 * and prices with the pinned catalog version, lets the quote decide, stores it with its audit entry
 * and outbox event, and returns a view.
 */
package io.cpqoms.quote.application;
