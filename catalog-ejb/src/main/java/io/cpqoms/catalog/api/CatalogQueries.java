package io.cpqoms.catalog.api;

import io.cpqoms.kernel.CommandContext;
import io.cpqoms.kernel.Page;
import jakarta.ejb.Local;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** What the catalog answers. Published versions never change, so their answers are served from memory. */
@Local
public interface CatalogQueries {

    List<CatalogVersionView> versions(CommandContext context);

    CatalogVersionView version(CommandContext context, UUID versionId);

    Page<OfferingSummary> offerings(CommandContext context, OfferingQuery query);

    /** One offering of a version; a null version means the latest published one. */
    OfferingDetail offering(CommandContext context, String offeringId, UUID versionId);

    /**
     * The offering of a published version, provided it may be sold at that instant (ACTIVE and inside
     * its validity window); otherwise a rule violation that says why. Quotes and orders call this.
     */
    ProductOffering sellableOffering(CommandContext context, UUID publishedVersionId, String offeringId, Instant at);

    /**
     * Checks a configuration against a published version at an instant: the offering (and each child)
     * sellable, characteristics known, typed and allowed, required ones present (defaults applied),
     * bundle children declared and within their cardinality, and the version's configuration rules
     * (REQUIRES, EXCLUDES, DERIVES). Violations name their element under {@code target} (for example
     * {@code items[2]}). The product is the resolved configuration: derived values and children applied.
     */
    ConfigurationCheck configure(CommandContext context, UUID publishedVersionId, ConfigurationRequest request,
                                 String target, Instant at);

    /**
     * Evaluates a possibly partial configuration, as a configurator screen asks on every change: the
     * resolved configuration (defaults and derived values applied, derived children added, each value
     * with its source), the values and children still allowed with the rule that excludes each other
     * one, the violations and, apart, what is still missing. The answer is the same whether or not the
     * configuration is valid; only an unknown version or offering is refused (404). Published versions
     * are answered from memory; catalog administrators may also evaluate a draft.
     */
    ConfigurationEvaluation evaluateConfiguration(CommandContext context, ConfigurationEvaluationRequest request);

    /**
     * The catalog version a quote or order is pinned to: the named one, provided it is a published
     * version of the tenant (404 when the tenant has no such version, 422 when it is a draft), or
     * without a name the latest published one (422 when none is).
     */
    UUID publishedVersion(CommandContext context, UUID requested);

    /** Prices lines with the price definitions of a published version. */
    PriceSnapshot price(CommandContext context, UUID publishedVersionId, List<PricingLine> lines, Instant at);

    /**
     * Decides whether offerings may be offered to a customer and account, through a channel, at a
     * location and an instant (seed 002, section 7), with the published version named in the request or
     * the latest published one and the account standing projection. Every ineligible offering carries
     * its reasons (stable codes, explanations) and eligible alternatives of its family. Quotes call this.
     */
    EligibilityResult eligibility(CommandContext context, EligibilityRequest request);

    /** The specifications of a published version by id (fulfillment metadata included), for decomposition. */
    Map<String, ProductSpecification> specifications(CommandContext context, UUID publishedVersionId, Set<String> ids);
}
