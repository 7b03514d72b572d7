/** The quote's resources: start a quote, add items (one or a batch), override a charge, price it and record the customer's acceptance. */
package io.cpqoms.web.quote;
