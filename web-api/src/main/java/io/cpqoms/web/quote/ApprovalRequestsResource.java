package io.cpqoms.web.quote;

import io.cpqoms.kernel.DomainException;
import io.cpqoms.kernel.Roles;
import io.cpqoms.quote.api.ApprovalQueuePage;
import io.cpqoms.quote.api.ApprovalQueueQuery;
import io.cpqoms.quote.api.ApprovalStatus;
import io.cpqoms.quote.api.QuoteQueries;
import io.cpqoms.web.CallerContext;
import io.cpqoms.web.Parameters;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The approver's queue (seed 002 §23, Approval Queue View): what waits for the caller's decision. */
@Path("approval-requests")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Approvals")
public class ApprovalRequestsResource {

    @EJB
    QuoteQueries queries;

    @Inject
    CallerContext caller;

    @GET
    @RolesAllowed({Roles.SALES_APPROVER, Roles.DEAL_DESK})
    @Operation(operationId = "listApprovalRequests", summary = "The approval requests waiting for the caller, oldest first",
            description = "The pending requests of the caller's tenant whose next level is one the caller's roles decide "
                    + "(level 1 sales-approver, level 2 deal-desk in the demo policy), never the caller's own requests. Each is "
                    + "bound to a revision and price snapshot and lists the triggered rules with their evidence. Decide with "
                    + "POST /quotes/{quoteId}/approvals. Pass the 'next' cursor of a page as 'after' for the following page.")
    @APIResponse(responseCode = "200", description = "One page",
            content = @Content(schema = @Schema(implementation = ApprovalQueuePage.class)))
    @APIResponse(responseCode = "400", description = "status other than PENDING (INVALID_PARAMETER), a page size out of 1 to 200 or "
            + "a cursor this queue did not return (INVALID_PAGE)", content = @Content(mediaType = "application/problem+json"))
    public ApprovalQueuePage list(
            @Parameter(description = "PENDING (the default): a queue holds the requests that wait for a decision",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"PENDING"}))
            @QueryParam("status") String status,
            @Parameter(description = "Page size, 1 to 200 (default 50)", schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "200"))
            @QueryParam("limit") String limit,
            @Parameter(description = "The 'next' cursor of the previous page", schema = @Schema(type = SchemaType.STRING, maxLength = 500))
            @QueryParam("after") String after) {
        ApprovalStatus wanted = Parameters.enumeration("status", status, ApprovalStatus.class);
        if (wanted != null && wanted != ApprovalStatus.PENDING) {
            throw DomainException.invalidInput(Parameters.INVALID_PARAMETER, "status must be PENDING: the queue holds the "
                    + "requests that wait for a decision; decided ones are on their quotes (GET /quotes/{id}).");
        }
        return queries.approvalQueue(caller.command(), new ApprovalQueueQuery(ApprovalStatus.PENDING,
                Parameters.integer("limit", limit, 50), Parameters.text("after", after, 500)));
    }
}
