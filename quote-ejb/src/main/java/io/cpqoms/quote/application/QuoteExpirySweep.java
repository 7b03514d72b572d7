package io.cpqoms.quote.application;

import io.cpqoms.quote.domain.QuoteRepository;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The expiry sweep on a programmatic persistent EJB timer (stored in PostgreSQL with the server's
 * other persistent timers, so it survives a restart and fires on one cluster member): every
 * {@code cpq.quote.expiry-sweep-interval-ms} (default 10 s) it expires the quotes whose validity
 * ended. A persistent {@code @Schedule} would do too; the programmatic timer lets the interval be a
 * system property. A missed tick is caught up by the next one, and acceptance checks {@code validUntil}
 * itself, so a quote is never accepted late because the sweep has not run yet.
 */
@Singleton
@Startup
public class QuoteExpirySweep {

    static final String TIMER = "quote-expiry-sweep";
    private static final Logger LOG = Logger.getLogger(QuoteExpirySweep.class.getName());

    @Resource
    private TimerService timers;

    @EJB
    private QuoteExpiryService expiry;

    @PostConstruct
    void schedule() {
        long interval = Long.getLong("cpq.quote.expiry-sweep-interval-ms", 10_000L);
        for (Timer timer : timers.getTimers()) {
            if (TIMER.equals(timer.getInfo())) {
                return;
            }
        }
        timers.createIntervalTimer(interval, interval, new TimerConfig(TIMER, true));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void sweep(Timer timer) {
        // The timeout never fails: a failed timeout is retried and then given up by the container, and a
        // database outage must not end the sweep for good (the full suite's outage drill showed it).
        Instant now = Instant.now();
        java.util.List<QuoteRepository.Due> due;
        try {
            due = expiry.due(now);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "the quote expiry sweep could not look for due quotes; the next sweep tries again", e);
            return;
        }
        for (QuoteRepository.Due quote : due) {
            try {
                expiry.expire(quote.tenantId(), quote.quoteId(), now);
            } catch (RuntimeException e) {
                // one quote that cannot expire now (a concurrent change) does not stop the others; the next sweep retries it
                LOG.log(Level.WARNING, "quote " + quote.quoteId() + " did not expire in this sweep", e);
            }
        }
    }
}
