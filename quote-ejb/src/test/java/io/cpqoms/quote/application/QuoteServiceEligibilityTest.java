package io.cpqoms.quote.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cpqoms.catalog.api.CatalogQueries;
import io.cpqoms.catalog.api.CatalogVersionView;
import io.cpqoms.catalog.api.ConfigurationCheck;
import io.cpqoms.catalog.api.ConfigurationRequest;
import io.cpqoms.catalog.api.ConfiguredProduct;
import io.cpqoms.catalog.api.EligibilityReason;
import io.cpqoms.catalog.api.EligibilityRequest;
import io.cpqoms.catalog.api.EligibilityResult;
import io.cpqoms.catalog.api.OfferingDetail;
import io.cpqoms.catalog.api.OfferingEligibility;
import io.cpqoms.catalog.api.OfferingQuery;
import io.cpqoms.catalog.api.OfferingSummary;
import io.cpqoms.catalog.api.PriceSnapshot;
import io.cpqoms.catalog.api.PricingLine;
import io.cpqoms.catalog.api.ProductOffering;
import io.cpqoms.catalog.api.ProductSpecification;
import io.cpqoms.kernel.AuditEntry;
import io.cpqoms.kernel.CommandContext;
import io.cpqoms.kernel.DomainException;
import io.cpqoms.kernel.OutboxEvent;
import io.cpqoms.kernel.Page;
import io.cpqoms.kernel.Roles;
import io.cpqoms.kernel.Violation;
import io.cpqoms.quote.api.NewQuote;
import io.cpqoms.quote.api.QuoteView;
import io.cpqoms.quote.domain.Quote;
import io.cpqoms.quote.domain.QuoteRepository;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Adding a quote item asks the catalog whether each of its offerings may be offered, and refuses with its reasons. */
class QuoteServiceEligibilityTest {

    private static final UUID VERSION = UUID.randomUUID();
    private static final CommandContext SALES = new CommandContext("acme", "sam", "corr", Set.of(Roles.SALES));
    private static final ConfigurationRequest FIBER = new ConfigurationRequest("po_fiber_welcome", BigDecimal.ONE,
            Map.of("siteId", "loc-rural-101"), List.of());

    private final Quote quote = Quote.start("acme", "Q-000001", new NewQuote("cus-1", "acc-1", "DIRECT_SALES", VERSION, null),
            VERSION, "sam", Instant.now());
    private final List<EligibilityRequest> asked = new ArrayList<>();
    private final List<Object> recorded = new ArrayList<>();
    private ConfigurationCheck configuration = new ConfigurationCheck(new ConfiguredProduct("po_fiber_welcome",
            "Fiber Welcome Offer", "ps_fiber_access", BigDecimal.ONE, Map.of("siteId", "loc-rural-101"), List.of()), List.of());
    private Function<EligibilityRequest, List<EligibilityReason>> reasons = request -> List.of();

    private final QuoteService service = new QuoteService();

    QuoteServiceEligibilityTest() throws ReflectiveOperationException {
        inject("quotes", new QuoteRepository() {
            @Override
            public String nextQuoteNumber() {
                throw new UnsupportedOperationException();
            }

            @Override
            public void add(Quote quote) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Quote get(String tenantId, UUID id) {
                return quote;
            }

            @Override
            public Quote lock(String tenantId, UUID id) {
                return quote;
            }

            @Override
            public void store(Quote quote) {
            }

            @Override
            public io.cpqoms.quote.domain.ApprovalPolicy policy(String tenantId) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<Due> dueForExpiry(java.time.LocalDate today, int limit) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void keep(io.cpqoms.quote.domain.QuoteRevision revision) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void record(AuditEntry entry) {
                recorded.add(entry);
            }

            @Override
            public void record(OutboxEvent event) {
                recorded.add(event);
            }
        });
        inject("catalog", new Catalog());
    }

    private void inject(String field, Object value) throws ReflectiveOperationException {
        Field f = QuoteService.class.getDeclaredField(field);
        f.setAccessible(true);
        f.set(service, value);
    }

    /** The catalog as far as adding an item needs it. */
    private final class Catalog implements CatalogQueries {
        @Override
        public ConfigurationCheck configure(CommandContext context, UUID publishedVersionId, ConfigurationRequest request,
                                            String target, Instant at) {
            return configuration;
        }

