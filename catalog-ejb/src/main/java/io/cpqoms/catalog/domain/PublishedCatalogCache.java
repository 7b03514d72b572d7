package io.cpqoms.catalog.domain;

import java.util.UUID;

/**
 * Published catalog versions, indexed once and then shared. A published version is immutable (the
 * database refuses to change it), so an entry is never stale and each cluster member may keep its own.
 */
public interface PublishedCatalogCache {

    /** The indexed catalog of a version that is known to be published, indexed on first use. */
    PublishedCatalog of(CatalogVersion version);

    /** The indexed catalog of the version if this tenant owns it and it was indexed before, otherwise null. */
    PublishedCatalog cached(String tenantId, UUID versionId);
}
