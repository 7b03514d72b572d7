import java.net.URI;
import java.nio.file.Path;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Order benchmark against a running product (server-config/bin/cpq run), loopback only. Prepares N
 * accepted quotes (each with B Enterprise Connectivity Bundles: bundle, fiber, managed router,
 * premium SLA and the SLA monitoring the catalog derives from it, 5 lines and 12 fulfillment items per
 * bundle), converts them into orders from C concurrent clients, waits until every order is COMPLETED,
 * and prints orders and order lines captured per second and the capture-to-completed latency from the
 * orders' own timestamps. Given the database (JDBC URL, user, password), it then measures what one order
 * costs: COST_ORDERS orders converted one at a time on an otherwise idle server, counted in the
 * database: write transactions (transaction ids handed out, less the idle rate), JMS messages by
 * destination (each outbox row is one message), audit rows and outbox rows per order.
 *
 *   java -cp postgresql.jar OrderBench.java BASE_URL DEMO_PASSWORD QUOTES CLIENTS BUNDLES_PER_QUOTE [JDBC_URL USER PASSWORD]
 */
public class OrderBench {

    /** The bundle, fiber, managed router, Premium SLA and the derived SLA Monitoring. */
    static final int LINES_PER_BUNDLE = 5;
    /** Fiber 6, managed router 2, Premium SLA 2, SLA Monitoring 2 (demo catalog fulfillment metadata). */
    static final int ITEMS_PER_BUNDLE = 12;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static String base;
    static String password;

    public static void main(String[] args) throws Exception {
        base = args[0];
        password = args[1];
        int quotes = Integer.parseInt(args[2]);
        int clients = Integer.parseInt(args[3]);
        int bundles = Integer.parseInt(args[4]);
        String run = Long.toString(System.currentTimeMillis(), 36);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            String[] db = args.length >= 8 ? new String[] {args[5], args[6], args[7]} : null;
            if (quotes > 0) {
                run(pool, quotes, clients, bundles, run, db);
            }
            if (db != null) {
                cost(pool, db[0], db[1], db[2], bundles, run);
            }
            if (result != null) {
                System.out.println(result);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    static void run(ExecutorService pool, int quotes, int clients, int bundles, String run, String[] db) throws Exception {

        long p0 = System.nanoTime();
        List<Callable<String>> prepare = new ArrayList<>();
        List<String> customers = new ArrayList<>();
        for (int q = 0; q < quotes; q++) {
            String customer = "bench-" + run + "-" + q;
            customers.add(customer);
            prepare.add(() -> acceptedQuote(customer, bundles));
        }
        List<String> conversions = all(pool, prepare);
        long p1 = System.nanoTime();
        System.out.printf(Locale.ROOT, "prepared %d accepted quotes (%d lines each) in %.1f s%n", quotes, LINES_PER_BUNDLE * bundles,
                (p1 - p0) / 1e9);
        // one more order of the same shape, outside the figures: the template of the limit's rows
        send("acme-sales", "POST", "/api/orders/from-quote", acceptedQuote("bench-" + run + "-template", bundles), 201);
        double ceiling = db == null ? Double.NaN : ceiling(db, clients, LINES_PER_BUNDLE * bundles);
        double noop = noop(pool, clients);

        // paced (bench.rate orders/s): conversion i is sent at i / rate seconds, as long as a client is free
        double rate = Double.parseDouble(System.getProperty("bench.rate", "0"));
        long c0 = System.nanoTime() + Duration.ofMillis(100).toNanos();
        List<Callable<String>> convert = new ArrayList<>();
        for (int i = 0; i < conversions.size(); i++) {
            String body = conversions.get(i);
            long due = rate > 0 ? c0 + (long) (i * 1e9 / rate) : c0;
            convert.add(() -> {
                java.util.concurrent.locks.LockSupport.parkNanos(due - System.nanoTime());
                return field(send("acme-sales", "POST", "/api/orders/from-quote", body, 201), "id");
            });
        }
        if (rate > 0) {
            System.out.printf(Locale.ROOT, "paced: %.1f orders/s offered for %.0f s%n", rate, conversions.size() / rate);
        }
        List<String> orders = all(pool, convert);
        long c1 = System.nanoTime();
        double seconds = (c1 - c0) / 1e9;
        System.out.printf(Locale.ROOT, "capture: %d orders from %d clients in %.2f s: %.1f orders/s, %.1f order lines/s%n",
                quotes, clients, seconds, quotes / seconds, quotes * (double) LINES_PER_BUNDLE * bundles / seconds);

        List<Double> latencies = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        for (int o = 0; o < orders.size(); o++) {
            String order = orders.get(o);
            while (true) {
                // the list view has one status per order (the full view also has line and validation statuses)
                String body = send("acme-operations", "GET", "/api/orders?limit=1&customerId=" + customers.get(o), null, 200);
                String status = field(body, "status");
                if (status.equals("COMPLETED")) {
                    latencies.add(Duration.between(Instant.parse(field(body, "createdAt")),
                            Instant.parse(field(body, "completedAt"))).toNanos() / 1e6);
                    break;
                }
                if (!status.matches("CAPTURED|VALIDATED|IN_PROGRESS")) {
                    throw new IllegalStateException("order " + order + " ended " + status);
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("order " + order + " still " + status + " after 10 minutes");
                }
                Thread.sleep(50); // polling interval of the benchmark client, not a measured wait
            }
        }
        long done = System.nanoTime();
        Collections.sort(latencies);
        System.out.printf(Locale.ROOT, "all %d orders COMPLETED %.2f s after the first conversion (%.1f fulfillment items/s)%n",
                quotes, (done - c0) / 1e9, quotes * (double) ITEMS_PER_BUNDLE * bundles / ((done - c0) / 1e9));
        System.out.printf(Locale.ROOT, "capture-to-completed latency: p50 %.0f ms, p90 %.0f ms, p99 %.0f ms, max %.0f ms%n",
                pct(latencies, 50), pct(latencies, 90), pct(latencies, 99), latencies.get(latencies.size() - 1));
        double captureLines = quotes * (double) LINES_PER_BUNDLE * bundles / seconds;
        double e2eLines = quotes * (double) LINES_PER_BUNDLE * bundles / ((done - c0) / 1e9);
        result = String.format(Locale.ROOT, "RESULT capture_lines_per_s=%.0f ceiling_lines_per_s=%.0f ratio=%.3f"
                + " e2e_lines_per_s=%.0f p50_ms=%.0f p99_ms=%.0f noop_requests_per_s=%.0f", captureLines, ceiling,
                captureLines / ceiling, e2eLines, pct(latencies, 50), pct(latencies, 99), noop);
    }

    /** The machine-readable summary, printed last. */
    static String result;

    /** The same write set as a capture, straight into PostgreSQL from as many clients (CaptureCeiling.java). */
    static double ceiling(String[] db, int clients, int lines) throws Exception {
        Path source = Path.of(System.getProperty("bench.dir", "benchmark"), "CaptureCeiling.java").toAbsolutePath();
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), source.toString(), db[0], db[1], db[2], String.valueOf(clients), "20",
                String.valueOf(lines)).redirectErrorStream(true).start();
        double ceiling = Double.NaN;
        try (java.io.BufferedReader out = process.inputReader()) {
            for (String line; (line = out.readLine()) != null; ) {
                System.out.println(line);
                Matcher m = Pattern.compile("CEILING .*lines_per_s=([0-9.]+)").matcher(line);
                if (m.find()) {
                    ceiling = Double.parseDouble(m.group(1));
                }
            }
        }
        if (process.waitFor() != 0) {
            throw new IllegalStateException("the limit program failed");
        }
        return ceiling;
    }

