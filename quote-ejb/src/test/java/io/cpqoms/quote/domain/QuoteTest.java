package io.cpqoms.quote.domain;

import io.cpqoms.quote.api.ChangeLine;
import io.cpqoms.catalog.api.LineAction;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cpqoms.catalog.api.ConfiguredProduct;
import io.cpqoms.catalog.api.LinePrice;
import io.cpqoms.catalog.api.PriceOverride;
import io.cpqoms.catalog.api.PriceSnapshot;
import io.cpqoms.catalog.api.PricingLine;
import io.cpqoms.catalog.api.RecurringPeriod;
import io.cpqoms.catalog.api.RecurringTotal;
import io.cpqoms.kernel.DomainException;
import io.cpqoms.kernel.Violation;
import io.cpqoms.quote.api.Acceptance;
import io.cpqoms.quote.api.AcceptanceRequest;
import io.cpqoms.quote.api.NewQuote;
import io.cpqoms.quote.api.PriceOverrideRequest;
import io.cpqoms.quote.api.QuoteItemView;
import io.cpqoms.quote.api.QuoteStatus;
import io.cpqoms.quote.api.QuoteView;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class QuoteTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    private static final LocalDate TODAY = LocalDate.parse("2026-11-21");
    private static final UUID VERSION = UUID.fromString("00000000-0000-0000-0000-00000000c001");

    private static Quote quote() {
        return Quote.start("t1", "Q-000001", new NewQuote("c-42", "a-7", "direct", null, null), VERSION, "alice", NOW);
    }

    private static ConfiguredProduct product(String offeringId, int quantity, ConfiguredProduct... children) {
        return new ConfiguredProduct(offeringId, offeringId + " name", "ps_" + offeringId, BigDecimal.valueOf(quantity),
                Map.of("colour", "blue"), List.of(children));
    }

    /** A snapshot as the catalog would calculate it for the quote's lines: 10.00 once and 5.00 a month per line. */
    private static PriceSnapshot snapshotFor(Quote quote) {
        List<LinePrice> lines = quote.linesToPrice().stream()
                .map(l -> new LinePrice(l.lineId(), l.offeringId(), l.quantity(), List.of(), new BigDecimal("10.00"),
                        List.of(new RecurringTotal(RecurringPeriod.MONTH, new BigDecimal("5.00")))))
                .toList();
        BigDecimal count = BigDecimal.valueOf(lines.size());
        return new PriceSnapshot(UUID.randomUUID(), VERSION, NOW, "EUR", lines, new BigDecimal("10.00").multiply(count),
                List.of(new RecurringTotal(RecurringPeriod.MONTH, new BigDecimal("5.00").multiply(count))));
    }

    private static Quote pricedQuote() {
        Quote quote = quote();
        quote.addItem(product("po_fiber", 1), NOW);
        quote.price(snapshotFor(quote), NOW);
        return quote;
    }

    private static AcceptanceRequest acceptance(Integer revision, String contact) {
        return new AcceptanceRequest(revision, contact, "DOC-1");
    }

    private static List<String> lineNumbers(Quote quote) {
        return quote.view().items().stream().map(QuoteItemView::lineNumber).toList();
    }

    private static List<String> targets(DomainException e) {
        return e.violations().stream().map(Violation::target).toList();
    }

    // change quotes

    @Test
    void aChangeIsAddedAsTheNextLineTreeWithItsActionsProductsAndPricesNow() {
        Quote quote = quote();
        quote.addItem(product("po_fiber", 1), NOW);
        UUID bundle = UUID.randomUUID();
        UUID fiber = UUID.randomUUID();
        UUID router = UUID.randomUUID();
        List<RecurringTotal> monthly = List.of(new RecurringTotal(RecurringPeriod.MONTH, new BigDecimal("1080.00")));
        quote.addChange(List.of(
                new ChangeLine(-1, LineAction.NO_CHANGE, bundle, 1, "po_bundle", "Bundle", "ps_bundle", BigDecimal.ONE, Map.of(),
                        List.of()),
                new ChangeLine(0, LineAction.MODIFY, fiber, 1, "po_fiber", "Fiber", "ps_fiber", BigDecimal.ONE,
                        Map.of("bandwidthMbps", "1000"), monthly),
                new ChangeLine(0, LineAction.DELETE, router, 2, "po_router", "Router", "ps_router", BigDecimal.ONE, Map.of(),
                        List.of())), NOW);

        List<QuoteItemView> items = quote.view().items();
        assertEquals(List.of("1", "2", "2.1", "2.2"), lineNumbers(quote));
        assertEquals(List.of(LineAction.ADD, LineAction.NO_CHANGE, LineAction.MODIFY, LineAction.DELETE),
                items.stream().map(QuoteItemView::action).toList());
        assertEquals(items.get(1).id(), items.get(2).parentItemId());
        assertEquals(fiber, items.get(2).productId());
        assertEquals(1L, items.get(2).baselineVersion());
        assertEquals(monthly, items.get(2).previousRecurringTotals());
        assertNull(items.get(0).productId(), "a new product names none");

        List<PricingLine> priced = quote.linesToPrice();
        assertEquals(3, priced.size(), "the removed router is not priced");
        assertEquals(List.of(true, false, false), priced.stream().map(PricingLine::chargesOneTime).toList(),
                "only the new product pays its one-time charges");
        assertNull(items.get(2).recurringChange(), "no change in charges before a price");

        quote.price(snapshotFor(quote), NOW);
        List<QuoteItemView> pricedItems = quote.view().items();
        assertEquals(List.of(new RecurringTotal(RecurringPeriod.MONTH, new BigDecimal("-1075.00"))),
                pricedItems.get(2).recurringChange(), "5.00 a month from now on, instead of 1080.00");
        assertNull(pricedItems.get(0).recurringChange(), "a new product's charges are all new: no change to show");
    }

    // starting

    @Test
    void aNewQuoteIsAnEmptyDraftValidForThirtyDays() {
        QuoteView view = quote().view();
        assertEquals(QuoteStatus.DRAFT, view.status());
        assertEquals(1, view.revision());
        assertEquals("Q-000001", view.quoteNumber());
        assertEquals(VERSION, view.catalogVersionId());
        assertEquals(TODAY.plusDays(30), view.validUntil());
        assertEquals("alice", view.createdBy());
        assertTrue(view.items().isEmpty());
        assertNull(view.priceSnapshot());
        assertNull(view.acceptance());
    }

    @Test
    void quoteNumbersArePaddedToSixDigits() {
        assertEquals("Q-000123", Quote.quoteNumber(123));
        assertEquals("Q-1234567", Quote.quoteNumber(1234567));
    }

    @Test
    void aQuoteNeedsACustomerAndAChannel() {
        DomainException e = assertThrows(DomainException.class, () -> Quote.start("t1", "Q-000001",
                new NewQuote(" ", null, null, null, null), VERSION, "alice", NOW));
        assertEquals(DomainException.Kind.INVALID_INPUT, e.kind());
        assertEquals(Quote.INVALID_QUOTE_REQUEST, e.code());
        assertEquals(List.of("customerId", "channel"), targets(e));
    }

    @Test
    void aQuoteCannotBeValidUntilADayInThePast() {
        DomainException e = assertThrows(DomainException.class, () -> Quote.check(
                new NewQuote("c-42", null, "direct", null, TODAY.minusDays(1)), NOW));
        assertEquals(Quote.INVALID_QUOTE_REQUEST, e.code());
        assertEquals(Quote.VALID_UNTIL_IN_PAST, e.violations().get(0).rule());
        Quote.check(new NewQuote("c-42", null, "direct", null, TODAY), NOW); // today is still valid
    }

    // items

    @Test
    void anItemTreeGetsDottedLineNumbersParentsFirst() {
        Quote quote = quote();
        ConfiguredProduct bundle = product("po_bundle", 1,
                product("po_fiber", 1, product("po_router", 2)),
                product("po_tv", 1));
        List<QuoteItem> added = quote.addItem(bundle, NOW);
        quote.addItem(product("po_phone", 3), NOW);

        assertEquals(List.of("1", "1.1", "1.1.1", "1.2", "2"), lineNumbers(quote));
        assertEquals(4, added.size());
        List<QuoteItemView> items = quote.view().items();
        assertNull(items.get(0).parentItemId());
        assertEquals(items.get(0).id(), items.get(1).parentItemId());
        assertEquals(items.get(1).id(), items.get(2).parentItemId());
        assertEquals(items.get(0).id(), items.get(3).parentItemId());
        assertNull(items.get(4).parentItemId());
        assertEquals(List.of(1, 2, 3, 4, 5), quote.items().stream().map(QuoteItem::sortOrder).toList());
        assertEquals(List.of("po_bundle", "po_fiber", "po_router", "po_tv", "po_phone"),
                items.stream().map(QuoteItemView::offeringId).toList());
    }

    @Test
    void anItemKeepsWhatTheCatalogAccepted() {
        Quote quote = quote();
        quote.addItem(new ConfiguredProduct("po_fiber", "Fiber 1000", "ps_fiber", new BigDecimal("2.000000"),
                Map.of("speed", "1000", "colour", "blue"), List.of()), NOW);
        QuoteItemView item = quote.view().items().get(0);
        assertEquals("Fiber 1000", item.offeringName());
        assertEquals("ps_fiber", item.productSpecificationId());
        assertEquals(new BigDecimal("2"), item.quantity());
        assertEquals(Map.of("speed", "1000", "colour", "blue"), item.characteristics());
        assertEquals(List.of("colour", "speed"), List.copyOf(item.characteristics().keySet()));
    }

    @Test
    void everyItemIsPricedAsItsOwnLineWithItsOwnQuantity() {
        Quote quote = quote();
        quote.addItem(product("po_bundle", 1, product("po_router", 2)), NOW);
        List<PricingLine> lines = quote.linesToPrice();
        List<QuoteItemView> items = quote.view().items();
        assertEquals(List.of(items.get(0).id().toString(), items.get(1).id().toString()),
                lines.stream().map(PricingLine::lineId).toList());
        assertEquals(List.of("po_bundle", "po_router"), lines.stream().map(PricingLine::offeringId).toList());
        assertEquals(List.of(BigDecimal.ONE, BigDecimal.valueOf(2)), lines.stream().map(PricingLine::quantity).toList());
    }

    @Test
    void aBatchOfItemsIsNumberedAfterTheExistingOnesInOrder() {
        Quote quote = pricedQuote();
        List<QuoteItem> added = quote.addItems(List.of(product("po_bundle", 1, product("po_router", 2)),
                product("po_tv", 1), product("po_phone", 3)), NOW.plusSeconds(60));

        assertEquals(List.of("1", "2", "2.1", "3", "4"), lineNumbers(quote));
        assertEquals(List.of("2", "2.1", "3", "4"), added.stream().map(QuoteItem::lineNumber).toList());
        assertEquals(QuoteStatus.DRAFT, quote.status(), "a priced quote is a draft again");
        assertNull(quote.priceSnapshot());
        assertEquals(List.of(1, 2, 3, 4, 5), quote.items().stream().map(QuoteItem::sortOrder).toList());
    }

    @Test
    void aLargeBatchIsAddedAndPricedAsOneLinePerItem() {
        Quote quote = quote();
        List<ConfiguredProduct> products = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            products.add(product("po_router", 1));
        }
        quote.addItems(products, NOW);
        assertEquals(2_000, quote.items().size());
        assertEquals("2000", quote.items().get(1_999).lineNumber());
        quote.price(snapshotFor(quote), NOW);
        assertEquals(QuoteStatus.PRICED, quote.status());
    }

    @Test
    void aLineToPriceCarriesItsBundleItsCharacteristicsAndItsOverrides() {
        Quote quote = quote();
        quote.addItem(product("po_bundle", 1, product("po_router", 2)), NOW);
        UUID router = quote.items().get(1).id();
        quote.overridePrice(router, new PriceOverrideRequest("pop_router_monthly", new BigDecimal("80.00"), "Loyal"),
                "alice", NOW);

        List<PricingLine> lines = quote.linesToPrice();
        assertNull(lines.get(0).parentLineId());
        assertEquals(quote.items().get(0).id().toString(), lines.get(1).parentLineId());
        assertEquals(Map.of("colour", "blue"), lines.get(1).characteristics());
        assertEquals(List.of(new PriceOverride("pop_router_monthly", new BigDecimal("80.00"), "Loyal", "alice", NOW)),
                lines.get(1).overrides());
        assertEquals(List.of(), lines.get(0).overrides());
    }

    // price overrides

    @Test
    void anOverrideIsStoredOnTheItemWithActorReasonAndTimeAndReplacesAnEarlierOneOfTheSameCharge() {
        Quote quote = pricedQuote();
        UUID item = quote.items().get(0).id();
        Instant later = NOW.plusSeconds(60);

        assertNull(quote.overridePrice(item, new PriceOverrideRequest("pop_monthly", new BigDecimal("99.00"), " first "),
                "alice", NOW));
        quote.overridePrice(item, new PriceOverrideRequest("pop_setup", new BigDecimal("0"), "waived"), "alice", NOW);
        PriceOverride replaced = quote.overridePrice(item, new PriceOverrideRequest(" pop_monthly ", new BigDecimal("95.50"),
                "second"), "bob", later);

        assertEquals(new BigDecimal("99.00"), replaced.amount());
        assertEquals("first", replaced.reason());
        assertEquals(List.of(new PriceOverride("pop_setup", new BigDecimal("0"), "waived", "alice", NOW),
                        new PriceOverride("pop_monthly", new BigDecimal("95.50"), "second", "bob", later)),
                quote.view().items().get(0).priceOverrides());
        assertEquals(QuoteStatus.DRAFT, quote.status(), "a priced quote is a draft again");
        assertNull(quote.priceSnapshot());
        assertEquals(later, quote.view().updatedAt());
    }

    @Test
    void overridesAndCharacteristicsReadBackFromTheirColumnsAsAfterALoad() throws Exception {
        Quote quote = pricedQuote();
        QuoteItem item = quote.items().get(0);
        quote.overridePrice(item.id(), new PriceOverrideRequest("pop_monthly", new BigDecimal("99.00"), "why"), "alice", NOW);
        List<PriceOverride> written = item.overrides();
        for (String cache : List.of("overrideList", "characteristicValues")) {
            java.lang.reflect.Field field = QuoteItem.class.getDeclaredField(cache);
            field.setAccessible(true);
            field.set(item, null); // what a freshly loaded item has
        }
        assertEquals(written, item.overrides());
        assertEquals(Map.of("colour", "blue"), item.characteristics());
    }

    @Test
    void anOverrideNeedsAPriceAnAmountAndAReason() {
        Quote quote = pricedQuote();
        UUID item = quote.items().get(0).id();
        DomainException e = assertThrows(DomainException.class,
                () -> quote.overridePrice(item, new PriceOverrideRequest(" ", null, ""), "alice", NOW));
        assertEquals(DomainException.Kind.INVALID_INPUT, e.kind());
        assertEquals(Quote.PRICE_OVERRIDE_INVALID, e.code());
        assertEquals(List.of("priceId", "amount", "reason"), targets(e));
        DomainException negative = assertThrows(DomainException.class, () -> quote.overridePrice(item,
                new PriceOverrideRequest("pop_monthly", new BigDecimal("-1"), "why"), "alice", NOW));
        assertEquals(Quote.AMOUNT_INVALID, negative.violations().get(0).rule());
        DomainException none = assertThrows(DomainException.class, () -> Quote.checkOverride(null, 2));
        assertEquals(Quote.PRICE_OVERRIDE_INVALID, none.code());
        assertEquals(QuoteStatus.PRICED, quote.status(), "a refused override changes nothing");
        assertEquals(List.of(), quote.view().items().get(0).priceOverrides());
    }

    @Test
    void anOverrideHasNoMoreDecimalsThanItsCurrency() {
        Quote.checkOverride(new PriceOverrideRequest("p", new BigDecimal("10.50"), "r"), 2);
        Quote.checkOverride(new PriceOverrideRequest("p", new BigDecimal("10.500"), "r"), 2);
        DomainException e = assertThrows(DomainException.class,
                () -> Quote.checkOverride(new PriceOverrideRequest("p", new BigDecimal("10.505"), "r"), 2));
        assertEquals(List.of("amount"), targets(e));
        assertThrows(DomainException.class, () -> Quote.checkOverride(new PriceOverrideRequest("p", new BigDecimal("1.5"), "r"), 0));
    }

    @Test
    void anOverrideOfAnUnknownItemIsNotFound() {
        Quote quote = pricedQuote();
        DomainException e = assertThrows(DomainException.class, () -> quote.overridePrice(UUID.randomUUID(),
                new PriceOverrideRequest("pop_monthly", BigDecimal.TEN, "why"), "alice", NOW));
        assertEquals(DomainException.Kind.NOT_FOUND, e.kind());
        assertEquals(Quote.QUOTE_ITEM_NOT_FOUND, e.code());
        assertEquals(QuoteStatus.PRICED, quote.status());
    }

    @Test
    void anAcceptedQuoteRefusesOverrides() {
        Quote quote = pricedQuote();
        quote.accept(acceptance(1, "Carol"), ApprovalPolicies.DEMO, "bob", NOW);
        DomainException e = assertThrows(DomainException.class, () -> quote.overridePrice(quote.items().get(0).id(),
                new PriceOverrideRequest("pop_monthly", BigDecimal.TEN, "why"), "alice", NOW));
        assertEquals(Quote.QUOTE_NOT_EDITABLE, e.code());
        assertEquals(List.of(), quote.view().items().get(0).priceOverrides());
    }

    // pricing

    @Test
    void pricingStoresTheSnapshot() {
        Quote quote = quote();
        quote.addItem(product("po_fiber", 1), NOW);
        PriceSnapshot snapshot = snapshotFor(quote);
        quote.price(snapshot, NOW);
        assertEquals(QuoteStatus.PRICED, quote.status());
        assertSame(snapshot, quote.view().priceSnapshot());
    }

    @Test
    void anEmptyQuoteCannotBePriced() {
        Quote quote = quote();
        DomainException e = assertThrows(DomainException.class, quote::linesToPrice);
        assertEquals(DomainException.Kind.RULE_VIOLATION, e.kind());
        assertEquals(Quote.QUOTE_HAS_NO_ITEMS, e.code());
        PriceSnapshot empty = new PriceSnapshot(UUID.randomUUID(), VERSION, NOW, null, List.of(), BigDecimal.ZERO, List.of());
        assertThrows(DomainException.class, () -> quote.price(empty, NOW));
        assertEquals(QuoteStatus.DRAFT, quote.status());
    }

    @Test
    void aSnapshotOfOtherLinesOrAnotherVersionIsNotStored() {
        Quote quote = quote();
        quote.addItem(product("po_fiber", 1), NOW);
        PriceSnapshot right = snapshotFor(quote);
        PriceSnapshot otherLines = new PriceSnapshot(right.priceSnapshotId(), VERSION, NOW, "EUR", List.of(),
                BigDecimal.ZERO, List.of());
        PriceSnapshot otherVersion = new PriceSnapshot(right.priceSnapshotId(), UUID.randomUUID(), NOW, "EUR",
                right.lines(), right.oneTimeTotal(), right.recurringTotals());
        assertThrows(IllegalArgumentException.class, () -> quote.price(otherLines, NOW));
        assertThrows(IllegalArgumentException.class, () -> quote.price(otherVersion, NOW));
        assertEquals(QuoteStatus.DRAFT, quote.status());
        assertNull(quote.priceSnapshot());
    }

    @Test
    void addingAnItemToAPricedQuoteDropsThePriceAndReturnsToDraft() {
        Quote quote = pricedQuote();
        quote.addItem(product("po_tv", 1), NOW.plusSeconds(60));
        assertEquals(QuoteStatus.DRAFT, quote.status());
        assertNull(quote.priceSnapshot());
        assertEquals(List.of("1", "2"), lineNumbers(quote));
        assertEquals(NOW.plusSeconds(60), quote.view().updatedAt());
    }

    @Test
    void aPricedQuoteCanBePricedAgain() {
        Quote quote = pricedQuote();
        PriceSnapshot second = snapshotFor(quote);
        quote.price(second, NOW.plusSeconds(60));
        assertEquals(QuoteStatus.PRICED, quote.status());
        assertSame(second, quote.priceSnapshot());
    }

    // acceptance

    @Test
    void acceptanceRecordsTheEvidenceWithTheStoredSnapshot() {
        Quote quote = pricedQuote();
        PriceSnapshot stored = quote.priceSnapshot();
        Instant later = NOW.plusSeconds(3600);
        assertTrue(quote.accept(new AcceptanceRequest(1, " Carol Customer ", "SIGNED-77"), ApprovalPolicies.DEMO, "bob", later));

        assertEquals(QuoteStatus.ACCEPTED, quote.status());
        assertSame(stored, quote.priceSnapshot());
        Acceptance acceptance = quote.view().acceptance();
        assertNotNull(acceptance.acceptanceId());
        assertEquals(1, acceptance.revision());
        assertEquals(stored.priceSnapshotId(), acceptance.priceSnapshotId());
        assertEquals("Carol Customer", acceptance.customerContact());
        assertEquals("SIGNED-77", acceptance.evidenceReference());
        assertEquals("bob", acceptance.recordedBy());
        assertEquals(later, acceptance.acceptedAt());
    }

    @Test
    void onlyAPricedQuoteCanBeAccepted() {
        Quote quote = quote();
        quote.addItem(product("po_fiber", 1), NOW);
        DomainException e = assertThrows(DomainException.class, () -> quote.accept(acceptance(1, "Carol"), ApprovalPolicies.DEMO, "bob", NOW));
        assertEquals(DomainException.Kind.CONFLICT, e.kind());
        assertEquals(Quote.QUOTE_NOT_PRICED, e.code());
        assertEquals(QuoteStatus.DRAFT, quote.status());
        assertNull(quote.acceptance());
    }

    @Test
    void anAcceptanceOfAnotherRevisionIsRefused() {
        Quote quote = pricedQuote();
        DomainException e = assertThrows(DomainException.class, () -> quote.accept(acceptance(2, "Carol"), ApprovalPolicies.DEMO, "bob", NOW));
        assertEquals(DomainException.Kind.CONFLICT, e.kind());
        assertEquals(Quote.QUOTE_REVISION_MISMATCH, e.code());
        assertEquals(QuoteStatus.PRICED, quote.status());
        assertNull(quote.acceptance());
    }

    @Test
    void anAcceptanceNeedsARevisionAndACustomerContact() {
        Quote quote = pricedQuote();
        DomainException e = assertThrows(DomainException.class,
                () -> quote.accept(new AcceptanceRequest(null, "  ", null), ApprovalPolicies.DEMO, "bob", NOW));
        assertEquals(DomainException.Kind.INVALID_INPUT, e.kind());
        assertEquals(Quote.ACCEPTANCE_INVALID, e.code());
        assertEquals(List.of("revision", "customerContact"), targets(e));
        DomainException none = assertThrows(DomainException.class, () -> quote.accept(null, ApprovalPolicies.DEMO, "bob", NOW));
        assertEquals(Quote.ACCEPTANCE_INVALID, none.code());
        assertEquals(QuoteStatus.PRICED, quote.status());
    }

    @Test
    void repeatingTheSameAcceptanceChangesNothing() {
        Quote quote = pricedQuote();
        quote.accept(acceptance(1, "Carol"), ApprovalPolicies.DEMO, "bob", NOW);
        Acceptance first = quote.acceptance();

        assertFalse(quote.accept(new AcceptanceRequest(1, "Carol", "ANOTHER-DOC"), ApprovalPolicies.DEMO, "dave", NOW.plusSeconds(60)));
        assertEquals(first, quote.acceptance());
        assertEquals(first.acceptanceId(), quote.view().acceptance().acceptanceId());
        assertEquals(NOW, quote.view().updatedAt());
    }

    @Test
    void aDifferentAcceptanceOfAnAcceptedQuoteIsRefused() {
        Quote quote = pricedQuote();
        quote.accept(acceptance(1, "Carol"), ApprovalPolicies.DEMO, "bob", NOW);
        Acceptance first = quote.acceptance();

        DomainException otherContact = assertThrows(DomainException.class,
                () -> quote.accept(acceptance(1, "Mallory"), ApprovalPolicies.DEMO, "bob", NOW));
        assertEquals(DomainException.Kind.CONFLICT, otherContact.kind());
        assertEquals(Quote.QUOTE_ALREADY_ACCEPTED, otherContact.code());
        DomainException otherRevision = assertThrows(DomainException.class,
                () -> quote.accept(acceptance(2, "Carol"), ApprovalPolicies.DEMO, "bob", NOW));
        assertEquals(Quote.QUOTE_ALREADY_ACCEPTED, otherRevision.code());
        assertEquals(first, quote.acceptance());
    }

    @Test
    void anAcceptedQuoteRefusesItemsAndRepricing() {
        Quote quote = pricedQuote();
        quote.accept(acceptance(1, "Carol"), ApprovalPolicies.DEMO, "bob", NOW);
        PriceSnapshot stored = quote.priceSnapshot();

        DomainException item = assertThrows(DomainException.class, () -> quote.addItem(product("po_tv", 1), NOW));
        assertEquals(DomainException.Kind.CONFLICT, item.kind());
        assertEquals(Quote.QUOTE_NOT_EDITABLE, item.code());
        assertThrows(DomainException.class, quote::ensureEditable);
        DomainException price = assertThrows(DomainException.class, quote::linesToPrice);
        assertEquals(Quote.QUOTE_NOT_EDITABLE, price.code());

        assertEquals(QuoteStatus.ACCEPTED, quote.status());
        assertEquals(List.of("1"), lineNumbers(quote));
        assertSame(stored, quote.priceSnapshot());
    }
}
