package io.cpqoms.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.servers.Server;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The REST API, under the web module's context root /api. The OpenAPI document generated from it (with
 * {@link ContractFilter}) is the contract: the end-to-end tests validate every request and response
 * against it.
 */
@ApplicationPath("")
@OpenAPIDefinition(
        info = @Info(title = "CPQ/OMS API", version = "0.1.0",
                description = "Catalog, configuration, pricing, quotes and order management. Every call is"
                        + " authenticated with HTTP Basic against the server's realm; the caller's groups name"
                        + " its roles and its tenant. Errors are application/problem+json (RFC 9457) with a"
                        + " stable `code` a client can switch on."),
        servers = @Server(url = "/api"),
        security = @SecurityRequirement(name = CpqApi.BASIC),
        tags = {
                @Tag(name = "Catalog", description = "Catalog versions (draft, import, publish) and the"
                        + " offerings of a published version: browse, filter, page, fetch"),
                @Tag(name = "Configuration", description = "Evaluate a configuration click by click against"
                        + " the catalog's configuration rules: resolved values, what is still allowed and why not"),
                @Tag(name = "Eligibility", description = "May an offering be sold to this customer, through"
                        + " this channel, at this location; the account standings the checks rely on"),
                @Tag(name = "Pricing", description = "Ad-hoc price calculations with their full breakdown"),
                @Tag(name = "Quotes", description = "Quotes: items checked against the pinned catalog version,"
                        + " price overrides, the stored price snapshot, submission, revisions, the customer's acceptance;"
                        + " search, timeline, revisions as offered and the quote document (PDF)"),
                @Tag(name = "Approvals", description = "The approver's queue: the pending approval requests of the"
                        + " levels the caller's roles decide"),
                @Tag(name = "Orders", description = "Orders captured from accepted quotes or directly: status,"
                        + " fulfillment plan, timeline, events; cancellation, validation overrides, break glass"),
                @Tag(name = "Inventory", description = "The installed base: the products the customers have, as"
                        + " completed orders put them there, with the orders and quote revisions that realised them"),
                @Tag(name = "Fallout", description = "Fallout cases of failed fulfillment work: the work"
                        + " group's worklist, assignment and resolution"),
                @Tag(name = "Worker", description = "Reports of the fulfillment worker on the items it"
                        + " executes against the external systems")})
@SecurityScheme(securitySchemeName = CpqApi.BASIC, type = SecuritySchemeType.HTTP, scheme = "basic",
        description = "HTTP Basic against the server's security realm `cpq`")
public class CpqApi extends Application {

    static final String BASIC = "basicAuth";
}
