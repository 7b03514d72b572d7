package io.cpqoms.web.order;

import io.cpqoms.kernel.Roles;
import io.cpqoms.order.api.BillingTriggerView;
import io.cpqoms.order.api.CancellationCommands;
import io.cpqoms.order.api.CancellationRequest;
import io.cpqoms.order.api.CaptureResult;
import io.cpqoms.order.api.ForcedCompletion;
import io.cpqoms.order.api.FulfillmentCommands;
import io.cpqoms.order.api.CustomerOrderStatus;
import io.cpqoms.order.api.DirectOrder;
import io.cpqoms.order.api.FulfillmentItemView;
import io.cpqoms.order.api.KeysetPage;
import io.cpqoms.order.api.OrderEventLogEntry;
import io.cpqoms.order.api.OrderCommands;
import io.cpqoms.order.api.OrderQueries;
import io.cpqoms.order.api.OrderQuery;
import io.cpqoms.order.api.OrderStatus;
import io.cpqoms.order.api.OrderSummary;
import io.cpqoms.order.api.OrderView;
import io.cpqoms.order.api.QuoteConversion;
import io.cpqoms.order.api.Jeopardy;
import io.cpqoms.order.api.MilestoneView;
import io.cpqoms.order.api.TimelineEntry;
import io.cpqoms.order.api.ValidationCommands;
import io.cpqoms.order.api.ValidationOverride;
import io.cpqoms.web.CallerContext;
import io.cpqoms.web.Parameters;
import io.cpqoms.web.PublicLinks;
import io.cpqoms.web.SensitiveAction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Orders (seed 000, section 36): capture, reads, the fulfillment plan, the billing triggers and the timeline. */
@Path("orders")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Orders")
public class OrdersResource {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    @EJB
    OrderCommands commands;

    @EJB
    OrderQueries queries;

    @EJB
    CancellationCommands cancellation;

    @EJB
    ValidationCommands validation;

    @EJB
    FulfillmentCommands fulfillment;

    @Inject
    CallerContext caller;

    @Inject
    PublicLinks links;

