package io.cpqoms.kernel;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntSupplier;

/**
 * Runs an outbox relay as soon as it is asked and never twice at once: a request that arrives while
 * a drain runs makes that drain go round once more, so a message committed at any moment is relayed
 * without waiting for the next poll. Each batch is its own transaction (the supplier's business).
 */
public final class OutboxDrain {

    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean requested = new AtomicBoolean();
    private final IntSupplier batch;
    private final int batchSize;

    /** @param batch relays one batch in its own transaction and returns how many messages it sent */
    public OutboxDrain(IntSupplier batch, int batchSize) {
        this.batch = batch;
        this.batchSize = batchSize;
    }

    /** Relays everything committed so far, or leaves it to the drain already running. */
    public void drain() {
        requested.set(true);
        while (requested.get() && running.compareAndSet(false, true)) {
            try {
                while (requested.getAndSet(false)) {
                    while (batch.getAsInt() >= batchSize) {
                        // a full batch: there may be more
                    }
                }
            } finally {
                running.set(false);
            }
        }
    }
}
