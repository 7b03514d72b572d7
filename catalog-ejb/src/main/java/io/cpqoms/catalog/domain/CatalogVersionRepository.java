package io.cpqoms.catalog.domain;

import io.cpqoms.kernel.AuditEntry;
import io.cpqoms.kernel.OutboxEvent;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Where catalog versions are kept, always scoped to one tenant. Everything written here joins the
 * command's transaction: the version, its audit entries and its outbox events commit together or not at all.
 */
public interface CatalogVersionRepository {

    /** No version of the tenant has that id (404); another tenant's version is indistinguishable from none. */
    String CATALOG_VERSION_NOT_FOUND = "CATALOG_VERSION_NOT_FOUND";

    /** Stores a new version now, so that it carries its first version number. */
    void add(CatalogVersion version);

    /** The tenant's version, or 404 {@link #CATALOG_VERSION_NOT_FOUND}. */
    CatalogVersion get(String tenantId, UUID id);

    /** The tenant's versions, newest first. */
    List<CatalogVersion> all(String tenantId);

    /** The id of the tenant's most recently published version, if any was published. */
    Optional<UUID> latestPublished(String tenantId);

    /**
     * Writes the changes of a version loaded here now: a concurrent change fails inside the command (409)
     * rather than at commit, and the version carries its new entity version for the audit entry and the event.
     */
    void store(CatalogVersion version);

    /** Keeps an audit entry with the command's change. */
    void record(AuditEntry entry);

    /** Queues an outgoing message with the command's change; the outbox relay sends it after commit. */
    void record(OutboxEvent event);
}
