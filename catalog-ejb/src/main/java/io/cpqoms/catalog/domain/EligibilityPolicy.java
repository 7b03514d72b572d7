package io.cpqoms.catalog.domain;

import io.cpqoms.catalog.api.CoverageArea;
import io.cpqoms.catalog.api.EligibilityAlternative;
import io.cpqoms.catalog.api.EligibilityReason;
import io.cpqoms.catalog.api.EligibilityRequest;
import io.cpqoms.catalog.api.EligibilityResult;
import io.cpqoms.catalog.api.EligibilityResult.CustomerSegmentSource;
import io.cpqoms.catalog.api.EligibilityStanding;
import io.cpqoms.catalog.api.OfferingEligibility;
import io.cpqoms.catalog.api.OfferingLifecycle;
import io.cpqoms.catalog.api.ProductOffering;
import io.cpqoms.catalog.api.ProductSpecification;
import io.cpqoms.kernel.DomainException;
import io.cpqoms.kernel.Violation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides eligibility (seed 002, section 7): may an offering be offered to this customer and account,
 * through this channel, at this location, at this instant? Every rule is data of the published catalog
 * version, except the account's standing and segment, which come from the account standing projection
 * (passed in; null when the projection does not know the account). Every broken rule is a reason with
 * a stable code and an explanation; an ineligible offering gets the eligible, sellable, non-bundle
 * offerings of its specification family as alternatives.
 *
 * <p>Rules, in the order reasons are listed:
 * <ol>
 *   <li>{@code OFFERING_NOT_FOUND}: the version has no such offering (no other rule is evaluated);</li>
 *   <li>{@code OFFERING_NOT_SELLABLE}: not ACTIVE, or outside its validity window at the instant;</li>
 *   <li>{@code CHANNEL_NOT_ELIGIBLE}: the offering's channels do not include the channel;</li>
 *   <li>{@code SEGMENT_NOT_ELIGIBLE}: its customer segments do not include the customer's;
 *       {@code SEGMENT_UNKNOWN} when no segment is given nor known (skipped for callers that allow it);</li>
 *   <li>{@code LOCATION_NOT_COVERED}: it names coverage areas and none contains the location (or no
 *       location is given); an offering without coverage areas is available everywhere;</li>
 *   <li>{@code OUTSTANDING_DEBT}: it is promotional and the account owes money;
 *       {@code ACCOUNT_STANDING_UNKNOWN}: it is promotional and the account's standing is not known.</li>
 * </ol>
 */
public final class EligibilityPolicy {

    public static final String OFFERING_NOT_FOUND = EligibilityReason.OFFERING_NOT_FOUND;
    public static final String OFFERING_NOT_SELLABLE = EligibilityReason.OFFERING_NOT_SELLABLE;
    public static final String CHANNEL_NOT_ELIGIBLE = EligibilityReason.CHANNEL_NOT_ELIGIBLE;
    public static final String SEGMENT_NOT_ELIGIBLE = EligibilityReason.SEGMENT_NOT_ELIGIBLE;
    public static final String SEGMENT_UNKNOWN = EligibilityReason.SEGMENT_UNKNOWN;
    public static final String LOCATION_NOT_COVERED = EligibilityReason.LOCATION_NOT_COVERED;
    public static final String OUTSTANDING_DEBT = EligibilityReason.OUTSTANDING_DEBT;
    public static final String ACCOUNT_STANDING_UNKNOWN = EligibilityReason.ACCOUNT_STANDING_UNKNOWN;

    /** The request is incomplete or wrong (400); its violations name the fields. */
    public static final String ELIGIBILITY_REQUEST_INVALID = "ELIGIBILITY_REQUEST_INVALID";
    /** Violation rules of {@link #ELIGIBILITY_REQUEST_INVALID}. */
    public static final String REQUIRED_FIELD_MISSING = "REQUIRED_FIELD_MISSING";
    public static final String FIELD_TOO_LONG = "FIELD_TOO_LONG";
    public static final String TOO_MANY_OFFERINGS = "TOO_MANY_OFFERINGS";

    /** The most offerings one request may ask about. */
    public static final int MAX_OFFERINGS = 100;
    /** The longest customer, account, channel, location or segment id. */
    public static final int MAX_ID_LENGTH = 100;

    private final CatalogIndex catalog;

