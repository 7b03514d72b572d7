package io.cpqoms.fulfillment.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cpqoms.kernel.OutboxRetention;
import io.cpqoms.kernel.ServerResources;
import jakarta.annotation.Resource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The outbox's retention on the real database: published rows older than the period go, recent
 * published rows and unpublished rows of any age stay (an unsent message is never dropped; should the
 * relay send the probe first, it is a recent published row and stays too).
 */
@ExtendWith(ArquillianExtension.class)
class OutboxRetentionIT {

    @Deployment
    static WebArchive deployment() {
        return ShrinkWrap.create(WebArchive.class, "outbox-retention-it.war")
                .addClasses(OutboxRetention.class, ServerResources.class);
    }

    @Resource(lookup = ServerResources.DATA_SOURCE)
    DataSource dataSource;

    @Test
    void publishedRowsPastTheRetentionGoAndNothingUnsentDoes() throws Exception {
        Instant now = Instant.now();
        UUID oldPublished = insert(now.minus(Duration.ofDays(9)), now.minus(Duration.ofDays(9)));
        UUID recentPublished = insert(now.minus(Duration.ofDays(2)), now.minus(Duration.ofDays(2)));
        UUID oldUnsent = insert(now.minus(Duration.ofDays(30)), null);

        int removed = OutboxRetention.purge(dataSource, "ordering", Duration.ofDays(7));

        assertTrue(removed >= 1, "removed " + removed);
        assertEquals(List.of(false, true, true), List.of(exists(oldPublished), exists(recentPublished), exists(oldUnsent)));
        delete(recentPublished);
        delete(oldUnsent);
    }

    private UUID insert(Instant occurred, Instant published) throws Exception {
        UUID id = UUID.randomUUID();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("insert into ordering.outbox_event (event_id, tenant_id, event_type,"
                     + " destination, aggregate_type, aggregate_id, aggregate_version, occurred_at, correlation_id, payload,"
                     + " published_at) values (?, 'retention-it', 'retention.probe.v1', 'events', 'Probe', ?, 1, ?, ?,"
                     + " '{}'::jsonb, ?)")) {
            s.setObject(1, id);
            s.setString(2, id.toString());
            s.setTimestamp(3, Timestamp.from(occurred));
            s.setString(4, id.toString());
            s.setTimestamp(5, published == null ? null : Timestamp.from(published));
            s.executeUpdate();
        }
        return id;
    }

    private boolean exists(UUID id) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select 1 from ordering.outbox_event where event_id = ?")) {
            s.setObject(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    private void delete(UUID id) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("delete from ordering.outbox_event where event_id = ?")) {
            s.setObject(1, id);
            s.executeUpdate();
        }
    }
}
