package io.cpqoms.order.domain;

import static io.cpqoms.order.domain.OrderValidation.NO_DUPLICATE;
import static io.cpqoms.order.domain.OrderValidation.PRODUCT_ORDERABLE;
import static io.cpqoms.order.domain.OrderValidation.REQUIRED_DATA;
import static io.cpqoms.order.domain.OrderValidation.SOURCE_QUOTE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cpqoms.catalog.api.LineAction;
import io.cpqoms.kernel.Violation;
import io.cpqoms.order.api.OrderType;
import io.cpqoms.order.api.Severity;
import io.cpqoms.order.api.ValidationCheck;
import io.cpqoms.order.domain.OrderValidation.Outcome;
import io.cpqoms.order.domain.OrderValidation.SourceQuote;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OrderValidationTest {

    private static final UUID QUOTE = UUID.fromString("00000000-0000-0000-0000-00000000a001");
    private static final UUID ACCEPTANCE = UUID.fromString("00000000-0000-0000-0000-00000000acc1");
    private static final SourceQuote ACCEPTED_REVISION_2 = new SourceQuote(true, 2, ACCEPTANCE);

    // --- drafts -----------------------------------------------------------------------------

    private static LineDraft fiberLine() {
        return new LineDraft(UUID.randomUUID(), null, null, "1", LineAction.ADD, "po_enterprise_fiber",
                "Enterprise Fiber Internet", "ps_fiber_access", BigDecimal.ONE, Map.of("siteId", "S"), null);
    }

    private static OrderDraft draft(UUID quoteId, Integer revision, UUID acceptanceId, String customerId, String accountId,
                                    List<LineDraft> lines) {
        return new OrderDraft(OrderType.NEW, customerId, accountId, UUID.randomUUID(),
                quoteId, quoteId == null ? null : "Q-0001", revision, acceptanceId, null, null, null, null, null, lines);
    }

    /** An order from revision 2 of the quote, under its recorded acceptance. */
    private static OrderDraft fromQuote() {
        return draft(QUOTE, 2, ACCEPTANCE, "CUST-1", "ACC-1", List.of(fiberLine()));
    }

    private static OrderDraft direct() {
        return draft(null, null, null, "CUST-1", "ACC-1", List.of(fiberLine()));
    }

    private static OrderDraft withCustomer(OrderDraft d, String customerId, String accountId) {
        return new OrderDraft(d.orderType(), customerId, accountId, d.catalogVersionId(), d.sourceQuoteId(),
                d.sourceQuoteNumber(), d.sourceQuoteRevision(), d.acceptanceId(), d.acceptedAt(), d.acceptedBy(),
                d.priority(), d.requestedCompletionDate(), d.priceSnapshot(), d.lines());
    }

    private static OrderDraft withoutLines(OrderDraft d) {
        return new OrderDraft(d.orderType(), d.customerId(), d.accountId(), d.catalogVersionId(), d.sourceQuoteId(),
                d.sourceQuoteNumber(), d.sourceQuoteRevision(), d.acceptanceId(), d.acceptedAt(), d.acceptedBy(),
                d.priority(), d.requestedCompletionDate(), d.priceSnapshot(), List.of());
    }

    private static Outcome validate(OrderDraft draft, SourceQuote source) {
        return OrderValidation.validate(draft, source, List.of(), null);
    }

    private static List<String> codes(Outcome outcome) {
        return outcome.findings().stream().map(ValidationCheck::code).toList();
    }

    private static ValidationCheck only(Outcome outcome) {
        assertEquals(1, outcome.findings().size(), () -> "expected one finding, got " + outcome.findings());
        return outcome.findings().get(0);
    }

    // --- clean orders -----------------------------------------------------------------------

    @Test
    void aCleanQuoteOrderPassesEveryCheck() {
        Outcome outcome = validate(fromQuote(), ACCEPTED_REVISION_2);

        assertEquals(List.of(), outcome.findings());
        assertEquals(List.of(SOURCE_QUOTE, REQUIRED_DATA, PRODUCT_ORDERABLE, NO_DUPLICATE), outcome.performed());
        assertFalse(outcome.hasBlocker());
        assertEquals(List.of(), outcome.blockers());
    }

    @Test
    void aDirectOrderSkipsTheSourceQuoteCheck() {
        Outcome outcome = validate(direct(), null);

        assertEquals(List.of(), outcome.findings());
        assertEquals(List.of(REQUIRED_DATA, PRODUCT_ORDERABLE, NO_DUPLICATE), outcome.performed());
    }

    @Test
    void aDirectOrderIgnoresWhateverIsSaidAboutAQuote() {
        assertEquals(List.of(), validate(direct(), new SourceQuote(false, null, null)).findings());
    }

    // --- the source quote -------------------------------------------------------------------

    @Test
    void aQuoteTheQuoteContextDoesNotKnowIsNotAccepted() {
        ValidationCheck finding = only(validate(fromQuote(), null));
        assertEquals(OrderValidation.SOURCE_QUOTE_NOT_ACCEPTED, finding.code());
        assertEquals(Severity.BLOCKER, finding.severity());
        assertEquals("quoteId", finding.target());
        assertTrue(finding.message().contains(QUOTE.toString()), finding.message());
    }

    @Test
    void anUnacceptedQuoteIsRefusedWithoutComparingRevisionOrAcceptance() {
        ValidationCheck finding = only(validate(fromQuote(), new SourceQuote(false, 7, UUID.randomUUID())));
        assertEquals(OrderValidation.SOURCE_QUOTE_NOT_ACCEPTED, finding.code());
    }

    @Test
    void theRevisionMustBeTheAcceptedOne() {
        ValidationCheck finding = only(validate(fromQuote(), new SourceQuote(true, 3, ACCEPTANCE)));
        assertEquals(OrderValidation.QUOTE_REVISION_MISMATCH, finding.code());
        assertEquals("revision", finding.target());
        assertTrue(finding.message().contains("Revision 2") && finding.message().contains("is 3"), finding.message());
    }

    @Test
    void theAcceptanceMustBeTheRecordedOne() {
        ValidationCheck finding = only(validate(fromQuote(), new SourceQuote(true, 2, UUID.randomUUID())));
        assertEquals(OrderValidation.ACCEPTANCE_MISMATCH, finding.code());
        assertEquals("acceptanceId", finding.target());
    }

    @Test
    void revisionAndAcceptanceMismatchesAreBothReported() {
        Outcome outcome = validate(fromQuote(), new SourceQuote(true, 1, UUID.randomUUID()));
        assertEquals(List.of(OrderValidation.QUOTE_REVISION_MISMATCH, OrderValidation.ACCEPTANCE_MISMATCH), codes(outcome));
    }

    // --- required data ----------------------------------------------------------------------

    @Test
    void aCustomerIsRequired() {
        for (String missing : new String[] {null, "", "  "}) {
            ValidationCheck finding = only(validate(withCustomer(direct(), missing, "ACC-1"), null));
            assertEquals(OrderValidation.CUSTOMER_MISSING, finding.code());
            assertEquals("customerId", finding.target());
        }
    }

    @Test
    void aBillingAccountIsRequired() {
        for (String missing : new String[] {null, " "}) {
            ValidationCheck finding = only(validate(withCustomer(direct(), "CUST-1", missing), null));
            assertEquals(OrderValidation.BILLING_ACCOUNT_MISSING, finding.code());
            assertEquals("accountId", finding.target());
        }
    }

    @Test
    void anOrderNeedsALine() {
        ValidationCheck finding = only(validate(withoutLines(direct()), null));
        assertEquals(OrderValidation.ORDER_HAS_NO_LINES, finding.code());
        assertEquals("lines", finding.target());
    }

    @Test
    void noLinesIsNotReportedWhenTheConfigurationAlreadySaysWhy() {
        Violation notSellable = new Violation("OFFERING_NOT_SELLABLE", "lines[0].offeringId", "retired");
        Outcome outcome = OrderValidation.validate(withoutLines(direct()), null, List.of(notSellable), null);
        assertEquals(List.of("OFFERING_NOT_SELLABLE"), codes(outcome));
    }

    // --- configuration and duplicates -------------------------------------------------------

    @Test
    void configurationViolationsBecomeBlockersWithTheirRuleAndTarget() {
        List<Violation> violations = List.of(
                new Violation("CHARACTERISTIC_REQUIRED", "lines[0].characteristics.siteId", "siteId is required"),
                new Violation("OFFERING_NOT_SELLABLE", "lines[1].offeringId", "po_dsl is RETIRED"));

        Outcome outcome = OrderValidation.validate(direct(), null, violations, null);

        assertEquals(List.of(
                new ValidationCheck("CHARACTERISTIC_REQUIRED", Severity.BLOCKER, "siteId is required",
                        "lines[0].characteristics.siteId", false),
                new ValidationCheck("OFFERING_NOT_SELLABLE", Severity.BLOCKER, "po_dsl is RETIRED", "lines[1].offeringId",
                        false)),
                outcome.findings());
        assertTrue(outcome.hasBlocker());
        assertTrue(outcome.refusesCapture());
        assertEquals(violations, outcome.blockers(), "a refusal names the same rules, targets and messages");
    }

    @Test
    void anOpenOrderWithTheSameContentIsADuplicate() {
        ValidationCheck finding = only(OrderValidation.validate(direct(), null, List.of(), "ORD-000042"));
        assertEquals(OrderValidation.DUPLICATE_ORDER, finding.code());
        assertEquals("lines", finding.target());
        assertTrue(finding.message().contains("ORD-000042"), finding.message());
    }

    @Test
    void aPossibleDuplicateHoldsTheOrderInsteadOfRefusingIt() {
        Outcome outcome = OrderValidation.validate(direct(), null, List.of(), "ORD-000042");
        assertTrue(only(outcome).overridable(), "a supervisor may decide the order is no duplicate");
        assertTrue(outcome.hasBlocker(), "the order is held");
        assertFalse(outcome.refusesCapture(), "but captured");
        assertTrue(OrderValidation.validate(withCustomer(direct(), null, null), null, List.of(), "ORD-000042")
                .refusesCapture(), "a fact-based blocker still refuses");
    }

    @Test
    void everyFindingIsReportedInCheckOrder() {
        OrderDraft draft = withCustomer(fromQuote(), null, null);
        Outcome outcome = OrderValidation.validate(draft, null,
                List.of(new Violation("QUANTITY_INVALID", "lines[0].quantity", "zero")), "ORD-7");

        assertEquals(List.of(OrderValidation.SOURCE_QUOTE_NOT_ACCEPTED, OrderValidation.CUSTOMER_MISSING,
                OrderValidation.BILLING_ACCOUNT_MISSING, "QUANTITY_INVALID", OrderValidation.DUPLICATE_ORDER), codes(outcome));
        assertTrue(outcome.findings().stream().allMatch(f -> f.severity() == Severity.BLOCKER));
        assertEquals(5, outcome.blockers().size());
    }
}
