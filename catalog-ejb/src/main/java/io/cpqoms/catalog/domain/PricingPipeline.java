package io.cpqoms.catalog.domain;

import io.cpqoms.catalog.api.Charge;
import io.cpqoms.catalog.api.DiscountDefinition;
import io.cpqoms.catalog.api.DiscountKind;
import io.cpqoms.catalog.api.LinePrice;
import io.cpqoms.catalog.api.PriceOverride;
import io.cpqoms.catalog.api.PriceSignals;
import io.cpqoms.catalog.api.PriceSnapshot;
import io.cpqoms.catalog.api.PriceStep;
import io.cpqoms.catalog.api.PriceStepKind;
import io.cpqoms.catalog.api.PriceTier;
import io.cpqoms.catalog.api.PriceType;
import io.cpqoms.catalog.api.PricingLine;
import io.cpqoms.catalog.api.ProductOffering;
import io.cpqoms.catalog.api.ProductOfferingPrice;
import io.cpqoms.catalog.api.Promotion;
import io.cpqoms.catalog.api.RecurringPeriod;
import io.cpqoms.catalog.api.RecurringTotal;
import io.cpqoms.catalog.api.RelationshipType;
import io.cpqoms.catalog.api.TierMode;
import io.cpqoms.kernel.DomainException;
import io.cpqoms.kernel.Violation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The one pricing pipeline (seed 002, section 9): prices lines with the price definitions of one
 * published catalog version at an instant, and says how every amount came about.
 *
 * <p>Every charge (one price definition of a line's offering) goes through the same steps in the same
 * order; a step that does not apply is left out of the breakdown:
 * <ol>
 * <li>LIST_PRICE: the price's amount times the line's quantity;</li>
 * <li>VOLUME_TIER: when the price has tiers, the tiered amount instead (RANGE: the whole quantity at
 *     the unit amount of the tier it falls in; SLAB: each unit at the unit amount of its own tier);</li>
 * <li>CONTRACT_TERM: each contract-term discount of the offering whose characteristic has its value on
 *     the line, in declaration order;</li>
 * <li>BUNDLE: each bundle discount of the line's bundle, when the line's offering is a declared child
 *     of it, in declaration order;</li>
 * <li>PROMOTION: each promotion of the version that lists the offering and is valid at the instant, in
 *     declaration order; an amount off is per unit of the quantity;</li>
 * <li>MANUAL_OVERRIDE: the line's override of the charge replaces the amount;</li>
 * <li>ROUNDING: the amount rounded HALF_UP to the currency's minor unit, once;</li>
 * <li>TAX_PLACEHOLDER (when the version has a tax rate): the tax on the rounded amount, shown apart and
 *     never part of the price or the totals.</li>
 * </ol>
 * Each percentage applies to the amount the previous step left (discounts compound). Every
 * intermediate amount is exact (no rounding before the rounding step); an amount a discount would take
 * below zero stays at zero and the step says so. Line and snapshot totals are sums of rounded charges.
 * A usage charge is a placeholder: rated from consumption by billing, priced here at zero, in no total.
 */
public final class PricingPipeline {

    public static final String PRICE_CURRENCY_MIXED = "PRICE_CURRENCY_MIXED";
    public static final String PRICE_OVERRIDE_TARGET_NOT_FOUND = "PRICE_OVERRIDE_TARGET_NOT_FOUND";
    public static final String LINE_ID_DUPLICATE = "LINE_ID_DUPLICATE";
    public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;
    /** Decimals of the discount and margin percentages of the signals. */
    public static final int PERCENT_SCALE = 2;
    /** The name of this pricing method, stored with every snapshot it produces. */
    public static final String METHOD = "cpq-pricing-v1: list price, volume tiers, contract term, bundle, promotion,"
            + " manual override, rounding (HALF_UP, once per charge, to the currency's minor unit); totals add rounded"
            + " charges; tax placeholder apart";

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final CatalogIndex catalog;

    public PricingPipeline(CatalogIndex catalog) {
        this.catalog = catalog;
    }

    public PriceSnapshot price(List<PricingLine> lines, Instant at) {
        List<Violation> violations = new ArrayList<>();
        Map<String, PricingLine> byId = new HashMap<>(lines.size() * 2);
        Map<String, ProductOffering> offerings = new HashMap<>();
        TreeSet<String> currencies = new TreeSet<>();
        for (PricingLine line : lines) {
            if (byId.putIfAbsent(line.lineId(), line) != null) {
                violations.add(new Violation(LINE_ID_DUPLICATE, "lines[" + line.lineId() + "]",
                        "Line id '" + line.lineId() + "' is used more than once."));
            }
            ProductOffering offering = offerings.computeIfAbsent(line.offeringId(), id -> catalog.offering(id).orElse(null));
            if (offering == null) {
                violations.add(new Violation(ProductConfigurator.OFFERING_NOT_FOUND, "lines[" + line.lineId() + "].offeringId",
                        "Offering '" + line.offeringId() + "' does not exist in catalog version " + catalog.versionId() + "."));
                continue;
            }
            offering.prices().forEach(p -> currencies.add(p.currency()));
            for (PriceOverride override : line.overrides()) {
                if (offering.prices().stream().noneMatch(p -> p.id().equals(override.priceId())
                        && p.priceType() != PriceType.USAGE)) {
                    violations.add(new Violation(PRICE_OVERRIDE_TARGET_NOT_FOUND, "lines[" + line.lineId() + "].overrides",
                            "Offering '" + offering.id() + "' has no one-time or recurring price '" + override.priceId()
                                    + "' to override."));
                }
            }
        }
        if (!violations.isEmpty()) {
            throw DomainException.ruleViolation("The lines cannot be priced.", violations);
        }
        if (currencies.size() > 1) {
            throw DomainException.ruleViolation("The lines cannot be priced together.", List.of(new Violation(
                    PRICE_CURRENCY_MIXED, "lines", "The lines are priced in " + currencies + "; one quote or order has one currency.")));
        }
        String currency = currencies.isEmpty() ? null : currencies.first();
        Calculation calculation = new Calculation(scale(currency), catalog.taxRatePercent(), promotionsValidAt(at),
                byId, offerings);
        List<LinePrice> priced = new ArrayList<>(lines.size());
        Totals totals = new Totals(calculation.scale);
        for (PricingLine line : lines) {
            LinePrice price = calculation.line(line);
            totals.add(price);
            priced.add(price);
        }
        return new PriceSnapshot(UUID.randomUUID(), catalog.versionId(), at, currency, priced, totals.oneTime,
                Totals.list(totals.recurring), totals.signals.result(), calculation.taxRate,
                calculation.taxRate == null ? null : totals.oneTimeTax, Totals.list(totals.recurringTax), METHOD);
    }

    /** The number of decimals of a currency's minor unit (2 when the lines have no price at all). */
    static int scale(String currency) {
        return currency == null ? 2 : Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
    }

    /** The promotions valid at the instant ([validFrom, validTo)), by offering, in declaration order. */
    private Map<String, List<Promotion>> promotionsValidAt(Instant at) {
        Map<String, List<Promotion>> byOffering = new HashMap<>();
        for (Promotion promotion : catalog.promotions()) {
            boolean valid = (promotion.validFrom() == null || !at.isBefore(promotion.validFrom()))
                    && (promotion.validTo() == null || at.isBefore(promotion.validTo()));
            if (valid) {
                promotion.offeringIds().forEach(id -> byOffering.computeIfAbsent(id, k -> new ArrayList<>()).add(promotion));
            }
        }
        return byOffering;
    }

    /** One run of the pipeline over a set of lines: what every line shares, looked up once. */
    private static final class Calculation {

        final int scale;
        final BigDecimal taxRate;
        final Map<String, List<Promotion>> promotions;
        final Map<String, PricingLine> lines;
        final Map<String, ProductOffering> offerings;

        Calculation(int scale, BigDecimal taxRate, Map<String, List<Promotion>> promotions,
                    Map<String, PricingLine> lines, Map<String, ProductOffering> offerings) {
            this.scale = scale;
            this.taxRate = taxRate;
            this.promotions = promotions;
            this.lines = lines;
            this.offerings = offerings;
        }

        LinePrice line(PricingLine line) {
            ProductOffering offering = offerings.get(line.offeringId());
            BigDecimal quantity = line.quantity() == null ? BigDecimal.ONE : line.quantity();
            PricingLine bundleLine = line.parentLineId() == null ? null : lines.get(line.parentLineId());
            ProductOffering bundle = bundleLine == null ? null : offerings.get(bundleLine.offeringId());
            List<DiscountDefinition> bundleDiscounts = bundle != null && isChild(bundle, offering.id())
                    ? bundle.discounts().stream().filter(d -> d.kind() == DiscountKind.BUNDLE
                            && holds(d, bundleLine.characteristics())).toList()
                    : List.of();
            List<Charge> charges = new ArrayList<>(offering.prices().size());
            BigDecimal oneTime = BigDecimal.ZERO.setScale(scale);
            Map<RecurringPeriod, BigDecimal> recurring = new EnumMap<>(RecurringPeriod.class);
            SignalSum signals = new SignalSum(scale);
            for (ProductOfferingPrice price : offering.prices()) {
                if (price.priceType() == PriceType.ONE_TIME && !line.chargesOneTime()) {
                    continue;
                }
                Charge charge = charge(price, quantity, line, offering, bundleDiscounts);
                charges.add(charge);
                signals.add(charge, price.priceType() == PriceType.USAGE || price.unitCost() == null ? null
                        : price.unitCost().multiply(quantity).setScale(scale, ROUNDING));
                if (price.priceType() == PriceType.RECURRING) {
                    recurring.merge(price.recurringPeriod(), charge.amount(), BigDecimal::add);
                } else if (price.priceType() == PriceType.ONE_TIME) {
                    oneTime = oneTime.add(charge.amount());
                }
            }
            return new LinePrice(line.lineId(), line.offeringId(), quantity, charges, oneTime, Totals.list(recurring),
                    line.parentLineId(), signals.result());
        }

        private Charge charge(ProductOfferingPrice price, BigDecimal quantity, PricingLine line, ProductOffering offering,
                              List<DiscountDefinition> bundleDiscounts) {
            if (price.priceType() == PriceType.USAGE) {
                return usage(price);
            }
            List<PriceStep> steps = new ArrayList<>(4);
            BigDecimal list = price.amount().multiply(quantity);
            steps.add(new PriceStep(PriceStepKind.LIST_PRICE, price.id(), null, list, null));
            BigDecimal amount = list;
            if (!price.tiers().isEmpty()) {
                Tiered tiered = tiered(price, quantity);
                if (tiered != null) {
                    steps.add(new PriceStep(PriceStepKind.VOLUME_TIER, price.id(), amount, tiered.amount, tiered.note));
                    amount = tiered.amount;
                }
            }
            for (DiscountDefinition discount : offering.discounts()) {
                if (discount.kind() == DiscountKind.CONTRACT_TERM && discount.appliesTo() == price.priceType()
                        && holds(discount, line.characteristics())) {
                    amount = percentOff(steps, PriceStepKind.CONTRACT_TERM, discount.id(), amount, discount.percentOff(),
                            discount.characteristic() + "=" + discount.value());
                }
            }
            for (DiscountDefinition discount : bundleDiscounts) {
                if (discount.appliesTo() == price.priceType()) {
                    amount = percentOff(steps, PriceStepKind.BUNDLE, discount.id(), amount, discount.percentOff(), "in bundle");
                }
            }
            for (Promotion promotion : promotions.getOrDefault(offering.id(), List.of())) {
                if (promotion.appliesTo() != price.priceType()) {
                    continue;
                }
                if (promotion.percentOff() != null) {
                    amount = percentOff(steps, PriceStepKind.PROMOTION, promotion.id(), amount, promotion.percentOff(), null);
                } else if (promotion.amountOff() != null) {
                    BigDecimal off = promotion.amountOff().multiply(quantity);
                    amount = floored(steps, PriceStepKind.PROMOTION, promotion.id(), amount, amount.subtract(off),
                            promotion.amountOff().toPlainString() + " off x " + quantity.toPlainString());
                }
            }
            PriceOverride override = override(line, price.id());
            if (override != null) {
                steps.add(new PriceStep(PriceStepKind.MANUAL_OVERRIDE, PriceStep.MANUAL_OVERRIDE, amount, override.amount(),
                        null, override.actor(), override.reason()));
                amount = override.amount();
            }
            BigDecimal net = amount.setScale(scale, ROUNDING);
            steps.add(new PriceStep(PriceStepKind.ROUNDING, PriceStep.ROUNDING, amount, net, null));
            BigDecimal tax = null;
            if (taxRate != null) {
                tax = net.multiply(taxRate).movePointLeft(2).setScale(scale, ROUNDING);
                steps.add(new PriceStep(PriceStepKind.TAX_PLACEHOLDER, PriceStep.TAX_PLACEHOLDER, net, net.add(tax), null));
            }
            return new Charge(price.id(), price.name(), price.priceType(), price.recurringPeriod(), price.amount(), net,
                    steps, list.setScale(scale, ROUNDING), tax);
        }

        /** A usage charge is rated from consumption by billing; the quote shows it at zero and invents nothing. */
        private Charge usage(ProductOfferingPrice price) {
            BigDecimal zero = BigDecimal.ZERO.setScale(scale);
            List<PriceStep> steps = List.of(
                    new PriceStep(PriceStepKind.LIST_PRICE, price.id(), null, BigDecimal.ZERO,
                            "usage placeholder: rated from consumption by billing"
                                    + (price.amount() == null ? "" : " at " + price.amount().toPlainString() + " per unit")
                                    + "; priced at 0 here"),
                    new PriceStep(PriceStepKind.ROUNDING, PriceStep.ROUNDING, BigDecimal.ZERO, zero, null));
            return new Charge(price.id(), price.name(), price.priceType(), price.recurringPeriod(), price.amount(), zero,
                    steps, zero, null);
        }

        private BigDecimal percentOff(List<PriceStep> steps, PriceStepKind kind, String ruleId, BigDecimal amount,
                                      BigDecimal percent, String condition) {
            BigDecimal after = amount.multiply(HUNDRED.subtract(percent)).movePointLeft(2);
            return floored(steps, kind, ruleId, amount, after, (condition == null ? "" : condition + ": ")
                    + percent.toPlainString() + "% off");
        }

        /** Records a discount step; an amount it would take below zero stays at zero, and the step says so. */
        private static BigDecimal floored(List<PriceStep> steps, PriceStepKind kind, String ruleId, BigDecimal before,
                                          BigDecimal after, String note) {
            if (after.signum() < 0) {
                steps.add(new PriceStep(kind, ruleId, before, BigDecimal.ZERO, note + "; floored at zero: the discount ("
                        + before.subtract(after).toPlainString() + ") exceeds the amount (" + before.toPlainString() + ")"));
                return BigDecimal.ZERO;
            }
            steps.add(new PriceStep(kind, ruleId, before, after, note));
            return after;
        }

        private Tiered tiered(ProductOfferingPrice price, BigDecimal quantity) {
            if (price.tierMode() == TierMode.SLAB) {
                BigDecimal amount = BigDecimal.ZERO;
                List<String> slices = new ArrayList<>();
                for (PriceTier tier : price.tiers()) {
                    // the units from..to-1 of this tier that the quantity reaches
                    BigDecimal last = tier.toQuantity() == null ? quantity : quantity.min(tier.toQuantity().subtract(BigDecimal.ONE));
                    BigDecimal units = last.subtract(tier.fromQuantity()).add(BigDecimal.ONE);
                    if (units.signum() > 0) {
                        amount = amount.add(tier.unitAmount().multiply(units));
                        slices.add(units.toPlainString() + " x " + tier.unitAmount().toPlainString());
                    }
                }
                return slices.isEmpty() ? null : new Tiered(amount, "SLAB: " + String.join(" + ", slices));
            }
            for (PriceTier tier : price.tiers()) {
                if (quantity.compareTo(tier.fromQuantity()) >= 0
                        && (tier.toQuantity() == null || quantity.compareTo(tier.toQuantity()) < 0)) {
                    return new Tiered(tier.unitAmount().multiply(quantity), "RANGE: " + quantity.toPlainString() + " x "
                            + tier.unitAmount().toPlainString() + " (tier from " + tier.fromQuantity().toPlainString() + ")");
                }
            }
            return null;
        }

        private static PriceOverride override(PricingLine line, String priceId) {
            for (PriceOverride override : line.overrides()) {
                if (override.priceId().equals(priceId)) {
                    return override;
                }
            }
            return null;
        }

        private static boolean isChild(ProductOffering bundle, String offeringId) {
            return bundle.relationships().stream()
                    .anyMatch(r -> r.type() == RelationshipType.BUNDLE_CHILD && offeringId.equals(r.offeringId()));
        }
    }

    /**
     * Whether a discount's condition holds on the characteristic values of the line that declares it: a
     * discount without a characteristic always holds; numbers compare by value (36 is 36.0).
     */
    static boolean holds(DiscountDefinition discount, Map<String, String> characteristics) {
        if (discount.characteristic() == null) {
            return true;
        }
        String value = characteristics.get(discount.characteristic());
        if (value == null || discount.value() == null) {
            return false;
        }
        if (value.equals(discount.value())) {
            return true;
        }
        try {
            return new BigDecimal(value.strip()).compareTo(new BigDecimal(discount.value().strip())) == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private record Tiered(BigDecimal amount, String note) {
    }

    /** Sums of rounded charges: one-time, per recurring period, their tax placeholders and the signals. */
    private static final class Totals {

        BigDecimal oneTime;
        BigDecimal oneTimeTax;
        final Map<RecurringPeriod, BigDecimal> recurring = new EnumMap<>(RecurringPeriod.class);
        final Map<RecurringPeriod, BigDecimal> recurringTax = new EnumMap<>(RecurringPeriod.class);
        final SignalSum signals;

        Totals(int scale) {
            oneTime = BigDecimal.ZERO.setScale(scale);
            oneTimeTax = BigDecimal.ZERO.setScale(scale);
            signals = new SignalSum(scale);
        }

        void add(LinePrice line) {
            signals.add(line.signals());
            for (Charge charge : line.charges()) {
                if (charge.priceType() == PriceType.RECURRING) {
                    recurring.merge(charge.recurringPeriod(), charge.amount(), BigDecimal::add);
                    if (charge.taxAmount() != null) {
                        recurringTax.merge(charge.recurringPeriod(), charge.taxAmount(), BigDecimal::add);
                    }
                } else if (charge.priceType() == PriceType.ONE_TIME) {
                    oneTime = oneTime.add(charge.amount());
                    if (charge.taxAmount() != null) {
                        oneTimeTax = oneTimeTax.add(charge.taxAmount());
                    }
                }
            }
        }

        static List<RecurringTotal> list(Map<RecurringPeriod, BigDecimal> byPeriod) {
            List<RecurringTotal> totals = new ArrayList<>(byPeriod.size());
            byPeriod.forEach((period, amount) -> totals.add(new RecurringTotal(period, amount)));
            return totals;
        }
    }

    /** Adds up charges (or lines): list and net over all of them, cost and margin over the costed ones. */
    private static final class SignalSum {

        private BigDecimal list;
        private BigDecimal net;
        private BigDecimal cost;
        private BigDecimal costedNet;
        private boolean overridden;

        SignalSum(int scale) {
            list = BigDecimal.ZERO.setScale(scale);
            net = BigDecimal.ZERO.setScale(scale);
        }

        /** A charge, with its cost floor when the catalog gives one. */
        void add(Charge charge, BigDecimal chargeCost) {
            boolean overriddenCharge = charge.steps().stream().anyMatch(s -> s.kind() == PriceStepKind.MANUAL_OVERRIDE);
            add(charge.listAmount(), charge.amount(), chargeCost, chargeCost == null ? null : charge.amount(), overriddenCharge);
        }

        /** A line's sums; the net amount of its costed charges is its cost plus its margin. */
        void add(PriceSignals line) {
            add(line.listAmount(), line.netAmount(), line.costAmount(),
                    line.costAmount() == null ? null : line.costAmount().add(line.marginAmount()), line.manualOverride());
        }

        private void add(BigDecimal moreList, BigDecimal moreNet, BigDecimal moreCost, BigDecimal moreCostedNet,
                         boolean moreOverridden) {
            list = list.add(moreList);
            net = net.add(moreNet);
            if (moreCost != null) {
                cost = cost == null ? moreCost : cost.add(moreCost);
                costedNet = costedNet == null ? moreCostedNet : costedNet.add(moreCostedNet);
            }
            overridden |= moreOverridden;
        }

        PriceSignals result() {
            return signals(list, net, cost, costedNet, overridden);
        }

        static PriceSignals signals(BigDecimal list, BigDecimal net, BigDecimal cost, BigDecimal costedNet,
                                    boolean overridden) {
            BigDecimal discount = list.subtract(net);
            BigDecimal margin = cost == null ? null : costedNet.subtract(cost);
            return new PriceSignals(list, net, discount, percent(discount, list), cost, margin,
                    margin == null ? null : percent(margin, costedNet), overridden);
        }

        private static BigDecimal percent(BigDecimal part, BigDecimal whole) {
            return whole.signum() == 0 ? null : part.multiply(HUNDRED).divide(whole, PERCENT_SCALE, ROUNDING);
        }
    }
}
