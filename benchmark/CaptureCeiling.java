import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The limit an order capture is measured against: the same rows one capture writes (the order header
 * with its price snapshot, its lines with their configuration and price snapshots, the capture key, the
 * audit entry and the two outbox rows), in one transaction each, one JDBC batch per table as the
 * product's journal writes them, from CLIENTS connections for SECONDS, into the product's own tables of
 * the product's own PostgreSQL. The rows are copies of the newest order captured there (its JSON
 * snapshots, audit details and event payloads), under a tenant of the run's own, removed afterwards.
 * No Payara, no HTTP, no JMS, no checks: what is left is what the database can take.
 *
 *   java -cp postgresql.jar CaptureCeiling.java JDBC_URL USER PASSWORD [CLIENTS=8] [SECONDS=20] [LINES=5]
 *
 * (the template is the newest order from a quote with LINES lines)
 *
 * The last line is machine-readable: {@code CEILING transactions_per_s=... lines_per_s=... lines_per_capture=...}.
 */
public class CaptureCeiling {

    record Template(String header, String price, List<String[]> lines, String audit, List<String[]> events) {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String user = args[1];
        String password = args[2];
        int clients = args.length > 3 ? Integer.parseInt(args[3]) : 8;
        int seconds = args.length > 4 ? Integer.parseInt(args[4]) : 20;
        int lineCount = args.length > 5 ? Integer.parseInt(args[5]) : 5;
        String tenant = "ceiling-" + Long.toString(System.currentTimeMillis(), 36);
        Template template;
        try (Connection db = DriverManager.getConnection(url, user, password)) {
            template = template(db, lineCount);
        }
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<Long>> counts = new ArrayList<>();
        long start = System.nanoTime();
        try {
            for (int c = 0; c < clients; c++) {
                counts.add(pool.submit(() -> {
                    long done = 0;
                    try (Connection db = DriverManager.getConnection(url, user, password)) {
                        db.setAutoCommit(false);
                        while (!stop.get()) {
                            capture(db, tenant, template);
                            db.commit();
                            done++;
                        }
                    }
                    return done;
                }));
            }
            Thread.sleep(seconds * 1000L); // the measured window of the benchmark, not a wait on a condition
            stop.set(true);
            long transactions = 0;
            for (Future<Long> count : counts) {
                transactions += count.get();
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            int lines = template.lines().size();
            System.out.printf(Locale.ROOT, "ceiling: %d capture write sets from %d clients in %.1f s: %.0f transactions/s,"
                    + " %.0f order lines/s (%d lines, %d outbox rows each)%n", transactions, clients, elapsed,
                    transactions / elapsed, transactions * lines / elapsed, lines, template.events().size());
            System.out.printf(Locale.ROOT, "CEILING transactions_per_s=%.0f lines_per_s=%.0f lines_per_capture=%d%n",
                    transactions / elapsed, transactions * lines / elapsed, lines);
        } finally {
            pool.shutdownNow();
            try (Connection db = DriverManager.getConnection(url, user, password)) {
                for (String table : List.of("outbox_event", "audit_entry", "capture_request", "customer_order_line")) {
                    String where = table.equals("customer_order_line")
                            ? " where order_id in (select order_id from ordering.customer_order where tenant_id = ?)"
                            : " where tenant_id = ?";
                    try (PreparedStatement delete = db.prepareStatement("delete from ordering." + table + where)) {
                        delete.setString(1, tenant);
                        delete.executeUpdate();
                    }
                }
                try (PreparedStatement delete = db.prepareStatement("delete from ordering.customer_order where tenant_id = ?")) {
                    delete.setString(1, tenant);
                    delete.executeUpdate();
                }
            }
        }
    }

    /** The newest captured order's rows: what one capture writes, as the product writes it. */
    static Template template(Connection db, int lineCount) throws SQLException {
        String orderId;
        String price;
        try (PreparedStatement q = db.prepareStatement("select order_id::text, price_snapshot::text from ordering.customer_order"
                + " o where source_quote_id is not null and price_snapshot is not null and (select count(*) from"
                + " ordering.customer_order_line l where l.order_id = o.order_id) = " + lineCount
                + " order by created_at desc limit 1");
             ResultSet rows = q.executeQuery()) {
            if (!rows.next()) {
                throw new IllegalStateException("no order from a quote with " + lineCount + " lines yet: capture one first");
            }
            orderId = rows.getString(1);
            price = rows.getString(2);
        }
        List<String[]> lines = new ArrayList<>();
        try (PreparedStatement q = db.prepareStatement("select line_number, product_offering_id, product_offering_name,"
                + " product_spec_id, configuration_snapshot::text, price_snapshot::text from ordering.customer_order_line"
                + " where order_id = ?::uuid order by sort_order")) {
            q.setString(1, orderId);
            try (ResultSet rows = q.executeQuery()) {
                while (rows.next()) {
                    lines.add(new String[] {rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4),
                            rows.getString(5), rows.getString(6)});
                }
            }
        }
        String audit;
        try (PreparedStatement q = db.prepareStatement("select details::text from ordering.audit_entry where aggregate_id = ?"
                + " and action = 'ORDER_CAPTURED' limit 1")) {
            q.setString(1, orderId);
            try (ResultSet rows = q.executeQuery()) {
                audit = rows.next() ? rows.getString(1) : "{}";
            }
        }
        List<String[]> events = new ArrayList<>();
        try (PreparedStatement q = db.prepareStatement("select event_type, destination, payload::text from ordering.outbox_event"
                + " where aggregate_id = ? order by recorded_seq limit 2")) {
            q.setString(1, orderId);
            try (ResultSet rows = q.executeQuery()) {
                while (rows.next()) {
                    events.add(new String[] {rows.getString(1), rows.getString(2), rows.getString(3)});
                }
            }
        }
        return new Template(orderId, price, lines, audit, events);
    }