    /** What the server answers when the work is nothing: an authenticated read of an offering held in memory. */
    static double noop(ExecutorService pool, int clients) throws Exception {
        String path = "/api/catalog/offerings/po_enterprise_fiber";
        send("acme-sales", "GET", path, null, 200);
        int requests = 4_000;
        List<Callable<String>> reads = new ArrayList<>();
        for (int r = 0; r < requests; r++) {
            reads.add(() -> send("acme-sales", "GET", path, null, 200));
        }
        long t0 = System.nanoTime();
        all(pool, reads);
        double rate = requests / ((System.nanoTime() - t0) / 1e9);
        System.out.printf(Locale.ROOT, "authenticated no-op (GET %s) from %d clients: %.0f requests/s%n", path, clients, rate);
        return rate;
    }

    static final int COST_ORDERS = 50;

    /** Transactions, messages and rows per order, counted in the database for orders converted one at a time. */
    static void cost(ExecutorService pool, String url, String user, String dbPassword, int bundles, String run)
            throws Exception {
        List<Callable<String>> prepare = new ArrayList<>();
        for (int q = 0; q < COST_ORDERS; q++) {
            String customer = "cost-" + run + "-" + q;
            prepare.add(() -> acceptedQuote(customer, bundles));
        }
        List<String> conversions = all(pool, prepare);
        try (java.sql.Connection db = java.sql.DriverManager.getConnection(url, user, dbPassword)) {
            db.setAutoCommit(false); // one open transaction polls, so the polling itself commits nothing
            drained(db); // what the preparation wrote has gone out
            long idle0 = writes(db);
            long i0 = System.nanoTime();
            Thread.sleep(5000); // an idle server writes nothing: its relays and timers only poll
            double idlePerSecond = (writes(db) - idle0) / ((System.nanoTime() - i0) / 1e9);

            long before = writes(db);
            long t0 = System.nanoTime();
            List<String> orders = new ArrayList<>();
            for (String body : conversions) {
                orders.add(field(send("acme-sales", "POST", "/api/orders/from-quote", body, 201), "id"));
            }
            String ids = "'" + String.join("','", orders) + "'";
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (count(db, "select count(*) from ordering.customer_order where status = 'COMPLETED' and order_id in (" + ids + ")")
                    < orders.size() || count(db, "select count(*) from ordering.outbox_event where published_at is null"
                    + " and aggregate_id in (" + ids + ")") > 0) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the cost orders did not complete in 5 minutes");
                }
                Thread.sleep(100); // polling interval of the benchmark client
            }
            drained(db);
            double seconds = (System.nanoTime() - t0) / 1e9;
            double transactions = (writes(db) - before - idlePerSecond * seconds) / orders.size();
            double audit = count(db, "select count(*) from ordering.audit_entry where aggregate_id in (" + ids + ")")
                    / (double) orders.size();
            StringBuilder messages = new StringBuilder();
            long outbox = 0;
            try (java.sql.Statement st = db.createStatement(); java.sql.ResultSet rs = st.executeQuery(
                    "select destination, count(*) from ordering.outbox_event where aggregate_id in (" + ids + ")"
                            + " group by destination order by destination")) {
                while (rs.next()) {
                    outbox += rs.getLong(2);
                    messages.append(String.format(Locale.ROOT, ", %s %.1f", rs.getString(1), rs.getLong(2) / (double) orders.size()));
                }
            }
            db.rollback();
            System.out.printf(Locale.ROOT, "per order (%d lines, %d items; %d orders one at a time): %.1f write transactions,"
                            + " %.1f JMS messages (%s), %.1f audit rows, %.1f outbox rows%n", LINES_PER_BUNDLE * bundles,
                    ITEMS_PER_BUNDLE * bundles, orders.size(), transactions, outbox / (double) orders.size(),
                    messages.substring(2), audit, outbox / (double) orders.size());
        }
    }

    /** Waits until every context's outbox is relayed, so the server is idle but for its polls. */
    static void drained(java.sql.Connection db) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (count(db, "select (select count(*) from ordering.outbox_event where published_at is null)"
                + " + (select count(*) from quote.outbox_event where published_at is null)"
                + " + (select count(*) from catalog.outbox_event where published_at is null)") > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the outboxes did not drain in 2 minutes");
            }
            Thread.sleep(100); // polling interval of the benchmark client
        }
        Thread.sleep(2000);
    }

    /**
     * Transaction ids handed out so far: PostgreSQL gives one to each transaction that writes, and none to
     * one that only reads (the relays' empty polls, the benchmark's own polling, connection validation).
     */
    static long writes(java.sql.Connection db) throws java.sql.SQLException {
        return count(db, "select pg_snapshot_xmax(pg_current_snapshot())::text::bigint");
    }

    static long count(java.sql.Connection db, String sql) throws java.sql.SQLException {
        try (java.sql.Statement st = db.createStatement(); java.sql.ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String acceptedQuote(String customer, int bundles) {
        String quote = field(send("acme-sales", "POST", "/api/quotes", "{\"customerId\":\"" + customer
                + "\",\"accountId\":\"acct-" + customer + "\",\"channel\":\"DIRECT_SALES\"}", 201), "id");
        for (int b = 0; b < bundles; b++) {
            send("acme-sales", "POST", "/api/quotes/" + quote + "/items", "{\"offeringId\":\"po_connectivity_bundle\","
                    + "\"children\":[{\"offeringId\":\"po_enterprise_fiber\",\"characteristics\":{\"bandwidthMbps\":\"1000\","
                    + "\"siteId\":\"" + customer + "-site-" + b + "\"}},{\"offeringId\":\"po_managed_router\"},"
                    + "{\"offeringId\":\"po_premium_sla\"}]}", 200);
        }
        send("acme-sales", "POST", "/api/quotes/" + quote + "/pricing", null, 200);
        String accepted = send("acme-sales", "POST", "/api/quotes/" + quote + "/acceptance",
                "{\"revision\":1,\"customerContact\":\"Bench Buyer\"}", 200);
        return "{\"quoteId\":\"" + quote + "\",\"revision\":1,\"acceptanceId\":\"" + field(accepted, "acceptanceId") + "\"}";
    }

    static <T> List<T> all(ExecutorService pool, List<Callable<T>> tasks) throws Exception {
        List<T> results = new ArrayList<>();
        for (Future<T> f : pool.invokeAll(tasks)) {
            results.add(f.get());
        }
        return results;
    }

    static double pct(List<Double> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    static String send(String user, String method, String path, String body, int expected) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        if (method.equals("POST")) {
            request.header("Content-Type", "application/json")
                    .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }
}
