package io.cpqoms.web.fallout;

import io.cpqoms.kernel.Roles;
import io.cpqoms.order.api.FalloutAssignment;
import io.cpqoms.order.api.FalloutCaseView;
import io.cpqoms.order.api.FalloutCommands;
import io.cpqoms.order.api.FalloutResolution;
import io.cpqoms.order.api.OrderQueries;
import io.cpqoms.web.CallerContext;
import io.cpqoms.web.Parameters;
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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * An order's fallout cases (seed 000, sections 16-17 and 36): listed for operations, worked by the
 * members of the case's work group or by a supervisor, resolved by command.
 */
@Path("orders/{id}/fallout-cases")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Fallout")
public class FalloutCasesResource {

    @EJB
    FalloutCommands commands;

    @EJB
    OrderQueries queries;

    @Inject
    CallerContext caller;

    @GET
    @RolesAllowed({Roles.OPERATIONS, Roles.OPERATIONS_SUPERVISOR})
    @Operation(operationId = "listOrderFalloutCases", summary = "The order's fallout cases, open and closed, oldest first")
    @APIResponse(responseCode = "200", description = "The cases",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = FalloutCaseView.class)))
    @APIResponse(responseCode = "404", description = "No such order", content = @Content(mediaType = "application/problem+json"))
    public List<FalloutCaseView> list(@PathParam("id") String id) {
        return queries.falloutCases(caller.command(), Parameters.uuid("id", id));
    }

    @POST
    @Path("{caseId}/assignments")
    @RolesAllowed({Roles.OPERATIONS, Roles.OPERATIONS_SUPERVISOR})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "assignFalloutCase", summary = "Assign an open fallout case to a person",
            description = "Operations assign the cases of their work groups, supervisors any case.")
    @APIResponse(responseCode = "200", description = "The case, assigned",
            content = @Content(schema = @Schema(implementation = FalloutCaseView.class)))
    @APIResponse(responseCode = "403", description = "The case belongs to another work group (NOT_IN_OWNER_GROUP)",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "404", description = "No such order or case", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "409", description = "The case is closed", content = @Content(mediaType = "application/problem+json"))
    public FalloutCaseView assign(@PathParam("id") String id, @PathParam("caseId") String caseId, FalloutAssignment body) {
        return commands.assign(caller.command(), Parameters.uuid("id", id), Parameters.uuid("caseId", caseId),
                body);
    }

    @POST
    @Path("{caseId}/resolutions")
    @RolesAllowed({Roles.OPERATIONS, Roles.OPERATIONS_SUPERVISOR})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "resolveFalloutCase", summary = "Work an open fallout case by a command",
            description = "RETRY_ITEM sends the failed item (or its failed compensation) again as a new attempt;"
                    + " CORRECT_ORDER_DATA corrects named fields of the failed item's input and sends it again;"
                    + " SKIP_ITEM waives the failed item (the order may complete without it); MARK_RESOLVED closes a"
                    + " case whose cause was dealt with otherwise; CANCEL_ORDER cancels the order with compensation;"
                    + " REQUEST_CUSTOMER_INFO makes the case wait for the customer; ESCALATE raises its severity and"
                    + " gives it to the escalation desk. Every action but RETRY_ITEM needs a note. A case waiting on"
                    + " someone escalates when its dueAt passes. The order goes on when no failed item is left.")
    @APIResponse(responseCode = "200", description = "The case after the action",
            content = @Content(schema = @Schema(implementation = FalloutCaseView.class)))
    @APIResponse(responseCode = "400", description = "The case does not take the action (FALLOUT_ACTION_NOT_ALLOWED, listing"
            + " those it takes), a note is missing (FALLOUT_NOTE_REQUIRED) or a correction names a field the item's input"
            + " lacks (CORRECTION_NOT_APPLICABLE)", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "403", description = "The case belongs to another work group (NOT_IN_OWNER_GROUP)",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "404", description = "No such order or case", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "409", description = "The case is closed (FALLOUT_CASE_CLOSED), its cause still stands"
            + " (FALLOUT_CAUSE_STANDS) or the order is past the point of no return",
            content = @Content(mediaType = "application/problem+json"))
    public FalloutCaseView resolve(@PathParam("id") String id, @PathParam("caseId") String caseId, FalloutResolution body) {
        return commands.resolve(caller.command(), Parameters.uuid("id", id), Parameters.uuid("caseId", caseId),
                body);
    }
}
