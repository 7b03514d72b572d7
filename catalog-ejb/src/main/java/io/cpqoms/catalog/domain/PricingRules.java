package io.cpqoms.catalog.domain;

import io.cpqoms.catalog.api.CatalogDocument;
import io.cpqoms.catalog.api.CharacteristicSpecification;
import io.cpqoms.catalog.api.DiscountDefinition;
import io.cpqoms.catalog.api.DiscountKind;
import io.cpqoms.catalog.api.PriceTier;
import io.cpqoms.catalog.api.ProductOffering;
import io.cpqoms.catalog.api.ProductOfferingPrice;
import io.cpqoms.catalog.api.ProductSpecification;
import io.cpqoms.catalog.api.Promotion;
import io.cpqoms.kernel.Violation;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules of a catalog document's pricing definitions (seed 002, section 9): volume tiers, unit
 * costs, contract-term and bundle discounts, promotions and the tax rate placeholder. Part of
 * {@link CatalogRules#check}; every broken rule is reported with its code and element path.
 */
public final class PricingRules {

    public static final String PRICE_TIERS_NOT_CONTIGUOUS = "PRICE_TIERS_NOT_CONTIGUOUS";
    public static final String PRICE_TIER_RANGE_INVALID = "PRICE_TIER_RANGE_INVALID";
    public static final String PRICE_TIER_AMOUNT_NOT_POSITIVE = "PRICE_TIER_AMOUNT_NOT_POSITIVE";
    public static final String PRICE_TIER_MODE_WITHOUT_TIERS = "PRICE_TIER_MODE_WITHOUT_TIERS";
    public static final String PRICE_UNIT_COST_NEGATIVE = "PRICE_UNIT_COST_NEGATIVE";
    public static final String PERCENTAGE_OUT_OF_RANGE = "PERCENTAGE_OUT_OF_RANGE";
    public static final String DISCOUNT_CHARACTERISTIC_NOT_FOUND = "DISCOUNT_CHARACTERISTIC_NOT_FOUND";
    public static final String DISCOUNT_VALUE_NOT_ALLOWED = "DISCOUNT_VALUE_NOT_ALLOWED";
    public static final String DISCOUNT_BUNDLE_ON_NON_BUNDLE = "DISCOUNT_BUNDLE_ON_NON_BUNDLE";
    public static final String PROMOTION_BENEFIT_INVALID = "PROMOTION_BENEFIT_INVALID";
    public static final String PROMOTION_AMOUNT_OFF_NEGATIVE = "PROMOTION_AMOUNT_OFF_NEGATIVE";
    public static final String PROMOTION_VALIDITY_WINDOW_INVALID = "PROMOTION_VALIDITY_WINDOW_INVALID";
    public static final String PROMOTION_OFFERING_NOT_FOUND = "PROMOTION_OFFERING_NOT_FOUND";

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private PricingRules() {
    }

    /**
     * Adds the violations of the document's pricing definitions. Price, discount and promotion ids are
     * the rule ids of price breakdowns, so they share one namespace and are unique in it.
     */
    public static void check(CatalogDocument document, List<Violation> violations) {
        Map<String, ProductSpecification> specifications = new HashMap<>();
        document.productSpecifications().forEach(s -> specifications.putIfAbsent(s.id(), s));
        Set<String> offeringIds = new HashSet<>();
        Set<String> ruleIds = new HashSet<>();
        document.productOfferings().forEach(o -> {
            offeringIds.add(o.id());
            o.prices().forEach(p -> ruleIds.add(p.id()));
        });
        for (int i = 0; i < document.productOfferings().size(); i++) {
            ProductOffering offering = document.productOfferings().get(i);
            String path = "productOfferings[" + (blank(offering.id()) ? String.valueOf(i) : offering.id()) + "]";
            for (int p = 0; p < offering.prices().size(); p++) {
                checkPrice(offering.prices().get(p), path + ".prices[" + p + "]", violations);
            }
            for (int d = 0; d < offering.discounts().size(); d++) {
                checkDiscount(offering, specifications.get(offering.productSpecificationId()), offering.discounts().get(d),
                        path + ".discounts[" + d + "]", ruleIds, violations);
            }
        }
        for (int i = 0; i < document.promotions().size(); i++) {
            Promotion promotion = document.promotions().get(i);
            checkPromotion(promotion, "promotions[" + (blank(promotion.id()) ? String.valueOf(i) : promotion.id()) + "]",
                    offeringIds, ruleIds, violations);
        }
        percentage(document.taxRatePercent(), "taxRatePercent", violations);
    }

    private static void checkPrice(ProductOfferingPrice price, String path, List<Violation> violations) {
        if (price.unitCost() != null && price.unitCost().signum() < 0) {
            violations.add(new Violation(PRICE_UNIT_COST_NEGATIVE, path + ".unitCost",
                    "A unit cost cannot be negative (" + price.unitCost().toPlainString() + ")."));
        }
        if (price.tiers().isEmpty()) {
            if (price.tierMode() != null) {
                violations.add(new Violation(PRICE_TIER_MODE_WITHOUT_TIERS, path + ".tierMode",
                        "Tier mode " + price.tierMode() + " is given but the price has no tiers."));
            }
            return;
        }
        if (price.tierMode() == null) {
            violations.add(missing(path + ".tierMode"));
        }
        BigDecimal expectedFrom = BigDecimal.ONE;
        for (int t = 0; t < price.tiers().size(); t++) {
            PriceTier tier = price.tiers().get(t);
            String tierPath = path + ".tiers[" + t + "]";
            if (tier.unitAmount() == null) {
                violations.add(missing(tierPath + ".unitAmount"));
            } else if (tier.unitAmount().signum() <= 0) {
                violations.add(new Violation(PRICE_TIER_AMOUNT_NOT_POSITIVE, tierPath + ".unitAmount",
                        "A tier's unit amount must be positive, not " + tier.unitAmount().toPlainString() + "."));
            }
            if (tier.fromQuantity() == null) {
                violations.add(missing(tierPath + ".fromQuantity"));
                return;
            }
            if (!whole(tier.fromQuantity()) || (tier.toQuantity() != null && !whole(tier.toQuantity()))) {
                violations.add(new Violation(PRICE_TIER_RANGE_INVALID, tierPath,
                        "Tier bounds are whole quantities."));
                return;
            }
            if (tier.toQuantity() != null && tier.toQuantity().compareTo(tier.fromQuantity()) <= 0) {
                violations.add(new Violation(PRICE_TIER_RANGE_INVALID, tierPath, "Tier [" + plain(tier.fromQuantity())
                        + ", " + plain(tier.toQuantity()) + ") ends before it starts."));
                return;
            }
            if (expectedFrom == null) {
                violations.add(new Violation(PRICE_TIERS_NOT_CONTIGUOUS, tierPath, "Tier " + (t - 1)
                        + " has no upper bound, so no tier can follow it."));
                return;
            }
            int order = tier.fromQuantity().compareTo(expectedFrom);
            if (order != 0) {
                String from = plain(tier.fromQuantity());
                String end = plain(expectedFrom);
                violations.add(new Violation(PRICE_TIERS_NOT_CONTIGUOUS, tierPath + ".fromQuantity", t == 0
                        ? "The first tier starts at 1, not " + from + "."
                        : order < 0
                        ? "Tier " + t + " starts at " + from + ", inside tier " + (t - 1) + ", which ends at " + end
                                + " (exclusive); tiers may not overlap."
                        : "Tier " + t + " starts at " + from + " but tier " + (t - 1) + " ends at " + end
                                + " (exclusive); quantities from " + end + " to below " + from + " have no tier."));
                return;
            }
            expectedFrom = tier.toQuantity();
        }
    }

    private static void checkDiscount(ProductOffering offering, ProductSpecification specification,
                                      DiscountDefinition discount, String path, Set<String> ruleIds,
                                      List<Violation> violations) {
        ruleId(discount.id(), path, ruleIds, violations);
        if (discount.kind() == null) {
            violations.add(missing(path + ".kind"));
        }
        if (discount.appliesTo() == null) {
            violations.add(missing(path + ".appliesTo"));
        }
        if (discount.percentOff() == null) {
            violations.add(missing(path + ".percentOff"));
        } else {
            percentage(discount.percentOff(), path + ".percentOff", violations);
        }
        if (discount.kind() == DiscountKind.BUNDLE && !offering.bundle()) {
            violations.add(new Violation(DISCOUNT_BUNDLE_ON_NON_BUNDLE, path + ".kind", "Offering '" + offering.id()
                    + "' is not a bundle, so it has no children a bundle discount could apply to."));
        }
        boolean conditional = !blank(discount.characteristic()) || !blank(discount.value());
        if (discount.kind() == DiscountKind.CONTRACT_TERM || conditional) {
            if (blank(discount.characteristic())) {
                violations.add(missing(path + ".characteristic"));
            }
            if (blank(discount.value())) {
                violations.add(missing(path + ".value"));
            }
            if (!blank(discount.characteristic()) && !blank(discount.value()) && specification != null) {
                condition(specification, discount, path, violations);
            }
        }
    }

    /** The discount's characteristic exists in the offering's specification and may have the value. */
    private static void condition(ProductSpecification specification, DiscountDefinition discount, String path,
                                  List<Violation> violations) {
        CharacteristicSpecification characteristic = specification.characteristics().stream()
                .filter(c -> discount.characteristic().equals(c.name())).findFirst().orElse(null);
        if (characteristic == null) {
            violations.add(new Violation(DISCOUNT_CHARACTERISTIC_NOT_FOUND, path + ".characteristic",
                    "Specification '" + specification.id() + "' has no characteristic '" + discount.characteristic() + "'."));
        } else if ((characteristic.valueType() != null && !characteristic.valueType().accepts(discount.value()))
                || (!characteristic.allowedValues().isEmpty() && !characteristic.allowedValues().contains(discount.value()))) {
            violations.add(new Violation(DISCOUNT_VALUE_NOT_ALLOWED, path + ".value", "'" + discount.value()
                    + "' is not a value '" + characteristic.name() + "' can have"
                    + (characteristic.allowedValues().isEmpty() ? "" : "; allowed values are " + characteristic.allowedValues())
                    + "."));
        }
    }

    private static void checkPromotion(Promotion promotion, String path, Set<String> offeringIds, Set<String> ruleIds,
                                       List<Violation> violations) {
        ruleId(promotion.id(), path, ruleIds, violations);
        if (blank(promotion.name())) {
            violations.add(missing(path + ".name"));
        }
        if (promotion.appliesTo() == null) {
            violations.add(missing(path + ".appliesTo"));
        }
        if (promotion.offeringIds().isEmpty()) {
            violations.add(missing(path + ".offeringIds"));
        }
        for (int i = 0; i < promotion.offeringIds().size(); i++) {
            String id = promotion.offeringIds().get(i);
            if (!offeringIds.contains(id)) {
                violations.add(new Violation(PROMOTION_OFFERING_NOT_FOUND, path + ".offeringIds[" + i + "]",
                        "Promotion '" + promotion.id() + "' lists offering '" + id + "', which this catalog does not define."));
            }
        }
        if ((promotion.percentOff() == null) == (promotion.amountOff() == null)) {
            violations.add(new Violation(PROMOTION_BENEFIT_INVALID, path, "A promotion gives either percentOff or amountOff"
                    + (promotion.percentOff() == null ? "; it has neither." : ", not both.")));
        } else if (promotion.percentOff() != null) {
            percentage(promotion.percentOff(), path + ".percentOff", violations);
        } else if (promotion.amountOff().signum() < 0) {
            violations.add(new Violation(PROMOTION_AMOUNT_OFF_NEGATIVE, path + ".amountOff",
                    "An amount off cannot be negative (" + promotion.amountOff().toPlainString() + ")."));
        }
        if (promotion.validFrom() == null) {
            violations.add(missing(path + ".validFrom"));
        } else if (promotion.validTo() != null && !promotion.validTo().isAfter(promotion.validFrom())) {
            violations.add(new Violation(PROMOTION_VALIDITY_WINDOW_INVALID, path + ".validTo", "Promotion '"
                    + promotion.id() + "' ends (" + promotion.validTo() + ") before it starts (" + promotion.validFrom() + ")."));
        }
    }

    private static void ruleId(String id, String path, Set<String> ruleIds, List<Violation> violations) {
        if (blank(id)) {
            violations.add(missing(path + ".id"));
        } else if (!ruleIds.add(id)) {
            violations.add(new Violation(CatalogRules.DUPLICATE_ID, path, "Id '" + id
                    + "' is used more than once; price, discount and promotion ids name the rules of a price breakdown"
                    + " and share one namespace."));
        }
    }

    private static void percentage(BigDecimal percent, String path, List<Violation> violations) {
        if (percent != null && (percent.signum() < 0 || percent.compareTo(HUNDRED) > 0)) {
            violations.add(new Violation(PERCENTAGE_OUT_OF_RANGE, path,
                    "A percentage is between 0 and 100, not " + percent.toPlainString() + "."));
        }
    }

    private static boolean whole(BigDecimal value) {
        return value.signum() == 0 || value.stripTrailingZeros().scale() <= 0;
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static Violation missing(String path) {
        return new Violation(CatalogRules.REQUIRED_FIELD_MISSING, path, path + " is required.");
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
