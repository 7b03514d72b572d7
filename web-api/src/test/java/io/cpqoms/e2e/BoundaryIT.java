package io.cpqoms.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The boundary holds against the inputs that once took the server down or got a 500: every one is a
 * problem detail with a stable code, writes nothing, and the server answers normally afterwards.
 */
class BoundaryIT {

    private static final Api ADMIN = Api.as("acme-catalog-admin");
    private static final Api SALES = Api.as("acme-sales");
    private static final Api CAPTURE = Api.as("acme-order-capture");
    private static final Api OPERATIONS = Api.as("acme-operations");
    private static final Api SUPERVISOR = Api.as("acme-operations-supervisor");
    private static final Api CUSTOMER_SERVICE = Api.as("acme-customer-service");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static String catalogVersion;

    @BeforeAll
    static void publishTheDemoCatalog() {
        catalogVersion = Api.publishedCatalog("boundary e2e", Api.file(Api.DEMO_CATALOG));
    }

    @AfterAll
    static void theServerStillWorks() {
        assertEquals(201, SALES.post("/api/quotes", quote("cust-" + UUID.randomUUID(), "DIRECT_SALES")).status());
    }

    // ---- helpers -------------------------------------------------------------------------------

    private static String quote(String customer, String channel) {
        return "{\"customerId\":\"" + customer + "\",\"accountId\":\"acct-1\",\"channel\":\"" + channel
                + "\",\"catalogVersionId\":\"" + catalogVersion + "\"}";
    }

    private static String startQuote(String customer) {
        Api.Reply quote = SALES.post("/api/quotes", quote(customer, "DIRECT_SALES"));
        assertEquals(201, quote.status(), quote.body());
        return quote.json().getString("id");
    }

    private static String pricedQuote(String customer) {
        String quote = startQuote(customer);
        assertEquals(200, SALES.post("/api/quotes/" + quote + "/items", "{\"offeringId\":\"po_basic_router\"}").status());
        assertEquals(200, SALES.post("/api/quotes/" + quote + "/pricing", null).status());
        return quote;
    }

    private static JsonObject problem(Api.Reply reply, int status, String code) {
        assertEquals(status, reply.status(), reply.body());
        assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
        JsonObject problem = reply.json();
        assertEquals(code, problem.getString("code"), reply.body());
        assertTrue(reply.body().length() < 16_000, "the answer does not echo the input: " + reply.body().length());
        return problem;
    }

    private static List<String> rules(JsonObject problem) {
        return problem.getJsonArray("violations").stream()
                .map(v -> v.asJsonObject().getString("target") + ":" + v.asJsonObject().getString("rule")).toList();
    }

    private static int ordersOf(String customer) {
        Api.Reply page = OPERATIONS.get("/api/orders?customerId=" + customer);
        assertEquals(200, page.status(), page.body());
        return page.json().getJsonArray("items").size();
    }

