package io.cpqoms.order.infrastructure;

import io.cpqoms.kernel.CommandContext;
import io.cpqoms.order.application.OrderProcessService;
import io.cpqoms.order.domain.OrderTimer;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.logging.Logger;
import java.io.Serializable;
import java.time.Instant;
import java.util.Date;
import java.util.Set;

/**
 * The order context's persistent EJB timers (in PostgreSQL, one firing per cluster, surviving
 * restarts): created in the transaction of the command that scheduled them, so a command that rolls
 * back leaves no timer. When one fires, the order does what it was for in a transaction of its own.
 * If that fails, the timer is set again after a pause (5 s, 20 s, 45 s ...), {@value #ATTEMPTS} times
 * in all, and then the order records the failure and opens a fallout case: the container's own
 * redelivery gives up quietly after a few tries (EJB5119, expunging the timer), and nothing may wait
 * silently.
 */
@Stateless
public class OrderTimers {

    /** The actor of what the order does on its timers. */
    public static final String ACTOR = "system:order-timer";
    static final int ATTEMPTS = 5;

    private static final Logger LOG = Logger.getLogger(OrderTimers.class.getName());

    /** What is stored with the timer: the order's purpose, whose it is, and how often it was tried. */
    public record Scheduled(String tenantId, String correlationId, OrderTimer due, int attempt) implements Serializable {

        public Scheduled(String tenantId, String correlationId, OrderTimer due) {
            this(tenantId, correlationId, due, 0);
        }
    }

    @Resource
    private TimerService timerService;

    @EJB
    private OrderProcessService process;

    public void schedule(Instant at, Scheduled scheduled) {
        timerService.createSingleActionTimer(Date.from(at), new TimerConfig(scheduled, true));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void fire(Timer timer) {
        Scheduled scheduled = (Scheduled) timer.getInfo();
        CommandContext context = new CommandContext(scheduled.tenantId(), ACTOR, scheduled.correlationId(), Set.of());
        try {
            process.timerDue(context, scheduled.due());
        } catch (RuntimeException e) {
            String error = describe(e);
            int attempt = scheduled.attempt() + 1;
            if (attempt < ATTEMPTS) {
                LOG.warning(() -> "timer " + scheduled.due() + " failed (" + error + "); again in " + 5 * attempt * attempt + " s");
                schedule(Instant.now().plusSeconds(5L * attempt * attempt),
                        new Scheduled(scheduled.tenantId(), scheduled.correlationId(), scheduled.due(), attempt));
            } else {
                LOG.severe(() -> "timer " + scheduled.due() + " failed " + ATTEMPTS + " times (" + error + "); a fallout case opens");
                process.timerFailed(context, scheduled.due(), error);
            }
        }
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
        return text.length() > 500 ? text.substring(0, 500) : text;
    }
}
