package io.cpqoms.web.pricing;

import io.cpqoms.catalog.api.PriceCalculationRequest;
import io.cpqoms.catalog.api.PriceSnapshot;
import io.cpqoms.catalog.api.PricingQueries;
import io.cpqoms.kernel.Roles;
import io.cpqoms.web.BatchBody;
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
 * Ad-hoc price calculations: what a configuration would cost, priced by the same pipeline as quotes
 * and orders, stored nowhere.
 */
@Path("prices/calculations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Pricing")
public class PriceCalculationsResource {

    private static final String PROBLEM = "application/problem+json";

    @EJB
    PricingQueries pricing;

    @Inject
    CallerContext caller;

    @POST
    @RolesAllowed({Roles.SALES, Roles.ORDER_CAPTURE, Roles.CUSTOMER_SERVICE})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "calculatePrices", summary = "Price an ad-hoc configuration and return the snapshot with its breakdown",
            description = "Body {catalogVersionId?, pricedAt?, lines: [{lineId?, offeringId, quantity?, characteristics?, "
                    + "children?}]}. The named published catalog version (the latest without one) prices the lines at "
                    + "pricedAt (now without one; it decides which promotions apply). Children are priced as lines of "
                    + "their own under their bundle and get its bundle discounts; line ids default to 1, 2, 1.1, 1.2; "
                    + "characteristics a line leaves out take their defaults. Offerings must exist in the version; the "
                    + "configuration itself is not checked. Nothing is stored.")
    @APIResponse(responseCode = "200", description = "The price snapshot: lines, charges with their steps, totals, signals",
            content = @Content(schema = @Schema(implementation = PriceSnapshot.class)))
    @APIResponse(responseCode = "400", description = "Malformed body, no lines or more than 20000 (PRICE_CALCULATION_INVALID)",
            content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "404", description = "No such catalog version (CATALOG_VERSION_NOT_FOUND)",
            content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "422", description = "Unknown offerings (OFFERING_NOT_FOUND), invalid quantities "
            + "(QUANTITY_INVALID), duplicate line ids (LINE_ID_DUPLICATE), mixed currencies (PRICE_CURRENCY_MIXED), a draft "
            + "version (CATALOG_VERSION_NOT_PUBLISHED) or none published (NO_PUBLISHED_CATALOG)",
            content = @Content(mediaType = PROBLEM))
    public PriceSnapshot calculate(@BatchBody PriceCalculationRequest body) {
        PriceSnapshot snapshot = pricing.calculate(caller.command(), body);
        return caller.seesCosts() ? snapshot : snapshot.withoutCosts();
    }
}
