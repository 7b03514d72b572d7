package io.cpqoms.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * The deployed product as the hostile-input generator talks to it: sends generated requests (over
 * java.net.http, or a plain socket for what java.net.URI refuses to carry), prepares the real objects
 * the requests address, and checks that the server is still healthy and still takes a normal order.
 * JDK only, shared by {@code HostileInputIT} and {@code benchmark/HostileBench.java}.
 */
public final class HostileStack {

    /** What came back: status -1 when nothing did ({@code failure} says why). */
    public record Answer(int status, String contentType, String body, long millis, String failure, boolean problem, int bytes) {
        Answer(int status, String contentType, String body, long millis, String failure) {
            this(status, contentType, body, millis, failure, false, body.length());
        }

        public boolean answered() {
            return status > 0;
        }
    }

    /** Waits until a condition holds, at most {@code atMost} (Awaitility in the test, a loop in the benchmark). */
    public interface Waiter {
        void until(String what, Duration atMost, BooleanSupplier condition);
    }

    private static final int MAX_BODY_KEPT = 1024 * 1024; // the OpenAPI document is read through it too

    private final String base;
    private final String password;
    private final Duration timeout;
    private final HttpClient http;

    public HostileStack(String base, String password, Duration timeout) {
        URI uri = URI.create(base);
        String host = uri.getHost();
        if (!host.equals("localhost") && !host.startsWith("127.") && !host.equals("[::1]")) {
            throw new IllegalArgumentException("hostile requests go to a loopback address only, not " + base);
        }
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.password = password;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    public String base() {
        return base;
    }

    // ---- sending -------------------------------------------------------------------------------

    public Answer send(HostileRequests.Request request) {
        return request.raw() ? sendRaw(request.operation().method(), request.target(), request.user(), request.headers(), request.body())
                : send(request.operation().method(), request.target(), request.user(), request.headers(), request.body());
    }

    /** A normal call (for the fixture and the health check). */
    public Answer call(String user, String method, String target, String json) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (json != null || !method.equals("GET")) {
            headers.put("Content-Type", "application/json");
        }
        return send(method, target, user, headers, json == null ? null : json.getBytes(StandardCharsets.UTF_8));
    }

