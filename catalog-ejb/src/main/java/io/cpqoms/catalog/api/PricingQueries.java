package io.cpqoms.catalog.api;

import io.cpqoms.kernel.CommandContext;
import jakarta.ejb.Local;

/**
 * Prices what a caller asks about without storing anything: the same pipeline quotes and orders are
 * priced with ({@link CatalogQueries#price}).
 */
@Local
public interface PricingQueries {

    /** Prices ad-hoc lines (bundles with their children) with a published catalog version at an instant. */
    PriceSnapshot calculate(CommandContext context, PriceCalculationRequest request);
}
