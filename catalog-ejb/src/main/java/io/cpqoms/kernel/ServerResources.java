package io.cpqoms.kernel;

/**
 * JNDI names of the server resources the product uses, as the asadmin files in
 * server-config/src/main/asadmin create them.
 */
public final class ServerResources {

    /** The PostgreSQL data source every context uses, each in its own schema. */
    public static final String DATA_SOURCE = "jdbc/cpq";


    public static final String CONNECTION_FACTORY = "jms/cpq/ConnectionFactory";
    public static final String FULFILLMENT_ITEM_QUEUE = "jms/cpq/FulfillmentItemQueue";
    /** The physical name of the fulfillment item queue, for message-driven beans. */
    public static final String FULFILLMENT_ITEM_QUEUE_NAME = "CpqFulfillmentItem";
    /** The order context's own next steps (validate, decompose, start fulfillment). */
    public static final String ORDER_COMMAND_QUEUE = "jms/cpq/OrderCommandQueue";
    public static final String ORDER_COMMAND_QUEUE_NAME = "CpqOrderCommand";
    public static final String FULFILLMENT_RESULT_QUEUE = "jms/cpq/FulfillmentResultQueue";
    /** Messages from ERP (account standings, billing answers, order requests): docs/erp.md. */
    public static final String ERP_INBOUND_QUEUE = "jms/cpq/ErpInboundQueue";
    public static final String ERP_INBOUND_QUEUE_NAME = "CpqErpInbound";
    /** The integration events ERP takes, kept while ERP is away. */
    public static final String ERP_OUTBOUND_QUEUE = "jms/cpq/ErpOutboundQueue";
    public static final String ERP_OUTBOUND_QUEUE_NAME = "CpqErpOutbound";
    /** The product's own dead letters of the ERP inbound queue: malformed messages, never redelivered. */
    public static final String ERP_DEAD_LETTER_QUEUE = "jms/cpq/ErpDeadLetterQueue";
    public static final String ERP_DEAD_LETTER_QUEUE_NAME = "CpqErpDeadLetter";
    public static final String EVENTS_TOPIC = "jms/cpq/EventsTopic";
    /** The broker's dead message queue, by its physical name: messages land here after the bounded redelivery. */
    public static final String DEAD_LETTER_QUEUE_NAME = "mq.sys.dmq";

    private ServerResources() {
    }
}
