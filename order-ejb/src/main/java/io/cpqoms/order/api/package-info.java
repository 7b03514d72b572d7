/**
 * The order context's contract (orders, validation, decomposition, fallout, cancellation). It grows
 * with order capture; today the context owns its schema and nothing else.
 */
package io.cpqoms.order.api;