    private Answer send(String method, String target, String user, Map<String, String> headers, byte[] body) {
        long start = System.nanoTime();
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + target)).timeout(timeout);
            headers.forEach(builder::header);
            if (user != null) {
                builder.header("Authorization", authorization(user));
            }
            builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            HttpResponse<byte[]> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            return answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body(), millis(start));
        } catch (HttpTimeoutException e) {
            return new Answer(-1, "", "", millis(start), "no answer within " + timeout.toSeconds() + " s");
        } catch (IOException e) {
            return new Answer(-1, "", "", millis(start), "connection failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, "", "", millis(start), "interrupted");
        }
    }

    /** HTTP/1.1 over a socket, for targets java.net.URI does not accept (malformed percent-encoding). */
    private Answer sendRaw(String method, String target, String user, Map<String, String> headers, byte[] body) {
        URI uri = URI.create(base);
        int port = uri.getPort() < 0 ? 80 : uri.getPort();
        long start = System.nanoTime();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), port), 5000);
            socket.setSoTimeout((int) timeout.toMillis());
            StringBuilder head = new StringBuilder().append(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                    .append("Host: ").append(uri.getHost()).append(':').append(port).append("\r\n").append("Connection: close\r\n");
            headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
            if (user != null) {
                head.append("Authorization: ").append(authorization(user)).append("\r\n");
            }
            head.append("Content-Length: ").append(body == null ? 0 : body.length).append("\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                out.write(body);
            }
            out.flush();
            byte[] all = readAll(socket.getInputStream());
            return parse(all, millis(start));
        } catch (java.net.SocketTimeoutException e) {
            return new Answer(-1, "", "", millis(start), "no answer within " + timeout.toSeconds() + " s");
        } catch (IOException e) {
            return new Answer(-1, "", "", millis(start), "connection failed: " + e);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) > 0) {
            if (all.size() < 8 * 1024 * 1024) {
                all.write(buffer, 0, n);
            }
        }
        return all.toByteArray();
    }

    private static Answer parse(byte[] raw, long millis) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/") || end < 0) {
            return new Answer(-1, "", "", millis, raw.length == 0 ? "connection closed without an answer"
                    : "not an HTTP answer: " + HostileRequests.excerpt(text, 80));
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        String contentType = "";
        boolean chunked = false;
        for (String line : lines) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-type:")) {
                contentType = line.substring(13).trim();
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
        if (chunked) {
            body = dechunk(body);
        }
        return answer(status, contentType, body, millis);
    }

    /** Judged on the whole body (a problem may be larger than what is kept of it). */
    private static Answer answer(int status, String contentType, byte[] body, long millis) {
        boolean problem = false;
        if (contentType.toLowerCase(Locale.ROOT).startsWith("application/problem+json")) {
            Object parsed = HostileJson.tryParse(new String(body, StandardCharsets.UTF_8));
            problem = parsed instanceof Map<?, ?> map && map.get("code") instanceof String code && !code.isBlank();
        }
        return new Answer(status, contentType, kept(body), millis, null, problem, body.length);
    }

    private static byte[] dechunk(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String text = new String(body, StandardCharsets.ISO_8859_1);
        int at = 0;
        while (at < text.length()) {
            int eol = text.indexOf("\r\n", at);
            if (eol < 0) {
                break;
            }
            int size;
            try {
                size = Integer.parseInt(text.substring(at, eol).split(";")[0].trim(), 16);
            } catch (NumberFormatException e) {
                break;
            }
            if (size == 0 || eol + 2 + size > body.length) {
                break;
            }
            out.write(body, eol + 2, size);
            at = eol + 2 + size + 2;
        }
        return out.toByteArray();
    }

    private static String kept(byte[] body) {
        String s = new String(body, 0, Math.min(body.length, MAX_BODY_KEPT), StandardCharsets.UTF_8);
        return body.length > MAX_BODY_KEPT ? s + "...(" + body.length + " bytes)" : s;
    }

    private String authorization(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static long millis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    // ---- the real objects ----------------------------------------------------------------------

    /** The real objects the requests address, by the names {@link HostileRequests} uses. */
    public static final class Objects implements HostileRequests.Fixture {
        final Map<String, String> values = new LinkedHashMap<>();

        @Override
        public String value(String name) {
            String value = values.get(name);
            if (value == null) {
                throw new IllegalArgumentException("no fixture value " + name);
            }
            return value;
        }

        @Override
        public String toString() {
            Map<String, String> shown = new LinkedHashMap<>(values);
            shown.remove("demoCatalog");
            return shown.toString();
        }
    }

    /**
     * Publishes the demo catalog as a new version and makes a draft, a quote with an item, a priced and
     * an accepted quote, an order from a quote (completed), and two direct orders in fallout (one for
     * the fallout case, one to cancel), then waits until the database is quiet.
     */
    public Objects prepare(String demoCatalog, Waiter waiter) {
        Objects o = new Objects();
        String run = UUID.randomUUID().toString().substring(0, 8);
        o.values.put("demoCatalog", demoCatalog);
        o.values.put("offering", "po_enterprise_fiber");
        o.values.put("account", "acct-hostile-" + run);
        o.values.put("now", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        o.values.put("futureDate", LocalDate.now().plusDays(20).toString());

        String version = id(expect(call("acme-catalog-admin", "POST", "/api/catalog/versions", "{\"name\":\"hostile " + run + "\"}"), 201));
        expect(call("acme-catalog-admin", "POST", "/api/catalog/versions/" + version + "/imports", demoCatalog), 200);
        expect(call("acme-catalog-admin", "POST", "/api/catalog/versions/" + version + "/publication", null), 200);
        o.values.put("version", version);
        o.values.put("draft", id(expect(call("acme-catalog-admin", "POST", "/api/catalog/versions",
                "{\"name\":\"hostile draft " + run + "\"}"), 201)));

        Map<String, Object> offering = HostileJson.object(HostileJson.parse(expect(call("acme-sales", "GET",
                "/api/catalog/offerings/po_managed_router?version=" + version, null), 200).body()));
        o.values.put("priceId", HostileJson.string(HostileJson.object(HostileJson.array(
                HostileJson.object(offering.get("offering")).get("prices")).get(0)).get("id")));

        String quote = quote(version, run);
        Map<String, Object> withItem = item(quote);
        o.values.put("quote", quote);
        o.values.put("item", HostileJson.string(HostileJson.object(HostileJson.array(withItem.get("items")).get(0)).get("id")));

        String priced = quote(version, run);
        item(priced);
        Map<String, Object> pricedView = json(expect(call("acme-sales", "POST", "/api/quotes/" + priced + "/pricing", null), 200));
        o.values.put("pricedQuote", priced);
        o.values.put("pricedRevision", String.valueOf(pricedView.get("revision")));

        String accepted = quote(version, run);
        item(accepted);
        Map<String, Object> acceptedPriced = json(expect(call("acme-sales", "POST", "/api/quotes/" + accepted + "/pricing", null), 200));
        Map<String, Object> acceptance = HostileJson.object(json(expect(call("acme-sales", "POST", "/api/quotes/" + accepted + "/acceptance",
                "{\"revision\":" + acceptedPriced.get("revision") + ",\"customerContact\":\"Dana Buyer\"}"), 200)).get("acceptance"));
        o.values.put("acceptedQuote", accepted);
        o.values.put("acceptedRevision", String.valueOf(acceptance.get("revision")));
        o.values.put("acceptanceId", HostileJson.string(acceptance.get("acceptanceId")));
        String order = id(expect(call("acme-sales", "POST", "/api/orders/from-quote", "{\"quoteId\":\"" + accepted + "\",\"revision\":"
                + acceptance.get("revision") + ",\"acceptanceId\":\"" + acceptance.get("acceptanceId") + "\"}"), 201));
        o.values.put("order", order);

        String fallout = falloutOrder(run);
        String cancel = falloutOrder(run);
        o.values.put("falloutOrder", fallout);
        o.values.put("cancelOrder", cancel);
        settled(waiter, order, "COMPLETED");
        settled(waiter, fallout, "FALLOUT");
        settled(waiter, cancel, "FALLOUT");
        String customer = HostileJson.string(json(expect(call("acme-operations", "GET", "/api/orders/" + order, null), 200))
                .get("customerId"));
        List<Object> products = HostileJson.array(json(expect(call("acme-operations", "GET",
                "/api/inventory/products?customerId=" + customer, null), 200)).get("items"));
        if (products.isEmpty()) {
            throw new IllegalStateException("the completed order " + order + " put nothing into the installed base");
        }
        o.values.put("product", HostileJson.string(HostileJson.object(products.get(0)).get("id")));
        List<Object> cases = list(HostileJson.parse(expect(call("acme-operations-supervisor", "GET", "/api/orders/" + fallout + "/fallout-cases", null), 200).body()));
        o.values.put("falloutCase", HostileJson.string(HostileJson.object(cases.get(0)).get("id")));
        String failed = null;
        for (Object item : list(HostileJson.parse(expect(call("acme-operations-supervisor", "GET", "/api/orders/" + fallout + "/fulfillment-items", null), 200).body()))) {
            if ("FAILED".equals(HostileJson.object(item).get("status"))) {
                failed = HostileJson.string(HostileJson.object(item).get("id"));
            }
        }
        if (failed == null) {
            throw new IllegalStateException("the fallout order " + fallout + " has no failed item");
        }
        o.values.put("falloutItem", failed);
        return o;
    }

    /** The server's readiness check says UP. */
    public boolean ready() {
        Answer answer = call(null, "GET", "/health/ready", null);
        return answer.status() == 200 && answer.body().replace(" ", "").startsWith("{\"status\":\"UP\"");
    }

    /** A normal quote → acceptance → order capture still works: null if it does, else what failed. */
    public String captureWorks(String version) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        try {
            String quote = quote(version, run);
            item(quote);
            Map<String, Object> priced = json(expect(call("acme-sales", "POST", "/api/quotes/" + quote + "/pricing", null), 200));
            Map<String, Object> acceptance = HostileJson.object(json(expect(call("acme-sales", "POST", "/api/quotes/" + quote + "/acceptance",
                    "{\"revision\":" + priced.get("revision") + ",\"customerContact\":\"Dana Buyer\"}"), 200)).get("acceptance"));
            expect(call("acme-sales", "POST", "/api/orders/from-quote", "{\"quoteId\":\"" + quote + "\",\"revision\":"
                    + acceptance.get("revision") + ",\"acceptanceId\":\"" + acceptance.get("acceptanceId") + "\"}"), 201);
            return null;
        } catch (IllegalStateException e) {
            return e.getMessage();
        }
    }

    /** A quote of a customer of its own (two orders of one customer with the same lines are held as possible duplicates). */
    private String quote(String version, String run) {
        String customer = run + "-" + UUID.randomUUID().toString().substring(0, 8);
        return id(expect(call("acme-sales", "POST", "/api/quotes", "{\"customerId\":\"cust-hostile-" + customer
                + "\",\"accountId\":\"acct-hostile-" + customer + "\",\"channel\":\"DIRECT_SALES\",\"catalogVersionId\":\"" + version + "\"}"), 201));
    }

    private Map<String, Object> item(String quote) {
        return json(expect(call("acme-sales", "POST", "/api/quotes/" + quote + "/items",
                "{\"offeringId\":\"po_managed_router\",\"quantity\":1}"), 200));
    }

    private String falloutOrder(String run) {
        String customer = run + "-" + UUID.randomUUID().toString().substring(0, 8);
        return id(expect(call("acme-order-capture", "POST", "/api/orders", "{\"customerId\":\"cust-hostile-" + customer + "\",\"accountId\":"
                + "\"acct-hostile-" + customer + "\",\"lines\":[{\"offeringId\":\"po_enterprise_fiber\",\"characteristics\":{\"bandwidthMbps\":"
                + "\"500\",\"siteId\":\"HQ sim:ip-address-management=reject-first\"}}]}"), 201));
    }

    private void settled(Waiter waiter, String order, String expected) {
        Set<String> settled = Set.of("COMPLETED", "FALLOUT", "HELD", "CANCELLED", "FAILED");
        waiter.until("order " + order + " settled", Duration.ofSeconds(60), () -> settled.contains(status(order)));
        String status = status(order);
        if (!status.equals(expected)) {
            throw new IllegalStateException("order " + order + " is " + status + ", expected " + expected);
        }
    }

    private String status(String order) {
        Answer answer = call("acme-operations-supervisor", "GET", "/api/orders/" + order, null);
        return answer.status() == 200 ? String.valueOf(json(answer).get("status")) : "answer " + answer.status();
    }

    private static Answer expect(Answer answer, int status) {
        if (answer.status() != status) {
            throw new IllegalStateException("expected " + status + " but got " + answer.status() + " "
                    + (answer.failure() != null ? answer.failure() : HostileRequests.excerpt(answer.body(), 300)));
        }
        return answer;
    }

    private static Map<String, Object> json(Answer answer) {
        return HostileJson.object(HostileJson.parse(answer.body()));
    }

    private static String id(Answer answer) {
        return HostileJson.string(json(answer).get("id"));
    }

    private static List<Object> list(Object value) {
        return value instanceof Map<?, ?> page ? HostileJson.array(page.get("items")) : HostileJson.array(value);
    }

    /** An answer is a problem when its type is application/problem+json and it carries a string code. */
    public static boolean isProblem(Answer answer) {
        return answer.problem();
    }

    static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
}
