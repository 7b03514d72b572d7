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
import java.io.Serializable;
import java.time.Instant;
import java.util.Date;
import java.util.Set;

/**
 * The order context's persistent EJB timers (in PostgreSQL, one firing per cluster, surviving
 * restarts): created in the transaction of the command that scheduled them, so a command that rolls
 * back leaves no timer; when one fires, the order does what it was for in the timer's transaction (a
 * failure rolls it back and the container fires it again).
 */
@Stateless
public class OrderTimers {

    /** The actor of what the order does on its timers. */
    public static final String ACTOR = "system:order-timer";

    /** What is stored with the timer: the order's purpose and whose it is. */
    public record Scheduled(String tenantId, String correlationId, OrderTimer due) implements Serializable {
    }

    @Resource
    private TimerService timerService;

    @EJB
    private OrderProcessService process;

    public void schedule(Instant at, Scheduled scheduled) {
        timerService.createSingleActionTimer(Date.from(at), new TimerConfig(scheduled, true));
    }

    @Timeout
    void fire(Timer timer) {
        Scheduled scheduled = (Scheduled) timer.getInfo();
        process.timerDue(new CommandContext(scheduled.tenantId(), ACTOR, scheduled.correlationId(), Set.of()), scheduled.due());
    }
}
