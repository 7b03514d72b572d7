package io.cpqoms.catalog.api;

import jakarta.json.bind.annotation.JsonbCreator;
import java.math.BigDecimal;
import java.util.List;

/**
 * A price definition of an offering (not a calculated price): a one-time, recurring or usage charge
 * in a currency. Recurring charges name their period. Volume tiers (with their mode) replace the
 * amount as unit price when present; the unit cost, when the catalog knows it, is the floor margins
 * are measured against.
 */
public record ProductOfferingPrice(String id,
                                   String name,
                                   PriceType priceType,
                                   RecurringPeriod recurringPeriod,
                                   BigDecimal amount,
                                   String currency,
                                   TierMode tierMode,
                                   List<PriceTier> tiers,
                                   BigDecimal unitCost) {

    @JsonbCreator
    public ProductOfferingPrice {
        tiers = tiers == null ? List.of() : List.copyOf(tiers);
    }

    /** A flat price: no volume tiers, no cost floor. */
    public ProductOfferingPrice(String id, String name, PriceType priceType, RecurringPeriod recurringPeriod,
                                BigDecimal amount, String currency) {
        this(id, name, priceType, recurringPeriod, amount, currency, null, List.of(), null);
    }

    /** This definition without its unit cost, for readers who see prices but not what they cost the provider. */
    public ProductOfferingPrice withoutCost() {
        return new ProductOfferingPrice(id, name, priceType, recurringPeriod, amount, currency, tierMode, tiers, null);
    }
}
