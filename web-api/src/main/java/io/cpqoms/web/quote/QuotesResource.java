package io.cpqoms.web.quote;

import io.cpqoms.catalog.api.ConfigurationRequest;
import io.cpqoms.kernel.Roles;
import io.cpqoms.quote.api.AcceptanceRequest;
import io.cpqoms.quote.api.NewQuote;
import io.cpqoms.quote.api.QuoteCommands;
import io.cpqoms.quote.api.QuoteQueries;
import io.cpqoms.quote.api.QuoteView;
import io.cpqoms.web.CallerContext;
import io.cpqoms.web.JsonBody;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Quotes: started for a customer on a published catalog version, filled with configured items,
 * priced into a stored snapshot and accepted by the customer.
 */
@Path("quotes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Quotes")
public class QuotesResource {

    private static final String PROBLEM = "application/problem+json";

    @EJB
    QuoteCommands commands;

    @EJB
    QuoteQueries queries;

    @Inject
    CallerContext caller;

    @POST
    @RolesAllowed(Roles.SALES)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start a draft quote for a customer",
            description = "The quote is pinned to the named published catalog version, or to the newest published "
                    + "one; it is valid until the given date or for 30 days.")
    @RequestBody(content = @Content(schema = @Schema(implementation = NewQuote.class)))
    @APIResponse(responseCode = "201", description = "The draft quote")
    @APIResponse(responseCode = "400", description = "customerId or channel missing, validUntil in the past (INVALID_QUOTE_REQUEST)",
            content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "422", description = "No published catalog version, or the named one is not published",
            content = @Content(mediaType = PROBLEM))
    public Response start(String body, @Context UriInfo uri) {
        QuoteView started = commands.start(caller.command(), JsonBody.read(body, NewQuote.class));
        return Response.created(uri.getAbsolutePathBuilder().path(started.id().toString()).build()).entity(started).build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.SALES, Roles.SALES_APPROVER, Roles.CUSTOMER_SERVICE})
    @Operation(summary = "One quote with its items, price snapshot and acceptance")
    @APIResponse(responseCode = "200", description = "The quote")
    @APIResponse(responseCode = "404", description = "No such quote (QUOTE_NOT_FOUND)", content = @Content(mediaType = PROBLEM))
    public QuoteView get(@PathParam("id") String id) {
        return queries.quote(caller.command(), Parameters.uuid("id", id));
    }

    @POST
    @Path("{id}/items")
    @RolesAllowed(Roles.SALES)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a configured item (a bundle with its children) checked against the pinned catalog version",
            description = "A priced quote loses its price snapshot and is a draft again.")
    @RequestBody(content = @Content(schema = @Schema(implementation = ConfigurationRequest.class)))
    @APIResponse(responseCode = "200", description = "The quote with the new items")
    @APIResponse(responseCode = "404", description = "No such quote (QUOTE_NOT_FOUND)", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "409", description = "The quote is accepted (QUOTE_NOT_EDITABLE)", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "422", description = "The item does not fit the catalog", content = @Content(mediaType = PROBLEM))
    public QuoteView addItem(@PathParam("id") String id, String body) {
        return commands.addItem(caller.command(), Parameters.uuid("id", id), JsonBody.read(body, ConfigurationRequest.class));
    }

    @POST
    @Path("{id}/pricing")
    @RolesAllowed(Roles.SALES)
    @Operation(summary = "Price every item with the pinned catalog version and store the price snapshot")
    @APIResponse(responseCode = "200", description = "The priced quote")
    @APIResponse(responseCode = "404", description = "No such quote (QUOTE_NOT_FOUND)", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "409", description = "The quote is accepted (QUOTE_NOT_EDITABLE)", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "422", description = "The quote has no items (QUOTE_HAS_NO_ITEMS) or its lines cannot be priced",
            content = @Content(mediaType = PROBLEM))
    public QuoteView price(@PathParam("id") String id) {
        return commands.price(caller.command(), Parameters.uuid("id", id));
    }

    @POST
    @Path("{id}/acceptance")
    @RolesAllowed(Roles.SALES)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record the customer's acceptance of a priced revision",
            description = "Acceptance uses the stored price snapshot. Recording the same acceptance again (same "
                    + "revision and customer contact) returns the quote unchanged.")
    @RequestBody(content = @Content(schema = @Schema(implementation = AcceptanceRequest.class)))
    @APIResponse(responseCode = "200", description = "The accepted quote with its acceptance")
    @APIResponse(responseCode = "400", description = "revision or customerContact missing (ACCEPTANCE_INVALID)",
            content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "404", description = "No such quote (QUOTE_NOT_FOUND)", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "409", description = "Not priced (QUOTE_NOT_PRICED), another revision (QUOTE_REVISION_MISMATCH) "
            + "or accepted with other evidence (QUOTE_ALREADY_ACCEPTED)", content = @Content(mediaType = PROBLEM))
    public QuoteView accept(@PathParam("id") String id, String body) {
        return commands.accept(caller.command(), Parameters.uuid("id", id), JsonBody.read(body, AcceptanceRequest.class));
    }
}
