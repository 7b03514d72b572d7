package io.cpqoms.catalog.application;

import io.cpqoms.catalog.api.CatalogCommands;
import io.cpqoms.catalog.api.CatalogDocument;
import io.cpqoms.catalog.api.CatalogQueries;
import io.cpqoms.catalog.api.CatalogVersionStatus;
import io.cpqoms.catalog.api.CatalogVersionView;
import io.cpqoms.catalog.api.NewCatalogVersion;
import io.cpqoms.catalog.api.OfferingDetail;
import io.cpqoms.catalog.api.OfferingQuery;
import io.cpqoms.catalog.api.OfferingSummary;
import io.cpqoms.catalog.api.ProductOffering;
import io.cpqoms.catalog.api.ProductSpecification;
import io.cpqoms.catalog.api.EligibilityRequest;
import io.cpqoms.catalog.api.EligibilityResult;
import io.cpqoms.catalog.domain.AccountStanding;
import io.cpqoms.catalog.domain.AccountStandingRepository;
import io.cpqoms.catalog.domain.CatalogVersion;
import io.cpqoms.catalog.domain.CatalogVersionRepository;
import io.cpqoms.catalog.domain.EligibilityPolicy;
import io.cpqoms.catalog.domain.PriceCalculationLines;
import io.cpqoms.catalog.domain.PricingPipeline;
import io.cpqoms.catalog.domain.ProductConfigurator;
import io.cpqoms.catalog.domain.PublishedCatalog;
import io.cpqoms.catalog.domain.PublishedCatalogCache;
import io.cpqoms.catalog.api.ConfigurationCheck;
import io.cpqoms.catalog.api.ConfigurationEvaluation;
import io.cpqoms.catalog.api.ConfigurationEvaluationRequest;
import io.cpqoms.catalog.api.ConfigurationRequest;
import io.cpqoms.catalog.domain.CatalogIndex;
import io.cpqoms.catalog.domain.ConfigurationEngine;
import io.cpqoms.catalog.domain.DocumentCatalog;
import io.cpqoms.catalog.api.PriceSnapshot;
import io.cpqoms.catalog.api.PricingLine;
import io.cpqoms.catalog.api.PriceCalculationRequest;
import io.cpqoms.catalog.api.PricingQueries;
import java.util.Set;
import io.cpqoms.kernel.AuditEntry;
import io.cpqoms.kernel.OutboxEvent;
import io.cpqoms.kernel.CommandContext;
import io.cpqoms.kernel.DomainException;
import io.cpqoms.kernel.Page;
import io.cpqoms.kernel.Roles;
import io.cpqoms.kernel.Violation;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Catalog commands and queries, and price calculations; every command is one JTA transaction with its
 * audit entry. Quotes, orders and ad-hoc calculations are priced by the one {@link PricingPipeline}.
 */
@Stateless
public class CatalogService implements CatalogCommands, CatalogQueries, PricingQueries {

    /** What one configurator click may ask the engine to evaluate. */
    static final int MAX_EVALUATED_PRODUCTS = 500;


    public static final String OFFERING_NOT_FOUND = ProductConfigurator.OFFERING_NOT_FOUND;
    public static final String OFFERING_NOT_SELLABLE = ProductConfigurator.OFFERING_NOT_SELLABLE;
    public static final String CATALOG_VERSION_NOT_PUBLISHED = "CATALOG_VERSION_NOT_PUBLISHED";
    public static final String NO_PUBLISHED_CATALOG = "NO_PUBLISHED_CATALOG";
    public static final String INVALID_PAGE = "INVALID_PAGE";
    public static final String CONFIGURATION_REQUEST_INVALID = "CONFIGURATION_REQUEST_INVALID";
    public static final int MAX_PAGE_SIZE = 200;

    private static final String AGGREGATE = "CatalogVersion";

    @Inject
    private CatalogVersionRepository versions;

    @Inject
    private PublishedCatalogCache published;

