package io.cpqoms.catalog.domain;

import static io.cpqoms.catalog.domain.Catalogs.child;
import static io.cpqoms.catalog.domain.ConfigurationEngineTest.ch;
import static io.cpqoms.catalog.domain.ConfigurationEngineTest.childValue;
import static io.cpqoms.catalog.domain.ConfigurationEngineTest.own;
import static io.cpqoms.catalog.domain.ConfigurationEngineTest.present;
import static io.cpqoms.catalog.domain.ConfigurationEngineTest.rule;
import static io.cpqoms.catalog.domain.ConfigurationEngineTest.spec;
import static io.cpqoms.catalog.domain.ConfigurationEngineTest.withRules;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cpqoms.catalog.api.CatalogDocument;
import io.cpqoms.catalog.api.CharacteristicValueType;
import io.cpqoms.catalog.api.ConfigurationRule;
import io.cpqoms.catalog.api.ConfigurationRuleType;
import io.cpqoms.catalog.api.ProductOffering;
import io.cpqoms.catalog.api.RuleCondition;
import io.cpqoms.kernel.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The catalog rules about configuration rules: what they name exists, derivations are well formed and acyclic. */
class ConfigurationRuleChecksTest {

    private static final ConfigurationRuleType REQUIRES = ConfigurationRuleType.REQUIRES;
    private static final ConfigurationRuleType EXCLUDES = ConfigurationRuleType.EXCLUDES;
    private static final ConfigurationRuleType DERIVES = ConfigurationRuleType.DERIVES;

    private static CatalogDocument document(List<ConfigurationRule> accessRules, List<ConfigurationRule> bundleRules,
                                            List<ConfigurationRule> routerOfferingRules) {
        return new CatalogDocument(List.of(
                spec("ps_access", accessRules,
                        ch("bandwidth", CharacteristicValueType.INTEGER, true, "100", "100", "500"),
                        ch("ipBlock", CharacteristicValueType.STRING, false, "NONE", "NONE", "/28"),
                        ch("siteId", CharacteristicValueType.STRING, true, null)),
                spec("ps_router", List.of(),
                        ch("model", CharacteristicValueType.STRING, true, "A", "A", "B")),
                spec("ps_bundle", List.of())), List.of(
                Catalogs.offering("po_access", "ps_access"),
                withRules(Catalogs.offering("po_router", "ps_router"), routerOfferingRules.toArray(ConfigurationRule[]::new)),
                withRules(Catalogs.bundle("po_bundle", "ps_bundle", child("po_access", 1, 1), child("po_router", 0, 1)),
                        bundleRules.toArray(ConfigurationRule[]::new))));
    }

    private static List<Violation> checkSpecRules(ConfigurationRule... rules) {
        return CatalogRules.check(document(List.of(rules), List.of(), List.of()));
    }

    private static List<Violation> checkBundleRules(ConfigurationRule... rules) {
        return CatalogRules.check(document(List.of(), List.of(rules), List.of()));
    }

    private static Violation only(List<Violation> violations) {
        assertEquals(1, violations.size(), violations::toString);
        return violations.get(0);
    }

    private static void assertOnly(List<Violation> violations, String rule, String target) {
        Violation v = only(violations);
        assertEquals(rule, v.rule(), v::toString);
        assertEquals(target, v.target(), v::toString);
    }

    private static final String SPEC_RULE = "productSpecifications[ps_access].configurationRules[R1]";
    private static final String BUNDLE_RULE = "productOfferings[po_bundle].configurationRules[R1]";

    @Test
    void wellFormedRulesOfEveryKindPass() {
        assertEquals(List.of(), CatalogRules.check(document(
                List.of(rule("R1", REQUIRES, own("ipBlock", "/28"), own("bandwidth", "500"), "/28 needs {bandwidth}"),
                        rule("R2", DERIVES, own("bandwidth", "500"), own("ipBlock", "/28"), "500 gets a /28")),
                List.of(rule("R1", DERIVES, childValue("po_access", "bandwidth", "500"), childValue("po_router", "model", "B"),
                                "{po_access.bandwidth} needs {po_router.model}"),
                        rule("R2", EXCLUDES, present("po_router"), childValue("po_access", "ipBlock", "/28"), "no"),
                        rule("R3", DERIVES, present("po_access"), present("po_router"), "a router comes along")),
                List.of(rule("R1", REQUIRES, own("model", "B"), own("model", "B"), "an offering's own rule")))));
    }

