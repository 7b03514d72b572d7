package io.cpqoms.web.eligibility;

import io.cpqoms.catalog.api.CatalogQueries;
import io.cpqoms.catalog.api.EligibilityCheckRequest;
import io.cpqoms.catalog.api.EligibilityResult;
import io.cpqoms.kernel.Roles;
import io.cpqoms.web.CallerContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Eligibility checks: may these offerings be offered to this customer and account, through this
 * channel, at this location, at this instant? A check changes nothing; it answers per offering with
 * every reason why not and the eligible alternatives of the offering's family.
 */
@Path("eligibility-checks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Eligibility")
public class EligibilityChecksResource {

    private static final String PROBLEM = "application/problem+json";

    @EJB
    CatalogQueries queries;

    @Inject
    CallerContext caller;

    @POST
    @RolesAllowed({Roles.SALES, Roles.ORDER_CAPTURE, Roles.CUSTOMER_SERVICE})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "checkEligibility", summary = "Check whether offerings may be offered to a customer, through a channel, at a location and time",
            description = "Answers per offering: eligible, the reasons why not (OFFERING_NOT_FOUND, OFFERING_NOT_SELLABLE, "
                    + "CHANNEL_NOT_ELIGIBLE, SEGMENT_NOT_ELIGIBLE, SEGMENT_UNKNOWN, LOCATION_NOT_COVERED, OUTSTANDING_DEBT, "
                    + "ACCOUNT_STANDING_UNKNOWN) and eligible alternatives of the same specification family; with the "
                    + "catalog version, the customer segment and the account standing (and its freshness) it used.")
    @APIResponse(responseCode = "200", description = "The decision for each offering",
            content = @Content(schema = @Schema(implementation = EligibilityResult.class)))
    @APIResponse(responseCode = "400", description = "No channel or no offering, an id too long "
            + "(ELIGIBILITY_REQUEST_INVALID), malformed JSON", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "404", description = "No published catalog version (NO_PUBLISHED_CATALOG) or no such "
            + "version (CATALOG_VERSION_NOT_FOUND)", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "422", description = "The named version is a draft (CATALOG_VERSION_NOT_PUBLISHED)",
            content = @Content(mediaType = PROBLEM))
    public EligibilityResult check(EligibilityCheckRequest body) {
        return queries.eligibility(caller.command(), body.toRequest());
    }
}
