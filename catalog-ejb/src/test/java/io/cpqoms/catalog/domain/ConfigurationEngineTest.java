package io.cpqoms.catalog.domain;

import static io.cpqoms.catalog.domain.Catalogs.child;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cpqoms.catalog.api.CatalogDocument;
import io.cpqoms.catalog.api.CharacteristicOptions;
import io.cpqoms.catalog.api.CharacteristicSpecification;
import io.cpqoms.catalog.api.CharacteristicValueType;
import io.cpqoms.catalog.api.ChildOptions;
import io.cpqoms.catalog.api.ConfigurationCheck;
import io.cpqoms.catalog.api.ConfigurationEvaluation;
import io.cpqoms.catalog.api.ConfigurationIssue;
import io.cpqoms.catalog.api.ConfigurationRequest;
import io.cpqoms.catalog.api.ConfigurationRule;
import io.cpqoms.catalog.api.ConfigurationRuleType;
import io.cpqoms.catalog.api.ConfigurationStatus;
import io.cpqoms.catalog.api.ConfiguredProduct;
import io.cpqoms.catalog.api.ExcludedValue;
import io.cpqoms.catalog.api.ProductOffering;
import io.cpqoms.catalog.api.ProductOfferingRelationship;
import io.cpqoms.catalog.api.ProductSpecification;
import io.cpqoms.catalog.api.ResolvedProduct;
import io.cpqoms.catalog.api.ResolvedValue;
import io.cpqoms.catalog.api.RuleCondition;
import io.cpqoms.catalog.api.ValueSource;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The configuration engine on a small catalog with one rule of every kind: REQUIRES and EXCLUDES
 * between values and between options, defaults, derived values (across a bundle and chained into a
 * child's own rules) and derived options, with explanations, options and the missing/violation split.
 */
class ConfigurationEngineTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    // --- the catalog under test -------------------------------------------------------------

    static ConfigurationRule rule(String id, ConfigurationRuleType type, RuleCondition when, RuleCondition then,
                                  String message) {
        return new ConfigurationRule(id, type, when, then, message);
    }

    /** A characteristic of the product itself (or of a child, offeringId given) having one of the values. */
    static RuleCondition childValue(String offeringId, String characteristic, String... values) {
        return new RuleCondition(offeringId, characteristic, List.of(values));
    }

    static RuleCondition own(String characteristic, String... values) {
        return childValue(null, characteristic, values);
    }

    /** A child offering being present in the bundle. */
    static RuleCondition present(String offeringId) {
        return new RuleCondition(offeringId, null, List.of());
    }

    static CharacteristicSpecification ch(String name, CharacteristicValueType type, boolean required, String defaultValue,
                                          String... allowed) {
        return new CharacteristicSpecification(name, null, type, required, null, List.of(allowed), defaultValue);
    }

    static ProductSpecification spec(String id, List<ConfigurationRule> rules, CharacteristicSpecification... characteristics) {
        return new ProductSpecification(id, "Spec " + id, null, null, List.of(characteristics), List.of(), null, rules);
    }

    static ProductOffering withRules(ProductOffering o, ConfigurationRule... rules) {
        return new ProductOffering(o.id(), o.name(), o.description(), o.productSpecificationId(), o.lifecycleStatus(),
                o.validFrom(), o.validTo(), o.bundle(), o.channels(), o.customerSegments(), o.prices(), o.relationships(),
                o.coverageAreaIds(), o.promotional(), o.discounts(), List.of(rules));
    }

    private static final ProductSpecification ACCESS = spec("ps_access", List.of(
                    rule("IP-BW", ConfigurationRuleType.REQUIRES, own("ipBlock", "/28"), own("bandwidth", "500", "1000"),
                            "Static IP {ipBlock} is not allowed with {bandwidth} Mbps"),
                    rule("TERM-BW", ConfigurationRuleType.EXCLUDES, own("term", "12"), own("bandwidth", "1000"),
                            "1 Gbps needs 36 months, not {term}."),
                    rule("BACKUP-1G", ConfigurationRuleType.REQUIRES, own("bandwidth", "1000"), own("backup", "LTE"),
                            "A {bandwidth} Mbps line needs a backup")),
            ch("bandwidth", CharacteristicValueType.INTEGER, true, "100", "100", "500", "1000"),
            ch("ipBlock", CharacteristicValueType.STRING, false, "NONE", "NONE", "/29", "/28"),
            ch("term", CharacteristicValueType.INTEGER, true, "36", "12", "36"),
            ch("backup", CharacteristicValueType.STRING, false, null, "NONE", "LTE"),
            ch("siteId", CharacteristicValueType.STRING, true, null));
    private static final ProductSpecification ROUTER = spec("ps_router", List.of(
                    rule("MODEL-TIER", ConfigurationRuleType.DERIVES, own("model", "CPE-9"), own("tier", "PRO"),
                            "The {model} is managed at {tier} level")),
            ch("model", CharacteristicValueType.STRING, true, "CPE-1", "CPE-1", "CPE-2", "CPE-9"),
            ch("tier", CharacteristicValueType.STRING, true, null, "BASIC", "PRO"),
            ch("ha", CharacteristicValueType.BOOLEAN, false, "false"));
    private static final ProductSpecification SLA = spec("ps_sla", List.of(),
            ch("availability", CharacteristicValueType.DECIMAL, true, "99.9", "99.9", "99.99"));
    private static final ProductSpecification MONITOR = spec("ps_monitor", List.of(),
            ch("interval", CharacteristicValueType.STRING, true, "MONTHLY", "MONTHLY", "WEEKLY"));
    private static final ProductSpecification BASIC = spec("ps_basic", List.of());
    private static final ProductSpecification BUNDLE = spec("ps_bundle", List.of());

    private static final List<ConfigurationRule> BUNDLE_RULES = List.of(
            rule("ROUTER-1G", ConfigurationRuleType.DERIVES, childValue("po_access", "bandwidth", "1000"),
                    childValue("po_router", "model", "CPE-9"), "A {po_access.bandwidth} Mbps line needs the CPE-9"),
            rule("SLA-MONITOR", ConfigurationRuleType.DERIVES, present("po_sla"), present("po_monitor"),
                    "The SLA adds monitoring"),
            rule("SLA-ROUTER", ConfigurationRuleType.REQUIRES, present("po_sla"), present("po_router"),
                    "The SLA needs a managed router"),
            rule("ONE-KIND", ConfigurationRuleType.EXCLUDES, present("po_basic"), present("po_router"),
                    "Managed or basic router, not both"),
            rule("HIGH-SLA-HA", ConfigurationRuleType.REQUIRES, childValue("po_sla", "availability", "99.99"),
                    childValue("po_router", "ha", "true"), "{po_sla.availability}% needs a high-availability router"));

    static CatalogDocument catalog() {
        return new CatalogDocument(List.of(ACCESS, ROUTER, SLA, MONITOR, BASIC, BUNDLE), List.of(
                Catalogs.offering("po_access", "ps_access"),
                Catalogs.offering("po_router", "ps_router"),
                Catalogs.offering("po_sla", "ps_sla"),
                Catalogs.offering("po_monitor", "ps_monitor"),
                Catalogs.offering("po_basic", "ps_basic"),
                withRules(Catalogs.bundle("po_bundle", "ps_bundle", child("po_access", 1, 1), child("po_router", 0, 2),
                        child("po_sla", 0, 1), child("po_monitor", 0, 1), child("po_basic", 0, 1)),
                        BUNDLE_RULES.toArray(ConfigurationRule[]::new))));
    }

    @Test
    void theCatalogUnderTestPassesTheCatalogRules() {
        assertEquals(List.of(), CatalogRules.check(catalog()));
    }

    // --- requests and answers ---------------------------------------------------------------

    static ConfigurationRequest product(String offeringId, Map<String, String> characteristics, ConfigurationRequest... children) {
        return new ConfigurationRequest(offeringId, BigDecimal.ONE, characteristics, List.of(children));
    }

    static ConfigurationRequest access(String... keyValues) {
        Map<String, String> values = new HashMap<>(Map.of("siteId", "SITE-1"));
        for (int i = 0; i < keyValues.length; i += 2) {
            values.put(keyValues[i], keyValues[i + 1]);
        }
        return product("po_access", values);
    }

    static ConfigurationRequest bundle(ConfigurationRequest... children) {
        return product("po_bundle", Map.of(), children);
    }

    /** A managed router with its required tier chosen (the tier is derived only for the CPE-9). */
    static ConfigurationRequest router() {
        return of("po_router", "tier", "BASIC");
    }

    static ConfigurationRequest of(String offeringId, String... keyValues) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            values.put(keyValues[i], keyValues[i + 1]);
        }
        return product(offeringId, values);
    }

    private static ConfigurationEvaluation evaluate(CatalogDocument document, ConfigurationRequest request) {
        return new ConfigurationEngine(InMemoryCatalog.of(document), NOW).evaluate(request, "").toEvaluation();
    }

    private static ConfigurationEvaluation evaluate(ConfigurationRequest request) {
        return evaluate(catalog(), request);
    }

    private static ConfigurationCheck check(ConfigurationRequest request) {
        return new ConfigurationEngine(InMemoryCatalog.of(catalog()), NOW).check(request, "item").toCheck();
    }

    private static ConfigurationIssue only(List<ConfigurationIssue> issues) {
        assertEquals(1, issues.size(), issues::toString);
        return issues.get(0);
    }

    private static void assertIssue(ConfigurationIssue issue, String code, String ruleId, String target) {
        assertEquals(code, issue.code(), issue::toString);
        assertEquals(ruleId, issue.ruleId(), issue::toString);
        assertEquals(target, issue.target(), issue::toString);
    }

    private static ResolvedValue valueOf(ResolvedProduct product, String name) {
        return product.characteristics().stream().filter(v -> v.name().equals(name)).findFirst().orElse(null);
    }

    private static CharacteristicOptions options(ResolvedProduct product, String name) {
        return product.options().stream().filter(o -> o.name().equals(name)).findFirst().orElseThrow();
    }

    private static ChildOptions childOptions(ResolvedProduct bundle, String offeringId) {
        return bundle.childOptions().stream().filter(o -> o.offeringId().equals(offeringId)).findFirst().orElseThrow();
    }

    private static List<String> values(List<ExcludedValue> excluded) {
        return excluded.stream().map(ExcludedValue::value).toList();
    }

    // --- values, defaults, status -----------------------------------------------------------

    @Test
    void everyValueSaysWhereItComesFrom() {
        ConfigurationEvaluation evaluation = evaluate(access("bandwidth", "500"));

        assertEquals(ConfigurationStatus.COMPLETE, evaluation.status(), evaluation::toString);
        ResolvedProduct access = evaluation.configuration();
        assertEquals(new ResolvedValue("bandwidth", "500", ValueSource.USER, null), valueOf(access, "bandwidth"));
        assertEquals(new ResolvedValue("ipBlock", "NONE", ValueSource.DEFAULT, null), valueOf(access, "ipBlock"));
        assertNull(valueOf(access, "backup"), "an optional characteristic without value or default is left out");
        assertEquals(ValueSource.USER, access.source());
        assertEquals("", access.target());
    }

    @Test
    void aPartialConfigurationIsIncompleteNotInvalid() {
        ConfigurationEvaluation evaluation = evaluate(bundle());

        assertEquals(ConfigurationStatus.INCOMPLETE, evaluation.status());
        assertEquals(List.of(), evaluation.violations());
        assertIssue(only(evaluation.missing()), ConfigurationEngine.BUNDLE_CARDINALITY_VIOLATED, null, "children");

        ConfigurationEvaluation noSite = evaluate(product("po_access", Map.of()));
        assertEquals(ConfigurationStatus.INCOMPLETE, noSite.status());
        assertIssue(only(noSite.missing()), ConfigurationEngine.CHARACTERISTIC_REQUIRED, null, "characteristics.siteId");
    }

    @Test
    void aWrongValueIsAViolationAndWhatIsMissingIsListedApart() {
        ConfigurationEvaluation evaluation = evaluate(product("po_access", Map.of("bandwidth", "200")));

        assertEquals(ConfigurationStatus.INVALID, evaluation.status());
        assertIssue(only(evaluation.violations()), ConfigurationEngine.CHARACTERISTIC_VALUE_NOT_ALLOWED, null,
                "characteristics.bandwidth");
        assertIssue(only(evaluation.missing()), ConfigurationEngine.CHARACTERISTIC_REQUIRED, null, "characteristics.siteId");
    }

    // --- REQUIRES and EXCLUDES between values -----------------------------------------------

    @Test
    void requiresBetweenValuesIsExplainedWithTheConcreteValues() {
        ConfigurationEvaluation evaluation = evaluate(access("ipBlock", "/28", "bandwidth", "100"));

        assertEquals(ConfigurationStatus.INVALID, evaluation.status());
        ConfigurationIssue issue = only(evaluation.violations());
        assertIssue(issue, ConfigurationEngine.RULE_REQUIRES_VIOLATED, "IP-BW", "characteristics.bandwidth");
        assertEquals("Static IP /28 is not allowed with 100 Mbps: rule IP-BW requires bandwidth in [500, 1000].",
                issue.message());

        assertEquals(ConfigurationStatus.COMPLETE, evaluate(access("ipBlock", "/28", "bandwidth", "500")).status());
        assertEquals(ConfigurationStatus.COMPLETE, evaluate(access("ipBlock", "/29", "bandwidth", "100")).status());
    }

    @Test
    void aRequiredValueThatIsNotChosenYetIsMissingAndAWrongOneIsAViolation() {
        ConfigurationEvaluation unset = evaluate(access("bandwidth", "1000"));
        assertEquals(ConfigurationStatus.INCOMPLETE, unset.status());
        ConfigurationIssue missing = only(unset.missing());
        assertIssue(missing, ConfigurationEngine.RULE_REQUIRES_VIOLATED, "BACKUP-1G", "characteristics.backup");
        assertEquals("A 1000 Mbps line needs a backup: rule BACKUP-1G requires backup in [LTE].", missing.message());

        ConfigurationEvaluation wrong = evaluate(access("bandwidth", "1000", "backup", "NONE"));
        assertEquals(ConfigurationStatus.INVALID, wrong.status());
        assertIssue(only(wrong.violations()), ConfigurationEngine.RULE_REQUIRES_VIOLATED, "BACKUP-1G", "characteristics.backup");

        assertEquals(ConfigurationStatus.COMPLETE, evaluate(access("bandwidth", "1000", "backup", "LTE")).status());
    }

    @Test
    void excludesBetweenValues() {
        ConfigurationEvaluation evaluation = evaluate(access("term", "12", "bandwidth", "1000", "backup", "LTE"));

        ConfigurationIssue issue = only(evaluation.violations());
        assertIssue(issue, ConfigurationEngine.RULE_EXCLUDES_VIOLATED, "TERM-BW", "characteristics.bandwidth");
        assertEquals("1 Gbps needs 36 months, not 12: rule TERM-BW excludes bandwidth in [1000].", issue.message());
        assertEquals(ConfigurationStatus.COMPLETE, evaluate(access("term", "12", "bandwidth", "500")).status());
    }

    // --- options ----------------------------------------------------------------------------

    @Test
    void theOptionsListWhatIsStillAllowedAndWhichRuleExcludesTheRest() {
        ResolvedProduct access = evaluate(access("bandwidth", "100")).configuration();

        CharacteristicOptions ipBlock = options(access, "ipBlock");
        assertEquals(List.of("NONE", "/29"), ipBlock.allowedValues());
        ExcludedValue excluded = ipBlock.excludedValues().get(0);
        assertEquals(new ExcludedValue("/28", "IP-BW",
                "Static IP /28 is not allowed with 100 Mbps: rule IP-BW requires bandwidth in [500, 1000]."), excluded);
        assertEquals(1, ipBlock.excludedValues().size());
        assertEquals("100", options(access, "bandwidth").value());
        assertEquals(ValueSource.USER, options(access, "bandwidth").source());

        CharacteristicOptions site = options(access, "siteId");
        assertEquals(List.of(), site.allowedValues(), "any value of the type");
        assertEquals(List.of(), site.excludedValues());
    }

    @Test
    void choosingAValueExcludesTheValuesItConflictsWith() {
        ResolvedProduct shortTerm = evaluate(access("term", "12")).configuration();
        CharacteristicOptions bandwidth = options(shortTerm, "bandwidth");
        assertEquals(List.of("100", "500"), bandwidth.allowedValues());
        assertEquals(List.of("1000"), values(bandwidth.excludedValues()));
        assertEquals("TERM-BW", bandwidth.excludedValues().get(0).ruleId());
        assertEquals("1 Gbps needs 36 months, not 12: rule TERM-BW excludes bandwidth in [1000].",
                bandwidth.excludedValues().get(0).message());

        ResolvedProduct gigabit = evaluate(access("bandwidth", "1000", "backup", "LTE")).configuration();
        CharacteristicOptions term = options(gigabit, "term");
        assertEquals(List.of("36"), term.allowedValues());
        assertEquals(List.of("12"), values(term.excludedValues()));
        CharacteristicOptions backup = options(gigabit, "backup");
        assertEquals(List.of("LTE"), backup.allowedValues());
        assertEquals(List.of("NONE"), values(backup.excludedValues()));
        assertEquals("BACKUP-1G", backup.excludedValues().get(0).ruleId());
    }

    @Test
    void aChosenValueThatBreaksARuleIsListedAsExcludedOnBothSides() {
        ResolvedProduct access = evaluate(access("ipBlock", "/28", "bandwidth", "100")).configuration();

        assertEquals(List.of("500", "1000"), options(access, "bandwidth").allowedValues());
        assertEquals(List.of("100"), values(options(access, "bandwidth").excludedValues()));
        assertEquals(List.of("/28"), values(options(access, "ipBlock").excludedValues()));
    }

    // --- options: REQUIRES and EXCLUDES between children -------------------------------------

    @Test
    void anOptionThatRequiresAnotherMakesTheConfigurationIncomplete() {
        ConfigurationEvaluation evaluation = evaluate(bundle(access(), of("po_sla")));

        assertEquals(ConfigurationStatus.INCOMPLETE, evaluation.status());
        ConfigurationIssue missing = only(evaluation.missing());
        assertIssue(missing, ConfigurationEngine.RULE_REQUIRES_VIOLATED, "SLA-ROUTER", "children");
        assertEquals("The SLA needs a managed router: rule SLA-ROUTER requires po_router.", missing.message());

        assertEquals(ConfigurationStatus.COMPLETE, evaluate(bundle(access(), of("po_sla"), router())).status());
    }

    @Test
    void optionsThatExcludeEachOtherCannotBeTogether() {
        ConfigurationEvaluation both = evaluate(bundle(access(), of("po_basic"), router()));

        assertEquals(ConfigurationStatus.INVALID, both.status());
        ConfigurationIssue issue = only(both.violations());
        assertIssue(issue, ConfigurationEngine.RULE_EXCLUDES_VIOLATED, "ONE-KIND", "children[2].offeringId");
        assertEquals("Managed or basic router, not both: rule ONE-KIND excludes po_router.", issue.message());
    }

    @Test
    void theChildOptionsSayWhatCanStillBeAddedAndWhyNot() {
        ResolvedProduct withBasic = evaluate(bundle(access(), of("po_basic"))).configuration();
        ChildOptions router = childOptions(withBasic, "po_router");
        assertFalse(router.addable());
        assertEquals("ONE-KIND", router.ruleId());
        assertEquals("Managed or basic router, not both: rule ONE-KIND excludes po_router.", router.message());
        assertEquals(0, router.count());
        assertEquals(2, router.maxCardinality());

        ResolvedProduct withRouter = evaluate(bundle(access(), router())).configuration();
        assertFalse(childOptions(withRouter, "po_basic").addable());
        assertEquals("ONE-KIND", childOptions(withRouter, "po_basic").ruleId());
        ChildOptions secondRouter = childOptions(withRouter, "po_router");
        assertTrue(secondRouter.addable());
        assertEquals(1, secondRouter.count());
        ChildOptions access = childOptions(withRouter, "po_access");
        assertFalse(access.addable(), "at its maximum");
        assertNull(access.ruleId(), "the maximum is no rule");
        assertTrue(childOptions(withRouter, "po_sla").addable());
    }

    // --- DERIVES: children ------------------------------------------------------------------

    @Test
    void aDerivedOptionAddsTheChildMarkedDerived() {
        ConfigurationEvaluation evaluation = evaluate(bundle(access(), of("po_sla"), router()));

        assertEquals(ConfigurationStatus.COMPLETE, evaluation.status(), evaluation::toString);
        List<ResolvedProduct> children = evaluation.configuration().children();
        assertEquals(List.of("po_access", "po_sla", "po_router", "po_monitor"),
                children.stream().map(ResolvedProduct::offeringId).toList());
        ResolvedProduct monitor = children.get(3);
        assertEquals(ValueSource.DERIVED, monitor.source());
        assertEquals("SLA-MONITOR", monitor.derivedBy());
        assertEquals("children[3]", monitor.target());
        assertEquals(new ResolvedValue("interval", "MONTHLY", ValueSource.DEFAULT, null), valueOf(monitor, "interval"));
        assertEquals(1, childOptions(evaluation.configuration(), "po_monitor").count());
        assertFalse(childOptions(evaluation.configuration(), "po_monitor").addable(), "0..1 and derived");

        ConfigurationCheck check = check(bundle(access(), of("po_sla"), router()));
        assertTrue(check.valid(), check::toString);
        assertEquals("po_monitor", check.product().children().get(3).offeringId(), "quotes get the derived child too");
    }

    @Test
    void aChildTheCallerChoseIsNotDerivedAgain() {
        ConfigurationEvaluation evaluation = evaluate(bundle(access(), of("po_sla"), router(),
                of("po_monitor", "interval", "WEEKLY")));

        assertEquals(ConfigurationStatus.COMPLETE, evaluation.status(), evaluation::toString);
        List<ResolvedProduct> monitors = evaluation.configuration().children().stream()
                .filter(c -> c.offeringId().equals("po_monitor")).toList();
        assertEquals(1, monitors.size());
        assertEquals(ValueSource.USER, monitors.get(0).source());
        assertEquals("WEEKLY", valueOf(monitors.get(0), "interval").value());
    }

    @Test
    void aDerivedChildGoesWhenItsConditionGoes() {
        ConfigurationEvaluation evaluation = evaluate(bundle(access(), router()));
        assertEquals(List.of("po_access", "po_router"), evaluation.configuration().children().stream()
                .map(ResolvedProduct::offeringId).toList());
    }

    // --- DERIVES: values --------------------------------------------------------------------

    @Test
    void aDerivedValueOverridesTheDefaultAndChainsIntoTheChildsOwnRules() {
        ConfigurationEvaluation evaluation = evaluate(bundle(access("bandwidth", "1000", "backup", "LTE"), of("po_router")));

        assertEquals(ConfigurationStatus.COMPLETE, evaluation.status(), evaluation::toString);
        ResolvedProduct router = evaluation.configuration().children().get(1);
        assertEquals(new ResolvedValue("model", "CPE-9", ValueSource.DERIVED, "ROUTER-1G"), valueOf(router, "model"));
        assertEquals(new ResolvedValue("tier", "PRO", ValueSource.DERIVED, "MODEL-TIER"), valueOf(router, "tier"),
                "a required characteristic without default is filled by a derivation, so it is not missing");
    }

    @Test
    void withoutTheConditionTheDefaultStaysAndARequiredValueWithoutDefaultIsMissing() {
        ConfigurationEvaluation evaluation = evaluate(bundle(access("bandwidth", "500"), of("po_router")));

        ResolvedProduct router = evaluation.configuration().children().get(1);
        assertEquals(new ResolvedValue("model", "CPE-1", ValueSource.DEFAULT, null), valueOf(router, "model"));
        assertNull(valueOf(router, "tier"));
        assertEquals(ConfigurationStatus.INCOMPLETE, evaluation.status());
        assertIssue(only(evaluation.missing()), ConfigurationEngine.CHARACTERISTIC_REQUIRED, null,
                "children[1].characteristics.tier");
    }

    @Test
    void aChosenValueThatContradictsADerivedOneIsAViolationAndIsNotOverwritten() {
        ConfigurationEvaluation evaluation = evaluate(bundle(access("bandwidth", "1000", "backup", "LTE"),
                of("po_router", "model", "CPE-2", "tier", "BASIC")));

        assertEquals(ConfigurationStatus.INVALID, evaluation.status());
        ConfigurationIssue issue = only(evaluation.violations());
        assertIssue(issue, ConfigurationEngine.RULE_DERIVATION_CONFLICT, "ROUTER-1G", "children[1].characteristics.model");
        assertEquals("A 1000 Mbps line needs the CPE-9: rule ROUTER-1G derives po_router.model = CPE-9, not CPE-2.",
                issue.message());
        ResolvedProduct router = evaluation.configuration().children().get(1);
        assertEquals(new ResolvedValue("model", "CPE-2", ValueSource.USER, null), valueOf(router, "model"));

        ConfigurationEvaluation agreeing = evaluate(bundle(access("bandwidth", "1000", "backup", "LTE"),
                of("po_router", "model", "CPE-9")));
        assertEquals(ConfigurationStatus.COMPLETE, agreeing.status(), agreeing::toString);
        assertEquals(ValueSource.USER, valueOf(agreeing.configuration().children().get(1), "model").source());
    }

    @Test
    void aDerivedValueLeavesOnlyItselfToChooseAndTheConditionIsExcludedWhereItWouldConflict() {
        ResolvedProduct derived = evaluate(bundle(access("bandwidth", "1000", "backup", "LTE"), of("po_router")))
                .configuration();
        CharacteristicOptions model = options(derived.children().get(1), "model");
        assertEquals(List.of("CPE-9"), model.allowedValues());
        assertEquals(List.of("CPE-1", "CPE-2"), values(model.excludedValues()));
        assertEquals("A 1000 Mbps line needs the CPE-9: rule ROUTER-1G derives po_router.model = CPE-9, not CPE-1.",
                model.excludedValues().get(0).message());

        ResolvedProduct chosen = evaluate(bundle(access("bandwidth", "500"), of("po_router", "model", "CPE-2", "tier", "BASIC")))
                .configuration();
        CharacteristicOptions bandwidth = options(chosen.children().get(0), "bandwidth");
        assertEquals(List.of("100", "500"), bandwidth.allowedValues());
        assertEquals("ROUTER-1G", bandwidth.excludedValues().get(0).ruleId());
    }

    @Test
    void twoRulesDerivingDifferentValuesConflictAndTheFirstWins() {
        ProductSpecification spec = spec("ps_x", List.of(
                        rule("D1", ConfigurationRuleType.DERIVES, own("a", "on"), own("c", "1"), "a sets c"),
                        rule("D2", ConfigurationRuleType.DERIVES, own("b", "on"), own("c", "2"), "b sets c")),
                ch("a", CharacteristicValueType.STRING, false, null, "on", "off"),
                ch("b", CharacteristicValueType.STRING, false, null, "on", "off"),
                ch("c", CharacteristicValueType.INTEGER, false, null, "1", "2"));
        CatalogDocument document = new CatalogDocument(List.of(spec), List.of(Catalogs.offering("po_x", "ps_x")));
        assertEquals(List.of(), CatalogRules.check(document), "both are valid rules; only the choices make them clash");

        ConfigurationEvaluation evaluation = evaluate(document, of("po_x", "a", "on", "b", "on"));

        assertEquals("1", valueOf(evaluation.configuration(), "c").value());
        assertEquals("D1", valueOf(evaluation.configuration(), "c").ruleId());
        ConfigurationIssue issue = only(evaluation.violations());
        assertIssue(issue, ConfigurationEngine.RULE_DERIVATION_CONFLICT, "D2", "characteristics.c");
        assertEquals("b sets c: rule D2 derives c = 2, but rule D1 derives 1.", issue.message());
    }

    @Test
    void derivationsThatNeverSettleStopAtTheBound() {
        // a cycle the catalog rules refuse (CONFIGURATION_RULE_DERIVATION_CYCLE); the engine still terminates
        ProductSpecification spec = spec("ps_flip", List.of(
                        rule("ON-OFF", ConfigurationRuleType.DERIVES, own("flag", "true"), own("flag", "false"), "flip"),
                        rule("OFF-ON", ConfigurationRuleType.DERIVES, own("flag", "false"), own("flag", "true"), "flop")),
                ch("flag", CharacteristicValueType.BOOLEAN, false, "true"));
        CatalogDocument document = new CatalogDocument(List.of(spec), List.of(Catalogs.offering("po_flip", "ps_flip")));
        assertTrue(CatalogRules.check(document).stream()
                .anyMatch(v -> v.rule().equals(CatalogRules.CONFIGURATION_RULE_DERIVATION_CYCLE)));

        ConfigurationEvaluation evaluation = evaluate(document, of("po_flip"));

        assertEquals(ConfigurationStatus.INVALID, evaluation.status());
        assertEquals(ConfigurationEngine.RULE_DERIVATION_UNSTABLE, evaluation.violations().get(0).code());
    }

    @Test
    void numbersAreComparedByValue() {
        ProductSpecification spec = spec("ps_n", List.of(
                        rule("LIMIT", ConfigurationRuleType.REQUIRES, own("limit", "2.5"), own("mode", "STRICT"),
                                "A limit of {limit} needs strict mode")),
                ch("limit", CharacteristicValueType.DECIMAL, false, null),
                ch("mode", CharacteristicValueType.STRING, false, "LOOSE", "LOOSE", "STRICT"));
        CatalogDocument document = new CatalogDocument(List.of(spec), List.of(Catalogs.offering("po_n", "ps_n")));

        ConfigurationIssue issue = only(evaluate(document, of("po_n", "limit", "2.50")).violations());
        assertEquals("A limit of 2.50 needs strict mode: rule LIMIT requires mode in [STRICT].", issue.message());
        assertEquals(List.of("2.5"), values(options(evaluate(document, of("po_n")).configuration(), "limit")
                .excludedValues()), "an open characteristic lists the values rules name");
    }

    // --- the check quotes and orders use -----------------------------------------------------

    @Test
    void theCheckBlocksOnRuleViolationsAndOnWhatIsMissing() {
        ConfigurationCheck broken = check(bundle(access("ipBlock", "/28"), router()));
        assertNull(broken.product());
        assertEquals(List.of(ConfigurationEngine.RULE_REQUIRES_VIOLATED + " @ item.children[0].characteristics.bandwidth"),
                broken.violations().stream().map(v -> v.rule() + " @ " + v.target()).toList());
        assertTrue(broken.violations().get(0).message().contains("rule IP-BW"));

        ConfigurationCheck incomplete = check(bundle(access(), of("po_sla")));
        assertEquals(List.of(ConfigurationEngine.RULE_REQUIRES_VIOLATED + " @ item.children"),
                incomplete.violations().stream().map(v -> v.rule() + " @ " + v.target()).toList());
    }

    @Test
    void theResolvedConfigurationChecksAgainUnchanged() {
        // orders validate their stored lines again: a resolved configuration must stay valid and stable
        ConfigurationCheck first = check(bundle(access("bandwidth", "1000", "backup", "LTE"), of("po_router"), of("po_sla")));
        assertTrue(first.valid(), first::toString);

        ConfigurationCheck again = check(request(first.product()));

        assertTrue(again.valid(), again::toString);
        assertEquals(first.product(), again.product());
        assertEquals(4, again.product().children().size());
    }

    static ConfigurationRequest request(ConfiguredProduct product) {
        List<ConfigurationRequest> children = new ArrayList<>();
        product.children().forEach(c -> children.add(request(c)));
        return new ConfigurationRequest(product.offeringId(), product.quantity(), product.characteristics(), children);
    }

    @Test
    void theEvaluationAndTheCheckAgree() {
        for (ConfigurationRequest request : List.of(bundle(), bundle(access()), bundle(access("ipBlock", "/28")),
                bundle(access(), of("po_basic"), router()), bundle(access(), of("po_sla"), router()))) {
            ConfigurationEvaluation evaluation = evaluate(request);
            ConfigurationCheck check = check(request);
            assertEquals(evaluation.status() == ConfigurationStatus.COMPLETE, check.valid(), request::toString);
            assertEquals(evaluation.violations().size() + evaluation.missing().size(), check.violations().size());
        }
    }
}
