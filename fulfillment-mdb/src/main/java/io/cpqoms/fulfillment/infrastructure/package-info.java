/** The fulfillment context's use of the JMS broker embedded in Payara Server. */
package io.cpqoms.fulfillment.infrastructure;
