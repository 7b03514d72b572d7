package io.cpqoms.web.quote;

import io.cpqoms.catalog.api.ConfigurationRequest;
import io.cpqoms.kernel.Roles;
import io.cpqoms.quote.api.AcceptanceRequest;
import io.cpqoms.quote.api.ApprovalDecisionRequest;
import io.cpqoms.quote.api.QuoteCancellationRequest;
import io.cpqoms.quote.api.NewQuote;
import io.cpqoms.quote.api.NewQuoteItems;
import io.cpqoms.quote.api.PriceOverrideRequest;
import io.cpqoms.quote.api.ProductChange;
import io.cpqoms.quote.api.QuoteCommands;
import io.cpqoms.quote.api.QuoteQueries;
import io.cpqoms.quote.api.QuoteDocument;
import io.cpqoms.quote.api.QuoteSearch;
import io.cpqoms.quote.api.QuoteSearchPage;
import io.cpqoms.quote.api.QuoteStatus;
import io.cpqoms.quote.api.QuoteTimelineEntry;
import io.cpqoms.quote.api.QuoteView;
import io.cpqoms.kernel.DomainException;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import io.cpqoms.web.BatchBody;
import io.cpqoms.web.CallerContext;
import io.cpqoms.web.Parameters;
import io.cpqoms.web.PublicLinks;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Quotes: started for a customer on a published catalog version, filled with configured items (one at
 * a time or in batches), priced into a stored snapshot (with manual overrides of single charges) and
 * accepted by the customer.
 */
@Path("quotes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Quotes")
public class QuotesResource {

    private static final String PROBLEM = "application/problem+json";
    static final String PDF = "application/pdf";
    /** An internal document (with costs and margins) asked for by a caller who does not see costs (403). */
    public static final String COSTS_NOT_VISIBLE = "COSTS_NOT_VISIBLE";
    /** SUPERSEDED is the status of a kept revision, never of a quote: the search does not take it. */
    static final String SEARCHABLE_STATUSES = "DRAFT, PRICED, PENDING_APPROVAL, APPROVED, REJECTED, ACCEPTED, CANCELLED, EXPIRED";

    @EJB
    QuoteCommands commands;

    @EJB
    QuoteQueries queries;

    @Inject
    CallerContext caller;

    @Inject
    PublicLinks links;

