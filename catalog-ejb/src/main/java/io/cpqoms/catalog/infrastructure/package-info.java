/**
 * How the catalog is kept: its schema migration at deployment, the JPA repositories of catalog versions
 * and account standings (with the audit trail and the outbox), the in-memory cache of published
 * (immutable) versions, and the outbox relay to the events topic.
 */
package io.cpqoms.catalog.infrastructure;
