package io.cpqoms.e2e;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Exact row counts of every table in the product's schemas (catalog, quote, ordering), to tell whether
 * a refused request wrote anything: counts before and after each request, compared. Read only.
 */
public final class HostileDatabase implements AutoCloseable {

    static final List<String> SCHEMAS = List.of("catalog", "quote", "ordering");

    private final Connection connection;
    private final List<String> tables = new ArrayList<>();
    private final String countAll;

    private HostileDatabase(Connection connection) throws SQLException {
        this.connection = connection;
        connection.setReadOnly(true);
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("select table_schema, table_name from information_schema.tables"
                     + " where table_schema in ('catalog', 'quote', 'ordering') and table_type = 'BASE TABLE' order by 1, 2")) {
            while (rs.next()) {
                tables.add(quoted(rs.getString(1)) + "." + quoted(rs.getString(2)));
            }
        }
        if (tables.isEmpty()) {
            throw new SQLException("no tables in the schemas " + SCHEMAS + ": is this the product's database?");
        }
        StringBuilder q = new StringBuilder();
        for (int i = 0; i < tables.size(); i++) {
            q.append(i == 0 ? "" : " union all ").append("select ").append(i).append(", count(*) from ").append(tables.get(i));
        }
        this.countAll = q.toString();
    }

    public static HostileDatabase connect(String url, String user, String password) throws SQLException {
        return new HostileDatabase(DriverManager.getConnection(url, user, password));
    }

    public List<String> tables() {
        return List.copyOf(tables);
    }

    /** count(*) of every table, in one statement. */
    public Map<String, Long> counts() throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(countAll)) {
            while (rs.next()) {
                counts.put(tables.get(rs.getInt(1)), rs.getLong(2));
            }
        }
        return counts;
    }

    /** The tables whose count changed, with the change. */
    public static Map<String, Long> difference(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> changed = new TreeMap<>();
        after.forEach((table, n) -> {
            long delta = n - before.getOrDefault(table, 0L);
            if (delta != 0) {
                changed.put(table, delta);
            }
        });
        return changed;
    }

    /** Waits until no count changes for {@code stable} (asynchronous work of an accepted command has ended). */
    public void awaitQuiet(HostileStack.Waiter waiter, Duration stable, Duration atMost) {
        java.util.concurrent.atomic.AtomicReference<Map<String, Long>> last = new java.util.concurrent.atomic.AtomicReference<>();
        long[] since = {System.nanoTime()};
        waiter.until("the database to be quiet for " + stable.toMillis() + " ms", atMost, () -> {
            Map<String, Long> now;
            try {
                now = counts();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            if (now.equals(last.get())) {
                return System.nanoTime() - since[0] >= stable.toNanos();
            }
            last.set(now);
            since[0] = System.nanoTime();
            return false;
        });
    }

    private static String quoted(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
