package io.cpqoms.web;

import io.cpqoms.kernel.CommandContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who calls, for which tenant, under which correlation id, for the current request. The tenant is
 * the configured default until authentication supplies it; it never comes from the request body.
 */
@RequestScoped
public class CallerContext {

    public static final String ANONYMOUS = "anonymous";

    @Inject
    @ConfigProperty(name = "cpq.tenant.default", defaultValue = "default")
    String defaultTenant;

    @Inject
    SecurityContext security;

    private String correlationId;

    void correlate(String correlationId) {
        this.correlationId = correlationId;
    }

    public String correlationId() {
        return correlationId;
    }

    public CommandContext command() {
        Principal caller = security.getCallerPrincipal();
        return new CommandContext(defaultTenant, caller == null ? ANONYMOUS : caller.getName(), correlationId);
    }
}
