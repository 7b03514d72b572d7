package io.cpqoms.catalog.infrastructure;

import io.cpqoms.catalog.api.CatalogVersionStatus;
import io.cpqoms.catalog.domain.CatalogVersion;
import io.cpqoms.catalog.domain.CatalogVersionRepository;
import io.cpqoms.kernel.AuditEntry;
import io.cpqoms.kernel.DomainException;
import io.cpqoms.kernel.OutboxEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Catalog versions in PostgreSQL (schema {@code catalog}) through the catalog persistence unit. */
@ApplicationScoped
public class JpaCatalogVersionRepository implements CatalogVersionRepository {

    @PersistenceContext(unitName = "catalog")
    private EntityManager em;

    @Override
    public void add(CatalogVersion version) {
        em.persist(version);
        em.flush();
    }

    @Override
    public CatalogVersion get(String tenantId, UUID id) {
        CatalogVersion version = em.find(CatalogVersion.class, id);
        if (version == null || !version.tenantId().equals(tenantId)) {
            throw DomainException.notFound(CATALOG_VERSION_NOT_FOUND, "Catalog version " + id + " does not exist.");
        }
        return version;
    }

    @Override
    public List<CatalogVersion> all(String tenantId) {
        return em.createQuery("select v from CatalogVersion v where v.tenantId = :tenant order by v.createdAt desc",
                        CatalogVersion.class)
                .setParameter("tenant", tenantId)
                .getResultList();
    }

    @Override
    public Optional<UUID> latestPublished(String tenantId) {
        return em.createQuery("select v.id from CatalogVersion v where v.tenantId = :tenant and v.status = :published"
                        + " order by v.publishedAt desc", UUID.class)
                .setParameter("tenant", tenantId)
                .setParameter("published", CatalogVersionStatus.PUBLISHED)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    /** The version is managed since it was added or loaded; flushing writes its changes. */
    @Override
    public void store(CatalogVersion version) {
        em.flush();
    }

    @Override
    public void record(AuditEntry entry) {
        em.persist(entry);
    }

    @Override
    public void record(OutboxEvent event) {
        em.persist(event);
    }
}
