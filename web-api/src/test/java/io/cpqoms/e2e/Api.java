package io.cpqoms.e2e;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A client of the deployed product over HTTP, as an integrator would use it: one demo user of the
 * server's realm (password from the provisioning), or nobody.
 *
 * <p>Every call under {@code /api} is checked against the OpenAPI document the server publishes at
 * {@code /openapi} (loaded once per test run): the request before it is sent, the answer when it
 * arrives. A call that breaks the contract fails the test with the validator's messages. Tests of
 * hostile input send deliberately invalid requests through {@link #unchecked()}, which still checks
 * every answer whose status the contract documents for the operation.
 */
final class Api {

    static final String BASE = System.getProperty("cpq.baseUrl", "http://localhost:8080");
    private static final String PASSWORD = System.getProperty("cpq.demoPassword", "");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** The part of the server's URL space the OpenAPI document describes (its server URL is /api). */
    private static final String API_ROOT = "/api/";
    /** What the validator says about an answer to a request outside the contract: nothing to check then. */
    private static final Set<String> OUTSIDE_THE_CONTRACT = Set.of("validation.request.path.missing",
            "validation.request.operation.notAllowed", "validation.response.status.unknown");

    private final String authorization;
    private final boolean checkRequests;

    private Api(String authorization, boolean checkRequests) {
        this.authorization = authorization;
        this.checkRequests = checkRequests;
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static Api asWithPassword(String user, String password) {
        return new Api(basic(user, password), true);
    }

    /** Calls as the demo user (for example {@code acme-sales}). */
    static Api as(String user) {
        return new Api(basic(user, PASSWORD), true);
    }

    /** Without credentials, which the contract's security requirement refuses: requests are not checked. */
    static Api anonymous() {
        return new Api(null, false);
    }

    /**
     * The same caller, sending requests that break the contract on purpose (malformed or hostile input):
     * the requests are not checked; the answers are, whenever their status is documented for the
     * operation.
     */
    Api unchecked() {
        return new Api(authorization, false);
    }

    record Reply(int status, String contentType, String body, HttpResponse<String> raw) {
        JsonObject json() {
            return (JsonObject) structure();
        }

        JsonArray array() {
            return (JsonArray) structure();
        }

        private JsonStructure structure() {
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.read();
            }
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    Reply get(String path) {
        return send("GET", path, Map.of(), null);
    }

    /** A GET whose answer may be a document (a PDF) rather than text: status, media type and bytes. */
    record Download(int status, String contentType, byte[] body, String header) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /**
     * Downloads {@code path} with the {@code Accept} header given (none when null); the answer's status
     * and headers are checked against the contract, a problem's body too.
     */
    Download download(String path, String accept) {
        URI uri = URI.create(BASE + path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (accept != null) {
            request.header("Accept", accept);
        }
        HttpResponse<byte[]> response;
        try {
            response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        String type = response.headers().firstValue("Content-Type").orElse("");
        SimpleResponse.Builder answer = SimpleResponse.Builder.status(response.statusCode());
        response.headers().map().forEach((name, values) -> {
            if (!name.startsWith(":")) {
                answer.withHeader(name, values);
            }
        });
        if (response.body().length > 0) {
            // a binary document goes to the validator as bytes in a string (Latin-1 keeps every byte)
            answer.withBody(new String(response.body(), type.startsWith("application/problem+json")
                    ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1));
        }
        Contract.check("answer " + response.statusCode() + " to GET " + path,
                Contract.validator().validateResponse(uri.getRawPath(), Request.Method.GET, answer.build()), Set.of());
        return new Download(response.statusCode(), type, response.body(),
                response.headers().firstValue("Content-Disposition").orElse(null));
    }

    Reply post(String path, String json) {
        return send("POST", path, json == null ? Map.of() : Map.of("Content-Type", "application/json"), json);
    }

    Reply post(String path, String json, String idempotencyKey) {
        return send("POST", path, Map.of("Content-Type", "application/json", "Idempotency-Key", idempotencyKey), json);
    }

    Reply put(String path, String json) {
        return send("PUT", path, Map.of("Content-Type", "application/json"), json);
    }

    Reply call(String method, String path, String json) {
        return switch (method) {
            case "GET" -> get(path);
            case "PUT" -> put(path, json);
            default -> post(path, json);
        };
    }

    /** The demo catalog document the product ships (server-config). */
    static final String DEMO_CATALOG = "../server-config/src/main/demo/demo-catalog.json";

    /**
     * A new catalog version named {@code name} plus a random suffix, with {@code document} imported and
     * published by acme's catalog administrator; returns its id.
     */
    static String publishedCatalog(String name, String document) {
        Api admin = as("acme-catalog-admin");
        Reply created = admin.post("/api/catalog/versions", "{\"name\":\"" + name + " " + java.util.UUID.randomUUID() + "\"}");
        org.junit.jupiter.api.Assertions.assertEquals(201, created.status(), created.body());
        String version = created.json().getString("id");
        Reply imported = admin.post("/api/catalog/versions/" + version + "/imports", document);
        org.junit.jupiter.api.Assertions.assertEquals(200, imported.status(), imported.body());
        Reply published = admin.post("/api/catalog/versions/" + version + "/publication", null);
        org.junit.jupiter.api.Assertions.assertEquals(200, published.status(), published.body());
        return version;
    }

    static String file(String path) {
        try {
            return Files.readString(Path.of(path));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Reply send(String method, String path, Map<String, String> headers, String body) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        if (authorization != null) {
            all.put("Authorization", authorization);
        }
        URI uri = URI.create(BASE + path);
        boolean inContract = uri.getRawPath().startsWith(API_ROOT);
        if (inContract && checkRequests) {
            Contract.check("request " + method + " " + path, Contract.validator().validateRequest(request(method, uri, all, body)), Set.of());
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        all.forEach(request::header);
        HttpResponse<String> response;
        try {
            response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        Reply reply = new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body(), response);
        if (inContract) {
            Contract.check("answer " + response.statusCode() + " to " + method + " " + path,
                    Contract.validator().validateResponse(uri.getRawPath(), Request.Method.valueOf(method), response(response)),
                    checkRequests ? Set.of() : OUTSIDE_THE_CONTRACT);
        }
        return reply;
    }

    private static Request request(String method, URI uri, Map<String, String> headers, String body) {
        SimpleRequest.Builder request = new SimpleRequest.Builder(method, uri.getRawPath());
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                request.withQueryParam(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
        }
        headers.forEach(request::withHeader);
        if (body != null) {
            request.withBody(body);
        }
        return request.build();
    }

    private static String decode(String part) {
        return java.net.URLDecoder.decode(part, StandardCharsets.UTF_8);
    }

    private static com.atlassian.oai.validator.model.Response response(HttpResponse<String> response) {
        SimpleResponse.Builder answer = SimpleResponse.Builder.status(response.statusCode());
        response.headers().map().forEach((name, values) -> {
            if (!name.startsWith(":")) {
                answer.withHeader(name, values);
            }
        });
        if (response.body() != null && !response.body().isEmpty()) {
            answer.withBody(response.body());
        }
        return answer.build();
    }

    /** The server's published contract, loaded once. */
    static final class Contract {

        static final String DOCUMENT;

        static {
            try {
                HttpResponse<String> document = HTTP.send(HttpRequest.newBuilder(URI.create(BASE + "/openapi"))
                        .header("Accept", "application/json").timeout(Duration.ofSeconds(60)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (document.statusCode() != 200) {
                    throw new IllegalStateException("GET /openapi answered " + document.statusCode());
                }
                DOCUMENT = document.body();
            } catch (IOException e) {
                throw new IllegalStateException("Cannot load the OpenAPI document from " + BASE, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private Contract() {
        }

        /** Built on first use: it refuses a document its parser reports anything about. */
        private static final class Validator {
            static final OpenApiInteractionValidator INSTANCE =
                    OpenApiInteractionValidator.createForInlineApiSpecification(DOCUMENT).build();
        }

        static OpenApiInteractionValidator validator() {
            return Validator.INSTANCE;
        }

        static void check(String what, ValidationReport report, Set<String> ignored) {
            if (report.getMessages().stream().anyMatch(m -> ignored.contains(m.getKey()))) {
                return;
            }
            String errors = report.getMessages().stream()
                    .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                    .map(m -> m.getKey() + ": " + m.getMessage()
                            + m.getContext().flatMap(c -> c.getApiOperation()).map(o -> " [" + o.getMethod() + " " + o.getApiPath().original() + "]").orElse(""))
                    .collect(Collectors.joining("\n  "));
            if (!errors.isEmpty()) {
                throw new AssertionError("The " + what + " breaks the OpenAPI contract:\n  " + errors);
            }
        }
    }
}
