package io.cpqoms.web.fallout;

import io.cpqoms.kernel.Roles;
import io.cpqoms.order.api.FalloutCaseQuery;
import io.cpqoms.order.api.FalloutCaseStatus;
import io.cpqoms.order.api.FalloutCaseView;
import io.cpqoms.order.api.KeysetPage;
import io.cpqoms.order.api.OrderQueries;
import io.cpqoms.web.CallerContext;
import io.cpqoms.web.Parameters;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The fallout worklist across orders: where operations find the cases their work groups own. */
@Path("fallout-cases")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Fallout")
public class FalloutWorklistResource {

    @EJB
    OrderQueries queries;

    @Inject
    CallerContext caller;

    @GET
    @RolesAllowed({Roles.OPERATIONS, Roles.OPERATIONS_SUPERVISOR})
    @Operation(operationId = "listFalloutCases", summary = "Fallout cases, oldest first, keyset-paged",
            description = "Without ownerGroup: the cases of the caller's work groups (every group for a supervisor)."
                    + " Without status: every open status. Pass the 'next' cursor of a page as 'after'.")
    @APIResponse(responseCode = "200", description = "One page",
            content = @Content(schema = @Schema(implementation = KeysetPage.class)))
    @APIResponse(responseCode = "400", description = "A parameter is not valid", content = @Content(mediaType = "application/problem+json"))
    public KeysetPage<FalloutCaseView> list(@QueryParam("ownerGroup") String ownerGroup, @QueryParam("status") String status,
                                            @QueryParam("limit") String limit, @QueryParam("after") String after) {
        return queries.falloutWorklist(caller.command(), new FalloutCaseQuery(Parameters.text(ownerGroup),
                Parameters.enumeration("status", status, FalloutCaseStatus.class), Parameters.integer("limit", limit, 50),
                Parameters.text(after)));
    }

    @GET
    @Path("{caseId}")
    @RolesAllowed({Roles.OPERATIONS, Roles.OPERATIONS_SUPERVISOR})
    @Operation(operationId = "getFalloutCase", summary = "One fallout case, with the actions it takes now",
            description = "allowedActions lists the resolutions the case takes; dueAt is when a case waiting for the"
                    + " customer or the escalation desk escalates.")
    @APIResponse(responseCode = "200", description = "The case",
            content = @Content(schema = @Schema(implementation = FalloutCaseView.class)))
    @APIResponse(responseCode = "400", description = "The id is not a UUID", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "404", description = "No such case (FALLOUT_CASE_NOT_FOUND)",
            content = @Content(mediaType = "application/problem+json"))
    public FalloutCaseView get(@PathParam("caseId") String caseId) {
        return queries.falloutCase(caller.command(), Parameters.uuid("caseId", caseId));
    }
}
