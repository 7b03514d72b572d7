package io.cpqoms.web;

import io.cpqoms.kernel.JsonBody;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cpqoms.catalog.api.CatalogDocument;
import io.cpqoms.catalog.api.LineAction;
import io.cpqoms.kernel.DomainException;
import io.cpqoms.kernel.Violation;
import io.cpqoms.order.api.CancellationRequest;
import io.cpqoms.order.api.DirectOrder;
import io.cpqoms.order.api.FalloutResolution;
import io.cpqoms.order.api.OrderPriority;
import io.cpqoms.order.api.OrderType;
import io.cpqoms.quote.api.NewQuote;
import io.cpqoms.quote.api.NewQuoteItems;
import io.cpqoms.quote.api.PriceOverrideRequest;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Request bodies read as the server reads them: strictly, within bounds, then validated. */
class JsonBodyTest {

    private static <T> T read(String json, Class<T> type) {
        T body = JsonBody.read(json, type);
        JsonBody.validate(body);
        return body;
    }

    private static DomainException refused(String json, Class<?> type) {
        return assertThrows(DomainException.class, () -> read(json, type));
    }

    private static List<String> rules(DomainException e) {
        return e.violations().stream().map(v -> v.target() + ":" + v.rule()).toList();
    }

    @Test
    void aDirectOrderIsBoundWithItsTypeLinesAndPriority() {
        DirectOrder order = read("""
                {"orderType":"NEW","customerId":"cust-1","priority":"HIGH","requestedCompletionDate":"2027-01-31",
                 "lines":[{"action":"ADD","offeringId":"po_enterprise_fiber","quantity":2,
                           "characteristics":{"bandwidthMbps":"500"}}]}""", DirectOrder.class);
        assertEquals(OrderType.NEW, order.orderType());
        assertEquals(OrderPriority.HIGH, order.priority());
        assertEquals(LineAction.ADD, order.lines().get(0).action());
        assertEquals(new BigDecimal("2"), order.lines().get(0).quantity());
        assertEquals("500", order.lines().get(0).configuration().characteristics().get("bandwidthMbps"));
    }

    @Test
    void aHugeExponentIsRefusedBeforeAnythingFormatsIt() {
        DomainException e = refused("{\"priceId\":\"p\",\"amount\":1e-1000000000,\"reason\":\"x\"}", PriceOverrideRequest.class);
        assertEquals(JsonBody.INVALID_REQUEST_BODY, e.code());
        assertEquals(List.of("amount:" + JsonBody.NUMBER_OUT_OF_RANGE), rules(e));
        assertTrue(e.getMessage().length() < 200, e.getMessage());
        assertEquals(List.of("amount:" + JsonBody.NUMBER_OUT_OF_RANGE),
                rules(refused("{\"priceId\":\"p\",\"amount\":1e1000000,\"reason\":\"x\"}", PriceOverrideRequest.class)));
        assertEquals(List.of("amount:" + JsonBody.NUMBER_OUT_OF_RANGE),
                rules(refused("{\"priceId\":\"p\",\"amount\":" + "9".repeat(400) + ",\"reason\":\"x\"}", PriceOverrideRequest.class)));
    }

    @Test
    void numbersBeyondTheColumnsPrecisionBreakTheirDigits() {
        assertEquals(List.of("amount:DIGITS"), rules(refused(
                "{\"priceId\":\"p\",\"amount\":123456789012345678.5,\"reason\":\"x\"}", PriceOverrideRequest.class)));
        assertEquals(List.of("lines[0].quantity:DIGITS"), rules(refused(
                "{\"customerId\":\"c\",\"lines\":[{\"offeringId\":\"po\",\"quantity\":1.0000001}]}", DirectOrder.class)));
    }

    @Test
    void nestingIsBounded() {
        String deep = "{\"customerId\":\"c\",\"lines\":" + "[".repeat(2000) + "]".repeat(2000) + "}";
        assertEquals(JsonBody.JSON_TOO_DEEP, refused(deep, DirectOrder.class).code());
        String bundles = "{\"offeringId\":\"po\"" + ",\"children\":[{\"offeringId\":\"po\"".repeat(40) + "}]".repeat(40) + "}";
        assertEquals(JsonBody.JSON_TOO_DEEP, refused(bundles, io.cpqoms.catalog.api.ConfigurationRequest.class).code());
    }

    @Test
    void controlCharactersAndLoneSurrogatesAreRefused() {
        assertEquals(List.of("reason:" + JsonBody.CONTROL_CHARACTER),
                rules(refused("{\"reason\":\"a\\u0000b\",\"initiator\":\"CUSTOMER\"}", CancellationRequest.class)));
        assertEquals(List.of("reason:" + JsonBody.CONTROL_CHARACTER),
                rules(refused("{\"reason\":\"a\\ud800b\",\"initiator\":\"CUSTOMER\"}", CancellationRequest.class)));
        assertEquals("line one\nline two", read("{\"reason\":\"line one\\nline two\",\"initiator\":\"CUSTOMER\"}",
                CancellationRequest.class).reason(), "line breaks are text");
        assertEquals("\uD83D\uDE80", read("{\"reason\":\"\\ud83d\\ude80\",\"initiator\":\"CUSTOMER\"}",
                CancellationRequest.class).reason(), "a surrogate pair is a character");
    }

    @Test
    void aValueOfTheWrongTypeIsNotConverted() {
        DomainException e = refused("{\"customerId\":123,\"channel\":\"DIRECT_SALES\"}", NewQuote.class);
        assertEquals(JsonBody.INVALID_REQUEST_BODY, e.code());
        assertEquals(List.of("customerId:" + JsonBody.WRONG_TYPE), rules(e));
        assertEquals(List.of("items[0]:" + JsonBody.WRONG_TYPE, "items[1]:" + JsonBody.WRONG_TYPE),
                rules(refused("{\"items\":[\"\", true]}", NewQuoteItems.class)), "no item is silently dropped");
    }