    private static Api.Reply send(String user, String method, String path, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Api.BASE + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":"
                        + System.getProperty("cpq.demoPassword", "")).getBytes(StandardCharsets.UTF_8)))
                // a large body goes chunked, without a Content-Length: the server reads it up to its limit
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : body.length > 1024 * 1024
                        ? HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body))
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Api.Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ---- numbers -------------------------------------------------------------------------------

    @Test
    void aHugeExponentIsABadRequestAndTheServerStaysUp() {
        String quote = pricedQuote("cust-" + UUID.randomUUID());
        String item = SALES.get("/api/quotes/" + quote).json().getJsonArray("items").getJsonObject(0).getString("id");
        JsonObject refused = problem(SALES.unchecked().post("/api/quotes/" + quote + "/items/" + item + "/price-overrides",
                "{\"priceId\":\"pop_basic_router\",\"amount\":1e-1000000000,\"reason\":\"x\"}"), 400, "INVALID_REQUEST_BODY");
        assertEquals(List.of("amount:NUMBER_OUT_OF_RANGE"), rules(refused));
        problem(SALES.unchecked().post("/api/quotes/" + quote + "/items", "{\"offeringId\":\"po_basic_router\",\"quantity\":1e1000000}"),
                400, "INVALID_REQUEST_BODY");
        problem(SALES.unchecked().post("/api/prices/calculations", "{\"lines\":[{\"offeringId\":\"po_basic_router\",\"quantity\":"
                + "1".repeat(400) + "}]}"), 400, "INVALID_REQUEST_BODY");
        assertEquals(List.of("lines[0].quantity:DIGITS"), rules(problem(SALES.unchecked().post("/api/prices/calculations",
                "{\"lines\":[{\"offeringId\":\"po_basic_router\",\"quantity\":1234567890123}]}"), 400, "INVALID_REQUEST_BODY")));
        assertEquals("PRICED", SALES.get("/api/quotes/" + quote).json().getString("status"), "the quote is untouched");
    }

    // ---- structure -----------------------------------------------------------------------------

    @Test
    void deepNestingControlCharactersAndWrongTypesAreBadRequests() {
        String customer = "cust-" + UUID.randomUUID();
        problem(SALES.unchecked().post("/api/quotes", "{\"customerId\":" + "[".repeat(5000) + "]".repeat(5000) + "}"), 400, "JSON_TOO_DEEP");
        assertEquals(List.of("customerId:CONTROL_CHARACTER"), rules(problem(SALES.unchecked().post("/api/quotes",
                "{\"customerId\":\"a\\u0000b\",\"channel\":\"DIRECT_SALES\"}"), 400, "INVALID_REQUEST_BODY")));
        assertEquals(List.of("customerId:WRONG_TYPE"), rules(problem(SALES.unchecked().post("/api/quotes",
                "{\"customerId\":123,\"channel\":\"DIRECT_SALES\"}"), 400, "INVALID_REQUEST_BODY")));
        assertEquals(List.of("discount:UNKNOWN_FIELD"), rules(problem(SALES.unchecked().post("/api/quotes",
                "{\"customerId\":\"" + customer + "\",\"channel\":\"DIRECT_SALES\",\"discount\":99}"), 400, "UNKNOWN_FIELD")));
        String quote = startQuote(customer);
        assertEquals(List.of("items[0]:WRONG_TYPE", "items[1]:WRONG_TYPE"), rules(problem(SALES.unchecked().post(
                "/api/quotes/" + quote + "/items/batch", "{\"items\":[\"\", true]}"), 400, "INVALID_REQUEST_BODY")));
        assertEquals(0, SALES.get("/api/quotes/" + quote).json().getJsonArray("items").size(), "no item was dropped silently");
        problem(OPERATIONS.unchecked().get("/api/orders?customerId=a%00b"), 400, "INVALID_PARAMETER");
        problem(OPERATIONS.unchecked().get("/api/orders?createdFrom=%2B275760-09-13T00:00:00Z"), 400, "INVALID_PARAMETER");
    }

    @Test
    void anEnumeratedValueOutsideItsSetNamesTheAllowedOnes() {
        JsonObject refused = problem(OPERATIONS.unchecked().post("/api/orders/" + UUID.randomUUID() + "/fallout-cases/" + UUID.randomUUID()
                + "/resolutions", "{\"action\":\"EDIT_DATABASE\"}"), 400, "INVALID_REQUEST_BODY");
        JsonObject violation = refused.getJsonArray("violations").getJsonObject(0);
        assertEquals("action", violation.getString("target"));
        assertEquals("VALUE_NOT_ALLOWED", violation.getString("rule"));
        assertEquals(List.of("RETRY_ITEM", "SKIP_ITEM", "CORRECT_ORDER_DATA", "REQUEST_CUSTOMER_INFO", "CANCEL_ORDER", "MARK_RESOLVED", "ESCALATE",
                "RESEND_BILLING_TRIGGER"), violation.getJsonArray("allowedValues").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList());
        assertFalse(refused.getString("detail").contains("io.cpqoms"), "no class names: " + refused.getString("detail"));
    }

    @Test
    void stringsAndDatesBeyondTheirColumnsAreBadRequests() {
        String customer = "c".repeat(81);
        assertEquals(List.of("customerId:SIZE"), rules(problem(CAPTURE.unchecked().post("/api/orders", "{\"customerId\":\"" + customer
                + "\",\"lines\":[{\"offeringId\":\"po_basic_router\"}]}"), 400, "INVALID_REQUEST_BODY")));
        assertEquals(List.of("requestedCompletionDate:DATE_OUT_OF_RANGE"), rules(problem(CAPTURE.unchecked().post("/api/orders",
                "{\"customerId\":\"c1\",\"requestedCompletionDate\":\"+275760-09-13\",\"lines\":[{\"offeringId\":\"po_basic_router\"}]}"),
                400, "INVALID_REQUEST_BODY")));
        assertEquals(List.of("name:SIZE"), rules(problem(ADMIN.unchecked().post("/api/catalog/versions", "{\"name\":\"" + "n".repeat(201)
                + "\"}"), 400, "INVALID_REQUEST_BODY")));
        assertEquals(List.of("assignee:SIZE"), rules(problem(OPERATIONS.unchecked().post("/api/orders/" + UUID.randomUUID()
                + "/fallout-cases/" + UUID.randomUUID() + "/assignments", "{\"assignee\":\"" + "a".repeat(121) + "\"}"),
                400, "INVALID_REQUEST_BODY")));
        assertEquals(List.of("reason:SIZE"), rules(problem(SUPERVISOR.unchecked().post("/api/orders/" + UUID.randomUUID() + "/cancellations",
                "{\"reason\":\"" + "r".repeat(5000) + "\",\"initiator\":\"CUSTOMER\"}"), 400, "INVALID_REQUEST_BODY")));
    }

    @Test
    void bodiesAreBoundedAndUtf8() throws IOException {
        String declared = raw("acme-operations-supervisor", "POST /api/orders/" + UUID.randomUUID() + "/cancellations HTTP/1.1"
                + "\r\nContent-Type: application/json\r\nContent-Length: 5242880");
        assertTrue(declared.startsWith("HTTP/1.1 413") && declared.contains("\"BODY_TOO_LARGE\""),
                "refused from its Content-Length, before it is sent: " + declared);
        byte[] large = ("{\"reason\":\"" + "r".repeat(1_100_000) + "\",\"initiator\":\"CUSTOMER\"}").getBytes(StandardCharsets.UTF_8);
        Api.Reply chunked = send("acme-operations-supervisor", "POST", "/api/orders/" + UUID.randomUUID() + "/cancellations",
                "application/json", large);
        problem(chunked, 413, "BODY_TOO_LARGE");
        problem(send("acme-sales", "POST", "/api/quotes", "application/json; charset=bogus-9",
                quote("c1", "DIRECT_SALES").getBytes(StandardCharsets.UTF_8)), 415, "UNSUPPORTED_CHARSET");
        problem(send("acme-sales", "POST", "/api/quotes", "application/json",
                new byte[] {'{', '"', 'c', (byte) 0xC3, '"', ':', '1', '}'}), 400, "MALFORMED_JSON");
        assertEquals(201, send("acme-sales", "POST", "/api/quotes", "application/json; charset=UTF-8",
                quote("cust-" + UUID.randomUUID(), "DIRECT_SALES").getBytes(StandardCharsets.UTF_8)).status());
    }

    @Test
    void theExpensivePathsAreBounded() {
        String quote = startQuote("cust-" + UUID.randomUUID());
        String router = "{\"offeringId\":\"po_basic_router\"}";
        String bundle = "{\"offeringId\":\"po_connectivity_bundle\",\"children\":[" + String.join(",",
                java.util.Collections.nCopies(10, router)) + "]}";
        problem(SALES.post("/api/quotes/" + quote + "/items/batch", "{\"items\":[" + String.join(",",
                java.util.Collections.nCopies(500, bundle)) + "]}"), 400, "QUOTE_ITEMS_INVALID");
        JsonObject many = problem(SALES.unchecked().post("/api/quotes/" + quote + "/items/batch", "{\"items\":[" + "1,".repeat(200_000)
                + "1]}"), 400, "INVALID_REQUEST_BODY");
        assertEquals(50, many.getJsonArray("violations").size(), "a refusal lists a bounded number of violations");
        problem(CAPTURE.post("/api/orders", "{\"customerId\":\"c1\",\"lines\":[" + String.join(",",
                java.util.Collections.nCopies(100, bundle)) + "]}"), 400, "ORDER_TOO_LARGE");
        problem(SALES.post("/api/configurations/evaluations", "{\"offeringId\":\"po_connectivity_bundle\",\"children\":["
                + String.join(",", java.util.Collections.nCopies(60, bundle)) + "]}"), 400, "CONFIGURATION_REQUEST_INVALID");
        assertEquals(0, SALES.get("/api/quotes/" + quote).json().getJsonArray("items").size());
    }

    // ---- values the product does not support ---------------------------------------------------

    @Test
    void linesThatDoNotFitTheirOrderTypeAndUnknownChannelsAreRefusedNotRewritten() {
        String customer = "cust-" + UUID.randomUUID();
        String header = "{\"customerId\":\"" + customer + "\",\"accountId\":\"acct-1\",";
        JsonObject modify = problem(CAPTURE.unchecked().post("/api/orders", header
                + "\"lines\":[{\"action\":\"MODIFY\",\"offeringId\":\"po_basic_router\"}]}"), 422, "LINE_ACTION_NOT_ALLOWED");
        assertEquals(List.of("lines[0].action:LINE_ACTION_NOT_ALLOWED", "lines[0].productId:PRODUCT_REQUIRED"), rules(modify),
                "a NEW order only adds, and a MODIFY line names the product it changes");
        problem(CAPTURE.unchecked().post("/api/orders", header + "\"orderType\":\"DISCONNECT\","
                + "\"lines\":[{\"offeringId\":\"po_basic_router\"}]}"), 422, "PRODUCT_REQUIRED");
        problem(CAPTURE.unchecked().post("/api/orders", header + "\"orderType\":\"CHANGE\","
                + "\"lines\":[{\"productId\":\"" + UUID.randomUUID() + "\",\"characteristics\":{\"routerModel\":\"X\"}}]}"),
                422, "PRODUCT_NOT_FOUND");
        assertEquals(0, ordersOf(customer));
        problem(SALES.unchecked().post("/api/quotes", quote(customer, "NOPE")), 422, "CHANNEL_NOT_SOLD");
    }

    // ---- idempotent repeats --------------------------------------------------------------------

    @Test
    void concurrentIdenticalAcceptancesReturnTheSameEvidence() throws Exception {
        String quote = pricedQuote("cust-" + UUID.randomUUID());
        String body = "{\"revision\":1,\"customerContact\":\"Dana Buyer\"}";
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Callable<Api.Reply>> calls = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                calls.add(() -> SALES.post("/api/quotes/" + quote + "/acceptance", body));
            }
            List<Api.Reply> replies = new ArrayList<>();
            for (Future<Api.Reply> reply : pool.invokeAll(calls)) {
                replies.add(reply.get());
            }
            assertEquals(Set.of(200), replies.stream().map(Api.Reply::status).collect(Collectors.toSet()),
                    replies.stream().filter(r -> r.status() != 200).map(Api.Reply::body).findFirst().orElse(""));
            assertEquals(1, replies.stream().map(r -> r.json().getJsonObject("acceptance").getString("acceptanceId"))
                    .distinct().count());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aConvertedAcceptanceNamedWithAnotherRevisionIsNotAnIdempotencyKey() {
        String quote = pricedQuote("cust-" + UUID.randomUUID());
        String acceptance = SALES.post("/api/quotes/" + quote + "/acceptance", "{\"revision\":1,\"customerContact\":\"Dana\"}")
                .json().getJsonObject("acceptance").getString("acceptanceId");
        assertEquals(201, SALES.post("/api/orders/from-quote", "{\"quoteId\":\"" + quote + "\",\"revision\":1,"
                + "\"acceptanceId\":\"" + acceptance + "\"}").status());
        problem(SALES.unchecked().post("/api/orders/from-quote", "{\"quoteId\":\"" + quote + "\",\"revision\":2,\"acceptanceId\":\""
                + acceptance + "\"}"), 409, "ACCEPTANCE_ALREADY_CONVERTED");
    }

    // ---- what a customer is told ---------------------------------------------------------------

    @Test
    void customerServiceListsCustomerFacingStatusesOnly() {
        String customer = "cust-" + UUID.randomUUID();
        Api.Reply captured = CAPTURE.post("/api/orders", "{\"customerId\":\"" + customer + "\",\"accountId\":\"acct-1\","
                + "\"lines\":[{\"offeringId\":\"po_basic_router\"}]}");
        assertEquals(201, captured.status(), captured.body());
        await().atMost(Duration.ofSeconds(60)).until(() -> Set.of("COMPLETED", "FALLOUT", "FAILED")
                .contains(OPERATIONS.get("/api/orders/" + captured.json().getString("id")).json().getString("status")));
        Api.Reply page = CUSTOMER_SERVICE.get("/api/orders?customerId=" + customer);
        assertEquals(200, page.status(), page.body());
        String status = page.json().getJsonArray("items").getJsonObject(0).getString("status");
        assertTrue(Set.of("COMPLETED", "IN_PROGRESS", "NOT_FULFILLED").contains(status), status);
        problem(CUSTOMER_SERVICE.unchecked().get("/api/orders?status=FALLOUT"), 400, "INVALID_PARAMETER");
        assertEquals(200, CUSTOMER_SERVICE.get("/api/orders?status=IN_PROGRESS&customerId=" + customer).status());
    }

    // ---- links ---------------------------------------------------------------------------------

    /** A request as the client writes it, for what java.net.URI refuses to build. */
    private static String raw(String user, String requestLine) throws IOException {
        URI base = URI.create(Api.BASE);
        String auth = Base64.getEncoder().encodeToString((user + ":" + System.getProperty("cpq.demoPassword", ""))
                .getBytes(StandardCharsets.UTF_8));
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write((requestLine + "\r\nHost: " + base.getHost() + "\r\nAuthorization: Basic " + auth
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            return oneAnswer(socket.getInputStream());
        }
    }

    /** The status line, headers and body of one answer, without waiting for the server to close. */
    private static String oneAnswer(InputStream in) throws IOException {
        java.io.ByteArrayOutputStream head = new java.io.ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
        }
        String headers = head.toString(StandardCharsets.ISO_8859_1);
        int length = headers.lines().filter(l -> l.regionMatches(true, 0, "Content-Length:", 0, 15))
                .map(l -> Integer.parseInt(l.substring(15).strip())).findFirst().orElse(0);
        return headers + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    @Test
    void aQueryThatDoesNotDecodeIsMalformed() throws IOException {
        for (String query : List.of("customerId=a%ZZ", "customerId=a%2", "customerId=%FF%FE", "customerId=%C0%AF")) {
            String answer = raw("acme-operations", "GET /api/orders?" + query + " HTTP/1.1");
            assertTrue(answer.startsWith("HTTP/1.1 400"), query + ": " + answer);
            assertTrue(answer.contains("application/problem+json") && answer.contains("\"MALFORMED_URI\""), query + ": " + answer);
        }
        assertTrue(raw("acme-operations", "GET /api/orders?customerId=caf%C3%A9 HTTP/1.1").startsWith("HTTP/1.1 200"),
                "UTF-8 escapes are text");
    }

    @Test
    void locationNeverEchoesTheHostHeader() throws IOException {
        URI base = URI.create(Api.BASE);
        String body = quote("cust-" + UUID.randomUUID(), "DIRECT_SALES");
        String auth = Base64.getEncoder().encodeToString(("acme-sales:" + System.getProperty("cpq.demoPassword", ""))
                .getBytes(StandardCharsets.UTF_8));
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/quotes HTTP/1.1\r\nHost: evil.example.com\r\nAuthorization: Basic " + auth
                    + "\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: "
                    + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 201"), answer);
            String location = answer.lines().filter(l -> l.regionMatches(true, 0, "Location:", 0, 9)).findFirst().orElse(null);
            assertTrue(location != null && location.contains("/api/quotes/"), answer);
            assertFalse(location.contains("evil.example.com"), location);
        }
    }
}
