import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
 * Catalog benchmark against a running product (server-config/bin/cpq run), loopback only:
 * imports and publishes a generated catalog of N offerings, then reads offerings by id and lists
 * filtered pages from C concurrent clients for a bounded time, and prints throughput and latency.
 *
 *   java CatalogBench.java BASE_URL USER PASSWORD OFFERINGS CLIENTS SECONDS
 */
public class CatalogBench {

    static HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static String auth;

    public static void main(String[] args) throws Exception {
        String base = args[0];
        auth = "Basic " + Base64.getEncoder().encodeToString((args[1] + ":" + args[2]).getBytes(StandardCharsets.UTF_8));
        int offerings = Integer.parseInt(args[3]);
        int clients = Integer.parseInt(args[4]);
        int seconds = Integer.parseInt(args[5]);

        String created = send("POST", base + "/api/catalog/versions", "{\"name\":\"bench " + System.nanoTime() + "\"}", 201);
        String id = field(created, "id");
        String document = generate(offerings);
        long t0 = System.nanoTime();
        send("POST", base + "/api/catalog/versions/" + id + "/imports", document, 200);
        long t1 = System.nanoTime();
        send("POST", base + "/api/catalog/versions/" + id + "/publication", null, 200);
        long t2 = System.nanoTime();
        send("GET", base + "/api/catalog/offerings/po_bench_0?version=" + id, null, 200); // first read indexes the version
        long t3 = System.nanoTime();
        System.out.printf(Locale.ROOT, "catalog: %d offerings, %d specifications, document %.1f MB%n",
                offerings, offerings / 10 + 1, document.length() / 1e6);
        System.out.printf(Locale.ROOT, "import (validate all rules + store JSONB): %.0f ms%n", (t1 - t0) / 1e6);
        System.out.printf(Locale.ROOT, "publication (validate again + freeze):       %.0f ms%n", (t2 - t1) / 1e6);
        System.out.printf(Locale.ROOT, "first read of the published version:         %.0f ms%n", (t3 - t2) / 1e6);

        run("GET offering by id", clients, seconds, i -> base + "/api/catalog/offerings/po_bench_" + (i % offerings) + "?version=" + id);
        run("GET filtered page of 50", clients, seconds, i -> base + "/api/catalog/offerings?version=" + id
                + "&channel=PARTNER&segment=ENTERPRISE&lifecycle=ACTIVE&limit=50&offset=" + ((i * 50) % Math.max(1, offerings / 2)));
    }

    interface Url {
        String of(long i);
    }

    static void run(String name, int clients, int seconds, Url url) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        List<Future<List<Long>>> results = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            results.add(pool.submit(() -> {
                List<Long> latencies = new ArrayList<>();
                for (long i = client; System.nanoTime() < deadline; i += clients) {
                    long start = System.nanoTime();
                    send("GET", url.of(i), null, 200);
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
        System.out.printf(Locale.ROOT, "%-26s %d clients: %7.0f req/s   p50 %5.1f ms   p99 %5.1f ms   (%d requests)%n",
                name, clients, all.size() / (double) seconds, all.get(all.size() / 2) / 1e6,
                all.get((int) (all.size() * 0.99)) / 1e6, all.size());
    }

    static String send(String method, String url, String body, int expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth)
                .timeout(Duration.ofSeconds(120));
        if (method.equals("POST")) {
            request.header("Content-Type", "application/json")
                    .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
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

    /** N offerings over N/10 specifications, with prices and requires-chains to exercise the rules. */
    static String generate(int offerings) {
        StringBuilder json = new StringBuilder("{\"productSpecifications\":[");
        int specs = offerings / 10 + 1;
        for (int s = 0; s < specs; s++) {
            json.append(s > 0 ? "," : "").append("{\"id\":\"ps_bench_").append(s).append("\",\"name\":\"Spec ").append(s)
                    .append("\",\"characteristics\":[{\"name\":\"bandwidthMbps\",\"valueType\":\"INTEGER\",\"required\":true,")
                    .append("\"allowedValues\":[\"100\",\"500\",\"1000\"],\"defaultValue\":\"100\"},")
                    .append("{\"name\":\"contractTermMonths\",\"valueType\":\"INTEGER\",\"required\":true,")
                    .append("\"allowedValues\":[\"12\",\"24\",\"36\"],\"defaultValue\":\"36\"}]}");
        }
        json.append("],\"productOfferings\":[");
        for (int o = 0; o < offerings; o++) {
            json.append(o > 0 ? "," : "").append("{\"id\":\"po_bench_").append(o).append("\",\"name\":\"Offering ").append(o)
                    .append("\",\"productSpecificationId\":\"ps_bench_").append(o / 10).append("\",\"lifecycleStatus\":\"")
                    .append(o % 20 == 0 ? "RETIRED" : "ACTIVE").append("\",\"validFrom\":\"2026-01-01T00:00:00Z\",")
                    .append("\"channels\":[\"DIRECT_SALES\"").append(o % 2 == 0 ? ",\"PARTNER\"" : "").append("],")
                    .append("\"customerSegments\":[\"ENTERPRISE\"").append(o % 3 == 0 ? ",\"SMB\"" : "").append("],")
                    .append("\"prices\":[{\"id\":\"pop_bench_").append(o).append("_nrc\",\"name\":\"Installation\",\"priceType\":\"ONE_TIME\",")
                    .append("\"amount\":\"").append(100 + o % 900).append(".00\",\"currency\":\"USD\"},")
                    .append("{\"id\":\"pop_bench_").append(o).append("_mrc\",\"name\":\"Monthly\",\"priceType\":\"RECURRING\",")
                    .append("\"recurringPeriod\":\"MONTH\",\"amount\":\"").append(50 + o % 450).append(".00\",\"currency\":\"USD\"}]");
            if (o % 10 != 0) {
                json.append(",\"relationships\":[{\"type\":\"REQUIRES\",\"offeringId\":\"po_bench_").append(o - 1).append("\"}]");
            }
            json.append("}");
        }
        return json.append("]}").toString();
    }
}
