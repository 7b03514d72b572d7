package io.cpqoms.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.servers.Server;

/** The REST API, under the web module's context root /api. */
@ApplicationPath("")
@OpenAPIDefinition(
        info = @Info(title = "CPQ/OMS API", version = "0.1.0",
                description = "Catalog, configuration, pricing, quotes and order management. Errors are "
                        + "application/problem+json with a stable `code`."),
        servers = @Server(url = "/api"))
public class CpqApi extends Application {
}