    @Test
    void aRuleHasItsFields() {
        List<Violation> violations = checkSpecRules(new ConfigurationRule(null, null, null, null, " "));
        assertEquals(List.of(
                        "REQUIRED_FIELD_MISSING @ productSpecifications[ps_access].configurationRules[0].id",
                        "REQUIRED_FIELD_MISSING @ productSpecifications[ps_access].configurationRules[0].message",
                        "REQUIRED_FIELD_MISSING @ productSpecifications[ps_access].configurationRules[0].type",
                        "REQUIRED_FIELD_MISSING @ productSpecifications[ps_access].configurationRules[0].when",
                        "REQUIRED_FIELD_MISSING @ productSpecifications[ps_access].configurationRules[0].then"),
                violations.stream().map(v -> v.rule() + " @ " + v.target()).toList());
    }

    @Test
    void ruleIdsAreUniquePerScope() {
        ConfigurationRule r = rule("R1", REQUIRES, own("ipBlock", "/28"), own("bandwidth", "500"), "m");
        assertOnly(checkSpecRules(r, r), CatalogRules.CONFIGURATION_RULE_DUPLICATE_ID, SPEC_RULE);

        // the same id in another scope is another rule
        assertEquals(List.of(), CatalogRules.check(document(List.of(r),
                List.of(rule("R1", REQUIRES, present("po_router"), present("po_access"), "m")), List.of())));
    }

    @Test
    void aSpecificationsRulesNameOnlyItsOwnCharacteristics() {
        assertOnly(checkSpecRules(rule("R1", REQUIRES, childValue("po_router", "model", "A"), own("bandwidth", "500"), "m")),
                CatalogRules.CONFIGURATION_RULE_CONDITION_INVALID, SPEC_RULE + ".when.offeringId");
    }

    @Test
    void aConditionNamesSomethingAndOnlyWhatItsKindTakes() {
        assertOnly(checkBundleRules(rule("R1", REQUIRES, new RuleCondition(null, null, List.of()), present("po_router"), "m")),
                CatalogRules.CONFIGURATION_RULE_CONDITION_INVALID, BUNDLE_RULE + ".when");
        assertOnly(checkBundleRules(rule("R1", REQUIRES, present("po_access"), new RuleCondition("po_router", null, List.of("A")), "m")),
                CatalogRules.CONFIGURATION_RULE_CONDITION_INVALID, BUNDLE_RULE + ".then.values");
        assertOnly(checkSpecRules(rule("R1", REQUIRES, own("ipBlock"), own("bandwidth", "500"), "m")),
                CatalogRules.CONFIGURATION_RULE_CONDITION_INVALID, SPEC_RULE + ".when.values");
    }

    @Test
    void aBundleRuleNamesItsOwnChildren() {
        Violation v = only(checkBundleRules(rule("R1", EXCLUDES, present("po_access"), present("po_ghost"), "m")));
        assertEquals(CatalogRules.CONFIGURATION_RULE_OFFERING_UNKNOWN, v.rule());
        assertEquals(BUNDLE_RULE + ".then.offeringId", v.target());
        assertTrue(v.message().contains("[po_access, po_router]"), v.message());

        Violation onRouter = only(CatalogRules.check(document(List.of(), List.of(),
                List.of(rule("R1", REQUIRES, own("model", "A"), present("po_access"), "m")))));
        assertEquals(CatalogRules.CONFIGURATION_RULE_OFFERING_UNKNOWN, onRouter.rule());
        assertEquals("productOfferings[po_router].configurationRules[R1].then.offeringId", onRouter.target());
        assertTrue(onRouter.message().contains("no bundle children"), onRouter.message());
    }

    @Test
    void characteristicsAndValuesAreTheScopesOwn() {
        assertOnly(checkSpecRules(rule("R1", REQUIRES, own("colour", "red"), own("bandwidth", "500"), "m")),
                CatalogRules.CONFIGURATION_RULE_CHARACTERISTIC_UNKNOWN, SPEC_RULE + ".when.characteristic");
        assertOnly(checkBundleRules(rule("R1", REQUIRES, present("po_access"), childValue("po_router", "bandwidth", "500"), "m")),
                CatalogRules.CONFIGURATION_RULE_CHARACTERISTIC_UNKNOWN, BUNDLE_RULE + ".then.characteristic");

        Violation notAllowed = only(checkSpecRules(rule("R1", REQUIRES, own("ipBlock", "/28"), own("bandwidth", "200"), "m")));
        assertEquals(CatalogRules.CONFIGURATION_RULE_VALUE_NOT_ALLOWED, notAllowed.rule());
        assertEquals(SPEC_RULE + ".then.values", notAllowed.target());
        assertTrue(notAllowed.message().contains("[100, 500]"), notAllowed.message());
        assertOnly(checkSpecRules(rule("R1", REQUIRES, own("ipBlock", "/28"), own("bandwidth", "fast"), "m")),
                CatalogRules.CONFIGURATION_RULE_VALUE_NOT_ALLOWED, SPEC_RULE + ".then.values");
    }

