import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Persistent timer drill against a running product (server-config/bin/cpq run), loopback only. Captures
 * ORDERS fiber orders whose site ids script the simulated systems so that their items wait on
 * persistent EJB timers: half have the network provisioning system answer 503 three times (the whole retry budget) (retries on
 * timers, the same external request id each time), half have the IP system answer too late (an unknown
 * outcome: status queries on timers). Once the timers are pending, Payara is killed with SIGKILL (no
 * shutdown of any kind), started again with asadmin start-domain, and the drill waits for every order
 * to complete. It prints the orders in flight and the timers pending at the kill, the restart time,
 * the time to finish after the restart, the orders lost (not completed within the bound), and from the
 * simulated systems' request logs whether any external request was done twice (more than one call that
 * did the work for one external request id) and how many calls each external request id took.
 *
 *   java -cp postgresql.jar TimerKillDrill.java BASE_URL DEMO_PASSWORD SIMS_URL ASADMIN DOMAIN_DIR JDBC_URL DB_USER DB_PASSWORD ORDERS
 */
public class TimerKillDrill {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
    static final Pattern OUTCOME = Pattern.compile("\"outcome\":\"([A-Z_ ]+)");
    static final long BOUND_MS = 240_000;

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String password = args[1];
        String sims = args[2];
        String asadmin = args[3];
        Path domain = Path.of(args[4]);
        String jdbc = args[5];
        int orders = Integer.parseInt(args[8]);
        int httpPort = URI.create(base).getPort();
        try (Connection db = DriverManager.getConnection(jdbc, args[6], args[7])) {
            int before = count(db, "select count(*) from ejb_timer.\"EJB__TIMER__TBL\"");
            List<UUID> ids = new ArrayList<>();
            for (int i = 0; i < orders; i++) {
                String site = i % 2 == 0 ? "drill-" + i + " sim:network-provisioning=unavailable-3"
                        : "drill-" + i + " sim:ip-address-management=timeout-then-done";
                String body = "{\"customerId\":\"drill-" + UUID.randomUUID() + "\",\"accountId\":\"acct-drill\",\"lines\":[{"
                        + "\"offeringId\":\"po_enterprise_fiber\",\"characteristics\":{\"bandwidthMbps\":\"500\","
                        + "\"slaTier\":\"PREMIUM\",\"siteId\":\"" + site + "\"}}]}";
                HttpResponse<String> captured = send(base + "/api/orders", "acme-order-capture", password, body);
                if (captured.statusCode() != 201) {
                    throw new IllegalStateException("capture answered " + captured.statusCode() + ": " + captured.body());
                }
                Matcher m = ID.matcher(captured.body());
                m.find();
                ids.add(UUID.fromString(m.group(1)));
            }
            System.out.printf("captured %d orders; waiting until their items wait on timers%n", ids.size());
            long waitStart = System.currentTimeMillis();
            int pending = 0;
            while (System.currentTimeMillis() - waitStart < 60_000) {
                pending = count(db, "select count(*) from ejb_timer.\"EJB__TIMER__TBL\"");
                int waiting = count(db, "select count(distinct order_id) from ordering.fulfillment_item where order_id = any(?)"
                        + " and (next_attempt_at is not null or status = 'WAITING_UNKNOWN_OUTCOME')", ids);
                if (waiting >= ids.size() / 2) {
                    break;
                }
                Thread.sleep(100);
            }
            int inFlight = count(db, "select count(*) from ordering.customer_order where order_id = any(?) and status <> 'COMPLETED'", ids);
            int waitingItems = count(db, "select count(*) from ordering.fulfillment_item where order_id = any(?)"
                    + " and (next_attempt_at is not null or status = 'WAITING_UNKNOWN_OUTCOME')", ids);
            long pid = Long.parseLong(Files.readString(domain.resolve("config/pid")).strip());
            System.out.printf("kill -9 %d: orders in flight %d, items waiting on a retry or a status query %d, timers pending %d"
                    + " (%d of them set before the drill)%n", pid, inFlight, waitingItems, pending, before);
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            long killed = System.currentTimeMillis();
            while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) || listening(httpPort)) {
                Thread.sleep(50);
            }
            Files.deleteIfExists(domain.resolve("config/pid"));
            System.out.printf("Payara gone after %d ms; starting it again%n", System.currentTimeMillis() - killed);
            Process start = new ProcessBuilder(asadmin, "start-domain", domain.getFileName().toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (start.waitFor() != 0) {
                throw new IllegalStateException("start-domain failed");
            }
            long started = System.currentTimeMillis();
            while (!ready(base)) {
                Thread.sleep(100);
            }
            long up = System.currentTimeMillis();
            System.out.printf("started in %d ms (start-domain %d ms, then ready %d ms later)%n", up - killed, started - killed,
                    up - started);
            int completed = 0;
            while (System.currentTimeMillis() - up < BOUND_MS) {
                completed = count(db, "select count(*) from ordering.customer_order where order_id = any(?) and status = 'COMPLETED'", ids);
                if (completed == ids.size()) {
                    break;
                }
                Thread.sleep(200);
            }
            long finished = System.currentTimeMillis();
            System.out.printf("completed %d of %d orders, %d ms after the restart was ready (%d ms after the kill); lost %d%n",
                    completed, ids.size(), finished - up, finished - killed, ids.size() - completed);
            Map<String, Integer> statuses = new TreeMap<>();
            try (PreparedStatement q = db.prepareStatement("select status, count(*) from ordering.customer_order"
                    + " where order_id = any(?) group by status")) {
                q.setArray(1, uuids(db, ids));
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        statuses.put(rs.getString(1), rs.getInt(2));
                    }
                }
            }
            System.out.println("order statuses: " + statuses);
            requestLogs(db, sims, ids, ids.size() - completed);
        }
    }

    /** Per external request id, from the systems' own logs: calls, and calls that did the work. */
    static void requestLogs(Connection db, String sims, List<UUID> ids, int lost) throws Exception {
        int requests = 0;
        int doneTwice = 0;
        int maxCalls = 0;
        int duplicates = 0;
        Map<Integer, Integer> callsHistogram = new TreeMap<>();
        try (PreparedStatement q = db.prepareStatement("select responsible_system, external_request_id from ordering.fulfillment_item"
                + " where order_id = any(?) and external_request_id is not null")) {
            q.setArray(1, uuids(db, ids));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    String log = HTTP.send(HttpRequest.newBuilder(URI.create(sims + "/systems/" + rs.getString(1)
                            + "/log?externalRequestId=" + rs.getString(2))).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
                    Matcher m = OUTCOME.matcher(log);
                    int calls = 0;
                    int done = 0;
                    while (m.find()) {
                        calls++;
                        String outcome = m.group(1);
                        if (outcome.equals("COMPLETED") || outcome.equals("COMPLETED_LATE")) {
                            done++;
                        } else if (outcome.equals("DUPLICATE")) {
                            duplicates++;
                        }
                    }
                    requests++;
                    doneTwice += done > 1 ? 1 : 0;
                    maxCalls = Math.max(maxCalls, calls);
                    callsHistogram.merge(calls, 1, Integer::sum);
                }
            }
        }
        System.out.printf("external requests %d: done twice %d, calls per request %s (max %d), duplicates recognised by the systems %d%n",
                requests, doneTwice, callsHistogram, maxCalls, duplicates);
        System.out.printf("RESULT orders=%d lost=%d done_twice=%d%n", ids.size(), lost, doneTwice);
    }

    static int count(Connection db, String sql, List<UUID> ids) throws Exception {
        try (PreparedStatement q = db.prepareStatement(sql)) {
            q.setArray(1, uuids(db, ids));
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    static int count(Connection db, String sql) throws Exception {
        try (PreparedStatement q = db.prepareStatement(sql); ResultSet rs = q.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    static Array uuids(Connection db, List<UUID> ids) throws Exception {
        return db.createArrayOf("uuid", ids.toArray());
    }

    static HttpResponse<String> send(String url, String user, String password, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                        .getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static boolean ready(String base) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(base + "/health/ready")).timeout(Duration.ofSeconds(2)).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
        } catch (Exception e) {
            return false;
        }
    }

    static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
