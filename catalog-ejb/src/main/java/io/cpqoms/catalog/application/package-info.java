/**
 * The catalog's command and query services: one transaction per command, which loads the aggregate,
 * lets it decide, stores it with its audit entry and outbox event, and returns a view.
 */
package io.cpqoms.catalog.application;
