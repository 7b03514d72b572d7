package io.cpqoms.quote.domain;

import io.cpqoms.quote.api.ChangeLine;
import io.cpqoms.catalog.api.ConfiguredProduct;
import io.cpqoms.catalog.api.PriceOverride;
import io.cpqoms.catalog.api.PriceSnapshot;
import io.cpqoms.catalog.api.PricingLine;
import io.cpqoms.kernel.DomainException;
import io.cpqoms.kernel.Json;
import io.cpqoms.kernel.JsonText;
import io.cpqoms.kernel.Violation;
import io.cpqoms.quote.api.Acceptance;
import io.cpqoms.quote.api.AcceptanceRequest;
import io.cpqoms.quote.api.ApprovalDecisionRequest;
import io.cpqoms.quote.api.ApprovalDecision;
import io.cpqoms.quote.api.ApprovalStatus;
import io.cpqoms.quote.api.ApprovalTrigger;
import io.cpqoms.quote.api.QuoteCancellationRequest;
import io.cpqoms.quote.api.NewQuote;
import io.cpqoms.quote.api.PriceOverrideRequest;
import io.cpqoms.quote.api.QuoteStatus;
import io.cpqoms.quote.api.QuoteView;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The quote aggregate: a customer's quote pinned to one published catalog version, with its item tree,
 * its stored price snapshot, the approval requests of its revisions and, once accepted, the acceptance
 * evidence. Every change goes through the lifecycle of {@link QuoteStatus}: a draft is edited and
 * priced; a priced quote is edited again (back to draft), submitted for approval under the tenant's
 * {@link ApprovalPolicy}, or accepted when the policy needs no approval; a pending request is decided
 * level by level; a new revision supersedes the current one (kept as a {@link QuoteRevision}) and starts
 * as a draft with the items copied; an open quote can be cancelled; an accepted quote never changes.
 * Dates (validity) are UTC days: a quote is valid through its {@code validUntil} day and expired after it.
 */
@Entity
@Table(name = "quote", schema = "quote")
public class Quote {

    /** The request to start a quote is incomplete or wrong (400); its violations name the fields. */
    public static final String INVALID_QUOTE_REQUEST = "INVALID_QUOTE_REQUEST";
    /** Violation rules of {@link #INVALID_QUOTE_REQUEST} and {@link #ACCEPTANCE_INVALID}. */
    public static final String REQUIRED_FIELD_MISSING = "REQUIRED_FIELD_MISSING";
    public static final String FIELD_TOO_LONG = "FIELD_TOO_LONG";
    public static final String VALID_UNTIL_IN_PAST = "VALID_UNTIL_IN_PAST";

    /** The quote is submitted, decided, accepted or closed: no item may be added and it is not priced again (409). */
    public static final String QUOTE_NOT_EDITABLE = "QUOTE_NOT_EDITABLE";
    /** A quote without items has nothing to price (422). */
    public static final String QUOTE_HAS_NO_ITEMS = "QUOTE_HAS_NO_ITEMS";
    /** Only a priced quote can be accepted (409). */
    public static final String QUOTE_NOT_PRICED = "QUOTE_NOT_PRICED";
    /** The acceptance names a revision the quote is not at (409). */
    public static final String QUOTE_REVISION_MISMATCH = "QUOTE_REVISION_MISMATCH";
    /** The quote was accepted with other evidence (409). */
    public static final String QUOTE_ALREADY_ACCEPTED = "QUOTE_ALREADY_ACCEPTED";
    /** No offering of the pinned catalog version is sold through the quote's channel (422). */
    public static final String CHANNEL_NOT_SOLD = "CHANNEL_NOT_SOLD";
    /** The acceptance request lacks the revision or the customer contact, or a value is too long (400). */
    public static final String ACCEPTANCE_INVALID = "ACCEPTANCE_INVALID";
    /** The override request lacks the price, the amount or the reason, or a value is out of range (400). */
    public static final String PRICE_OVERRIDE_INVALID = "PRICE_OVERRIDE_INVALID";
    /** Violation rule of {@link #PRICE_OVERRIDE_INVALID}: a negative amount or more decimals than the currency has. */
    public static final String AMOUNT_INVALID = "AMOUNT_INVALID";
    /** A submission of a quote that is not priced, or already submitted (409). */
    public static final String QUOTE_NOT_SUBMITTABLE = "QUOTE_NOT_SUBMITTABLE";
    /** A decision on a quote that has no pending approval request (409). */
    public static final String QUOTE_NOT_PENDING_APPROVAL = "QUOTE_NOT_PENDING_APPROVAL";
    /** The decision names a revision or price snapshot the pending request is not bound to (409). */
    public static final String APPROVAL_REVISION_MISMATCH = "APPROVAL_REVISION_MISMATCH";
    /** The requester of an approval cannot decide it (403). */
    public static final String SELF_APPROVAL = "SELF_APPROVAL";
    /** The caller does not hold the role of the level the request waits for (403). */
    public static final String APPROVAL_LEVEL_NOT_ALLOWED = "APPROVAL_LEVEL_NOT_ALLOWED";
    /** The decision is missing, or a rejection without a reason (400). */
    public static final String APPROVAL_DECISION_INVALID = "APPROVAL_DECISION_INVALID";
    public static final String REJECTION_REASON_REQUIRED = "REJECTION_REASON_REQUIRED";
    /** The quote's price needs approval that it does not have (409). */
    public static final String QUOTE_APPROVAL_REQUIRED = "QUOTE_APPROVAL_REQUIRED";
    /** The quote was rejected; only a new revision moves it on (409). */
    public static final String QUOTE_REJECTED = "QUOTE_REJECTED";
    /** The quote is past its validity (409). */
    public static final String QUOTE_EXPIRED = "QUOTE_EXPIRED";
    /** The quote is cancelled (409). */
    public static final String QUOTE_CANCELLED = "QUOTE_CANCELLED";
    /** The command names a revision that a newer one superseded; only the latest revision counts (409). */
    public static final String QUOTE_REVISION_SUPERSEDED = "QUOTE_REVISION_SUPERSEDED";
    /** A revision of an accepted, cancelled or expired quote (409). */
    public static final String QUOTE_NOT_REVISABLE = "QUOTE_NOT_REVISABLE";
    /** A cancellation of an accepted, cancelled or expired quote (409). */
    public static final String QUOTE_NOT_CANCELLABLE = "QUOTE_NOT_CANCELLABLE";
    /** The cancellation gives no reason, or one that is too long (400). */
    public static final String CANCELLATION_INVALID = "CANCELLATION_INVALID";