    @POST
    @RolesAllowed(Roles.SALES)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "startQuote", summary = "Start a draft quote for a customer",
            description = "The quote is pinned to the named published catalog version, or to the newest published "
                    + "one; it is valid until the given date or for 30 days.")
    @APIResponse(responseCode = "201", description = "The draft quote",
            content = @Content(schema = @Schema(implementation = QuoteView.class)))
    @APIResponse(responseCode = "400", description = "customerId or channel missing, validUntil in the past (INVALID_QUOTE_REQUEST)",
            content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "422", description = "No published catalog version, or the named one is not published",
            content = @Content(mediaType = PROBLEM))
    public Response start(NewQuote body) {
        QuoteView started = commands.start(caller.command(), body);
        return links.created(started, "quotes", started.id());
    }

    @GET
    @RolesAllowed({Roles.SALES, Roles.SALES_APPROVER, Roles.DEAL_DESK, Roles.CUSTOMER_SERVICE})
    @Operation(operationId = "searchQuotes", summary = "Search the tenant's quotes by customer, status, owner and end of validity, keyset-paged",
            description = "Every filter is optional and they combine. Newest quote first; with expiringBefore, the open quotes "
                    + "(DRAFT, PRICED, PENDING_APPROVAL, APPROVED, REJECTED) whose validity ends before that day, soonest first. "
                    + "Pass the 'next' cursor of a page as 'after', with the same filters, for the following page; 'next' is "
                    + "null on the last page. Totals only, no costs.")
    @APIResponse(responseCode = "200", description = "One page",
            content = @Content(schema = @Schema(implementation = QuoteSearchPage.class)))
    @APIResponse(responseCode = "400", description = "A parameter is not valid (INVALID_PARAMETER), a page size out of 1 to 200 or "
            + "a cursor this search did not return (INVALID_PAGE)", content = @Content(mediaType = PROBLEM))
    public QuoteSearchPage search(
            @Parameter(description = "The customer's id", schema = @Schema(type = SchemaType.STRING, maxLength = 100))
            @QueryParam("customerId") String customerId,
            @Parameter(description = "The status of the quote's latest revision", schema = @Schema(type = SchemaType.STRING,
                    enumeration = {"DRAFT", "PRICED", "PENDING_APPROVAL", "APPROVED", "REJECTED", "ACCEPTED", "CANCELLED", "EXPIRED"}))
            @QueryParam("status") String status,
            @Parameter(description = "The user who started the quote", schema = @Schema(type = SchemaType.STRING, maxLength = 200))
            @QueryParam("owner") String owner,
            @Parameter(description = "Open quotes whose validity ends before this day (ISO-8601 date)",
                    schema = @Schema(type = SchemaType.STRING, format = "date"))
            @QueryParam("expiringBefore") String expiringBefore,
            @Parameter(description = "Page size, 1 to 200 (default 50)", schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "200"))
            @QueryParam("limit") String limit,
            @Parameter(description = "The 'next' cursor of the previous page", schema = @Schema(type = SchemaType.STRING, maxLength = 500))
            @QueryParam("after") String after) {
        QuoteStatus wanted = Parameters.enumeration("status", status, QuoteStatus.class);
        if (wanted == QuoteStatus.SUPERSEDED) {
            throw DomainException.invalidInput(Parameters.INVALID_PARAMETER, "status must be one of [" + SEARCHABLE_STATUSES
                    + "]; SUPERSEDED is the status of a kept revision (GET /quotes/{id}/revisions/{revision}), never of a quote.");
        }
        return queries.search(caller.command(), new QuoteSearch(Parameters.text("customerId", customerId, 100), wanted,
                Parameters.text("owner", owner, 200), Parameters.date("expiringBefore", expiringBefore),
                Parameters.integer("limit", limit, 50), Parameters.text("after", after, 500)));
    }

    @GET
    @Path("{id}/timeline")
    @RolesAllowed({Roles.SALES, Roles.SALES_APPROVER, Roles.DEAL_DESK, Roles.CUSTOMER_SERVICE, Roles.AUDITOR})
    @Operation(operationId = "getQuoteTimeline", summary = "The quote's history across its revisions, from its audit trail",
            description = "Started, items added, prices overridden, priced, submitted, each approval decision, revised, accepted, "
                    + "expired, cancelled: in the order they happened, each with its revision, actor, time, correlation id and "
                    + "the command's details. A caller who does not see costs gets the details without costs and margins.")
    @APIResponse(responseCode = "200", description = "Entries in the order they happened",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = QuoteTimelineEntry.class)))
    @APIResponse(responseCode = "404", description = "No such quote (QUOTE_NOT_FOUND)", content = @Content(mediaType = PROBLEM))
    public List<QuoteTimelineEntry> timeline(@PathParam("id") String id) {
        List<QuoteTimelineEntry> timeline = queries.timeline(caller.command(), Parameters.uuid("id", id));
        return caller.seesCosts() ? timeline : timeline.stream().map(QuoteTimelineEntry::withoutCosts).toList();
    }

    @GET
    @Path("{id}/revisions/{revision}")
    @RolesAllowed({Roles.SALES, Roles.SALES_APPROVER, Roles.DEAL_DESK, Roles.CUSTOMER_SERVICE})
    @Operation(operationId = "getQuoteRevision", summary = "One revision of the quote as it was offered",
            description = "The latest revision as it stands; an earlier one as it was kept when it was superseded (status "
                    + "SUPERSEDED, with its items, price snapshot and approval).")
    @APIResponse(responseCode = "200", description = "The revision",
            content = @Content(schema = @Schema(implementation = QuoteView.class)))
    @APIResponse(responseCode = "400", description = "The revision is not a whole number (INVALID_PARAMETER)",
            content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "404", description = "No such quote (QUOTE_NOT_FOUND) or revision (QUOTE_REVISION_NOT_FOUND)",
            content = @Content(mediaType = PROBLEM))
    public QuoteView revision(@PathParam("id") String id,
                              @Parameter(description = "The revision number, 1 for the first", required = true, schema = @Schema(type = SchemaType.STRING,
                                      pattern = "^[0-9]{1,9}$"))
                              @PathParam("revision") String revision) {
        return view(queries.revision(caller.command(), Parameters.uuid("id", id), revisionNumber(revision)));
    }

    private static int revisionNumber(String revision) {
        if (revision == null || !revision.matches("[0-9]{1,9}")) {
            throw DomainException.invalidInput(Parameters.INVALID_PARAMETER, "revision must be a whole number such as 1, not '"
                    + io.cpqoms.kernel.JsonBody.excerpt(revision == null ? "" : revision) + "'.");
        }
        return Integer.parseInt(revision);
    }

    @GET
    @Path("{id}/document")
    @Produces(PDF)
    @RolesAllowed({Roles.SALES, Roles.SALES_APPROVER, Roles.DEAL_DESK, Roles.CUSTOMER_SERVICE})
    @Operation(operationId = "getQuoteDocument", summary = "The quote document (PDF) of a revision, from its stored price snapshot",
            description = "Offerings with their configuration, one-time and recurring charges with their discounts, totals and "
                    + "currency, validity and a summary of the terms, the revision, its price snapshot and its approval reference; "
                    + "made from what was stored when the revision was priced, never recalculated. audience CUSTOMER is the "
                    + "customer-facing document (no costs, margins or approvers' notes); INTERNAL adds them for the provider's "
                    + "own people. Default: INTERNAL for a caller who sees costs, CUSTOMER for others (customer service).")
    @APIResponse(responseCode = "200", description = "The document",
            content = @Content(mediaType = PDF, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "400", description = "The revision is not a whole number, or audience not CUSTOMER or INTERNAL "
            + "(INVALID_PARAMETER)", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "403", description = "An INTERNAL document for a caller who does not see costs (COSTS_NOT_VISIBLE)",
            content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "404", description = "No such quote (QUOTE_NOT_FOUND) or revision (QUOTE_REVISION_NOT_FOUND)",
            content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "406", description = "The Accept header excludes application/pdf (NOT_ACCEPTABLE)",
            content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "409", description = "The revision has no price (QUOTE_NOT_PRICED)", content = @Content(mediaType = PROBLEM))
    public Response document(@PathParam("id") String id,
                             @Parameter(description = "The revision number; the latest when absent", schema = @Schema(
                                     type = SchemaType.STRING, pattern = "^[0-9]{1,9}$"))
                             @QueryParam("revision") String revision,
                             @Parameter(description = "CUSTOMER or INTERNAL", schema = @Schema(type = SchemaType.STRING,
                                     enumeration = {"CUSTOMER", "INTERNAL"}))
                             @QueryParam("audience") String audience) {
        QuoteDocument.Audience wanted = Parameters.enumeration("audience", audience, QuoteDocument.Audience.class);
        if (wanted == null) {
            wanted = caller.seesCosts() ? QuoteDocument.Audience.INTERNAL : QuoteDocument.Audience.CUSTOMER;
        } else if (wanted == QuoteDocument.Audience.INTERNAL && !caller.seesCosts()) {
            throw DomainException.forbidden(COSTS_NOT_VISIBLE, "The internal document shows costs and margins, which this "
                    + "caller's roles do not see; ask for audience CUSTOMER.");
        }
        QuoteDocument document = queries.document(caller.command(), Parameters.uuid("id", id),
                Parameters.text(revision) == null ? null : revisionNumber(revision), wanted);
        return Response.ok(QuoteDocumentPdf.render(document), PDF)
                .header("Content-Disposition", "inline; filename=\"" + document.quoteNumber() + "-rev" + document.revision()
                        + (document.audience() == QuoteDocument.Audience.CUSTOMER ? "" : "-internal") + ".pdf\"")
                .build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.SALES, Roles.SALES_APPROVER, Roles.DEAL_DESK, Roles.CUSTOMER_SERVICE})
    @Operation(operationId = "getQuote", summary = "One quote at its latest revision with its items, price snapshot, approval and acceptance")
    @APIResponse(responseCode = "200", description = "The quote",
            content = @Content(schema = @Schema(implementation = QuoteView.class)))
    @APIResponse(responseCode = "404", description = "No such quote (QUOTE_NOT_FOUND)", content = @Content(mediaType = PROBLEM))
    public QuoteView get(@PathParam("id") String id) {
        QuoteView quote = queries.quote(caller.command(), Parameters.uuid("id", id));
        return caller.seesCosts() ? quote : quote.withoutCosts();
    }

    @POST
    @Path("{id}/items")
    @RolesAllowed(Roles.SALES)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "addQuoteItem", summary = "Add a configured item (a bundle with its children) checked against the pinned catalog version",
            description = "A priced quote loses its price snapshot and is a draft again.")
    @APIResponse(responseCode = "200", description = "The quote with the new items",
            content = @Content(schema = @Schema(implementation = QuoteView.class)))
    @APIResponse(responseCode = "404", description = "No such quote (QUOTE_NOT_FOUND)", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "409", description = "The quote is accepted (QUOTE_NOT_EDITABLE)", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "422", description = "The item does not fit the catalog", content = @Content(mediaType = PROBLEM))
    public QuoteView addItem(@PathParam("id") String id, ConfigurationRequest body) {
        return commands.addItem(caller.command(), Parameters.uuid("id", id), body);
    }

    @POST
    @Path("{id}/items/batch")
    @RolesAllowed(Roles.SALES)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "addQuoteItems", summary = "Add many configured items in one command",
            description = "Body {\"items\": [item, ...]} with 1 to 1000 items, each like the body of POST /quotes/{id}/items. "
                    + "One transaction: every item is checked against the pinned catalog version and either all are added "
                    + "(as the next top-level lines, in order) or, when any breaks a rule, none; the 422 lists every "
                    + "violation with its item (items[3].characteristics.bandwidthMbps). A priced quote loses its price "
                    + "snapshot and is a draft again.")
    @APIResponse(responseCode = "200", description = "The quote with the new items",
            content = @Content(schema = @Schema(implementation = QuoteView.class)))
    @APIResponse(responseCode = "400", description = "No items, more than 1000, or an empty item (QUOTE_ITEMS_INVALID)",
            content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "404", description = "No such quote (QUOTE_NOT_FOUND)", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "409", description = "The quote is accepted (QUOTE_NOT_EDITABLE)", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "422", description = "Items do not fit the catalog; none was added", content = @Content(mediaType = PROBLEM))
    public QuoteView addItems(@PathParam("id") String id, @BatchBody NewQuoteItems body) {
        return commands.addItems(caller.command(), Parameters.uuid("id", id), body.items());
    }

    @POST
    @Path("{id}/change-items")
    @RolesAllowed(Roles.SALES)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "addQuoteChange", summary = "Add the change of a product of the customer's installed base (a change quote)",
            description = "Body {productId, action?, characteristics?, quantity?}: MODIFY (default; the values to change, merged "
                    + "over the product's), DELETE or NO_CHANGE. The items are computed from the product's bundle tree as it is "
                    + "now: the members that change are MODIFY, the others NO_CHANGE, a DELETE takes every member. Each item "
                    + "names its product, the product's version and its recurring price now; items acting on a product are "
                    + "priced without one-time charges, DELETE items not at all. A priced quote loses its price snapshot.")
    @APIResponse(responseCode = "200", description = "The quote with the change's items",
            content = @Content(schema = @Schema(implementation = QuoteView.class)))
    @APIResponse(responseCode = "404", description = "No such quote (QUOTE_NOT_FOUND)", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "409", description = "The quote is accepted (QUOTE_NOT_EDITABLE)", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "422", description = "The installed base does not allow the change (PRODUCT_NOT_FOUND, "
            + "PRODUCT_NOT_IN_ACCOUNT, PRODUCT_STATE_FORBIDS_ACTION, CONFLICTING_ACTIVE_ORDER, CHANGE_HAS_NO_EFFECT, "
            + "LINE_ACTION_NOT_ALLOWED, a catalog rule)", content = @Content(mediaType = PROBLEM))
    public QuoteView addChange(@PathParam("id") String id, ProductChange body) {
        return commands.addChange(caller.command(), Parameters.uuid("id", id), body);
    }

    @POST
    @Path("{id}/items/{itemId}/price-overrides")
    @RolesAllowed(Roles.SALES)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "overrideQuoteItemPrice", summary = "Override the net amount of one charge of a quote item, with a reason",
            description = "Body {priceId, amount, reason}: priceId is the id of a one-time or recurring price definition of "
                    + "the item's offering; amount is the new net amount of that charge for the item's whole quantity, "
                    + "before tax, in the price's currency; reason is required. The caller is recorded as actor; the "
                    + "override replaces an earlier one of the same charge and is audited. A priced quote loses its price "
                    + "snapshot and is a draft again; the next pricing applies the override at its step and shows actor, "
                    + "reason and the amounts before and after in the breakdown.")
    @APIResponse(responseCode = "200", description = "The quote with the override on its item",
            content = @Content(schema = @Schema(implementation = QuoteView.class)))
    @APIResponse(responseCode = "400", description = "priceId, amount or reason missing, a negative amount or more decimals than "
            + "the currency has (PRICE_OVERRIDE_INVALID)", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "404", description = "No such quote (QUOTE_NOT_FOUND) or item (QUOTE_ITEM_NOT_FOUND)",
            content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "409", description = "The quote is accepted (QUOTE_NOT_EDITABLE)", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "422", description = "Not a price of the item's offering (PRICE_OVERRIDE_TARGET_NOT_FOUND) or a "
            + "usage charge (PRICE_OVERRIDE_NOT_APPLICABLE)", content = @Content(mediaType = PROBLEM))
    public QuoteView overridePrice(@PathParam("id") String id, @PathParam("itemId") String itemId, PriceOverrideRequest body) {
        return commands.overridePrice(caller.command(), Parameters.uuid("id", id), Parameters.uuid("itemId", itemId),
                body);
    }

    @POST
    @Path("{id}/pricing")
    @RolesAllowed(Roles.SALES)
    @Operation(operationId = "priceQuote", summary = "Price every item with the pinned catalog version and store the price snapshot",
            description = "The pricing pipeline (docs/pricing.md) prices each item as its own line: list price, volume tiers, "
                    + "contract term, bundle discount, promotions valid now, manual overrides, rounding; every charge "
                    + "carries its breakdown and the snapshot its approval signals and tax placeholder.")
    @APIResponse(responseCode = "200", description = "The priced quote",
            content = @Content(schema = @Schema(implementation = QuoteView.class)))
    @APIResponse(responseCode = "404", description = "No such quote (QUOTE_NOT_FOUND)", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "409", description = "The quote is accepted (QUOTE_NOT_EDITABLE)", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "422", description = "The quote has no items (QUOTE_HAS_NO_ITEMS) or its lines cannot be priced",
            content = @Content(mediaType = PROBLEM))
    public QuoteView price(@PathParam("id") String id) {
        return commands.price(caller.command(), Parameters.uuid("id", id));
    }

    @POST
    @Path("{id}/acceptance")
    @RolesAllowed(Roles.SALES)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "acceptQuote", summary = "Record the customer's acceptance of a priced revision",
            description = "Acceptance uses the stored price snapshot. Recording the same acceptance again (same "
                    + "revision and customer contact) returns the quote unchanged.")
    @APIResponse(responseCode = "200", description = "The accepted quote with its acceptance",
            content = @Content(schema = @Schema(implementation = QuoteView.class)))
    @APIResponse(responseCode = "400", description = "revision or customerContact missing (ACCEPTANCE_INVALID)",
            content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "404", description = "No such quote (QUOTE_NOT_FOUND)", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "409", description = "Not priced (QUOTE_NOT_PRICED), needs approval it does not have "
            + "(QUOTE_APPROVAL_REQUIRED), rejected (QUOTE_REJECTED), a superseded revision (QUOTE_REVISION_SUPERSEDED), "
            + "another revision (QUOTE_REVISION_MISMATCH), past its validity (QUOTE_EXPIRED), cancelled (QUOTE_CANCELLED) "
            + "or accepted with other evidence (QUOTE_ALREADY_ACCEPTED)", content = @Content(mediaType = PROBLEM))
    public QuoteView accept(@PathParam("id") String id, AcceptanceRequest body) {
        return commands.accept(caller.command(), Parameters.uuid("id", id), body);
    }

    @POST
    @Path("{id}/submission")
    @RolesAllowed(Roles.SALES)
    @Operation(operationId = "submitQuote", summary = "Submit the priced revision for approval",
            description = "The tenant's approval policy decides which of its rules the revision's price snapshot triggers "
                    + "(discount per line and overall, margin floor, manual override, non-standard contract term, eligibility "
                    + "exception), each naming its approval level. No rule: APPROVED at once. An approval of an earlier "
                    + "revision whose triggering signals are not exceeded and that adds no triggering line: APPROVED with "
                    + "carriedOverFrom. Otherwise PENDING_APPROVAL, waiting for level 1. The request is bound to the revision "
                    + "and its price snapshot.")
    @APIResponse(responseCode = "200", description = "The submitted quote with its approval request",
            content = @Content(schema = @Schema(implementation = QuoteView.class)))
    @APIResponse(responseCode = "404", description = "No such quote (QUOTE_NOT_FOUND)", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "409", description = "Not priced or already submitted (QUOTE_NOT_SUBMITTABLE), past its "
            + "validity (QUOTE_EXPIRED), cancelled (QUOTE_CANCELLED)", content = @Content(mediaType = PROBLEM))
    public QuoteView submit(@PathParam("id") String id) {
        return view(commands.submit(caller.command(), Parameters.uuid("id", id)));
    }

    @POST
    @Path("{id}/approvals")
    @RolesAllowed({Roles.SALES_APPROVER, Roles.DEAL_DESK})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "decideQuoteApproval", summary = "Approve or reject the pending approval request at its next level",
            description = "Body {decision: APPROVE|REJECT, comment, revision?, priceSnapshotId?}. The caller must hold the role "
                    + "of the level the request waits for (level 1 sales-approver, level 2 deal-desk in the demo policy) and "
                    + "must not be its requester. A rejection needs a reason (comment). The decision is bound to the revision "
                    + "and price snapshot of the request; naming another one is refused.")
    @APIResponse(responseCode = "200", description = "The quote with the decision recorded",
            content = @Content(schema = @Schema(implementation = QuoteView.class)))
    @APIResponse(responseCode = "400", description = "No decision (APPROVAL_DECISION_INVALID), a rejection without a reason "
            + "(REJECTION_REASON_REQUIRED)", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "403", description = "The requester's own request (SELF_APPROVAL), a level of another role "
            + "(APPROVAL_LEVEL_NOT_ALLOWED)", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "404", description = "No such quote (QUOTE_NOT_FOUND)", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "409", description = "No pending request (QUOTE_NOT_PENDING_APPROVAL), another revision or "
            + "snapshot (APPROVAL_REVISION_MISMATCH, QUOTE_REVISION_SUPERSEDED), expired (QUOTE_EXPIRED), cancelled "
            + "(QUOTE_CANCELLED)", content = @Content(mediaType = PROBLEM))
    public QuoteView decide(@PathParam("id") String id, ApprovalDecisionRequest body) {
        return view(commands.decide(caller.command(), Parameters.uuid("id", id), body));
    }

    @POST
    @Path("{id}/revisions")
    @RolesAllowed(Roles.SALES)
    @Operation(operationId = "reviseQuote", summary = "Start the next revision as a draft with the items copied",
            description = "Revision n is kept as it was offered (SUPERSEDED, with its price snapshot and approval) and can no "
                    + "longer be accepted or become an order; revision n+1 is a draft with the same items and overrides and "
                    + "no price. A pending approval request of revision n is withdrawn.")
    @APIResponse(responseCode = "200", description = "The quote at its new revision",
            content = @Content(schema = @Schema(implementation = QuoteView.class)))
    @APIResponse(responseCode = "404", description = "No such quote (QUOTE_NOT_FOUND)", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "409", description = "Accepted (QUOTE_NOT_REVISABLE), expired (QUOTE_EXPIRED), cancelled "
            + "(QUOTE_CANCELLED)", content = @Content(mediaType = PROBLEM))
    public QuoteView revise(@PathParam("id") String id) {
        return commands.revise(caller.command(), Parameters.uuid("id", id));
    }

    @POST
    @Path("{id}/cancellation")
    @RolesAllowed(Roles.SALES)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "cancelQuote", summary = "Cancel an open quote, with a reason",
            description = "A pending approval request is withdrawn. An accepted, expired or cancelled quote cannot be cancelled.")
    @APIResponse(responseCode = "200", description = "The cancelled quote",
            content = @Content(schema = @Schema(implementation = QuoteView.class)))
    @APIResponse(responseCode = "400", description = "No reason (CANCELLATION_INVALID)", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "404", description = "No such quote (QUOTE_NOT_FOUND)", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "409", description = "Accepted, expired or cancelled (QUOTE_NOT_CANCELLABLE)",
            content = @Content(mediaType = PROBLEM))
    public QuoteView cancel(@PathParam("id") String id, QuoteCancellationRequest body) {
        return commands.cancel(caller.command(), Parameters.uuid("id", id), body);
    }

    private QuoteView view(QuoteView quote) {
        return caller.seesCosts() ? quote : quote.withoutCosts();
    }
}
