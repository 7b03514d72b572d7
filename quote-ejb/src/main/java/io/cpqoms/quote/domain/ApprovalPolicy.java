package io.cpqoms.quote.domain;

import io.cpqoms.catalog.api.LinePrice;
import io.cpqoms.catalog.api.PriceSignals;
import io.cpqoms.catalog.api.PriceSnapshot;
import io.cpqoms.quote.api.ApprovalTrigger;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * A version of a tenant's approval policy, as data (table {@code quote.approval_policy}): the approval
 * chain (level 1, 2, ... and the role that decides each) and the rules, each naming the level it needs.
 * A rule of a type may appear several times with different thresholds and levels (20% discount needs
 * level 1, 50% level 2); per line and rule type only the highest level that triggers is reported.
 *
 * <ul>
 *   <li>{@code LINE_DISCOUNT}: a line's discount percent is above the threshold;</li>
 *   <li>{@code QUOTE_DISCOUNT}: the whole snapshot's discount percent is above the threshold;</li>
 *   <li>{@code MARGIN_FLOOR}: the whole snapshot's margin percent is below the threshold (the floor);</li>
 *   <li>{@code MANUAL_OVERRIDE}: a line carries a manual price override;</li>
 *   <li>{@code NON_STANDARD_TERM}: a line's {@code contractTermMonths} is not one of the standard terms;</li>
 *   <li>{@code ELIGIBILITY_EXCEPTION}: a line was admitted by an eligibility exception.</li>
 * </ul>
 */
public final class ApprovalPolicy {

    public static final String LINE_DISCOUNT = "LINE_DISCOUNT";
    public static final String QUOTE_DISCOUNT = "QUOTE_DISCOUNT";
    public static final String MARGIN_FLOOR = "MARGIN_FLOOR";
    public static final String MANUAL_OVERRIDE = "MANUAL_OVERRIDE";
    public static final String NON_STANDARD_TERM = "NON_STANDARD_TERM";
    public static final String ELIGIBILITY_EXCEPTION = "ELIGIBILITY_EXCEPTION";
    public static final Set<String> RULE_TYPES = Set.of(LINE_DISCOUNT, QUOTE_DISCOUNT, MARGIN_FLOOR, MANUAL_OVERRIDE,
            NON_STANDARD_TERM, ELIGIBILITY_EXCEPTION);

    /** The characteristic that holds an item's contract term. */
    public static final String TERM_CHARACTERISTIC = "contractTermMonths";

    /** One rule: its type, its threshold (percent) or standard terms, and the approval level it needs. */
    public record Rule(String type, BigDecimal threshold, List<Integer> standardTerms, int level) {
        public Rule {
            if (!RULE_TYPES.contains(type)) {
                throw new IllegalArgumentException("unknown approval rule " + type);
            }
            standardTerms = standardTerms == null ? List.of() : List.copyOf(standardTerms);
        }
    }

    /** What a line of the priced revision brings to the evaluation besides its price. */
    public record Line(String lineId, String lineNumber, Map<String, String> characteristics, boolean manualOverride,
                       boolean eligibilityException) {
    }

    private final int version;
    private final Map<Integer, String> levels;
    private final List<Rule> rules;

    public ApprovalPolicy(int version, Map<Integer, String> levels, List<Rule> rules) {
        this.version = version;
        this.levels = new TreeMap<>(levels);
        int expected = 1;
        for (int level : this.levels.keySet()) {
            if (level != expected++) {
                throw new IllegalArgumentException("the approval chain " + levels + " must have levels 1, 2, ... without gaps");
            }
        }
        this.rules = List.copyOf(rules);
        for (Rule rule : rules) {
            if (!this.levels.containsKey(rule.level())) {
                throw new IllegalArgumentException("rule " + rule.type() + " names level " + rule.level()
                        + ", which the chain " + this.levels + " does not have");
            }
        }
    }

    public int version() {
        return version;
    }

    /** The role that decides a level, or null. */
    public String role(int level) {
        return levels.get(level);
    }

    /** The roles of levels 1, 2, ... in order. */
    public List<String> chain() {
        return List.copyOf(levels.values());
    }

    /** The levels a caller with these roles may decide. */
    public Set<Integer> levelsOf(Set<String> roles) {
        Set<Integer> mine = new java.util.TreeSet<>();
        levels.forEach((level, role) -> {
            if (roles.contains(role)) {
                mine.add(level);
            }
        });
        return mine;
    }

    public List<Rule> rules() {
        return rules;
    }

