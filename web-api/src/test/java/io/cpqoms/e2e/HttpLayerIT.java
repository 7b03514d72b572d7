package io.cpqoms.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the server's HTTP layer answers for requests that never reach a resource, over raw sockets
 * (HttpClient refuses to send most of them): a problem detail wherever the servlet container answers,
 * never an HTML page; and, where Grizzly refuses a request while parsing it (documented in
 * server-config/src/main/asadmin/60-http.asadmin), a refusal without a body that processes nothing.
 */
class HttpLayerIT {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void unauthenticatedIsAProblemWithTheChallengeAndNoLatin1Charset() throws IOException {
        RawHttp.Answer answer = RawHttp.send("GET /api/catalog/offerings HTTP/1.1\r\nHost: " + RawHttp.host()
                + "\r\nConnection: close");
        assertEquals(401, answer.status(), answer::toString);
        assertEquals(PROBLEM, answer.header("Content-Type"), answer::toString);
        assertEquals("Basic realm=\"cpq\"", answer.header("WWW-Authenticate"));
        assertEquals("AUTHENTICATION_REQUIRED", answer.json().getString("code"));
        assertEquals(401, answer.json().getInt("status"));
        assertEquals(answer.header("X-Correlation-Id"), answer.json().getString("correlationId"));
    }

    @Test
    void wrongPasswordIsTheSameProblem() throws IOException {
        RawHttp.Answer answer = RawHttp.send("GET /api/quotes/x HTTP/1.1\r\nHost: " + RawHttp.host()
                + "\r\nAuthorization: Basic " + java.util.Base64.getEncoder().encodeToString(
                        "acme-sales:wrong".getBytes(StandardCharsets.UTF_8)) + "\r\nConnection: close");
        assertEquals(401, answer.status(), answer::toString);
        assertEquals(PROBLEM, answer.header("Content-Type"), answer::toString);
        assertEquals("AUTHENTICATION_REQUIRED", answer.json().getString("code"));
    }

    /** Jersey cannot parse the Accept header and answers without an entity: the error page makes it a problem. */
    @Test
    void unparsableAcceptIsAProblemNotAnHtmlPage() throws IOException {
        RawHttp.Answer answer = RawHttp.send("GET /api/catalog/offerings HTTP/1.1\r\nHost: " + RawHttp.host()
                + "\r\nAuthorization: " + RawHttp.basic("acme-sales") + "\r\nAccept: @@@\r\nConnection: close");
        assertClientProblem(answer, 400, 406);
    }

    @Test
    void unparsableContentTypeIsAProblemNotAnHtmlPage() throws IOException {
        byte[] body = "{\"customerId\":\"c\",\"accountId\":\"a\",\"channel\":\"DIRECT_SALES\"}".getBytes(StandardCharsets.UTF_8);
        RawHttp.Answer answer = RawHttp.send("POST /api/quotes HTTP/1.1\r\nHost: " + RawHttp.host()
                + "\r\nAuthorization: " + RawHttp.basic("acme-sales") + "\r\nContent-Type: @@@\r\nContent-Length: "
                + body.length + "\r\nConnection: close", body, Duration.ofSeconds(30));
        assertClientProblem(answer, 400, 415);
    }

    @Test
    void containerServesNoHtmlForTheErrorPathItself() throws IOException {
        RawHttp.Answer answer = RawHttp.send("GET /api/problems/error HTTP/1.1\r\nHost: " + RawHttp.host()
                + "\r\nAuthorization: " + RawHttp.basic("acme-sales") + "\r\nConnection: close");
        assertEquals(404, answer.status(), answer::toString);
        assertEquals(PROBLEM, answer.header("Content-Type"), answer::toString);
        assertEquals("RESOURCE_NOT_FOUND", answer.json().getString("code"));
    }

    @Test
    void traceIsRefusedWithoutEchoingTheRequest() throws IOException {
        RawHttp.Answer answer = RawHttp.send("TRACE /api/catalog/offerings HTTP/1.1\r\nHost: " + RawHttp.host()
                + "\r\nAuthorization: " + RawHttp.basic("acme-sales") + "\r\nConnection: close");
        assertTrue(answer.status() == 405 || answer.status() == 401 || answer.status() == 403, answer::toString);
        assertFalse(answer.body().contains("Authorization"), answer::toString);
        assertFalse(answer.body().contains("<html"), answer::toString);
    }