    static void capture(Connection db, String tenant, Template t) throws SQLException {
        UUID order = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement key = db.prepareStatement("insert into ordering.capture_request (tenant_id, request_key, order_id,"
                + " request_fingerprint, created_at) values (?, ?, ?, ?, ?) on conflict do nothing")) {
            key.setString(1, tenant);
            key.setString(2, "acceptance:" + UUID.randomUUID());
            key.setObject(3, order);
            key.setString(4, "ceiling");
            key.setTimestamp(5, now);
            key.executeUpdate();
        }
        try (PreparedStatement header = db.prepareStatement("insert into ordering.customer_order (order_id, tenant_id, order_number,"
                + " order_type, status, customer_id, account_id, catalog_version_id, source_quote_id, source_quote_number,"
                + " source_quote_revision, acceptance_id, accepted_at, accepted_by, priority, currency, one_time_total,"
                + " price_snapshot, content_fingerprint, created_by, entity_version, created_at, updated_at, milestones)"
                + " values (?, ?, ?, 'NEW', 'IN_PROGRESS', ?, ?, ?, ?, 'Q-CEILING', 1, ?, ?, 'ceiling', 'NORMAL', 'USD', 0,"
                + " ?::jsonb, 'ceiling', 'ceiling', 1, ?, ?, '{}'::jsonb)")) {
            header.setObject(1, order);
            header.setString(2, tenant);
            header.setString(3, "ORD-CEILING-" + order);
            header.setString(4, "cust-" + order);
            header.setString(5, "acct-" + order);
            header.setObject(6, UUID.randomUUID());
            header.setObject(7, UUID.randomUUID());
            header.setObject(8, UUID.randomUUID());
            header.setTimestamp(9, now);
            header.setString(10, t.price());
            header.setTimestamp(11, now);
            header.setTimestamp(12, now);
            header.executeUpdate();
        }
        try (PreparedStatement line = db.prepareStatement("insert into ordering.customer_order_line (order_line_id, order_id,"
                + " line_number, action, status, fulfillment_status, product_offering_id, product_offering_name, product_spec_id,"
                + " quantity, configuration_snapshot, price_snapshot, sort_order, created_at, updated_at, product_id)"
                + " values (?, ?, ?, 'ADD', 'CAPTURED', 'PENDING', ?, ?, ?, 1, ?::jsonb, ?::jsonb, ?, ?, ?, ?)")) {
            for (int i = 0; i < t.lines().size(); i++) {
                String[] l = t.lines().get(i);
                line.setObject(1, UUID.randomUUID());
                line.setObject(2, order);
                line.setString(3, l[0]);
                line.setString(4, l[1]);
                line.setString(5, l[2]);
                line.setString(6, l[3]);
                line.setString(7, l[4]);
                line.setString(8, l[5]);
                line.setInt(9, i);
                line.setTimestamp(10, now);
                line.setTimestamp(11, now);
                line.setObject(12, UUID.randomUUID());
                line.addBatch();
            }
            line.executeBatch();
        }
        try (PreparedStatement audit = db.prepareStatement("insert into ordering.audit_entry (id, tenant_id, occurred_at, actor,"
                + " correlation_id, action, aggregate_type, aggregate_id, aggregate_version, details)"
                + " values (?, ?, ?, 'ceiling', ?, 'ORDER_CAPTURED', 'CustomerOrder', ?, 1, ?::jsonb)")) {
            audit.setObject(1, UUID.randomUUID());
            audit.setString(2, tenant);
            audit.setTimestamp(3, now);
            audit.setString(4, order.toString());
            audit.setString(5, order.toString());
            audit.setString(6, t.audit());
            audit.executeUpdate();
        }
        try (PreparedStatement event = db.prepareStatement("insert into ordering.outbox_event (event_id, tenant_id, event_type,"
                + " destination, aggregate_type, aggregate_id, aggregate_version, occurred_at, correlation_id, payload,"
                + " published_at) values (?, ?, ?, ?, 'CustomerOrder', ?, 1, ?, ?, ?::jsonb, ?)")) {
            for (String[] e : t.events()) {
                event.setObject(1, UUID.randomUUID());
                event.setString(2, tenant);
                event.setString(3, e[0]);
                event.setString(4, e[1]);
                event.setString(5, order.toString());
                event.setTimestamp(6, now);
                event.setString(7, order.toString());
                event.setString(8, e[2]);
                // marked published as written, so the product's relay never sends the copies (the row is
                // the same; only the partial index of unpublished rows is spared it)
                event.setTimestamp(9, now);
                event.addBatch();
            }
            event.executeBatch();
        }
    }
}
