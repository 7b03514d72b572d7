import java.io.IOException;
import java.net.InetSocketAddress;
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
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL restart drill against a running product (server-config/bin/cpq run), loopback only. C
 * clients capture orders (POST /api/orders, each with its own Idempotency-Key) in a steady stream; after
 * a warm-up the bundled PostgreSQL is stopped (cpq db-stop), kept down for the outage, and started again
 * (cpq db-start) while the load goes on. A client repeats a refused capture with the same key until it
 * is accepted, as a client honouring 503 + Retry-After would (sooner than Retry-After asks, to sample
 * the outage densely). Prints the answers by status before, during and after the outage, whether any
 * was a 500, whether every 503 carried Retry-After, the first success after PostgreSQL is back, and
 * checks that every key made exactly one order. Bounded: at most MAX_CAPTURES captures and 3 minutes.
 *
 * PostgreSQL is "down" from the moment its port refuses connections and "back" from the moment it
 * accepts them again (watched every 20 ms), not when the control commands return.
 *
 *   java DbRestartDrill.java BASE_URL DEMO_PASSWORD CPQ_SCRIPT DB_PORT CLIENTS OUTAGE_SECONDS MAX_CAPTURES
 */
public class DbRestartDrill {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
    static final long RETRY_PAUSE_MS = 250;

    /** When an answer came: before the stop, while PostgreSQL shut down, while it was down, after it was back. */
    enum Phase { BEFORE, STOPPING, OUTAGE, AFTER }

    record Answer(Phase phase, long sentNanos, long answeredNanos, String status, boolean retryAfter, String key) {
    }

    static String base;
    static String password;
    static volatile Phase phase = Phase.BEFORE;
    static volatile long stopNanos = Long.MAX_VALUE;
    static volatile long downNanos = Long.MAX_VALUE;
    static volatile long backNanos = Long.MAX_VALUE;
    static final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();

    public static void main(String[] args) throws Exception {
        base = args[0];
        password = args[1];
        String cpq = args[2];
        int dbPort = Integer.parseInt(args[3]);
        int clients = Integer.parseInt(args[4]);
        int outageSeconds = Integer.parseInt(args[5]);
        int maxCaptures = Integer.parseInt(args[6]);
        String run = "drill-" + Long.toString(System.currentTimeMillis(), 36);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);

