package io.cpqoms.order.infrastructure;

import io.cpqoms.kernel.DomainException;
import io.cpqoms.order.api.ProductStatus;
import io.cpqoms.order.domain.ChangeOrders;
import io.cpqoms.order.domain.ProductAsset;
import io.cpqoms.order.domain.ProductInventory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The installed base in PostgreSQL (ordering.product_asset), read without locks. */
@ApplicationScoped
public class JpaProductInventory implements ProductInventory {

    @PersistenceContext(unitName = "ordering")
    private EntityManager em;

    @Override
    public ProductAsset product(String tenantId, UUID productId) {
        ProductAsset asset = productId == null ? null : em.find(ProductAsset.class, productId);
        if (asset == null || !asset.tenantId().equals(tenantId)) {
            throw DomainException.notFound(PRODUCT_NOT_FOUND, "Product " + productId + " does not exist.");
        }
        return asset;
    }

    @Override
    public List<ProductAsset> list(String tenantId, String customerId, ProductStatus status, Instant afterCreated,
                                   UUID afterId, int max) {
        StringBuilder jpql = new StringBuilder("select a from ProductAsset a where a.tenantId = :tenant");
        if (customerId != null) {
            jpql.append(" and a.customerId = :customer");
        }
        if (status != null) {
            jpql.append(" and a.status = :status");
        }
        if (afterCreated != null) {
            jpql.append(" and (a.createdAt < :afterCreated or (a.createdAt = :afterCreated and a.id < :afterId))");
        }
        jpql.append(" order by a.createdAt desc, a.id desc");
        TypedQuery<ProductAsset> q = em.createQuery(jpql.toString(), ProductAsset.class).setParameter("tenant", tenantId);
        if (customerId != null) {
            q.setParameter("customer", customerId);
        }
        if (status != null) {
            q.setParameter("status", status);
        }
        if (afterCreated != null) {
            q.setParameter("afterCreated", afterCreated).setParameter("afterId", afterId);
        }
        return q.setMaxResults(max).getResultList();
    }

    @Override
    public Map<UUID, List<UUID>> children(String tenantId, List<UUID> parentIds) {
        Map<UUID, List<UUID>> children = new LinkedHashMap<>();
        if (parentIds.isEmpty()) {
            return children;
        }
        List<Object[]> rows = em.createQuery("select a.parentId, a.id from ProductAsset a where a.tenantId = :tenant"
                        + " and a.parentId in :parents order by a.createdAt, a.id", Object[].class)
                .setParameter("tenant", tenantId).setParameter("parents", parentIds).getResultList();
        for (Object[] row : rows) {
            children.computeIfAbsent((UUID) row[0], k -> new java.util.ArrayList<>()).add((UUID) row[1]);
        }
        return children;
    }

    @Override
    public Map<UUID, ProductAsset> products(String tenantId, Collection<UUID> productIds) {
        Map<UUID, ProductAsset> found = new LinkedHashMap<>();
        if (!productIds.isEmpty()) {
            em.createQuery("select a from ProductAsset a where a.tenantId = :tenant and a.id in :ids", ProductAsset.class)
                    .setParameter("tenant", tenantId).setParameter("ids", List.copyOf(productIds)).getResultList()
                    .forEach(a -> found.put(a.id(), a));
        }
        return found;
    }

    @Override
    public ChangeOrders.ProductTree tree(ProductAsset root) {
        Map<UUID, List<ProductAsset>> children = new LinkedHashMap<>();
        List<UUID> level = List.of(root.id());
        while (!level.isEmpty()) {
            // in the order of the lines that created them: a bundle's members as its order listed them
            List<ProductAsset> members = em.createQuery("select a from ProductAsset a, OrderLine l where a.tenantId = :tenant"
                            + " and a.parentId in :parents and a.status <> :terminated and l.id = a.createdByOrderLineId"
                            + " order by a.createdAt, l.sortOrder, a.id", ProductAsset.class)
                    .setParameter("tenant", root.tenantId()).setParameter("parents", level)
                    .setParameter("terminated", ProductStatus.TERMINATED).getResultList();
            members.forEach(m -> children.computeIfAbsent(m.parentId(), p -> new java.util.ArrayList<>()).add(m));
            level = members.stream().map(ProductAsset::id).toList();
        }
        return new ChangeOrders.ProductTree(root, children);
    }
}
