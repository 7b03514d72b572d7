package io.cpqoms.web.configuration;

import io.cpqoms.catalog.api.CatalogQueries;
import io.cpqoms.catalog.api.ConfigurationEvaluation;
import io.cpqoms.catalog.api.ConfigurationEvaluationRequest;
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
 * Configuration evaluations: what a configurator screen asks on every click. An evaluation is an
 * answer, not a command: it is 200 whether the configuration is complete, incomplete or invalid, and
 * nothing is stored.
 */
@Path("configurations/evaluations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Configuration")
public class ConfigurationEvaluationsResource {

    private static final String PROBLEM = "application/problem+json";

    @EJB
    CatalogQueries queries;

    @Inject
    CallerContext caller;

    @POST
    @RolesAllowed({Roles.SALES, Roles.ORDER_CAPTURE, Roles.CUSTOMER_SERVICE, Roles.CATALOG_ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "evaluateConfiguration", summary = "Evaluate a partial configuration against the catalog's configuration rules",
            description = "Resolves defaults and derived values (each value marked USER, DEFAULT or DERIVED with the "
                    + "rule), adds derived children, lists for every characteristic the values still allowed and, for "
                    + "each excluded value, the rule and its explanation, and reports violations and what is still "
                    + "missing apart (status COMPLETE, INCOMPLETE or INVALID). Without catalogVersionId the latest "
                    + "published version answers; catalog administrators may name a draft.")
    @APIResponse(responseCode = "200", description = "The evaluation, also when the configuration is incomplete or invalid",
            content = @Content(schema = @Schema(implementation = ConfigurationEvaluation.class)))
    @APIResponse(responseCode = "400", description = "Malformed body (MALFORMED_JSON, INVALID_REQUEST_BODY) or no offeringId "
            + "(CONFIGURATION_REQUEST_INVALID)", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "404", description = "No such catalog version (CATALOG_VERSION_NOT_FOUND, NO_PUBLISHED_CATALOG) "
            + "or offering in it (OFFERING_NOT_FOUND)", content = @Content(mediaType = PROBLEM))
    public ConfigurationEvaluation evaluate(ConfigurationEvaluationRequest body) {
        return queries.evaluateConfiguration(caller.command(), body);
    }
}
