package io.cpqoms.fulfillment.adapter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * The HTTP calls to the external systems (MicroProfile Rest Client), each bounded by a connect and a
 * read timeout. A technical failure is thrown: {@link Unavailable} when nothing reached the system,
 * {@link Unanswered} when a request was sent and no answer came.
 *
 * <p>Endpoints come from MicroProfile Config per system: {@code cpq.external.<system>.url}, else
 * {@code cpq.external.url} + {@code /systems/<system>} (the simulated systems that {@code cpq run}
 * starts). {@code cpq.external.connect-timeout-ms} (1000) and {@code cpq.external.read-timeout-ms}
 * (2000) bound each call.
 *
 * <p>MicroProfile Fault Tolerance (a circuit breaker and a bulkhead per system) is not here yet: on
 * Payara Server 6.2025.10 its interceptor is not applied to CDI beans of an EJB module in an EAR (no
 * intercepting subclass is generated, and naming the interceptor in beans.xml fails with WELD-001417).
 */
@ApplicationScoped
public class ExternalSystemGateway {

    /** Nothing reached the system: connection refused, 503. Safe to send again. */
    public static class Unavailable extends RuntimeException {
        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The request may have reached the system, and no answer came. Ask the system before anything else. */
    public static class Unanswered extends RuntimeException {
        Unanswered(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final Map<String, ExternalSystemApi> clients = new ConcurrentHashMap<>();

    /** Sends an item's work to its system under the item's external request id. */
    public AdapterOutcome submit(AdapterRequest request) {
        String system = request.system();
        Response response = call(system, () -> client(system).submit(new ExternalSystemApi.Submission(
                request.externalRequestId(), request.correlationId(), request.orderNumber(), request.itemType(),
                request.action(), request.input())));
        AdapterOutcome outcome = ExternalSystemTranslation.submitted(system, response.getStatus(), answer(response));
        switch (outcome.result()) {
            case RETRYABLE -> throw new Unavailable(outcome.message(), null);
            case UNKNOWN -> throw new Unanswered(outcome.message(), null);
            default -> {
                return outcome;
            }
        }
    }

    /** Asks a system what became of a request (an unknown outcome), never sending it again. */
    public AdapterOutcome find(String system, String externalRequestId) {
        Response response = call(system, () -> client(system).find(externalRequestId));
        return ExternalSystemTranslation.found(system, response.getStatus(), answer(response));
    }

    private static Response call(String system, java.util.function.Supplier<Response> call) {
        try {
            return call.get();
        } catch (ProcessingException e) {
            Throwable cause = e;
            while (cause.getCause() != null && cause.getCause() != cause) {
                cause = cause.getCause();
            }
            if (cause instanceof ConnectException || cause instanceof UnknownHostException) {
                throw new Unavailable(system + " cannot be reached: " + cause, e);
            }
            throw new Unanswered(system + " did not answer: " + cause, e);
        }
    }

    private static ExternalSystemApi.Answer answer(Response response) {
        try (response) {
            return response.hasEntity() ? response.readEntity(ExternalSystemApi.Answer.class) : null;
        } catch (RuntimeException e) {
            return null; // not the system's JSON (a proxy's page): the status alone decides
        }
    }

    private ExternalSystemApi client(String system) {
        return clients.computeIfAbsent(system, s -> {
            Config config = ConfigProvider.getConfig();
            String url = config.getOptionalValue("cpq.external." + s + ".url", String.class)
                    .orElseGet(() -> config.getOptionalValue("cpq.external.url", String.class)
                            .map(base -> base.replaceAll("/+$", "") + "/systems/" + s)
                            .orElseThrow(() -> new IllegalStateException("no endpoint for " + s
                                    + ": set cpq.external." + s + ".url or cpq.external.url")));
            return RestClientBuilder.newBuilder().baseUri(URI.create(url))
                    .connectTimeout(config.getOptionalValue("cpq.external.connect-timeout-ms", Long.class).orElse(1000L),
                            TimeUnit.MILLISECONDS)
                    .readTimeout(config.getOptionalValue("cpq.external.read-timeout-ms", Long.class).orElse(2000L),
                            TimeUnit.MILLISECONDS)
                    .property("microprofile.rest.client.disable.default.mapper", true)
                    .build(ExternalSystemApi.class);
        });
    }
}
