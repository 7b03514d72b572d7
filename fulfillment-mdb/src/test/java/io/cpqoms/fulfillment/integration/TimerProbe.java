package io.cpqoms.fulfillment.integration;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import java.io.Serializable;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Schedules persistent timers the way retries, SLA and unknown-outcome polling will, and records firings. */
@Stateless
public class TimerProbe {

    static final Map<String, Long> FIRED = new ConcurrentHashMap<>();

    @Resource
    TimerService timers;

    public void schedule(String probe, long delayMillis) {
        timers.createSingleActionTimer(new Date(System.currentTimeMillis() + delayMillis), new TimerConfig(probe, true));
    }

    public boolean pending(String probe) {
        return timers.getTimers().stream().anyMatch(t -> probe.equals(t.getInfo()));
    }

    @Timeout
    void fire(Timer timer) {
        Serializable info = timer.getInfo();
        FIRED.put((String) info, System.currentTimeMillis());
    }
}
