/**
 * The order context's contract: capture (from an accepted quote or directly), validation,
 * decomposition into fulfillment items, orchestration, the worker-facing item commands, and the
 * order's queries and timeline.
 */
package io.cpqoms.order.api;
