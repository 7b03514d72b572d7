package io.cpqoms.web.worker;

import io.cpqoms.kernel.Roles;
import io.cpqoms.order.api.FulfillmentCommands;
import io.cpqoms.order.api.FulfillmentItemView;
import io.cpqoms.order.api.ItemCompletion;
import io.cpqoms.order.api.ItemFailure;
import io.cpqoms.web.CallerContext;
import io.cpqoms.web.Parameters;
import io.cpqoms.web.SensitiveAction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Item outcomes reported by workers over HTTP (the built-in worker reports over JMS): a completion
 * with the external reference, or a failure with a normalised code. A repeated report of the same
 * outcome returns the item unchanged.
 */
@Path("worker/orders/{orderId}/fulfillment-items/{itemId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.FULFILLMENT_WORKER)
@Tag(name = "Worker")
public class WorkerItemsResource {

    @EJB
    FulfillmentCommands fulfillment;

    @Inject
    CallerContext caller;

    @POST
    @Path("completions")
    @RolesAllowed(Roles.FULFILLMENT_WORKER)
    @SensitiveAction("REPORT_ITEM_COMPLETION")
    @Operation(operationId = "reportItemCompletion", summary = "Report that the responsible system completed the item")
    @APIResponse(responseCode = "200", description = "The item as recorded (unchanged for a repeated report)",
            content = @Content(schema = @Schema(implementation = FulfillmentItemView.class)))
    @APIResponse(responseCode = "404", description = "No such order or item", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "409", description = "The item is not waiting for this attempt's outcome",
            content = @Content(mediaType = "application/problem+json"))
    public FulfillmentItemView complete(@PathParam("orderId") String orderId, @PathParam("itemId") String itemId, ItemCompletion body) {
        return fulfillment.completeItem(caller.command(), Parameters.uuid("orderId", orderId),
                Parameters.uuid("itemId", itemId), body);
    }

    @POST
    @Path("failures")
    @RolesAllowed(Roles.FULFILLMENT_WORKER)
    @SensitiveAction("REPORT_ITEM_FAILURE")
    @Operation(operationId = "reportItemFailure", summary = "Report that the responsible system refused or failed the item")
    @APIResponse(responseCode = "200", description = "The item as recorded (unchanged for a repeated report)",
            content = @Content(schema = @Schema(implementation = FulfillmentItemView.class)))
    @APIResponse(responseCode = "404", description = "No such order or item", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "409", description = "The item is not waiting for this attempt's outcome",
            content = @Content(mediaType = "application/problem+json"))
    public FulfillmentItemView fail(@PathParam("orderId") String orderId, @PathParam("itemId") String itemId, ItemFailure body) {
        return fulfillment.failItem(caller.command(), Parameters.uuid("orderId", orderId),
                Parameters.uuid("itemId", itemId), body);
    }
}
