package io.cpqoms.order.application;

import io.cpqoms.catalog.api.CatalogQueries;
import io.cpqoms.catalog.api.ConfigurationCheck;
import io.cpqoms.catalog.api.PriceSnapshot;
import io.cpqoms.kernel.CommandContext;
import io.cpqoms.kernel.DomainException;
import io.cpqoms.kernel.Json;
import io.cpqoms.kernel.Violation;
import io.cpqoms.order.api.CaptureResult;
import io.cpqoms.catalog.api.LineAction;
import io.cpqoms.order.api.DirectOrder;
import io.cpqoms.order.api.OrderCommands;
import io.cpqoms.order.api.OrderType;
import io.cpqoms.order.api.QuoteConversion;
import io.cpqoms.order.domain.ChangeOrders;
import io.cpqoms.order.domain.CustomerOrder;
import io.cpqoms.order.domain.ProductAsset;
import io.cpqoms.order.domain.ProductInventory;
import io.cpqoms.order.api.ValidationCheck;
import io.cpqoms.order.domain.LineDraft;
import io.cpqoms.order.domain.OrderDraft;
import io.cpqoms.order.domain.OrderValidation;
import io.cpqoms.order.domain.OrderReadModel;
import io.cpqoms.order.domain.OrderRepository;
import io.cpqoms.quote.api.QuoteQueries;
import io.cpqoms.quote.api.QuoteView;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Order capture (seed 000, section 8): from an accepted quote or from the direct order API. One
 * transaction claims the request's keys, checks the order with {@link OrderValidation} (a blocker no
 * one may override refuses it and nothing is written), captures it, records the validation (HELD for
 * an overridable blocker such as a possible duplicate), and for a validated order builds its plan and
 * dispatches its first ready items: nothing the capture already knows is read or checked again later.
 */
@Stateless
public class OrderCaptureService implements OrderCommands {