    /** The quote has no item with that id (404). */
    public static final String QUOTE_ITEM_NOT_FOUND = "QUOTE_ITEM_NOT_FOUND";

    /** How long a quote is valid when the request names no date. */
    public static final int DEFAULT_VALIDITY_DAYS = 30;
    /** The longest customer, account or channel id. */
    public static final int MAX_ID_LENGTH = 100;
    public static final int MAX_CONTACT_LENGTH = 200;
    public static final int MAX_EVIDENCE_LENGTH = 500;
    public static final int MAX_REASON_LENGTH = 500;
    public static final int MAX_DECISION_COMMENT_LENGTH = 2000;

    @Id
    private UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    private String tenantId;

    @Version
    @Column(name = "entity_version", nullable = false)
    private long entityVersion;

    @Column(name = "quote_number", nullable = false, updatable = false)
    private String quoteNumber;

    @Column(nullable = false)
    private int revision;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private QuoteStatus status;

    @Column(name = "customer_id", nullable = false, updatable = false)
    private String customerId;

    @Column(name = "account_id", updatable = false)
    private String accountId;

    @Column(nullable = false, updatable = false)
    private String channel;

    @Column(name = "catalog_version_id", nullable = false, updatable = false)
    private UUID catalogVersionId;

    @Column(name = "valid_until", nullable = false)
    private LocalDate validUntil;

    /** The stored snapshot as JSON; parsed only when it is read, so pricing again never parses the old one. */
    @Convert(converter = JsonText.class)
    @Column(name = "price_snapshot")
    private String priceSnapshotJson;

    @Transient
    private PriceSnapshot priceSnapshot;

    @Column(name = "acceptance_id")
    private UUID acceptanceId;

    @Column(name = "accepted_revision")
    private Integer acceptedRevision;

    @Column(name = "accepted_price_snapshot_id")
    private UUID acceptedPriceSnapshotId;

    @Column(name = "customer_contact")
    private String customerContact;

    @Column(name = "evidence_reference")
    private String evidenceReference;

    @Column(name = "accepted_by")
    private String acceptedBy;

