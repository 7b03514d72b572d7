package io.cpqoms.web.eligibility;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cpqoms.catalog.api.AccountStandingUpdate;
import io.cpqoms.catalog.api.EligibilityCheckRequest;
import io.cpqoms.catalog.api.EligibilityRequest;
import io.cpqoms.kernel.DomainException;
import io.cpqoms.kernel.JsonBody;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The request bodies of the eligibility resources, read as a client sends them. */
class EligibilityBodiesTest {

    @Test
    void theSeedsInputIsACheckOfOneOffering() {
        EligibilityRequest request = JsonBody.read("""
                {"customerId": "cus_123", "accountId": "acc_456", "channel": "DIRECT_SALES", "locationId": "loc_789",
                 "productOfferingId": "po_enterprise_fiber_1g", "requestedAt": "2026-07-02T10:00:00+07:00"}""",
                EligibilityCheckRequest.class).toRequest();
        assertEquals("cus_123", request.customerId());
        assertEquals("acc_456", request.accountId());
        assertEquals("DIRECT_SALES", request.channel());
        assertEquals("loc_789", request.locationId());
        assertEquals(List.of("po_enterprise_fiber_1g"), request.productOfferingIds());
        assertEquals(Instant.parse("2026-07-02T03:00:00Z"), request.requestedAt());
        assertNull(request.customerSegment());
        assertNull(request.catalogVersionId());
        assertFalse(request.unknownSegmentAllowed(), "the check API always asks for a known segment");
    }

    @Test
    void severalOfferingsASegmentAndAVersionMayBeNamed() {
        UUID version = UUID.randomUUID();
        EligibilityRequest request = JsonBody.read("{\"channel\":\"PARTNER\",\"productOfferingId\":\"po_a\","
                + "\"productOfferingIds\":[\"po_b\",\"po_a\"],\"customerSegment\":\"SMB\",\"catalogVersionId\":\"" + version
                + "\",\"requestedAt\":\"2026-07-02T10:00:00Z\"}", EligibilityCheckRequest.class).toRequest();
        assertEquals(List.of("po_a", "po_b", "po_a"), request.productOfferingIds(), "the catalog answers each once");
        assertEquals("SMB", request.customerSegment());
        assertEquals(version, request.catalogVersionId());
        assertEquals(Instant.parse("2026-07-02T10:00:00Z"), request.requestedAt());
    }

    @Test
    void aCheckWithoutOfferingsReachesTheCatalogEmpty() {
        assertEquals(List.of(), JsonBody.read("{\"channel\":\"PARTNER\"}", EligibilityCheckRequest.class).toRequest()
                .productOfferingIds());
    }

    @Test
    void aWrongInstantIsABadRequest() {
        DomainException e = assertThrows(DomainException.class, () -> JsonBody.read(
                "{\"channel\":\"PARTNER\",\"requestedAt\":\"tomorrow\"}", EligibilityCheckRequest.class));
        assertEquals(JsonBody.INVALID_REQUEST_BODY, e.code());
    }

    @Test
    void anAccountStandingStatementIsRead() {
        AccountStandingUpdate update = JsonBody.read("""
                {"customerId": "cus_123", "customerSegment": "ENTERPRISE", "outstandingDebt": 120.50, "currency": "IDR",
                 "asOf": "2026-07-01T08:00:00+07:00"}""", AccountStandingUpdate.class);
        assertEquals("cus_123", update.customerId());
        assertEquals("ENTERPRISE", update.customerSegment());
        assertEquals(0, new BigDecimal("120.50").compareTo(update.outstandingDebt()));
        assertEquals("IDR", update.currency());
        assertEquals(Instant.parse("2026-07-01T01:00:00Z"), update.asOf());
    }
}
