package io.cpqoms.fulfillment.api;

import jakarta.ejb.Local;

/** Whether the JMS broker and the product's destinations can be used right now. */
@Local
public interface MessagingStatus {

    Report check();

    /** The outcome of one check: up or not, and what was found. */
    record Report(boolean up, String broker, String detail) {
    }
}
