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
 * Configuration benchmark against a running product (server-config/bin/cpq run), loopback only:
 * publishes the demo catalog as a new version, then evaluates configurations of the Enterprise
 * Connectivity Bundle (POST /configurations/evaluations, as acme-sales) from C concurrent clients for a
 * bounded time, and prints evaluations per second with p50/p99 latency: first the click-by-click steps
 * of a configurator screen in turn (empty, 100 Mbps, /28 with 100 Mbps, the complete bundle with derived
 * values), then the complete bundle alone.
 *
 *   java ConfigurationBench.java BASE_URL DEMO_PASSWORD DEMO_CATALOG_FILE CLIENTS SECONDS
 */
public class ConfigurationBench {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static String password;

    public static void main(String[] args) throws Exception {
        String base = args[0];
        password = args[1];
        String catalog = Files.readString(Path.of(args[2]));
        int clients = Integer.parseInt(args[3]);
        int seconds = Integer.parseInt(args[4]);

        String version = field(send("acme-catalog-admin", "POST", base + "/api/catalog/versions",
                "{\"name\":\"configuration bench " + System.nanoTime() + "\"}", 201), "id");
        send("acme-catalog-admin", "POST", base + "/api/catalog/versions/" + version + "/imports", catalog, 200);
        send("acme-catalog-admin", "POST", base + "/api/catalog/versions/" + version + "/publication", null, 200);

        String fiber100 = "{\"offeringId\":\"po_enterprise_fiber\",\"characteristics\":{\"bandwidthMbps\":\"100\"}}";
        String fiber28 = "{\"offeringId\":\"po_enterprise_fiber\",\"characteristics\":{\"bandwidthMbps\":\"100\","
                + "\"staticIpBlock\":\"/28\",\"siteId\":\"HQ\"}}";
        String fiber10g = "{\"offeringId\":\"po_enterprise_fiber\",\"characteristics\":{\"bandwidthMbps\":\"10000\","
                + "\"staticIpBlock\":\"/28\",\"siteId\":\"HQ\"}}";
        String complete = bundle(version, fiber10g, "{\"offeringId\":\"po_managed_router\"}", "{\"offeringId\":\"po_premium_sla\"}");
        List<String> clicks = List.of(bundle(version), bundle(version, fiber100), bundle(version, fiber28), complete);
        List<String> expected = List.of("INCOMPLETE", "INCOMPLETE", "INVALID", "COMPLETE");

        long t0 = System.nanoTime();
        for (int i = 0; i < clicks.size(); i++) { // the first evaluation indexes the version and compiles its rules
            String status = field(send("acme-sales", "POST", base + "/api/configurations/evaluations", clicks.get(i), 200), "status");
            if (!status.equals(expected.get(i))) {
                throw new IllegalStateException("step " + (i + 1) + " is " + status + ", expected " + expected.get(i));
            }
        }
        System.out.printf(Locale.ROOT, "catalog version %s published; first four evaluations: %.0f ms%n", version,
                (System.nanoTime() - t0) / 1e6);
        run("click by click (4 steps)", base, clients, seconds, clicks);
        run("complete bundle", base, clients, seconds, List.of(complete));
    }

    static String bundle(String version, String... children) {
        return "{\"catalogVersionId\":\"" + version + "\",\"offeringId\":\"po_connectivity_bundle\",\"children\":["
                + String.join(",", children) + "]}";
    }

    static void run(String name, String base, int clients, int seconds, List<String> bodies) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        List<Future<List<Long>>> results = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            results.add(pool.submit(() -> {
                List<Long> latencies = new ArrayList<>();
                for (long i = client; System.nanoTime() < deadline; i++) {
                    long start = System.nanoTime();
                    send("acme-sales", "POST", base + "/api/configurations/evaluations", bodies.get((int) (i % bodies.size())), 200);
                    latencies.add(System.nanoTime() - start);
                }
                return latencies;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> r : results) {
            all.addAll(r.get());
        }
        pool.shutdown();
        Collections.sort(all);
        System.out.printf(Locale.ROOT, "%-26s %d clients: %7.0f evaluations/s   p50 %5.1f ms   p99 %5.1f ms   (%d requests)%n",
                name, clients, all.size() / (double) seconds, all.get(all.size() / 2) / 1e6,
                all.get((int) (all.size() * 0.99)) / 1e6, all.size());
    }

    static String send(String user, String method, String url, String body, int expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(120))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        if (method.equals("POST")) {
            request.header("Content-Type", "application/json")
                    .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + url + " -> " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }
}