    public EligibilityPolicy(CatalogIndex catalog) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
    }

    /**
     * Refuses a request that names no channel or no offering, names a blank offering id or more than
     * {@value #MAX_OFFERINGS} offerings, or an id longer than {@value #MAX_ID_LENGTH} characters.
     */
    public static void check(EligibilityRequest request) {
        if (request == null) {
            throw DomainException.invalidInput(ELIGIBILITY_REQUEST_INVALID, "An eligibility check needs a request body.");
        }
        List<Violation> violations = new ArrayList<>();
        if (blank(request.channel())) {
            violations.add(new Violation(REQUIRED_FIELD_MISSING, "channel", "channel is required."));
        }
        limit(request.customerId(), "customerId", violations);
        limit(request.accountId(), "accountId", violations);
        limit(request.channel(), "channel", violations);
        limit(request.locationId(), "locationId", violations);
        limit(request.customerSegment(), "customerSegment", violations);
        List<String> ids = request.productOfferingIds();
        if (ids.isEmpty()) {
            violations.add(new Violation(REQUIRED_FIELD_MISSING, "productOfferingIds",
                    "Name at least one offering (productOfferingIds, or productOfferingId for one)."));
        } else if (ids.size() > MAX_OFFERINGS) {
            violations.add(new Violation(TOO_MANY_OFFERINGS, "productOfferingIds",
                    "At most " + MAX_OFFERINGS + " offerings can be checked at once, not " + ids.size() + "."));
        }
        for (int i = 0; i < ids.size(); i++) {
            if (blank(ids.get(i))) {
                violations.add(new Violation(REQUIRED_FIELD_MISSING, "productOfferingIds[" + i + "]",
                        "productOfferingIds[" + i + "] is blank."));
            }
        }
        if (!violations.isEmpty()) {
            throw new DomainException(DomainException.Kind.INVALID_INPUT, ELIGIBILITY_REQUEST_INVALID,
                    "The eligibility request is invalid: " + String.join(" ",
                            violations.stream().map(Violation::message).toList()), violations);
        }
    }

    /**
     * Decides each asked offering (once, in the order asked) at the instant, with the account's standing
     * from the projection (null when it does not know the account or no account is named).
     */
    public EligibilityResult decide(EligibilityRequest request, AccountStanding standing, Instant at) {
        check(request);
        Objects.requireNonNull(at, "at");
        Facts facts = facts(request, standing, at);
        List<OfferingEligibility> answers = request.productOfferingIds().stream()
                .map(String::strip)
                .distinct()
                .map(id -> decide(id, facts))
                .toList();
        return new EligibilityResult(catalog.versionId(), at, facts.channel, facts.locationId, facts.segment,
                facts.segmentSource, standingUsed(request, standing), answers.stream().allMatch(OfferingEligibility::eligible),
                answers);
    }

    private OfferingEligibility decide(String offeringId, Facts facts) {
        Optional<ProductOffering> found = catalog.offering(offeringId);
        if (found.isEmpty()) {
            return new OfferingEligibility(offeringId, null, false, List.of(new EligibilityReason(OFFERING_NOT_FOUND,
                    "Offering '" + offeringId + "' does not exist in catalog version " + catalog.versionId() + ".")), List.of());
        }
        ProductOffering offering = found.get();
        List<EligibilityReason> reasons = reasons(offering, facts);
        List<EligibilityAlternative> alternatives = reasons.isEmpty() ? List.of() : alternatives(offering, facts);
        return new OfferingEligibility(offering.id(), offering.name(), reasons.isEmpty(), reasons, alternatives);
    }

    /** Every rule the offering breaks for these facts; empty when it is eligible. */
    private List<EligibilityReason> reasons(ProductOffering offering, Facts facts) {
        List<EligibilityReason> reasons = new ArrayList<>();
        String name = label(offering);
        if (!offering.isSellableAt(facts.at)) {
            reasons.add(new EligibilityReason(OFFERING_NOT_SELLABLE, notSellable(offering, name, facts.at)));
        }
        if (!offering.offeredIn(facts.channel)) {
            reasons.add(new EligibilityReason(CHANNEL_NOT_ELIGIBLE, name + " is not sold through channel " + facts.channel
                    + (offering.channels().isEmpty() ? "; it is not sold through any channel."
                    : "; it is sold through " + offering.channels() + ".")));
        }
        if (facts.segment == null) {
            if (!facts.unknownSegmentAllowed) {
                reasons.add(new EligibilityReason(SEGMENT_UNKNOWN, "No customer segment was given and "
                        + (facts.accountId == null ? "no account was named" : "none is known for account " + facts.accountId)
                        + "; " + name + " is offered to " + segments(offering) + "."));
            }
        } else if (!offering.offeredTo(facts.segment)) {
            reasons.add(new EligibilityReason(SEGMENT_NOT_ELIGIBLE, name + " is not offered to the " + facts.segment
                    + " segment (" + facts.segmentOrigin + "); it is offered to " + segments(offering) + "."));
        }
        if (!covered(offering, facts.locationId)) {
            reasons.add(new EligibilityReason(LOCATION_NOT_COVERED, (facts.locationId == null
                    ? "No location was given" : "Coverage is not available at location " + facts.locationId)
                    + ": " + name + " is offered in areas " + offering.coverageAreaIds() + "."));
        }
        if (offering.promotional()) {
            if (facts.standing == null) {
                reasons.add(new EligibilityReason(ACCOUNT_STANDING_UNKNOWN, name + " is promotional and "
                        + (facts.accountId == null ? "no account was named"
                        : "no standing is known for account " + facts.accountId)
                        + ", so outstanding debt cannot be ruled out."));
            } else if (facts.standing.hasOutstandingDebt()) {
                AccountStanding s = facts.standing;
                reasons.add(new EligibilityReason(OUTSTANDING_DEBT, "Account " + s.accountId() + " has an outstanding debt of "
                        + s.outstandingDebt().toPlainString() + " " + s.currency() + " (as of " + s.asOf()
                        + "): promotional offering " + name + " is not available to accounts with outstanding debt."));
            }
        }
        return reasons;
    }

    /** An offering without coverage areas is available everywhere; otherwise one of its areas holds the location. */
    private boolean covered(ProductOffering offering, String locationId) {
        if (offering.coverageAreaIds().isEmpty()) {
            return true;
        }
        return locationId != null && offering.coverageAreaIds().stream()
                .map(catalog::coverageArea)
                .flatMap(Optional::stream)
                .map(CoverageArea::locationIds)
                .anyMatch(locations -> locations.contains(locationId));
    }

    /** The eligible offerings of the same specification family, other than this one and bundles. */
    private List<EligibilityAlternative> alternatives(ProductOffering offering, Facts facts) {
        Optional<String> family = family(offering);
        if (family.isEmpty()) {
            return List.of();
        }
        return catalog.offerings().stream()
                .filter(o -> !o.id().equals(offering.id()) && !o.bundle())
                .filter(o -> family.equals(family(o)))
                .filter(o -> reasons(o, facts).isEmpty())
                .map(o -> new EligibilityAlternative(o.id(), o.name()))
                .toList();
    }

    private Optional<String> family(ProductOffering offering) {
        return catalog.specification(offering.productSpecificationId())
                .map(ProductSpecification::family)
                .filter(f -> !f.isBlank());
    }

    private static String notSellable(ProductOffering offering, String name, Instant at) {
        if (offering.lifecycleStatus() != OfferingLifecycle.ACTIVE) {
            return name + " is " + offering.lifecycleStatus() + "; only ACTIVE offerings are sold.";
        }
        if (offering.validFrom() != null && at.isBefore(offering.validFrom())) {
            return name + " is not on sale at " + at + ": it is sold from " + offering.validFrom()
                    + (offering.validTo() == null ? "." : " until " + offering.validTo() + ".");
        }
        return name + " is not on sale at " + at + ": it was sold until " + offering.validTo() + ".";
    }

    private static EligibilityStanding standingUsed(EligibilityRequest request, AccountStanding standing) {
        String accountId = text(request.accountId());
        if (accountId == null) {
            return new EligibilityStanding(null, false, null, null, null, null,
                    "No account was named, so no account standing was used.");
        }
        if (standing == null) {
            return new EligibilityStanding(accountId, false, null, null, null, null,
                    "No account standing is known for account " + accountId + ".");
        }
        String customerId = text(request.customerId());
        String note = customerId != null && standing.customerId() != null && !customerId.equals(standing.customerId())
                ? "Account " + accountId + " belongs to customer " + standing.customerId() + " according to its standing, not to "
                + customerId + "."
                : null;
        return new EligibilityStanding(accountId, true, standing.customerId(), standing.customerSegment(), standing.asOf(),
                standing.updatedAt(), note);
    }

    private static Facts facts(EligibilityRequest request, AccountStanding standing, Instant at) {
        String accountId = text(request.accountId());
        AccountStanding used = accountId == null ? null : standing;
        String requested = text(request.customerSegment());
        String segment;
        CustomerSegmentSource source;
        String origin;
        if (requested != null) {
            segment = requested;
            source = CustomerSegmentSource.REQUEST;
            origin = "as given in the request";
        } else if (used != null && used.customerSegment() != null) {
            segment = used.customerSegment();
            source = CustomerSegmentSource.ACCOUNT_STANDING;
            origin = "the segment of account " + accountId + " as of " + used.asOf();
        } else {
            segment = null;
            source = CustomerSegmentSource.UNKNOWN;
            origin = null;
        }
        return new Facts(request.channel().strip(), text(request.locationId()), at, segment, source, origin,
                request.unknownSegmentAllowed(), accountId, used);
    }

    /** What the decision is made on, resolved once per request. */
    private record Facts(String channel, String locationId, Instant at, String segment, CustomerSegmentSource segmentSource,
                         String segmentOrigin, boolean unknownSegmentAllowed, String accountId, AccountStanding standing) {
    }

    private static String label(ProductOffering offering) {
        return blank(offering.name()) ? offering.id() : offering.name() + " (" + offering.id() + ")";
    }

    private static String segments(ProductOffering offering) {
        return offering.customerSegments().isEmpty() ? "no segment" : offering.customerSegments().toString();
    }

    private static void limit(String value, String field, List<Violation> violations) {
        if (value != null && value.strip().length() > MAX_ID_LENGTH) {
            violations.add(new Violation(FIELD_TOO_LONG, field, field + " is longer than " + MAX_ID_LENGTH + " characters."));
        }
    }

    private static String text(String value) {
        return blank(value) ? null : value.strip();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
