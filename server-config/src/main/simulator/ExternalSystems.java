import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The simulated external systems the product fulfills orders against: network provisioning, IP
 * management, logistics, field service, billing and service assurance, each with its own HTTP API,
 * its own state and its own error codes, in one process on its own port (loopback only). The product
 * talks to them over the network exactly as it would to the real ones; only the base URL differs.
 *
 * <pre>
 *   POST /systems/{system}/requests          {externalRequestId, correlationId, orderNumber, itemType, action, input}
 *        200 {status: COMPLETED, reference}   202 {status: ACCEPTED}   409 {code: DUPLICATE_REQUEST, reference}
 *        422 {code, message} (the system's own refusal code)   400 {code, message}   503 {code: UNAVAILABLE}
 *   GET  /systems/{system}/requests/{externalRequestId}    the request's state, or 404 if the system never took it
 *   GET  /systems/{system}/log[?externalRequestId=...]     every call the system answered, oldest first
 *   GET  /health
 * </pre>
 *
 * The site id of an order line scripts the systems for that line: {@code sim:<system>=<behaviour>[,...]}
 * anywhere in the {@code characteristic.siteId} input, with the behaviours
 * {@code unavailable-N} (503 for the first N calls of a request, then done), {@code reject} (the system's
 * business refusal), {@code reject-first} (refuses the first attempt, does a retry), {@code invalid}
 * (400), {@code timeout-then-done} (does the work and answers too late: the status query finds it),
 * {@code timeout-lost} (answers too late and never did it), {@code slow-<ms>} and {@code async}
 * (accepted, reported later through the product's worker API).
 *
 *   java ExternalSystems.java PORT [--latency-ms=N] [--hang-ms=N]
 */
public class ExternalSystems {

    /** Each system's own refusal and validation codes: the product's adapters translate them. */
    static final Map<String, String[]> SYSTEMS = Map.of(
            "network-provisioning", new String[] {"ERR_771_PORT_OCCUPIED", "ERR_400_REQUEST_SCHEMA"},
            "ip-address-management", new String[] {"IPAM-POOL-EXHAUSTED", "IPAM-BAD-REQUEST"},
            "logistics", new String[] {"LGX_STOCK_OUT", "LGX_INVALID_ORDER"},
            "field-service", new String[] {"FS-NO-TECHNICIAN-SLOT", "FS-INVALID-WORK-ORDER"},
            "billing", new String[] {"BIL-4091-ACCOUNT-NOT-BILLABLE", "BIL-4000-MALFORMED"},
            "service-assurance", new String[] {"SA_PROBE_UNREACHABLE", "SA_BAD_REQUEST"});
    static final Pattern SCRIPT = Pattern.compile("sim:([a-z0-9=,-]+)");
    static final Pattern PATH = Pattern.compile("/systems/([a-z-]+)/(requests|log)(?:/([^/]+))?");
    static final int MAX_LOG = 100_000;

    record Work(String status, String reference, String code, String action) {
    }

    record Call(String at, String externalRequestId, String action, int answered, String outcome) {
    }

    /** One system's state: what it did per external request id, how often each was called, its log. */
    static final class SystemState {
        final Map<String, Work> requests = new ConcurrentHashMap<>();
        final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
        final List<Call> log = new ArrayList<>();
    }

    static final Map<String, SystemState> STATE = new ConcurrentHashMap<>();
    static long latencyMs;
    static long hangMs = 10_000;

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        for (String arg : args) {
            if (arg.startsWith("--latency-ms=")) {
                latencyMs = Long.parseLong(arg.substring(13));
            } else if (arg.startsWith("--hang-ms=")) {
                hangMs = Long.parseLong(arg.substring(10));
            }
        }
        SYSTEMS.keySet().forEach(s -> STATE.put(s, new SystemState()));
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
        server.setExecutor(Executors.newFixedThreadPool(64));
        server.createContext("/health", exchange -> answer(exchange, 200, "{\"status\":\"UP\",\"systems\":"
                + SYSTEMS.size() + "}"));
        server.createContext("/systems/", ExternalSystems::handle);
        server.start();
        System.out.println("external systems listening on 127.0.0.1:" + port + " " + new java.util.TreeSet<>(SYSTEMS.keySet()));
    }

    static void handle(HttpExchange exchange) throws IOException {
        try {
            Matcher path = PATH.matcher(exchange.getRequestURI().getPath());
            if (!path.matches() || !SYSTEMS.containsKey(path.group(1))) {
                answer(exchange, 404, "{\"code\":\"NO_SUCH_RESOURCE\"}");
                return;
            }
            String system = path.group(1);
            SystemState state = STATE.get(system);
            String method = exchange.getRequestMethod();
            if (path.group(2).equals("log") && method.equals("GET")) {
                answer(exchange, 200, log(state, query(exchange, "externalRequestId")));
            } else if (path.group(3) == null && method.equals("POST")) {
                submit(exchange, system, state);
            } else if (path.group(3) != null && method.equals("GET")) {
                status(exchange, system, state, path.group(3));
            } else {
                answer(exchange, 405, "{\"code\":\"METHOD_NOT_ALLOWED\"}");
            }
        } catch (RuntimeException e) {
            answer(exchange, 500, "{\"code\":\"SIMULATOR_ERROR\",\"message\":" + quote(String.valueOf(e.getMessage())) + "}");
        }
    }

    static void submit(HttpExchange exchange, String system, SystemState state) throws IOException {
        Map<String, Object> body;
        try (InputStream in = exchange.getRequestBody()) {
            body = Json.object(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            answer(exchange, 400, "{\"code\":\"" + SYSTEMS.get(system)[1] + "\",\"message\":\"unreadable request\"}");
            return;
        }
        String id = (String) body.get("externalRequestId");
        String action = (String) body.get("action");
        if (id == null || id.isBlank() || action == null) {
            record(state, id, action, 400, "INVALID");
            answer(exchange, 400, "{\"code\":\"" + SYSTEMS.get(system)[1] + "\",\"message\":\"externalRequestId and action are required\"}");
            return;
        }
        int call = state.calls.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
        @SuppressWarnings("unchecked")
        String behaviour = behaviour(system, (Map<String, Object>) body.get("input"));
        pause(latencyMs);
        Work done = state.requests.get(id);
        if (done != null && done.status().equals("COMPLETED")) {
            record(state, id, action, 409, "DUPLICATE");
            answer(exchange, 409, "{\"code\":\"DUPLICATE_REQUEST\",\"reference\":\"" + done.reference() + "\"}");
            return;
        }
        if (behaviour.startsWith("unavailable-") && call <= Integer.parseInt(behaviour.substring(12))) {
            record(state, id, action, 503, "UNAVAILABLE");
            exchange.getResponseHeaders().add("Retry-After", "1");
            answer(exchange, 503, "{\"code\":\"UNAVAILABLE\",\"message\":\"" + system + " is down for maintenance\"}");
            return;
        }
        if (behaviour.startsWith("slow-")) {
            pause(Long.parseLong(behaviour.substring(5)));
        }
        String[] codes = SYSTEMS.get(system);
        switch (behaviour) {
            case "reject" -> refuse(exchange, state, id, action, codes[0]);
            case "reject-first" -> {
                if (id.endsWith(":1")) {
                    refuse(exchange, state, id, action, codes[0]);
                } else {
                    complete(exchange, system, state, id, action);
                }
            }
            case "invalid" -> {
                record(state, id, action, 400, "INVALID");
                answer(exchange, 400, "{\"code\":\"" + codes[1] + "\",\"message\":\"" + system
                        + " cannot read the request for " + body.get("itemType") + "\"}");
            }
            case "async" -> {
                state.requests.put(id, new Work("ACCEPTED", null, null, action));
                record(state, id, action, 202, "ACCEPTED");
                answer(exchange, 202, "{\"status\":\"ACCEPTED\"}");
            }
            case "timeout-then-done" -> {
                String reference = reference(system, id);
                state.requests.put(id, new Work("COMPLETED", reference, null, action));
                record(state, id, action, 200, "COMPLETED_LATE");
                pause(hangMs);
                answer(exchange, 200, "{\"status\":\"COMPLETED\",\"reference\":\"" + reference + "\"}");
            }
            case "timeout-lost" -> {
                record(state, id, action, 504, "LOST");
                pause(hangMs);
                answer(exchange, 504, "{\"code\":\"GATEWAY_TIMEOUT\"}");
            }
            default -> complete(exchange, system, state, id, action);
        }
    }

    static void complete(HttpExchange exchange, String system, SystemState state, String id, String action) throws IOException {
        String reference = reference(system, id);
        state.requests.put(id, new Work("COMPLETED", reference, null, action));
        record(state, id, action, 200, "COMPLETED");
        answer(exchange, 200, "{\"status\":\"COMPLETED\",\"reference\":\"" + reference + "\",\"system\":\"" + system + "\"}");
    }

    static void refuse(HttpExchange exchange, SystemState state, String id, String action, String code) throws IOException {
        state.requests.put(id, new Work("FAILED", null, code, action));
        record(state, id, action, 422, "REFUSED " + code);
        answer(exchange, 422, "{\"code\":\"" + code + "\",\"message\":\"refused " + action + " (simulated)\"}");
    }

    static void status(HttpExchange exchange, String system, SystemState state, String id) throws IOException {
        Work work = state.requests.get(id);
        record(state, id, work == null ? null : work.action(), work == null ? 404 : 200, "STATUS");
        if (work == null) {
            answer(exchange, 404, "{\"code\":\"UNKNOWN_REQUEST\",\"message\":\"" + system + " has no request " + id + "\"}");
            return;
        }
        answer(exchange, 200, "{\"externalRequestId\":" + quote(id) + ",\"status\":\"" + work.status() + "\""
                + (work.reference() == null ? "" : ",\"reference\":\"" + work.reference() + "\"")
                + (work.code() == null ? "" : ",\"code\":\"" + work.code() + "\"") + "}");
    }

    /** The behaviour the line's site id scripts for this system, or "" for none. */
    static String behaviour(String system, Map<String, Object> input) {
        Object site = input == null ? null : input.get("characteristic.siteId");
        Matcher matcher = site == null ? null : SCRIPT.matcher(site.toString());
        if (matcher == null || !matcher.find()) {
            return "";
        }
        for (String directive : matcher.group(1).split(",")) {
            String[] parts = directive.split("=", 2);
            if (parts.length == 2 && parts[0].equals(system)) {
                return parts[1];
            }
        }
        return "";
    }

    /** The system's reference for a request: stable for the same external request id. */
    static String reference(String system, String externalRequestId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                    (system + "|" + externalRequestId).getBytes(StandardCharsets.UTF_8));
            String prefix = system.replaceAll("[^A-Za-z]", "").toUpperCase(Locale.ROOT);
            return prefix.substring(0, 4) + "-" + HexFormat.of().formatHex(digest, 0, 6).toUpperCase(Locale.ROOT);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void record(SystemState state, String id, String action, int answered, String outcome) {
        synchronized (state.log) {
            if (state.log.size() >= MAX_LOG) {
                state.log.remove(0);
            }
            state.log.add(new Call(Instant.now().toString(), id, action, answered, outcome));
        }
    }

    static String log(SystemState state, String externalRequestId) {
        StringBuilder json = new StringBuilder("[");
        synchronized (state.log) {
            for (Call call : state.log) {
                if (externalRequestId != null && !externalRequestId.equals(call.externalRequestId())) {
                    continue;
                }
                json.append(json.length() > 1 ? "," : "").append("{\"at\":\"").append(call.at())
                        .append("\",\"externalRequestId\":").append(quote(call.externalRequestId()))
                        .append(",\"action\":").append(quote(call.action())).append(",\"status\":").append(call.answered())
                        .append(",\"outcome\":").append(quote(call.outcome())).append('}');
            }
        }
        return json.append(']').toString();
    }

    static String query(HttpExchange exchange, String name) {
        String query = exchange.getRequestURI().getRawQuery();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            String[] kv = pair.split("=", 2);
            if (kv.length == 2 && kv[0].equals(name)) {
                return java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    static void pause(long ms) {
        if (ms <= 0) {
            return;
        }
        try {
            Thread.sleep(ms); // the simulated system's own response time
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    static String quote(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** Just enough JSON for the requests: objects, arrays, strings, numbers, booleans, null. */
    static final class Json {
        private final String text;
        private int at;

        private Json(String text) {
            this.text = text;
        }

        @SuppressWarnings("unchecked")
        static Map<String, Object> object(String text) {
            Json json = new Json(text);
            Object value = json.value();
            json.space();
            if (!(value instanceof Map) || json.at != text.length()) {
                throw new IllegalArgumentException("not a JSON object");
            }
            return (Map<String, Object>) value;
        }

        private Object value() {
            space();
            if (at >= text.length()) {
                throw new IllegalArgumentException("end of input");
            }
            char c = text.charAt(at);
            if (c == '{') {
                Map<String, Object> map = new LinkedHashMap<>();
                at++;
                space();
                if (peek('}')) {
                    return map;
                }
                do {
                    space();
                    String key = string();
                    space();
                    expect(':');
                    map.put(key, value());
                    space();
                } while (peek(','));
                expect('}');
                return map;
            }
            if (c == '[') {
                List<Object> list = new ArrayList<>();
                at++;
                space();
                if (peek(']')) {
                    return list;
                }
                do {
                    list.add(value());
                    space();
                } while (peek(','));
                expect(']');
                return list;
            }
            if (c == '"') {
                return string();
            }
            int start = at;
            while (at < text.length() && "{}[],: \t\r\n\"".indexOf(text.charAt(at)) < 0) {
                at++;
            }
            String word = text.substring(start, at);
            if (Set.of("true", "false", "null").contains(word)) {
                return word.equals("null") ? null : Boolean.valueOf(word);
            }
            if (word.isEmpty()) {
                throw new IllegalArgumentException("unexpected " + c);
            }
            return word;
        }

        private String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (at < text.length() && text.charAt(at) != '"') {
                char c = text.charAt(at++);
                if (c == '\\') {
                    char e = text.charAt(at++);
                    switch (e) {
                        case 'n' -> out.append('\n');
                        case 't' -> out.append('\t');
                        case 'r' -> out.append('\r');
                        case 'b' -> out.append('\b');
                        case 'f' -> out.append('\f');
                        case 'u' -> {
                            out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                            at += 4;
                        }
                        default -> out.append(e);
                    }
                } else {
                    out.append(c);
                }
            }
            expect('"');
            return out.toString();
        }

        private void space() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }

        private boolean peek(char c) {
            if (at < text.length() && text.charAt(at) == c) {
                at++;
                return true;
            }
            return false;
        }

        private void expect(char c) {
            if (!peek(c)) {
                throw new IllegalArgumentException("expected " + c + " at " + at);
            }
        }
    }
}