    @Column(name = "accepted_at")
    private Instant acceptedAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "accepted_approval_id")
    private UUID acceptedApprovalId;

    @Column(name = "closed_reason")
    private String closedReason;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "closed_by")
    private String closedBy;

    @OneToMany(mappedBy = "quote", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("sortOrder")
    private List<QuoteItem> items = new ArrayList<>();

    /** The approval requests of every revision, oldest first. */
    @OneToMany(mappedBy = "quote", cascade = CascadeType.ALL)
    @OrderBy("requestedAt")
    private List<QuoteApproval> approvals = new ArrayList<>();

    protected Quote() {
    }

    /**
     * Refuses a request to start a quote unless it names a customer and a channel (ids of at most
     * {@value #MAX_ID_LENGTH} characters) and a validity date that is not in the past.
     */
    public static void check(NewQuote request, Instant now) {
        if (request == null) {
            throw DomainException.invalidInput(INVALID_QUOTE_REQUEST, "A quote needs a request body.");
        }
        List<Violation> violations = new ArrayList<>();
        required(request.customerId(), "customerId", MAX_ID_LENGTH, violations);
        required(request.channel(), "channel", MAX_ID_LENGTH, violations);
        limited(request.accountId(), "accountId", MAX_ID_LENGTH, violations);
        LocalDate today = today(now);
        if (request.validUntil() != null && request.validUntil().isBefore(today)) {
            violations.add(new Violation(VALID_UNTIL_IN_PAST, "validUntil", "validUntil " + request.validUntil()
                    + " is in the past; today is " + today + " (UTC)."));
        }
        if (!violations.isEmpty()) {
            throw new DomainException(DomainException.Kind.INVALID_INPUT, INVALID_QUOTE_REQUEST,
                    "The quote request is invalid: " + messages(violations), violations);
        }
    }

    /**
     * A new draft quote without items, pinned to a published catalog version and valid until the
     * requested date or {@value #DEFAULT_VALIDITY_DAYS} days from today.
     */
    public static Quote start(String tenantId, String quoteNumber, NewQuote request, UUID catalogVersionId,
                              String actor, Instant now) {
        check(request, now);
        Quote quote = new Quote();
        quote.id = UUID.randomUUID();
        quote.tenantId = Objects.requireNonNull(tenantId, "tenantId");
        quote.quoteNumber = Objects.requireNonNull(quoteNumber, "quoteNumber");
        quote.revision = 1;
        quote.status = QuoteStatus.DRAFT;
        quote.customerId = request.customerId().strip();
        quote.accountId = blank(request.accountId()) ? null : request.accountId().strip();
        quote.channel = request.channel().strip();
        quote.catalogVersionId = Objects.requireNonNull(catalogVersionId, "catalogVersionId");
        quote.validUntil = request.validUntil() != null ? request.validUntil() : today(now).plusDays(DEFAULT_VALIDITY_DAYS);
        quote.createdBy = actor;
        quote.createdAt = now;
        quote.updatedAt = now;
        return quote;
    }

    /** The quote number of a sequence value: {@code Q-000123}. */
    public static String quoteNumber(long sequenceValue) {
        return String.format("Q-%06d", sequenceValue);
    }

    /** Refuses unless items may be added, which takes the quote (back) to draft. */
    public void ensureEditable() {
        require(QuoteStatus.DRAFT, QUOTE_NOT_EDITABLE, "Quote " + quoteNumber + " is " + status
                + " and cannot be changed" + (status.open() ? "; start a new revision to change it." : "."));
    }

    /**
     * Adds a configured product as items: the product as the next top-level line (1, 2, 3, ...) and its
     * children under it (1.1, 1.2, and 1.1.1 below those), each parent before its children. A priced
     * quote loses its price and is a draft again. Returns the added items, the top-level one first.
     */
    public List<QuoteItem> addItem(ConfiguredProduct product, Instant now) {
        return addItems(List.of(Objects.requireNonNull(product, "product")), now);
    }

    /**
     * Adds configured products as the next top-level lines, in order, each with its children under it,
     * like {@link #addItem} does for one. The numbering looks at the existing items once, so a large
     * batch costs time in proportion to its size. Returns the added items in line order.
     */
    public List<QuoteItem> addItems(List<ConfiguredProduct> products, Instant now) {
        ensureEditable();
        long topLevel = items.stream().filter(QuoteItem::isTopLevel).count();
        List<QuoteItem> added = new ArrayList<>();
        for (ConfiguredProduct product : products) {
            addTree(Objects.requireNonNull(product, "product"), null, String.valueOf(++topLevel), added);
        }
        items.addAll(added);
        dropPrice(now);
        return added;
    }

    /**
     * Adds the lines of a change computed from the installed base as the next top-level line with its
     * tree (the product and its bundle's members, each MODIFY, NO_CHANGE or DELETE), like
     * {@link #addItems} does for new products. Returns the added items in line order.
     */
    public List<QuoteItem> addChange(List<ChangeLine> lines, Instant now) {
        ensureEditable();
        String top = String.valueOf(items.stream().filter(QuoteItem::isTopLevel).count() + 1);
        List<QuoteItem> added = new ArrayList<>();
        Map<Integer, Integer> children = new java.util.HashMap<>();
        for (ChangeLine line : lines) {
            QuoteItem parent = line.parent() < 0 ? null : added.get(line.parent());
            String number = parent == null ? top : parent.lineNumber() + "." + children.merge(line.parent(), 1, Integer::sum);
            added.add(new QuoteItem(this, parent == null ? null : parent.id(), number, items.size() + added.size() + 1, line));
        }
        items.addAll(added);
        dropPrice(now);
        return added;
    }

    /**
     * Refuses an override request unless it names a price and a non-negative amount with at most
     * {@code currencyDecimals} decimals (when known) and gives a reason of at most
     * {@value #MAX_REASON_LENGTH} characters.
     */
    public static void checkOverride(PriceOverrideRequest request, Integer currencyDecimals) {
        List<Violation> violations = new ArrayList<>();
        if (request == null || blank(request.priceId())) {
            violations.add(new Violation(REQUIRED_FIELD_MISSING, "priceId", "priceId is required."));
        }
        BigDecimal amount = request == null ? null : request.amount();
        if (amount == null) {
            violations.add(new Violation(REQUIRED_FIELD_MISSING, "amount", "amount is required."));
        } else if (amount.signum() < 0) {
            violations.add(new Violation(AMOUNT_INVALID, "amount", "amount cannot be negative."));
        } else if (currencyDecimals != null && amount.stripTrailingZeros().scale() > currencyDecimals) {
            violations.add(new Violation(AMOUNT_INVALID, "amount", "amount " + amount.toPlainString() + " has more than the "
                    + currencyDecimals + " decimals of its currency."));
        }
        required(request == null ? null : request.reason(), "reason", MAX_REASON_LENGTH, violations);
        if (!violations.isEmpty()) {
            throw new DomainException(DomainException.Kind.INVALID_INPUT, PRICE_OVERRIDE_INVALID,
                    "The price override is invalid: " + messages(violations), violations);
        }
    }

    /** The item with that id, or 404. */
    public QuoteItem item(UUID itemId) {
        for (QuoteItem item : items) {
            if (item.id().equals(itemId)) {
                return item;
            }
        }
        throw DomainException.notFound(QUOTE_ITEM_NOT_FOUND, "Quote " + quoteNumber + " has no item " + itemId + ".");
    }

    /**
     * Overrides the net amount of one charge of an item (the caller has checked that the price belongs
     * to the item's offering): recorded on the item with actor, reason and time, replacing an earlier
     * override of the same charge. A priced quote loses its price and is a draft again. Returns the
     * override it replaced, or null.
     */
    public PriceOverride overridePrice(UUID itemId, PriceOverrideRequest request, String actor, Instant now) {
        ensureEditable();
        checkOverride(request, null);
        QuoteItem item = item(itemId);
        PriceOverride previous = item.override(new PriceOverride(request.priceId().strip(), request.amount(),
                request.reason().strip(), actor, now));
        dropPrice(now);
        return previous;
    }

    private void dropPrice(Instant now) {
        priceSnapshotJson = null;
        priceSnapshot = null;
        status = QuoteStatus.DRAFT;
        updatedAt = now;
    }

    private void addTree(ConfiguredProduct product, UUID parentItemId, String lineNumber, List<QuoteItem> added) {
        QuoteItem item = new QuoteItem(this, parentItemId, lineNumber, items.size() + added.size() + 1, product);
        added.add(item);
        for (int i = 0; i < product.children().size(); i++) {
            addTree(product.children().get(i), item.id(), lineNumber + "." + (i + 1), added);
        }
    }

    /**
     * The lines to price: every item, children included, with its own quantity, its id as the line id,
     * its parent item's id, its characteristic values and its price overrides. Refuses an accepted quote
     * and a quote without items.
     */
    public List<PricingLine> linesToPrice() {
        ensurePriceable();
        List<PricingLine> lines = new ArrayList<>(items.size());
        items.stream().filter(QuoteItem::priced).forEach(item -> lines.add(item.pricingLine()));
        return lines;
    }

    private void ensurePriceable() {
        require(QuoteStatus.PRICED, QUOTE_NOT_EDITABLE, "Quote " + quoteNumber + " is " + status
                + "; its price snapshot is final" + (status.open() ? " for this revision; start a new revision to change it." : "."));
        if (items.isEmpty()) {
            throw DomainException.ruleViolation("A quote without items cannot be priced.", List.of(new Violation(
                    QUOTE_HAS_NO_ITEMS, "items", "Quote " + quoteNumber + " has no items; add an item first.")));
        }
    }

    /**
     * Stores the price snapshot the catalog calculated for {@link #linesToPrice()}; it replaces any
     * earlier one and is what acceptance and orders use from now on.
     */
    public void price(PriceSnapshot snapshot, Instant now) {
        ensurePriceable();
        Objects.requireNonNull(snapshot, "snapshot");
        if (!catalogVersionId.equals(snapshot.catalogVersionId())) {
            throw new IllegalArgumentException("the snapshot was priced with catalog version "
                    + snapshot.catalogVersionId() + ", the quote is pinned to " + catalogVersionId);
        }
        Set<String> priced = new HashSet<>(snapshot.lines().size() * 2);
        snapshot.lines().forEach(line -> priced.add(line.lineId()));
        List<QuoteItem> toPrice = items.stream().filter(QuoteItem::priced).toList();
        if (snapshot.lines().size() != toPrice.size() || toPrice.stream().anyMatch(i -> !priced.contains(i.id().toString()))) {
            throw new IllegalArgumentException("the snapshot does not price exactly the priced items of quote " + quoteNumber);
        }
        priceSnapshotJson = Json.write(snapshot);
        priceSnapshot = snapshot;
        status = QuoteStatus.PRICED;
        updatedAt = now;
    }

    /**
     * Records the customer's acceptance of the current revision with the stored price snapshot (never
     * a recalculation). Returns false, changing nothing, when the same acceptance (same revision, same
     * customer contact) is already recorded; any other acceptance of an accepted quote is refused.
     */
    public boolean accept(AcceptanceRequest request, ApprovalPolicy policy, String actor, Instant now) {
        checkAcceptance(request);
        String contact = request.customerContact().strip();
        if (status == QuoteStatus.ACCEPTED) {
            if (request.revision().equals(acceptedRevision) && contact.equals(customerContact)) {
                return false;
            }
            throw DomainException.conflict(QUOTE_ALREADY_ACCEPTED, "Quote " + quoteNumber + " revision "
                    + acceptedRevision + " was accepted by " + customerContact + " (acceptance " + acceptanceId
                    + "); a different acceptance cannot be recorded.");
        }
        ensureOpen(now);
        if (request.revision() < revision) {
            throw DomainException.conflict(QUOTE_REVISION_SUPERSEDED, "Revision " + request.revision() + " of quote "
                    + quoteNumber + " is superseded by revision " + revision + "; only the latest revision can be accepted.");
        }
        if (request.revision() != revision) {
            throw DomainException.conflict(QUOTE_REVISION_MISMATCH, "The acceptance names revision "
                    + request.revision() + " but quote " + quoteNumber + " is at revision " + revision + ".");
        }
        switch (status) {
            case DRAFT -> throw DomainException.conflict(QUOTE_NOT_PRICED, "Quote " + quoteNumber
                    + " is a draft; price it before it is accepted.");
            case PENDING_APPROVAL -> throw DomainException.conflict(QUOTE_APPROVAL_REQUIRED, "Revision " + revision
                    + " of quote " + quoteNumber + " waits for approval at level " + currentApproval().nextLevel() + " ("
                    + currentApproval().nextRole() + "); it cannot be accepted before it is approved.");
            case REJECTED -> throw DomainException.conflict(QUOTE_REJECTED, "Revision " + revision + " of quote "
                    + quoteNumber + " was rejected; only a new revision moves it on.");
            case PRICED -> {
                List<ApprovalTrigger> triggers = policy.evaluate(priceSnapshot(), approvalLines());
                if (!triggers.isEmpty()) {
                    throw DomainException.conflict(QUOTE_APPROVAL_REQUIRED, "Revision " + revision + " of quote "
                            + quoteNumber + " needs approval up to level " + ApprovalPolicy.requiredLevel(triggers)
                            + " before it is accepted; submit it. " + String.join(" ",
                            triggers.stream().map(ApprovalTrigger::evidence).toList()));
                }
            }
            default -> {
                // APPROVED: accepted below with its approval
            }
        }
        require(QuoteStatus.ACCEPTED, QUOTE_NOT_PRICED, "Quote " + quoteNumber + " is " + status
                + " and cannot be accepted.");
        QuoteApproval approval = currentApproval();
        acceptedApprovalId = status == QuoteStatus.APPROVED && approval != null ? approval.id() : null;
        acceptanceId = UUID.randomUUID();
        acceptedRevision = revision;
        acceptedPriceSnapshotId = priceSnapshot().priceSnapshotId();
        customerContact = contact;
        evidenceReference = blank(request.evidenceReference()) ? null : request.evidenceReference().strip();
        acceptedBy = actor;
        acceptedAt = now;
        status = QuoteStatus.ACCEPTED;
        updatedAt = now;
        return true;
    }

    private static void checkAcceptance(AcceptanceRequest request) {
        List<Violation> violations = new ArrayList<>();
        if (request == null || request.revision() == null) {
            violations.add(new Violation(REQUIRED_FIELD_MISSING, "revision", "revision is required."));
        }
        required(request == null ? null : request.customerContact(), "customerContact", MAX_CONTACT_LENGTH, violations);
        limited(request == null ? null : request.evidenceReference(), "evidenceReference", MAX_EVIDENCE_LENGTH, violations);
        if (!violations.isEmpty()) {
            throw new DomainException(DomainException.Kind.INVALID_INPUT, ACCEPTANCE_INVALID,
                    "The acceptance is invalid: " + messages(violations), violations);
        }
    }

    /** The acceptance evidence, or null while the quote is not accepted. */
    public Acceptance acceptance() {
        return acceptanceId == null ? null : new Acceptance(acceptanceId, acceptedRevision, acceptedPriceSnapshotId,
                customerContact, evidenceReference, acceptedBy, acceptedAt, acceptedApprovalId);
    }

    /**
     * Refuses a command on a quote that is cancelled or expired, or past its validity (409
     * {@link #QUOTE_EXPIRED} even before the expiry sweep has marked it).
     */
    private void ensureOpen(Instant now) {
        if (status == QuoteStatus.CANCELLED) {
            throw DomainException.conflict(QUOTE_CANCELLED, "Quote " + quoteNumber + " was cancelled"
                    + (closedReason == null ? "." : ": " + closedReason));
        }
        if (status == QuoteStatus.EXPIRED || expiredAt(now)) {
            throw DomainException.conflict(QUOTE_EXPIRED, "Quote " + quoteNumber + " was valid until " + validUntil
                    + " (UTC); it is expired.");
        }
    }

    /** Whether the quote's validity has ended at that instant: it is valid through its validUntil day (UTC). */
    public boolean expiredAt(Instant now) {
        return today(now).isAfter(validUntil);
    }

    /** The lines as the approval policy sees them: line id and number, characteristics, manual overrides. */
    public List<ApprovalPolicy.Line> approvalLines() {
        return items.stream().map(i -> new ApprovalPolicy.Line(i.id().toString(), i.lineNumber(), i.characteristics(),
                !i.overrides().isEmpty(), false)).toList();
    }

    /** The approval request of the current revision (the latest one), or null before submission. */
    public QuoteApproval currentApproval() {
        for (int i = approvals.size() - 1; i >= 0; i--) {
            if (approvals.get(i).revision() == revision) {
                return approvals.get(i);
            }
        }
        return null;
    }

    public List<QuoteApproval> approvals() {
        return Collections.unmodifiableList(approvals);
    }

    /**
     * Submits the priced revision: the policy decides which rules its price snapshot triggers. No rule:
     * approved at once. An approval of an earlier revision that still covers every trigger (smart
     * re-approval, {@link ApprovalPolicy#covers}): approved, with a reference to it. Otherwise an
     * approval request waits for level 1. Returns the request.
     */
    public QuoteApproval submit(ApprovalPolicy policy, String actor, Instant now) {
        ensureOpen(now);
        if (status != QuoteStatus.PRICED) {
            throw DomainException.conflict(QUOTE_NOT_SUBMITTABLE, status == QuoteStatus.DRAFT
                    ? "Quote " + quoteNumber + " is a draft; price it before it is submitted."
                    : "Revision " + revision + " of quote " + quoteNumber + " is " + status + "; it was submitted already.");
        }
        List<ApprovalTrigger> triggers = policy.evaluate(priceSnapshot(), approvalLines());
        QuoteApproval covering = null;
        if (!triggers.isEmpty()) {
            QuoteApproval earlier = latestApproved();
            if (earlier != null && ApprovalPolicy.covers(earlier.triggers(), triggers)) {
                covering = earlier;
            }
        }
        QuoteApproval approval = new QuoteApproval(this, revision, priceSnapshot().priceSnapshotId(), policy, triggers,
                covering, actor, now);
        approvals.add(approval);
        status = approval.status() == ApprovalStatus.APPROVED ? QuoteStatus.APPROVED : QuoteStatus.PENDING_APPROVAL;
        updatedAt = now;
        return approval;
    }

    /** The newest approved request of an earlier revision that needed approval, or null. */
    private QuoteApproval latestApproved() {
        for (int i = approvals.size() - 1; i >= 0; i--) {
            QuoteApproval approval = approvals.get(i);
            if (approval.revision() < revision && approval.status() == ApprovalStatus.APPROVED && approval.requiredLevel() > 0) {
                return approval;
            }
        }
        return null;
    }

    /** Refuses a decision request without a decision, or a rejection without a reason. */
    public static void checkDecision(ApprovalDecisionRequest request) {
        if (request == null || request.decision() == null) {
            throw new DomainException(DomainException.Kind.INVALID_INPUT, APPROVAL_DECISION_INVALID,
                    "decision is required: APPROVE or REJECT.", List.of(new Violation(REQUIRED_FIELD_MISSING, "decision",
                    "decision is required.")));
        }
        if (request.comment() != null && request.comment().strip().length() > MAX_DECISION_COMMENT_LENGTH) {
            throw new DomainException(DomainException.Kind.INVALID_INPUT, APPROVAL_DECISION_INVALID, "comment has more than "
                    + MAX_DECISION_COMMENT_LENGTH + " characters.", List.of(new Violation(FIELD_TOO_LONG, "comment",
                    "comment has more than " + MAX_DECISION_COMMENT_LENGTH + " characters.")));
        }
        if (request.decision() == ApprovalDecision.REJECT && blank(request.comment())) {
            throw new DomainException(DomainException.Kind.INVALID_INPUT, REJECTION_REASON_REQUIRED,
                    "A rejection needs a reason in comment.", List.of(new Violation(REQUIRED_FIELD_MISSING, "comment",
                    "comment is required when the decision is REJECT.")));
        }
    }

    /**
     * Records an approver's decision at the level the current revision's request waits for. The decision
     * is bound to that revision and its price snapshot (a named other one is refused); the requester
     * cannot decide it; the caller must hold the level's role. An approval of the last level needed
     * approves the quote; a rejection at any level rejects it. Returns the request.
     */
    public QuoteApproval decide(ApprovalDecisionRequest request, String actor, java.util.Set<String> roles, Instant now) {
        checkDecision(request);
        ensureOpen(now);
        QuoteApproval approval = currentApproval();
        if (status != QuoteStatus.PENDING_APPROVAL || approval == null || approval.status() != ApprovalStatus.PENDING) {
            throw DomainException.conflict(QUOTE_NOT_PENDING_APPROVAL, "Revision " + revision + " of quote " + quoteNumber
                    + " is " + status + "; it has no pending approval request.");
        }
        if (request.revision() != null && request.revision() != revision) {
            throw DomainException.conflict(request.revision() < revision ? QUOTE_REVISION_SUPERSEDED : APPROVAL_REVISION_MISMATCH,
                    "The decision names revision " + request.revision() + " but the pending request is for revision "
                    + revision + " of quote " + quoteNumber + "; a decision on one revision never applies to another.");
        }
        if (request.priceSnapshotId() != null && !request.priceSnapshotId().equals(approval.priceSnapshotId())) {
            throw DomainException.conflict(APPROVAL_REVISION_MISMATCH, "The decision names price snapshot "
                    + request.priceSnapshotId() + " but the pending request is bound to " + approval.priceSnapshotId() + ".");
        }
        if (actor.equals(approval.requestedBy())) {
            throw DomainException.forbidden(SELF_APPROVAL, actor + " requested this approval and cannot decide it.");
        }
        if (!roles.contains(approval.nextRole())) {
            throw DomainException.forbidden(APPROVAL_LEVEL_NOT_ALLOWED, "The request waits for level "
                    + approval.nextLevel() + ", which role " + approval.nextRole() + " decides.");
        }
        if (approval.decide(request.decision(), actor, blank(request.comment()) ? null : request.comment().strip(), now)) {
            status = approval.status() == ApprovalStatus.APPROVED ? QuoteStatus.APPROVED : QuoteStatus.REJECTED;
        }
        updatedAt = now;
        return approval;
    }

    /** Refuses a cancellation without a reason of at most {@value #MAX_REASON_LENGTH} characters. */
    public static void checkCancellation(QuoteCancellationRequest request) {
        List<Violation> violations = new ArrayList<>();
        required(request == null ? null : request.reason(), "reason", MAX_REASON_LENGTH, violations);
        if (!violations.isEmpty()) {
            throw new DomainException(DomainException.Kind.INVALID_INPUT, CANCELLATION_INVALID,
                    "The cancellation is invalid: " + messages(violations), violations);
        }
    }

    /** Cancels an open quote; a pending approval request is withdrawn. */
    public void cancel(QuoteCancellationRequest request, String actor, Instant now) {
        checkCancellation(request);
        if (!status.canMoveTo(QuoteStatus.CANCELLED)) {
            throw DomainException.conflict(QUOTE_NOT_CANCELLABLE, "Quote " + quoteNumber + " is " + status
                    + " and cannot be cancelled.");
        }
        withdrawPending(now);
        close(QuoteStatus.CANCELLED, request.reason().strip(), actor, now);
    }

    /** Marks a quote past its validity EXPIRED; returns false, changing nothing, when it is not open or still valid. */
    public boolean expire(Instant now) {
        if (!status.canMoveTo(QuoteStatus.EXPIRED) || !expiredAt(now)) {
            return false;
        }
        withdrawPending(now);
        close(QuoteStatus.EXPIRED, "valid until " + validUntil, "system", now);
        return true;
    }

    private void close(QuoteStatus target, String reason, String actor, Instant now) {
        status = target;
        closedReason = reason;
        closedBy = actor;
        closedAt = now;
        updatedAt = now;
    }

    private void withdrawPending(Instant now) {
        QuoteApproval pending = currentApproval();
        if (pending != null) {
            pending.withdraw(now);
        }
    }

    /**
     * Starts revision n+1 as a draft with the items (and their overrides) copied and no price; revision n
     * is kept as it was offered, SUPERSEDED, with its snapshot and approval. A pending request of revision
     * n is withdrawn; an approval of it stays for smart re-approval. Returns the superseded revision.
     */
    public QuoteRevision revise(Instant now) {
        ensureOpen(now);
        if (!status.canMoveTo(QuoteStatus.SUPERSEDED)) {
            throw DomainException.conflict(QUOTE_NOT_REVISABLE, "Quote " + quoteNumber + " is " + status
                    + "; it cannot be revised.");
        }
        withdrawPending(now);
        QuoteView old = view();
        QuoteView superseded = new QuoteView(old.id(), old.quoteNumber(), old.revision(), QuoteStatus.SUPERSEDED,
                old.customerId(), old.accountId(), old.channel(), old.catalogVersionId(), old.validUntil(), old.items(),
                old.priceSnapshot(), null, old.approval(), old.entityVersion(), old.createdBy(), old.createdAt(), now);
        QuoteRevision kept = new QuoteRevision(id, tenantId, revision, Json.write(superseded), now);
        revision++;
        priceSnapshotJson = null;
        priceSnapshot = null;
        status = QuoteStatus.DRAFT;
        updatedAt = now;
        return kept;
    }

    public QuoteView view() {
        QuoteApproval approval = currentApproval();
        return new QuoteView(id, quoteNumber, revision, status, customerId, accountId, channel, catalogVersionId,
                validUntil, items.stream().map(item -> item.view(priceSnapshot())).toList(), priceSnapshot(), acceptance(),
                approval == null ? null : approval.view(), entityVersion,
                createdBy, createdAt, updatedAt);
    }

    private void require(QuoteStatus target, String code, String message) {
        if (!status.canMoveTo(target)) {
            throw DomainException.conflict(code, message);
        }
    }

    private static void required(String value, String field, int maxLength, List<Violation> violations) {
        if (blank(value)) {
            violations.add(new Violation(REQUIRED_FIELD_MISSING, field, field + " is required."));
        } else {
            limited(value, field, maxLength, violations);
        }
    }

    private static void limited(String value, String field, int maxLength, List<Violation> violations) {
        if (value != null && value.strip().length() > maxLength) {
            violations.add(new Violation(FIELD_TOO_LONG, field, field + " has more than " + maxLength + " characters."));
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String messages(List<Violation> violations) {
        return String.join(" ", violations.stream().map(Violation::message).toList());
    }

    private static LocalDate today(Instant now) {
        return LocalDate.ofInstant(now, ZoneOffset.UTC);
    }

    public UUID id() {
        return id;
    }

    public String tenantId() {
        return tenantId;
    }

    public String quoteNumber() {
        return quoteNumber;
    }

    public int revision() {
        return revision;
    }

    public QuoteStatus status() {
        return status;
    }

    public String customerId() {
        return customerId;
    }

    public String accountId() {
        return accountId;
    }

    public String channel() {
        return channel;
    }

    public UUID catalogVersionId() {
        return catalogVersionId;
    }

    public LocalDate validUntil() {
        return validUntil;
    }

    /** The stored price snapshot, or null while the quote is a draft. */
    public PriceSnapshot priceSnapshot() {
        if (priceSnapshot == null && priceSnapshotJson != null) {
            priceSnapshot = Json.read(priceSnapshotJson, PriceSnapshot.class);
        }
        return priceSnapshot;
    }

    /** The items in line order, parents before their children. */
    public List<QuoteItem> items() {
        return Collections.unmodifiableList(items);
    }

    public long entityVersion() {
        return entityVersion;
    }
}
