package io.cpqoms.order.domain;

import io.cpqoms.catalog.api.ConfigurationRequest;
import io.cpqoms.catalog.api.ConfiguredProduct;
import io.cpqoms.catalog.api.LineAction;
import io.cpqoms.kernel.Violation;
import io.cpqoms.order.api.OrderType;
import io.cpqoms.order.api.ProductStatus;
import io.cpqoms.order.api.Severity;
import io.cpqoms.order.api.ValidationCheck;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Change orders (seed 000 sections 4, 7, 9 and 20): what an order of each type may do to the installed
 * base, the lines a request about existing products becomes, and the checks of those lines against the
 * base. The lines are computed from the product tree as it is now and the state the customer wants
 * (current inventory + desired future state = delta), never copied from the order that created them:
 * a product whose configuration changes is MODIFY, a member of its tree that stays as it is NO_CHANGE, a
 * product that is disconnected, suspended or resumed takes its whole subtree (a bundle's members) along.
 */
public final class ChangeOrders {

    public static final String INSTALLED_BASE = "INSTALLED_BASE";

    public static final String LINE_ACTION_NOT_ALLOWED = "LINE_ACTION_NOT_ALLOWED";
    public static final String PRODUCT_REQUIRED = "PRODUCT_REQUIRED";
    public static final String OFFERING_REQUIRED = "OFFERING_REQUIRED";
    public static final String PRODUCT_NAMED_TWICE = "PRODUCT_NAMED_TWICE";
    public static final String CHANGE_HAS_NO_EFFECT = "CHANGE_HAS_NO_EFFECT";
    public static final String PRODUCT_NOT_IN_ACCOUNT = "PRODUCT_NOT_IN_ACCOUNT";
    public static final String PRODUCT_STATE_FORBIDS_ACTION = "PRODUCT_STATE_FORBIDS_ACTION";
    public static final String CONFLICTING_ACTIVE_ORDER = "CONFLICTING_ACTIVE_ORDER";
    public static final String PRODUCT_CHANGED_SINCE_BASELINE = "PRODUCT_CHANGED_SINCE_BASELINE";

    private ChangeOrders() {
    }

    /** The line actions an order of this type may carry. */
    public static Set<LineAction> actions(OrderType type) {
        switch (type) {
            case NEW:
                return EnumSet.of(LineAction.ADD);
            case CHANGE:
                return EnumSet.of(LineAction.ADD, LineAction.MODIFY, LineAction.DELETE, LineAction.NO_CHANGE);
            case DISCONNECT:
                return EnumSet.of(LineAction.DELETE);
            case SUSPEND:
                return EnumSet.of(LineAction.SUSPEND);
            case RESUME:
                return EnumSet.of(LineAction.RESUME);
            case RENEWAL:
                return EnumSet.of(LineAction.MODIFY, LineAction.NO_CHANGE);
            default:
                throw new IllegalArgumentException(type.name());
        }
    }

    /** The action of a request line that names none: what the order type does to a product named, or ADD. */
    public static LineAction defaultAction(OrderType type, boolean namesProduct) {
        switch (type) {
            case DISCONNECT:
                return LineAction.DELETE;
            case SUSPEND:
                return LineAction.SUSPEND;
            case RESUME:
                return LineAction.RESUME;
            default:
                return namesProduct ? LineAction.MODIFY : LineAction.ADD;
        }
    }

    /**
     * A product's tree as the installed base holds it: the product and its members that are not
     * terminated, parents before children, in the order they were created.
     */
    public record ProductTree(ProductAsset root, Map<UUID, List<ProductAsset>> children) {

        public List<ProductAsset> members() {
            List<ProductAsset> members = new ArrayList<>();
            collect(root, members);
            return members;
        }

        private void collect(ProductAsset product, List<ProductAsset> into) {
            into.add(product);
            children.getOrDefault(product.id(), List.of()).forEach(child -> collect(child, into));
        }

        /**
         * The configuration the customer wants: the tree as it is with the changes applied (characteristic
         * values merged over the current ones, a new quantity), ready for the catalog to check and derive.
         */
        public ConfigurationRequest desired(Map<UUID, Map<String, String>> changes, Map<UUID, BigDecimal> quantities) {
            return request(root, changes, quantities);
        }

        private ConfigurationRequest request(ProductAsset product, Map<UUID, Map<String, String>> changes,
                                             Map<UUID, BigDecimal> quantities) {
            Map<String, String> values = new LinkedHashMap<>(product.characteristics());
            values.putAll(changes.getOrDefault(product.id(), Map.of()));
            return new ConfigurationRequest(product.offeringId(), quantities.getOrDefault(product.id(), product.quantity()),
                    values, children.getOrDefault(product.id(), List.of()).stream()
                    .map(child -> request(child, changes, quantities)).toList());
        }
    }

    /**
     * The lines of a tree whose desired configuration the catalog accepted: every member whose
     * configuration or quantity differs from the base is MODIFY with its new values, every other one
     * NO_CHANGE, each pointing at its product and the product's version as the baseline. Null when
     * nothing in the tree changes.
     */
    public static List<LineDraft> delta(ProductTree tree, ConfiguredProduct configured, String lineNumber) {
        List<LineDraft> lines = new ArrayList<>();
        walk(tree, tree.root(), configured, null, null, lineNumber, lines);
        return lines.stream().anyMatch(l -> l.action() == LineAction.MODIFY) ? lines : null;
    }

    /**
     * The lines of a subtree that is disconnected, suspended or resumed (or kept, NO_CHANGE): every
     * member with the same action and its configuration as it is.
     */
    public static List<LineDraft> whole(ProductTree tree, LineAction action, String lineNumber) {
        List<LineDraft> lines = new ArrayList<>();
        walk(tree, tree.root(), null, action, null, lineNumber, lines);
        return lines;
    }

    /**
     * One line per member, parents first: with {@code configured}, the member as the catalog configured it
     * (MODIFY when it differs from the base, NO_CHANGE otherwise); without, the member as it is with
     * {@code action}.
     */
    private static void walk(ProductTree tree, ProductAsset product, ConfiguredProduct configured, LineAction action,
                             UUID parentLineId, String number, List<LineDraft> lines) {
        LineAction lineAction = action;
        String name = product.offeringName();
        BigDecimal quantity = product.quantity();
        Map<String, String> values = product.characteristics();
        if (configured != null) {
            boolean same = values.equals(configured.characteristics()) && quantity.compareTo(configured.quantity()) == 0;
            lineAction = same ? LineAction.NO_CHANGE : LineAction.MODIFY;
            name = configured.offeringName();
            quantity = configured.quantity();
            values = configured.characteristics();
        }
        UUID lineId = UUID.randomUUID();
        lines.add(new LineDraft(lineId, parentLineId, null, number, lineAction, product.offeringId(), name,
                product.productSpecificationId(), quantity, values, null, product.id(), product.entityVersion()));
        List<ProductAsset> members = tree.children().getOrDefault(product.id(), List.of());
        for (int i = 0; i < members.size(); i++) {
            walk(tree, members.get(i), configured == null ? null : configured.children().get(i), action, lineId,
                    number + "." + (i + 1), lines);
        }
    }

    /** The request's line actions that its order type does not allow. */
    public static List<Violation> actionsAllowed(OrderType type, List<LineAction> actions) {
        Set<LineAction> allowed = actions(type);
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < actions.size(); i++) {
            if (!allowed.contains(actions.get(i))) {
                violations.add(new Violation(LINE_ACTION_NOT_ALLOWED, "lines[" + i + "].action", "A " + type
                        + " order cannot carry a " + actions.get(i) + " line.", allowed.stream().map(Enum::name).toList()));
            }
        }
        return violations;
    }

    /**
     * The installed-base check of an order's lines that act on existing products (seed 000 section 9):
     * each product belongs to the order's customer and billing account, is in a state that allows the
     * line's action, has not changed since the line's baseline, and no other open order acts on it.
     *
     * @param products the products the lines name, as they are now (a missing one was refused before)
     * @param conflicts the number of another open order acting on a product, per product
     */
    public static List<ValidationCheck> check(OrderDraft draft, Map<UUID, ProductAsset> products, Map<UUID, String> conflicts) {
        List<ValidationCheck> findings = new ArrayList<>();
        for (LineDraft line : draft.lines()) {
            if (line.action() == LineAction.ADD) {
                continue;
            }
            ProductAsset product = products.get(line.productId());
            String target = "lines[" + line.lineNumber() + "]";
            if (product == null) {
                findings.add(blocker(ProductInventory.PRODUCT_NOT_FOUND, "Product " + line.productId()
                        + " does not exist.", target));
                continue;
            }
            if (!product.customerId().equals(draft.customerId())
                    || product.accountId() != null && !product.accountId().equals(draft.accountId())) {
                findings.add(blocker(PRODUCT_NOT_IN_ACCOUNT, "Product " + product.id() + " is not a product of customer "
                        + draft.customerId() + " on account " + draft.accountId() + ".", target));
            }
            if (!product.allows(line.action())) {
                findings.add(blocker(PRODUCT_STATE_FORBIDS_ACTION, "Product " + product.id() + " is " + product.status()
                        + (product.status() == ProductStatus.TERMINATED ? "" : ", which does not allow " + line.action())
                        + ".", target));
            }
            if (line.baselineVersion() != null && line.baselineVersion() != product.entityVersion()) {
                findings.add(blocker(PRODUCT_CHANGED_SINCE_BASELINE, "Product " + product.id() + " changed since the change"
                        + " was computed (version " + line.baselineVersion() + ", now " + product.entityVersion()
                        + "); compute it again from the product as it is.", target));
            }
            String conflict = conflicts.get(product.id());
            if (conflict != null) {
                findings.add(blocker(CONFLICTING_ACTIVE_ORDER, "Order " + conflict + " is open and acts on product "
                        + product.id() + "; one order at a time changes a product.", target));
            }
        }
        return findings;
    }

    /** The products the lines other than ADD act on. */
    public static List<UUID> actedOn(List<LineDraft> lines) {
        return lines.stream().filter(l -> l.action() != LineAction.ADD).map(LineDraft::productId).toList();
    }

    private static ValidationCheck blocker(String code, String message, String target) {
        return new ValidationCheck(code, Severity.BLOCKER, message, target, false);
    }
}
