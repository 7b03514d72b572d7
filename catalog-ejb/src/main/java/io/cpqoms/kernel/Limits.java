package io.cpqoms.kernel;

/**
 * The sizes the boundary admits, taken from the database columns that finally hold the values (the
 * narrowest one where a value travels, as a customer id does from quote to order).
 */
public final class Limits {

    /** Customer and account ids: {@code customer_order.customer_id varchar(80)}. */
    public static final int PARTY_ID = 80;
    /** Offering, price and specification ids: {@code customer_order_line.product_offering_id varchar(120)}. */
    public static final int CATALOG_ID = 120;
    /** References of external systems: {@code fulfillment_item.external_reference varchar(200)}. */
    public static final int REFERENCE = 200;
    /** Free text a person writes: reasons, notes, descriptions. */
    public static final int TEXT = 2000;
    public static final int CHARACTERISTICS = 100;
    /** Children of one bundle. */
    public static final int CHILDREN = 100;
    /** Channels, segments, failure codes: upper-case codes. */
    public static final String CODE_PATTERN = "[A-Z][A-Z0-9_]*";

    private Limits() {
    }
}
