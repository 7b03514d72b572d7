import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The order searches at scale: loads orders into the product's database in the product's own shape
 * (order headers as capture writes them, in tenant acme under customers of the run's own: one customer
 * per ten orders, 90% COMPLETED, 5% IN_PROGRESS, 5% FALLOUT, one a second back in time), measures the
 * searches through the API at SMALL orders and again at LARGE, prints the plans PostgreSQL chooses, and
 * removes the orders it loaded.
 *
 *   java -cp postgresql.jar OrderScale.java BASE_URL DEMO_PASSWORD JDBC_URL USER PASSWORD [SMALL=10000] [LARGE=1000000]
 */
public class OrderScale {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final int REQUESTS = 200;

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String password = args[1];
        int small = args.length > 5 ? Integer.parseInt(args[5]) : 10_000;
        int large = args.length > 6 ? Integer.parseInt(args[6]) : 1_000_000;
        String run = Long.toString(System.currentTimeMillis(), 36);
        try (Connection db = DriverManager.getConnection(args[2], args[3], args[4])) {
            try {
                load(db, run, 0, small, large);
                Map<String, Double> at10k = measure(base, password, db, run, small);
                load(db, run, small, large, large);
                Map<String, Double> at1m = measure(base, password, db, run, large);
                for (String search : at10k.keySet()) {
                    System.out.printf(Locale.ROOT, "SCALE %s p50_ms_at_%d=%.1f p50_ms_at_%d=%.1f growth=%.2f%n", search, small,
                            at10k.get(search), large, at1m.get(search), at1m.get(search) / at10k.get(search));
                }
            } finally {
                long t0 = System.nanoTime();
                try (PreparedStatement delete = db.prepareStatement("delete from ordering.customer_order where tenant_id = 'acme'"
                        + " and order_number like ?")) {
                    delete.setString(1, "ORD-SCALE-" + run + "-%");
                    System.out.printf(Locale.ROOT, "removed %d loaded orders in %.1f s%n", delete.executeUpdate(),
                            (System.nanoTime() - t0) / 1e9);
                }
            }
        }
    }

    /** Orders from..to (exclusive) of the run, in batches of 100,000 rows, one statement each. */
    static void load(Connection db, String run, int from, int to, int total) throws Exception {
        long t0 = System.nanoTime();
        int customers = Math.max(1, total / 10);
        try (PreparedStatement insert = db.prepareStatement("insert into ordering.customer_order (order_id, tenant_id,"
                + " order_number, order_type, status, customer_id, account_id, catalog_version_id, priority, currency,"
                + " one_time_total, content_fingerprint, created_by, entity_version, created_at, updated_at, completed_at)"
                + " select gen_random_uuid(), 'acme', 'ORD-SCALE-' || ? || '-' || g, 'NEW',"
                + " case when g % 20 = 0 then 'IN_PROGRESS' when g % 20 = 1 then 'FALLOUT' else 'COMPLETED' end,"
                + " 'scale-' || ? || '-' || (g % ?), 'acct-scale', gen_random_uuid(), 'NORMAL', 'USD', 0, md5(g::text),"
                + " 'scale', 3, now() - make_interval(secs => g), now() - make_interval(secs => g),"
                + " case when g % 20 > 1 then now() - make_interval(secs => g) end"
                + " from generate_series(?, ?) g")) {
            for (int start = from; start < to; start += 100_000) {
                insert.setString(1, run);
                insert.setString(2, run);
                insert.setInt(3, customers);
                insert.setInt(4, start);
                insert.setInt(5, Math.min(to, start + 100_000) - 1);
                insert.executeUpdate();
            }
        }
        try (Statement analyze = db.createStatement()) {
            analyze.execute("analyze ordering.customer_order");
        }
        System.out.printf(Locale.ROOT, "loaded orders %d to %d in %.1f s%n", from, to, (System.nanoTime() - t0) / 1e9);
    }

    static Map<String, Double> measure(String base, String password, Connection db, String run, int total) throws Exception {
        Map<String, String> searches = new LinkedHashMap<>();
        searches.put("by_customer", "/api/orders?limit=50&customerId=scale-" + run + "-7");
        searches.put("by_customer_and_status", "/api/orders?limit=50&status=COMPLETED&customerId=scale-" + run + "-7");
        searches.put("status_in_progress", "/api/orders?limit=50&status=IN_PROGRESS");
        searches.put("status_fallout", "/api/orders?limit=50&status=FALLOUT");
        searches.put("newest", "/api/orders?limit=50");
        Map<String, Double> p50 = new LinkedHashMap<>();
        for (Map.Entry<String, String> search : searches.entrySet()) {
            get(base, password, search.getValue()); // warm
            List<Double> times = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                long t0 = System.nanoTime();
                get(base, password, search.getValue());
                times.add((System.nanoTime() - t0) / 1e6);
            }
            Collections.sort(times);
            double median = times.get(times.size() / 2);
            p50.put(search.getKey(), median);
            System.out.printf(Locale.ROOT, "%,d orders: %-24s p50 %.1f ms, p99 %.1f ms%n", total, search.getKey(), median,
                    times.get((int) Math.ceil(times.size() * 0.99) - 1));
        }
        if (total > 10_000) {
            plan(db, "by customer", "select * from ordering.customer_order where tenant_id = 'acme' and customer_id = 'scale-"
                    + run + "-7' order by created_at desc, order_id desc limit 51");
            plan(db, "by status", "select * from ordering.customer_order where tenant_id = 'acme' and status in ('FALLOUT')"
                    + " order by created_at desc, order_id desc limit 51");
        }
        return p50;
    }

    static void plan(Connection db, String name, String sql) throws Exception {
        System.out.println("plan, " + name + ": " + sql);
        try (Statement explain = db.createStatement(); ResultSet rows = explain.executeQuery("explain (analyze, buffers) " + sql)) {
            while (rows.next()) {
                System.out.println("    " + rows.getString(1));
            }
        }
    }

    static void get(String base, String password, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ("acme-operations:" + password).getBytes(StandardCharsets.UTF_8))).build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
    }
}
