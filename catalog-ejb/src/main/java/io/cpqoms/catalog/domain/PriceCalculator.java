package io.cpqoms.catalog.domain;

import io.cpqoms.catalog.api.Charge;
import io.cpqoms.catalog.api.LinePrice;
import io.cpqoms.catalog.api.PriceSnapshot;
import io.cpqoms.catalog.api.PriceType;
import io.cpqoms.catalog.api.PricingLine;
import io.cpqoms.catalog.api.ProductOffering;
import io.cpqoms.catalog.api.ProductOfferingPrice;
import io.cpqoms.catalog.api.RecurringPeriod;
import io.cpqoms.catalog.api.RecurringTotal;
import io.cpqoms.kernel.DomainException;
import io.cpqoms.kernel.Violation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Prices lines from the price definitions of one published catalog version: each charge is the unit
 * amount times the quantity, rounded half-up to the currency's minor unit, and lines and totals are
 * sums of rounded charges. A priced set of lines has one currency.
 */
public final class PriceCalculator {

    public static final String PRICE_CURRENCY_MIXED = "PRICE_CURRENCY_MIXED";
    public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;

    private final CatalogIndex catalog;

    public PriceCalculator(CatalogIndex catalog) {
        this.catalog = catalog;
    }

    public PriceSnapshot price(List<PricingLine> lines, Instant at) {
        TreeSet<String> currencies = new TreeSet<>();
        List<ProductOffering> offerings = new ArrayList<>();
        for (PricingLine line : lines) {
            ProductOffering offering = catalog.offering(line.offeringId()).orElseThrow(() -> DomainException.ruleViolation(
                    "A line cannot be priced.", List.of(new Violation(ProductConfigurator.OFFERING_NOT_FOUND,
                            "lines[" + line.lineId() + "].offeringId", "Offering '" + line.offeringId()
                            + "' does not exist in catalog version " + catalog.versionId() + "."))));
            offering.prices().forEach(p -> currencies.add(p.currency()));
            offerings.add(offering);
        }
        if (currencies.size() > 1) {
            throw DomainException.ruleViolation("The lines cannot be priced together.", List.of(new Violation(
                    PRICE_CURRENCY_MIXED, "lines", "The lines are priced in " + currencies + "; one quote or order has one currency.")));
        }
        String currency = currencies.isEmpty() ? null : currencies.first();
        int scale = currency == null ? 2 : Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        List<LinePrice> priced = new ArrayList<>();
        BigDecimal oneTime = BigDecimal.ZERO.setScale(scale);
        Map<RecurringPeriod, BigDecimal> recurring = new EnumMap<>(RecurringPeriod.class);
        for (int i = 0; i < lines.size(); i++) {
            PricingLine line = lines.get(i);
            BigDecimal quantity = line.quantity() == null ? BigDecimal.ONE : line.quantity();
            List<Charge> charges = new ArrayList<>();
            BigDecimal lineOneTime = BigDecimal.ZERO.setScale(scale);
            Map<RecurringPeriod, BigDecimal> lineRecurring = new EnumMap<>(RecurringPeriod.class);
            for (ProductOfferingPrice price : offerings.get(i).prices()) {
                BigDecimal amount = price.amount().multiply(quantity).setScale(scale, ROUNDING);
                charges.add(new Charge(price.id(), price.name(), price.priceType(), price.recurringPeriod(),
                        price.amount(), amount));
                if (price.priceType() == PriceType.RECURRING) {
                    lineRecurring.merge(price.recurringPeriod(), amount, BigDecimal::add);
                } else {
                    lineOneTime = lineOneTime.add(amount);
                }
            }
            oneTime = oneTime.add(lineOneTime);
            lineRecurring.forEach((period, amount) -> recurring.merge(period, amount, BigDecimal::add));
            priced.add(new LinePrice(line.lineId(), line.offeringId(), quantity, charges, lineOneTime, totals(lineRecurring)));
        }
        return new PriceSnapshot(UUID.randomUUID(), catalog.versionId(), at, currency, priced, oneTime, totals(recurring));
    }

    private static List<RecurringTotal> totals(Map<RecurringPeriod, BigDecimal> byPeriod) {
        return byPeriod.entrySet().stream().map(e -> new RecurringTotal(e.getKey(), e.getValue())).toList();
    }
}
