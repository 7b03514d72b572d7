package io.cpqoms.order.infrastructure;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

/** After a commit that wrote outbox messages, asks the relay to send them now rather than at the next poll. */
@ApplicationScoped
public class OutboxKick {

    @EJB
    private OrderOutboxRelay relay;

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) OrderJournal.OutboxWritten written) {
        relay.kick();
    }
}