    @Test
    void aRefusalListsABoundedNumberOfViolations() {
        String items = "{\"items\":[" + "1,".repeat(100_000) + "1]}";
        DomainException e = refused(items, NewQuoteItems.class);
        assertEquals(JsonBody.MAX_VIOLATIONS, e.violations().size());
        assertTrue(e.getMessage().length() < 400, e.getMessage());
    }

    @Test
    void anUnknownFieldIsNamed() {
        DomainException e = refused("{\"customerId\":\"c\",\"channel\":\"DIRECT_SALES\",\"discount\":99}", NewQuote.class);
        assertEquals(JsonBody.UNKNOWN_FIELD, e.code());
        assertEquals(List.of("discount:" + JsonBody.UNKNOWN_FIELD), rules(e));
        assertTrue(e.violations().get(0).allowedValues().contains("customerId"));
    }

    @Test
    void aNullMapValueIsRefusedLikeANullArrayElement() {
        DomainException e = refused("{\"customerId\":\"c\",\"lines\":[{\"offeringId\":\"po\",\"characteristics\":"
                + "{\"siteId\":\"HQ\",\"orderTyp\":null}}]}", DirectOrder.class);
        assertEquals(JsonBody.INVALID_REQUEST_BODY, e.code());
        assertEquals(List.of("lines[0].characteristics.orderTyp:" + JsonBody.WRONG_TYPE), rules(e));
    }

    @Test
    void aFalloutResolutionIsBoundWithItsCorrections() {
        FalloutResolution retry = read("{\"action\":\"RETRY_ITEM\"}", FalloutResolution.class);
        assertEquals(FalloutResolution.Action.RETRY_ITEM, retry.action());
        assertEquals(java.util.Map.of(), retry.corrections());
        FalloutResolution correction = read("{\"action\":\"CORRECT_ORDER_DATA\",\"note\":\"typo\","
                + "\"corrections\":{\"characteristic.siteId\":\"hq\"}}", FalloutResolution.class);
        assertEquals(java.util.Map.of("characteristic.siteId", "hq"), correction.corrections());
        assertEquals("typo", correction.note());
    }

    @Test
    void anEnumeratedFieldListsItsValues() {
        DomainException e = refused("{\"action\":\"EDIT_DATABASE\"}", FalloutResolution.class);
        Violation violation = e.violations().get(0);
        assertEquals("action", violation.target());
        assertEquals(JsonBody.VALUE_NOT_ALLOWED, violation.rule());
        assertEquals(List.of("RETRY_ITEM", "SKIP_ITEM", "CORRECT_ORDER_DATA", "REQUEST_CUSTOMER_INFO", "CANCEL_ORDER", "MARK_RESOLVED", "ESCALATE",
                "RESEND_BILLING_TRIGGER"), violation.allowedValues());
        assertEquals(List.of("lines[0].action:" + JsonBody.VALUE_NOT_ALLOWED), rules(refused(
                "{\"customerId\":\"c\",\"lines\":[{\"action\":\"REPLACE\",\"offeringId\":\"po\"}]}", DirectOrder.class)));
    }

    @Test
    void datesLieWithinWhatTheDatabaseStores() {
        assertEquals(List.of("validUntil:" + JsonBody.DATE_OUT_OF_RANGE), rules(refused(
                "{\"customerId\":\"c\",\"channel\":\"DIRECT_SALES\",\"validUntil\":\"+275760-09-13\"}", NewQuote.class)));
        assertEquals(List.of("validUntil:" + JsonBody.WRONG_TYPE), rules(refused(
                "{\"customerId\":\"c\",\"channel\":\"DIRECT_SALES\",\"validUntil\":\"2026-02-30\"}", NewQuote.class)));
    }

    @Test
    void requiredFieldsAndColumnSizesAreDeclaredOnce() {
        DomainException e = refused("{\"customerId\":\"" + "c".repeat(81) + "\",\"channel\":\"nope\"}", NewQuote.class);
        assertEquals(List.of("channel:PATTERN", "customerId:SIZE"), rules(e));
        assertEquals(List.of("initiator:NOT_NULL", "reason:NOT_BLANK"), rules(refused("{\"reason\":\" \"}", CancellationRequest.class)));
        assertEquals(List.of("reason:SIZE"), rules(refused("{\"reason\":\"" + "x".repeat(5_000_000)
                .substring(0, 90_000) + "\",\"initiator\":\"CUSTOMER\"}", CancellationRequest.class)));
    }

    @Test
    void malformedBodiesHaveTheirOwnCode() {
        assertEquals(JsonBody.MALFORMED_JSON, refused("{\"customerId\":", NewQuote.class).code());
        assertEquals(JsonBody.MALFORMED_JSON, refused("[]", NewQuote.class).code());
        assertEquals(JsonBody.MALFORMED_JSON, refused("{} trailing", NewQuote.class).code());
        assertEquals(JsonBody.INVALID_REQUEST_BODY, refused("  ", NewQuote.class).code());
    }

    @Test
    void theDemoCatalogIsAWellFormedDocument() throws Exception {
        CatalogDocument document = JsonBody.read(Files.readString(Path.of("../server-config/src/main/demo/demo-catalog.json")),
                CatalogDocument.class);
        assertTrue(document.productOfferings().size() >= 10);
        assertNull(JsonBody.read("{\"productOfferings\":[]}", CatalogDocument.class).taxRatePercent());
    }
}
