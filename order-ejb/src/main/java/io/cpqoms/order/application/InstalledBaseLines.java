package io.cpqoms.order.application;

import io.cpqoms.catalog.api.CatalogQueries;
import io.cpqoms.catalog.api.ConfigurationCheck;
import io.cpqoms.catalog.api.LineAction;
import io.cpqoms.kernel.CommandContext;
import io.cpqoms.kernel.Violation;
import io.cpqoms.order.api.DirectOrder;
import io.cpqoms.order.domain.ChangeOrders;
import io.cpqoms.order.domain.LineDraft;
import io.cpqoms.order.domain.ProductAsset;
import io.cpqoms.order.domain.ProductInventory;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The order lines of request lines that name products of the installed base, computed from the product
 * trees as they are now ({@link ChangeOrders}): MODIFY requests on one bundle are applied together to
 * the bundle's tree, which the catalog version checks and completes (derived values) before the delta
 * is taken; DELETE, SUSPEND, RESUME and NO_CHANGE take the named product's subtree as it is.
 */
@ApplicationScoped
public class InstalledBaseLines {

    @EJB
    private CatalogQueries catalog;

    @Inject
    private ProductInventory inventory;

    /** The lines computed, the products they act on (by id), and what refused a request line. */
    public record Computed(Map<Integer, List<LineDraft>> linesAt, Map<UUID, ProductAsset> products, List<Violation> violations) {
    }

    /**
     * @param requested the request's lines, by position, that name a product (with their resolved action)
     */
    public Computed compute(CommandContext context, UUID versionId, Map<Integer, DirectOrder.Line> requested,
                            Map<Integer, LineAction> actions, Instant now) {
        List<Violation> violations = new ArrayList<>();
        Map<Integer, List<LineDraft>> linesAt = new LinkedHashMap<>();
        Map<UUID, ProductAsset> products = new LinkedHashMap<>();
        Map<UUID, ProductAsset> named = inventory.products(context.tenantId(),
                requested.values().stream().map(DirectOrder.Line::productId).toList());
        // MODIFY requests, per bundle tree: the position of the first one, the changes of all
        Map<UUID, Integer> treeAt = new LinkedHashMap<>();
        Map<UUID, Map<UUID, Map<String, String>>> changes = new HashMap<>();
        Map<UUID, Map<UUID, BigDecimal>> quantities = new HashMap<>();
        for (Map.Entry<Integer, DirectOrder.Line> entry : requested.entrySet()) {
            int i = entry.getKey();
            DirectOrder.Line line = entry.getValue();
            ProductAsset product = named.get(line.productId());
            if (product == null) {
                violations.add(new Violation(ProductInventory.PRODUCT_NOT_FOUND, "lines[" + i + "].productId",
                        "Product " + line.productId() + " does not exist."));
                continue;
            }
            LineAction action = actions.get(i);
            if (action == LineAction.MODIFY) {
                ProductAsset root = root(context, product);
                treeAt.putIfAbsent(root.id(), i);
                changes.computeIfAbsent(root.id(), r -> new HashMap<>()).put(product.id(),
                        line.characteristics() == null ? Map.of() : line.characteristics());
                if (line.quantity() != null) {
                    quantities.computeIfAbsent(root.id(), r -> new HashMap<>()).put(product.id(), line.quantity());
                }
            } else {
                ChangeOrders.ProductTree tree = inventory.tree(product);
                tree.members().forEach(m -> products.put(m.id(), m));
                linesAt.put(i, ChangeOrders.whole(tree, action, String.valueOf(i + 1)));
            }
        }
        for (Map.Entry<UUID, Integer> entry : treeAt.entrySet()) {
            int i = entry.getValue();
            ChangeOrders.ProductTree tree = inventory.tree(inventory.product(context.tenantId(), entry.getKey()));
            tree.members().forEach(m -> products.put(m.id(), m));
            ConfigurationCheck check = catalog.configure(context, versionId, tree.desired(changes.get(entry.getKey()),
                    quantities.getOrDefault(entry.getKey(), Map.of())), "lines[" + i + "]", now);
            if (!check.valid()) {
                violations.addAll(check.violations());
                continue;
            }
            List<LineDraft> delta = ChangeOrders.delta(tree, check.product(), String.valueOf(i + 1));
            if (delta == null) {
                violations.add(new Violation(ChangeOrders.CHANGE_HAS_NO_EFFECT, "lines[" + i + "]", "Product "
                        + requested.get(i).productId() + " already has that configuration; the line changes nothing."));
                continue;
            }
            linesAt.put(i, delta);
        }
        return new Computed(linesAt, products, violations);
    }

    /** The top of the bundle tree the product belongs to. */
    private ProductAsset root(CommandContext context, ProductAsset product) {
        ProductAsset current = product;
        while (current.parentId() != null) {
            current = inventory.product(context.tenantId(), current.parentId());
        }
        return current;
    }
}