    @Inject
    private AccountStandingRepository standings;

    @Override
    public CatalogVersionView createVersion(CommandContext context, NewCatalogVersion request) {
        Instant now = Instant.now();
        CatalogVersion draft = request.sourceVersionId() == null
                ? CatalogVersion.draft(context.tenantId(), request.name(), request.description(), context.actor(), now)
                : versions.get(context.tenantId(), request.sourceVersionId())
                        .draftCopy(request.name(), request.description(), context.actor(), now);
        versions.add(draft);
        audit(context, now, "CATALOG_VERSION_CREATED", draft, details("name", request.name(),
                "sourceVersionId", request.sourceVersionId()));
        return draft.view();
    }

    @Override
    public CatalogVersionView importDocument(CommandContext context, UUID versionId, CatalogDocument document) {
        Instant now = Instant.now();
        CatalogVersion version = versions.get(context.tenantId(), versionId);
        version.importDocument(document, now);
        versions.store(version);
        audit(context, now, "CATALOG_DOCUMENT_IMPORTED", version, details(
                "productSpecifications", document.productSpecifications().size(),
                "productOfferings", document.productOfferings().size()));
        return version.view();
    }

    @Override
    public CatalogVersionView publish(CommandContext context, UUID versionId) {
        Instant now = Instant.now();
        CatalogVersion version = versions.get(context.tenantId(), versionId);
        if (version.publish(context.actor(), now)) {
            versions.store(version);
            CatalogVersionView view = version.view();
            audit(context, now, "CATALOG_VERSION_PUBLISHED", version, details("name", view.name()));
            versions.record(new OutboxEvent(context, now, "catalog.version.published.v1", AGGREGATE,
                    view.id().toString(), view.entityVersion(), details(
                    "catalogVersionId", view.id().toString(), "name", view.name(),
                    "offeringCount", view.offeringCount(), "publishedAt", now.toString())));
        }
        return version.view();
    }

    @Override
    public List<CatalogVersionView> versions(CommandContext context) {
        return versions.all(context.tenantId()).stream()
                .filter(v -> v.isPublished() || draftsVisible(context))
                .map(CatalogVersion::view).toList();
    }

    @Override
    public CatalogVersionView version(CommandContext context, UUID versionId) {
        return visible(context, versionId).view();
    }

    /** Drafts are work in progress of catalog administrators; everyone else sees published versions only. */
    private static boolean draftsVisible(CommandContext context) {
        return context.hasRole(Roles.CATALOG_ADMIN);
    }

    private CatalogVersion visible(CommandContext context, UUID versionId) {
        CatalogVersion version = versions.get(context.tenantId(), versionId);
        if (!version.isPublished() && !draftsVisible(context)) {
            throw DomainException.notFound(CatalogVersionRepository.CATALOG_VERSION_NOT_FOUND,
                    "Catalog version " + versionId + " does not exist.");
        }
        return version;
    }

    @Override
    public Page<OfferingSummary> offerings(CommandContext context, OfferingQuery query) {
        if (query.offset() < 0 || query.limit() < 1 || query.limit() > MAX_PAGE_SIZE) {
            throw DomainException.invalidInput(INVALID_PAGE,
                    "offset must be >= 0 and limit between 1 and " + MAX_PAGE_SIZE + ".");
        }
        Contents contents = contents(context, query.catalogVersionId());
        Instant now = Instant.now();
        Predicate<ProductOffering> filter = o -> (query.channel() == null || o.offeredIn(query.channel()))
                && (query.customerSegment() == null || o.offeredTo(query.customerSegment()))
                && (query.lifecycleStatus() == null || o.lifecycleStatus() == query.lifecycleStatus());
        List<ProductOffering> matching = contents.offerings().stream().filter(filter).toList();
        List<OfferingSummary> page = matching.stream()
                .skip(query.offset())
                .limit(query.limit())
                .map(o -> OfferingSummary.of(contents.version().id(), o, now))
                .toList();
        return new Page<>(page, query.offset(), query.limit(), matching.size());
    }

