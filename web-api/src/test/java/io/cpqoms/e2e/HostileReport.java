package io.cpqoms.e2e;

import java.io.PrintStream;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sends generated hostile requests one after another and judges every answer: nothing at or above
 * 500 (and no missing answer), every 4xx a problem with a code, no row written by a refused request
 * (row counts before and after each request when the database is reachable), and answers slower
 * than a threshold noted. Findings are grouped by cause: kind, operation, family, status and code.
 */
public final class HostileReport {

    public record Outcome(HostileRequests.Request request, HostileStack.Answer answer, Map<String, Long> rowsWritten) {
        boolean refused() {
            return !answer.answered() || answer.status() >= 400;
        }
    }

    private record Group(String kind, String operation, HostileRequests.Family family, String answer) {
    }

    private final List<Outcome> outcomes = new ArrayList<>();
    private final long slowMillis;
    private final Map<Group, List<Outcome>> findings = new TreeMap<>(Comparator.comparing(Group::kind)
            .thenComparing(Group::operation).thenComparing(Group::family).thenComparing(Group::answer));
    private final List<String> notes = new ArrayList<>();
    private boolean databaseChecked;
    private int counted;

    private HostileReport(long slowMillis) {
        this.slowMillis = slowMillis;
    }

    /**
     * Sends the requests in order. Stops early when the server no longer answers (three requests in
     * a row without an answer and the readiness check failing), or after {@code budget}.
     */
    public static HostileReport run(List<HostileRequests.Request> requests, HostileStack stack, HostileDatabase database,
                                    HostileStack.Waiter waiter, long slowMillis, Duration budget, PrintStream log) {
        HostileReport report = new HostileReport(slowMillis);
        report.databaseChecked = database != null;
        long deadline = System.nanoTime() + budget.toNanos();
        Map<String, Long> before = null;
        if (database != null) {
            try {
                database.awaitQuiet(waiter, Duration.ofMillis(1000), Duration.ofSeconds(60));
                before = database.counts();
            } catch (SQLException | RuntimeException e) {
                report.note("database unreachable, rows not checked: " + e);
                report.databaseChecked = false;
                database = null;
            }
        }
        int unanswered = 0;
        for (HostileRequests.Request request : requests) {
            if (System.nanoTime() > deadline) {
                report.note("stopped after the time budget of " + budget.toSeconds() + " s: " + report.outcomes.size() + " of "
                        + requests.size() + " requests sent");
                break;
            }
            HostileStack.Answer answer = stack.send(request);
            Map<String, Long> written = Map.of();
            if (database != null && !answer.answered()) {
                // a request without an answer may still be running on the server and write later: from here on a
                // change of the counts can no longer be blamed on one request
                report.note("rows are not counted after request #" + request.index() + ": it got no answer ("
                        + answer.failure() + ") and may still be running");
                report.databaseChecked = false;
                database = null;
            }
            if (database != null) {
                try {
                    Map<String, Long> after = database.counts();
                    Map<String, Long> changed = HostileDatabase.difference(before, after);
                    boolean refused = !answer.answered() || answer.status() >= 400;
                    if (refused) {
                        written = changed;
                    }
                    if (!changed.isEmpty()) {
                        // an accepted command may go on writing (fulfillment of a captured order): wait until it is done,
                        // so that its rows are never blamed on the next request
                        try {
                            database.awaitQuiet(waiter, Duration.ofMillis(request.operation().path().startsWith("/orders") ? 1500 : 400),
                                    Duration.ofSeconds(60));
                        } catch (RuntimeException e) {
                            report.note("the database was still changing 60 s after " + request.describe());
                        }
                        after = database.counts();
                    }
                    before = after;
                    report.counted++;
                } catch (SQLException e) {
                    report.note("database unreachable after request #" + request.index() + ", rows no longer checked: " + e);
                    report.databaseChecked = false;
                    database = null;
                }
            }
            report.add(new Outcome(request, answer, written));
            if (answer.answered()) {
                unanswered = 0;
            } else if (++unanswered >= 3 && !stack.ready()) {
                Outcome first = report.outcomes.get(report.outcomes.size() - unanswered);
                report.note("the server stopped answering; the first request without an answer was " + first.request().describe());
                break;
            }
            if (log != null && report.outcomes.size() % 100 == 0) {
                log.printf(Locale.ROOT, "hostile input: %d of %d sent%n", report.outcomes.size(), requests.size());
            }
        }
        return report;
    }

    private void add(Outcome outcome) {
        outcomes.add(outcome);
        HostileStack.Answer a = outcome.answer();
        if (!a.answered()) {
            group("no answer", outcome, a.failure().replaceAll(":.*", ""));
        } else if (a.status() >= 500) {
            group("5xx", outcome, a.status() + " " + code(a));
        } else if (a.status() >= 400 && !HostileStack.isProblem(a)) {
            group("4xx not problem+json", outcome, a.status() + " " + mediaType(a));
        } else if (a.status() == 401 || a.status() == 403) {
            group("refused by authorization (check the caller)", outcome, a.status() + " " + code(a));
        } else if (a.status() < 400) {
            group(outcome.request().mustRefuse() ? "accepted although never valid" : "accepted although hostile (may be valid)",
                    outcome, a.status() + (a.body().isEmpty() ? " empty body" : ""));
        }
        if (!outcome.rowsWritten().isEmpty()) {
            group("rows written by a refused request", outcome, a.status() + " " + outcome.rowsWritten().keySet());
        }
        if (a.status() >= 400 && a.bytes() > 16 * 1024) {
            group("4xx answer over 16 KB (echoes the input?)", outcome, a.status() + " " + a.bytes() + " bytes");
        }
        if (a.millis() > slowMillis) {
            group("slower than " + slowMillis + " ms", outcome, a.answered() ? String.valueOf(a.status()) : "no answer");
        }
    }