    public static final String INVALID_CONVERSION_REQUEST = "INVALID_CONVERSION_REQUEST";
    public static final String INVALID_IDEMPOTENCY_KEY = "INVALID_IDEMPOTENCY_KEY";
    public static final String ORDER_TOO_LARGE = "ORDER_TOO_LARGE";
    /** Products of one order, bundle children included (seed 000, section 34: hundreds of items). */
    public static final int MAX_PRODUCTS = 1_000;
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7E]{1,200}");

    @EJB
    private QuoteQueries quotes;

    @EJB
    private CatalogQueries catalog;

    @Inject
    private OrderRepository orders;

    @Inject
    private OrderReadModel reads;

    @Inject
    private OrderChecks checks;

    @Inject
    private InstalledBaseLines installedBase;

    @Inject
    private ProductInventory inventory;

    @Override
    public CaptureResult captureFromQuote(CommandContext context, QuoteConversion request, String idempotencyKey) {
        if (request.quoteId() == null || request.revision() == null || request.acceptanceId() == null) {
            throw DomainException.invalidInput(INVALID_CONVERSION_REQUEST,
                    "quoteId, revision and acceptanceId are all required to convert a quote.");
        }
        String fingerprint = OrderLines.sha256("quote|" + request.quoteId() + "|" + request.revision() + "|"
                + request.acceptanceId());
        List<String> keys = new ArrayList<>(List.of(OrderRepository.ACCEPTANCE_KEY + request.acceptanceId()));
        keys.addAll(idempotencyKeys(idempotencyKey));
        UUID orderId = UUID.randomUUID();
        Optional<UUID> existing = orders.claim(context.tenantId(), keys, orderId, fingerprint);
        if (existing.isPresent()) {
            return new CaptureResult(reads.view(context.tenantId(), existing.get()), false);
        }
        Instant now = Instant.now();
        QuoteView quote = quotes.quote(context, request.quoteId());
        OrderChecks.refuseClosedRevision(quote, request.revision());
        List<LineDraft> lines = OrderLines.fromQuote(quote.items(), quote.priceSnapshot());
        boolean change = !ChangeOrders.actedOn(lines).isEmpty();
        OrderDraft draft = new OrderDraft(change ? OrderType.CHANGE : OrderType.NEW, quote.customerId(), quote.accountId(), quote.catalogVersionId(),
                quote.id(), quote.quoteNumber(), request.revision(), request.acceptanceId(),
                quote.acceptance() == null ? null : quote.acceptance().acceptedAt(),
                quote.acceptance() == null ? null : quote.acceptance().recordedBy(), null, null, quote.priceSnapshot(), lines);
        Map<UUID, ProductAsset> products = change ? inventory.products(context.tenantId(), ChangeOrders.actedOn(lines)) : Map.of();
        OrderValidation.Outcome outcome = OrderValidation.validate(draft, OrderChecks.sourceQuote(quote),
                checks.configurationViolations(context, draft.catalogVersionId(),
                        lines.stream().filter(l -> OrderLines.PRICED.contains(l.action())).toList(), now), null,
                change ? ChangeOrders.check(draft, products, orders.openOrdersActingOn(context.tenantId(),
                        ChangeOrders.actedOn(lines))) : null);
        if (outcome.refusesCapture()) {
            throw DomainException.ruleViolation("The quote cannot become an order.", outcome.blockers());
        }
        return capture(context, orderId, draft, products, outcome, request.acceptanceId().toString(), idempotencyKey, now);
    }

    @Override
    public CaptureResult captureDirect(CommandContext context, DirectOrder request, String idempotencyKey) {
        OrderType type = request.orderType() == null ? OrderType.NEW : request.orderType();
        List<LineAction> actions = request.lines().stream()
                .map(l -> l.action() != null ? l.action() : ChangeOrders.defaultAction(type, l.productId() != null)).toList();
        refuseMalformed(request, type, actions);
        List<String> keys = idempotencyKeys(idempotencyKey);
        UUID orderId = UUID.randomUUID();
        if (!keys.isEmpty()) {
            Optional<UUID> existing = orders.claim(context.tenantId(), keys, orderId, OrderLines.sha256(Json.write(request)));
            if (existing.isPresent()) {
                return new CaptureResult(reads.view(context.tenantId(), existing.get()), false);
            }
        }
        Instant now = Instant.now();
        UUID versionId = catalog.publishedVersion(context, request.catalogVersionId());
        List<Violation> violations = new ArrayList<>();
        Map<Integer, List<LineDraft>> linesAt = new HashMap<>();
        Map<Integer, DirectOrder.Line> naming = new LinkedHashMap<>();
        Map<Integer, LineAction> namingActions = new HashMap<>();
        for (int i = 0; i < request.lines().size(); i++) {
            DirectOrder.Line line = request.lines().get(i);
            if (actions.get(i) != LineAction.ADD) {
                naming.put(i, line);
                namingActions.put(i, actions.get(i));
                continue;
            }
            ConfigurationCheck check = catalog.configure(context, versionId, line.configuration(), "lines[" + (i + 1) + "]", now);
            violations.addAll(check.violations());
            if (check.valid()) {
                linesAt.put(i, OrderLines.fromProduct(check.product(), String.valueOf(i + 1)));
            }
        }
        InstalledBaseLines.Computed base = naming.isEmpty() ? null
                : installedBase.compute(context, versionId, naming, namingActions, now);
        if (base != null) {
            violations.addAll(base.violations());
            linesAt.putAll(base.linesAt());
        }
        List<LineDraft> lines = new ArrayList<>();
        for (int i = 0; i < request.lines().size(); i++) {
            lines.addAll(linesAt.getOrDefault(i, List.of()));
        }
        violations.addAll(OrderLines.productsNamedTwice(lines));
        PriceSnapshot price = null;
        List<LineDraft> priceable = lines.stream().filter(l -> OrderLines.PRICED.contains(l.action())).toList();
        if (violations.isEmpty() && !priceable.isEmpty()) {
            price = catalog.price(context, versionId, OrderLines.pricing(priceable), now);
            lines = OrderLines.priced(lines, price);
        }
        OrderDraft draft = new OrderDraft(type, request.customerId(), request.accountId(), versionId, null, null,
                null, null, null, null,
                request.priority() == null ? null : request.priority().name(), request.requestedCompletionDate(), price, lines);
        String duplicate = violations.isEmpty() && request.customerId() != null ? orders.openDuplicate(context.tenantId(),
                request.customerId(), OrderLines.contentFingerprint(request.customerId(), lines), orderId) : null;
        Map<UUID, ProductAsset> products = base == null ? Map.of() : base.products();
        List<ValidationCheck> baseFindings = base == null ? null : ChangeOrders.check(draft, products,
                orders.openOrdersActingOn(context.tenantId(), ChangeOrders.actedOn(lines)));
        OrderValidation.Outcome outcome = OrderValidation.validate(draft, null, violations, duplicate, baseFindings);
        if (outcome.refusesCapture()) {
            throw DomainException.ruleViolation("The order cannot be captured.", outcome.blockers());
        }
        return capture(context, orderId, draft, products, outcome, idempotencyKey, idempotencyKey, now);
    }

    private CaptureResult capture(CommandContext context, UUID orderId, OrderDraft draft, Map<UUID, ProductAsset> products,
                                  OrderValidation.Outcome outcome, String causationId, String idempotencyKey, Instant now) {
        CustomerOrder order = CustomerOrder.capture(orderId, context.tenantId(), orders.nextOrderNumber(now), draft,
                OrderLines.contentFingerprint(draft.customerId(), draft.lines()), context.actor(), idempotencyKey, now);
        order.productsLoaded(products);
        order.validate(outcome, context.actor(), now);
        if (order.awaitsPlan()) {
            order.plan(checks.specifications(context, order), OrderSettings.sla(), now);
        }
        orders.save(order, context, causationId == null ? "capture:" + orderId : causationId);
        return new CaptureResult(order.view(), true);
    }

    private static List<String> idempotencyKeys(String key) {
        if (key == null || key.isEmpty()) {
            return List.of();
        }
        if (!IDEMPOTENCY_KEY.matcher(key).matches()) {
            throw DomainException.invalidInput(INVALID_IDEMPOTENCY_KEY,
                    "An Idempotency-Key is 1 to 200 visible ASCII characters.");
        }
        return List.of("idempotency-key:" + key);
    }

    /**
     * Refuses, before anything is read or written, a request whose lines do not fit its order type or do
     * not say what they act on: an ADD line names an offering and no product, any other line a product.
     */
    private static void refuseMalformed(DirectOrder request, OrderType type, List<LineAction> actions) {
        List<Violation> violations = new ArrayList<>(ChangeOrders.actionsAllowed(type, actions));
        for (int i = 0; i < actions.size(); i++) {
            DirectOrder.Line line = request.lines().get(i);
            if (actions.get(i) == LineAction.ADD && (line.offeringId() == null || line.offeringId().isBlank())) {
                violations.add(new Violation(ChangeOrders.OFFERING_REQUIRED, "lines[" + i + "].offeringId",
                        "A line adding a product names its offering."));
            }
            if (actions.get(i) == LineAction.ADD && line.productId() != null) {
                violations.add(new Violation(ChangeOrders.LINE_ACTION_NOT_ALLOWED, "lines[" + i + "].productId",
                        "A line adding a product cannot name an existing one; MODIFY changes an existing product.",
                        List.of(LineAction.MODIFY.name())));
            }
            if (actions.get(i) != LineAction.ADD && line.productId() == null) {
                violations.add(new Violation(ChangeOrders.PRODUCT_REQUIRED, "lines[" + i + "].productId",
                        "A " + actions.get(i) + " line names the product of the installed base it acts on."));
            }
        }
        if (!violations.isEmpty()) {
            throw DomainException.ruleViolation("The order's lines do not fit its type.", violations);
        }
        int products = request.lines().stream().mapToInt(l -> l.productId() != null ? 1 : l.configuration().productCount()).sum();
        if (products > MAX_PRODUCTS) {
            throw DomainException.invalidInput(ORDER_TOO_LARGE, "An order has at most " + MAX_PRODUCTS
                    + " products, bundle children included, not " + products + ".");
        }
    }
}
