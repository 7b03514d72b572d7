package io.cpqoms.fulfillment.adapter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FulfillmentAdaptersTest {

    private final Map<String, String> settings = new HashMap<>();
    private final FulfillmentAdapters adapters = new FulfillmentAdapters(settings::get);

    private static final AdapterRequest REQUEST = new AdapterRequest("order:item:1", "corr", "ORD-1", "IP_ALLOCATION",
            "ADD", Map.of());

    private static SimulatedExternalSystem.Behaviour behaviour(FulfillmentAdapter adapter) {
        return ((SimulatedExternalSystem) adapter).behaviour();
    }

    private Duration latency(String system) {
        return behaviour(adapters.adapterFor(system)).latency();
    }

    private AdapterOutcome.Result result(String system) {
        return adapters.adapterFor(system).execute(REQUEST).result();
    }

    @Test
    void withoutSettingsASystemCompletesAtOnce() {
        FulfillmentAdapter adapter = adapters.adapterFor("ip-address-management");

        assertEquals("ip-address-management", adapter.system());
        assertEquals(new SimulatedExternalSystem.Behaviour(Duration.ZERO, SimulatedExternalSystem.Outcome.COMPLETE),
                behaviour(adapter));
        assertEquals(AdapterOutcome.Result.COMPLETED, adapter.execute(REQUEST).result());
    }

    @Test
    void aSystemsOwnLatencyWinsOverTheGlobalOne() {
        settings.put("cpq.simulator.latency-ms", "250");
        settings.put("cpq.simulator.billing.latency-ms", "40");

        assertEquals(Duration.ofMillis(40), latency("billing"));
        assertEquals(Duration.ofMillis(250), latency("logistics"), "a system without its own setting uses the global one");
    }

    @Test
    void aBlankSystemLatencyFallsBackToTheGlobalOne() {
        settings.put("cpq.simulator.latency-ms", " 75 ");
        settings.put("cpq.simulator.billing.latency-ms", "  ");
        assertEquals(Duration.ofMillis(75), latency("billing"));
    }

    @Test
    void aSystemLatencyOfZeroOverridesTheGlobalOne() {
        settings.put("cpq.simulator.latency-ms", "5000");
        settings.put("cpq.simulator.billing.latency-ms", "0");
        assertEquals(Duration.ZERO, latency("billing"));
    }

    @Test
    void aNegativeLatencyMeansNone() {
        settings.put("cpq.simulator.billing.latency-ms", "-20");
        assertEquals(Duration.ZERO, latency("billing"));
    }

    @Test
    void aLatencyThatIsNoNumberIsRefused() {
        settings.put("cpq.simulator.billing.latency-ms", "fast");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> adapters.adapterFor("billing"));
        assertTrue(e.getMessage().contains("billing") && e.getMessage().contains("fast"), e.getMessage());

        settings.clear();
        settings.put("cpq.simulator.latency-ms", "1.5s");
        assertThrows(IllegalStateException.class, () -> adapters.adapterFor("logistics"));
    }

    @Test
    void theOutcomeIsSetPerSystem() {
        settings.put("cpq.simulator.logistics.outcome", "REJECT");

        assertEquals(AdapterOutcome.Result.REJECTED, result("logistics"));
        assertEquals("RESOURCE_UNAVAILABLE", adapters.adapterFor("logistics").execute(REQUEST).code());
        assertEquals(AdapterOutcome.Result.COMPLETED, result("billing"));
    }

    @Test
    void theOutcomeIsReadWhateverItsCase() {
        settings.put("cpq.simulator.logistics.outcome", " reject ");
        settings.put("cpq.simulator.billing.outcome", "complete");
        assertEquals(AdapterOutcome.Result.REJECTED, result("logistics"));
        assertEquals(AdapterOutcome.Result.COMPLETED, result("billing"));
    }

    @Test
    void anUnknownOutcomeIsRefused() {
        settings.put("cpq.simulator.logistics.outcome", "MAYBE");
        assertThrows(IllegalStateException.class, () -> adapters.adapterFor("logistics"));
    }

    @Test
    void settingsAreReadAgainForEveryAdapter() {
        assertEquals(AdapterOutcome.Result.COMPLETED, result("logistics"));
        settings.put("cpq.simulator.logistics.outcome", "REJECT");
        assertEquals(AdapterOutcome.Result.REJECTED, result("logistics"));
        settings.remove("cpq.simulator.logistics.outcome");
        assertEquals(AdapterOutcome.Result.COMPLETED, result("logistics"));
    }
}