    @Test
    void aDerivationSetsExactlyOneValue() {
        assertOnly(checkSpecRules(rule("R1", DERIVES, own("ipBlock", "/28"), own("bandwidth", "100", "500"), "m")),
                CatalogRules.CONFIGURATION_RULE_DERIVES_VALUE_COUNT, SPEC_RULE + ".then.values");
        assertOnly(checkSpecRules(rule("R1", DERIVES, own("ipBlock", "/28"), own("bandwidth"), "m")),
                CatalogRules.CONFIGURATION_RULE_DERIVES_VALUE_COUNT, SPEC_RULE + ".then.values");
    }

    @Test
    void messagePlaceholdersNameKnownCharacteristics() {
        Violation v = only(checkBundleRules(rule("R1", REQUIRES, present("po_access"), present("po_router"),
                "{po_access.bandwidth} is fine, {po_router.colour} is not")));
        assertEquals(CatalogRules.CONFIGURATION_RULE_MESSAGE_PLACEHOLDER_UNKNOWN, v.rule());
        assertEquals(BUNDLE_RULE + ".message", v.target());
        assertTrue(v.message().contains("{po_router.colour}"), v.message());
        assertOnly(checkSpecRules(rule("R1", REQUIRES, own("ipBlock", "/28"), own("bandwidth", "500"), "{speed}")),
                CatalogRules.CONFIGURATION_RULE_MESSAGE_PLACEHOLDER_UNKNOWN, SPEC_RULE + ".message");
    }

    @Test
    void derivationsDoNotFormACycleAndTheCycleIsNamedOnce() {
        Violation v = only(checkSpecRules(
                rule("R1", DERIVES, own("ipBlock", "/28"), own("bandwidth", "500"), "m"),
                rule("R2", DERIVES, own("bandwidth", "500"), own("ipBlock", "/28"), "m")));
        assertEquals(CatalogRules.CONFIGURATION_RULE_DERIVATION_CYCLE, v.rule());
        assertTrue(v.target().startsWith("productSpecifications[ps_access].configurationRules[R"), v.target());
        assertTrue(v.message().contains("(rule R1)") && v.message().contains("(rule R2)"), v.message());

        assertOnly(checkSpecRules(rule("R1", DERIVES, own("bandwidth", "100"), own("bandwidth", "500"), "m")),
                CatalogRules.CONFIGURATION_RULE_DERIVATION_CYCLE, SPEC_RULE);
    }

    @Test
    void aCycleThroughABundleAndAChildsSpecificationIsFound() {
        List<Violation> violations = CatalogRules.check(document(
                List.of(rule("S1", DERIVES, own("ipBlock", "/28"), own("bandwidth", "500"), "m")),
                List.of(rule("B1", DERIVES, childValue("po_access", "bandwidth", "500"), childValue("po_router", "model", "B"), "m"),
                        rule("B2", DERIVES, childValue("po_router", "model", "B"), childValue("po_access", "ipBlock", "/28"), "m")),
                List.of()));

        Violation v = only(violations);
        assertEquals(CatalogRules.CONFIGURATION_RULE_DERIVATION_CYCLE, v.rule());
        assertTrue(v.message().contains("ps_access.bandwidth derives ps_router.model (rule B1)")
                && v.message().contains("(rule B2)") && v.message().contains("(rule S1)"), v.message());
    }

    @Test
    void requiresAndExcludesMayReferToEachOtherFreely() {
        // only derivations change values; checks in both directions are no cycle
        assertEquals(List.of(), checkSpecRules(
                rule("R1", REQUIRES, own("ipBlock", "/28"), own("bandwidth", "500"), "m"),
                rule("R2", EXCLUDES, own("bandwidth", "100"), own("ipBlock", "/28"), "m")));
    }

    @Test
    void rulesOfOfferingsWhoseSpecificationsAreMissingAddNothingToThatReport() {
        CatalogDocument demo = InMemoryCatalog.demoDocument();
        CatalogDocument broken = new CatalogDocument(demo.productSpecifications().subList(1, 2), demo.productOfferings());

        List<Violation> violations = CatalogRules.check(broken);

        assertTrue(violations.stream().anyMatch(v -> v.rule().equals(CatalogRules.OFFERING_SPECIFICATION_NOT_FOUND)));
        assertEquals(List.of(), violations.stream().filter(v -> v.rule().startsWith("CONFIGURATION_RULE_")).toList());
    }

    @Test
    void anOfferingWithoutASpecificationIsReportedOnceNotForEveryRule() {
        ProductOffering orphan = withRules(Catalogs.offering("po_orphan", "ps_missing"),
                rule("R1", REQUIRES, own("x", "1"), own("y", "2"), "{x}"));
        CatalogDocument document = new CatalogDocument(List.of(spec("ps_other", List.of())), List.of(orphan));
        assertOnly(CatalogRules.check(document), CatalogRules.OFFERING_SPECIFICATION_NOT_FOUND,
                "productOfferings[po_orphan].productSpecificationId");
    }
}
