package io.cpqoms.catalog.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cpqoms.catalog.api.CharacteristicOptions;
import io.cpqoms.catalog.api.ChildOptions;
import io.cpqoms.catalog.api.ConfigurationCheck;
import io.cpqoms.catalog.api.ConfigurationEvaluation;
import io.cpqoms.catalog.api.ConfigurationEvaluationRequest;
import io.cpqoms.catalog.api.ConfigurationIssue;
import io.cpqoms.catalog.api.ConfigurationRequest;
import io.cpqoms.catalog.api.ConfigurationStatus;
import io.cpqoms.catalog.api.ConfiguredProduct;
import io.cpqoms.catalog.api.ExcludedValue;
import io.cpqoms.catalog.api.ResolvedProduct;
import io.cpqoms.catalog.api.ResolvedValue;
import io.cpqoms.catalog.api.ValueSource;
import io.cpqoms.kernel.Json;
import jakarta.json.bind.JsonbException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The configuration rules of the shipped demo catalog, click by click as a configurator screen would
 * call the evaluation (the same steps as the end-to-end ConfigurationIT), and the configurations the
 * order flow and the order benchmark use, which must stay valid.
 */
class DemoConfigurationTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final DocumentCatalog DEMO = InMemoryCatalog.of(InMemoryCatalog.demoDocument());
    static final String STATIC_IP_EXPLANATION = "Static IP /28 is not allowed with 100 Mbps: rule STATIC-IP-BANDWIDTH "
            + "requires bandwidthMbps in [500, 1000, 10000].";

    private static ConfigurationEvaluation evaluate(ConfigurationRequest request) {
        return new ConfigurationEngine(DEMO, NOW).evaluate(request, "").toEvaluation();
    }

    private static ConfigurationCheck check(ConfigurationRequest request) {
        return new ProductConfigurator(DEMO, NOW).check(request, "item");
    }

    private static ConfigurationRequest product(String offeringId, Map<String, String> characteristics,
                                                ConfigurationRequest... children) {
        return new ConfigurationRequest(offeringId, BigDecimal.ONE, characteristics, List.of(children));
    }

    private static ConfigurationRequest bundle(ConfigurationRequest... children) {
        return product("po_connectivity_bundle", Map.of(), children);
    }

    private static ConfigurationRequest fiber(String... keyValues) {
        java.util.Map<String, String> values = new java.util.HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            values.put(keyValues[i], keyValues[i + 1]);
        }
        return product("po_enterprise_fiber", values);
    }

    private static CharacteristicOptions options(ResolvedProduct product, String name) {
        return product.options().stream().filter(o -> o.name().equals(name)).findFirst().orElseThrow();
    }

    private static ResolvedValue valueOf(ResolvedProduct product, String name) {
        return product.characteristics().stream().filter(v -> v.name().equals(name)).findFirst().orElse(null);
    }

    private static ChildOptions childOptions(ResolvedProduct bundle, String offeringId) {
        return bundle.childOptions().stream().filter(o -> o.offeringId().equals(offeringId)).findFirst().orElseThrow();
    }

    @Test
    void clickByClick() {
        // 1. an empty bundle: incomplete, the fiber line is missing
        ConfigurationEvaluation empty = evaluate(bundle());
        assertEquals(ConfigurationStatus.INCOMPLETE, empty.status());
        assertEquals(List.of(), empty.violations());
        ConfigurationIssue noFiber = empty.missing().get(0);
        assertEquals("BUNDLE_CARDINALITY_VIOLATED", noFiber.code());
        assertEquals("children", noFiber.target());
        assertTrue(childOptions(empty.configuration(), "po_enterprise_fiber").addable());

        // 2. the fiber with 100 Mbps: a /28 block is excluded, with the rule and the concrete values
        ConfigurationEvaluation slow = evaluate(bundle(fiber("bandwidthMbps", "100")));
        assertEquals(ConfigurationStatus.INCOMPLETE, slow.status(), "the site is still missing");
        assertEquals(List.of("children[0].characteristics.siteId"),
                slow.missing().stream().map(ConfigurationIssue::target).toList());
        CharacteristicOptions staticIp = options(slow.configuration().children().get(0), "staticIpBlock");
        assertEquals(List.of("NONE", "/30", "/29"), staticIp.allowedValues());
        assertEquals(List.of(new ExcludedValue("/28", "STATIC-IP-BANDWIDTH", STATIC_IP_EXPLANATION)), staticIp.excludedValues());

        // 3. /28 chosen anyway: invalid, and the bandwidths that would fix it are the allowed ones
        ConfigurationEvaluation broken = evaluate(bundle(fiber("bandwidthMbps", "100", "staticIpBlock", "/28", "siteId", "HQ")));
        assertEquals(ConfigurationStatus.INVALID, broken.status());
        ConfigurationIssue violation = broken.violations().get(0);
        assertEquals(1, broken.violations().size());
        assertEquals("RULE_REQUIRES_VIOLATED", violation.code());
        assertEquals("STATIC-IP-BANDWIDTH", violation.ruleId());
        assertEquals("children[0].characteristics.bandwidthMbps", violation.target());
        assertEquals(STATIC_IP_EXPLANATION, violation.message());
        CharacteristicOptions bandwidth = options(broken.configuration().children().get(0), "bandwidthMbps");
        assertEquals(List.of("500", "1000", "10000"), bandwidth.allowedValues());
        assertEquals(List.of("100", "200"), bandwidth.excludedValues().stream().map(ExcludedValue::value).toList());

        // 4. fixed with 10 Gbps, a managed router and the Premium SLA: the router model and SLA Monitoring are derived
        ConfigurationEvaluation done = evaluate(bundle(fiber("bandwidthMbps", "10000", "staticIpBlock", "/28", "siteId", "HQ"),
                product("po_managed_router", Map.of()), product("po_premium_sla", Map.of())));
        assertEquals(ConfigurationStatus.COMPLETE, done.status(), done::toString);
        List<ResolvedProduct> children = done.configuration().children();
        assertEquals(List.of("po_enterprise_fiber", "po_managed_router", "po_premium_sla", "po_sla_monitoring"),
                children.stream().map(ResolvedProduct::offeringId).toList());
        assertEquals(new ResolvedValue("routerModel", "CPE-8500", ValueSource.DERIVED, "ROUTER-FOR-10G"),
                valueOf(children.get(1), "routerModel"));
        assertEquals(List.of("CPE-8500"), options(children.get(1), "routerModel").allowedValues());
        assertEquals(ValueSource.DERIVED, children.get(3).source());
        assertEquals("PREMIUM-SLA-MONITORING", children.get(3).derivedBy());
        assertEquals("children[3]", children.get(3).target());
        ChildOptions basic = childOptions(done.configuration(), "po_basic_router");
        assertFalse(basic.addable());
        assertEquals("ROUTER-ONE-KIND", basic.ruleId());

        // what the quote receives: the resolved configuration, derived values and child included
        ConfigurationCheck quoted = check(bundle(fiber("bandwidthMbps", "10000", "staticIpBlock", "/28", "siteId", "HQ"),
                product("po_managed_router", Map.of()), product("po_premium_sla", Map.of())));
        assertTrue(quoted.valid(), quoted::toString);
        ConfiguredProduct router = quoted.product().children().get(1);
        assertEquals("CPE-8500", router.characteristics().get("routerModel"));
        assertEquals("po_sla_monitoring", quoted.product().children().get(3).offeringId());
        assertEquals(Map.of("reportingInterval", "MONTHLY"), quoted.product().children().get(3).characteristics());
    }

    @Test
    void theEvaluationTravelsAsTheJsonTheApiPromises() {
        UUID version = UUID.randomUUID();
        ConfigurationEvaluationRequest request = Json.read("{\"catalogVersionId\":\"" + version + "\","
                + "\"offeringId\":\"po_connectivity_bundle\",\"children\":[{\"offeringId\":\"po_enterprise_fiber\","
                + "\"characteristics\":{\"bandwidthMbps\":\"100\",\"staticIpBlock\":\"/28\"}}]}",
                ConfigurationEvaluationRequest.class);
        assertEquals(version, request.catalogVersionId());
        assertEquals(Map.of(), request.characteristics());
        assertNull(request.quantity());
        assertThrows(JsonbException.class, () -> Json.read("{\"catalogVersionId\":\"nope\",\"offeringId\":\"x\"}",
                ConfigurationEvaluationRequest.class));

        String json = Json.write(evaluate(request.configuration()));
        for (String field : List.of("\"status\":\"INVALID\"", "\"ruleId\":\"STATIC-IP-BANDWIDTH\"",
                "\"excludedValues\":[", "\"allowedValues\":[", "\"childOptions\":[", "\"addable\":true",
                "\"source\":\"USER\"", "\"source\":\"DEFAULT\"", "\"target\":\"children[0].characteristics.siteId\"")) {
            assertTrue(json.contains(field), () -> field + " in " + json);
        }
        assertEquals(evaluate(request.configuration()), Json.read(json, ConfigurationEvaluation.class),
                "the answer reads back as it was written");
    }

    @Test
    void aQuoteItemThatBreaksARuleIsRefusedWithTheExplanation() {
        ConfigurationCheck check = check(bundle(fiber("bandwidthMbps", "100", "staticIpBlock", "/28", "siteId", "HQ"),
                product("po_managed_router", Map.of())));

        assertNull(check.product());
        assertEquals(1, check.violations().size());
        assertEquals("RULE_REQUIRES_VIOLATED", check.violations().get(0).rule());
        assertEquals("item.children[0].characteristics.bandwidthMbps", check.violations().get(0).target());
        assertEquals(STATIC_IP_EXPLANATION, check.violations().get(0).message());
    }

    @Test
    void aChosenRouterModelThatContradictsTheDerivedOneIsRefused() {
        ConfigurationCheck check = check(bundle(fiber("bandwidthMbps", "10000", "siteId", "HQ"),
                product("po_managed_router", Map.of("routerModel", "CPE-4300"))));

        assertEquals(List.of("RULE_DERIVATION_CONFLICT"), check.violations().stream().map(v -> v.rule()).toList());
        assertEquals("A 10000 Mbps line needs the CPE-8500 router: rule ROUTER-FOR-10G derives "
                + "po_managed_router.routerModel = CPE-8500, not CPE-4300.", check.violations().get(0).message());
    }

    @Test
    void aBasicRouterAndAManagedRouterExcludeEachOtherInTheBundle() {
        ConfigurationEvaluation both = evaluate(bundle(fiber("siteId", "HQ"), product("po_managed_router", Map.of()),
                product("po_basic_router", Map.of())));

        assertEquals(ConfigurationStatus.INVALID, both.status());
        assertEquals("ROUTER-ONE-KIND", both.violations().get(0).ruleId());
        assertEquals("RULE_EXCLUDES_VIOLATED", both.violations().get(0).code());
        assertEquals("children[1].offeringId", both.violations().get(0).target());

        assertEquals(ConfigurationStatus.COMPLETE, evaluate(bundle(fiber("siteId", "HQ"),
                product("po_basic_router", Map.of()))).status());
    }

    @Test
    void thePremiumSlaNeedsAManagedRouter() {
        ConfigurationEvaluation evaluation = evaluate(bundle(fiber("siteId", "HQ"), product("po_premium_sla", Map.of())));

        assertEquals(ConfigurationStatus.INCOMPLETE, evaluation.status());
        assertEquals(List.of("PREMIUM-SLA-MANAGED-ROUTER"), evaluation.missing().stream().map(ConfigurationIssue::ruleId).toList());
        assertEquals("Premium SLA is delivered over a managed router: rule PREMIUM-SLA-MANAGED-ROUTER requires "
                + "po_managed_router.", evaluation.missing().get(0).message());
    }

    @Test
    void aShortContractExcludesTenGigabit() {
        ConfigurationEvaluation evaluation = evaluate(fiber("contractTermMonths", "12", "siteId", "HQ"));

        CharacteristicOptions bandwidth = options(evaluation.configuration(), "bandwidthMbps");
        assertEquals(List.of("100", "200", "500", "1000"), bandwidth.allowedValues());
        assertEquals(List.of(new ExcludedValue("10000", "TERM-10G", "10 Gbps needs a contract term of at least 24 months, "
                + "not 12: rule TERM-10G excludes bandwidthMbps in [10000].")), bandwidth.excludedValues());
    }

    @Test
    void theOrderFlowAndBenchmarkBundlesStayValidAndGainTheirSlaMonitoring() {
        // OrderFlowIT: fiber 500 Mbps PREMIUM tier, router CPE-4300, Premium SLA
        ConfigurationCheck orderFlow = check(bundle(fiber("bandwidthMbps", "500", "slaTier", "PREMIUM", "siteId", "site-branch"),
                product("po_managed_router", Map.of("routerModel", "CPE-4300")), product("po_premium_sla", Map.of())));
        // OrderBench: fiber 1000 Mbps, router with its defaults, Premium SLA
        ConfigurationCheck bench = check(bundle(fiber("bandwidthMbps", "1000", "siteId", "bench-site"),
                product("po_managed_router", Map.of()), product("po_premium_sla", Map.of())));

        for (ConfigurationCheck check : List.of(orderFlow, bench)) {
            assertTrue(check.valid(), check::toString);
            assertEquals(List.of("po_enterprise_fiber", "po_managed_router", "po_premium_sla", "po_sla_monitoring"),
                    check.product().children().stream().map(ConfiguredProduct::offeringId).toList());
        }
        assertEquals("CPE-4300", orderFlow.product().children().get(1).characteristics().get("routerModel"));
        assertEquals("CPE-1100", bench.product().children().get(1).characteristics().get("routerModel"));

        // a single fiber line (most of OrderFlowIT) is unaffected by the rules
        ConfigurationCheck line = check(fiber("bandwidthMbps", "500", "slaTier", "PREMIUM", "siteId", "site-hq"));
        assertTrue(line.valid(), line::toString);
        assertEquals(List.of(), line.product().children());
    }
}
