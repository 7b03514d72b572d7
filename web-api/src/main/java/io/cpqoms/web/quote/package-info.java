/** The quote's resources: start a quote, add items, price it and record the customer's acceptance. */
package io.cpqoms.web.quote;
