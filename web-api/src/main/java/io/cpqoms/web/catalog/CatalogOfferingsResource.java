package io.cpqoms.web.catalog;

import io.cpqoms.catalog.api.CatalogQueries;
import io.cpqoms.catalog.api.OfferingDetail;
import io.cpqoms.catalog.api.OfferingLifecycle;
import io.cpqoms.catalog.api.OfferingQuery;
import io.cpqoms.catalog.api.OfferingSummary;
import io.cpqoms.kernel.Page;
import io.cpqoms.web.CallerContext;
import io.cpqoms.web.Parameters;
import io.cpqoms.kernel.Roles;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Product offerings of a catalog version (the latest published one unless a version is given). */
@Path("catalog/offerings")
@RolesAllowed({Roles.CATALOG_ADMIN, Roles.SALES, Roles.SALES_APPROVER, Roles.ORDER_CAPTURE, Roles.OPERATIONS,
        Roles.OPERATIONS_SUPERVISOR, Roles.CUSTOMER_SERVICE})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Catalog")
public class CatalogOfferingsResource {

    static final int DEFAULT_LIMIT = 20;

    @EJB
    CatalogQueries queries;

    @Inject
    CallerContext caller;

    @GET
    @Operation(operationId = "listOfferings", summary = "Browse offerings, filtered by channel, customer segment and lifecycle, paged")
    @APIResponse(responseCode = "200", description = "One page",
            content = @Content(schema = @Schema(implementation = Page.class)))
    @APIResponse(responseCode = "404", description = "No such catalog version (CATALOG_VERSION_NOT_FOUND)",
            content = @Content(mediaType = "application/problem+json"))
    public Page<OfferingSummary> list(
            @Parameter(description = "Catalog version id; the latest published version if absent") @QueryParam("version") String version,
            @QueryParam("channel") String channel,
            @QueryParam("segment") String segment,
            @Parameter(description = "DRAFT, ACTIVE or RETIRED") @QueryParam("lifecycle") String lifecycle,
            @QueryParam("offset") String offset,
            @Parameter(description = "Page size, 1 to 200 (default 20)") @QueryParam("limit") String limit) {
        return queries.offerings(caller.command(), new OfferingQuery(
                Parameters.uuid("version", version),
                Parameters.text(channel),
                Parameters.text(segment),
                Parameters.enumeration("lifecycle", lifecycle, OfferingLifecycle.class),
                Parameters.integer("offset", offset, 0),
                Parameters.integer("limit", limit, DEFAULT_LIMIT)));
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getOffering", summary = "One offering with its specification, characteristics, prices and relationships")
    @APIResponse(responseCode = "200", description = "The offering",
            content = @Content(schema = @Schema(implementation = OfferingDetail.class)))
    @APIResponse(responseCode = "404", description = "No such offering or catalog version",
            content = @Content(mediaType = "application/problem+json"))
    public OfferingDetail get(@PathParam("id") String id, @QueryParam("version") String version) {
        OfferingDetail detail = queries.offering(caller.command(), id, Parameters.uuid("version", version));
        return caller.seesCosts() ? detail : detail.withoutCosts();
    }
}
