import io.cpqoms.e2e.HostileDatabase;
import io.cpqoms.e2e.HostileReport;
import io.cpqoms.e2e.HostileRequests;
import io.cpqoms.e2e.HostileStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Hostile-input benchmark against a running product (server-config/bin/cpq run), loopback only: the
 * generator of HostileInputIT (web-api/src/test/java/io/cpqoms/e2e/Hostile*.java, compiled by
 * hostile-bench.sh) at scale. Prepares real objects as the test does, sends N generated requests one
 * after another (at most S seconds), and prints the figures: requests, answers by status class, 5xx
 * and non-problem 4xx with examples, answers slower than 1 s and the slowest, the rows written by
 * refused requests when the database is reachable, and whether the server is still healthy.
 *
 *   java -cp ... HostileBench.java BASE_URL DEMO_PASSWORD DEMO_CATALOG REQUESTS SECONDS SEED|random [DB_URL DB_USER DB_PASSWORD_FILE]
 */
public class HostileBench {

    static final long SLOW_MILLIS = 1000;

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String password = args[1];
        String demo = Files.readString(Path.of(args[2]));
        int count = Integer.parseInt(args[3]);
        Duration budget = Duration.ofSeconds(Long.parseLong(args[4]));
        long seed = args[5].equals("random") ? new SecureRandom().nextLong() : Long.parseLong(args[5]);
        String dbUrl = args.length > 6 ? args[6] : "";
        String dbUser = args.length > 7 ? args[7] : "";
        String dbPasswordFile = args.length > 8 ? args[8] : "";
        if (count < 1 || count > 100_000) {
            throw new IllegalArgumentException("REQUESTS must be 1 to 100000");
        }

        HostileStack stack = new HostileStack(base, password, Duration.ofSeconds(30));
        HostileStack.Waiter waiter = HostileBench::until;
        HostileStack.Answer openapi = stack.call(null, "GET", "/openapi?format=JSON", null);
        if (openapi.status() != 200) {
            throw new IllegalStateException("no OpenAPI document at " + base + "/openapi: " + openapi.status() + " " + openapi.failure());
        }
        Map<String, Set<String>> roles = HostileRequests.rolesFromResources(HostileBench.class.getClassLoader(), "io.cpqoms.web");
        List<HostileRequests.Operation> operations = HostileRequests.operations(openapi.body(), roles);
        for (HostileRequests.Operation operation : operations) {
            if (HostileRequests.userFor(operation) == null) {
                System.out.println("skipped (no @RolesAllowed found): " + operation.key());
            }
        }
        operations = operations.stream().filter(o -> HostileRequests.userFor(o) != null).toList();

        HostileDatabase database = null;
        if (!dbUrl.isEmpty()) {
            try {
                database = HostileDatabase.connect(dbUrl, dbUser, Files.readString(Path.of(dbPasswordFile)).trim());
            } catch (Exception e) {
                System.out.println("database not reachable (" + e.getMessage() + "): rows written by refused requests are not counted");
            }
        } else {
            System.out.println("no database of the stack found: rows written by refused requests are not counted");
        }

        long p0 = System.nanoTime();
        HostileStack.Objects objects = stack.prepare(demo, waiter);
        HostileRequests generator = new HostileRequests(operations, objects, seed);
        List<HostileRequests.Request> requests = generator.generate(count);
        System.out.printf(Locale.ROOT, "seed %d (replay: benchmark/hostile-bench.sh %d %d %d); %d operations, %d operation x family pairs;"
                + " prepared in %.1f s%n", seed, count, budget.toSeconds(), seed, operations.size(), generator.pairs(), (System.nanoTime() - p0) / 1e9);

        long r0 = System.nanoTime();
        HostileReport report = HostileReport.run(requests, stack, database, waiter, SLOW_MILLIS, budget, System.out);
        double seconds = (System.nanoTime() - r0) / 1e9;

        System.out.println();
        System.out.println(report.findings(3));
        System.out.printf(Locale.ROOT, "requests: %d in %.1f s (%.1f/s), %s%n", report.requests(), seconds, report.requests() / seconds,
                report.coverage());
        System.out.println("by status class: " + report.byStatusClass());
        System.out.println("5xx or no answer: " + report.serverErrors());
        System.out.println("non-problem 4xx: " + report.nonProblem4xx());
        System.out.println("accepted although never valid: " + report.acceptedNeverValid());
        System.out.println("slower than " + SLOW_MILLIS + " ms: " + report.slow());
        HostileReport.Outcome slowest = report.slowest();
        if (slowest != null) {
            System.out.println("slowest: " + slowest.answer().millis() + " ms, " + slowest.request().describe());
        }
        System.out.println("rows written by refused requests: " + report.rowsWrittenByRefused()
                + (report.databaseChecked() ? "" : " (not counted over every request, see the notes above)"));
        boolean ready = stack.ready();
        String capture = ready ? stack.captureWorks(objects.value("version")) : "not tried";
        System.out.println("healthy at the end: " + (ready && capture == null ? "yes (ready, a normal quote -> order capture works)"
                : "NO (" + (ready ? "ready, but a normal capture failed: " + capture : "/health/ready is not UP") + ")"));
        System.out.println(report.summary() + " (seed " + seed + ")");
        if (database != null) {
            database.close();
        }
    }

    /** The benchmark's waiting: poll every 100 ms until the condition holds or the time is up. */
    static void until(String what, Duration atMost, java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("gave up waiting for " + what + " after " + atMost.toSeconds() + " s");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
