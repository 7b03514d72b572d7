package io.cpqoms.web.eligibility;

import io.cpqoms.catalog.api.AccountStandingCommands;
import io.cpqoms.catalog.api.AccountStandingUpdate;
import io.cpqoms.catalog.api.AccountStandingView;
import io.cpqoms.kernel.Roles;
import io.cpqoms.web.CallerContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
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
 * The account standing projection eligibility decides on, kept by the trusted integration: what the
 * system owning an account (billing, ERP) states about its customer, segment and outstanding debt.
 */
@Path("eligibility/accounts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Eligibility")
public class AccountStandingsResource {

    private static final String PROBLEM = "application/problem+json";

    @EJB
    AccountStandingCommands commands;

    @Inject
    CallerContext caller;

    @PUT
    @Path("{accountId}")
    @RolesAllowed(Roles.ORDER_CAPTURE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "recordAccountStanding", summary = "Record an account's standing as its owning system states it",
            description = "Idempotent and independent of arrival order: a statement older than the recorded one is "
                    + "ignored (outcome STALE_IGNORED), the same statement again changes nothing (UNCHANGED), a newer one "
                    + "replaces it (UPDATED). The answer is the recorded standing.")
    @APIResponse(responseCode = "200", description = "The recorded standing and the outcome",
            content = @Content(schema = @Schema(implementation = AccountStandingView.class)))
    @APIResponse(responseCode = "400", description = "outstandingDebt, currency or asOf missing or wrong, asOf in the "
            + "future (ACCOUNT_STANDING_INVALID), malformed JSON", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "409", description = "A different standing as of the same instant is recorded "
            + "(ACCOUNT_STANDING_CONFLICT)", content = @Content(mediaType = PROBLEM))
    public AccountStandingView record(@PathParam("accountId") String accountId, AccountStandingUpdate body) {
        return commands.record(caller.command(), accountId, body);
    }
}
