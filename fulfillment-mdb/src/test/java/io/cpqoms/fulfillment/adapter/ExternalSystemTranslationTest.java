package io.cpqoms.fulfillment.adapter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cpqoms.fulfillment.adapter.AdapterOutcome.Result;
import io.cpqoms.fulfillment.adapter.ExternalSystemApi.Answer;
import org.junit.jupiter.api.Test;

class ExternalSystemTranslationTest {

    private static AdapterOutcome submitted(int status, String state, String reference, String code) {
        return ExternalSystemTranslation.submitted("network-provisioning", status, new Answer(state, reference, code, "msg"));
    }

    @Test
    void eachAnswerHasItsPlaceInTheTaxonomy() {
        assertEquals(Result.COMPLETED, submitted(200, "COMPLETED", "NETW-1", null).result());
        assertEquals("NETW-1", submitted(200, "COMPLETED", "NETW-1", null).externalReference());
        assertEquals(Result.ACCEPTED, submitted(202, "ACCEPTED", null, null).result());
        AdapterOutcome duplicate = submitted(409, null, "NETW-1", "DUPLICATE_REQUEST");
        assertEquals(Result.DUPLICATE, duplicate.result());
        assertEquals("NETW-1", duplicate.externalReference());
        assertTrue(duplicate.done(), "a duplicate is the work done before");
        assertEquals(Result.RETRYABLE, submitted(503, null, null, "UNAVAILABLE").result());
        assertEquals(Result.RETRYABLE, submitted(429, null, null, null).result());
        assertEquals(Result.UNKNOWN, submitted(504, null, null, null).result(), "a gateway timeout may have done the work");
        assertEquals(Result.UNKNOWN, submitted(500, null, null, null).result());
        assertEquals(Result.INVALID, submitted(400, null, null, "ERR_400_REQUEST_SCHEMA").result());
        assertEquals(Result.INVALID, submitted(404, null, null, null).result());
        assertEquals(Result.INVALID, submitted(200, "COMPLETED", null, null).result(), "done without a reference is not done");
    }

    @Test
    void aSystemsRefusalCodeBecomesTheDomainsCode() {
        AdapterOutcome refused = submitted(422, null, null, "ERR_771_PORT_OCCUPIED");
        assertEquals(Result.REJECTED, refused.result());
        assertEquals("RESOURCE_UNAVAILABLE", refused.code());
        assertTrue(refused.message().contains("ERR_771_PORT_OCCUPIED"), "the system's own code stays in the message");
        assertEquals("RESOURCE_UNAVAILABLE", ExternalSystemTranslation.submitted("ip-address-management", 422,
                new Answer(null, null, "IPAM-POOL-EXHAUSTED", null)).code());
        assertEquals("ACCOUNT_NOT_BILLABLE", ExternalSystemTranslation.submitted("billing", 422,
                new Answer(null, null, "BIL-4091-ACCOUNT-NOT-BILLABLE", null)).code());
        assertEquals(ExternalSystemTranslation.EXTERNAL_REFUSAL, submitted(422, null, null, "ERR_999_NEW").code());
        assertEquals(ExternalSystemTranslation.EXTERNAL_REFUSAL, submitted(422, null, null, null).code());
    }

    @Test
    void aLookUpTellsDoneFailedPendingOrNeverSeen() {
        assertEquals(Result.COMPLETED, ExternalSystemTranslation.found("logistics", 200,
                new Answer("COMPLETED", "LOGI-1", null, null)).result());
        AdapterOutcome failed = ExternalSystemTranslation.found("logistics", 200, new Answer("FAILED", null, "LGX_STOCK_OUT", null));
        assertEquals(Result.REJECTED, failed.result());
        assertEquals("EQUIPMENT_OUT_OF_STOCK", failed.code());
        assertEquals(Result.ACCEPTED, ExternalSystemTranslation.found("logistics", 200, new Answer("ACCEPTED", null, null, null)).result());
        AdapterOutcome never = ExternalSystemTranslation.found("logistics", 404, null);
        assertEquals(Result.UNKNOWN, never.result());
        assertEquals(ExternalSystemTranslation.NOT_FOUND, never.code());
        assertEquals(Result.RETRYABLE, ExternalSystemTranslation.found("logistics", 503, null).result());
    }
}
