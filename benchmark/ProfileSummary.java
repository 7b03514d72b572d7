import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the server's CPU time went, from a JFR recording of Payara (benchmark/order-bench.sh --profile):
 * the share of execution samples per top method (self time), and per piece of work the samples'
 * stacks pass through (inclusive time), each piece recognised by a frame of its own.
 *   java benchmark/ProfileSummary.java RECORDING.jfr [TOP=25]
 */
public class ProfileSummary {

    /** Pieces of work, each recognised by the first frame whose class and method start with one of these. */
    static final String[][] PIECES = {
            {"authentication (realm login, JAAS, JACC)", "com.sun.enterprise.security.auth.login.", "com.sun.web.security.RealmAdapter.authenticate",
                    "org.glassfish.security.common.SSHA", "com.sun.enterprise.security.auth.realm.", "com.sun.enterprise.security.jacc."},
            {"JSON reading and writing (JSON-B, JSON-P)", "org.eclipse.yasson.", "org.glassfish.json.", "org.eclipse.parsson."},
            {"JDBC and PostgreSQL driver", "org.postgresql."},
            {"EclipseLink (JPA)", "org.eclipse.persistence."},
            {"JMS (OpenMQ client and broker)", "com.sun.messaging."},
            {"persistent EJB timers", "com.sun.ejb.containers.EJBTimerService", "com.sun.ejb.containers.NonPersistentEJBTimerService",
                    "org.glassfish.ejb.persistent.timer."},
            {"JTA transactions", "com.sun.enterprise.transaction.", "com.sun.jts."},
            {"HTTP connector (Grizzly)", "org.glassfish.grizzly."},
            {"JAX-RS (Jersey)", "org.glassfish.jersey."},
            {"Bean Validation", "org.hibernate.validator."},
            {"the product's own code", "io.cpqoms."},
            {"HTTP client towards the external systems", "jdk.internal.net.http.", "org.glassfish.jersey.client."},
    };

    public static void main(String[] args) throws Exception {
        int top = args.length > 1 ? Integer.parseInt(args[1]) : 25;
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> inclusive = new HashMap<>();
        Map<String, Integer> product = new HashMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            if (frames.isEmpty()) {
                continue;
            }
            samples++;
            self.merge(name(frames.get(0)), 1, Integer::sum);
            Set<String> seen = new HashSet<>();
            for (RecordedFrame frame : frames) {
                String name = name(frame);
                if (name.startsWith("io.cpqoms.") && seen.add(name)) {
                    product.merge(name, 1, Integer::sum);
                }
                for (String[] piece : PIECES) {
                    for (int p = 1; p < piece.length; p++) {
                        if (name.startsWith(piece[p]) && seen.add(piece[0])) {
                            inclusive.merge(piece[0], 1, Integer::sum);
                        }
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "%d execution samples%n%nshare of samples whose stack passes through (inclusive; pieces overlap):%n", samples);
        print(inclusive, samples, PIECES.length);
        System.out.printf(Locale.ROOT, "%nshare of samples per method of the product's own (inclusive):%n");
        print(product, samples, top);
        System.out.printf(Locale.ROOT, "%nshare of samples per top method (self):%n");
        print(self, samples, top);
    }

    static void print(Map<String, Integer> counts, int samples, int top) {
        List<Map.Entry<String, Integer>> sorted = new ArrayList<>(counts.entrySet());
        sorted.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
        for (Map.Entry<String, Integer> e : sorted.subList(0, Math.min(top, sorted.size()))) {
            System.out.printf(Locale.ROOT, "%6.1f%%  %s%n", 100.0 * e.getValue() / samples, e.getKey());
        }
    }

    static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }
}
