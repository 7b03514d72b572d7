package io.cpqoms.fulfillment.adapter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * The HTTP calls to the external systems (MicroProfile Rest Client). A technical failure is thrown:
 * {@link Unavailable} when nothing reached the system, {@link Unanswered} when a request was sent and no
 * answer came. {@link ExternalSystemAdapter} calls through {@link ExternalSystemGuard}, whose Fault
 * Tolerance timeout bounds the whole call and counts these failures in the system's circuit breaker.
 *
 * <p>Endpoints come from MicroProfile Config per system: {@code cpq.external.<system>.url}, else
 * {@code cpq.external.url} + {@code /systems/<system>} (the simulated systems that {@code cpq run}
 * starts). {@code cpq.external.connect-timeout-ms} (1000) bounds connecting; {@code
 * cpq.external.read-timeout-ms} (5000) is the backstop of a call the Fault Tolerance timeout gave up on
 * (the answer is waited for asynchronously, so the timeout interrupts the wait; the HTTP exchange itself
 * ends at the read timeout, and a late answer is closed unread).
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

    /**
     * Asks a system what became of a request (an unknown outcome), never sending it again. A system that
     * cannot answer now (503 and the like) is thrown as {@link Unavailable}, so its circuit breaker counts it.
     */
    public AdapterOutcome find(String system, String externalRequestId) {
        Response response = call(system, () -> client(system).find(externalRequestId));
        AdapterOutcome outcome = ExternalSystemTranslation.found(system, response.getStatus(), answer(response));
        if (outcome.result() == AdapterOutcome.Result.RETRYABLE) {
            throw new Unavailable(outcome.message(), null);
        }
        return outcome;
    }

    /**
     * Sends a request and waits for its answer. The HTTP exchange runs on the Rest Client's executor; the
     * wait here is interruptible, and the Fault Tolerance timeout interrupts it: the request counts as
     * unanswered, and Fault Tolerance throws its own TimeoutException instead. The interrupt was that
     * timeout's signal, consumed here, so the flag is not set again on the worker's thread.
     */
    private static Response call(String system, Supplier<CompletionStage<Response>> send) {
        CompletableFuture<Response> answer;
        try {
            answer = send.get().toCompletableFuture();
        } catch (ProcessingException e) {
            throw failure(system, e);
        }
        try {
            return answer.get();
        } catch (InterruptedException e) {
            answer.thenAccept(Response::close); // the answer that comes too late is not read
            throw new Unanswered(system + " did not answer in time", e);
        } catch (ExecutionException e) {
            throw failure(system, e.getCause());
        }
    }

    /** Nothing reached the system (refused, unknown host), or the request may have and no answer came. */
    private static RuntimeException failure(String system, Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        if (cause instanceof ConnectException || cause instanceof UnknownHostException) {
            return new Unavailable(system + " cannot be reached: " + cause, e);
        }
        return new Unanswered(system + " did not answer: " + cause, e);
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
                    .readTimeout(config.getOptionalValue("cpq.external.read-timeout-ms", Long.class).orElse(5000L),
                            TimeUnit.MILLISECONDS)
                    .property("microprofile.rest.client.disable.default.mapper", true)
                    .build(ExternalSystemApi.class);
        });
    }
}
