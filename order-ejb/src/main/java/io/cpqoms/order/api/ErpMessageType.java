package io.cpqoms.order.api;

import java.util.Arrays;
import java.util.Optional;

/**
 * The messages ERP sends on the ERP inbound queue, by their {@code messageType} property (name and
 * version), each with the record its JSON body is read into. A change that is not additive is a new
 * constant with the next version, accepted alongside the old one until ERP has moved.
 */
public enum ErpMessageType {

    ACCOUNT_STANDING("account-standing.v1", ErpAccountStanding.class,
            "What ERP states about an account (customer, segment, outstanding debt) as of an instant; recorded as the"
                    + " account standing eligibility decides on. A statement older than the recorded one changes nothing."),
    BILLING_ACKNOWLEDGEMENT("billing-acknowledgement.v1", ErpBillingAcknowledgement.class,
            "The billing system accepted a billing trigger; billingReference is its own id for it."),
    BILLING_REJECTION("billing-rejection.v1", ErpBillingRejection.class,
            "The billing system refused a billing trigger; a billing fallout case is opened for it."),
    ORDER_REQUEST("order-request.v1", ErpOrderRequest.class,
            "An order placed in ERP, captured as a direct order (a new order, or a change of the customer's installed"
                    + " base, as POST /api/orders takes it) under its idempotency key.");

    private final String type;
    private final Class<? extends Record> body;
    private final String description;

    ErpMessageType(String type, Class<? extends Record> body, String description) {
        this.type = type;
        this.body = body;
        this.description = description;
    }

    /** The {@code messageType} property's value, e.g. {@code order-request.v1}. */
    public String type() {
        return type;
    }

    public Class<? extends Record> body() {
        return body;
    }

    public String description() {
        return description;
    }

    public static Optional<ErpMessageType> of(String type) {
        return Arrays.stream(values()).filter(t -> t.type.equals(type)).findFirst();
    }
}
