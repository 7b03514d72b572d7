import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pricing benchmark against a running product (server-config/bin/cpq run), loopback only, bounded.
 * Publishes a copy of the demo catalog, fills a SMALL-line and a LARGE-line quote through the batch
 * item command (POST /quotes/{id}/items/batch, 1,000 items per request), prices each in one request
 * (POST /quotes/{id}/pricing) and prints the request time in total and per line, prices a LARGE-line
 * ad-hoc calculation (POST /prices/calculations), and counts configuration evaluations per second of
 * the demo bundle (POST /configurations/evaluations) from C concurrent clients for S seconds.
 *
 *   java PricingBench.java BASE_URL DEMO_PASSWORD DEMO_CATALOG_FILE SMALL LARGE CLIENTS SECONDS
 */
public class PricingBench {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** Generous: a 10,000-line quote answers with tens of megabytes of breakdown. */
    static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(10);
    static final int BATCH = 1_000;
    static final String EVALUATION = "{\"offeringId\":\"po_connectivity_bundle\",\"children\":["
            + "{\"offeringId\":\"po_enterprise_fiber\",\"characteristics\":{\"bandwidthMbps\":\"1000\",\"siteId\":\"HQ\"}},"
            + "{\"offeringId\":\"po_managed_router\"},{\"offeringId\":\"po_premium_sla\"}]}";

    static String base;
    static String password;

    public static void main(String[] args) throws Exception {
        base = args[0];
        password = args[1];
        String demo = Files.readString(Path.of(args[2]));
        int small = Integer.parseInt(args[3]);
        int large = Integer.parseInt(args[4]);
        int clients = Integer.parseInt(args[5]);
        int seconds = Integer.parseInt(args[6]);
        if (!base.startsWith("http://localhost:") && !base.startsWith("http://127.0.0.1:")) {
            throw new IllegalArgumentException("loopback only: " + base);
        }

        String version = field(send("acme-catalog-admin", "POST", "/api/catalog/versions",
                "{\"name\":\"pricing bench " + System.currentTimeMillis() + "\"}", 201).body, "id");
        send("acme-catalog-admin", "POST", "/api/catalog/versions/" + version + "/imports", demo, 200);
        send("acme-catalog-admin", "POST", "/api/catalog/versions/" + version + "/publication", null, 200);
        System.out.printf(Locale.ROOT, "catalog version %s (the demo catalog)%n", version);

        // warm-up: the server's first pricing loads classes and compiles the hot paths
        String warm = quote(version, BATCH, false);
        send("acme-sales", "POST", "/api/quotes/" + warm + "/pricing", null, 200);
        send("acme-sales", "POST", "/api/quotes/" + warm + "/pricing", null, 200);

        for (int lines : new int[] {small, large}) {
            String quote = quote(version, lines, true);
            Timed first = timed("acme-sales", "POST", "/api/quotes/" + quote + "/pricing", null);
            Timed again = timed("acme-sales", "POST", "/api/quotes/" + quote + "/pricing", null);
            if (!first.body.contains("\"status\":\"PRICED\"")) {
                throw new IllegalStateException("the quote was not priced: " + first.body.substring(0, 300));
            }
            print("price a " + lines + "-line quote (draft)", lines, first);
            print("price it again (priced, old snapshot read)", lines, again);
        }

        Timed adHoc = timed("acme-sales", "POST", "/api/prices/calculations", calculation(version, large));
        print("ad-hoc calculation of " + large + " lines", large, adHoc);

        evaluations(clients, seconds);
    }

    /** A quote of N lines added through the batch command: fiber (term discount), routers (tiers), wireless (usage). */
    static String quote(String version, int lines, boolean report) throws Exception {
        String quote = field(send("acme-sales", "POST", "/api/quotes", "{\"customerId\":\"bench-" + System.nanoTime()
                + "\",\"accountId\":\"bench\",\"channel\":\"DIRECT_SALES\",\"catalogVersionId\":\"" + version + "\"}", 201).body, "id");
        long total = 0;
        for (int from = 0; from < lines; from += BATCH) {
            StringBuilder body = new StringBuilder("{\"items\":[");
            for (int i = from; i < Math.min(lines, from + BATCH); i++) {
                body.append(i > from ? "," : "").append(item(i));
            }
            Timed added = timed("acme-sales", "POST", "/api/quotes/" + quote + "/items/batch", body.append("]}").toString());
            total += added.nanos;
        }
        if (report) {
            System.out.printf(Locale.ROOT, "add %d items in batches of %d: %.0f ms (%.2f ms per item)%n", lines, BATCH,
                    total / 1e6, total / 1e6 / lines);
        }
        return quote;
    }