        send("POST", "/api/orders", body(run + "-warmup"), run + "-warmup"); // the product answers at all
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<List<String>>> work = new ArrayList<>();
        int perClient = Math.max(1, maxCaptures / clients);
        for (int c = 0; c < clients; c++) {
            String prefix = run + "-c" + c;
            work.add(pool.submit(() -> client(prefix, perClient, stop, deadline)));
        }
        try {
            Thread.sleep(3000); // warm-up under load before the outage (a drill schedule, not a wait on a condition)
            stopNanos = System.nanoTime();
            phase = Phase.OUTAGE;
            Thread watcher = watch(dbPort);
            control(cpq, "db-stop");
            System.out.printf(Locale.ROOT, "PostgreSQL stopped: port closed %.2f s after the stop command, down for %d s%n",
                    (downNanos - stopNanos) / 1e9, outageSeconds);
            Thread.sleep(outageSeconds * 1000L);
            long startNanos = System.nanoTime();
            control(cpq, "db-start");
            watcher.join(TimeUnit.SECONDS.toMillis(30));
            phase = Phase.AFTER;
            System.out.printf(Locale.ROOT, "PostgreSQL accepting connections %.2f s after the start command, down %.2f s in all%n",
                    (backNanos - startNanos) / 1e9, (backNanos - downNanos) / 1e9);
            // the load goes on until every client has been served after the restart, 5 s at least
            while (System.nanoTime() < Math.min(deadline, backNanos + TimeUnit.SECONDS.toNanos(5))
                    || (!servedAfterRestart(clients) && System.nanoTime() < deadline)) {
                Thread.sleep(100);
            }
        } finally {
            stop.set(true);
            if (phase == Phase.OUTAGE) {
                control(cpq, "db-start");
            }
        }
        List<String> keys = new ArrayList<>();
        for (Future<List<String>> f : work) {
            keys.addAll(f.get());
        }
        pool.shutdown();
        report(keys);
    }

    /** Records when the database port stops accepting connections, and when it accepts them again. */
    static Thread watch(int port) {
        Thread watcher = new Thread(() -> {
            boolean wasDown = false;
            while (true) {
                boolean open;
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                    open = true;
                } catch (IOException e) {
                    open = false;
                }
                long now = System.nanoTime();
                if (!open && !wasDown) {
                    downNanos = now;
                    wasDown = true;
                } else if (open && wasDown) {
                    backNanos = now;
                    return;
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "db-port-watcher");
        watcher.setDaemon(true);
        watcher.start();
        return watcher;
    }

    /** Captures one order after the other; a refused capture is repeated with the same key until accepted. */
    static List<String> client(String prefix, int captures, AtomicBoolean stop, long deadline) throws InterruptedException {
        List<String> keys = new ArrayList<>();
        for (int n = 0; n < captures && !stop.get(); n++) {
            String key = prefix + "-" + n;
            keys.add(key);
            while (System.nanoTime() < deadline) {
                long sent = System.nanoTime();
                String status;
                boolean retryAfter = false;
                try {
                    HttpResponse<String> response = send("POST", "/api/orders", body(key), key);
                    status = Integer.toString(response.statusCode());
                    retryAfter = response.headers().firstValue("Retry-After").filter(v -> v.matches("[0-9]+")).isPresent();
                } catch (IOException e) {
                    status = "no answer (" + e.getClass().getSimpleName() + ")";
                }
                long answered = System.nanoTime();
                // by the time of the answer: one in flight when PostgreSQL stopped belongs to the outage
                Phase when = answered >= backNanos ? Phase.AFTER : answered >= downNanos ? Phase.OUTAGE
                        : answered >= stopNanos ? Phase.STOPPING : Phase.BEFORE;
                answers.add(new Answer(when, sent, answered, status, retryAfter, key));
                if (status.equals("201") || status.equals("200")) {
                    break;
                }
                Thread.sleep(RETRY_PAUSE_MS); // the client's pause before repeating, shorter than Retry-After on purpose
            }
        }
        return keys;
    }

    static boolean servedAfterRestart(int clients) {
        return answers.stream().filter(a -> a.phase() == Phase.AFTER && a.status().startsWith("20"))
                .map(a -> a.key().substring(0, a.key().lastIndexOf('-'))).distinct().count() >= clients;
    }

    static void report(List<String> keys) throws Exception {
        for (Phase p : Phase.values()) {
            Map<String, Integer> counts = new TreeMap<>();
            answers.stream().filter(a -> a.phase() == p).forEach(a -> counts.merge(a.status(), 1, Integer::sum));
            System.out.printf(Locale.ROOT, "%-8s answers by status: %s%n", p.name().toLowerCase(Locale.ROOT), counts);
        }
        long errors500 = answers.stream().filter(a -> a.status().equals("500")).count();
        long unavailable = answers.stream().filter(a -> a.status().equals("503")).count();
        long withRetryAfter = answers.stream().filter(a -> a.status().equals("503") && a.retryAfter()).count();
        System.out.printf(Locale.ROOT, "500 answers: %d%n", errors500);
        System.out.printf(Locale.ROOT, "503 answers: %d, with Retry-After: %d%n", unavailable, withRetryAfter);
        answers.stream().filter(a -> a.sentNanos() >= backNanos && a.status().startsWith("20"))
                .min((a, b) -> Long.compare(a.answeredNanos(), b.answeredNanos()))
                .ifPresentOrElse(a -> System.out.printf(Locale.ROOT,
                                "first success sent after PostgreSQL was back: %s, answered %.0f ms after it was back%n",
                                a.status(), (a.answeredNanos() - backNanos) / 1e6),
                        () -> System.out.println("no success after PostgreSQL was back"));
        answers.stream().filter(a -> a.answeredNanos() >= backNanos).min((a, b) -> Long.compare(a.answeredNanos(), b.answeredNanos()))
                .ifPresent(a -> System.out.printf(Locale.ROOT, "first answer after PostgreSQL was back: %s after %.0f ms%n",
                        a.status(), (a.answeredNanos() - backNanos) / 1e6));
        long repeated = keys.stream().filter(k -> answers.stream().filter(a -> a.key().equals(k)).count() > 1).count();
        int one = 0;
        List<String> wrong = new ArrayList<>();
        for (String key : keys) {
            boolean accepted = answers.stream().anyMatch(a -> a.key().equals(key) && a.status().startsWith("20"));
            int orders = orders(key);
            if (accepted && orders == 1) {
                one++;
            } else {
                wrong.add(key + ": " + orders + " orders" + (accepted ? "" : " (never accepted)"));
            }
        }
        System.out.printf(Locale.ROOT, "captures: %d keys (%d repeated after a refusal), %d with exactly one order%s%n",
                keys.size(), repeated, one, wrong.isEmpty() ? "" : ", WRONG: " + wrong);
    }

    /** How many orders the key made: each key captures for a customer of its own. */
    static int orders(String key) throws Exception {
        HttpResponse<String> list = send("GET", "/api/orders?limit=10&customerId=" + key, null, null);
        if (list.statusCode() != 200) {
            throw new IllegalStateException("listing orders answered " + list.statusCode() + ": " + list.body());
        }
        Matcher m = ID.matcher(list.body());
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    static String body(String customer) {
        return "{\"customerId\":\"" + customer + "\",\"accountId\":\"acct-" + customer + "\","
                + "\"lines\":[{\"offeringId\":\"po_managed_router\"}]}";
    }

    static HttpResponse<String> send(String method, String path, String body, String key) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ("acme-order-capture:" + password).getBytes(StandardCharsets.UTF_8)));
        if (body != null) {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        }
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    static void control(String cpq, String command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(cpq, command).inheritIO().start();
        if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(cpq + " " + command + " failed");
        }
    }
}
