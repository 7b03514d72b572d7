package io.cpqoms.catalog.api;

import jakarta.json.bind.annotation.JsonbCreator;
import java.time.Instant;
import java.util.List;

/**
 * The commercial unit that is sold: it points at a product specification, has a lifecycle, a validity
 * window, the channels and customer segments it is offered to, its prices and its relationships to
 * other offerings. A bundle offering holds its children as BUNDLE_CHILD relationships. Eligibility:
 * the coverage areas it can be delivered in (none means anywhere) and whether it is promotional (an
 * account with outstanding debt cannot get it). Pricing: its discounts. Configuration: the rules
 * between its children (for a bundle) or its characteristics.
 */
public record ProductOffering(String id,
                              String name,
                              String description,
                              String productSpecificationId,
                              OfferingLifecycle lifecycleStatus,
                              Instant validFrom,
                              Instant validTo,
                              boolean bundle,
                              List<String> channels,
                              List<String> customerSegments,
                              List<ProductOfferingPrice> prices,
                              List<ProductOfferingRelationship> relationships,
                              List<String> coverageAreaIds,
                              boolean promotional,
                              List<DiscountDefinition> discounts,
                              List<ConfigurationRule> configurationRules) {

    @JsonbCreator
    public ProductOffering {
        coverageAreaIds = coverageAreaIds == null ? List.of() : List.copyOf(coverageAreaIds);
        discounts = discounts == null ? List.of() : List.copyOf(discounts);
        configurationRules = configurationRules == null ? List.of() : List.copyOf(configurationRules);
        channels = channels == null ? List.of() : List.copyOf(channels);
        customerSegments = customerSegments == null ? List.of() : List.copyOf(customerSegments);
        prices = prices == null ? List.of() : List.copyOf(prices);
        relationships = relationships == null ? List.of() : List.copyOf(relationships);
    }

    /** An offering without coverage areas, eligibility rules, discounts or configuration rules. */
    public ProductOffering(String id, String name, String description, String productSpecificationId,
                           OfferingLifecycle lifecycleStatus, Instant validFrom, Instant validTo, boolean bundle,
                           List<String> channels, List<String> customerSegments, List<ProductOfferingPrice> prices,
                           List<ProductOfferingRelationship> relationships) {
        this(id, name, description, productSpecificationId, lifecycleStatus, validFrom, validTo, bundle, channels,
                customerSegments, prices, relationships, List.of(), false, List.of(), List.of());
    }

    /** Sellable means ACTIVE and inside the validity window at that instant (from inclusive, to exclusive). */
    public boolean isSellableAt(Instant at) {
        return lifecycleStatus == OfferingLifecycle.ACTIVE
                && (validFrom == null || !at.isBefore(validFrom))
                && (validTo == null || at.isBefore(validTo));
    }

    public boolean offeredIn(String channel) {
        return channels.contains(channel);
    }

    public boolean offeredTo(String customerSegment) {
        return customerSegments.contains(customerSegment);
    }

    /** This offering with its prices' unit costs left out (see {@link ProductOfferingPrice#withoutCost()}). */
    public ProductOffering withoutCosts() {
        return new ProductOffering(id, name, description, productSpecificationId, lifecycleStatus, validFrom, validTo,
                bundle, channels, customerSegments, prices.stream().map(ProductOfferingPrice::withoutCost).toList(),
                relationships, coverageAreaIds, promotional, discounts, configurationRules);
    }
}
