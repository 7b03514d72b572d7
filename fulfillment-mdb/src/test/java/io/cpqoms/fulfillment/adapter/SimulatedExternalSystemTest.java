package io.cpqoms.fulfillment.adapter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimulatedExternalSystemTest {

    private static SimulatedExternalSystem system(String name, SimulatedExternalSystem.Outcome outcome) {
        return new SimulatedExternalSystem(name, new SimulatedExternalSystem.Behaviour(Duration.ZERO, outcome));
    }

    private static AdapterRequest request(String externalRequestId) {
        return new AdapterRequest(externalRequestId, "corr-1", "ORD-000042", "ACCESS_CIRCUIT_PROVISIONING", "ADD",
                Map.of("siteId", "SITE-1"));
    }

    @Test
    void theSameRequestAlwaysGetsTheSameReference() {
        SimulatedExternalSystem network = system("network-provisioning", SimulatedExternalSystem.Outcome.COMPLETE);

        AdapterOutcome first = network.execute(request("order:item:1"));
        AdapterOutcome again = network.execute(request("order:item:1"));
        AdapterOutcome fromAnotherInstance = system("network-provisioning", SimulatedExternalSystem.Outcome.COMPLETE)
                .execute(request("order:item:1"));

        assertEquals(AdapterOutcome.Result.COMPLETED, first.result());
        assertEquals(first.externalReference(), again.externalReference());
        assertEquals(first.externalReference(), fromAnotherInstance.externalReference());
    }

    @Test
    void anotherRequestGetsAnotherReference() {
        SimulatedExternalSystem network = system("network-provisioning", SimulatedExternalSystem.Outcome.COMPLETE);

        assertNotEquals(network.execute(request("order:item:1")).externalReference(),
                network.execute(request("order:item:2")).externalReference());
        assertNotEquals(network.execute(request("order:item:1")).externalReference(),
                system("billing", SimulatedExternalSystem.Outcome.COMPLETE).execute(request("order:item:1")).externalReference(),
                "references are the system's own");
    }

    @Test
    void aReferenceStartsWithTheSystemsName() {
        String reference = system("ip-address-management", SimulatedExternalSystem.Outcome.COMPLETE)
                .execute(request("r")).externalReference();
        assertTrue(reference.matches("IPAD-[0-9A-F]{12}"), reference);
        assertTrue(system("it", SimulatedExternalSystem.Outcome.COMPLETE).execute(request("r"))
                .externalReference().matches("IT-[0-9A-F]{12}"));
    }

    @Test
    void aCompletionSaysItWasSimulated() {
        AdapterOutcome outcome = system("billing", SimulatedExternalSystem.Outcome.COMPLETE).execute(request("r"));
        assertEquals(Map.of("system", "billing", "simulated", "true"), outcome.details());
        assertNull(outcome.code());
        assertEquals("billing", system("billing", SimulatedExternalSystem.Outcome.COMPLETE).system());
    }

    @Test
    void aRejectingSystemAnswersResourceUnavailable() {
        AdapterOutcome outcome = system("logistics", SimulatedExternalSystem.Outcome.REJECT).execute(request("r"));

        assertEquals(AdapterOutcome.Result.REJECTED, outcome.result());
        assertEquals("RESOURCE_UNAVAILABLE", outcome.code());
        assertNull(outcome.externalReference());
        assertTrue(outcome.message().contains("logistics") && outcome.message().contains("ACCESS_CIRCUIT_PROVISIONING")
                && outcome.message().contains("ORD-000042"), outcome.message());
    }

    private static AdapterRequest atSite(String site, int attempt) {
        return new AdapterRequest("order:item:" + attempt, "corr-1", "ORD-000042", "ROUTER_SHIPMENT", "ADD",
                Map.of(SimulatedExternalSystem.SITE, site));
    }

    @Test
    void aSiteIdScriptsTheNamedSystemOnly() {
        String site = "branch-7 sim:logistics=reject,billing=async";
        SimulatedExternalSystem logistics = system("logistics", SimulatedExternalSystem.Outcome.COMPLETE);
        AdapterOutcome refused = logistics.execute(atSite(site, 1));
        assertEquals(AdapterOutcome.Result.REJECTED, refused.result());
        assertEquals("RESOURCE_UNAVAILABLE", refused.code());
        assertEquals(AdapterOutcome.Result.REJECTED, logistics.execute(atSite(site, 2)).result(), "every attempt");
        assertEquals(AdapterOutcome.Result.ACCEPTED,
                system("billing", SimulatedExternalSystem.Outcome.COMPLETE).execute(atSite(site, 1)).result());
        assertEquals(AdapterOutcome.Result.COMPLETED,
                system("network-provisioning", SimulatedExternalSystem.Outcome.COMPLETE).execute(atSite(site, 1)).result());
    }

    @Test
    void rejectFirstRefusesTheFirstAttemptAndCompletesARetry() {
        SimulatedExternalSystem logistics = system("logistics", SimulatedExternalSystem.Outcome.COMPLETE);
        assertEquals(AdapterOutcome.Result.REJECTED, logistics.execute(atSite("sim:logistics=reject-first", 1)).result());
        assertEquals(AdapterOutcome.Result.COMPLETED, logistics.execute(atSite("sim:logistics=reject-first", 2)).result());
        assertEquals(AdapterOutcome.Result.COMPLETED, logistics.execute(atSite("site-without-script", 1)).result());
    }
}
