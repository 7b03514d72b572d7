package io.cpqoms.web.catalog;

import io.cpqoms.catalog.api.CatalogCommands;
import io.cpqoms.catalog.api.CatalogDocument;
import io.cpqoms.catalog.api.CatalogQueries;
import io.cpqoms.catalog.api.CatalogVersionView;
import io.cpqoms.catalog.api.NewCatalogVersion;
import io.cpqoms.web.BatchBody;
import io.cpqoms.web.CallerContext;
import io.cpqoms.web.Parameters;
import io.cpqoms.web.PublicLinks;
import io.cpqoms.kernel.Roles;
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
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Catalog versions: drafts are created, loaded with a whole catalog document and published. */
@Path("catalog/versions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Catalog")
public class CatalogVersionsResource {

    @EJB
    CatalogCommands commands;

    @EJB
    CatalogQueries queries;

    @Inject
    CallerContext caller;

    @Inject
    PublicLinks links;

    @GET
    @RolesAllowed({Roles.CATALOG_ADMIN, Roles.SALES, Roles.SALES_APPROVER, Roles.ORDER_CAPTURE, Roles.OPERATIONS,
            Roles.OPERATIONS_SUPERVISOR, Roles.CUSTOMER_SERVICE})
    @Operation(operationId = "listCatalogVersions", summary = "List the catalog versions, newest first (drafts only for catalog administrators)")
    @APIResponse(responseCode = "200", description = "The versions",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = CatalogVersionView.class)))
    public List<CatalogVersionView> list() {
        return queries.versions(caller.command());
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.CATALOG_ADMIN, Roles.SALES, Roles.SALES_APPROVER, Roles.ORDER_CAPTURE, Roles.OPERATIONS,
            Roles.OPERATIONS_SUPERVISOR, Roles.CUSTOMER_SERVICE})
    @Operation(operationId = "getCatalogVersion", summary = "One catalog version")
    @APIResponse(responseCode = "200", description = "The version",
            content = @Content(schema = @Schema(implementation = CatalogVersionView.class)))
    @APIResponse(responseCode = "404", description = "No such version", content = @Content(mediaType = "application/problem+json"))
    public CatalogVersionView get(@PathParam("id") String id) {
        return queries.version(caller.command(), Parameters.uuid("id", id));
    }

    @POST
    @RolesAllowed(Roles.CATALOG_ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createCatalogVersion", summary = "Create a draft catalog version, empty or copied from a published version")
    @APIResponse(responseCode = "201", description = "The draft",
            content = @Content(schema = @Schema(implementation = CatalogVersionView.class)))
    @APIResponse(responseCode = "404", description = "No such source version", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "422", description = "A rule said no (name missing, source not published)",
            content = @Content(mediaType = "application/problem+json"))
    public Response create(NewCatalogVersion body) {
        CatalogVersionView created = commands.createVersion(caller.command(), body);
        return links.created(created, "catalog", "versions", created.id());
    }

    @POST
    @RolesAllowed(Roles.CATALOG_ADMIN)
    @Path("{id}/imports")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "importCatalogDocument", summary = "Replace a draft's content with a whole catalog document",
            description = "The document is validated as a whole: it loads completely or not at all.")
    @APIResponse(responseCode = "200", description = "The draft with its new content",
            content = @Content(schema = @Schema(implementation = CatalogVersionView.class)))
    @APIResponse(responseCode = "409", description = "The version is published", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "422", description = "The document breaks catalog rules", content = @Content(mediaType = "application/problem+json"))
    public CatalogVersionView importDocument(@PathParam("id") String id, @BatchBody CatalogDocument body) {
        return commands.importDocument(caller.command(), Parameters.uuid("id", id), body);
    }

    @POST
    @RolesAllowed(Roles.CATALOG_ADMIN)
    @Path("{id}/publication")
    @Operation(operationId = "publishCatalogVersion", summary = "Publish a draft; it becomes immutable and can be pinned by quotes and orders")
    @APIResponse(responseCode = "200", description = "The published version (publishing again changes nothing)",
            content = @Content(schema = @Schema(implementation = CatalogVersionView.class)))
    @APIResponse(responseCode = "422", description = "The version is empty or breaks catalog rules", content = @Content(mediaType = "application/problem+json"))
    public CatalogVersionView publish(@PathParam("id") String id) {
        return commands.publish(caller.command(), Parameters.uuid("id", id));
    }
}