    @Override
    public OfferingDetail offering(CommandContext context, String offeringId, UUID versionId) {
        Contents contents = contents(context, versionId);
        ProductOffering offering = contents.offering(offeringId)
                .orElseThrow(() -> DomainException.notFound(OFFERING_NOT_FOUND, "Offering '" + offeringId
                        + "' does not exist in catalog version " + contents.version().id() + "."));
        return new OfferingDetail(contents.version().id(), contents.version().status(),
                offering.isSellableAt(Instant.now()), offering,
                contents.specification(offering.productSpecificationId()).orElse(null));
    }

    @Override
    public ProductOffering sellableOffering(CommandContext context, UUID publishedVersionId, String offeringId, Instant at) {
        PublishedCatalog catalog = published(context, publishedVersionId);
        ProductOffering offering = catalog.offering(offeringId).orElseThrow(() -> DomainException.ruleViolation(
                "The offering is not in the catalog version.", List.of(new Violation(OFFERING_NOT_FOUND,
                        "productOfferings[" + offeringId + "]", "Offering '" + offeringId
                        + "' does not exist in catalog version " + publishedVersionId + "."))));
        if (!offering.isSellableAt(at)) {
            throw DomainException.ruleViolation("The offering cannot be sold.", List.of(
                    ProductConfigurator.notSellable(offering, at, "productOfferings[" + offeringId + "]")));
        }
        return offering;
    }

    @Override
    public ConfigurationCheck configure(CommandContext context, UUID publishedVersionId, ConfigurationRequest request,
                                        String target, Instant at) {
        return new ProductConfigurator(published(context, publishedVersionId), at).check(request, target);
    }

    @Override
    public ConfigurationEvaluation evaluateConfiguration(CommandContext context, ConfigurationEvaluationRequest request) {
        if (request.offeringId() == null || request.offeringId().isBlank()) {
            throw DomainException.invalidInput(CONFIGURATION_REQUEST_INVALID, "offeringId is required.");
        }
        if (request.configuration().productCount() > MAX_EVALUATED_PRODUCTS) {
            throw DomainException.invalidInput(CONFIGURATION_REQUEST_INVALID, "An evaluation covers at most "
                    + MAX_EVALUATED_PRODUCTS + " products, bundle children included.");
        }
        Contents contents = contents(context, request.catalogVersionId());
        CatalogIndex catalog = contents.published() != null ? contents.published()
                : new DocumentCatalog(contents.version().id(), contents.document());
        if (catalog.offering(request.offeringId()).isEmpty()) {
            throw DomainException.notFound(OFFERING_NOT_FOUND, "Offering '" + request.offeringId()
                    + "' does not exist in catalog version " + contents.version().id() + ".");
        }
        return new ConfigurationEngine(catalog, Instant.now()).evaluate(request.configuration(), "").toEvaluation();
    }

    @Override
    public PriceSnapshot price(CommandContext context, UUID publishedVersionId, List<PricingLine> lines, Instant at) {
        return new PricingPipeline(published(context, publishedVersionId)).price(lines, at);
    }

    @Override
    public UUID publishedVersion(CommandContext context, UUID requested) {
        if (requested != null) {
            return published(context, requested).versionId();
        }
        return versions.latestPublished(context.tenantId()).orElseThrow(() -> DomainException.ruleViolation(
                "There is no published catalog version to sell from.", List.of(new Violation(NO_PUBLISHED_CATALOG,
                        "catalogVersionId", "No catalog version has been published yet."))));
    }

    @Override
    public PriceSnapshot calculate(CommandContext context, PriceCalculationRequest request) {
        if (request == null) {
            throw DomainException.invalidInput(PriceCalculationLines.PRICE_CALCULATION_INVALID,
                    "A price calculation needs a request body.");
        }
        PublishedCatalog catalog = published(context, publishedVersion(context, request.catalogVersionId()));
        Instant at = request.pricedAt() != null ? request.pricedAt() : Instant.now();
        return new PricingPipeline(catalog).price(PriceCalculationLines.flatten(request.lines(), catalog), at);
    }

