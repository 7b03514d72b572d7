package io.cpqoms.catalog.infrastructure;

import io.cpqoms.catalog.domain.CatalogVersion;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Published catalog versions held in memory. A published version is immutable (the database refuses
 * to change it), so an entry is never stale and each cluster member may keep its own copy.
 */
@ApplicationScoped
public class PublishedCatalogs {

    private final Map<UUID, PublishedCatalog> byVersion = new ConcurrentHashMap<>();

    /** The indexed catalog of a version that is known to be published. */
    public PublishedCatalog of(CatalogVersion version) {
        if (!version.isPublished()) {
            throw new IllegalArgumentException("only published versions are cached: " + version.id());
        }
        return byVersion.computeIfAbsent(version.id(), id -> new PublishedCatalog(version.tenantId(), version.view(),
                version.content()));
    }

    /** The cached catalog of the version if this tenant owns it and it is cached. */
    public PublishedCatalog cached(String tenantId, UUID versionId) {
        PublishedCatalog catalog = byVersion.get(versionId);
        return catalog != null && catalog.tenantId().equals(tenantId) ? catalog : null;
    }
}
