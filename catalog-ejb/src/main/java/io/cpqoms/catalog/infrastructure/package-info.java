/**
 * How the catalog is kept: its schema migration at deployment, JPA access to catalog versions, the
 * audit trail and the outbox, and the in-memory index of published (immutable) versions.
 */
package io.cpqoms.catalog.infrastructure;
