package io.cpqoms.kernel;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Removes a context's published outbox rows once they are older than the retention period
 * ({@code cpq.outbox.retention-hours}, default 168: a week), so the outbox holds what is still to be
 * sent plus a recent window, instead of growing by some forty rows per order forever. Unpublished rows
 * are never touched, and the audit trail is not the outbox: it stays. Deletes in batches of
 * {@value #BATCH}, each its own statement, so no purge holds many locks or a long transaction.
 */
public final class OutboxRetention {

    static final int BATCH = 5_000;
    private static final Pattern SCHEMA = Pattern.compile("[a-z_]+");

    private OutboxRetention() {
    }

    /** The configured retention period. */
    public static Duration retention() {
        return Duration.ofHours(ConfigProvider.getConfig().getOptionalValue("cpq.outbox.retention-hours", Long.class)
                .orElse(168L));
    }

    /** Deletes the schema's rows published before now minus {@code retention}; returns how many. */
    public static int purge(DataSource dataSource, String schema, Duration retention) {
        if (!SCHEMA.matcher(schema).matches()) {
            throw new IllegalArgumentException("not a schema name: " + schema);
        }
        Timestamp before = Timestamp.from(Instant.now().minus(retention));
        int removed = 0;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement("delete from " + schema + ".outbox_event where event_id in"
                     + " (select event_id from " + schema + ".outbox_event where published_at < ? order by published_at limit ?)")) {
            delete.setTimestamp(1, before);
            delete.setInt(2, BATCH);
            int batch;
            do {
                batch = delete.executeUpdate();
                removed += batch;
            } while (batch == BATCH);
        } catch (SQLException e) {
            throw new IllegalStateException("the " + schema + " outbox was not purged", e);
        }
        return removed;
    }
}
