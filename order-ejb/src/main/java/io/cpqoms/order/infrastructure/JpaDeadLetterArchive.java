package io.cpqoms.order.infrastructure;

import io.cpqoms.kernel.Json;
import io.cpqoms.order.domain.DeadLetter;
import io.cpqoms.order.domain.DeadLetterArchive;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.util.UUID;

/** The dead letter archive in the order schema ({@code dead_letter}); a message id is kept once. */
@ApplicationScoped
public class JpaDeadLetterArchive implements DeadLetterArchive {

    @PersistenceContext(unitName = "ordering")
    private EntityManager em;

    @Override
    public boolean keep(DeadLetter letter, UUID fulfillmentItemId) {
        return em.createNativeQuery("insert into ordering.dead_letter (message_id, destination, message_type, tenant_id,"
                        + " correlation_id, order_id, fulfillment_item_id, reason, delivery_count, dead_lettered_at, properties,"
                        + " body) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?) on conflict (message_id) do nothing")
                .setParameter(1, letter.messageId())
                .setParameter(2, letter.destination())
                .setParameter(3, letter.messageType())
                .setParameter(4, letter.tenantId())
                .setParameter(5, letter.correlationId())
                .setParameter(6, letter.orderId())
                .setParameter(7, fulfillmentItemId)
                .setParameter(8, letter.reason())
                .setParameter(9, letter.deliveryCount())
                .setParameter(10, Timestamp.from(letter.deadLetteredAt()))
                .setParameter(11, Json.write(letter.properties()))
                .setParameter(12, letter.body())
                .executeUpdate() == 1;
    }
}
