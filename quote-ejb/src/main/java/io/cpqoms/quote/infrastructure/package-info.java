/**
 * How quotes are kept: the schema migration at deployment, the JPA implementation of the quote
 * repository (quotes with their items, the quote number sequence, the audit trail and the outbox) and
 * the outbox relay to the events topic.
 */
package io.cpqoms.quote.infrastructure;
