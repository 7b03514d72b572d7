package io.cpqoms.catalog.infrastructure;

import io.cpqoms.catalog.domain.CatalogVersion;
import io.cpqoms.catalog.domain.PublishedCatalog;
import io.cpqoms.catalog.domain.PublishedCatalogCache;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Published catalog versions held in this server's memory, for as long as the application runs. */
@ApplicationScoped
public class InMemoryPublishedCatalogCache implements PublishedCatalogCache {

    private final Map<UUID, PublishedCatalog> byVersion = new ConcurrentHashMap<>();

    @Override
    public PublishedCatalog of(CatalogVersion version) {
        if (!version.isPublished()) {
            throw new IllegalArgumentException("only published versions are cached: " + version.id());
        }
        return byVersion.computeIfAbsent(version.id(), id -> new PublishedCatalog(version.tenantId(), version.view(),
                version.content()));
    }

    @Override
    public PublishedCatalog cached(String tenantId, UUID versionId) {
        PublishedCatalog catalog = byVersion.get(versionId);
        return catalog != null && catalog.tenantId().equals(tenantId) ? catalog : null;
    }
}