    @POST
    @Path("from-quote")
    @RolesAllowed({Roles.SALES, Roles.ORDER_CAPTURE})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "captureOrderFromQuote", summary = "Capture an order from an accepted quote",
            description = "Idempotent on the acceptance and on the Idempotency-Key header: a repeated or concurrent"
                    + " request returns the same order (201 the first time, 200 after).")
    @APIResponse(responseCode = "201", description = "The order, captured now",
            content = @Content(schema = @Schema(implementation = OrderView.class)))
    @APIResponse(responseCode = "200", description = "The order this acceptance or key captured before",
            content = @Content(schema = @Schema(implementation = OrderView.class)))
    @APIResponse(responseCode = "404", description = "No such quote", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "409", description = "The Idempotency-Key was used for another request, a superseded "
            + "revision (QUOTE_REVISION_SUPERSEDED), a cancelled (QUOTE_CANCELLED) or expired (QUOTE_EXPIRED) quote",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "422", description = "A validation blocker (quote not accepted, wrong revision or"
            + " acceptance, product no longer orderable, data missing)", content = @Content(mediaType = "application/problem+json"))
    public Response fromQuote(QuoteConversion body, @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey) {
        return captured(commands.captureFromQuote(caller.command(), body, idempotencyKey));
    }

    @POST
    @RolesAllowed(Roles.ORDER_CAPTURE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "captureDirectOrder", summary = "Capture an order directly, without a quote",
            description = "Lines are configured and priced against a published catalog version. With an"
                    + " Idempotency-Key, a repeated request returns the same order.")
    @APIResponse(responseCode = "201", description = "The order, captured now",
            content = @Content(schema = @Schema(implementation = OrderView.class)))
    @APIResponse(responseCode = "200", description = "The order this Idempotency-Key captured before",
            content = @Content(schema = @Schema(implementation = OrderView.class)))
    @APIResponse(responseCode = "409", description = "The Idempotency-Key was used for another request",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "422", description = "A validation blocker", content = @Content(mediaType = "application/problem+json"))
    public Response direct(DirectOrder body, @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey) {
        return captured(commands.captureDirect(caller.command(), body, idempotencyKey));
    }

    private Response captured(CaptureResult result) {
        return result.created() ? links.created(result.order(), "orders", result.order().id())
                : Response.ok(result.order()).build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.SALES, Roles.ORDER_CAPTURE, Roles.OPERATIONS, Roles.OPERATIONS_SUPERVISOR, Roles.CUSTOMER_SERVICE})
    @Operation(operationId = "getOrder", summary = "One order", description = "Customer service gets the customer-facing view (no process"
            + " internals); the other roles get the order with its lines and last validation result.")
    @APIResponse(responseCode = "200", description = "The order, in the view the caller's role gets",
            content = @Content(schema = @Schema(ref = "OrderOrCustomerOrderView")))
    @APIResponse(responseCode = "404", description = "No such order", content = @Content(mediaType = "application/problem+json"))
    public Object get(@PathParam("id") String id) {
        if (customerFacing()) {
            return queries.customerView(caller.command(), Parameters.uuid("id", id));
        }
        return queries.order(caller.command(), Parameters.uuid("id", id));
    }

    /** Customer service sees what the customer is told, unless another role of the caller sees more. */
    private boolean customerFacing() {
        return caller.inRole(Roles.CUSTOMER_SERVICE) && !caller.inRole(Roles.OPERATIONS) && !caller.inRole(Roles.SALES)
                && !caller.inRole(Roles.ORDER_CAPTURE) && !caller.inRole(Roles.OPERATIONS_SUPERVISOR);
    }

    @GET
    @RolesAllowed({Roles.SALES, Roles.ORDER_CAPTURE, Roles.OPERATIONS, Roles.OPERATIONS_SUPERVISOR, Roles.CUSTOMER_SERVICE})
    @Operation(operationId = "listOrders", summary = "Orders, newest first, filtered and keyset-paged",
            description = "Pass the 'next' cursor of a page as 'after' to get the following page. Customer service gets"
                    + " the customer-facing list: statuses RECEIVED, ON_HOLD, IN_PROGRESS, COMPLETED, CANCELLING, CANCELLED,"
                    + " NOT_FULFILLED, and filters by them; the other roles get and filter by the order statuses, and by"
                    + " jeopardy (WARNING or BREACH: the orders operations must look at).")
    @APIResponse(responseCode = "200", description = "One page",
            content = @Content(schema = @Schema(implementation = KeysetPage.class)))
    @APIResponse(responseCode = "400", description = "A parameter is not valid", content = @Content(mediaType = "application/problem+json"))
    public Object list(@QueryParam("customerId") String customerId, @QueryParam("status") String status,
                       @QueryParam("jeopardy") String jeopardy,
                       @QueryParam("createdFrom") String createdFrom, @QueryParam("createdTo") String createdTo,
                       @QueryParam("limit") String limit, @QueryParam("after") String after) {
        boolean customerFacing = customerFacing();
        Set<OrderStatus> statuses = customerFacing
                ? Optional.ofNullable(Parameters.enumeration("status", status, CustomerOrderStatus.class))
                        .map(CustomerOrderStatus::orderStatuses).orElse(Set.of())
                : Optional.ofNullable(Parameters.enumeration("status", status, OrderStatus.class)).map(Set::of).orElse(Set.of());
        OrderQuery query = new OrderQuery(Parameters.text(customerId), statuses,
                customerFacing ? null : Parameters.enumeration("jeopardy", jeopardy, Jeopardy.class),
                Parameters.instant("createdFrom", createdFrom), Parameters.instant("createdTo", createdTo),
                Parameters.integer("limit", limit, 50), Parameters.text(after));
        return customerFacing ? queries.customerOrders(caller.command(), query) : queries.orders(caller.command(), query);
    }

    @GET
    @Path("{id}/fulfillment-items")
    @RolesAllowed({Roles.OPERATIONS, Roles.OPERATIONS_SUPERVISOR, Roles.BREAK_GLASS})
    @Operation(operationId = "listFulfillmentItems", summary = "The order's fulfillment plan: items, dependencies, statuses and external references")
    @APIResponse(responseCode = "200", description = "The items in plan order",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = FulfillmentItemView.class)))
    @APIResponse(responseCode = "404", description = "No such order", content = @Content(mediaType = "application/problem+json"))
    public List<FulfillmentItemView> fulfillmentItems(@PathParam("id") String id) {
        return queries.fulfillmentItems(caller.command(), Parameters.uuid("id", id));
    }

    @GET
    @Path("{id}/timeline")
    @RolesAllowed({Roles.OPERATIONS, Roles.OPERATIONS_SUPERVISOR, Roles.AUDITOR})
    @Operation(operationId = "getOrderTimeline", summary = "The order's audit timeline, from quote acceptance to completion")
    @APIResponse(responseCode = "200", description = "Entries in the order they happened",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = TimelineEntry.class)))
    @APIResponse(responseCode = "404", description = "No such order", content = @Content(mediaType = "application/problem+json"))
    public List<TimelineEntry> timeline(@PathParam("id") String id) {
        return queries.timeline(caller.command(), Parameters.uuid("id", id));
    }

    @GET
    @Path("{id}/milestones")
    @RolesAllowed({Roles.SALES, Roles.ORDER_CAPTURE, Roles.OPERATIONS, Roles.OPERATIONS_SUPERVISOR, Roles.CUSTOMER_SERVICE})
    @Operation(operationId = "listOrderMilestones", summary = "The milestones the order reached (seed 000, section 31), each once,"
            + " in the order reached")
    @APIResponse(responseCode = "200", description = "Milestones with when they were reached",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = MilestoneView.class)))
    @APIResponse(responseCode = "404", description = "No such order", content = @Content(mediaType = "application/problem+json"))
    public List<MilestoneView> milestones(@PathParam("id") String id) {
        return queries.milestones(caller.command(), Parameters.uuid("id", id));
    }

    @GET
    @Path("{id}/events")
    @RolesAllowed({Roles.OPERATIONS, Roles.OPERATIONS_SUPERVISOR, Roles.AUDITOR})
    @Operation(operationId = "listOrderEvents", summary = "The order's integration events (order.captured.v1 ... order.completed.v1) and when each was published")
    @APIResponse(responseCode = "200", description = "Events in the order they were written",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = OrderEventLogEntry.class)))
    @APIResponse(responseCode = "404", description = "No such order", content = @Content(mediaType = "application/problem+json"))
    public List<OrderEventLogEntry> events(@PathParam("id") String id) {
        return queries.events(caller.command(), Parameters.uuid("id", id));
    }

    @GET
    @Path("{id}/billing-triggers")
    @RolesAllowed({Roles.OPERATIONS, Roles.OPERATIONS_SUPERVISOR, Roles.CUSTOMER_SERVICE, Roles.AUDITOR})
    @Operation(operationId = "listOrderBillingTriggers", summary = "The order's billing triggers (seed 002 section 17): what billing"
            + " is told to start, change, stop, suspend, resume or charge once, per line, from which date, at which price,"
            + " and billing's answer")
    @APIResponse(responseCode = "200", description = "The triggers, oldest first",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = BillingTriggerView.class)))
    @APIResponse(responseCode = "404", description = "No such order", content = @Content(mediaType = "application/problem+json"))
    public List<BillingTriggerView> billingTriggers(@PathParam("id") String id) {
        return queries.billingTriggers(caller.command(), Parameters.uuid("id", id));
    }

    // ---- interventions (seed 000, section 37) ---------------------------------------------------

    @POST
    @Path("{id}/cancellations")
    @RolesAllowed(Roles.OPERATIONS_SUPERVISOR)
    @SensitiveAction("CANCEL_ORDER")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "cancelOrder", summary = "Cancel an order",
            description = "Before fulfillment the order is CANCELLED at once. In fulfillment it is CANCELLING: items not"
                    + " started are cancelled and completed work is compensated by its system in reverse order, then the"
                    + " order is CANCELLED. Work without a compensation action is the point of no return. Asking again"
                    + " changes nothing.")
    @APIResponse(responseCode = "200", description = "The order, CANCELLED or CANCELLING",
            content = @Content(schema = @Schema(implementation = OrderView.class)))
    @APIResponse(responseCode = "400", description = "Reason or initiator missing", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "404", description = "No such order", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "409", description = "The order is completed (ORDER_NOT_CANCELLABLE) or past the point of"
            + " no return (POINT_OF_NO_RETURN)", content = @Content(mediaType = "application/problem+json"))
    public OrderView cancel(@PathParam("id") String id, CancellationRequest body) {
        return cancellation.cancel(caller.command(), Parameters.uuid("id", id), body);
    }

    @POST
    @Path("{id}/validation-overrides")
    @RolesAllowed(Roles.OPERATIONS_SUPERVISOR)
    @SensitiveAction("OVERRIDE_VALIDATION_BLOCKER")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "overrideValidationBlockers", summary = "Override the overridable blockers of a held order",
            description = "The validation result keeps who overrode it, when and why; the order goes on to decomposition.")
    @APIResponse(responseCode = "200", description = "The order, VALIDATED",
            content = @Content(schema = @Schema(implementation = OrderView.class)))
    @APIResponse(responseCode = "400", description = "Reason missing", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "404", description = "No such order", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "409", description = "The order is not held (ORDER_NOT_HELD) or a blocker cannot be"
            + " overridden (BLOCKER_NOT_OVERRIDABLE)", content = @Content(mediaType = "application/problem+json"))
    public OrderView overrideValidation(@PathParam("id") String id, ValidationOverride.Request body) {
        return validation.overrideBlockers(caller.command(), Parameters.uuid("id", id),
                body);
    }

    @POST
    @Path("{id}/fulfillment-items/{itemId}/force-completions")
    @RolesAllowed(Roles.BREAK_GLASS)
    @SensitiveAction("FORCE_COMPLETE_ITEM")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "forceCompleteFulfillmentItem", summary = "Break glass: complete a fulfillment item without its system's report",
            description = "Only with a reason; the audit trail gets the completion and an extra BREAK_GLASS_USED record."
                    + " The item's open fallout case is resolved and the order goes on.")
    @APIResponse(responseCode = "200", description = "The item, COMPLETED",
            content = @Content(schema = @Schema(implementation = FulfillmentItemView.class)))
    @APIResponse(responseCode = "400", description = "Reason missing", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "404", description = "No such order or item", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "409", description = "The item is not under way or failed, or the order is not in fulfillment",
            content = @Content(mediaType = "application/problem+json"))
    public FulfillmentItemView forceComplete(@PathParam("id") String id, @PathParam("itemId") String itemId, ForcedCompletion body) {
        return fulfillment.forceCompleteItem(caller.command(), Parameters.uuid("id", id), Parameters.uuid("itemId", itemId),
                body);
    }
}
