package io.cpqoms.catalog.api;

import jakarta.json.bind.annotation.JsonbCreator;
import java.math.BigDecimal;
import java.util.List;

/**
 * One price definition applied to a line: the catalog's unit amount (the list unit price; for a usage
 * charge its rate), the charge's net amount after every step of the pipeline, rounded once, and its
 * list amount (unit amount times quantity, rounded the same way) to compare it with. The steps are
 * the breakdown; the tax amount is the tax placeholder's, not part of the amount.
 */
public record Charge(String priceId,
                     String name,
                     PriceType priceType,
                     RecurringPeriod recurringPeriod,
                     BigDecimal unitAmount,
                     BigDecimal amount,
                     List<PriceStep> steps,
                     BigDecimal listAmount,
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
