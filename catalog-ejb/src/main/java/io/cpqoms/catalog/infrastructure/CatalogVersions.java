package io.cpqoms.catalog.infrastructure;

import io.cpqoms.catalog.api.CatalogVersionStatus;
import io.cpqoms.catalog.domain.CatalogVersion;
import io.cpqoms.kernel.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Catalog versions in PostgreSQL, always scoped to one tenant. */
@ApplicationScoped
public class CatalogVersions {

    public static final String CATALOG_VERSION_NOT_FOUND = "CATALOG_VERSION_NOT_FOUND";

    @PersistenceContext(unitName = "catalog")
    private EntityManager em;

    public void add(CatalogVersion version) {
        em.persist(version);
    }

    /** Stores an audit entry or outbox event in the command's transaction. */
    public void record(Object auditEntryOrOutboxEvent) {
        em.persist(auditEntryOrOutboxEvent);
    }

    /** The tenant's version, or 404: another tenant's version is indistinguishable from none. */
    public CatalogVersion get(String tenantId, UUID id) {
        CatalogVersion version = em.find(CatalogVersion.class, id);
        if (version == null || !version.tenantId().equals(tenantId)) {
            throw DomainException.notFound(CATALOG_VERSION_NOT_FOUND, "Catalog version " + id + " does not exist.");
        }
        return version;
    }

    public List<CatalogVersion> all(String tenantId) {
        return em.createQuery("select v from CatalogVersion v where v.tenantId = :tenant order by v.createdAt desc",
                        CatalogVersion.class)
                .setParameter("tenant", tenantId)
                .getResultList();
    }

    public Optional<UUID> latestPublished(String tenantId) {
        return em.createQuery("select v.id from CatalogVersion v where v.tenantId = :tenant and v.status = :published"
                        + " order by v.publishedAt desc", UUID.class)
                .setParameter("tenant", tenantId)
                .setParameter("published", CatalogVersionStatus.PUBLISHED)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    /** Makes a stale write fail inside the command rather than at commit. */
    public void flush() {
        em.flush();
    }
}