    @Test
    void answersNameNeitherServerNorVersion() throws IOException {
        RawHttp.Answer answer = RawHttp.send("GET /api/catalog/offerings HTTP/1.1\r\nHost: " + RawHttp.host()
                + "\r\nAuthorization: " + RawHttp.basic("acme-sales") + "\r\nConnection: close");
        assertEquals(200, answer.status(), answer::toString);
        assertNull(answer.header("X-Powered-By"), answer::toString);
        assertNull(answer.header("Server"), answer::toString);
    }

    /** Grizzly refuses these while parsing the headers, before any web module: 400, no body, connection closed. */
    @Test
    void headersBeyondTheLimitsAreRefusedBeforeTheApplication() throws IOException {
        String auth = "\r\nAuthorization: " + RawHttp.basic("acme-sales");
        assertRefusedByTheHttpEngine(RawHttp.send("GET /api/catalog/offerings HTTP/1.1\r\nHost: " + RawHttp.host() + auth
                + "\r\nX-Long: " + "a".repeat(9000) + "\r\nConnection: close"));
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 101; i++) {
            many.append("\r\nX-Header-").append(i).append(": v");
        }
        assertRefusedByTheHttpEngine(RawHttp.send("GET /api/catalog/offerings HTTP/1.1\r\nHost: " + RawHttp.host() + auth
                + many + "\r\nConnection: close"));
        assertRefusedByTheHttpEngine(RawHttp.send("GET /api/catalog/offerings HTTP/1.1\r\nHost: " + RawHttp.host() + auth
                + "\r\nX-Bad: a\u0001b\r\nConnection: close"));
        assertRefusedByTheHttpEngine(RawHttp.send("GET /api/catalog/offerings HTTP/1.1\r\nHost: " + RawHttp.host() + auth
                + "\r\nX Bad(: v\r\nConnection: close"));
        assertRefusedByTheHttpEngine(RawHttp.send("POST /api/quotes HTTP/1.1\r\nHost: " + RawHttp.host() + auth
                + "\r\nContent-Type: application/json\r\nContent-Length: -1\r\nConnection: close", "{}".getBytes(
                        StandardCharsets.UTF_8), Duration.ofSeconds(30)));
        // within the limits, the same request is served
        assertEquals(200, RawHttp.send("GET /api/catalog/offerings?limit=1 HTTP/1.1\r\nHost: " + RawHttp.host() + auth
                + "\r\nX-Long: " + "a".repeat(4000) + "\r\nConnection: close").status());
    }

    /**
     * A malformed percent-encoding fails in the container's URI decoding, before the request is mapped
     * to any module (Payara answers it with an empty 200, see 60-http.asadmin): whatever the status,
     * nothing of the product is served, with or without credentials.
     */
    @Test
    void malformedPercentEncodingServesNothing() throws IOException {
        for (String credentials : new String[] {"", "\r\nAuthorization: " + RawHttp.basic("acme-sales")}) {
            RawHttp.Answer answer = RawHttp.send("GET /api/catalog/offerings/%ZZ HTTP/1.1\r\nHost: " + RawHttp.host()
                    + credentials + "\r\nConnection: close");
            assertTrue(answer.status() == 200 || answer.status() == 400, answer::toString);
            if (answer.status() == 400) {
                assertEquals(PROBLEM, answer.header("Content-Type"), answer::toString);
            } else {
                assertEquals("0", answer.header("Content-Length"), answer::toString);
                assertEquals("", answer.body(), answer::toString);
            }
        }
    }

    private static void assertClientProblem(RawHttp.Answer answer, int... allowed) {
        assertTrue(java.util.Arrays.stream(allowed).anyMatch(s -> s == answer.status()), answer::toString);
        assertEquals(PROBLEM, answer.header("Content-Type"), answer::toString);
        JsonObject problem = answer.json();
        assertEquals(answer.status(), problem.getInt("status"));
        assertFalse(problem.getString("code").isBlank());
        assertTrue(problem.getString("type").startsWith("urn:cpq:problem:"));
    }

    private static void assertRefusedByTheHttpEngine(RawHttp.Answer answer) {
        assertEquals(400, answer.status(), answer::toString);
        assertNotEquals("text/html", answer.header("Content-Type"), answer::toString);
        assertTrue(answer.body().isEmpty() || PROBLEM.equals(answer.header("Content-Type")), answer::toString);
        assertEquals("close", answer.header("Connection"), answer::toString);
    }

    /**
     * HTTP/1.1 over a plain socket, for requests a conforming client refuses to send (broken headers,
     * malformed paths, lying Content-Length). Every request asks the server to close the connection, so an
     * answer ends where the connection does.
     */
    static final class RawHttp {

        private static final URI BASE = URI.create(Api.BASE);
        private static final String PASSWORD = System.getProperty("cpq.demoPassword", "");

        /** An answer as it came off the wire; {@code status} is -1 when the server closed without answering. */
        record Answer(int status, String statusLine, Map<String, String> headers, String body, boolean timedOut) {

            String header(String name) {
                return headers.get(name.toLowerCase(Locale.ROOT));
            }

            JsonObject json() {
                try (var reader = Json.createReader(new StringReader(body))) {
                    return reader.readObject();
                }
            }

            @Override
            public String toString() {
                return statusLine + " " + headers + " " + (body.length() > 300 ? body.substring(0, 300) + "..." : body);
            }
        }

        static String basic(String user) {
            return "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        }

        /** A request head (request line and headers, CRLF-separated, without the blank line) and a body. */
        static Answer send(String head, byte[] body, Duration wait) throws IOException {
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            request.write(head.getBytes(StandardCharsets.ISO_8859_1));
            request.write("\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                request.write(body);
            }
            return sendBytes(request.toByteArray(), wait);
        }

        static Answer send(String head) throws IOException {
            return send(head, null, Duration.ofSeconds(30));
        }

        static Answer sendBytes(byte[] request, Duration wait) throws IOException {
            try (Socket socket = new Socket(BASE.getHost(), BASE.getPort())) {
                socket.setSoTimeout((int) wait.toMillis());
                OutputStream out = socket.getOutputStream();
                out.write(request);
                out.flush();
                ByteArrayOutputStream received = new ByteArrayOutputStream();
                boolean timedOut = false;
                try {
                    InputStream in = socket.getInputStream();
                    byte[] buffer = new byte[8192];
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        received.write(buffer, 0, n);
                    }
                } catch (SocketTimeoutException e) {
                    timedOut = true;
                } catch (IOException e) {
                    // a reset after the answer (or instead of one) ends the answer as well
                }
                return parse(received.toByteArray(), timedOut);
            }
        }

        private static Answer parse(byte[] raw, boolean timedOut) {
            String text = new String(raw, StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            if (end < 0) {
                return new Answer(-1, text, Map.of(), "", timedOut);
            }
            String[] lines = text.substring(0, end).split("\r\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.merge(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim(), (a, b) -> a + ", " + b);
            }
            String[] statusLine = lines[0].split(" ", 3);
            byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                body = unchunk(body);
            }
            return new Answer(Integer.parseInt(statusLine[1]), lines[0], headers,
                    new String(body, StandardCharsets.UTF_8), timedOut);
        }

        private static byte[] unchunk(byte[] chunked) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            String text = new String(chunked, StandardCharsets.ISO_8859_1);
            int at = 0;
            while (at < text.length()) {
                int lineEnd = text.indexOf("\r\n", at);
                if (lineEnd < 0) {
                    break;
                }
                int size = Integer.parseInt(text.substring(at, lineEnd).split(";")[0].trim(), 16);
                if (size == 0) {
                    break;
                }
                out.write(chunked, lineEnd + 2, size);
                at = lineEnd + 2 + size + 2;
            }
            return out.toByteArray();
        }

        static String host() {
            return BASE.getHost() + ":" + BASE.getPort();
        }
    }
}