    static String item(int i) {
        return switch (i % 3) {
            case 0 -> "{\"offeringId\":\"po_enterprise_fiber\",\"characteristics\":{\"bandwidthMbps\":\"1000\",\"siteId\":\"site-"
                    + i + "\",\"contractTermMonths\":\"" + (i % 2 == 0 ? "36" : "24") + "\"}}";
            case 1 -> "{\"offeringId\":\"po_managed_router\",\"quantity\":" + (1 + i % 25) + "}";
            default -> "{\"offeringId\":\"po_enterprise_wireless_200m\",\"characteristics\":{\"siteId\":\"loc-rural-10" + (1 + i % 2) + "\"}}"; // covered sites
        };
    }

    static String calculation(String version, int lines) {
        StringBuilder body = new StringBuilder("{\"catalogVersionId\":\"" + version + "\",\"lines\":[");
        for (int i = 0; i < lines; i++) {
            body.append(i > 0 ? "," : "").append(item(i));
        }
        return body.append("]}").toString();
    }

    static void evaluations(int clients, int seconds) throws Exception {
        Reply probe = call("acme-sales", "POST", "/api/configurations/evaluations", EVALUATION);
        if (probe.status == 404) {
            System.out.println("configuration evaluation endpoint not available");
            return;
        }
        if (probe.status != 200) {
            System.out.println("configuration evaluation answered " + probe.status + ": " + probe.body);
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            long deadline = System.nanoTime() + seconds * 1_000_000_000L;
            List<Future<List<Long>>> results = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                results.add(pool.submit(() -> {
                    List<Long> latencies = new ArrayList<>();
                    while (System.nanoTime() < deadline) {
                        long start = System.nanoTime();
                        send("acme-sales", "POST", "/api/configurations/evaluations", EVALUATION, 200);
                        latencies.add(System.nanoTime() - start);
                    }
                    return latencies;
                }));
            }
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> r : results) {
                all.addAll(r.get());
            }
            Collections.sort(all);
            System.out.printf(Locale.ROOT, "configuration evaluations of the demo bundle, %d clients: %.0f per second   "
                            + "p50 %.1f ms   p99 %.1f ms   (%d in %d s)%n", clients, all.size() / (double) seconds,
                    all.get(all.size() / 2) / 1e6, all.get((int) (all.size() * 0.99)) / 1e6, all.size(), seconds);
        } finally {
            pool.shutdownNow();
        }
    }

    static void print(String what, int lines, Timed timed) {
        System.out.printf(Locale.ROOT, "%-45s request %7.0f ms   %.3f ms per line   response %.1f MB%n", what,
                timed.nanos / 1e6, timed.nanos / 1e6 / lines, timed.body.length() / 1e6);
    }

    record Reply(int status, String body) {
    }

    record Timed(long nanos, String body) {
    }

    static Timed timed(String user, String method, String path, String body) throws Exception {
        long start = System.nanoTime();
        Reply reply = send(user, method, path, body, 200);
        return new Timed(System.nanoTime() - start, reply.body);
    }

    static Reply send(String user, String method, String path, String body, int expected) throws Exception {
        Reply reply = call(user, method, path, body);
        if (reply.status != expected) {
            throw new IllegalStateException(method + " " + path + " -> " + reply.status + " "
                    + reply.body.substring(0, Math.min(2_000, reply.body.length())));
        }
        return reply;
    }

    static Reply call(String user, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        if (method.equals("POST")) {
            request.header("Content-Type", "application/json")
                    .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.body());
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json.substring(0, Math.min(500, json.length())));
        }
        return m.group(1);
    }
}
