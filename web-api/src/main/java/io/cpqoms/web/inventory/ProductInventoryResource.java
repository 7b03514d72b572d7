package io.cpqoms.web.inventory;

import io.cpqoms.kernel.Roles;
import io.cpqoms.order.api.InventoryQueries;
import io.cpqoms.order.api.ProductInventoryPage;
import io.cpqoms.order.api.ProductInventoryQuery;
import io.cpqoms.order.api.ProductInventoryView;
import io.cpqoms.order.api.ProductStatus;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The installed base (seed 002 section 16, TMF637-like): what the tenant's customers have, as the
 * orders that completed put it there. Read-only; the products hold no provider costs, so every reading
 * role gets the same view.
 */
@Path("inventory/products")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Inventory")
public class ProductInventoryResource {

    private static final String PROBLEM = "application/problem+json";

    @EJB
    InventoryQueries queries;

    @Inject
    CallerContext caller;

    @GET
    @RolesAllowed({Roles.SALES, Roles.ORDER_CAPTURE, Roles.OPERATIONS, Roles.OPERATIONS_SUPERVISOR, Roles.CUSTOMER_SERVICE})
    @Operation(operationId = "listProducts", summary = "The installed base: products, newest first, filtered and keyset-paged",
            description = "Pass the 'next' cursor of a page as 'after', with the same filters, for the following page; 'next' is"
                    + " null on the last page.")
    @APIResponse(responseCode = "200", description = "One page",
            content = @Content(schema = @Schema(implementation = ProductInventoryPage.class)))
    @APIResponse(responseCode = "400", description = "A parameter is not valid (INVALID_PARAMETER), a page size out of 1 to 200 or "
            + "a cursor this list did not return with these filters (INVALID_PAGE)", content = @Content(mediaType = PROBLEM))
    public ProductInventoryPage list(
            @Parameter(description = "The customer's id", schema = @Schema(type = SchemaType.STRING, maxLength = 80))
            @QueryParam("customerId") String customerId,
            @Parameter(description = "The product's status", schema = @Schema(type = SchemaType.STRING,
                    enumeration = {"ACTIVE", "SUSPENDED", "TERMINATED"}))
            @QueryParam("status") String status,
            @Parameter(description = "Page size, 1 to 200 (default 50)", schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "200"))
            @QueryParam("limit") String limit,
            @Parameter(description = "The 'next' cursor of the previous page", schema = @Schema(type = SchemaType.STRING, maxLength = 500))
            @QueryParam("after") String after) {
        return queries.products(caller.command(), new ProductInventoryQuery(Parameters.text("customerId", customerId, 80),
                Parameters.enumeration("status", status, ProductStatus.class), Parameters.integer("limit", limit, 50),
                Parameters.text("after", after, 500)));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.SALES, Roles.ORDER_CAPTURE, Roles.OPERATIONS, Roles.OPERATIONS_SUPERVISOR, Roles.CUSTOMER_SERVICE})
    @Operation(operationId = "getProduct", summary = "One product of the installed base",
            description = "With its characteristics, recurring price, dates, bundle (parent and children), the orders that"
                    + " created and last changed it and the quote revision it was sold on.")
    @APIResponse(responseCode = "200", description = "The product",
            content = @Content(schema = @Schema(implementation = ProductInventoryView.class)))
    @APIResponse(responseCode = "400", description = "The id is not a UUID (INVALID_PARAMETER)", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "404", description = "No such product (PRODUCT_NOT_FOUND)", content = @Content(mediaType = PROBLEM))
    public ProductInventoryView get(@PathParam("id") String id) {
        return queries.product(caller.command(), Parameters.uuid("id", id));
    }
}