    @Override
    public EligibilityResult eligibility(CommandContext context, EligibilityRequest request) {
        EligibilityPolicy.check(request);
        UUID versionId = request.catalogVersionId() != null ? request.catalogVersionId()
                : versions.latestPublished(context.tenantId()).orElseThrow(() -> DomainException.notFound(
                        NO_PUBLISHED_CATALOG, "No catalog version has been published yet."));
        PublishedCatalog catalog = published(context, versionId);
        AccountStanding standing = request.accountId() == null || request.accountId().isBlank() ? null
                : standings.find(context.tenantId(), request.accountId().strip()).orElse(null);
        Instant at = request.requestedAt() != null ? request.requestedAt() : Instant.now();
        return new EligibilityPolicy(catalog).decide(request, standing, at);
    }

    @Override
    public Map<String, ProductSpecification> specifications(CommandContext context, UUID publishedVersionId, Set<String> ids) {
        PublishedCatalog catalog = published(context, publishedVersionId);
        Map<String, ProductSpecification> found = new LinkedHashMap<>();
        ids.stream().sorted().forEach(id -> catalog.specification(id).ifPresent(s -> found.put(id, s)));
        return found;
    }

    private PublishedCatalog published(CommandContext context, UUID versionId) {
        PublishedCatalog cached = published.cached(context.tenantId(), versionId);
        if (cached != null) {
            return cached;
        }
        CatalogVersion version = versions.get(context.tenantId(), versionId);
        if (!version.isPublished()) {
            throw DomainException.ruleViolation("Only a published catalog version can be sold from.",
                    List.of(new Violation(CATALOG_VERSION_NOT_PUBLISHED, "catalogVersionId",
                            "Catalog version " + versionId + " is a draft.")));
        }
        return published.of(version);
    }

    /** The offerings of a version: published ones from memory, drafts from the database. */
    private Contents contents(CommandContext context, UUID versionId) {
        UUID id = versionId != null ? versionId : versions.latestPublished(context.tenantId())
                .orElseThrow(() -> DomainException.notFound(NO_PUBLISHED_CATALOG,
                        "No catalog version has been published yet."));
        PublishedCatalog cached = published.cached(context.tenantId(), id);
        if (cached != null) {
            return new Contents(cached.version(), cached, null);
        }
        CatalogVersion version = visible(context, id);
        if (version.isPublished()) {
            PublishedCatalog catalog = published.of(version);
            return new Contents(catalog.version(), catalog, null);
        }
        return new Contents(version.view(), null, version.content());
    }

    /** A version's content: a published one indexed in memory, a draft as its document. */
    private record Contents(CatalogVersionView version, PublishedCatalog published, CatalogDocument document) {

        Collection<ProductOffering> offerings() {
            return document != null ? document.productOfferings() : published.offerings();
        }

        Optional<ProductOffering> offering(String id) {
            return document != null
                    ? document.productOfferings().stream().filter(o -> o.id().equals(id)).findFirst()
                    : published.offering(id);
        }

        Optional<ProductSpecification> specification(String id) {
            return document != null
                    ? document.productSpecifications().stream().filter(s -> s.id().equals(id)).findFirst()
                    : published.specification(id);
        }
    }

    private void audit(CommandContext context, Instant now, String action, CatalogVersion version, Map<String, ?> details) {
        versions.record(new AuditEntry(context, now, action, AGGREGATE, version.id().toString(), version.entityVersion(), details));
    }

    private static Map<String, Object> details(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            if (keyValues[i + 1] != null) {
                map.put((String) keyValues[i], keyValues[i + 1] instanceof UUID u ? u.toString() : keyValues[i + 1]);
            }
        }
        return map;
    }
}
