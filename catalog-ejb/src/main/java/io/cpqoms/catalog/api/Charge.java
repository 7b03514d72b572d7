package io.cpqoms.catalog.api;

import jakarta.json.bind.annotation.JsonbCreator;
import java.math.BigDecimal;
import java.util.List;

/**
 * One price definition applied to a line: the catalog's unit amount (the list unit price; for a usage
 * charge its rate) and the charge's net amount after every step of the pipeline, rounded once. The
 * steps are the breakdown; the signals compare list and net and show the margin over the unit cost;
 * the tax amount is the tax placeholder's, not part of the amount.
 */
public record Charge(String priceId,
                     String name,
                     PriceType priceType,
                     RecurringPeriod recurringPeriod,
                     BigDecimal unitAmount,
                     BigDecimal amount,
                     List<PriceStep> steps,
                     PriceSignals signals,
                     BigDecimal taxAmount) {

    @JsonbCreator
    public Charge {
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    public Charge(String priceId, String name, PriceType priceType, RecurringPeriod recurringPeriod,
                  BigDecimal unitAmount, BigDecimal amount) {
        this(priceId, name, priceType, recurringPeriod, unitAmount, amount, List.of(), null, null);
    }
}
