package io.cpqoms.fulfillment.adapter;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * An external system's HTTP API as the adapters call it (MicroProfile Rest Client), relative to the
 * system's base URL: submit a request under its external request id, and find a request by that id.
 * Answers are read by status and body, whatever the status (the default exception mapper is off).
 * The calls are asynchronous so that the caller waits for the answer in a way the Fault Tolerance
 * timeout can interrupt (a blocking socket read cannot be interrupted).
 */
@Path("/")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface ExternalSystemApi {

    /** What a system is asked to do. */
    record Submission(String externalRequestId, String correlationId, String orderNumber, String itemType, String action,
                      Map<String, String> input) {
    }

    /** What a system answers: a status with its reference, or its own code and message. */
    record Answer(String status, String reference, String code, String message) {
    }

    @POST
    @Path("requests")
    CompletionStage<Response> submit(Submission submission);

    @GET
    @Path("requests/{externalRequestId}")
    CompletionStage<Response> find(@PathParam("externalRequestId") String externalRequestId);
}
