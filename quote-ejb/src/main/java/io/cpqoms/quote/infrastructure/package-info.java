/**
 * How quotes are kept: the schema migration at deployment, JPA access to quotes with their items,
 * the quote number sequence, the audit trail and the outbox with its relay to the events topic.
 */
package io.cpqoms.quote.infrastructure;