        @Override
        public EligibilityResult eligibility(CommandContext context, EligibilityRequest request) {
            asked.add(request);
            List<OfferingEligibility> answers = request.productOfferingIds().stream().map(id -> {
                List<EligibilityReason> found = reasons.apply(request);
                return new OfferingEligibility(id, id, found.isEmpty(), found, List.of());
            }).toList();
            return new EligibilityResult(request.catalogVersionId(), request.requestedAt(), request.channel(),
                    request.locationId(), null, EligibilityResult.CustomerSegmentSource.UNKNOWN, null,
                    answers.stream().allMatch(OfferingEligibility::eligible), answers);
        }

        @Override
        public List<CatalogVersionView> versions(CommandContext context) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CatalogVersionView version(CommandContext context, UUID versionId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Page<OfferingSummary> offerings(CommandContext context, OfferingQuery query) {
            throw new UnsupportedOperationException();
        }

        @Override
        public OfferingDetail offering(CommandContext context, String offeringId, UUID versionId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ProductOffering sellableOffering(CommandContext context, UUID publishedVersionId, String offeringId, Instant at) {
            throw new UnsupportedOperationException();
        }

        @Override
        public PriceSnapshot price(CommandContext context, UUID publishedVersionId, List<PricingLine> lines, Instant at) {
            throw new UnsupportedOperationException();
        }

        @Override
        public UUID publishedVersion(CommandContext context, UUID requested) {
            throw new UnsupportedOperationException();
        }

        @Override
        public io.cpqoms.catalog.api.ConfigurationEvaluation evaluateConfiguration(CommandContext context,
                io.cpqoms.catalog.api.ConfigurationEvaluationRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Map<String, ProductSpecification> specifications(CommandContext context, UUID publishedVersionId, Set<String> ids) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void anEligibleItemIsAddedAfterTheCatalogWasAskedWithTheQuotesFacts() {
        QuoteView view = service.addItem(SALES, quote.id(), FIBER);
        assertEquals(1, view.items().size());
        assertEquals(1, asked.size());
        EligibilityRequest request = asked.get(0);
        assertEquals(List.of("po_fiber_welcome"), request.productOfferingIds());
        assertEquals("loc-rural-101", request.locationId());
        assertEquals("acc-1", request.accountId());
        assertEquals("cus-1", request.customerId());
        assertEquals("DIRECT_SALES", request.channel());
        assertEquals(VERSION, request.catalogVersionId());
        assertTrue(request.unknownSegmentAllowed());
    }

    @Test
    void anIneligibleItemIsRefusedWithTheCatalogsReasonsAndNothingIsAdded() {
        reasons = request -> List.of(new EligibilityReason(EligibilityReason.LOCATION_NOT_COVERED, "Coverage is not available "
                + "at location loc-rural-101: Fiber Welcome Offer (po_fiber_welcome) is offered in areas [area-metro-fiber]."),
                new EligibilityReason(EligibilityReason.ACCOUNT_STANDING_UNKNOWN, "no standing"));
        DomainException e = assertThrows(DomainException.class, () -> service.addItem(SALES, quote.id(), FIBER));
        assertEquals(DomainException.Kind.RULE_VIOLATION, e.kind());
        assertEquals(EligibilityReason.LOCATION_NOT_COVERED, e.code());
        assertEquals(List.of(new Violation("LOCATION_NOT_COVERED", "item.offeringId", "Coverage is not available at location "
                        + "loc-rural-101: Fiber Welcome Offer (po_fiber_welcome) is offered in areas [area-metro-fiber]."),
                new Violation("ACCOUNT_STANDING_UNKNOWN", "item.offeringId", "no standing")), e.violations());
        assertEquals(0, quote.items().size());
        assertEquals(List.of(), recorded, "no audit entry for a refused item");
    }

    @Test
    void configurationAndEligibilityViolationsAreListedTogether() {
        configuration = new ConfigurationCheck(null, List.of(new Violation("CHARACTERISTIC_REQUIRED",
                "item.characteristics.bandwidthMbps", "required")));
        reasons = request -> List.of(new EligibilityReason(EligibilityReason.CHANNEL_NOT_ELIGIBLE, "not this channel"));
        DomainException e = assertThrows(DomainException.class, () -> service.addItem(SALES, quote.id(), FIBER));
        assertEquals("CHARACTERISTIC_REQUIRED", e.code(), "the configuration's violations come first");
        assertEquals(List.of("CHARACTERISTIC_REQUIRED", "CHANNEL_NOT_ELIGIBLE"),
                e.violations().stream().map(Violation::rule).toList());
    }
}