    /** The rules the snapshot triggers, in line order then rule order; empty when no approval is needed. */
    public List<ApprovalTrigger> evaluate(PriceSnapshot snapshot, List<Line> lines) {
        Objects.requireNonNull(snapshot, "snapshot");
        List<ApprovalTrigger> triggers = new ArrayList<>();
        PriceSignals total = snapshot.signals();
        if (total != null) {
            highest(QUOTE_DISCOUNT, r -> above(total.discountPercent(), r.threshold())).ifPresent(r -> triggers.add(
                    trigger(r, null, null, total.discountPercent(), "The quote's discount of " + plain(total.discountPercent())
                            + "% is above " + plain(r.threshold()) + "%.")));
            highest(MARGIN_FLOOR, r -> below(total.marginPercent(), r.threshold())).ifPresent(r -> triggers.add(
                    trigger(r, null, null, total.marginPercent(), "The quote's margin of " + plain(total.marginPercent())
                            + "% is below the floor of " + plain(r.threshold()) + "%.")));
        }
        for (Line line : lines) {
            LinePrice price = snapshot.line(line.lineId());
            PriceSignals signals = price == null ? null : price.signals();
            if (signals != null) {
                highest(LINE_DISCOUNT, r -> above(signals.discountPercent(), r.threshold())).ifPresent(r -> triggers.add(
                        trigger(r, line, null, signals.discountPercent(), "Line " + line.lineNumber() + " has a discount of "
                                + plain(signals.discountPercent()) + "%, above " + plain(r.threshold()) + "%.")));
            }
            if (line.manualOverride() || (signals != null && signals.manualOverride())) {
                highest(MANUAL_OVERRIDE, r -> true).ifPresent(r -> triggers.add(trigger(r, line, null, null,
                        "Line " + line.lineNumber() + " has a manual price override.")));
            }
            String term = line.characteristics() == null ? null : line.characteristics().get(TERM_CHARACTERISTIC);
            if (term != null) {
                BigDecimal months = number(term);
                highest(NON_STANDARD_TERM, r -> months == null || !r.standardTerms().contains(months.intValue())
                        || months.stripTrailingZeros().scale() > 0).ifPresent(r -> triggers.add(trigger(r, line, null, months,
                        "Line " + line.lineNumber() + " has a contract term of " + term + " months; the standard terms are "
                                + r.standardTerms() + ".")));
            }
            if (line.eligibilityException()) {
                highest(ELIGIBILITY_EXCEPTION, r -> true).ifPresent(r -> triggers.add(trigger(r, line, null, null,
                        "Line " + line.lineNumber() + " was admitted by an eligibility exception.")));
            }
        }
        return triggers;
    }

    /** The highest level any trigger needs, or 0 when none. */
    public static int requiredLevel(List<ApprovalTrigger> triggers) {
        return triggers.stream().mapToInt(ApprovalTrigger::level).max().orElse(0);
    }

    /**
     * Smart re-approval: whether an earlier approval still covers these triggers. It does when every
     * trigger has a counterpart in the approved ones (same rule, same line), no counterpart needed a lower
     * level, and no signal is worse than what was approved (a discount not higher, a margin not lower, a
     * term the same). A new triggering line, a new rule or a worse signal needs approval again.
     */
    public static boolean covers(List<ApprovalTrigger> approved, List<ApprovalTrigger> now) {
        for (ApprovalTrigger trigger : now) {
            ApprovalTrigger before = approved.stream().filter(a -> a.rule().equals(trigger.rule())
                    && Objects.equals(a.lineId(), trigger.lineId())).findFirst().orElse(null);
            if (before == null || before.level() < trigger.level()) {
                return false;
            }
            if (trigger.value() != null) {
                if (before.value() == null) {
                    return false;
                }
                int comparison = trigger.value().compareTo(before.value());
                boolean worse = switch (trigger.rule()) {
                    case MARGIN_FLOOR -> comparison < 0;
                    case NON_STANDARD_TERM -> comparison != 0;
                    default -> comparison > 0;
                };
                if (worse) {
                    return false;
                }
            }
        }
        return true;
    }

    private java.util.Optional<Rule> highest(String type, java.util.function.Predicate<Rule> triggered) {
        return rules.stream().filter(r -> r.type().equals(type)).filter(triggered)
                .max(Comparator.comparingInt(Rule::level));
    }

    private static ApprovalTrigger trigger(Rule rule, Line line, Object unused, BigDecimal value, String evidence) {
        return new ApprovalTrigger(rule.type(), line == null ? null : line.lineId(), line == null ? null : line.lineNumber(),
                rule.level(), rule.threshold(), value, evidence);
    }

    private static boolean above(BigDecimal value, BigDecimal threshold) {
        return value != null && threshold != null && value.compareTo(threshold) > 0;
    }

    private static boolean below(BigDecimal value, BigDecimal threshold) {
        return value != null && threshold != null && value.compareTo(threshold) < 0;
    }

    private static BigDecimal number(String text) {
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String plain(BigDecimal value) {
        return value == null ? "?" : value.stripTrailingZeros().toPlainString();
    }
}
