package io.cpqoms.web;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * Switches MicroProfile Fault Tolerance on for the whole EAR; nothing calls it.
 *
 * <p>Payara Server (6.2025.10) registers its Fault Tolerance CDI extension for an application only when
 * its Fault Tolerance sniffer finds a Fault Tolerance annotation, and that sniffer looks at web modules
 * only ({@code MicroProfileSniffer.supportsArchiveType} accepts {@code .war} alone). The annotations that
 * matter are in the fulfillment EJB module ({@code io.cpqoms.fulfillment.adapter.ExternalSystemGuard}):
 * without a Fault Tolerance annotation in this web module they are silently inert (no interceptor, no
 * {@code ft_*} metrics, a slow system waited for past its timeout). With this one, the extension is
 * registered for the application's one CDI deployment and intercepts the EJB module's beans too.
 * {@code FaultToleranceIT} proves it on the deployed EAR.
 */
@ApplicationScoped
public class FaultToleranceActivation {

    /** Never called: its annotation is what Payara's sniffer looks for. */
    @Timeout(1000)
    public void activate() {
        // nothing to do
    }
}