    private void group(String kind, Outcome outcome, String answer) {
        findings.computeIfAbsent(new Group(kind, outcome.request().operation().key(), outcome.request().family(), answer),
                g -> new ArrayList<>()).add(outcome);
    }

    private void note(String note) {
        notes.add(note);
    }

    // ---- figures -------------------------------------------------------------------------------

    public int requests() {
        return outcomes.size();
    }

    /** Answers at or above 500, and requests that got no answer at all. */
    public long serverErrors() {
        return outcomes.stream().filter(o -> !o.answer().answered() || o.answer().status() >= 500).count();
    }

    public long nonProblem4xx() {
        return outcomes.stream().filter(o -> o.answer().status() >= 400 && o.answer().status() < 500
                && !HostileStack.isProblem(o.answer())).count();
    }

    /** Requests that can never be valid (malformed JSON or percent-encoding, NUL...) and were not refused. */
    public long acceptedNeverValid() {
        return outcomes.stream().filter(o -> o.request().mustRefuse() && o.answer().answered() && o.answer().status() < 400).count();
    }

    public long slow() {
        return outcomes.stream().filter(o -> o.answer().millis() > slowMillis).count();
    }

    /** Rows written by refused requests, summed over tables and requests. */
    public long rowsWrittenByRefused() {
        return outcomes.stream().flatMap(o -> o.rowsWritten().values().stream()).mapToLong(Math::abs).sum();
    }

    public boolean databaseChecked() {
        return databaseChecked;
    }

    public List<String> notes() {
        return List.copyOf(notes);
    }

    public Map<String, Long> byStatusClass() {
        Map<String, Long> classes = new TreeMap<>();
        for (Outcome o : outcomes) {
            classes.merge(o.answer().answered() ? (o.answer().status() / 100) + "xx" : "none", 1L, Long::sum);
        }
        return classes;
    }

    public Outcome slowest() {
        return outcomes.stream().max(Comparator.comparingLong(o -> o.answer().millis())).orElse(null);
    }

    public String summary() {
        Outcome slowest = slowest();
        return String.format(Locale.ROOT, "hostile input: %d requests, %d 5xx or no answer, %d non-problem 4xx, %d accepted although never valid, %d slower than %d ms"
                        + " (slowest %d ms: %s), rows written by refused requests: %s",
                requests(), serverErrors(), nonProblem4xx(), acceptedNeverValid(), slow(), slowMillis, slowest == null ? 0 : slowest.answer().millis(),
                slowest == null ? "-" : slowest.request().operation().key() + " " + slowest.request().family(),
                rowsWrittenByRefused() + (counted == requests() ? "" : " (counted over " + counted + " of " + requests() + " requests)"));
    }

    /** Every group of findings with its count and up to {@code examples} examples. */
    public String findings(int examples) {
        StringBuilder s = new StringBuilder();
        String kind = null;
        for (Map.Entry<Group, List<Outcome>> e : findings.entrySet()) {
            Group g = e.getKey();
            if (!g.kind().equals(kind)) {
                kind = g.kind();
                long total = findings.entrySet().stream().filter(x -> x.getKey().kind().equals(g.kind()))
                        .mapToLong(x -> x.getValue().size()).sum();
                s.append("== ").append(kind).append(": ").append(total).append('\n');
            }
            s.append(String.format(Locale.ROOT, "  %4d  %s  %s  -> %s%n", e.getValue().size(), g.operation(), g.family(), g.answer()));
            for (Outcome o : e.getValue().subList(0, Math.min(examples, e.getValue().size()))) {
                s.append("          ").append(o.request().describe()).append('\n');
                s.append("          => ").append(o.answer().answered() ? o.answer().status() + " " + o.answer().contentType() + " "
                        + HostileRequests.excerpt(o.answer().body(), 240) : o.answer().failure())
                        .append(" (").append(o.answer().millis()).append(" ms)")
                        .append(o.rowsWritten().isEmpty() ? "" : " rows " + o.rowsWritten()).append('\n');
            }
        }
        notes.forEach(n -> s.append("note: ").append(n).append('\n'));
        return s.toString();
    }

    /** The families and places the run covered: operations × families, for the printed coverage line. */
    public String coverage() {
        Map<String, Integer> pairs = new LinkedHashMap<>();
        outcomes.forEach(o -> pairs.merge(o.request().operation().key() + " " + o.request().family(), 1, Integer::sum));
        long operations = outcomes.stream().map(o -> o.request().operation().key()).distinct().count();
        return pairs.size() + " operation x family pairs over " + operations + " operations";
    }

    private static String code(HostileStack.Answer a) {
        Object body = HostileJson.tryParse(a.body());
        Object code = HostileJson.object(body).get("code");
        return code instanceof String c ? c : mediaType(a);
    }

    private static String mediaType(HostileStack.Answer a) {
        String type = a.contentType().isEmpty() ? "no Content-Type" : a.contentType().split(";")[0].trim();
        return type + (a.body().isEmpty() ? ", empty body" : "");
    }
}
