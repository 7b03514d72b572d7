package io.cpqoms.fulfillment.api;

/** JNDI names of the JMS resources that server-config/src/main/asadmin/30-messaging.asadmin creates. */
public final class Destinations {

    public static final String CONNECTION_FACTORY = "jms/cpq/ConnectionFactory";
    public static final String FULFILLMENT_ITEM_QUEUE = "jms/cpq/FulfillmentItemQueue";
    public static final String FULFILLMENT_RESULT_QUEUE = "jms/cpq/FulfillmentResultQueue";
    public static final String ERP_INBOUND_QUEUE = "jms/cpq/ErpInboundQueue";
    public static final String EVENTS_TOPIC = "jms/cpq/EventsTopic";
    /** The broker's dead message queue, by its physical name: messages land here after the bounded redelivery. */
    public static final String DEAD_LETTER_QUEUE_NAME = "mq.sys.dmq";

    private Destinations() {
    }
}
