package io.cpqoms.quote.infrastructure;

import io.cpqoms.kernel.EventOutboxPoller;
import io.cpqoms.kernel.OutboxRetention;
import io.cpqoms.kernel.ServerResources;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.Topic;
import javax.sql.DataSource;

/**
 * Publishes the quote context's committed events (quote.started.v1 ... quote.accepted.v1, docs/quotes.md) to the events topic.
 * Polling every second keeps the relay independent of the transaction that wrote the event; the
 * timer is not persistent because a missed tick is simply caught up by the next one.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class QuoteEventRelay {

    private final EventOutboxPoller poller = new EventOutboxPoller("quote");

    @Resource(lookup = ServerResources.DATA_SOURCE)
    private DataSource dataSource;

    @Inject
    private JMSContext jms;

    @Resource(lookup = ServerResources.EVENTS_TOPIC)
    private Topic events;

    @Schedule(hour = "*", minute = "*", second = "*", persistent = false)
    void relay() {
        poller.poll(dataSource, jms, events);
    }

    /** Published events past the retention period go (a persistent timer: once per cluster, every hour). */
    @Schedule(hour = "*", minute = "23", persistent = true)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void purgePublished() {
        OutboxRetention.purge(dataSource, "quote", OutboxRetention.retention());
    }
}
