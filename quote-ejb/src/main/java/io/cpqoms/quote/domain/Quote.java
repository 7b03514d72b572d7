package io.cpqoms.quote.domain;

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
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The quote aggregate: a customer's quote pinned to one published catalog version, with its item tree,
 * its stored price snapshot and, once accepted, the acceptance evidence. Every change goes through the
 * lifecycle of {@link QuoteStatus}: a draft is edited and priced, a priced quote is accepted or edited
 * again (which drops its price and takes it back to draft), an accepted quote never changes.
 * Dates (validity) are UTC days.
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

    /** The quote is accepted: no item may be added and it is not priced again (409). */
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
    /** The quote has no item with that id (404). */
    public static final String QUOTE_ITEM_NOT_FOUND = "QUOTE_ITEM_NOT_FOUND";

    /** How long a quote is valid when the request names no date. */
    public static final int DEFAULT_VALIDITY_DAYS = 30;
    /** The longest customer, account or channel id. */
    public static final int MAX_ID_LENGTH = 100;
    public static final int MAX_CONTACT_LENGTH = 200;
    public static final int MAX_EVIDENCE_LENGTH = 500;
    public static final int MAX_REASON_LENGTH = 500;

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

    @OneToMany(mappedBy = "quote", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("sortOrder")
    private List<QuoteItem> items = new ArrayList<>();

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
        require(QuoteStatus.DRAFT, QUOTE_NOT_EDITABLE, "Quote " + quoteNumber
                + " is accepted and cannot be changed.");
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
        items.forEach(item -> lines.add(item.pricingLine()));
        return lines;
    }

    private void ensurePriceable() {
        require(QuoteStatus.PRICED, QUOTE_NOT_EDITABLE, "Quote " + quoteNumber
                + " is accepted; its price snapshot is final.");
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
        if (snapshot.lines().size() != items.size() || items.stream().anyMatch(i -> !priced.contains(i.id().toString()))) {
            throw new IllegalArgumentException("the snapshot does not price exactly the items of quote " + quoteNumber);
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
    public boolean accept(AcceptanceRequest request, String actor, Instant now) {
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
        require(QuoteStatus.ACCEPTED, QUOTE_NOT_PRICED, "Quote " + quoteNumber
                + " is a draft; price it before it is accepted.");
        if (request.revision() != revision) {
            throw DomainException.conflict(QUOTE_REVISION_MISMATCH, "The acceptance names revision "
                    + request.revision() + " but quote " + quoteNumber + " is at revision " + revision + ".");
        }
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
                customerContact, evidenceReference, acceptedBy, acceptedAt);
    }

    public QuoteView view() {
        return new QuoteView(id, quoteNumber, revision, status, customerId, accountId, channel, catalogVersionId,
                validUntil, items.stream().map(QuoteItem::view).toList(), priceSnapshot(), acceptance(), entityVersion,
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
