package io.cpqoms.fulfillment.integration;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cpqoms.kernel.ServerResources;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Persistent EJB timers live in PostgreSQL (schema ejb_timer), which is what lets them survive a
 * restart and fire once per cluster: a scheduled timer is a row there until it has fired.
 */
@ExtendWith(ArquillianExtension.class)
class PersistentTimerIT {

    @Deployment
    static WebArchive deployment() {
        return ShrinkWrap.create(WebArchive.class, "persistent-timer-it.war")
                .addClasses(TimerProbe.class, ServerResources.class)
                .addPackages(true, "org.awaitility", "org.hamcrest");
    }

    @EJB
    TimerProbe probe;

    @Resource(lookup = ServerResources.DATA_SOURCE)
    DataSource dataSource;

    @Test
    void aPersistentTimerIsStoredInPostgresqlUntilItFires() throws Exception {
        String info = UUID.randomUUID().toString();
        long before = timerRows();
        probe.schedule(info, 3_000);
        assertTrue(probe.pending(info));
        assertTrue(timerRows() > before, "the timer is a row of ejb_timer.\"EJB__TIMER__TBL\"");

        await().atMost(Duration.ofSeconds(30)).until(() -> TimerProbe.FIRED.containsKey(info));
        await().atMost(Duration.ofSeconds(10)).until(() -> !probe.pending(info));
        assertFalse(probe.pending(info));
    }

    private long timerRows() throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select count(*) from ejb_timer.\"EJB__TIMER__TBL\"");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
