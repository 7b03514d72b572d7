package io.cpqoms.quote.domain;

import io.cpqoms.catalog.api.ConfigurationRequest;
import io.cpqoms.catalog.api.EligibilityReason;
import io.cpqoms.catalog.api.EligibilityRequest;
import io.cpqoms.catalog.api.EligibilityResult;
import io.cpqoms.catalog.api.OfferingEligibility;
import io.cpqoms.kernel.Violation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The eligibility question a quote item asks of the catalog, and its answer as rule violations. Every
 * offering of the item's tree (the item and each child) is asked with the quote's customer, account and
 * channel and the location of its node: the node's {@code siteId} characteristic when it has a non-blank
 * one, else the location of its parent, else none. Nodes at one location are asked in one request.
 *
 * <p>The quote does not know the customer segment: it comes from the catalog's account standing
 * projection, and a quote for an account the projection does not know goes on without the segment
 * rule (a promotional offering still needs a known standing). Whether an offering exists and is
 * sellable is the configuration check's to report, so those reasons are not repeated here.
 */
public final class ItemEligibility {

    /** The characteristic that names where an item is delivered. */
    public static final String SITE_CHARACTERISTIC = "siteId";

    private static final Set<String> REPORTED_BY_CONFIGURATION = Set.of(EligibilityReason.OFFERING_NOT_FOUND,
            EligibilityReason.OFFERING_NOT_SELLABLE);

    /** One offering of the item tree: the element it is ({@code item.children[0]}), its offering, its location. */
    public record Node(String target, String offeringId, String locationId) {
    }

    private final List<Node> nodes;

    private ItemEligibility(List<Node> nodes) {
        this.nodes = List.copyOf(nodes);
    }

    /** The nodes of an item tree whose root is the element {@code target}. */
    public static ItemEligibility of(ConfigurationRequest item, String target) {
        List<Node> nodes = new ArrayList<>();
        collect(item, target, null, nodes);
        return new ItemEligibility(nodes);
    }

    private static void collect(ConfigurationRequest request, String target, String inheritedLocation, List<Node> nodes) {
        if (request == null) {
            return;
        }
        String site = request.characteristics().get(SITE_CHARACTERISTIC);
        String location = site == null || site.isBlank() ? inheritedLocation : site.strip();
        if (request.offeringId() != null && !request.offeringId().isBlank()) {
            nodes.add(new Node(target, request.offeringId().strip(), location));
        }
        for (int i = 0; i < request.children().size(); i++) {
            collect(request.children().get(i), target + ".children[" + i + "]", location, nodes);
        }
    }

    public List<Node> nodes() {
        return nodes;
    }

    /** One request per location (none is a location too), each offering once, in tree order. */
    public List<EligibilityRequest> requests(Quote quote, Instant at) {
        Map<String, List<String>> byLocation = new LinkedHashMap<>();
        for (Node node : nodes) {
            List<String> ids = byLocation.computeIfAbsent(node.locationId(), l -> new ArrayList<>());
            if (!ids.contains(node.offeringId())) {
                ids.add(node.offeringId());
            }
        }
        List<EligibilityRequest> requests = new ArrayList<>();
        byLocation.forEach((location, ids) -> requests.add(new EligibilityRequest(quote.customerId(), quote.accountId(),
                quote.channel(), location, ids, at, null, quote.catalogVersionId(), true)));
        return requests;
    }

    /**
     * Every eligibility reason of every node as a violation on the node's offering
     * ({@code item.children[0].offeringId}), with the catalog's code and explanation.
     */
    public List<Violation> violations(Function<EligibilityRequest, EligibilityResult> catalog, Quote quote, Instant at) {
        Map<String, EligibilityResult> answers = new LinkedHashMap<>();
        for (EligibilityRequest request : requests(quote, at)) {
            answers.put(request.locationId(), catalog.apply(request));
        }
        List<Violation> violations = new ArrayList<>();
        for (Node node : nodes) {
            EligibilityResult answer = answers.get(node.locationId());
            answer.offerings().stream()
                    .filter(o -> o.productOfferingId().equals(node.offeringId()))
                    .findFirst()
                    .map(OfferingEligibility::reasons)
                    .orElse(List.of())
                    .stream()
                    .filter(r -> !REPORTED_BY_CONFIGURATION.contains(r.code()))
                    .forEach(r -> violations.add(new Violation(r.code(), node.target() + ".offeringId", r.message())));
        }
        return violations;
    }
}
